"""Review findings on the outside-changes watcher (SQLite data_version): an outside write is never
swallowed by the window's own next save, and a journal reopened after a restore keeps watching."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from journal.domain import Patient
from journal.services.journal import Journal
from tests.ui.conftest import clock, empty_journal, journal  # noqa: F401


def test_an_outside_write_is_still_reported_after_an_own_write(journal, clock) -> None:  # noqa: ANN001
    assert journal.changed_elsewhere() is False  # starts watching
    other = Journal.open(journal.path, clock)  # the command line, say
    try:
        other.add_patient(Patient(name="Jamie"))
    finally:
        other.close()
    # Before the next poll the caregiver saves something in the window.
    journal.add_patient(Patient(name="Alex"))
    assert journal.changed_elsewhere() is True  # Jamie's entry must still make the window redraw
    assert journal.changed_elsewhere() is False


def test_own_writes_alone_are_still_not_news(journal) -> None:  # noqa: ANN001
    assert journal.changed_elsewhere() is False
    journal.add_patient(Patient(name="Alex"))
    journal.add_patient(Patient(name="Sam"))
    assert journal.changed_elsewhere() is False


def test_a_reopened_journal_sees_an_outside_write_made_right_after(journal, clock) -> None:  # noqa: ANN001
    assert journal.changed_elsewhere() is False
    journal.reopen()  # a restore from the window; the views redraw from the file now
    other = Journal.open(journal.path, clock)
    try:
        other.add_patient(Patient(name="Jamie"))
    finally:
        other.close()
    assert journal.changed_elsewhere() is True


def test_an_outside_write_while_the_window_is_being_built_shows(qtbot, journal, clock) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, watch_ms=60_000)
    qtbot.addWidget(w)
    assert w.person.findText("Jamie") < 0  # the views were loaded from the file
    other = Journal.open(journal.path, clock)  # the command line, before the first event-loop turn
    try:
        other.add_patient(Patient(name="Jamie"))
    finally:
        other.close()
    w.show()
    qtbot.wait(50)  # the first turns of the event loop
    assert w.session.check_for_outside_changes() is True  # the next poll
    assert w.person.findText("Jamie") >= 0


def test_a_save_in_the_window_does_not_hide_what_the_command_line_wrote(qtbot, journal, clock) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, watch_ms=60_000)
    qtbot.addWidget(w)
    w.show()
    qtbot.wait(50)
    other = Journal.open(journal.path, clock)
    try:
        other.add_patient(Patient(name="Jamie"))
    finally:
        other.close()
    w.session.apply(lambda: journal.add_patient(Patient(name="Alex")))  # before the next poll
    assert w.session.check_for_outside_changes() is True
    assert w.person.findText("Jamie") >= 0
