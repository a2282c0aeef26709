"""Alerts that cannot be missed: a panel (most severe first) and an emergency banner.

Each alert shows colour + icon + words, what the journal saw (evidence), what to do, a link to
the guidance and an inline "acknowledge with a note" (no modal dialog to get lost behind)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Alert, Severity
from journal.domain.plural import severity_counts

from ..operations import Change, OpChanges
from ..operations.alerts import acknowledge_alert
from ..shell.session import Session
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_datetime
from ..widgets.style import look, set_scaled_font

MAX_EVIDENCE = 4
# New alert cards laid out per event-loop turn: about 8 ms of CPU each (made and laid out) at 50
# people, so a turn stays well under issue 17's 50 ms (bench: python -m bench.probe window).
CARDS_PER_TURN = 3


def _label(text: str, wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class _RememberedHeights(QVBoxLayout):
    """A card's layout that remembers its height for every width asked until its content changes
    (`invalidate`). Qt's box layout keeps one width only, and the list asks two (the card's size
    hint and its place): without this every card's wrapped text was measured again each time the
    list was laid out, about 1 ms a card (issue 17's 50 ms per event, with 48 cards)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()


class AlertCard(QFrame):
    """One alert. Emits `acknowledged(alert, note)` and `topic_requested(reference_id)`."""

    acknowledged = Signal(object, str)
    topic_requested = Signal(str)

    def __init__(self, alert: Alert, session: Session, show_patient: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self.show_patient = show_patient
        self.number = session.emergency_number
        lk = look(alert.severity)
        self.setObjectName("alertCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#alertCard {{ background-color: {lk.background}; border: 2px solid {lk.border};"
            f" border-radius: 6px; }} QFrame#alertCard QLabel {{ color: {lk.foreground};"
            " background: transparent; border: none; }"
        )
        self.setAccessibleName(self.tr("{severity} alert: {title}").format(severity=lk.word, title=alert.title))
        lay = _RememberedHeights(self)
        lay.setSpacing(4)

        who = f"{alert.patient}: " if show_patient else ""
        med = f" ({alert.medication})" if alert.medication and alert.medication not in alert.title else ""
        self.heading = _label(f"{lk.icon} {lk.word} - {who}{alert.title}{med}")
        set_scaled_font(self.heading, 1.15, bold=True)
        self.heading.setAccessibleName(self.tr("alert heading"))
        lay.addWidget(self.heading)

        if alert.message:
            lay.addWidget(_label(alert.message))
        todo = alert.advice or lk.action
        if alert.severity in (Severity.EMERGENCY, Severity.URGENT) and session.emergency_number not in todo:
            todo += "\n" + self.tr("If you are worried right now, call {number}.").format(number=session.emergency_number)
        self.todo = _label(self.tr("What to do: {advice}").format(advice=todo))
        self.todo.setFont(self.todo.font())
        set_scaled_font(self.todo, 1.0, bold=True)
        lay.addWidget(self.todo)

        if alert.evidence:
            shown = alert.evidence[:MAX_EVIDENCE]
            more = len(alert.evidence) - len(shown)
            lines = "\n".join(f"  \u2022 {e}" for e in shown)
            if more > 0:
                lines += "\n  \u2022 " + self.tr("... and {n} more").format(n=more)
            self.evidence = _label(self.tr("What the journal shows:") + "\n" + lines)
            self.evidence.setToolTip("\n".join(alert.evidence))
            lay.addWidget(self.evidence)
        when = fmt_datetime(alert.since, session.settings, session.now().date())
        if alert.since <= session.now():  # a date still ahead (a refill due) is already in the title
            lay.addWidget(_label(self.tr("Since {when}").format(when=when)))

        row = QHBoxLayout()
        row.setSpacing(6)
        self.read_button = QPushButton(self.tr("Read about this"))
        self.read_button.setAccessibleName(self.tr("Read the guidance about: {title}").format(title=alert.title))
        self.read_button.setEnabled(bool(alert.reference))
        self.read_button.clicked.connect(lambda: self.topic_requested.emit(alert.reference))
        row.addWidget(self.read_button)
        self.ack_button = QPushButton(self.tr("I have seen this..."))
        self.ack_button.setAccessibleName(self.tr("Acknowledge alert: {title}").format(title=alert.title))
        self.ack_button.clicked.connect(self._open_ack)
        row.addWidget(self.ack_button)
        row.addStretch(1)
        lay.addLayout(row)
        for b in (self.read_button, self.ack_button):
            b.setAutoDefault(True)  # Enter works on a focused button too

        self.ack_box = QWidget()
        ack = QHBoxLayout(self.ack_box)
        ack.setContentsMargins(0, 0, 0, 0)
        ack.addWidget(_label(self.tr("What did you do?"), wrap=False))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("for example: called the clinic, they said to ..."))
        self.note_edit.setAccessibleName(self.tr("Acknowledgement note"))
        self.note_edit.returnPressed.connect(self._confirm)
        ack.addWidget(self.note_edit, 1)
        self.confirm_button = QPushButton(self.tr("Acknowledge"))
        self.confirm_button.setAccessibleName(self.tr("Confirm acknowledgement"))
        self.confirm_button.clicked.connect(self._confirm)
        ack.addWidget(self.confirm_button)
        self.ack_box.setVisible(False)
        lay.addWidget(self.ack_box)
        # Not Maximum: wrapped text at a large font needs more height than the size hint.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _open_ack(self) -> None:
        self.ack_box.setVisible(True)
        self.note_edit.setFocus()

    def _confirm(self) -> None:
        note = self.note_edit.text().strip()
        if not note and self.alert.severity is Severity.EMERGENCY:
            # As on the red banner: an emergency leaves only with a note of what was done.
            self.note_edit.setPlaceholderText(self.tr("Please write a few words about what you did first."))
            self.note_edit.setFocus()
            return
        self.acknowledged.emit(self.alert, note)


class AlertPanel(QWidget):
    """The always-visible list of current alerts for everyone in the journal.

    A long list is laid out a few cards per event-loop turn (`CARDS_PER_TURN`, most severe first),
    so no single event lays out 48 cards (issue 17's 50 ms per event): the title and the summary
    give the full count at once, the first turn shows the most severe cards (an emergency is always
    among them), and cards of alerts no longer current leave at once. A newer list given while one
    is still being laid out replaces it. `pending` is how many cards are still to come."""

    topic_requested = Signal(str)
    cards_changed = Signal()  # cards were made or moved (a read-only window disables the new ones)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cards: list[AlertCard] = []
        self.alerts: list[Alert] = []  # the current list, most severe first (cards may still be coming)
        self._show_patient = False
        self.setAccessibleName(self.tr("Alerts"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 44)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Alerts"))
        set_scaled_font(self.title, 1.3, bold=True)
        outer.addWidget(self.title)
        self.summary = _label("")
        outer.addWidget(self.summary)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons inside
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.list_layout = QVBoxLayout(self.inner)
        self.list_layout.addStretch(1)
        self.scroll_area.setWidget(self.inner)
        outer.addWidget(self.scroll_area, 1)
        self.footer = _label("")
        outer.addWidget(self.footer)
        # The next few cards on the next turn (a zero timer: the layout and paint of this turn's
        # cards come first).
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(lambda: self._place(CARDS_PER_TURN))
        session.alerts_updated.connect(self.show_alerts)
        session.operation_did_execute.connect(self._on_changed)
        session.checking_changed.connect(lambda _c: self._show_summary())
        self.show_alerts(session.alerts)

    @property
    def pending(self) -> int:
        """How many cards of the current list are still to be laid out (0: all shown)."""
        return len(self.alerts) - len(self.cards)

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(Change.SETTINGS):
            self.show_alerts(self.session.alerts)

    def show_alerts(self, alerts: list[Alert]) -> None:
        """Show `alerts` (any order; shown most severe first): the count at once, the first
        `CARDS_PER_TURN` new cards now and the rest on later turns."""
        self.alerts = sorted(alerts, key=lambda a: -a.severity.rank)
        self._show_patient = len({a.patient for a in self.alerts}) > 1
        self._show_summary()
        self.title.setText(self.tr("Alerts ({n})").format(n=len(self.alerts)) if self.alerts else self.tr("Alerts"))
        self.footer.setText(self.tr("This journal is not medical advice. When in doubt, call the doctor, the "
                                    "clinic or {number}.").format(number=self.session.emergency_number))
        self._place(CARDS_PER_TURN)

    def _place(self, budget: int) -> None:
        """Lay out the current list: cards of unchanged alerts are kept (so a note being typed is
        not lost when the checks re-run every minute), cards of alerts gone leave, and at most
        `budget` new cards are made, in the list's order; the rest follow on the next turn."""
        number = self.session.emergency_number
        old: dict[tuple, list[AlertCard]] = {}
        for c in self.cards:
            old.setdefault(self._ident(c.alert, c.show_patient, c.number), []).append(c)
        cards: list[AlertCard] = []
        for alert in self.alerts:
            kept = old.get(self._ident(alert, self._show_patient, number))
            if kept:
                cards.append(kept.pop(0))
            elif budget > 0:
                budget -= 1
                card = AlertCard(alert, self.session, show_patient=self._show_patient, parent=self.inner)
                card.acknowledged.connect(self._acknowledge)
                card.topic_requested.connect(self.topic_requested)
                cards.append(card)
        for gone in old.values():
            for card in gone:
                card.setParent(None)
                card.deleteLater()
        changed = False
        for i, card in enumerate(cards):
            item = self.list_layout.itemAt(i)
            if item is None or item.widget() is not card:  # untouched when in place: no new layout
                self.list_layout.insertWidget(i, card)
                card.show()  # now, not on the next turn as the layout would (an emergency at once)
                changed = True
        self.cards = cards
        if changed:
            self._tab_order(cards)
            self.cards_changed.emit()
        if self.pending:
            self._more.start()
        else:
            self._more.stop()

    @staticmethod
    def _tab_order(cards: list[AlertCard]) -> None:
        """Tab goes through the cards in the list's order (cards made on later turns, or kept
        from an earlier list, would otherwise come in the order they were made)."""
        chain = [w for c in cards for w in (c.read_button, c.ack_button, c.note_edit, c.confirm_button)]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _show_summary(self) -> None:
        if self.session.checking:
            # A write's checks run a turn after it, everyone's on a worker (issue 17): never
            # "nothing needs attention" from before then.
            if self.session.checking_everyone:
                self.summary.setText("\u25f7 " + self.tr("Checking everyone's entries again\u2026"))
            else:
                self.summary.setText("\u25f7 " + self.tr("Checking the entry just made\u2026"))
        elif not self.alerts:
            self.summary.setText("\u2714 " + self.tr("Nothing needs your attention right now."))
        else:
            counts = severity_counts(a.severity for a in self.alerts)
            self.summary.setText(self.tr("Most serious first: {counts}.").format(counts=counts))

    @staticmethod
    def _ident(a: Alert, show_patient: bool, number: str) -> tuple:
        # The emergency number is part of it: a card saying "call 911" is redrawn after a change to 112.
        return (a.key, a.severity, a.title, a.message, a.advice, tuple(a.evidence), show_patient, number)

    def _acknowledge(self, alert: Alert, note: str) -> None:
        if not _saved(self, lambda: acknowledge_alert(session=self.session, alert=alert, note=note,
                                                      by=self.session.by, initiator=self)):
            return  # the card stays, with its note
        # Acknowledged alerts leave the list at once (the checks bring them back if worse): the
        # operation re-checked their person; an alert about no one in particular needs everyone's.
        if alert.patient_id is None:
            self.session.refresh_alerts()

    def card_titles(self) -> list[str]:
        return [c.alert.title for c in self.cards]


def _saved(parent: QWidget, write: Callable[[], object]) -> bool:
    """Run the write; a refused one (full disk, read-only file) is said in a message box."""
    try:
        write()
    except USER_ERRORS as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("alerts", "Not saved"), describe(exc))
        return False
    return True


class EmergencyBanner(QFrame):
    """A red band across the top of the window while any emergency is unacknowledged.

    It does not close on its own and has no close button: it leaves only when every emergency
    has been acknowledged with a note."""

    topic_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.emergencies: list[Alert] = []
        self._announced: tuple = ()
        lk = look(Severity.EMERGENCY)
        self.setObjectName("emergencyBanner")
        self.setStyleSheet(
            f"QFrame#emergencyBanner {{ background-color: {lk.background}; border: 4px solid {lk.border}; }}"
            f" QFrame#emergencyBanner QLabel {{ color: {lk.foreground}; background: transparent; }}"
        )
        self.setAccessibleName(self.tr("Emergency"))
        lay = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        set_scaled_font(self.headline, 1.6, bold=True)
        lay.addWidget(self.headline)
        self.detail = _label("")
        set_scaled_font(self.detail, 1.15)
        lay.addWidget(self.detail)
        self.todo = _label("")
        set_scaled_font(self.todo, 1.15, bold=True)
        lay.addWidget(self.todo)
        row = QHBoxLayout()
        self.read_button = QPushButton(self.tr("What to do (guidance)"))
        self.read_button.setAccessibleName(self.tr("Open the guidance for this emergency"))
        self.read_button.clicked.connect(self._read)
        row.addWidget(self.read_button)
        row.addWidget(_label(self.tr("After you have acted, note what you did:"), wrap=False))
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(self.tr("Emergency acknowledgement note"))
        self.note_edit.setPlaceholderText(self.tr("for example: called {number} at 02:10, ambulance coming").format(
            number=session.emergency_number))
        self.note_edit.returnPressed.connect(self.acknowledge)
        row.addWidget(self.note_edit, 1)
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setAccessibleName(self.tr("Acknowledge the emergency"))
        self.ack_button.clicked.connect(self.acknowledge)
        row.addWidget(self.ack_button)
        lay.addLayout(row)
        self.setVisible(False)
        session.alerts_updated.connect(self.show_alerts)

    def show_alerts(self, alerts: list[Alert]) -> None:
        self.emergencies = [a for a in alerts if a.severity is Severity.EMERGENCY]
        if not self.emergencies:
            self._announced = ()
            self.setVisible(False)
            return
        first = self.emergencies[0]
        number = self.session.emergency_number
        lk = look(Severity.EMERGENCY)
        self.headline.setText(self.tr("{icon} EMERGENCY: call {number} now - {person}: {title}").format(
            icon=lk.icon, number=number, person=first.patient, title=first.title))
        others = len(self.emergencies) - 1
        extra = "\n" + (self.tr("(1 more emergency alert in the Alerts list.)") if others == 1 else
                        self.tr("({n} more emergency alerts in the Alerts list.)").format(n=others)) \
            if others > 0 else ""
        self.detail.setText((first.message or "") + extra)
        self.todo.setText(self.tr("What to do: {advice}").format(advice=first.advice or lk.action))
        self.note_edit.setPlaceholderText(self.tr("for example: called {number} at 02:10, ambulance coming").format(
            number=number))
        self.setVisible(True)
        self.raise_()
        key = tuple(a.key for a in self.emergencies)
        if key != self._announced:
            # A screen reader says it at once, whatever the caregiver is doing in the window.
            self._announced = key
            self.announce(self.headline.text().replace(lk.icon, "").strip())

    def announce(self, text: str) -> None:
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def _read(self) -> None:
        if self.emergencies:
            self.topic_requested.emit(self.emergencies[0].reference or "when-to-call")

    def acknowledge(self) -> None:
        if not self.emergencies:
            return
        note = self.note_edit.text().strip()
        if not note:
            self.note_edit.setPlaceholderText(self.tr("Please write a few words about what you did first."))
            self.note_edit.setFocus()
            return
        alert = self.emergencies[0]
        if not _saved(self, lambda: acknowledge_alert(session=self.session, alert=alert, note=note,
                                                      by=self.session.by, initiator=self)):
            return  # the banner stays, with the note
        self.note_edit.clear()
        if alert.patient_id is None:
            self.session.refresh_alerts()
