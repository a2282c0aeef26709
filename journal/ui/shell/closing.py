"""Closing the window where the desktop has no tray (GNOME as shipped): reminders must not stop
silently. Decision: ask, with "keep reminding" the default (Enter and Escape both keep it). Kept
running, the window is minimised: it stays in the taskbar/dock, and starting CareJournal again from
the menu brings it back (ui/shell/single_instance). Quitting says plainly that no reminders will come."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .translation import QT_TRANSLATE_NOOP

# English source texts, shown in the window's language through _tr().
KEEP_TITLE = QT_TRANSLATE_NOOP("closing", "Keep reminding?")
KEEP_TEXT = QT_TRANSLATE_NOOP("closing", "This desktop has no tray icon, so closing CareJournal would stop every "
                              "reminder.\n\nKeep it running minimised? It stays in the taskbar, and starting "
                              "CareJournal from the menu brings the window back.")
KEEP_BUTTON = QT_TRANSLATE_NOOP("closing", "Keep reminding (minimise)")
QUIT_BUTTON = QT_TRANSLATE_NOOP("closing", "Quit: no more reminders")


def _tr(text: str) -> str:
    return QCoreApplication.translate("closing", text)


def _ask(parent: QWidget | None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _tr(KEEP_TITLE), _tr(KEEP_TEXT), parent=parent)
    keep = box.addButton(_tr(KEEP_BUTTON), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr(QUIT_BUTTON), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is keep


# Replaced in tests so nothing blocks. True: keep running minimised; False: quit.
ask_keep_reminding: Callable[[QWidget | None], bool] = _ask
