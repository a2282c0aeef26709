"""Medicines and schedules: adding a medicine, changing a dose and a taper plan, with the safety
checks' verdict shown before anything is saved."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from journal.domain import Form, Quantity, Unit
from journal.ui.dialogs.medicine_dialog import MedicationDialog
from journal.ui.dialogs.medicine_forms import parse_strength, parse_times
from journal.ui.dialogs.schedule_change import RegimenDialog
from journal.ui.screens.medicines_view import MedicinesView
from tests.ui.conftest import TABLETS, clock, empty_journal, journal, no_blocking_dialogs, patient_id, session  # noqa: F401


def make_view(qtbot, session) -> MedicinesView:  # noqa: ANN001
    v = MedicinesView(session)
    qtbot.addWidget(v)
    v.show()
    return v


def test_adding_a_liquid_needs_its_concentration(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    messages: list[str] = []

    def run(self: MedicationDialog) -> int:
        qtbot.keyClicks(self.name, "Baclofen 25 mg/5 mL suspension")
        self.form_combo.setCurrentIndex(self.form_combo.findData(Form.SUSPENSION))
        assert self.liquid_hint.isVisible() or not self.isVisible()
        qtbot.keyClicks(self.strength, "25 mg")
        qtbot.keyClicks(self.dose, "5 mg")
        qtbot.keyClicks(self.times, "8:00, 14:00, 20:00")
        self.save_button.click()
        messages.append(self.error.message)
        self.strength.clear()
        qtbot.keyClicks(self.strength, "25 mg/5 mL")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(MedicationDialog, "exec", run)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert "concentration" in messages[0]
    m = journal.find_medication(patient_id(journal), "Baclofen 25 mg/5 mL suspension")
    assert m.strength == Quantity(25, Unit.MG, Quantity(5, Unit.ML))
    assert m.regimens[0].times == [time(8), time(14), time(20)]
    qtbot.waitUntil(lambda: view.list.count() == 4)


def test_strength_and_times_parsing() -> None:
    assert parse_strength("1 mg/mL") == Quantity(1, Unit.MG, Quantity(1, Unit.ML))
    assert parse_strength("2000 mcg per mL").unit is Unit.MCG
    with pytest.raises(ValueError):
        parse_strength("5 mL")
    assert parse_times("8am, 2pm 8 pm") == [time(8), time(14), time(20)]
    with pytest.raises(ValueError, match="not a time"):
        parse_times("8:00, lunch")


def test_a_change_must_be_checked_before_it_can_be_saved(qtbot, session, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    view.select(TABLETS)
    seen: dict[str, object] = {}

    def run(self: RegimenDialog) -> int:
        seen["save_enabled_at_first"] = self.save_button.isEnabled()
        self.reject()
        return 0

    monkeypatch.setattr(RegimenDialog, "exec", run)
    qtbot.mouseClick(view.change_button, Qt.MouseButton.LeftButton)
    assert seen["save_enabled_at_first"] is False


def test_bad_step_is_explained(qtbot, session, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    view.select(TABLETS)
    errors: list[str] = []

    def run(self: RegimenDialog) -> int:
        self.set_step(0, dose="ten")
        self.check_button.click()
        errors.append(self.error.message)
        return 0

    monkeypatch.setattr(RegimenDialog, "exec", run)
    qtbot.mouseClick(view.change_button, Qt.MouseButton.LeftButton)
    assert "Step 1" in errors[0]


def test_a_big_cut_shows_a_warning_before_saving(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    view.select(TABLETS)
    seen: dict[str, object] = {}

    def run(self: RegimenDialog) -> int:
        self.set_step(0, start=date(2026, 11, 24), dose="5 mg", times="08:00, 20:00")
        self.check_button.click()
        seen["verdict"] = self.verdict.label.text()
        seen["worst"] = self.verdict.worst
        seen["button"] = self.save_button.text()
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(RegimenDialog, "exec", run)
    qtbot.mouseClick(view.change_button, Qt.MouseButton.LeftButton)
    assert seen["worst"] is not None, seen["verdict"]
    assert "Before you save" in str(seen["verdict"])
    assert "anyway" in str(seen["button"])
    m = journal.find_medication(patient_id(journal), TABLETS)
    assert m.regimens[-1].dose == Quantity(5, Unit.MG) and m.regimens[-1].start == date(2026, 11, 24)
    assert m.regimens[-2].end == date(2026, 11, 23)


def test_editing_after_the_check_needs_a_new_check(qtbot, session, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    view.select(TABLETS)
    seen: list[bool] = []

    def run(self: RegimenDialog) -> int:
        self.check_button.click()
        seen.append(self.save_button.isEnabled())
        self.set_step(0, dose="15 mg")
        seen.append(self.save_button.isEnabled())
        return 0

    monkeypatch.setattr(RegimenDialog, "exec", run)
    qtbot.mouseClick(view.change_button, Qt.MouseButton.LeftButton)
    assert seen == [True, False]


def test_taper_plan_as_dated_steps(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    view.select(TABLETS)

    def run(self: RegimenDialog) -> int:
        self.set_step(0, start=date(2026, 11, 24), dose="10 mg", times="08:00, 20:00")
        self.add_button.click()
        self.set_step(1, start=date(2026, 12, 1), dose="5 mg", times="08:00, 20:00")
        self.add_button.click()
        self.set_step(2, start=date(2026, 12, 8), dose="5 mg", times="20:00")
        self.stop_after.setChecked(True)
        from PySide6.QtCore import QDate

        self.stop_date.setDate(QDate(2026, 12, 14))
        qtbot.keyClicks(self.reason, "Dr Lee: slow taper")
        self.check_button.click()
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(RegimenDialog, "exec", run)
    qtbot.mouseClick(view.taper_button, Qt.MouseButton.LeftButton)
    m = journal.find_medication(patient_id(journal), TABLETS)
    steps = [(r.start, r.end, r.dose.value, len(r.times)) for r in m.regimens[-3:]]
    assert steps == [(date(2026, 11, 24), date(2026, 11, 30), 10, 2), (date(2026, 12, 1), date(2026, 12, 7), 5, 2),
                     (date(2026, 12, 8), date(2026, 12, 14), 5, 1)]
    qtbot.waitUntil(lambda: "from 2026-12-08 until 2026-12-14" in view.details.text())


def test_an_as_needed_painkiller_is_not_taken_for_baclofen(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    view = make_view(qtbot, session)
    drugs: list[str] = []

    def run(self: MedicationDialog) -> int:
        qtbot.keyClicks(self.name, "Ibuprofen 200 mg tablets")
        drugs.append(self.drug.currentText())
        qtbot.keyClicks(self.strength, "200 mg")
        self.as_needed.setChecked(True)
        assert not self.times.isEnabled()
        qtbot.keyClicks(self.dose, "1 tablet")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(MedicationDialog, "exec", run)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert drugs == [""]
    m = journal.find_medication(patient_id(journal), "Ibuprofen 200 mg tablets")
    assert m.as_needed and m.drug in (None, "") and m.regimens[0].times == []


def test_stopping_baclofen_warns_before_saving(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.dialogs.schedule_change import StopDialog

    view = make_view(qtbot, session)
    view.select(TABLETS)
    seen: dict[str, object] = {}

    def run(self: StopDialog) -> int:
        seen["enabled_before_check"] = self.save_button.isEnabled()
        qtbot.keyClicks(self.reason, "Dr Lee")
        self.check_button.click()
        seen["worst"] = self.verdict.worst
        seen["text"] = self.verdict.label.text()
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(StopDialog, "exec", run)
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert seen["enabled_before_check"] is False
    assert seen["worst"] is not None, seen["text"]
    m = journal.find_medication(patient_id(journal), TABLETS)
    assert m.regimens[-1].end == date(2026, 11, 23)
    assert "Stop saved" in view.status.text()
