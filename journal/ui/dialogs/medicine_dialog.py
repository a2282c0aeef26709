"""Adding a medicine with its first schedule (MedicationDialog), and the medicine forms' names.

A drug name spelt almost like a known one is asked about before saving (saved misspelt, it would
switch off every check for that medicine).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from journal.domain import Form, Medication, Regimen, Route
from journal.services.drug_names import closest_drug_names, profile_drugs

from ..operations import OpChanges
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.widgets import Choice, fit_placeholder, hint, pydate, qdate
from .form_dialog import FormDialog, NotSaved
from .medicine_forms import parse_dose, parse_strength, parse_times

# The forms' names in English; shown through form_label() in the window's language. Their context
# stays "medicines_view" (where they were first written): the Spanish catalog is keyed on it.
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
        self.start = QDateEdit(qdate(today))
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
        dose = parse_dose(self.dose.text())
        times = [] if self.as_needed.isChecked() else parse_times(self.times.text())
        if not self.as_needed.isChecked() and not times:
            raise ValueError(self.tr("Enter the dose times (like 08:00, 14:00, 20:00), or tick 'Only when needed'."))
        route = Route.INTRATHECAL if f is Form.PUMP else Route.ORAL
        drug = self.drug.currentText().strip().lower() or None
        regimen = Regimen(start=pydate(self.start.date()), dose=dose, times=times,
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
