"""A window that may only look: a viewer's login on a shared journal. Every control that would
write (log, correct, remove, acknowledge, add a person, save a profile or a medicine change) is
disabled with the reason in its tooltip, and a notice at the top says why. PostgreSQL refuses a
viewer's writes anyway (storage/roles.py); this only keeps the window from offering them.

Views build some of their buttons again as they redraw (a dose row, an alert card), and some views
enable a button on their own (a selected row): the guard looks again after each redraw and turns
back off any write control that was turned on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

GUARDED = "carejournalReadOnly"  # a dynamic property: the guard watches this widget already
NOTICE_STYLE = "background-color: #fff8e1; color: #5d4037; border: 2px solid #ffb300; padding: 4px;"


def write_controls(window: Any) -> list[QWidget]:
    """The controls of `window` (a MainWindow) that would write to the journal, as shown now."""
    found: list[Any] = [window.add_person_button, window.welcome.add_button, window.welcome.number_button,
                        window.welcome.number_edit]
    for form in (window.symptom_form, window.vitals_form, window.pump, window.profile, window.new_person):
        found.append(getattr(form, "save_button", None))
    history = window.history
    found += [getattr(history, n, None) for n in ("correct_button", "remove_button", "note_button")]
    found += [getattr(window.medicines, n, None) for n in
              ("add_button", "change_button", "taper_button", "stop_button", "limits_button", "stock_button")]
    today = window.today
    found.append(getattr(today, "undo_button", None))
    body = today.scroll_area.widget()
    if body is not None:  # every button of the dose list logs a dose
        found += body.findChildren(QPushButton)
    for card in getattr(window.alerts, "cards", []):
        found += [getattr(card, n, None) for n in ("ack_button", "confirm_button", "note_edit")]
    found += [getattr(window.emergency, n, None) for n in ("ack_button", "note_edit")]
    return [w for w in found if isinstance(w, QWidget)]


class ReadOnlyGuard(QObject):
    """Keeps `window`'s write controls disabled, saying `reason`."""

    def __init__(self, window: Any, reason: str) -> None:
        super().__init__(window)
        self.window = window
        self.reason = reason
        self._pending = False
        session = window.session
        for signal in (session.operation_did_execute, session.patient_changed, session.alerts_updated):
            signal.connect(lambda *_a: self.soon())
        window.tabs.currentChanged.connect(lambda _i: self.soon())
        # A long alert list is laid out over several turns: its later cards too.
        window.alerts.cards_changed.connect(self.apply)
        for shortcut in (window.shortcut_dose, window.shortcut_undo):
            shortcut.setEnabled(False)
        self.apply()

    def soon(self) -> None:
        """Look again once the views have redrawn (coalesced)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.apply)

    def apply(self) -> None:
        self._pending = False
        tip = self.tr("Read-only: {reason}").format(reason=self.reason)
        for w in write_controls(self.window):
            if not w.property(GUARDED):
                w.setProperty(GUARDED, True)
                w.installEventFilter(self)
            w.setToolTip(tip)
            w.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget) and watched.isEnabled():
            watched.setEnabled(False)  # a view turned it on (a row was selected): still read-only
        return False


def notice(reason: str) -> QLabel:
    """The band at the top of a read-only window."""
    label = QLabel("\u2139 " + reason)
    label.setWordWrap(True)
    label.setStyleSheet(NOTICE_STYLE)
    label.setAccessibleName(QCoreApplication.translate("ReadOnlyGuard", "Read-only notice"))
    return label
