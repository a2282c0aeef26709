"""The window's first paint (issue 17): a plain CareJournal frame, shown and painted before the
journal, the safety checks, the reference and the database layer are loaded (on a large journal
those take seconds), so a click on the app's icon is answered at once. The full window replaces it
as soon as it is built (`MainWindow` is shown, then the frame closed).

Only PySide6 is imported here, nothing of the journal: importing this module must stay cheap. The
frame has no words (the language is known only once the journal's Settings are read): the app's
name as the title and a busy cursor."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

# The size the full window opens at (MainWindow resizes itself to it): the frame has it too, so
# the swap does not jump.
SIZE = (1200, 820)


def show_frame() -> QMainWindow:
    """Create the application if needed, show the frame and paint it now; returns the frame (give
    it to `close_frame` once the full window is shown)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("CareJournal")
    app.setApplicationDisplayName("CareJournal")
    frame = QMainWindow()
    frame.setObjectName("first-paint")
    frame.setWindowTitle("CareJournal")
    frame.resize(*SIZE)
    frame.show()
    app.setOverrideCursor(Qt.CursorShape.WaitCursor)
    app.processEvents()  # lay out and paint it before the loading starts
    return frame


def close_frame(frame: QMainWindow | None) -> None:
    """Close the frame (once the full window is shown, or when none will be). Safe to call twice,
    also after Qt has deleted it (the event loop ran the deleteLater of the first call)."""
    if frame is None or not shiboken6.isValid(frame) or frame.property("closed"):
        return
    frame.setProperty("closed", True)
    frame.close()
    frame.deleteLater()
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.overrideCursor() is not None:
        app.restoreOverrideCursor()
