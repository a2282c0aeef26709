"""Log a dose at another time (back-filling), or as skipped / refused / vomited.

The amount is pre-filled from the schedule; for a liquid the concentration sits beside the mL
and the mg it makes is worked out as you type, because two liquids differ five-fold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Dose, DoseStatus, Medication, Quantity, QuantityError, normalise, parse_quantity
from journal.domain.clock import later_than_this_minute
from journal.domain.dose_limits import single_dose_problem
from journal.domain.shown import num
from journal.schedule.words import status_label
from journal.services.journal import Outcome

from ..widgets.formatting import amount_text, strength_text
from ..widgets.style import set_scaled_font
from ..widgets.widgets import Choice, WhenEdit, fit_placeholder
from . import dose_warning
from .form_dialog import FormDialog, NotSaved

# What a caregiver can log (a "missed" mark comes from older entries only); words from schedule.words.
STATUS_CHOICES: list[tuple[DoseStatus, str]] = [
    (s, status_label(s)) for s in (DoseStatus.TAKEN, DoseStatus.SKIPPED, DoseStatus.REFUSED, DoseStatus.VOMITED)
]


class DoseDialog(FormDialog):
    def __init__(self, medication: Medication, *, tz: tzinfo, now: datetime, default_time: datetime,
                 amount: Quantity | None, scheduled: datetime | None,
                 submit: Callable[[Dose], Outcome | None], by: str = "", parent: QWidget | None = None,
                 choices: list[Medication] | None = None,
                 preview: Callable[[Dose], str | None] | None = None, settings: Any = None) -> None:
        super().__init__(parent)
        self.medication = medication
        # The warning a dose would raise (dose_warning.warning_text), or None: asked before saving.
        self.preview = preview
        self.choices = choices or []
        self.scheduled = scheduled
        self.submit = submit
        self.now = now
        self.by = by
        self.outcome: Any = None
        slot_text = self.tr(" (the {time} dose)").format(time=scheduled.strftime("%H:%M")) if scheduled else ""
        self.setWindowTitle(self.tr("Log {medicine}").format(medicine=medication.name + slot_text))
        lay = QVBoxLayout(self)
        title = QLabel(f"{medication.name}{slot_text}")
        title.setWordWrap(True)
        set_scaled_font(title, 1.2, bold=True)
        lay.addWidget(title)
        self.title = title
        self.concentration = QLabel()
        self.concentration.setWordWrap(True)
        set_scaled_font(self.concentration, 1.0, bold=True)
        self.concentration.setAccessibleName(self.tr("Concentration of the liquid"))
        lay.addWidget(self.concentration)
        form = QFormLayout()
        self.medicine = Choice()
        self.medicine.setAccessibleName(self.tr("Medicine"))
        for m in self.choices:
            self.medicine.addItem(m.name, m.id)
        if self.choices:
            self.medicine.setCurrentIndex(max(0, self.medicine.findData(medication.id)))
            self.medicine.currentIndexChanged.connect(self._medicine_changed)
            form.addRow(self.tr("&Medicine:"), self.medicine)
        else:
            self.medicine.setVisible(False)
        self.status = Choice()
        self.status.setAccessibleName(self.tr("What happened"))
        for st, label in STATUS_CHOICES:
            self.status.addItem(label, st)
        form.addRow(self.tr("&What happened:"), self.status)
        self.when = WhenEdit(tz, settings=settings)
        self.when.set_value(default_time)
        self.when.setAccessibleName(self.tr("When it was given"))
        form.addRow(self.tr("W&hen:"), self.when)
        self.amount = QLineEdit(str(amount) if amount else "")
        self.amount.setAccessibleName(self.tr("Amount given"))
        self.amount.setPlaceholderText(self.tr("for example 10 mg, 1/2 tablet, 2.5 mL or 13.8 g"))
        fit_placeholder(self.amount)
        self.amount.textChanged.connect(self._amount_changed)
        form.addRow(self.tr("&Amount:"), self.amount)
        self.amount_check = QLabel()
        self.amount_check.setWordWrap(True)
        self.amount_check.setAccessibleName(self.tr("Amount with its concentration"))
        form.addRow("", self.amount_check)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the dose"))
        form.addRow(self.tr("&Note:"), self.note)
        lay.addLayout(form)
        self.add_save_cancel(lay, self.tr("Save"), self.tr("Save this dose"))
        self.field_widgets.update({"amount": self.amount, "given": self.when, "scheduled": self.when,
                                   "status": self.status, "note": self.note})
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._show_concentration()
        self._amount_changed()

    def _show_concentration(self) -> None:
        m = self.medication
        self.concentration.setText(self.tr("Liquid: {strength}. Check the bottle says the same.").format(
            strength=strength_text(m)) if m.form.is_liquid else "")
        self.concentration.setVisible(m.form.is_liquid)

    def _medicine_changed(self) -> None:
        m = self.choices[self.medicine.currentIndex()]
        self.medication = m
        self.title.setText(m.name)
        reg = m.regimen_on(self.now.date())
        self.amount.setText(str(reg.dose) if reg else "")
        self._show_concentration()
        self._amount_changed()

    def set_medicine(self, name: str) -> None:
        self.medicine.setCurrentIndex(self.medicine.findText(name))

    def set_status(self, status: DoseStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status))

    def _amount_changed(self) -> None:
        try:
            q = parse_quantity(self.amount.text())
        except QuantityError:
            self.amount_check.setText("")
            return
        self.amount_check.setText(self.tr("Check: {amount}").format(amount=amount_text(q, self.medication)))

    def dose(self) -> Dose:
        """The entry as typed; raises ValueError with a sentence when it cannot be used."""
        status = DoseStatus(self.status.currentData())
        given = self.when.value()
        if later_than_this_minute(given, self.now):
            raise ValueError(self.tr("That time is in the future. Enter when it really happened."))
        amount: Quantity | None = None
        text = self.amount.text().strip()
        if text:
            amount = parse_quantity(text)
            # An amount the journal would refuse is said at once, not asked about first.
            try:
                normalised: Quantity | None = normalise(amount, self.medication.strength)
            except QuantityError:
                normalised = None  # the journal says why when saving
            problem = single_dose_problem(amount, normalised, self.medication.form, status.was_given)
            if problem is not None:
                raise ValueError(problem[0].upper() + problem[1:] + ".")
        elif status.was_given:
            raise ValueError(self.tr("Enter the amount given (for example 10 mg, 1 tablet or 5 mL)."))
        return Dose(medication_id=self.medication.id or 0, status=status, scheduled=self.scheduled,
                    given=given if status.was_given else (given if self.scheduled is None else None),
                    amount=amount, by=self.by, note=self.note.text().strip(),
                    patient_id=self.medication.patient_id)

    def _confirm(self, dose: Dose) -> str | None:
        """Ask before saving: a slip like 1000 mg for a 10 mg dose, and a dose the safety checks
        would warn about (a double dose, too soon, over a limit), in one question. Returns why it
        was not saved, or None to save."""
        question = implausible_amount(self.medication, dose)
        warning = self.preview(dose) if self.preview is not None else None
        if question is not None:
            text = question + (f"\n\n{warning}" if warning else "") + "\n\n" + self.tr("Choose No to correct it.")
            answer = QMessageBox.question(
                self, self.tr("Check the amount"), text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            return None if answer == QMessageBox.StandardButton.Yes \
                else self.tr("Not saved. Check the amount and save again.")
        if warning is not None and not dose_warning.ask_save_anyway(self, warning):
            return self.tr("Not saved (you chose Cancel when the safety checks warned about this dose).")
        return None

    def save_form(self) -> Outcome | None:
        dose = self.dose()
        refused = self._confirm(dose)
        if refused is not None:
            raise NotSaved(refused)
        return self.submit(dose)


# An amount this many times the planned single dose is far more likely a typing slip than a dose.
IMPLAUSIBLE_FACTOR = 3.0


def implausible_amount(medication: Medication, dose: Dose) -> str | None:
    """A question to ask when the amount is several times the planned dose for that day, else None."""
    if dose.amount is None or not dose.status.was_given:
        return None
    regimen = medication.regimen_on(dose.at.date())
    if regimen is None:
        return None
    try:
        planned = normalise(regimen.dose, medication.strength).to_mg()
        given = normalise(dose.amount, medication.strength).to_mg()
    except QuantityError:
        return None
    if planned <= 0 or given <= planned * IMPLAUSIBLE_FACTOR:
        return None
    return QCoreApplication.translate(
        "DoseDialog", "{amount} is {times} times the planned dose of {planned} mg. Is that really what was given?").format(
            amount=dose.amount, times=num(given / planned, ".0f"), planned=num(planned))
