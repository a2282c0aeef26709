"""Warn before, not after (issue 13): a dose that would be a double dose, too soon for an
as-needed medicine or over a limit is shown and asked about before it is saved, in the window
(Given now, the dose dialog, Ctrl+D) and at a terminal (log-dose); scripts keep the contract
(saved, alerts printed, exit 0). Every path says which planned dose an entry counts for."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.domain import Dose, DoseStatus, FixedClock, Medication, Quantity, Regimen, Unit
from journal.rules.engine import RULE_IDS
from journal.services.checks import DOSE_RULES, preview_dose
from journal.ui.dialogs import dose_warning
from journal.ui.dialogs.dose_dialog import DoseDialog
from journal.ui.screens.today_view import TodayView
from tests.services.support import table_dump
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    TZ,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    session,
)

EXTRA = "Baclofen 20 mg when needed"


def pid_of(j: Any) -> int:
    return int(j.list_patients()[0].id)


def mid_of(j: Any, name: str) -> int:
    return int(j.find_medication(pid_of(j), name).id)


def taken(j: Any, name: str, given: Any, scheduled: Any = None, amount: Quantity | None = None,
          by: str = "") -> Dose:
    return Dose(medication_id=mid_of(j, name), status=DoseStatus.TAKEN, given=given, scheduled=scheduled,
                amount=amount, by=by)


@pytest.fixture
def evening(journal: Any, clock: FixedClock) -> Any:
    """19:46: the 14:00 tablet dose has not been given yet (08:00 was, at 08:05)."""
    clock.set(at(19, 46))
    return journal


def make_view(qtbot: Any, session: Any) -> TodayView:
    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()
    return view


def answer(monkeypatch: pytest.MonkeyPatch, *replies: bool) -> list[str]:
    """Patch the Save anyway / Cancel question: record its text, give the replies in turn."""
    asked: list[str] = []
    it = iter(replies)
    monkeypatch.setattr(dose_warning, "ask_save_anyway", lambda parent, text: asked.append(text) or next(it))
    return asked


# ------------------------------------------------------------------------------------ the service


def test_every_dose_rule_the_checks_know_is_previewed() -> None:
    present = {"double-dose", "over-max-dose", "over-max-daily", "over-prescribed", "as-needed-too-soon",
               "as-needed-over-limit"}
    assert present <= set(RULE_IDS)  # the ids the preview picks up exist in the engine
    assert DOSE_RULES == present


def test_a_second_dose_minutes_after_the_first_is_a_double_dose_before_it_is_saved(evening: Any,
                                                                                   clock: FixedClock) -> None:
    j = evening
    first = preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 46), scheduled=at(14)))
    assert first.alerts == [] and first.counted_for(TZ) == "counted for the 14:00 planned dose"
    j.log_dose(pid_of(j), taken(j, TABLETS, at(19, 46), scheduled=at(14)))
    clock.set(at(19, 47))
    before = table_dump(j.path)
    second = preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 47), scheduled=at(20)))
    assert [a.rule for a in second.alerts] == ["double-dose"]
    assert second.counted_for(TZ) == "counted for the 20:00 planned dose"
    assert table_dump(j.path) == before  # a preview writes nothing
    saved = j.log_dose(pid_of(j), taken(j, TABLETS, at(19, 47), scheduled=at(20)))
    assert {a.key for a in second.alerts} <= {a.key for a in saved.alerts}  # what was foretold is what came


def test_a_dose_entered_a_minute_ahead_of_the_clock_is_judged_at_its_own_time(evening: Any) -> None:
    j = evening  # the clock says 19:46; the dialog says 19:50
    j.log_dose(pid_of(j), taken(j, TABLETS, at(19, 46), scheduled=at(14)))
    preview = preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 50), scheduled=at(20)))
    assert [a.rule for a in preview.alerts] == ["double-dose"]


def test_a_dose_far_from_the_last_one_raises_nothing(evening: Any) -> None:
    j = evening
    j.log_dose(pid_of(j), taken(j, TABLETS, at(14, 5), scheduled=at(14)))
    preview = preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 46), scheduled=at(20)))
    assert preview.alerts == [] and preview.counted_for(TZ) == "counted for the 20:00 planned dose"


def test_the_boundary_of_a_double_dose_is_half_the_planned_gap(evening: Any) -> None:
    j = evening  # slots 08:00, 14:00, 20:00: 6 h apart, half is 3 h
    j.log_dose(pid_of(j), taken(j, TABLETS, at(16, 46), scheduled=at(14)))
    assert preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 46))).alerts == []  # 3 h apart: not double
    assert [a.rule for a in preview_dose(j, pid_of(j), taken(j, TABLETS, at(16, 47))).alerts] == ["double-dose"]


def test_a_dose_of_no_planned_time_is_said_to_be_an_extra(evening: Any) -> None:
    j = evening
    j.log_dose(pid_of(j), taken(j, TABLETS, at(14, 0), scheduled=at(14)))
    preview = preview_dose(j, pid_of(j), taken(j, TABLETS, at(11, 0)))
    assert preview.counted_for(TZ) == "not a planned dose: counted as an extra dose"


def test_an_acknowledged_double_dose_does_not_hide_a_new_one(evening: Any) -> None:
    j = evening
    j.log_dose(pid_of(j), taken(j, TABLETS, at(8, 10)))  # a double dose this morning, acknowledged
    for a in j.check():
        j.acknowledge(a, "entered twice by mistake")
    j.log_dose(pid_of(j), taken(j, TABLETS, at(19, 40), scheduled=at(14)))
    preview = preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 45), scheduled=at(20)))
    # the fourth 10 mg dose today is also more than the 30 mg a day prescribed
    assert {a.rule for a in preview.alerts} == {"double-dose", "over-prescribed"}


def test_two_as_needed_doses_minutes_apart_by_two_people_are_warned_before_saving(evening: Any) -> None:
    j = evening
    j.add_medication(pid_of(j), Medication(EXTRA, drug="baclofen", strength=Quantity(10, Unit.MG), as_needed=True,
                                           regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(20, Unit.MG))]))
    j.log_dose(pid_of(j), taken(j, EXTRA, at(19, 30), amount=Quantity(20, Unit.MG), by="Sam"))
    preview = preview_dose(j, pid_of(j), taken(j, EXTRA, at(19, 40), amount=Quantity(20, Unit.MG), by="Alex"))
    assert "as-needed-too-soon" in {a.rule for a in preview.alerts}
    assert preview.counted_for(TZ) == "an as-needed dose (no planned time)"


def test_a_liquid_dose_in_ml_five_times_the_prescription_is_warned_before_saving(evening: Any) -> None:
    from tests.ui.conftest import LIQUID

    j = evening  # 5 mg at 22:00 of a 5 mg/5 mL solution: 25 mL would be 25 mg, five times the plan
    preview = preview_dose(j, pid_of(j), taken(j, LIQUID, at(19, 40), amount=Quantity(25, Unit.ML)))
    assert "over-prescribed" in {a.rule for a in preview.alerts}
    assert preview_dose(j, pid_of(j), taken(j, LIQUID, at(19, 40), amount=Quantity(5, Unit.ML))).alerts == []
    # a deliberate half dose is not asked about (liquid-concentration says so after saving)
    assert preview_dose(j, pid_of(j), taken(j, LIQUID, at(19, 40), amount=Quantity(2.5, Unit.ML))).alerts == []


def test_one_more_as_needed_dose_than_prescribed_is_warned_before_saving(evening: Any) -> None:
    from journal.domain import AsNeededLimits, Form

    j = evening
    j.add_medication(pid_of(j), Medication("Macrogol sachets", drug="macrogol", form=Form.GRANULES,
                                           strength=Quantity(13.8, Unit.G), as_needed=True,
                                           as_needed_limits=AsNeededLimits(max_doses_per_day=3)))
    for h in (8, 12, 16):
        j.log_dose(pid_of(j), taken(j, "Macrogol sachets", at(h), amount=Quantity(1, Unit.SACHET)))
    preview = preview_dose(j, pid_of(j), taken(j, "Macrogol sachets", at(19, 40), amount=Quantity(13.8, Unit.G)))
    assert [a.rule for a in preview.alerts] == ["as-needed-over-limit"]


def test_a_dose_the_journal_refuses_is_refused_by_the_preview_too(evening: Any) -> None:
    from journal.services.errors import ValidationError

    j = evening
    with pytest.raises(ValidationError) as err:
        preview_dose(j, pid_of(j), taken(j, TABLETS, at(19, 0), amount=Quantity(0, Unit.MG)))
    assert err.value.field == "amount"


# ------------------------------------------------------------------------------------ the window


def test_given_now_on_20_after_back_filling_14_asks_before_saving(qtbot: Any, session: Any, evening: Any,
                                                                   clock: FixedClock,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot, session)
    asked = answer(monkeypatch, False, True)
    with qtbot.waitSignal(view.dose_logged):  # the 14:00 dose given late at 19:46: nothing to warn about
        qtbot.mouseClick(view.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")
    assert asked == []
    clock.set(at(19, 47))
    before = table_dump(evening.path)
    qtbot.mouseClick(view.slot_button(TABLETS, "20:00"), Qt.MouseButton.LeftButton)  # Cancel
    assert len(asked) == 1 and "given twice" in asked[0] and "counted for the 20:00 planned dose" in asked[0]
    assert "not medical advice" in asked[0]
    assert table_dump(evening.path) == before and view.slot_state(TABLETS, "20:00") != "given"
    assert "Not saved" in view.status.text()
    with qtbot.waitSignal(view.dose_logged):  # Save anyway
        qtbot.mouseClick(view.slot_button(TABLETS, "20:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "20:00") == "given")
    assert len(asked) == 2


def test_the_dose_dialog_asks_before_saving_and_cancel_keeps_it_open(qtbot: Any, session: Any, evening: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    evening.log_dose(pid_of(evening), taken(evening, TABLETS, at(19, 40), scheduled=at(14)))
    view = make_view(qtbot, session)
    asked = answer(monkeypatch, False)
    seen: list[DoseDialog] = []

    def run(self: DoseDialog) -> int:
        self.when.set_value(at(19, 45))
        self.save_button.click()
        seen.append(self)
        return int(self.result())

    monkeypatch.setattr(DoseDialog, "exec", run)
    before = table_dump(evening.path)
    qtbot.mouseClick(view.other_button(TABLETS, "20:00"), Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "given twice" in asked[0]
    [dlg] = seen
    assert dlg.result() != DoseDialog.DialogCode.Accepted and "Not saved" in dlg.error.text()
    assert table_dump(evening.path) == before


def test_an_implausible_amount_and_a_warning_are_one_question(qtbot: Any, session: Any, evening: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    evening.log_dose(pid_of(evening), taken(evening, TABLETS, at(19, 40), scheduled=at(14)))
    view = make_view(qtbot, session)
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k:
                        questions.append(text) or QMessageBox.StandardButton.No)
    answer(monkeypatch)  # must not be asked a second time

    def run(self: DoseDialog) -> int:
        self.when.set_value(at(19, 45))
        self.amount.setText("5 tablets")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(DoseDialog, "exec", run)
    qtbot.mouseClick(view.other_button(TABLETS, "20:00"), Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert "5 times the planned dose" in questions[0] and "given twice" in questions[0]


def test_ctrl_d_then_space_gives_the_overdue_dose_and_asks_on_the_next(qtbot: Any, evening: Any, clock: FixedClock,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.ui.shell.main_window import build_window

    w = build_window(evening, clock, tray_available=False, heartbeat_ms=20)
    qtbot.addWidget(w)
    w.show()
    asked = answer(monkeypatch, False)
    w.log_dose()  # what Ctrl+D does: the first due or overdue slot gets the focus
    qtbot.keyClick(w.today.slot_button(TABLETS, "14:00"), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.today.slot_state(TABLETS, "14:00") == "given")
    assert asked == []
    clock.set(at(19, 47))
    w.log_dose()
    focused = w.today.slot_button(TABLETS, "20:00")
    assert w.focusWidget() is focused
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert len(asked) == 1 and "given twice" in asked[0]
    assert w.today.slot_state(TABLETS, "20:00") != "given"


def test_a_dose_that_raises_nothing_is_saved_without_a_question(qtbot: Any, session: Any, evening: Any) -> None:
    view = make_view(qtbot, session)  # no_blocking_dialogs fails the test if anything asks
    with qtbot.waitSignal(view.dose_logged):
        qtbot.mouseClick(view.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)


# ------------------------------------------------------------------------------------ the command line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    from journal.app import main
    from tests.conftest import minimal_document

    db = tmp_path / "cli.sqlite3"
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(minimal_document(doses=[])))
    when = FixedClock(at(19, 46, date(2026, 10, 1)))
    main(["--db", str(db), "import", str(doc)], clock=when)
    capsys.readouterr()

    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", Terminal(stdin) if stdin is not None else io.StringIO(""))
        code = main(["--db", str(db), *argv], clock=when)
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db  # type: ignore[attr-defined]
    return run


def log(cli: Any, at_time: str, *extra: str, stdin: str | None = None) -> tuple[int, str, str]:
    return cli("log-dose", "--patient", "Robin", "--medication", "Baclofen 10", "--at", at_time, *extra, stdin=stdin)


def test_log_dose_says_which_planned_dose_it_counts_for(cli: Any) -> None:
    code, out, _ = log(cli, "14:10")
    assert code == 0 and "Counted for the 14:00 planned dose." in out.splitlines()[0]
    code, out, _ = log(cli, "08:05")
    assert code == 0 and "Counted for the 08:00 planned dose." in out.splitlines()[0]
    code, out, _ = log(cli, "10:45")  # 08:00 is answered; 14:00 is more than 3 h away
    assert code == 0 and "Not a planned dose: counted as an extra dose." in out.splitlines()[0]


def test_a_script_keeps_the_contract_saved_alerts_printed_exit_0(cli: Any) -> None:
    log(cli, "19:40", "--scheduled", "14:00")
    code, out, _ = log(cli, "19:45", "--scheduled", "20:00")  # stdin is not a terminal
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Logged Baclofen 10 mg tablets") and "20:00 planned dose" in lines[0]
    assert any(line.startswith("WARNING:") and "given twice" in line for line in lines[1:])


def test_at_a_terminal_the_warning_comes_first_and_no_saves_nothing(cli: Any) -> None:
    log(cli, "19:40", "--scheduled", "14:00")
    before = cli.db.read_bytes()
    code, out, _ = log(cli, "19:45", "--scheduled", "20:00", stdin="n\n")
    assert code == 0
    assert out.startswith("Before saving: this dose would raise the alerts below (counted for the 20:00 planned dose)")
    assert "given twice" in out and "[y/N]" in out and "Not saved; nothing was changed." in out
    assert "Logged" not in out
    assert cli.db.read_bytes() == before
    code, out, _ = log(cli, "19:45", "--scheduled", "20:00", stdin="\n")  # Enter alone is No
    assert "Not saved" in out and cli.db.read_bytes() == before


def test_at_a_terminal_yes_saves(cli: Any) -> None:
    log(cli, "19:40", "--scheduled", "14:00")
    code, out, _ = log(cli, "19:45", "--scheduled", "20:00", stdin="y\n")
    assert code == 0 and "[y/N]" in out and "Logged Baclofen 10 mg tablets" in out


def test_yes_flag_saves_without_asking(cli: Any) -> None:
    log(cli, "19:40", "--scheduled", "14:00")
    code, out, _ = log(cli, "19:45", "--scheduled", "20:00", "--yes", stdin="")
    assert code == 0 and "[y/N]" not in out and out.startswith("Logged") and "WARNING:" in out


def test_at_a_terminal_a_dose_that_raises_nothing_is_not_asked_about(cli: Any) -> None:
    code, out, _ = log(cli, "14:05", stdin="")
    assert code == 0 and out.startswith("Logged") and "[y/N]" not in out





def test_a_failing_look_ahead_does_not_stop_a_dose_being_recorded(qtbot: Any, session: Any, evening: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import journal.ui.operations.doses as dose_operations

    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(dose_operations, "preview_dose", broken)
    view = make_view(qtbot, session)
    with qtbot.waitSignal(view.dose_logged):
        qtbot.mouseClick(view.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")
