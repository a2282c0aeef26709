""""Given now" is one short event on the GUI thread (issue 17): the dose is saved and shown first,
the person's checks run on the next event-loop turn on that same read, and the alert list says it
is checking meanwhile (never "nothing needs your attention" from before the write). No timing: the
checks are intercepted to see what the window showed when they ran."""
# ruff: noqa: F811  (pytest fixtures are imported from conftest)

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

import journal.ui.shell.session as session_module
from journal.domain import Alert, Severity
from tests.ui.conftest import TABLETS, clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401
from tests.ui.test_worker import SlowJournal


def marker(clock: Any, pid: int, title: str = "found by the checks after the click") -> Alert:  # noqa: ANN401
    return Alert(rule="test-after-click", severity=Severity.WARNING, patient="Robin", since=clock.now(),
                 title=title, message="", advice="", evidence=[], reference="when-to-call", patient_id=pid)


@pytest.fixture
def seen(window, clock, monkeypatch):  # noqa: ANN001, ANN201
    """Each run of the person's checks after a write: what Today and the alert list showed then."""
    runs: list[dict] = []
    real = session_module.checked

    def checked(journal: Any, history: Any, now: Any, patient_id: int) -> list[Alert]:  # noqa: ANN401
        runs.append({"slot": window.today.slot_state(TABLETS, "14:00"), "summary": window.alerts.summary.text(),
                     "doses": len(history.doses), "checking": window.session.checking})
        return real(journal, history, now, patient_id) + [marker(clock, patient_id)]

    monkeypatch.setattr(session_module, "checked", checked)
    return runs


def test_the_dose_shows_before_the_checks_run_and_their_alerts_follow(qtbot, window, seen) -> None:  # noqa: ANN001
    qtbot.mouseClick(window.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    # the click has returned: the dose is saved and shown, the checks not yet run
    assert window.today.slot_state(TABLETS, "14:00") == "given"
    assert seen == []
    assert window.session.checking
    assert "Checking" in window.alerts.summary.text()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["slot"] == "given" and seen[0]["checking"]
    qtbot.waitUntil(lambda: not window.session.checking)
    assert any(a.rule == "test-after-click" for a in window.session.alerts)
    assert "Checking" not in window.alerts.summary.text()
    assert len(seen) == 1  # once per click, and not everyone's checks on top


def test_the_checks_see_the_dose_just_saved(qtbot, window, seen) -> None:  # noqa: ANN001
    before = len(window.session.journal.history(window.session.patient_id, *window.session.span(
        window.session.now())).doses)
    qtbot.mouseClick(window.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["doses"] == before + 1


def test_a_newer_write_for_the_person_replaces_the_waiting_check(qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    session = window.session
    pid = session.patient_id
    ran: list[str] = []

    def checked(journal: Any, history: Any, now: Any, patient_id: int) -> list[Alert]:  # noqa: ANN401
        ran.append(history.marker)
        return [marker(clock, patient_id, title=history.marker)]

    class Marked:
        def __init__(self, name: str) -> None:
            self.marker = name

    monkeypatch.setattr(session_module, "checked", checked)
    session.check_person_later(pid, Marked("older"), clock.now())  # type: ignore[arg-type]
    session.check_person_later(pid, Marked("newer"), clock.now())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not session.checking)
    assert ran == ["newer"]
    assert [a.title for a in session.alerts if a.patient_id == pid] == ["newer"]


def test_everyones_checks_from_before_the_click_do_not_replace_the_persons_new_alerts(
        qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    pid = journal.list_patients()[0].id
    old = marker(clock, pid, title="from before the click")
    slow = SlowJournal(journal, first_answer=[old])
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(slow.started.is_set)  # the start checks (from before the click) are held
    real = session_module.checked
    monkeypatch.setattr(session_module, "checked",
                        lambda j, h, now, p: real(j, h, now, p) + [marker(clock, p)])
    qtbot.mouseClick(w.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    assert w.today.slot_state(TABLETS, "14:00") == "given"  # answered while everyone's checks are held
    qtbot.waitUntil(lambda: not w.session.checking)
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    titles = [a.title for a in w.session.alerts]
    assert "from before the click" not in titles  # dropped: computed before the write
    # (the stale result asked for one more run of everyone's checks: that is what is shown now)
    assert [a.key for a in w.session.alerts] == [a.key for a in w.session.refresh_alerts()]
