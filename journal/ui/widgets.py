"""Small shared widgets: inline error text, a section heading, a labelled hint."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QWidget

from .style import set_scaled_font


class ErrorLabel(QLabel):
    """Inline validation message: shown next to the form, never a crash, never a silent clamp."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #9a0000; font-weight: bold;")
        self.setAccessibleName("Problem with the entry")
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
    """A date and time in the journal's time zone (back-filling is common: default is now)."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.setAccessibleName("When")

    def set_value(self, dt: datetime) -> None:
        local = dt.astimezone(self.tz)
        self.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                   QTime(local.hour, local.minute)))

    def value(self) -> datetime:
        q = self.dateTime()
        d, t = q.date(), q.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)


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
