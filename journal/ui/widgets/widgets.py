"""Small shared widgets: inline error text, a section heading, a labelled hint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..operations.entries import undo_last_entry
from .formatting import time_pattern
from .style import set_scaled_font

if TYPE_CHECKING:  # the session imports views that use these widgets
    from ..shell.session import Session


def qdate(d: date) -> QDate:
    """A Python date as Qt's (for a QDateEdit)."""
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    """A Qt date (from a QDateEdit) as Python's."""
    return date(q.year(), q.month(), q.day())


class ErrorLabel(QLabel):
    """Inline validation message: shown next to the form, never a crash, never a silent clamp."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #9a0000; font-weight: bold;")
        self.setAccessibleName(self.tr("Problem with the entry"))
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self.setText("\u2716 " + text)
        self.setVisible(True)

    def clear_error(self) -> None:
        self.setText("")
        self.setVisible(False)

    @property
    def message(self) -> str:
        return "" if self.isHidden() else self.text()


def heading(text: str, factor: float = 1.3) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    set_scaled_font(lab, factor, bold=True)
    return lab


def hint(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setStyleSheet("color: #444444;")
    return lab


class WhenEdit(QDateTimeEdit):
    """A date and time in the journal's time zone (back-filling is common: default is now).

    With `follow_now(now)` the field keeps showing the current minute until the caregiver
    changes it, so a form left open since the morning does not stamp a 2 a.m. seizure with
    the morning's time. A time typed by hand is kept while the page stays on screen; leaving
    the page (another tab, the window hidden) goes back to "now"."""

    FOLLOW_MS = 20_000

    def __init__(self, tz: tzinfo, parent: QWidget | None = None, settings: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.setCalendarPopup(True)
        self.follow_clock_setting(settings)
        self.setAccessibleName(self.tr("When"))
        self._now: Callable[[], datetime] | None = None
        self._following = False
        self._setting = False
        self._timer: QTimer | None = None
        self.dateTimeChanged.connect(self._edited)

    def follow_clock_setting(self, settings: Any) -> None:
        """The clock of Settings (or of the locale, until Settings say): "2026-11-23  2:40 PM" with
        a 12-hour clock, "2026-11-23  14:40" with a 24-hour one (also when `settings` is None)."""
        twelve = settings is not None and "%I" in time_pattern(settings)
        self.setDisplayFormat("yyyy-MM-dd  h:mm AP" if twelve else "yyyy-MM-dd  HH:mm")

    def set_value(self, dt: datetime) -> None:
        """An explicit time: shown as given, it no longer follows the clock."""
        self._following = False
        self._show(dt)

    def _show(self, dt: datetime) -> None:
        local = dt.astimezone(self.tz)
        self._setting = True
        try:
            self.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                       QTime(local.hour, local.minute)))
        finally:
            self._setting = False

    def follow_now(self, now: Callable[[], datetime]) -> None:
        """Show the current minute and keep up with the clock until the user edits the field."""
        self._now = now
        self._following = True
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.setInterval(self.FOLLOW_MS)
            self._timer.timeout.connect(self._tick)
        self._tick()
        if self.isVisible():
            self._timer.start()

    @property
    def following(self) -> bool:
        return self._following

    def _tick(self) -> None:
        if self._following and self._now is not None:
            self._show(self._now())

    def _edited(self) -> None:
        if not self._setting:
            self._following = False

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        self._tick()
        if self._timer is not None:
            self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        if self._timer is not None:
            self._timer.stop()
        if self._now is not None:
            self._following = True  # back on this page later: it is "now" again
        super().hideEvent(event)

    def value(self) -> datetime:
        if self._following and self._now is not None:
            self._show(self._now())
        q = self.dateTime()
        d, t = q.date(), q.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)


class OptionalDateEdit(QDateEdit):
    """A date that may be left unpicked: it then shows `unset_text` instead of a date, so no
    made-up default is ever saved. A date on or before `set_floor`'s day counts as not picked.

    Focused, the field shows the floor date to type over or step from with the arrow keys (Qt
    cannot type over its special text) and the calendar opens there; left unpicked it shows the words again."""

    UNSET = QDate(2000, 1, 1)  # the lowest date, shown as the words

    def __init__(self, unset_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.UNSET)
        self.setSpecialValueText(unset_text)
        self.floor = self.UNSET
        self.setDate(self.UNSET)

    def set_unset_text(self, text: str) -> None:
        self.setSpecialValueText(text)

    def set_floor(self, day: date) -> None:
        """Dates up to this day are "not picked" (a picked later date is kept)."""
        self.floor = QDate(day.year, day.month, day.day)
        if self.value() is None and not self.hasFocus():
            self.setDate(self.UNSET)

    def clear_value(self) -> None:
        self.setDate(self.floor if self.hasFocus() else self.UNSET)

    def value(self) -> date | None:
        q = self.date()
        if q <= self.floor:
            return None
        return date(q.year(), q.month(), q.day())

    def focusInEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        unset = self.date() == self.UNSET
        if unset:
            self.setDate(self.floor)
        super().focusInEvent(event)
        if unset:  # the arrow keys step from the floor a day at a time
            self.setCurrentSection(QDateEdit.Section.DaySection)

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        if self.date() == self.UNSET:  # the calendar opens on the floor's month, not in 2000
            self.setDate(self.floor)
        super().mousePressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        super().focusOutEvent(event)
        if self.value() is None and event.reason() is not Qt.FocusReason.PopupFocusReason:
            self.setDate(self.UNSET)


class Choice(QComboBox):
    """A drop-down whose long choices do not widen the whole page (the popup still shows them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 18), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 40), hint.height())


def scroll_page(page: QWidget) -> QVBoxLayout:
    """Give a form page a scroll area of its own and return the layout to fill: at a large
    font a long form scrolls instead of squeezing its fields until their text is cut off."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    area.setWidget(inner)
    # The page keeps the tab's own background instead of the scroll area's grey.
    area.viewport().setAutoFillBackground(False)
    inner.setAutoFillBackground(False)
    outer.addWidget(area)
    return QVBoxLayout(inner)


class UndoButton(QPushButton):
    """"Undo" beside a "Logged: ..." confirmation: shown while the session's last entry can be
    undone (Ctrl+Z does the same anywhere in the window). A click after the undo time has passed
    says so and changes nothing. `session` is a ui.session.Session."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Undo (Ctrl+Z)"))
        self.session = session
        self.setAccessibleName(self.tr("Undo the entry just made"))
        self.setVisible(False)
        self.clicked.connect(self._undo)
        session.undo_changed.connect(lambda last: self.setVisible(last is not None))

    def _undo(self) -> None:
        self.undone_text = undo_now(self.session)
        self.setVisible(False)


def undo_now(session: Session) -> str:
    """Undo the session's last entry; the sentence to show ("Undone: ..." or why not)."""
    if session.undoable() is None:
        return QCoreApplication.translate(
            "widgets", "Too late to undo: remove or correct the entry in History (it keeps the earlier version).")
    last = undo_last_entry(session=session, by=session.by or "")
    if last is None:
        return QCoreApplication.translate(
            "widgets", "Too late to undo: remove or correct the entry in History (it keeps the earlier version).")
    return "\u21b6 " + QCoreApplication.translate(
        "widgets", "Undone: {what} (kept in History as removed, reason \"undone\").").format(what=last.what)


def fit_placeholder(edit: QLineEdit) -> None:
    """Make `edit` at least as wide as its grey example text, so the example is read whole in
    every language (Spanish runs about a quarter longer than English); from the font, so it
    follows the system font size."""
    fm = edit.fontMetrics()
    room = 3 * max(1, fm.averageCharWidth())  # the frame and the text's margins
    if edit.isClearButtonEnabled():
        room += fm.height() + 8  # the clear button sits inside the box
    edit.setMinimumWidth(fm.horizontalAdvance(edit.placeholderText()) + room)
