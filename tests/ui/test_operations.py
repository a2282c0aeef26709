"""The window's named operations (journal/ui/operations): the only way the window writes, what
each says it changed, views skipping their own change, and each click doing its work once
(statements counted on the engine, history reads and check runs counted on their entry points)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

import journal.services.checks as checks_module
from journal.domain import Dose, DoseStatus, Quantity, SymptomEntry, Unit
from journal.services.journal import ALL_CHANGED, Journal, Outcome
from journal.ui.operations import Change, OpChanges, doses, entries, people
from journal.ui.shell.session import WRITES
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    session,
    window,
)

UI = Path(__file__).resolve().parents[2] / "journal" / "ui"
OPERATIONS = UI / "operations"


# -- the window writes only through operations ---------------------------------------------------
def journal_writes(source: str) -> list[str]:
    """`journal.<write>(...)` calls in `source` (any object spelled ...journal)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            owner = ast.unparse(node.func.value)
            if owner == "journal" or owner.endswith(".journal") or owner.endswith("_journal"):
                found.append(f"{owner}.{node.func.attr}")
    return found


def test_the_finder_finds_a_write_and_leaves_other_calls_alone() -> None:
    assert journal_writes("self.session.journal.log_dose(pid, dose)") == ["self.session.journal.log_dose"]
    assert journal_writes("journal.remove('dose', 1, by='', reason='x')") == ["journal.remove"]
    assert journal_writes("items.remove(x)\nself.session.journal.history(1, a, b)") == []


def test_no_ui_module_but_the_operations_calls_a_journal_write() -> None:
    offenders = {}
    for path in sorted(UI.rglob("*.py")):
        if OPERATIONS in path.parents:
            continue
        found = journal_writes(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(UI))] = found
    assert offenders == {}


def test_every_journal_method_that_returns_an_outcome_is_a_known_write() -> None:
    writes = {name for name, fn in inspect.getmembers(Journal, inspect.isfunction)
              if not name.startswith("_") and "Outcome" in str(inspect.signature(fn).return_annotation)}
    assert writes and writes <= WRITES
    assert all(hasattr(Journal, name) for name in WRITES)


def test_every_kind_of_change_the_service_names_has_a_flag() -> None:
    flags = Change.from_names(ALL_CHANGED)
    assert all(flags & kind for kind in Change if kind is not Change.NONE)
    with pytest.raises(KeyError):
        Change.from_names({"doses", "something new"})


# -- what an operation says it did ----------------------------------------------------------------
def test_a_dose_given_says_what_changed_for_whom_and_who_started_it(qtbot, session, journal) -> None:  # noqa: ANN001
    seen: list[OpChanges] = []
    session.operation_did_execute.connect(seen.append)
    pid = patient_id(journal)
    mid = journal.find_medication(pid, TABLETS).id
    starter = object()
    changes = doses.give_dose(session=session, patient_id=pid, by="Ana", initiator=starter,
                              dose=Dose(mid, DoseStatus.TAKEN, scheduled=at(14), given=at(14, 2),
                                        amount=Quantity(10, Unit.MG)))
    assert seen == [changes]
    assert changes.touches(Change.DOSES) and changes.touches(Change.ALERTS)
    assert not changes.touches(Change.SYMPTOMS | Change.MEDICINES | Change.PEOPLE)
    assert changes.patient_id == pid and changes.by == "Ana" and changes.started_by(starter)
    assert not changes.started_by(session)
    assert journal.get_record("dose", changes.record_id).by == "Ana"
    assert changes.alerts is not None and list(changes.alerts) == session.alerts


def test_a_second_dose_minutes_later_reports_the_double_dose_it_raised(qtbot, session, journal) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    mid = journal.find_medication(pid, TABLETS).id
    session.refresh_alerts()
    assert not any(a.rule == "double-dose" for a in session.alerts)
    changes = doses.give_dose(session=session, patient_id=pid, by="Ana",
                              dose=Dose(mid, DoseStatus.TAKEN, given=at(8, 20), amount=Quantity(10, Unit.MG)))
    assert "double-dose" in {a.rule for a in changes.raised}
    assert "double-dose" in {a.rule for a in session.alerts}
    # once it is known, the same alert is not "raised" again by an unrelated entry
    note = entries.log_symptom(session=session, patient_id=pid, by="Ana",
                               entry=SymptomEntry(at(15), "drowsiness", severity=1))
    assert "double-dose" not in {a.rule for a in note.raised}
    assert "double-dose" in {a.rule for a in note.alerts or ()}


def test_a_refused_entry_changes_and_announces_nothing(qtbot, session, journal) -> None:  # noqa: ANN001
    from journal.services.errors import ValidationError

    seen: list[OpChanges] = []
    session.operation_did_execute.connect(seen.append)
    with pytest.raises(ValidationError) as refused:
        entries.log_symptom(session=session, patient_id=patient_id(journal), by="Ana",
                            entry=SymptomEntry(at(15), "drowsiness", severity=11))
    assert refused.value.field == "severity"
    assert seen == []
    assert journal.history(patient_id(journal), at(0), at(23)).symptoms == []


def test_the_profile_form_keeps_what_is_typed_on_its_own_save_and_reloads_on_another(qtbot, window, journal) -> None:  # noqa: ANN001
    form = window.profile
    loads: list[int] = []
    original = form.load
    form.load = lambda: (loads.append(1), original())[1]  # type: ignore[method-assign]
    form.notes.setText("likes tea")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in form.result.text()
    assert journal.get_patient(patient_id(journal)).notes == "likes tea"
    assert loads == []  # its own change: not reloaded
    person = journal.get_patient(patient_id(journal))
    people.edit_person(session=window.session, person=Patient_with(person, notes="changed elsewhere"), by="Sam")
    assert loads == [1] and form.notes.text() == "changed elsewhere"


def Patient_with(p: Any, **changes: Any) -> Any:  # noqa: N802 - reads as a constructor
    from dataclasses import replace

    return replace(p, **changes)


# -- each click does its work once ------------------------------------------------------------------
class Counts:
    """Statements sent to the journal's engine, history reads and check runs during a block."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.history_reads = 0
        self.check_runs = 0  # checks.alerts_in: the alerts of one person after a write
        self.full_checks = 0  # checks.run: everyone's checks, each reading its own history
        self.rule_runs = 0  # rules.engine.run_checks, however reached

    @property
    def selects(self) -> int:
        return sum(1 for s in self.statements if s.lstrip().upper().startswith("SELECT"))

    def like(self, text: str) -> int:
        return sum(1 for s in self.statements if text in " ".join(s.split()))


@pytest.fixture
def counting(journal: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    counts = Counts()
    real_history, real_alerts_in = Journal.history, checks_module.alerts_in
    real_run, real_rules = checks_module.run, checks_module.run_checks

    def history(self: Journal, *args: Any, **kwargs: Any) -> Any:
        counts.history_reads += 1
        return real_history(self, *args, **kwargs)

    def alerts_in(*args: Any, **kwargs: Any) -> Any:
        counts.check_runs += 1
        return real_alerts_in(*args, **kwargs)

    def run(*args: Any, **kwargs: Any) -> Any:
        counts.full_checks += 1
        return real_run(*args, **kwargs)

    def run_checks(*args: Any, **kwargs: Any) -> Any:
        counts.rule_runs += 1
        return real_rules(*args, **kwargs)

    def statement(conn: Any, cursor: Any, text: str, *args: Any) -> None:
        counts.statements.append(text)

    monkeypatch.setattr(Journal, "history", history)
    monkeypatch.setattr(checks_module, "alerts_in", alerts_in)
    monkeypatch.setattr(checks_module, "run", run)
    monkeypatch.setattr(checks_module, "run_checks", run_checks)
    engine = journal.store.engine
    event.listen(engine, "before_cursor_execute", statement)
    yield counts
    event.remove(engine, "before_cursor_execute", statement)


# One history read is: the patient, the medicines (with regimens and stock), one series per kind of
# entry, the last given doses, the pump events before, the first entries (2): the first entry of
# each kind, asked for every person at once (storage Tx.first_entries_of), is its mark.
HISTORY_MARK = "SELECT patients.id, (SELECT"


def settle(qtbot: Any) -> None:
    """Let the work a click deferred (reminder plan, alerts list) run, as the event loop would."""
    qtbot.wait(1)
    qtbot.wait(1)


def test_given_now_reads_the_history_once_and_checks_once(qtbot, window, counting, monkeypatch) -> None:  # noqa: ANN001
    # Before: 1 INSERT and 87 SELECTs (107 statements), the person's history read 5 times (the
    # look-ahead, the checks after saving, Today, its medicine notes, the reminder plan).
    settle(qtbot)
    counting.__init__()
    button = window.today.slot_button(TABLETS, "14:00")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.today.slot_state(TABLETS, "14:00") == "given")
    settle(qtbot)
    assert counting.like("INSERT INTO doses") == 1
    assert counting.history_reads == 1
    assert counting.like(HISTORY_MARK) == 1
    assert counting.check_runs == 1 and counting.full_checks == 0
    # the look-ahead judges the dose before saving (without and with it), the checks after it once
    assert counting.rule_runs == 3
    # 27 SELECTs and 41 statements now (31 and 45 before the clock question's last entry became one
    # statement instead of five: issue 17)
    assert counting.selects <= 31, counting.statements
    assert len(counting.statements) <= 46, counting.statements
    # and what the views show came from that one read
    assert "Given" in window.today.slot_text(TABLETS, "14:00")


def test_a_note_saved_from_history_reads_once_and_checks_once(qtbot, window, counting) -> None:  # noqa: ANN001
    # Before: 1 INSERT and 45 SELECTs (56 statements), the history read 3 times and the checks run
    # twice (once by the service after the write, once more for everyone by the window).
    window.tabs.setCurrentWidget(window.history)
    hv = window.history
    settle(qtbot)
    qtbot.keyClicks(hv.note_edit, "Ask about the evening spasms")
    counting.__init__()
    qtbot.mouseClick(hv.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("Ask about the evening spasms" in r for r in hv.row_texts()))
    settle(qtbot)
    assert counting.like("INSERT INTO notes") == 1
    assert counting.history_reads == 1
    assert counting.like(HISTORY_MARK) == 1
    assert counting.check_runs == 1 and counting.full_checks == 0 and counting.rule_runs == 1
    assert counting.selects <= 20, counting.statements
    assert len(counting.statements) <= 26, counting.statements


def test_a_view_asking_outside_the_read_window_still_reads_the_journal(qtbot, session, journal) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    entries.log_symptom(session=session, patient_id=pid, by="Ana", entry=SymptomEntry(at(15), "drowsiness", severity=1))
    far = session.history(pid, at(0).replace(year=2025), at(0))
    assert far.start.year == 2025  # read, not cut from the operation's shorter read


def test_an_entry_written_by_someone_else_after_the_click_is_not_hidden(qtbot, session, journal) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    entries.log_symptom(session=session, patient_id=pid, by="Ana", entry=SymptomEntry(at(15), "drowsiness", severity=1))
    qtbot.wait(1)
    qtbot.wait(1)
    journal.log_symptom(pid, SymptomEntry(at(15, 10), "headache", severity=1))  # the command line, say
    assert {s.symptom for s in session.history(pid, at(0), at(23)).symptoms} >= {"drowsiness", "headache"}


def test_outcome_of_the_service_is_kept(qtbot, session, journal) -> None:  # noqa: ANN001
    changes = entries.log_symptom(session=session, patient_id=patient_id(journal), by="Ana",
                                  entry=SymptomEntry(at(15), "drowsiness", severity=1))
    assert isinstance(changes.outcome, Outcome) and changes.outcome.record_id == changes.record_id


def test_a_read_failing_after_the_write_keeps_the_entry_and_says_the_checks_did_not_run(
        qtbot, session, journal, monkeypatch) -> None:  # noqa: ANN001
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk I/O error")

    monkeypatch.setattr(session, "read_once", broken)
    pid = patient_id(journal)
    changes = entries.log_symptom(session=session, patient_id=pid, by="Ana",
                                  entry=SymptomEntry(at(15), "drowsiness", severity=1))
    assert [a.rule for a in changes.alerts or ()] == ["checks-failed"]
    assert "checks-failed" in {a.rule for a in session.alerts}
    assert [s.symptom for s in journal.history(pid, at(0), at(23)).symptoms] == ["drowsiness"]


def test_given_now_reads_the_history_once_with_a_clock_that_moves(qtbot, window, counting, clock) -> None:  # noqa: ANN001
    """The same as above with a real clock's habit of moving between calls (1 ms a call): the
    look-ahead, the write and the views' reads after it share the click's instant, so the read
    made before saving is the only one (it was read 3 times: only a stopped clock gave 1)."""
    from datetime import timedelta

    start = clock.now()

    class Ticking:
        def __init__(self) -> None:
            self.calls = 0

        def now(self) -> Any:
            self.calls += 1
            return start + timedelta(milliseconds=self.calls)

    settle(qtbot)
    ticking = Ticking()
    window.session.clock = ticking
    window.session.journal.clock = ticking
    counting.__init__()
    button = window.today.slot_button(TABLETS, "14:00")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.today.slot_state(TABLETS, "14:00") == "given")
    settle(qtbot)
    assert counting.like("INSERT INTO doses") == 1
    assert counting.history_reads == 1
    assert counting.check_runs == 1
    assert "Given" in window.today.slot_text(TABLETS, "14:00")
