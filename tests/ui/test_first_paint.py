"""The window shows first, then loads (issue 17): a plain CareJournal frame is on screen before the
journal, the checks, the reference and SQLAlchemy are loaded, and the full window replaces it."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

import journal.app as app_module
from journal.app import make_context, run_gui
from journal.ui.shell.main_window import MainWindow
from tests.ui.conftest import clock, no_blocking_dialogs  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def frames() -> list[QMainWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.objectName() == "first-paint" and w.isVisible()]


def test_the_frame_needs_nothing_of_the_journal() -> None:
    """Importing the first paint loads PySide6 only: no SQLAlchemy, no rules, no reference, no
    services (what made the window wait before)."""
    code = ("import sys, journal.ui.shell.first_paint; "
            "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'journal.rules', "
            "'journal.reference', 'journal.services', 'journal.storage', 'journal.knowledge'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"


def test_the_frame_is_painted_before_the_window_loads_and_closed_once_it_shows(
        qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    seen: dict[str, object] = {}
    from journal.ui.shell import launch

    real_run_app = launch.run_app
    # Earlier tests in the same process may leave windows (deleted later) and a busy cursor behind.
    earlier = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()

    def run_app(ctx, demo=False, frame=None):  # noqa: ANN001, ANN202
        seen["frame_on_screen"] = [f is frame for f in frames()] == [True]
        seen["window_before"] = any(isinstance(w, MainWindow) and id(w) not in earlier
                                    for w in QApplication.topLevelWidgets())
        return real_run_app(ctx, demo=demo, frame=frame)

    def event_loop(self=None) -> int:  # noqa: ANN001 - QApplication.exec: what is on screen when it starts
        seen["frames_when_running"] = len(frames())
        seen["busy_cursor_when_running"] = QApplication.overrideCursor() is not None
        return 0

    monkeypatch.setattr(launch, "run_app", run_app)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    ctx = make_context(tmp_path / "journal.sqlite3", clock=clock)
    try:
        assert run_gui(ctx) == app_module.EXIT_OK
        assert seen == {"frame_on_screen": True, "window_before": False,
                        "frames_when_running": 0, "busy_cursor_when_running": False}
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and id(w) not in earlier]
        assert windows  # the full window is shown...
        assert frames() == []  # ...and the frame is gone
        assert QApplication.overrideCursor() is None  # no busy cursor left behind
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.quitting = True
                w.close()
        ctx.close()


def test_started_at_login_there_is_no_frame(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell import launch

    got: list[object] = []
    monkeypatch.setattr(launch, "run_app", lambda ctx, demo=False, frame=None: got.append(frame) or 0)
    ctx = make_context(tmp_path / "journal.sqlite3", clock=clock, minimised=True)
    try:
        assert run_gui(ctx) == app_module.EXIT_OK
        assert got == [None] and frames() == []
    finally:
        ctx.close()


def test_closing_the_frame_again_after_qt_deleted_it_is_harmless(qapp) -> None:  # noqa: ANN001
    """The window closes the frame once shown, and run_app's cleanup closes it again after the
    event loop deleted it: that second close must not end the program with an error at quit."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from journal.ui.shell.first_paint import close_frame, show_frame

    frame = show_frame()
    close_frame(frame)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    close_frame(frame)  # raised "Internal C++ object already deleted" before
