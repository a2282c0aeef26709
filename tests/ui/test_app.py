"""run_app as journal/app.py calls it: the window opens on the journal, the demo opens on a copy of
the sample, and a refused file gets the recovery screen instead of a crash."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.app import make_context
from journal.ui.shell.launch import run_app
from journal.ui.shell.main_window import MainWindow
from tests.ui.conftest import clock, no_blocking_dialogs  # noqa: F401


def shown_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_app_opens_the_window_on_the_journal(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    ctx = make_context(tmp_path / "journal.sqlite3", clock=clock)
    try:
        assert run_app(ctx) == 0
        windows = shown_windows()
        assert windows and windows[-1].stack.currentWidget() is windows[-1].welcome
        assert not windows[-1].demo
        qtbot.waitUntil(lambda: (tmp_path / "backups").is_dir())  # the automatic backup at start
        QThreadPool.globalInstance().waitForDone()  # it runs on a worker thread: let it finish
        # ... which the Backups screen, reachable from the window, lists for restoring
        assert windows[-1].backups_button.isVisible()
        screen = windows[-1].open_backups(run=False)
        assert screen.list.count() == 1 and screen.restore_button.isEnabled()
        screen.deleteLater()
    finally:
        for w in shown_windows():
            w.quitting = True
            w.close()
        ctx.close()


def test_demo_opens_on_a_copy_of_the_sample(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    ctx = make_context(tmp_path / "journal.sqlite3", demo=True, clock=clock)
    try:
        assert run_app(ctx, demo=True) == 0
        w = shown_windows()[-1]
        assert w.demo and w.person.count() >= 1
        assert not (tmp_path / "journal.sqlite3").exists()  # the real journal is not touched
    finally:
        for w in shown_windows():
            w.close()
        ctx.close()


def test_a_file_that_is_not_a_journal_gets_the_recovery_screen(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.dialogs import recovery

    bad = tmp_path / "journal.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    before = bad.read_bytes()
    offered: list[str] = []
    monkeypatch.setattr(recovery, "run_dialog", lambda dialog: offered.append("shown") or "cancel")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2]) or 0))
    ctx = make_context(bad, clock=clock)
    try:
        assert run_app(ctx) == 1
    finally:
        ctx.close()
    assert offered == ["shown"] and told == ["Nothing was changed."]
    assert bad.read_bytes() == before


def test_a_second_window_on_the_same_journal_is_told_and_not_opened(qtbot, tmp_path: Path, clock,  # noqa: ANN001
                                                                     monkeypatch) -> None:
    from journal.services.backups import take_window_lock
    from journal.ui.dialogs import recovery

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    told: list[str] = []
    monkeypatch.setattr(recovery, "show_message", lambda parent, title, text: told.append(title))
    path = tmp_path / "journal.sqlite3"
    first = take_window_lock(path, clock)  # the journal is open in another window
    ctx = make_context(path, clock=clock)
    try:
        assert run_app(ctx) == 1
        assert told == ["CareJournal is already open"]
        assert not shown_windows()
    finally:
        first.release()
        ctx.close()
    # Once the other window has closed, the journal opens normally.
    ctx = make_context(path, clock=clock)
    try:
        assert run_app(ctx) == 0
        assert shown_windows()
    finally:
        for w in shown_windows():
            w.quitting = True
            w.close()
        ctx.close()
