"""Two small dialogs of the medicines screen: the prescriber's limits (as-needed limits and the
daily ceiling) and a stock entry (counted on hand, received, discarded)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import (
    AsNeededLimits,
    Medication,
    Quantity,
    QuantityError,
    StockEvent,
    StockKind,
    parse_quantity,
)
from journal.services.errors import ValidationError
from journal.services.journal import Outcome

from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_num
from ..widgets.widgets import Choice, WhenEdit, fit_placeholder, heading, hint
from .form_dialog import FormDialog
from .medicine_forms import parse_limits, parse_optional_amount

# How a service's field names read next to the form.
# (English source texts, shown through _tr() in the window's language.)
FIELD_WORDS = {
    "max_daily": QT_TRANSLATE_NOOP("medicine_limits", "Daily ceiling"),
    "as_needed_limits/max_doses_per_day": QT_TRANSLATE_NOOP("medicine_limits", "Most doses in 24 hours"),
    "as_needed_limits/min_interval_hours": QT_TRANSLATE_NOOP("medicine_limits", "Hours between doses"),
    "as_needed_limits/max_amount_per_day": QT_TRANSLATE_NOOP("medicine_limits", "Most in 24 hours"),
    "amount": QT_TRANSLATE_NOOP("medicine_limits", "Amount"), "at": QT_TRANSLATE_NOOP("medicine_limits", "When"),
    "kind": QT_TRANSLATE_NOOP("medicine_limits", "What happened"),
}

STOCK_KINDS = {StockKind.COUNTED: QT_TRANSLATE_NOOP("medicine_limits", "Counted what is on hand"),
               StockKind.RECEIVED: QT_TRANSLATE_NOOP("medicine_limits", "Received (a refill)"),
               StockKind.DISCARDED: QT_TRANSLATE_NOOP("medicine_limits", "Thrown away or lost")}
STOCK_ENTRY_WORDS = {StockKind.COUNTED: QT_TRANSLATE_NOOP("medicine_limits", "counted"),
                     StockKind.RECEIVED: QT_TRANSLATE_NOOP("medicine_limits", "received"),
                     StockKind.DISCARDED: QT_TRANSLATE_NOOP("medicine_limits", "thrown away")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("medicine_limits", text)


def _problem(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return f"{_tr(FIELD_WORDS[exc.field]) if exc.field in FIELD_WORDS else exc.field}: {exc.message}"
    return describe(exc)


def _text(q: Quantity | None) -> str:
    return "" if q is None else str(q)


class LimitsDialog(FormDialog):
    """The prescriber's numbers for one medicine: as-needed limits and the daily ceiling."""

    def __init__(self, medication: Medication,
                 submit: Callable[[Quantity | None, AsNeededLimits | None], Outcome],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.medication = medication
        self.submit = submit
        self.outcome: Any = None
        self.setWindowTitle(self.tr("Limits for {medicine}").format(medicine=medication.name))
        self.setMinimumWidth(62 * max(1, self.fontMetrics().averageCharWidth()))  # follows the font size
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Limits for {medicine}").format(medicine=medication.name), 1.2))
        lay.addWidget(hint(self.tr("Copy these from the prescription or the pharmacy label. Leave a box empty when "
                           "nothing was prescribed. This journal is not medical advice.")))
        form = QFormLayout()
        limits = medication.as_needed_limits or AsNeededLimits()
        self.max_doses = QLineEdit("" if limits.max_doses_per_day is None else str(limits.max_doses_per_day))
        self.max_doses.setAccessibleName(self.tr("Most doses in 24 hours"))
        self.max_doses.setPlaceholderText(self.tr("for example 3"))
        self.min_hours = QLineEdit("" if limits.min_interval_hours is None else fmt_num(limits.min_interval_hours))
        self.min_hours.setAccessibleName(self.tr("At least this many hours between doses"))
        self.min_hours.setPlaceholderText(self.tr("for example 4"))
        self.max_amount = QLineEdit(_text(limits.max_amount_per_day))
        self.max_amount.setAccessibleName(self.tr("Most amount in 24 hours"))
        self.max_amount.setPlaceholderText(self.tr("for example 30 mg or 20 mL"))
        fit_placeholder(self.max_amount)
        if medication.as_needed:
            form.addRow(self.tr("Most &doses in 24 hours:"), self.max_doses)
            form.addRow(self.tr("At least &hours between doses:"), self.min_hours)
            form.addRow(self.tr("Most &amount in 24 hours:"), self.max_amount)
        else:
            for w in (self.max_doses, self.min_hours, self.max_amount):
                w.setVisible(False)
        self.ceiling = QLineEdit(_text(medication.max_daily))
        self.ceiling.setAccessibleName(self.tr("Daily ceiling set by the prescriber"))
        self.ceiling.setPlaceholderText(self.tr("only when the prescriber set one, for example 60 mg"))
        fit_placeholder(self.ceiling)
        form.addRow(self.tr("Daily &ceiling set by the prescriber:"), self.ceiling)
        lay.addLayout(form)
        self.add_save_cancel(lay, self.tr("Save the limits"), self.tr("Save the limits"),
                             self.tr("Cancel, save nothing"))
        self.field_widgets.update({"max_daily": self.ceiling, "as_needed_limits/max_doses_per_day": self.max_doses,
                                   "as_needed_limits/min_interval_hours": self.min_hours,
                                   "as_needed_limits/max_amount_per_day": self.max_amount})

    def values(self) -> tuple[Quantity | None, AsNeededLimits | None]:
        """(ceiling, limits) as typed; raises ValueError naming the field."""
        limits = parse_limits(self.max_doses.text(), self.min_hours.text(), self.max_amount.text()) \
            if self.medication.as_needed else self.medication.as_needed_limits
        return parse_optional_amount(self.ceiling.text(), _tr(FIELD_WORDS["max_daily"])), limits

    def save_form(self) -> Any:
        ceiling, limits = self.values()
        return self.submit(ceiling, limits)

    def problem_text(self, exc: BaseException) -> str:
        return _problem(exc)


class StockDialog(FormDialog):
    """One stock entry: what is on hand, a refill that came in, or what was thrown away."""

    def __init__(self, medication: Medication, *, tz: tzinfo, now: Callable[[], datetime], current: str,
                 submit: Callable[[StockEvent], Any],
                 remove: Callable[[StockEvent, str], Any] | None = None, parent: QWidget | None = None,
                 settings: Any = None) -> None:
        super().__init__(parent)
        self.medication = medication
        self.submit = submit
        self.remove = remove
        self.tz = tz
        self.outcome: Any = None
        self.setWindowTitle(self.tr("Stock of {medicine}").format(medicine=medication.name))
        self.setMinimumWidth(62 * max(1, self.fontMetrics().averageCharWidth()))  # follows the font size
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Stock of {medicine}").format(medicine=medication.name), 1.2))
        lay.addWidget(hint(current or self.tr("No stock recorded yet: start by counting what is on hand.")))
        lay.addWidget(hint(self.tr("Doses logged as given are taken off by the journal; you do not need to enter them "
                           "here. Count again now and then to keep the number right.")))
        form = QFormLayout()
        self.kind = Choice()
        for k, label in STOCK_KINDS.items():
            self.kind.addItem(_tr(label), k.value)
        self.kind.setAccessibleName(self.tr("What happened"))
        form.addRow(self.tr("&What happened:"), self.kind)
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText(self.tr("for example 60 tablets, 150 mL or 20 sachets"))
        fit_placeholder(self.amount)
        form.addRow(self.tr("&Amount:"), self.amount)
        self.when = WhenEdit(tz, settings=settings)
        self.when.follow_now(now)
        self.when.setAccessibleName(self.tr("When"))
        form.addRow(self.tr("W&hen:"), self.when)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("optional, for example the pharmacy"))
        fit_placeholder(self.note)
        form.addRow(self.tr("&Note:"), self.note)
        lay.addLayout(form)
        # Entries already recorded (newest first): a wrong one is removed with a reason (it stays in
        # the journal's history, like every removed entry).
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Stock entries recorded, newest first"))
        self.entries.setMaximumHeight(8 * self.fontMetrics().height())
        for e in sorted(medication.stock, key=lambda e: e.at, reverse=True)[:20]:
            item = QListWidgetItem(self._entry_text(e))
            item.setData(Qt.ItemDataRole.UserRole, e)
            self.entries.addItem(item)
        self.remove_reason = QLineEdit()
        self.remove_reason.setAccessibleName(self.tr("Why remove the selected stock entry"))
        self.remove_reason.setPlaceholderText(self.tr("why (kept with the history)"))
        self.remove_button = QPushButton(self.tr("Remove the selected entry"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected stock entry"))
        self.remove_button.clicked.connect(self.remove_selected)
        if medication.stock and remove is not None:
            lay.addWidget(hint(self.tr("Recorded so far:")))
            lay.addWidget(self.entries)
            row = QHBoxLayout()
            row.addWidget(self.remove_reason, 1)
            row.addWidget(self.remove_button)
            lay.addLayout(row)
        else:
            for w in (self.entries, self.remove_reason, self.remove_button):
                w.setVisible(False)
        self.add_save_cancel(lay, self.tr("Save"), self.tr("Save the stock entry"), self.tr("Cancel, save nothing"))
        self.field_widgets.update({"amount": self.amount, "at": self.when, "kind": self.kind})
        self.amount.setFocus()

    def _entry_text(self, e: StockEvent) -> str:
        text = f"{e.at.astimezone(self.tz):%Y-%m-%d %H:%M}  {_tr(STOCK_ENTRY_WORDS[e.kind])} {e.amount}"
        return text + (f" ({e.note})" if e.note else "")

    def remove_selected(self) -> None:
        self.error.clear_error()
        item = self.entries.currentItem()
        if item is None or self.remove is None:
            self.error.show_error(self.tr("Choose the entry to remove in the list first."))
            return
        reason = self.remove_reason.text().strip()
        if not reason:
            self.error.show_error(self.tr("Why remove it: say why (it is kept with the history)."))
            self.remove_reason.setFocus()
            return
        try:
            self.remove(item.data(Qt.ItemDataRole.UserRole), reason)
        except USER_ERRORS as exc:
            self.error.show_error(_problem(exc))
            return
        self.entries.takeItem(self.entries.row(item))
        self.remove_reason.clear()

    def event_entered(self) -> StockEvent:
        text = self.amount.text().strip()
        if not text:
            raise ValueError(self.tr("Amount: enter how much, for example 60 tablets."))
        try:
            amount = parse_quantity(text)
        except QuantityError as e:
            raise ValueError(self.tr("Amount: {problem}").format(problem=e)) from None
        return StockEvent(at=self.when.value(), kind=StockKind(self.kind.currentData()), amount=amount,
                          note=self.note.text().strip())

    def save_form(self) -> Any:
        return self.submit(self.event_entered())

    def problem_text(self, exc: BaseException) -> str:
        return _problem(exc)
