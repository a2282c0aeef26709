"""Telling the caregiver something is due, by every route this desktop offers.

Routes, all tried (a reminder must never vanish silently):
- the in-window banner, always (the record; the only route when nothing else exists);
- desktop notifications: on Linux the freedesktop notification service over D-Bus (GNOME, KDE,
  Xfce, dunst, mako, ... all provide it, with or without a system tray);
- the system tray's balloon, where a tray exists and the desktop service did not take it
  (Windows, macOS, Linux desktops without the D-Bus service).
Several reminders due at once go out as ONE notification listing them all. An emergency is sent
critical (it stays until dismissed), raises the window and flashes it in the taskbar.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QCoreApplication, QMetaObject, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from journal import APP_ID

from ..widgets.style import set_scaled_font

if TYPE_CHECKING:  # QtDBus is imported where used: Qt builds for Windows and macOS lack it
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

APP_NAME = "CareJournal"
# The desktop entry's name without ".desktop" (the notification's "desktop-entry" hint, the
# window's desktop file name): the desktop then shows our icon and groups our notifications.
DESKTOP_ID = APP_ID

# freedesktop Desktop Notifications Specification 1.2: service, object path, interface, and the
# urgency levels (0 low, 1 normal, 2 critical; a critical one does not expire on its own).
_SERVICE = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_INTERFACE = "org.freedesktop.Notifications"
URGENCY_NORMAL = 1
URGENCY_CRITICAL = 2
# How long the D-Bus call may take before we give up on this route (milliseconds).
_CALL_TIMEOUT_MS = 3000
# A reminder stays on screen until the caregiver closes it (0 = never expires, per the spec).
_NEVER_EXPIRE = 0


@dataclass(frozen=True)
class Note:
    """One line of a notification: what is due ("Baclofen 10 mg at 14:00") and one more line."""

    title: str
    text: str = ""


# A notification lists at most this many reminders, then "... and N more: see Today."
MAX_LISTED = 5


def compose(notes: Sequence[Note]) -> tuple[str, str]:
    """(summary, body) of ONE notification for one or several reminders due at once.

    One: its title and text. Several: "CareJournal: 3 reminders" and one line per reminder (at
    most MAX_LISTED, then how many more), so none hides behind the last one shown.
    Raises ValueError for an empty list."""
    if not notes:
        raise ValueError("compose() needs at least one reminder")  # internal: a programming error, never shown
    if len(notes) == 1:
        return notes[0].title, notes[0].text
    heads = [n.title for n in notes]
    body = "\n".join(heads[:MAX_LISTED])
    if len(heads) > MAX_LISTED:
        body += "\n" + QCoreApplication.translate("notifier", "... and {n} more: see Today.").format(
            n=len(heads) - MAX_LISTED)
    return QCoreApplication.translate("notifier", "CareJournal: {n} reminders").format(n=len(notes)), body


class DesktopNotifications:
    """The freedesktop notification service on the session bus, reached through QtDBus.

    `show()` returns True when the service accepted the notification, False when there is no
    session bus, no service, or it answered with an error (the caller then uses another route).
    The interface is looked up once, on first use, only if the service is registered."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus
        self._iface: QDBusInterface | None = None
        self.last_error = ""

    def _interface(self) -> QDBusInterface | None:
        if self._iface is not None:
            return self._iface
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError as exc:  # a Qt build without D-Bus (Windows, macOS wheels)
            self.last_error = f"no D-Bus in this Qt ({exc})"
            return None
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            self.last_error = "no session bus"
            return None
        names = bus.interface()
        if names is None or not names.isServiceRegistered(_SERVICE).value():
            self.last_error = "no notification service on the session bus"
            return None
        iface = QDBusInterface(_SERVICE, _PATH, _INTERFACE, bus)
        if not iface.isValid():
            self.last_error = iface.lastError().message() or "the notification service did not answer"
            return None
        iface.setTimeout(_CALL_TIMEOUT_MS)
        self._iface = iface
        return iface

    def available(self) -> bool:
        return self._interface() is not None

    def show(self, summary: str, body: str, *, critical: bool = False, replaces: int = 0) -> int:
        """Ask the desktop to show a notification. Returns its id (> 0), or 0 when not shown."""
        iface = self._interface()
        if iface is None:
            return 0
        hints = {"urgency": URGENCY_CRITICAL if critical else URGENCY_NORMAL,
                 "desktop-entry": DESKTOP_ID, "category": "reminder"}
        try:
            result = QMetaObject.invokeMethod(
                iface, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
                Q_ARG(str, APP_NAME), Q_ARG("uint", int(replaces)), Q_ARG(str, DESKTOP_ID),
                Q_ARG(str, summary), Q_ARG(str, body), Q_ARG("QStringList", []),
                Q_ARG("QVariantMap", hints), Q_ARG(int, _NEVER_EXPIRE))
        except (RuntimeError, TypeError) as exc:
            self.last_error = str(exc)
            return 0
        error = iface.lastError()
        if error.isValid():
            self.last_error = error.message()
            self._iface = None  # the service may have gone; look again next time
            return 0
        return result if isinstance(result, int) else 0  # the uint the service gave


def desktop_notifications_for_this_session() -> DesktopNotifications | None:
    """The desktop route where one can exist: Linux with a real screen (not offscreen tests)."""
    if not sys.platform.startswith("linux"):
        return None
    if QGuiApplication.platformName() in ("offscreen", "minimal", ""):
        return None
    return DesktopNotifications()


class ReminderBanner(QFrame):
    """In-window reminder strip, used when there is no system tray (and always as a record).

    It lists what is still to be seen to, one line each (a reminder line goes when its slot is
    answered or an alert takes it over, see `remove`); a long list is cut after MAX_LINES with a
    count, so waking after a night away is one short list, not a wall of text."""

    MAX_LINES = MAX_LISTED
    dismissed = Signal(object)  # set[str]: the keys of the lines the caregiver dismissed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "QFrame#reminderBanner { background-color: #e3f2fd; border: 2px solid #1e88e5;"
            " border-radius: 6px; } QFrame#reminderBanner QLabel { color: #0d2a45; }"
        )
        self.setAccessibleName(self.tr("Reminder"))
        lay = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        set_scaled_font(self.label, 1.2, bold=True)
        lay.addWidget(self.label, 1)
        self.dismiss_button = QPushButton(self.tr("OK, got it"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the reminder"))
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
        event = QAccessibleAnnouncementEvent(self, self.tr("Reminder: {text}").format(text=announce))
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
            text += "\n" + QCoreApplication.translate("notifier", "... and {n} more: see Today.").format(n=more)
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
    """Sends each reminder by every available route (see the module docstring).

    `desktop`: the desktop notification service; None finds the one of this session (if any),
    False means none. `last_routes` says where the last reminder went ("desktop", "tray",
    "window"), for the status bar and the tests."""

    activated = Signal()  # the user clicked the tray icon or its message

    def __init__(self, banner: ReminderBanner, window: QWidget, tray_available: bool | None = None,
                 parent: QObject | None = None, desktop: DesktopNotifications | None | bool = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.window = window
        if desktop is None:
            desktop = desktop_notifications_for_this_session()
        # False (the sample window): no desktop notifications at all.
        self.desktop: DesktopNotifications | None = desktop if isinstance(desktop, DesktopNotifications) else None
        self.last_routes: list[str] = []
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if tray_available:
            icon = window.windowIcon()
            if icon.isNull():
                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip(APP_NAME)
            self.tray.activated.connect(self._tray_activated)
            self.tray.messageClicked.connect(self.activated.emit)
            self.tray.show()

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:  # right-click opens the menu instead
            self.activated.emit()

    @property
    def uses_tray(self) -> bool:
        return self.tray is not None

    def routes_description(self) -> str:
        """Where reminders appear, in words for the status bar."""
        if self.desktop is not None and self.desktop.available():
            return QCoreApplication.translate("notifier", "on the desktop and in this window")
        if self.tray is not None:
            return QCoreApplication.translate("notifier", "in the tray")
        return QCoreApplication.translate("notifier", "in this window")

    def notify(self, title: str, text: str, lines: dict[str, str] | None = None) -> list[str]:
        """One notification. `lines` (key -> line) go into the banner instead of "title: text"
        when given, so several reminders due at once are one message with a line each.
        Returns the routes it went out by."""
        # The banner is always filled too: if the bubble is missed, the window still says it.
        if lines:
            self.banner.add_lines(lines, f"{title}: {text}" if text else title)
        else:
            self.banner.show_message(title, text)
        return self._send(title, text, critical=False)

    def notify_many(self, notes: Sequence[Note]) -> list[str]:
        """Several reminders due at once: a line each in the banner, ONE notification listing all."""
        if not notes:
            return []
        summary, body = compose(notes)
        lines = {f"note|{i}|{n.title}": f"{n.title}: {n.text}" if n.text else n.title for i, n in enumerate(notes)}
        return self.notify(summary, body, lines)

    def emergency(self, summary: str, body: str) -> list[str]:
        """An emergency: a critical notification, the window raised and flashed in the taskbar."""
        routes = self._send(summary, body, critical=True)
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()
        QApplication.alert(self.window, 0)  # flashes until the window is used
        self.last_routes = [*routes, "taskbar"]
        return self.last_routes

    def _send(self, summary: str, body: str, *, critical: bool) -> list[str]:
        routes = ["window"]
        if self.desktop is not None and self.desktop.show(summary, body, critical=critical):
            routes.append("desktop")
        elif self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(summary, body, icon, 0 if critical else 30_000)
            routes.append("tray")
        self.last_routes = routes
        return routes
