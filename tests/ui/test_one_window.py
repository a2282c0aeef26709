"""One window, found again: a second launch brings the running window to the front; the tray menu
offers Open and Quit; without a tray, closing asks and keeps reminding minimised by default;
`--minimised` starts out of the way (as at login)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.app import make_context
from journal.ui.shell.launch import run_app
from journal.ui.shell.main_window import MainWindow, build_window
from journal.ui.shell.single_instance import WindowDoorbell, ask_running_window_to_show, server_name
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def test_the_doorbell_name_depends_on_the_journal(tmp_path: Path) -> None:
    a, b = server_name(tmp_path / "a.sqlite3"), server_name(tmp_path / "b.sqlite3")
    assert a != b and a == server_name(tmp_path / "." / "a.sqlite3")
    assert len(a) < 40  # Unix socket paths are short


def test_nobody_answers_when_no_window_is_open(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    assert ask_running_window_to_show(server_name(tmp_path / "none.sqlite3"), wait_ms=500) is False


def test_a_second_launch_brings_the_running_window_to_the_front(qtbot, tmp_path: Path, clock) -> None:  # noqa: ANN001
    from journal.services.backups import take_window_lock
    from journal.services.journal import Journal

    path = tmp_path / "journal.sqlite3"
    lock = take_window_lock(path, clock)
    journal = Journal.open(path, clock)
    try:
        w = build_window(journal, clock, tray_available=False, desktop_notifications=False)
        qtbot.addWidget(w)
        doorbell = WindowDoorbell(server_name(path), w)
        doorbell.show_requested.connect(w.bring_to_front)
        assert doorbell.listen(), doorbell.error
        assert not w.isVisible()  # e.g. hidden to the tray, or started minimised
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)  # the event loop answers
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert "brought to the front" in err
        assert w.isVisible()
        w.quit()
    finally:
        journal.close()
        lock.release()


def test_the_tray_menu_offers_open_and_quit(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = build_window(journal, clock, tray_available=True, desktop_notifications=False)
    qtbot.addWidget(w)
    menu = w.notifier.tray.contextMenu()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Open CareJournal", "Quit (no more reminders)"]
    w.hide()
    menu.actions()[0].trigger()
    assert w.isVisible()
    menu.actions()[1].trigger()
    assert not w.isVisible() and not w.scheduler.timer.isActive()


def test_without_a_tray_closing_asks_and_keeps_reminding_minimised(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell import closing

    asked: list[object] = []
    monkeypatch.setattr(closing, "ask_keep_reminding", lambda parent: asked.append(parent) or True)
    w = build_window(journal, clock, tray_available=False, desktop_notifications=False)
    qtbot.addWidget(w)
    w.keep_reminding_on_close = True
    w.show()
    qtbot.waitUntil(w.scheduler.timer.isActive)
    w.close()
    assert asked == [w]
    assert w.windowState() & Qt.WindowState.WindowMinimized
    assert w.scheduler.timer.isActive()  # still reminding
    # choosing Quit in the question really stops
    monkeypatch.setattr(closing, "ask_keep_reminding", lambda parent: False)
    w.close()
    assert not w.isVisible() and not w.scheduler.timer.isActive()


def test_the_question_keeps_reminding_on_enter_and_escape(qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.shell import closing

    seen: dict[str, object] = {}

    def fake_exec(box: QMessageBox) -> int:
        seen["default"] = box.defaultButton().text()
        seen["escape"] = box.escapeButton().text()
        seen["text"] = box.text()
        box.escapeButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert closing._ask(None) is True
    assert seen["default"] == seen["escape"] == closing.KEEP_BUTTON
    assert "stop every reminder" in str(seen["text"])


def test_started_minimised_as_at_login(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    ctx = make_context(tmp_path / "journal.sqlite3", clock=clock, minimised=True)
    before = set(QApplication.topLevelWidgets())
    try:
        assert run_app(ctx) == 0
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
        assert len(windows) == 1
        w = windows[0]
        assert w.windowState() & Qt.WindowState.WindowMinimized
        assert w.keep_reminding_on_close
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.quitting = True
                w.close()
        ctx.close()
