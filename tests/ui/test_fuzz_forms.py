"""Window forms under fuzz: whatever is typed into the dose dialog's amount, Save either stores
exactly what was typed (no silent clamping) or shows a plain error and changes nothing; nothing
raises.

CI runs ROBUST_FUZZ_FORMS examples (default 300)."""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain import FixedClock, QuantityError, parse_quantity
from journal.services.journal import Journal
from journal.ui.dialogs.dose_dialog import DoseDialog
from tests.services.support import table_dump, valid_document

EXAMPLES = int(os.environ.get("ROBUST_FUZZ_FORMS", "300"))
TZ = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=TZ)
STATS: Counter[str] = Counter()
AMOUNTS = ["10 mg", "10mg", "1 tablet", "2 tablets", "0.5 tablet", "5 mL", "10 kg", "", " ", "0 mg", "-5 mg",
           "1e400 mg", "nan mg", "inf mg", "10,5 mg", "\u00bd tablet", "10 mg 10", "mg", "10", "9999 mg",
           "10000 mg", "10001 mg", "1e-9 mg", "10 MG", "10 milligrams", "10\u00a0mg", "\u0661\u0660 mg"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Any:
    path = tmp_path_factory.mktemp("forms") / "journal.sqlite3"
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=3, start="2026-11-18"))
    pid = j.find_patient("Robin Shaw").id
    med = j.find_medication(pid or 0, "Baclofen 10 mg tablets")
    yield j, path, pid, med
    j.close()
    print(f"\nform fuzz: {sum(STATS.values())} amounts typed; {dict(STATS)}")


def make_dialog(world: Any, qtbot: Any, minutes_ago: int) -> DoseDialog:
    j, _path, pid, med = world
    dialog = DoseDialog(med, tz=TZ, now=NOW, default_time=NOW - timedelta(minutes=minutes_ago), amount=None,
                        scheduled=None, submit=lambda d: j.log_dose(pid, d), by="Sam")
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.slow  # many generated examples; the cases below it are the quick check
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.sampled_from(AMOUNTS) | st.text(max_size=16), minutes_ago=st.integers(0, 60 * 24 * 30))
def test_whatever_is_typed_is_stored_exactly_or_refused_plainly(world: Any, qtbot: Any, text: str,
                                                                minutes_ago: int,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    j, path, _pid, _med = world
    # An amount far above the plan asks first; here the answer is "No", so nothing may be stored.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = make_dialog(world, qtbot, minutes_ago)
    dialog.amount.setText(text)
    before = table_dump(path)
    dialog.save_button.click()
    if dialog.result() == DoseDialog.DialogCode.Accepted:
        stored = j.get_record("dose", dialog.outcome.record_id)
        assert stored.amount == parse_quantity(text), (text, stored.amount)  # exactly as typed
        STATS["stored"] += 1
    else:
        message = dialog.error.text()
        assert message.strip() and "Traceback" not in message, text
        assert table_dump(path) == before, text
        try:
            parse_quantity(text)
            STATS["refused by the journal"] += 1
        except QuantityError:
            STATS["refused by the form"] += 1
    dialog.close()


def test_an_implausible_dose_is_not_saved_without_a_confirmation(world: Any, qtbot: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    _j, path, _pid, _med = world
    asked: list[str] = []
    # Any confirmation the form shows is answered "No" here.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(str(a)) or QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(str(a)) or QMessageBox.StandardButton.No)
    dialog = make_dialog(world, qtbot, 5)
    dialog.amount.setText("1000 mg")
    before = table_dump(path)
    dialog.save_button.click()
    assert table_dump(path) == before
    assert asked or dialog.error.text().strip()


def test_answering_yes_saves_exactly_what_was_typed(world: Any, qtbot: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    j, _path, _pid, _med = world
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    dialog = make_dialog(world, qtbot, 7)
    dialog.amount.setText("4 tablets")  # 40 mg against a planned 10 mg: asked, then kept as typed
    dialog.save_button.click()
    assert len(asked) == 1 and "4 times the planned dose of 10 mg" in asked[0]
    assert dialog.result() == DoseDialog.DialogCode.Accepted
    stored = j.get_record("dose", dialog.outcome.record_id)
    assert stored.amount == parse_quantity("4 tablets")
    # the over-limit check sees it at once (the confirmation does not hide the dose from the rules)
    assert any(a.rule == "over-max-dose" for a in dialog.outcome.alerts)


@pytest.mark.parametrize("typed, asks", [("30 mg", False), ("3 tablets", False), ("31 mg", True),
                                         ("3.5 tablets", True)])
def test_the_question_starts_just_above_three_times_the_plan(world: Any, qtbot: Any, typed: str, asks: bool,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append("asked") or QMessageBox.StandardButton.No)
    dialog = make_dialog(world, qtbot, 9)
    dialog.amount.setText(typed)
    dialog.save_button.click()
    assert bool(asked) is asks
    assert (dialog.result() == DoseDialog.DialogCode.Accepted) is not asks
