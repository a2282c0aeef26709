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
    """In-window reminder strip, used when there is no system tray (and always as a record)."""

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
        self.messages: list[str] = []
        self.setVisible(False)

    def show_message(self, title: str, text: str) -> None:
        self.messages.append(f"{title}: {text}" if text else title)
        self.messages = self.messages[-3:]
        self.label.setText("\u25f7 " + "\n\u25f7 ".join(self.messages))
        self.setVisible(True)
        # A screen reader says it when the caregiver is free to listen (polite, not interrupting).
        event = QAccessibleAnnouncementEvent(self, f"Reminder: {self.messages[-1]}")
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def dismiss(self) -> None:
        """Only the caregiver's "OK" clears the reminders; the window being minimised or
        hidden to the tray must not lose one that is still unread."""
        self.messages = []
        self.hide()


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

    def notify(self, title: str, text: str) -> None:
        # The banner is always filled too: if the tray bubble is missed, the window still says it.
        self.banner.show_message(title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 30_000)
