"""Fits small screens: every window and dialog is clamped to the screen's available area when it
is shown (a 1366x768 laptop with a panel leaves about 1366x728), and remembers the size the
caregiver gave it. One event filter on the application does it for all of them, so a dialog
written later fits too. Content that cannot shrink scrolls inside its own view (the report's
preview, the lists); the buttons along a dialog's bottom edge stay on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

# Room left around a window for its title bar and frame (pixels).
FRAME = QSize(16, 40)
SIZES_GROUP = "window-sizes"


def fit_size(wanted: QSize, available: QRect, minimum: QSize | None = None) -> QSize:
    """`wanted`, made no larger than the available area minus the frame (and no smaller than
    `minimum`, which wins only if the screen is smaller than the window's least usable size)."""
    w = min(wanted.width(), available.width() - FRAME.width())
    h = min(wanted.height(), available.height() - FRAME.height())
    if minimum is not None:
        w, h = max(w, minimum.width()), max(h, minimum.height())
    return QSize(w, h)


def clamp_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Resize `window` to fit the available area of its screen and move it inside."""
    if available is None:
        screen = window.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    size = fit_size(window.size(), available, window.minimumSize())
    if size != window.size():
        window.resize(size)
    x = min(max(window.x(), available.left()), available.right() - size.width() - FRAME.width() // 2)
    y = min(max(window.y(), available.top()), available.bottom() - size.height() - FRAME.height() + 8)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, available.left()), max(y, available.top()))


def _key(window: QWidget) -> str:
    return window.objectName() or type(window).__name__


class ScreenFit(QObject):
    """The application-wide filter: restore a remembered size, clamp on show, remember on close."""

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings("CareJournal", "CareJournal")

    @staticmethod
    def applies_to(obj: QObject) -> bool:
        return isinstance(obj, QMainWindow | QDialog) and obj.isWindow()

    def remembered(self, window: QWidget) -> QSize | None:
        value = self.settings.value(f"{SIZES_GROUP}/{_key(window)}")
        return value if isinstance(value, QSize) and value.isValid() else None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self.applies_to(obj):
            window: QWidget = obj  # type: ignore[assignment]
            kind = event.type()
            if kind == QEvent.Type.Show and not window.property("_cj_fitted"):
                window.setProperty("_cj_fitted", True)
                size = self.remembered(window)
                if size is not None:
                    window.resize(size)
                clamp_to_screen(window)
            elif kind in (QEvent.Type.Close, QEvent.Type.Hide) and window.property("_cj_fitted"):
                self.settings.setValue(f"{SIZES_GROUP}/{_key(window)}", window.size())
        return False


def install(app: QApplication) -> ScreenFit:
    """Installed once by run_app; returns the filter (tests remove it again)."""
    fit = ScreenFit(parent=app)
    app.installEventFilter(fit)
    return fit
