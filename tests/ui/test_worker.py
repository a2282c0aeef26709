"""The window keeps answering while everyone's checks run (issue 17): they run on a worker thread
and their alerts come back to the window. No timing: a fake journal holds the checks until the test
lets them go, and the window must handle a click meanwhile."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from journal.domain import Alert, Severity
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401


class SlowJournal:
    """The real journal, except that the checks for everyone, off the GUI thread, wait until
    `release` is set (the first such run answers `first_answer` when given)."""

    def __init__(self, journal: Any, first_answer: list | None = None) -> None:
        self._journal = journal
        self.started = threading.Event()
        self.release = threading.Event()
        self.running = False
        self.first_answer = first_answer

    def check(self, now: datetime | None = None, patient_id: int | None = None) -> list:
        if patient_id is None and threading.current_thread() is not threading.main_thread():
            self.running = True
            self.started.set()
            self.release.wait(timeout=20)  # a safety net only: the test releases it
            self.running = False
            if self.first_answer is not None:
                answer, self.first_answer = self.first_answer, None
                return answer
        return self._journal.check(now=now, patient_id=patient_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._journal, name)


def stale_alert(clock: Any, title: str) -> Alert:  # noqa: ANN401
    """An emergency the held checks answer with: it must never be shown once the list is newer."""
    return Alert(rule="stale-test", severity=Severity.EMERGENCY, patient="Robin", since=clock.now(),
                 title=title, message="", advice="", evidence=[], reference="when-to-call")


def held_window(qtbot: Any, journal: Any, clock: Any, first_answer: list | None = None) -> tuple[Any, SlowJournal]:  # noqa: ANN401
    """The window on a SlowJournal, shown, its start checks held on the worker (`slow.release`)."""
    slow = SlowJournal(journal, first_answer=first_answer)
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(slow.started.is_set)
    return w, slow


def test_the_window_answers_a_click_while_everyones_checks_run(qtbot, journal, clock) -> None:  # noqa: ANN001
    w, slow = held_window(qtbot, journal, clock)
    try:
        assert slow.running  # the checks are still held...
        bar = w.tabs.tabBar()
        target = (w.tabs.currentIndex() + 1) % w.tabs.count()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(target).center())
        assert w.tabs.currentIndex() == target  # ...and the window answered the click
        assert slow.running
        assert w.session.checking_in_background
    finally:
        slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    # what the worker found is what the checks find
    assert [a.key for a in w.session.alerts] == [a.key for a in w.session.refresh_alerts()]


def test_a_result_computed_before_a_newer_list_is_not_shown_over_it(qtbot, journal, clock) -> None:  # noqa: ANN001
    w, slow = held_window(qtbot, journal, clock, first_answer=[stale_alert(clock, "computed before the newer list")])  # the start checks are held on the worker
    shown: list[list] = []
    w.session.alerts_updated.connect(shown.append)
    w.session.refresh_alerts()  # a newer list, made on the GUI thread meanwhile
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    assert shown
    assert all(a.rule != "stale-test" for alerts in shown for a in alerts)
    assert all(a.rule != "stale-test" for a in w.session.alerts)


def test_checks_that_end_after_the_window_is_gone_say_nothing_on_the_way_out(qtbot, journal, clock, capfd) -> None:  # noqa: ANN001
    """Quitting while everyone's checks run on a worker: when they end there is no window left to
    show them in, and that is not an error (it printed "Signal source has been deleted")."""
    import shiboken6
    from PySide6.QtCore import QThreadPool

    w, slow = held_window(qtbot, journal, clock)
    shiboken6.delete(w.session._posted)  # what the application's end does to the window's objects
    slow.release.set()
    assert QThreadPool.globalInstance().waitForDone(20_000)
    assert "Signal source has been deleted" not in capfd.readouterr().err


# -- writes about no one in particular, and back from sleep: everyone's checks on the worker too ---
def test_settings_saved_answer_at_once_and_everyones_checks_follow_on_the_worker(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Saving the settings re-checks everyone (the emergency number is in the alerts): at 50 people
    that is most of a second, so it runs on the worker; the list says it is checking meanwhile, and
    a result from before the save (held here) is not shown over the new one."""
    from journal.ui.operations.settings import save_settings

    w, slow = held_window(qtbot, journal, clock, first_answer=[stale_alert(clock, "computed before the settings changed")])  # the start checks are held on the worker
    s = journal.get_settings()
    s.time_format = "%I:%M %p"
    save_settings(session=w.session, settings=s, by="")
    qtbot.waitUntil(lambda: w.session.checking)  # the re-check is asked for a turn later, not run here
    assert slow.running  # everyone's checks are still held on the worker: the GUI thread did not run them
    assert "Checking" in w.alerts.summary.text()
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking and not w.session.checking_in_background)
    assert all(a.rule != "stale-test" for a in w.session.alerts)  # from before the save: dropped
    assert "Checking" not in w.alerts.summary.text()
    assert [a.key for a in w.session.alerts] == [a.key for a in w.session.refresh_alerts()]


def test_back_from_sleep_everyones_checks_run_on_the_worker_and_the_list_says_so(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Doses missed during the sleep are not yet flagged: the list must not go on saying what it
    said before the sleep as if it were current."""
    w, slow = held_window(qtbot, journal, clock)
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    slow.started.clear()
    slow.release.clear()
    w.reminders.replanned("clock-jump")  # what the scheduler says when the clock jumped (sleep, resume)
    qtbot.waitUntil(slow.started.is_set)  # the checks started on the worker...
    try:
        assert slow.running and w.session.checking_in_background  # ...and are held there, the window free
        assert w.session.checking and "Checking everyone" in w.alerts.summary.text()
    finally:
        slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background and not w.session.checking)
    assert "Checking" not in w.alerts.summary.text()


def test_saving_the_settings_runs_no_check_on_the_gui_thread(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    """The service's own check after a save (everyone's, most of a second at 50 people) must not run
    in the click; the session's re-check runs on the worker."""
    import threading

    from journal.services import checks
    from journal.ui.operations.settings import save_settings

    s = window.session
    qtbot.waitUntil(lambda: not s.checking and not s.checking_in_background)
    on_gui_thread: list[bool] = []
    real = checks.run

    def spy(*a, **k):  # noqa: ANN002, ANN003, ANN202
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*a, **k)

    monkeypatch.setattr(checks, "run", spy)
    st = journal.get_settings()
    st.time_format = "%I:%M %p"
    save_settings(session=s, settings=st, by="")
    assert on_gui_thread == []  # nothing ran in the click
    qtbot.waitUntil(lambda: not s.checking and not s.checking_in_background)
    assert on_gui_thread and not any(on_gui_thread)  # the re-check ran, on the worker


def test_a_result_from_before_a_save_that_lands_during_the_click_is_not_shown(qtbot, journal, clock) -> None:  # noqa: ANN001
    from PySide6.QtCore import QThreadPool

    from journal.ui.operations.settings import save_settings

    w, slow = held_window(qtbot, journal, clock, first_answer=[stale_alert(clock, "computed before the settings changed")])
    shown: list[list[str]] = []
    w.session.alerts_updated.connect(lambda al: shown.append([a.rule for a in al]))
    slow.release.set()
    assert QThreadPool.globalInstance().waitForDone(20_000)  # the old result is queued to the GUI thread...
    s = journal.get_settings()
    s.time_format = "%I:%M %p"
    save_settings(session=w.session, settings=s, by="")  # ...before this click's write is announced
    qtbot.waitUntil(lambda: not w.session.checking and not w.session.checking_in_background)
    assert not any("stale-test" in rules for rules in shown), shown


# -- the start: everyone's first checks begin once the window has painted itself -----------------
def test_everyones_first_checks_start_after_the_first_paint(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Run beside the first paint they held it up (issue 17: up to 170 ms at 50 people)."""
    from PySide6.QtCore import QEvent, QObject

    slow = SlowJournal(journal)
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    painted: list[bool] = []

    class Paints(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    spy = Paints(w)
    w.installEventFilter(spy)
    seen_at_start: list[bool] = []
    real = w.session.refresh_alerts_later

    def recorded(**kw) -> None:  # noqa: ANN003
        seen_at_start.append(bool(painted))
        real(**kw)

    w.session.refresh_alerts_later = recorded  # type: ignore[method-assign]
    w.show()
    qtbot.waitUntil(slow.started.is_set)
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    assert seen_at_start and seen_at_start[0] is True  # the first run began after a paint


def test_a_window_never_painted_still_checks_everyone(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Started minimised or in the tray at login, the window may never paint: the checks (and the
    reminders, which start with their first alerts) must run all the same."""
    slow = SlowJournal(journal)
    slow.release.set()
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)  # never shown
    qtbot.waitUntil(slow.started.is_set, timeout=3000)
    qtbot.waitUntil(lambda: w.reminders.started, timeout=3000)


def test_the_start_backup_waits_for_the_windows_start(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Copying and syncing a large file beside the start made the reminders' first save wait on
    the disk (issue 17): the start backup begins once the first checks are in and the reminders run."""
    from journal.ui.shell.launch import start_backup_after_start

    slow = SlowJournal(journal)
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    made: list[bool] = []
    start_backup_after_start(w, lambda: made.append(w.reminders.started and w.reminders.due_plan.complete))
    w.show()
    qtbot.waitUntil(slow.started.is_set)
    qtbot.wait(50)
    assert made == []  # the first checks are still held: no backup yet
    slow.release.set()
    qtbot.waitUntil(lambda: bool(made))
    assert made == [True]  # once, after the reminders started and everyone's were planned
    qtbot.wait(50)
    assert made == [True]


def test_the_start_backup_is_made_even_if_the_start_never_ends(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    import journal.ui.shell.launch as launch

    monkeypatch.setattr(launch, "START_BACKUP_LATEST_MS", 100)
    slow = SlowJournal(journal)  # the first checks held for good: the reminders never start
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    made: list[bool] = []
    launch.start_backup_after_start(w, lambda: made.append(True))
    w.show()
    try:
        qtbot.waitUntil(lambda: bool(made), timeout=3000)
        assert not w.reminders.started
    finally:
        slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    assert made == [True]
