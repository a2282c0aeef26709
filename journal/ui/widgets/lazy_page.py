"""A tab page that reads the journal only while it is on screen (issue 17: switching person or a
write refreshes the current tab at once; a hidden tab refreshes when it next becomes current)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyPage(QWidget):
    """Base of the tab pages that refresh only when seen.

    A subclass defines `refresh()`, which must set `self._dirty = False`; it calls `mark_dirty()`
    wherever the page's data may have changed (a write, another person). `_dirty` starts True (the
    first showing reads); a subclass that reads in its constructor sets it False."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = True

    def refresh(self) -> None:
        raise NotImplementedError

    def mark_dirty(self) -> None:
        """Refresh now when this is the current tab (even of a window not shown yet), else when
        it next becomes one."""
        if self.isHidden():
            self._dirty = True
        else:
            self.refresh()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt name)
        # The tab widget shows a page with setVisible, also while the window itself is hidden
        # (no show event then).
        super().setVisible(visible)
        if visible and self._dirty:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if self._dirty:
            self.refresh()
        super().showEvent(event)
