"""Telling the caregiver something is due: the system tray where one exists, otherwise a banner
inside the window (many Linux desktops have no tray; a reminder must never vanish silently)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from .style import set_scaled_font


class ReminderBanner(QFrame):
    """In-window reminder strip, used when there is no system tray (and always as a record).

    It lists what is still to be seen to, one line each (a reminder line goes when its slot is
    answered or an alert takes it over, see `remove`); a long list is cut after MAX_LINES with a
    count, so waking after a night away is one short list, not a wall of text."""

    MAX_LINES = 5
    dismissed = Signal(object)  # set[str]: the keys of the lines the caregiver dismissed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "QFrame#reminderBanner { background-color: #e3f2fd; border: 2px solid #1e88e5;"
            " border-radius: 6px; } QFrame#reminderBanner QLabel { color: #0d2a45; }"
        )
        self.setAccessibleName("Reminder")
        lay = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        set_scaled_font(self.label, 1.2, bold=True)
        lay.addWidget(self.label, 1)
        self.dismiss_button = QPushButton("OK, got it")
        self.dismiss_button.setAccessibleName("Dismiss the reminder")
        self.dismiss_button.clicked.connect(self.dismiss)
        lay.addWidget(self.dismiss_button)
        self.entries: dict[str, str] = {}  # key -> line, oldest first
        self._serial = 0
        self.setVisible(False)

    @property
    def messages(self) -> list[str]:
        return list(self.entries.values())

    def show_message(self, title: str, text: str) -> None:
        """One message of its own (a pump date, a note from the window)."""
        self._serial += 1
        line = f"{title}: {text}" if text else title
        self.add_lines({f"message|{self._serial}": line}, line)

    def add_lines(self, lines: dict[str, str], announce: str | None) -> None:
        """Add (or refresh) keyed lines and say `announce` once to a screen reader (None: add
        them quietly, e.g. lines already announced before the app was last closed)."""
        self.entries.update(lines)
        self._redraw()
        if announce is None:
            return
        # A screen reader says it when the caregiver is free to listen (polite, not interrupting).
        event = QAccessibleAnnouncementEvent(self, f"Reminder: {announce}")
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def remove(self, keys: set[str]) -> None:
        """Lines that are settled (the dose was logged, or an alert now speaks for it) go."""
        if not keys & self.entries.keys():
            return
        self.entries = {k: v for k, v in self.entries.items() if k not in keys}
        self._redraw()

    def _redraw(self) -> None:
        lines = list(self.entries.values())
        if not lines:
            self.label.clear()
            self.hide()
            return
        shown = lines[:self.MAX_LINES]
        more = len(lines) - len(shown)
        text = "\u25f7 " + "\n\u25f7 ".join(shown)
        if more:
            text += f"\n... and {more} more: see Today."
        self.label.setText(text)
        self.setVisible(True)

    def dismiss(self) -> None:
        """Only the caregiver's "OK" clears the reminders; the window being minimised or
        hidden to the tray must not lose one that is still unread."""
        keys = set(self.entries)
        self.entries = {}
        self.label.clear()
        self.hide()
        self.dismissed.emit(keys)


class Notifier(QObject):
    """Shows reminders via the tray icon when available, else via the in-window banner."""

    activated = Signal()  # the user clicked the tray icon or its message

    def __init__(self, banner: ReminderBanner, window: QWidget, tray_available: bool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.window = window
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if tray_available:
            icon = window.windowIcon()
            if icon.isNull():
                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip("CareJournal")
            self.tray.activated.connect(lambda _reason: self.activated.emit())
            self.tray.messageClicked.connect(self.activated.emit)
            self.tray.show()

    @property
    def uses_tray(self) -> bool:
        return self.tray is not None

    def notify(self, title: str, text: str, lines: dict[str, str] | None = None) -> None:
        """One notification. `lines` (key -> line) go into the banner instead of "title: text"
        when given, so several reminders due at once are one message with a line each."""
        # The banner is always filled too: if the tray bubble is missed, the window still says it.
        if lines:
            self.banner.add_lines(lines, f"{title}: {text}" if text else title)
        else:
            self.banner.show_message(title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 30_000)
