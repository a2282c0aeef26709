"""Undo: the entry just made can be undone for a while (Ctrl+Z or the Undo button beside the
confirmation); it is removed with the reason "undone", so the history keeps it (issue 19)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journal.domain import ObservationKind
from journal.ui.operations.entries import undo_last_entry
from journal.ui.screens.today_view import TodayView
from journal.ui.screens.vitals_form import VitalsForm
from journal.ui.shell.session import UNDO_WINDOW
from tests.ui.conftest import TABLETS, at, clock, empty_journal, journal, no_blocking_dialogs, session, window  # noqa: F401


def today(qtbot, session) -> TodayView:  # noqa: ANN001
    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()
    return view


def test_undo_button_takes_back_a_wrong_given_now(qtbot, session, journal) -> None:  # noqa: ANN001
    view = today(qtbot, session)
    assert not view.undo_button.isVisible()
    view.slot_button(TABLETS, "14:00").click()
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")
    assert view.undo_button.isVisible() and "Logged" in view.status.text()
    view.undo_button.click()
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "overdue")
    assert "Undone" in view.status.text() and not view.undo_button.isVisible()
    pid = journal.list_patients()[0].id
    removed = [r for r in journal.revisions(pid) if r.action == "remove"]
    assert [r.reason for r in removed] == ["undone"]  # kept in the history, with its reason
    assert journal.get_record("dose", removed[0].entity_id).removed


def test_ctrl_z_in_the_window_undoes_the_last_entry(qtbot, window, journal) -> None:  # noqa: ANN001
    t = window.today
    window.tabs.setCurrentWidget(t)
    t.slot_button(TABLETS, "14:00").click()
    qtbot.waitUntil(lambda: t.slot_state(TABLETS, "14:00") == "given")
    t.slot_button(TABLETS, "14:00").setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: t.slot_state(TABLETS, "14:00") == "overdue")
    assert "Undone" in window.statusBar().currentMessage()
    assert "Nothing to undo" in window.undo_last_entry()  # once only


def test_too_late_to_undo_leaves_the_entry(qtbot, session, journal, clock) -> None:  # noqa: ANN001
    form = VitalsForm(session)
    qtbot.addWidget(form)
    form.show()
    form.choose_kind(ObservationKind.HEART_RATE)
    form.when.set_value(at(15, 0))
    qtbot.keyClicks(form.value, "88")
    with qtbot.waitSignal(form.logged):
        form.save_button.click()
    assert form.undo_button.isVisible()
    clock.advance(UNDO_WINDOW + timedelta(seconds=1))
    assert session.undoable() is None
    form.undo_button.click()
    assert "Too late to undo" in form.result.text()
    pid = journal.list_patients()[0].id
    assert [o.value for o in journal.history(pid, at(14), at(16)).observations] == [88]


def test_undo_just_inside_the_window_works(qtbot, session, journal, clock) -> None:  # noqa: ANN001
    view = today(qtbot, session)
    view.slot_button(TABLETS, "14:00").click()
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")  # written on the next turn
    clock.advance(UNDO_WINDOW)
    assert undo_last_entry(session=session, by="") is not None
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "overdue")


def test_every_window_shortcut_is_listed_in_the_guide(window) -> None:  # noqa: ANN001
    from PySide6.QtGui import QKeySequence, QShortcut

    from journal.reference import default_library

    guide = default_library().render_html("about", "911")
    keys = {sc.key().toString(QKeySequence.SequenceFormat.PortableText)
            for sc in window.findChildren(QShortcut) if not sc.key().isEmpty()}
    assert {"Ctrl+D", "Ctrl+Z", "F1"} <= keys
    assert [k for k in sorted(keys) if k not in guide] == []
