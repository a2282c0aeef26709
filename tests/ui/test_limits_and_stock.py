"""The window's part of issue 13: the medicine editor sets as-needed limits and the daily ceiling
and records stock; Today shows "next allowed from", "2 of 3 in 24 h" and "about N days left"."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from journal.domain import AsNeededLimits, Dose, DoseStatus, Quantity, StockEvent, StockKind, Unit
from journal.ui.dialogs.medicine_forms import parse_limits
from journal.ui.dialogs.medicine_limits import LimitsDialog, StockDialog
from journal.ui.screens.medicines_view import MedicinesView
from journal.ui.screens.today_view import TodayView
from tests.ui.conftest import (  # noqa: F401
    PRN,
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    session,
)


def medicines(qtbot, session) -> MedicinesView:  # noqa: ANN001
    v = MedicinesView(session)
    qtbot.addWidget(v)
    v.show()
    return v


def today(qtbot, session) -> TodayView:  # noqa: ANN001
    v = TodayView(session)
    qtbot.addWidget(v)
    v.resize(1000, 800)
    v.show()
    return v


def test_limits_typed_as_people_write_them() -> None:
    assert parse_limits("3", "4,5", "30 mL") == AsNeededLimits(3, 4.5, Quantity(30, Unit.ML))
    assert parse_limits("", "", "") is None
    for bad, word in ((("three", "", ""), "Most doses"), (("", "soon", ""), "Hours between"),
                      (("", "", "30"), "Most in 24 hours"), (("", "", "0 mg"), "Most in 24 hours")):
        try:
            parse_limits(*bad)
        except ValueError as e:
            assert word in str(e)
        else:
            raise AssertionError(f"{bad} was accepted")


def test_the_editor_sets_as_needed_limits_and_the_ceiling(qtbot, session, journal,  # noqa: ANN001
                                                                            monkeypatch) -> None:
    view = medicines(qtbot, session)
    view.select(PRN)
    errors: list[str] = []

    def run(self: LimitsDialog) -> int:
        for w in self.findChildren(QLineEdit) + self.findChildren(QPushButton):
            assert w.accessibleName(), w
        qtbot.keyClicks(self.max_doses, "0")
        qtbot.keyClicks(self.min_hours, "4")
        qtbot.keyClicks(self.ceiling, "3000 mg")
        self.save_button.click()
        errors.append(self.error.message)
        self.max_doses.clear()
        qtbot.keyClicks(self.max_doses, "3")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(LimitsDialog, "exec", run)
    qtbot.mouseClick(view.limits_button, Qt.MouseButton.LeftButton)
    assert "Most doses in 24 hours" in errors[0]
    med = journal.find_medication(patient_id(journal), PRN)
    assert med.as_needed_limits == AsNeededLimits(max_doses_per_day=3, min_interval_hours=4)
    assert med.max_daily == Quantity(3000, Unit.MG)
    qtbot.waitUntil(lambda: "Prescribed limits: as needed: at most 3 doses, at least 4 h apart in 24 hours; "
                            "ceiling 3000 mg a day" in view.details.text())


def test_a_count_and_a_refill_are_recorded_and_the_days_left_shown(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    view = medicines(qtbot, session)
    view.select(TABLETS)
    entries = [("Counted what is on hand", "10 tablets"), ("Received (a refill)", "20 mL"),
               ("Received (a refill)", "30 tablets")]
    errors: list[str] = []

    def run(self: StockDialog) -> int:
        kind, amount = entries.pop(0)
        self.kind.setCurrentText(kind)
        qtbot.keyClicks(self.amount, amount)
        self.save_button.click()
        if self.error.message:
            errors.append(self.error.message)
            return 0
        return int(self.result())

    monkeypatch.setattr(StockDialog, "exec", run)
    for _ in range(3):
        qtbot.mouseClick(view.stock_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "Amount: 20 mL cannot be counted in tablets" in errors[0]  # mL against tablets: refused, named
    level = journal.stock_level(journal.find_medication(patient_id(journal), TABLETS).id)
    assert level.on_hand == 40 and level.per_day == 3
    qtbot.waitUntil(lambda: "Stock: about 40 tablets on hand, about 13 days left" in view.details.text())


def test_today_shows_days_left_and_the_as_needed_standing(qtbot, session, journal, clock) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    tablets = journal.find_medication(pid, TABLETS)
    prn = journal.find_medication(pid, PRN)
    journal.record_stock(tablets.id, StockEvent(at=at(7), kind=StockKind.COUNTED, amount=Quantity(20, Unit.TABLET)))
    journal.set_limits(prn.id, max_daily=None,
                       as_needed_limits=AsNeededLimits(max_doses_per_day=3, min_interval_hours=4))
    for when in (at(6, 0), at(10, 30)):
        journal.log_dose(pid, Dose(prn.id, DoseStatus.TAKEN, given=when, amount=Quantity(500, Unit.MG)))
    view = today(qtbot, session)
    info = view.info_labels[tablets.id].text()
    assert "Stock: about 19 tablets on hand, about 6 days left" in info  # the 08:00 tablet came off the count
    prn_text = view.prn_labels[prn.id].text()
    assert "2 of 3 in 24 h" in prn_text
    assert "Allowed now" in prn_text  # 15:30: the 10:30 dose was 5 h ago, 4 h apart is enough
    journal.log_dose(pid, Dose(prn.id, DoseStatus.TAKEN, given=at(15, 0), amount=Quantity(500, Unit.MG)))
    view.refresh()  # logged by another program: the window's poll would refresh it
    prn_text = view.prn_labels[prn.id].text()
    assert "3 of 3 in 24 h" in prn_text
    assert "Next allowed from 06:00 tomorrow" in prn_text  # the 06:00 dose leaves the 24 h window then


def test_a_wrong_stock_entry_is_removed_with_a_reason_and_kept(qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    mid = journal.find_medication(pid, TABLETS).id
    journal.record_stock(mid, StockEvent(at=at(7), kind=StockKind.COUNTED, amount=Quantity(20, Unit.TABLET)))
    wrong = journal.record_stock(mid, StockEvent(at=at(9), kind=StockKind.RECEIVED,
                                                 amount=Quantity(300, Unit.TABLET))).record_id
    view = medicines(qtbot, session)
    view.select(TABLETS)
    seen: list[str] = []

    def run(self: StockDialog) -> int:
        assert self.entries.count() == 2 and "received 300 tablets" in self.entries.item(0).text()
        self.entries.setCurrentRow(0)
        self.remove_button.click()
        seen.append(self.error.message)  # no reason yet: refused, nothing removed
        qtbot.keyClicks(self.remove_reason, "typed 300 for 30")
        self.remove_button.click()
        seen.append(str(self.entries.count()))
        self.reject()
        return 0

    monkeypatch.setattr(StockDialog, "exec", run)
    qtbot.mouseClick(view.stock_button, Qt.MouseButton.LeftButton)
    assert "say why" in seen[0] and seen[1] == "1"
    assert journal.stock_level(mid).on_hand == 20 - 1  # the refill is gone; the 08:05 tablet came off
    assert journal.get_record("stock_event", wrong).removed
    [rev] = journal.revisions_of("stock_event", wrong)
    assert rev.action == "remove" and rev.reason == "typed 300 for 30"


def test_an_as_needed_medicine_without_a_schedule_still_shows_its_standing(qtbot, session, journal) -> None:  # noqa: ANN001
    """The exchange format lets an as-needed medicine have no schedule at all; Today still lists it."""
    from journal.domain import Medication

    pid = patient_id(journal)
    lax = journal.add_medication(pid, Medication(
        name="Macrogol sachets", strength=Quantity(6900, Unit.MG, Quantity(1, Unit.SACHET)), as_needed=True,
        as_needed_limits=AsNeededLimits(max_doses_per_day=2))).record_id
    journal.log_dose(pid, Dose(lax, DoseStatus.TAKEN, given=at(9), amount=Quantity(1, Unit.SACHET)))
    view = today(qtbot, session)
    assert "1 of 2 in 24 h" in view.prn_labels[lax].text()
