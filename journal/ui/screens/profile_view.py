"""The person's profile: name, birth date, kidney function, conditions, doctor and clinic contacts."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from journal.domain import Patient, RenalImpairment, saved_id

from ..operations import Change, people
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.widgets import Choice, ErrorLabel, heading, hint, scroll_page

# English source texts, shown through QCoreApplication.translate("profile_view", ...).
KIDNEY_LABELS = {
    RenalImpairment.NONE: QT_TRANSLATE_NOOP("profile_view", "Normal, or not known to be reduced"),
    RenalImpairment.MILD: QT_TRANSLATE_NOOP("profile_view", "Mildly reduced"),
    RenalImpairment.MODERATE: QT_TRANSLATE_NOOP("profile_view", "Moderately reduced"),
    RenalImpairment.SEVERE: QT_TRANSLATE_NOOP("profile_view", "Severely reduced, or on dialysis"),
}


def parse_birth_date(text: str, today: date) -> date | None:
    t = text.strip()
    if not t:
        return None
    try:
        d = date.fromisoformat(t)
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "profile_view", "{text} is not a date; write it as YYYY-MM-DD, for example 1958-04-30.").format(
                text=repr(t))) from None
    if d > today:
        raise ValueError(QCoreApplication.translate("profile_view", "The birth date is in the future."))
    if d.year < today.year - 125:
        raise ValueError(QCoreApplication.translate("profile_view",
                                                    "That birth date is more than 125 years ago; please check it."))
    return d


class ProfileForm(QWidget):
    """Edits one person (or a new one when `patient` is None). Emits `saved(patient_id)`."""

    saved = Signal(int)
    cancelled = Signal()

    def __init__(self, session: Session, new: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.new = new
        self.patient: Patient | None = None
        lay = scroll_page(self)
        self.title = heading(self.tr("Add the person you care for") if new else self.tr("Profile"))
        lay.addWidget(self.title)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name of the person you care for"))
        self.name.setPlaceholderText(self.tr("first name is enough"))
        form.addRow(self.tr("&Name:"), self.name)
        self.birth = QLineEdit()
        self.birth.setAccessibleName(self.tr("Birth date"))
        self.birth.setPlaceholderText(self.tr("YYYY-MM-DD (optional, helps the age checks)"))
        form.addRow(self.tr("&Birth date:"), self.birth)
        self.kidney = Choice()
        self.kidney.setAccessibleName(self.tr("Kidney function"))
        for k, label in KIDNEY_LABELS.items():
            self.kidney.addItem(QCoreApplication.translate("profile_view", label), k)
        form.addRow(self.tr("&Kidney function:"), self.kidney)
        self.conditions = QLineEdit()
        self.conditions.setAccessibleName(self.tr("Conditions"))
        self.conditions.setPlaceholderText(self.tr("for example: multiple sclerosis, epilepsy (separate with commas)"))
        form.addRow(self.tr("&Conditions:"), self.conditions)
        self.contacts = QPlainTextEdit()
        self.contacts.setAccessibleName(self.tr("Doctor and clinic contacts"))
        self.contacts.setPlaceholderText(self.tr("Doctor: name, phone\nPump clinic: phone (day and night)"))
        self.contacts.setTabChangesFocus(True)
        self.contacts.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        form.addRow(self.tr("Doctor and c&linic:"), self.contacts)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Other notes about the person"))
        form.addRow(self.tr("N&otes:"), self.notes)
        lay.addLayout(form)
        lay.addWidget(hint(self.tr("Kidney function matters because baclofen leaves the body through the kidneys. "
                           "Ask the doctor if you are not sure.")))
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result = QLabel()
        lay.addWidget(self.result)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Add this person") if new else self.tr("Save profile"))
        self.save_button.setAccessibleName(self.save_button.text())
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        if new:
            self.cancel_button = QPushButton(self.tr("Cancel"))
            self.cancel_button.clicked.connect(self.cancelled)
            row.addWidget(self.cancel_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        if not new:
            session.patient_changed.connect(lambda _pid: self.load())
            # Its own save is already on screen: only a change made elsewhere reloads the form.
            session.operation_did_execute.connect(
                lambda ch: self.load() if ch.touches(Change.PEOPLE) and not ch.started_by(self) else None)
            self.load()

    def load(self) -> None:
        self.patient = self.session.patient()
        p = self.patient or Patient(name="")
        self.name.setText(p.name)
        self.birth.setText(p.birth_date.isoformat() if p.birth_date else "")
        self.kidney.setCurrentIndex(max(0, self.kidney.findData(p.renal_impairment)))
        self.conditions.setText(", ".join(p.conditions))
        self.contacts.setPlainText(p.contacts)
        self.notes.setText(p.notes)
        self.save_button.setEnabled(self.new or self.patient is not None)

    def save(self) -> None:
        self.error.clear_error()
        self.result.clear()
        name = self.name.text().strip()
        if not name:
            self.error.show_error(self.tr("Enter the person's name."))
            self.name.setFocus()
            return
        try:
            birth = parse_birth_date(self.birth.text(), self.session.now().date())
        except ValueError as exc:
            self.error.show_error(str(exc))
            self.birth.setFocus()
            return
        values: dict[str, Any] = dict(
            name=name, birth_date=birth, renal_impairment=RenalImpairment(self.kidney.currentData()),
            conditions=[c.strip() for c in self.conditions.text().split(",") if c.strip()],
            contacts=self.contacts.toPlainText().strip(), notes=self.notes.text().strip())
        try:
            if self.new or self.patient is None:
                outcome = people.add_person(session=self.session, person=Patient(**values), by=self.session.by,
                                            initiator=self)
                pid = saved_id(outcome.record_id)
            else:
                updated = dataclasses.replace(self.patient, **values)
                people.edit_person(session=self.session, person=updated, by=self.session.by, initiator=self)
                pid = int(updated.id or 0)
                self.patient = self.session.patient()
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        self.result.setText(self.tr("\u2714 Saved."))
        self.saved.emit(pid)
