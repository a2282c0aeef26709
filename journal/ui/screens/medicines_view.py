"""Medicines and schedules: add a medicine, change a dose from a date, or enter a taper plan as
dated steps. The safety checks' verdict on a change is shown BEFORE it is saved.

Over 500 lines: the Medicines tab and its three dialogs (add, change dose or taper, stop); moving
the dialogs into ui/dialogs/ is the split still to do (issue 20; ui/ itself is grouped).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain import (
    Alert,
    Form,
    Medication,
    Quantity,
    QuantityError,
    Regimen,
    Route,
    parse_quantity,
)
from journal.services.drug_names import closest_drug_names, profile_drugs
from journal.services.journal import Outcome

from ..dialogs.form_dialog import REFUSALS, FormDialog, NotSaved
from ..dialogs.medicine_forms import parse_strength, parse_times
from ..dialogs.medicine_limits import LimitsDialog, StockDialog
from ..operations import Change, OpChanges, medicines
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.errors import USER_ERRORS
from ..widgets.formatting import amount_text, fmt_date, fmt_time, strength_text
from ..widgets.med_status import stock_text
from ..widgets.verdict import VerdictBox
from ..widgets.widgets import Choice, ErrorLabel, fit_placeholder, heading, hint

# The forms' names in English; shown through form_label() in the window's language.
FORM_LABELS = {Form.TABLET: QT_TRANSLATE_NOOP("medicines_view", "Tablets"),
               Form.SOLUTION: QT_TRANSLATE_NOOP("medicines_view", "Oral solution (liquid)"),
               Form.SUSPENSION: QT_TRANSLATE_NOOP("medicines_view", "Oral suspension (liquid)"),
               Form.GRANULES: QT_TRANSLATE_NOOP("medicines_view", "Granules (sachets)"),
               Form.PUMP: QT_TRANSLATE_NOOP("medicines_view", "Intrathecal pump"),
               Form.OTHER: QT_TRANSLATE_NOOP("medicines_view", "Other")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("medicines_view", text)


def form_label(form: Form) -> str:
    """The form's name as the window shows it ("Tablets", "Oral solution (liquid)")."""
    return _tr(FORM_LABELS[form]) if form in FORM_LABELS else form.value


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def regimen_text(r: Regimen, m: Medication, settings: Any) -> str:
    times = ", ".join(fmt_time(t, settings) for t in r.times)
    every = "" if r.every_days == 1 else QCoreApplication.translate("medicines_view", " every {n} days").format(
        n=r.every_days)
    until = QCoreApplication.translate("medicines_view", " until {date}").format(date=fmt_date(r.end, settings)) \
        if r.end else ""
    words = QCoreApplication.translate("medicines_view", "from {start}{until}: {amount} at {times}{every}") if times \
        else QCoreApplication.translate("medicines_view", "from {start}{until}: {amount} as needed{every}")
    return words.format(start=fmt_date(r.start, settings), until=until, amount=amount_text(r.dose, m), times=times,
                        every=every)


def _parse_dose(text: str, m_form: Form) -> Quantity:
    t = text.strip()
    if not t:
        raise QuantityError(QCoreApplication.translate("medicines_view",
                                                       "Enter the amount of each dose, for example 10 mg."))
    # The parser's message says what is wrong (no unit, an unknown unit, an unclear number...):
    # a bare number is never guessed to be mg.
    q = parse_quantity(t)
    if q.value <= 0:
        raise QuantityError(QCoreApplication.translate(
            "medicines_view", "A dose must be more than zero; to stop a medicine, end its schedule."))
    return q


class MedicationDialog(FormDialog):
    """Add a medicine with its first schedule."""

    def __init__(self, today: date, submit: Callable[[Medication], OpChanges], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a medicine"))
        self.submit = submit
        self.outcome: OpChanges | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Medicine name"))
        self.name.setPlaceholderText(self.tr("as on the label, for example Baclofen 10 mg tablets"))
        fit_placeholder(self.name)
        form.addRow(self.tr("&Name:"), self.name)
        self.drug = Choice()
        self.drug.setEditable(True)
        self.drug.addItems(["", *profile_drugs()])  # typed names are checked for slips on saving
        self.drug.setAccessibleName(self.tr("Active ingredient"))
        self.drug.setToolTip(self.tr("The checks use this to know which medicine it is (for example baclofen)."))
        self._drug_typed = False
        drug_edit = self.drug.lineEdit()
        if drug_edit is not None:
            drug_edit.textEdited.connect(lambda _t: setattr(self, "_drug_typed", True))
        self.drug.activated.connect(lambda _i: setattr(self, "_drug_typed", True))
        self.name.textChanged.connect(self._guess_drug)
        form.addRow(self.tr("&Active ingredient:"), self.drug)
        self.form_combo = Choice()
        for f in FORM_LABELS:
            self.form_combo.addItem(form_label(f), f)
        self.form_combo.setAccessibleName(self.tr("Form"))
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        form.addRow(self.tr("&Form:"), self.form_combo)
        self.strength = QLineEdit()
        self.strength.setAccessibleName(self.tr("Strength"))
        self.strength.setPlaceholderText(self.tr("10 mg per tablet; for a liquid: 5 mg/5 mL"))
        fit_placeholder(self.strength)
        form.addRow(self.tr("&Strength:"), self.strength)
        self.liquid_hint = hint(self.tr("Copy the strength from the bottle exactly: the two baclofen liquids "
                                "differ five-fold (for example 5 mg/5 mL and 25 mg/5 mL)."))
        form.addRow("", self.liquid_hint)
        self.as_needed = QCheckBox(self.tr("Only when needed (no fixed times)"))
        self.as_needed.setAccessibleName(self.tr("Only when needed"))
        self.as_needed.toggled.connect(self._form_changed)
        form.addRow("", self.as_needed)
        self.dose = QLineEdit()
        self.dose.setAccessibleName(self.tr("Amount of each dose"))
        self.dose.setPlaceholderText(self.tr("for example 10 mg, 1/2 tablet, 2.5 mL or 13.8 g"))
        fit_placeholder(self.dose)
        form.addRow(self.tr("&Each dose:"), self.dose)
        self.times = QLineEdit()
        self.times.setAccessibleName(self.tr("Dose times"))
        self.times.setPlaceholderText(self.tr("for example 08:00, 14:00, 20:00"))
        fit_placeholder(self.times)
        form.addRow(self.tr("&Times:"), self.times)
        self.start = QDateEdit(_qdate(today))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setAccessibleName(self.tr("Start date"))
        form.addRow(self.tr("S&tarting:"), self.start)
        self.prescriber = QLineEdit()
        self.prescriber.setAccessibleName(self.tr("Prescribed by"))
        form.addRow(self.tr("&Prescribed by:"), self.prescriber)
        lay.addLayout(form)
        self.add_save_cancel(lay, self.tr("Add medicine"), self.tr("Add this medicine"))
        self._form_changed()

    def _guess_drug(self, name: str) -> None:
        """Baclofen in the name means baclofen; anything else is left for the caregiver to say,
        so a painkiller is never checked against baclofen's limits."""
        if not self._drug_typed:
            self.drug.setCurrentText("baclofen" if "baclofen" in name.lower() else "")

    def _form_changed(self) -> None:
        f = Form(self.form_combo.currentData())
        self.liquid_hint.setVisible(f.is_liquid)
        self.times.setEnabled(not self.as_needed.isChecked())

    def medication(self) -> Medication:
        name = self.name.text().strip()
        if not name:
            raise ValueError(self.tr("Enter the medicine's name."))
        f = Form(self.form_combo.currentData())
        strength = parse_strength(self.strength.text()) if self.strength.text().strip() else None
        if f.is_liquid and (strength is None or strength.per is None):
            raise ValueError(self.tr("For a liquid, enter the concentration with its volume, like 5 mg/5 mL."))
        dose = _parse_dose(self.dose.text(), f)
        times = [] if self.as_needed.isChecked() else parse_times(self.times.text())
        if not self.as_needed.isChecked() and not times:
            raise ValueError(self.tr("Enter the dose times (like 08:00, 14:00, 20:00), or tick 'Only when needed'."))
        route = Route.INTRATHECAL if f is Form.PUMP else Route.ORAL
        drug = self.drug.currentText().strip().lower() or None
        regimen = Regimen(start=_pydate(self.start.date()), dose=dose, times=times,
                          prescribed_by=self.prescriber.text().strip())
        return Medication(name=name, route=route, form=f, drug=drug, strength=strength,
                          as_needed=self.as_needed.isChecked(), regimens=[regimen])

    def _confirm_drug(self, med: Medication) -> Medication | None:
        """A drug name spelt almost like a known one is asked about before saving: saved misspelt,
        it would switch off every check for that medicine. None: go back and correct it."""
        close = closest_drug_names(med.drug) if med.drug else []
        if not close:
            return med
        others = self.tr(" (or {names})").format(names=", ".join(close[1:])) if len(close) > 1 else ""
        answer = QMessageBox.question(
            self, self.tr("Check the active ingredient"),
            self.tr("\"{typed}\" is not a medicine the journal knows. Did you mean {name}{others}?\n\n"
                    "Choose Yes to save it as {name}. Choose No to go back and correct it; leave it empty if it "
                    "is a medicine the journal does not know.").format(typed=med.drug, name=close[0], others=others),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.drug.setCurrentText(close[0])
        return dataclasses.replace(med, drug=close[0])

    def save_form(self) -> OpChanges | None:
        med = self._confirm_drug(self.medication())
        if med is None:
            raise NotSaved(self.tr("Not saved. Correct the active ingredient, or leave it empty for a "
                                   "medicine the journal does not know."), focus=self.drug)
        return self.submit(med)



class CheckThenSaveDialog(FormDialog):
    """A schedule change's dialog: "1. Check" runs the safety checks on the proposed schedules
    (`proposed()`), shows their verdict and enables "2. Save" (`checked_text(alerts)`); Save
    stores exactly what was checked. Subclasses set `preview`, `submit`, `checked_for`,
    `emergency_number` and the buttons (add_check_then_save)."""

    focus_save_after_check = False
    preview: Callable[[list[Regimen]], list[Alert]]
    submit: Callable[[list[Regimen]], Outcome]
    checked_for: list[Regimen] | None
    emergency_number: str
    verdict: VerdictBox
    save_button: QPushButton

    def proposed(self) -> list[Regimen]:
        raise NotImplementedError

    def checked_text(self, alerts: list[Alert]) -> str:
        raise NotImplementedError

    def run_check(self) -> None:
        self.error.clear_error()
        try:
            proposed = self.proposed()
            alerts = self.preview(proposed)
        except REFUSALS as exc:
            self.show_refusal(exc)
            return
        self.verdict.show_verdict(alerts, self.emergency_number)
        self.checked_for = proposed
        self.save_button.setEnabled(True)
        self.save_button.setText(self.checked_text(alerts))
        if self.focus_save_after_check:
            self.save_button.setFocus()

    def try_save(self) -> None:
        if self.checked_for is None:
            self.run_check()
            return
        try:
            self.outcome = self.submit(self.checked_for)
        except USER_ERRORS as exc:
            self.show_refusal(exc)
            return
        self.accept()


def add_check_then_save(dialog: CheckThenSaveDialog, lay: QVBoxLayout, *, check_name: str, save_text: str,
                        save_name: str) -> tuple[ErrorLabel, VerdictBox, QPushButton, QPushButton]:
    """The error line (the FormDialog's), the checks' verdict and the "1. Check, 2. Save" buttons every
    schedule change ends with: Save stays disabled until the change has been checked."""
    dialog.add_error_line(lay)
    error = dialog.error
    verdict = VerdictBox()
    lay.addWidget(verdict)
    lay.addStretch(1)
    row = QHBoxLayout()
    check_button = QPushButton(QCoreApplication.translate("medicines_view", "1. Check this change"))
    check_button.setAccessibleName(check_name)
    check_button.clicked.connect(dialog.run_check)
    save_button = QPushButton(save_text)
    save_button.setAccessibleName(save_name)
    save_button.setEnabled(False)
    save_button.clicked.connect(dialog.try_save)
    cancel = QPushButton(QCoreApplication.translate("medicines_view", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    row.addWidget(check_button)
    row.addWidget(save_button)
    row.addStretch(1)
    row.addWidget(cancel)
    lay.addLayout(row)
    return error, verdict, check_button, save_button


class RegimenDialog(CheckThenSaveDialog):
    """Change the dose from a date, or a taper plan of dated steps. Two steps: check, then save."""

    focus_save_after_check = True

    def __init__(self, medication: Medication, today: date, *, taper: bool,
                 preview: Callable[[list[Regimen]], list[Alert]],
                 submit: Callable[[list[Regimen]], Outcome], emergency_number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False  # edits made while the dialog is being filled in need no new check
        self.medication = medication
        self.today = today
        self.taper = taper
        self.preview = preview
        self.submit = submit
        self.emergency_number = emergency_number
        self.checked_for: list[Regimen] | None = None
        self.outcome: Any = None
        self.setWindowTitle((self.tr("Taper plan for {medicine}") if taper else self.tr("Change the dose of {medicine}"))
                            .format(medicine=medication.name))
        lay = QVBoxLayout(self)
        current = medication.regimen_on(today)
        if current is None:
            cur_text = self.tr("No schedule in force today.")
        elif current.times:
            cur_text = self.tr("Now: {amount} at {times}").format(
                amount=amount_text(current.dose, medication), times=", ".join(t.strftime("%H:%M") for t in current.times))
        else:
            cur_text = self.tr("Now: {amount} as needed").format(amount=amount_text(current.dose, medication))
        lay.addWidget(heading(medication.name, 1.2))
        lay.addWidget(QLabel(cur_text))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Starts on (YYYY-MM-DD)"), self.tr("Each dose"), self.tr("Times")])
        self.table.setAccessibleName(self.tr("Schedule steps"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = 6 if taper else 2
        self.table.setMaximumHeight(header.sizeHint().height() + self.table.fontMetrics().height() * 2 * rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table)
        times = ", ".join(t.strftime("%H:%M") for t in current.times) if current else ""
        dose = str(current.dose) if current else ""
        self.add_step(today + timedelta(days=1), dose, times)
        row = QHBoxLayout()
        if taper:
            lay.insertWidget(2, hint(self.tr("Enter each step of the plan the prescriber gave you: the date it "
                                     "starts, the dose and the times. Tick the box below if the medicine "
                                     "stops after the last step.")))
            self.add_button = QPushButton(self.tr("Add a step"))
            self.add_button.setAccessibleName(self.tr("Add a taper step"))
            self.add_button.clicked.connect(self._add_next_step)
            row.addWidget(self.add_button)
            self.remove_button = QPushButton(self.tr("Remove the selected step"))
            self.remove_button.setAccessibleName(self.tr("Remove the selected taper step"))
            self.remove_button.clicked.connect(self._remove_step)
            row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        stop_row = QHBoxLayout()
        self.stop_after = QCheckBox(self.tr("The medicine stops after the last step, on:"))
        self.stop_after.setAccessibleName(self.tr("The medicine stops after the last step"))
        self.stop_date = QDateEdit(_qdate(today + timedelta(days=14)))
        self.stop_date.setCalendarPopup(True)
        self.stop_date.setDisplayFormat("yyyy-MM-dd")
        self.stop_date.setAccessibleName(self.tr("Last day of the last step"))
        self.stop_after.toggled.connect(self._edited)
        self.stop_date.dateChanged.connect(self._edited)
        stop_row.addWidget(self.stop_after)
        stop_row.addWidget(self.stop_date)
        stop_row.addStretch(1)
        if taper:
            lay.addLayout(stop_row)
        else:
            self.stop_after.setVisible(False)
            self.stop_date.setVisible(False)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Who asked for this change and why"))
        self.reason.setPlaceholderText(self.tr("for example: Dr Lee, spasms better, reducing slowly"))
        form = QFormLayout()
        form.addRow(self.tr("&Why / who asked:"), self.reason)
        lay.addLayout(form)
        self.error, self.verdict, self.check_button, self.save_button = add_check_then_save(
            self, lay, check_name=self.tr("Check this change with the safety checks"),
            save_text=self.tr("2. Save change"), save_name=self.tr("Save the change"))
        self._built = True
        self.resize(720, 520)

    def add_step(self, start: date, dose: str, times: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, v in enumerate((start.isoformat(), dose, times)):
            self.table.setItem(r, c, QTableWidgetItem(v))

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def set_step(self, row: int, start: date | None = None, dose: str | None = None,
                 times: str | None = None) -> None:
        for c, v in enumerate((start.isoformat() if start else None, dose, times)):
            if v is not None:
                self.table.setItem(row, c, QTableWidgetItem(v))

    def _add_next_step(self) -> None:
        r = self.table.rowCount()
        last = self._cell(r - 1, 0) if r else self.today.isoformat()
        try:
            nxt = date.fromisoformat(last) + timedelta(days=7)
        except ValueError:
            nxt = self.today + timedelta(days=7)
        self.add_step(nxt, self._cell(r - 1, 1) if r else "", self._cell(r - 1, 2) if r else "")

    def _remove_step(self) -> None:
        r = self.table.currentRow()
        if r >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(r)
            self._edited()

    def _edited(self, *_args: object) -> None:
        # Any edit after a check needs a new check before saving.
        if not self._built:
            return
        self.checked_for = None
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("2. Save change"))
        self.verdict.setVisible(False)

    def steps(self) -> list[Regimen]:
        """The new regimens the table describes (each step ends the day before the next)."""
        steps: list[Regimen] = []
        for r in range(self.table.rowCount()):
            cells = [self._cell(r, c) for c in range(3)]
            try:
                start = date.fromisoformat(cells[0])
            except ValueError:
                raise ValueError(self.tr("Step {n}: {text} is not a date; write it as YYYY-MM-DD.").format(
                    n=r + 1, text=repr(cells[0]))) from None
            try:
                dose = _parse_dose(cells[1], self.medication.form)
            except QuantityError as exc:
                raise ValueError(self.tr("Step {n}: {problem}").format(n=r + 1, problem=exc)) from None
            try:
                times = [] if self.medication.as_needed else parse_times(cells[2])
            except ValueError as exc:
                raise ValueError(self.tr("Step {n}: {problem}").format(n=r + 1, problem=exc)) from None
            if not self.medication.as_needed and not times:
                raise ValueError(self.tr("Step {n}: enter the dose times, like 08:00, 20:00.").format(n=r + 1))
            steps.append(Regimen(start=start, dose=dose, times=times, reason=self.reason.text().strip(),
                                 medication_id=self.medication.id))
        steps.sort(key=lambda s: s.start)
        for a, b in zip(steps, steps[1:], strict=False):
            if a.start == b.start:
                raise ValueError(self.tr("Two steps start on {date}; give each step its own date.").format(
                    date=a.start.isoformat()))
            a.end = b.start - timedelta(days=1)
        if steps and self.stop_after.isChecked():
            end = _pydate(self.stop_date.date())
            if end < steps[-1].start:
                raise ValueError(self.tr("The stop date is before the last step starts."))
            steps[-1].end = end
        return steps

    def proposed(self) -> list[Regimen]:
        return self.steps()

    def checked_text(self, alerts: list[Alert]) -> str:
        return (self.tr("2. Save anyway (the prescriber asked for it)") if alerts
                else self.tr("2. Save change"))


class StopDialog(CheckThenSaveDialog):
    """End a medicine's schedule on a date; the checks say first what a sudden stop means."""

    def __init__(self, medication: Medication, today: date, *,
                 preview: Callable[[list[Regimen]], list[Alert]], submit: Callable[[list[Regimen]], Outcome],
                 emergency_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.medication = medication
        self.preview = preview
        self.submit = submit
        self.emergency_number = emergency_number
        self.checked_for: list[Regimen] | None = None
        self.outcome: Any = None
        self.setWindowTitle(self.tr("Stop {medicine}").format(medicine=medication.name))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Stop {medicine}").format(medicine=medication.name), 1.2))
        lay.addWidget(hint(self.tr("Only when the prescriber said so. Baclofen taken for a while should be lowered "
                           "step by step (use \"Enter a taper plan\" for that).")))
        form = QFormLayout()
        self.last_day = QDateEdit(_qdate(today))
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("yyyy-MM-dd")
        self.last_day.setAccessibleName(self.tr("Last day of doses"))
        self.last_day.dateChanged.connect(self._edited)
        form.addRow(self.tr("&Last day of doses:"), self.last_day)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Who asked for the stop and why"))
        form.addRow(self.tr("&Why / who asked:"), self.reason)
        lay.addLayout(form)
        self.error, self.verdict, self.check_button, self.save_button = add_check_then_save(
            self, lay, check_name=self.tr("Check the stop with the safety checks"),
            save_text=self.tr("2. Save the stop"), save_name=self.tr("Save the stop"))

    def _edited(self, *_args: object) -> None:
        self.checked_for = None
        self.save_button.setEnabled(False)
        self.verdict.setVisible(False)

    def plan(self) -> list[Regimen]:
        last = _pydate(self.last_day.date())
        kept: list[Regimen] = []
        for r in self.medication.regimens:
            if r.start > last:
                continue  # a planned step after the stop is dropped
            end = r.end if r.end is not None and r.end <= last else last
            kept.append(dataclasses.replace(r, end=end, reason=r.reason if r.end is not None and r.end <= last
                                            else (self.reason.text().strip() or r.reason)))
        if not kept:
            raise ValueError(self.tr("The medicine has no schedule before that day; nothing to stop."))
        return kept

    def proposed(self) -> list[Regimen]:
        return self.plan()

    def checked_text(self, alerts: list[Alert]) -> str:
        return (self.tr("2. Save anyway (the prescriber asked for it)") if alerts
                else self.tr("2. Save the stop"))


class MedicinesView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.medications: list[Medication] = []
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Medicines and schedules")))
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Medicines"))
        self.list.currentRowChanged.connect(self._show_details)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.list, 2)
        right = QVBoxLayout()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName(self.tr("Medicine details"))
        right.addWidget(self.details, 1)
        body.addLayout(right, 3)
        lay.addLayout(body, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a medicine..."))
        self.add_button.setAccessibleName(self.tr("Add a medicine"))
        self.add_button.clicked.connect(self.add_medication)
        self.change_button = QPushButton(self.tr("Change the dose..."))
        self.change_button.setAccessibleName(self.tr("Change the dose of the selected medicine"))
        self.change_button.clicked.connect(lambda: self.change_regimen(taper=False))
        self.taper_button = QPushButton(self.tr("Enter a taper plan..."))
        self.taper_button.setAccessibleName(self.tr("Enter a taper plan for the selected medicine"))
        self.taper_button.clicked.connect(lambda: self.change_regimen(taper=True))
        self.stop_button = QPushButton(self.tr("Stop this medicine..."))
        self.stop_button.setAccessibleName(self.tr("Stop the selected medicine"))
        self.stop_button.clicked.connect(self.stop_medication)
        self.limits_button = QPushButton(self.tr("Limits and ceiling..."))
        self.limits_button.setAccessibleName(self.tr("Set the prescribed limits of the selected medicine"))
        self.limits_button.clicked.connect(self.edit_limits)
        self.stock_button = QPushButton(self.tr("Stock: count or refill..."))
        self.stock_button.setAccessibleName(self.tr("Record the stock of the selected medicine"))
        self.stock_button.clicked.connect(self.record_stock)
        # Two by two: one row of four buttons made the window wider than the screen at a large font.
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.change_button, self.taper_button, self.stop_button,
                               self.limits_button, self.stock_button)):
            buttons.addWidget(b, i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        row.addLayout(buttons)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addWidget(hint(self.tr("Change a schedule only as the prescriber told you. Stopping baclofen suddenly "
                           "can be dangerous. This journal is not medical advice.")))
        session.operation_did_execute.connect(
            lambda ch: self.refresh() if ch.touches(Change.MEDICINES | Change.PEOPLE) else None)
        session.patient_changed.connect(lambda _pid: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        pid = self.session.patient_id
        keep = self.list.currentRow()
        self.list.clear()
        self.medications = list(self.session.journal.list_medications(pid)) if pid is not None else []
        today = self.session.now().date()
        for m in self.medications:
            reg = m.regimen_on(today)
            state = "" if reg is not None else self.tr("  (not taken now)")
            item = QListWidgetItem(f"{m.name}{state}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.name}{state}")
            self.list.addItem(item)
        if self.medications:
            self.list.setCurrentRow(min(max(keep, 0), len(self.medications) - 1))
        else:
            self.details.setText(self.tr("No medicines yet. Use \"Add a medicine\" to enter the first one."))
        for b in (self.change_button, self.taper_button, self.stop_button, self.limits_button, self.stock_button):
            b.setEnabled(bool(self.medications))
        self.add_button.setEnabled(pid is not None)

    def current(self) -> Medication | None:
        r = self.list.currentRow()
        return self.medications[r] if 0 <= r < len(self.medications) else None

    def select(self, name: str) -> None:
        for i, m in enumerate(self.medications):
            if m.name == name:
                self.list.setCurrentRow(i)

    def _show_details(self, _row: int) -> None:
        m = self.current()
        if m is None:
            return
        s = self.session.settings
        today = self.session.now().date()
        lines = [m.name, self.tr("Form: {form}").format(form=form_label(m.form)),
                 self.tr("Strength: {strength}").format(strength=strength_text(m))]
        if m.as_needed:
            lines.append(self.tr("Given only when needed."))
        lines += self._limit_lines(m)
        lines.append("")
        lines.append(self.tr("Schedule (oldest first):"))
        for r in m.regimens:
            mark = "  \u25b6 " + self.tr("now") + " " if r.active_on(today) and m.regimen_on(today) is r else \
                "  \u2022 " + self.tr("next") + " " if r.start > today else "  \u2022 " + self.tr("was") + " "
            lines.append(mark + regimen_text(r, m, s))
        self.details.setText("\n".join(lines))

    def _limit_lines(self, m: Medication) -> list[str]:
        """The prescriber's limits and the stock, as the details show them."""
        from journal.reports.data import limits_text

        out = []
        limits = limits_text(m)
        if limits:
            out.append(self.tr("Prescribed limits: {limits}").format(limits=limits))
        current = self._stock_now(m)
        if current:
            out.append(current)
        return out

    def _stock_now(self, m: Medication) -> str:
        if m.id is None or not m.stock:
            return ""
        from journal.schedule.stock import StockUnknown

        try:
            return stock_text(self.session.journal.stock_level(m.id, self.session.now()))
        except StockUnknown as e:
            return self.tr("Stock: cannot tell ({reason})").format(reason=e)

    def edit_limits(self) -> LimitsDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def submit(ceiling: Quantity | None, limits: Any) -> Any:
            return medicines.set_limits(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                        max_daily=ceiling, as_needed_limits=limits, by=self.session.by,
                                        initiator=self)

        dlg = LimitsDialog(m, submit, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Limits saved."))
        return dlg

    def record_stock(self) -> StockDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def submit(event: Any) -> Any:
            return medicines.record_stock(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                          event=event, by=self.session.by, initiator=self)

        def remove(event: Any, reason: str) -> Any:
            return medicines.remove_stock_event(session=self.session, patient_id=m.patient_id, event_id=event.id,
                                                by=self.session.by, reason=reason, initiator=self)

        dlg = StockDialog(m, tz=self.session.tz, now=self.session.now, current=self._stock_now(m), submit=submit,
                          remove=remove, parent=self, settings=self.session.settings)
        if dlg.exec():
            self.status.setText("\u2714 " + self.tr("Stock saved.") + " "
                                + self._stock_now(self.session.journal.get_medication(mid)))
        return dlg

    def add_medication(self) -> MedicationDialog | None:
        pid = self.session.patient_id
        if pid is None:
            return None

        def submit(m: Medication) -> OpChanges:
            m.patient_id = pid
            return medicines.add_medicine(session=self.session, patient_id=pid, medicine=m, by=self.session.by,
                                          initiator=self)

        dlg = MedicationDialog(self.session.now().date(), submit, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Medicine added."))
        return dlg

    def change_regimen(self, taper: bool) -> RegimenDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def preview(steps: list[Regimen]) -> list[Alert]:
            from journal.services import checks

            return list(checks.preview_regimen_change(self.session.journal, mid,
                                                      self._full_plan(m, steps), self.session.clock.now()))

        def submit(steps: list[Regimen]) -> Any:
            plan = steps if len(steps) == 1 and steps[0].end is None else self._full_plan(m, steps)
            return medicines.change_schedule(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                             steps=plan, by=self.session.by, initiator=self)

        dlg = RegimenDialog(m, self.session.now().date(), taper=taper, preview=preview, submit=submit,
                            emergency_number=self.session.emergency_number, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Schedule saved. Today's doses follow it from its start date."))
        return dlg

    def stop_medication(self) -> StopDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def preview(plan: list[Regimen]) -> list[Alert]:
            from journal.services import checks

            return list(checks.preview_regimen_change(self.session.journal, mid, plan, self.session.clock.now()))

        def submit(plan: list[Regimen]) -> Any:
            return medicines.stop_medicine(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                           plan=plan, by=self.session.by, initiator=self)

        dlg = StopDialog(m, self.session.now().date(), preview=preview, submit=submit,
                         emergency_number=self.session.emergency_number, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Stop saved. Doses end after the last day."))
        return dlg

    @staticmethod
    def _full_plan(m: Medication, steps: list[Regimen]) -> list[Regimen]:
        """Earlier regimens kept as history (the one in force ends the day before the first step)."""
        first = steps[0].start
        kept = []
        for r in m.regimens:
            if r.start >= first:
                continue  # replaced by the new plan
            end = r.end if r.end is not None and r.end < first else first - timedelta(days=1)
            kept.append(dataclasses.replace(r, end=end))
        return kept + steps
