"""Correcting one entry of the History (CorrectionDialog): the time, what happened and the amount of
a dose, a symptom's severity, a single-number reading, the note. The earlier version stays in the
history; the reason is required. Saving calls `submit(changes, reason)`, which the History tab sets
to the correction operation (ui/operations/entries.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal.domain import Dose, DoseStatus, Note, Observation, QuantityError, SymptomEntry, parse_quantity
from journal.domain.clock import later_than_this_minute
from journal.domain.shown import num
from journal.schedule.words import status_label
from journal.services.journal import Outcome

from ..widgets.formatting import amount_text, strength_text
from ..widgets.widgets import Choice, WhenEdit, heading, hint
from .dose_dialog import STATUS_CHOICES
from .form_dialog import FormDialog


class EntryToCorrect(Protocol):
    """What the dialog needs of a History row (screens/history_view.Entry is one)."""

    record: Any  # the Dose, SymptomEntry, Observation, PumpEvent or Note
    at: datetime
    what: str  # the row's title, shown as the dialog's heading
    medication: Any  # the dose's Medication (its concentration is shown beside the amount), else None


class CorrectionDialog(FormDialog):
    """Correct one entry; the earlier version stays in the history."""

    def __init__(self, entry: EntryToCorrect, tz: Any, now: datetime, parent: QWidget | None = None,
                 settings: Any = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.now = now
        self.setWindowTitle(self.tr("Correct an entry"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(f"{entry.what}", 1.15))
        lay.addWidget(hint(self.tr("The earlier version is kept and shown in the history and the report.")))
        form = QFormLayout()
        rec = entry.record
        self.when = WhenEdit(tz, settings=settings)
        self.when.set_value(entry.at)
        form.addRow(self.tr("&When:"), self.when)
        self.status: QComboBox | None = None
        self.amount: QLineEdit | None = None
        self.severity: QComboBox | None = None
        self.value: QLineEdit | None = None
        if isinstance(rec, Dose):
            self.status = Choice()
            for st, label in STATUS_CHOICES:
                self.status.addItem(label, st)
            if rec.status is DoseStatus.MISSED:
                self.status.addItem(status_label(DoseStatus.MISSED), DoseStatus.MISSED)
            self.status.setCurrentIndex(self.status.findData(rec.status))
            self.status.setAccessibleName(self.tr("What happened"))
            form.addRow(self.tr("What &happened:"), self.status)
            self.amount = QLineEdit(str(rec.amount) if rec.amount else "")
            self.amount.setAccessibleName(self.tr("Amount"))
            form.addRow(self.tr("&Amount:"), self.amount)
            # As when logging: a liquid's concentration sits beside the mL, with what it makes.
            self.amount_check = QLabel()
            self.amount_check.setWordWrap(True)
            self.amount_check.setAccessibleName(self.tr("Amount with its concentration"))
            form.addRow("", self.amount_check)
            self.amount.textChanged.connect(self._amount_changed)
            self._amount_changed()
        elif isinstance(rec, SymptomEntry):
            self.severity = Choice()
            self.severity.addItem(self.tr("not rated"), None)
            for n in range(11):
                self.severity.addItem(str(n), n)
            self.severity.setCurrentIndex(self.severity.findData(rec.severity) if rec.severity is not None else 0)
            self.severity.setAccessibleName(self.tr("Severity"))
            form.addRow(self.tr("&Severity:"), self.severity)
        elif isinstance(rec, Observation) and not isinstance(rec.value, str) and rec.value2 is None:
            self.value = QLineEdit(num(rec.value))
            self.value.setAccessibleName(self.tr("Reading"))
            form.addRow(self.tr("&Reading:"), self.value)
        text_field = "text" if isinstance(rec, Note) else "note"
        self.text_field = text_field
        self.note = QLineEdit(str(getattr(rec, text_field, "") or ""))
        self.note.setAccessibleName(self.tr("Note text") if isinstance(rec, Note) else self.tr("Note"))
        form.addRow(self.tr("&Text:") if isinstance(rec, Note) else self.tr("&Note:"), self.note)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Why this is corrected"))
        self.reason.setPlaceholderText(self.tr("for example: wrong time entered"))
        form.addRow(self.tr("Wh&y corrected:"), self.reason)
        lay.addLayout(form)
        self.add_save_cancel(lay, self.tr("Save correction"), self.tr("Save the correction"))
        fields: dict[str, QWidget | None] = {
            "given": self.when, "scheduled": self.when, "at": self.when, "status": self.status,
            "amount": self.amount, "severity": self.severity, "value": self.value, text_field: self.note,
            "reason": self.reason}
        self.field_widgets.update({k: w for k, w in fields.items() if w is not None})
        self.submit: Any = None
        self.outcome: Outcome | None = None

    def _amount_changed(self) -> None:
        m = self.entry.medication
        if self.amount is None or m is None:
            self.amount_check.setText("")
            return
        try:
            q = parse_quantity(self.amount.text())
        except QuantityError:
            text = self.tr("Liquid: {strength}").format(strength=strength_text(m)) if m.form.is_liquid else ""
            self.amount_check.setText(text)
            return
        self.amount_check.setText(self.tr("Check: {amount}").format(amount=amount_text(q, m)))

    def changes(self) -> dict[str, Any]:
        rec = self.entry.record
        out: dict[str, Any] = {}
        when = self.when.value()
        if later_than_this_minute(when, self.now):
            raise ValueError(self.tr("That time is in the future."))
        old_when = self.entry.at.astimezone(when.tzinfo).replace(second=0, microsecond=0)
        if when != old_when:
            out["given" if isinstance(rec, Dose) and rec.given is not None else
                ("scheduled" if isinstance(rec, Dose) else "at")] = when
        if self.status is not None and self.status.currentData() != rec.status:
            out["status"] = DoseStatus(self.status.currentData()).value
        if self.amount is not None and self.amount.text().strip() != (str(rec.amount) if rec.amount else ""):
            out["amount"] = self.amount.text().strip()
        if self.severity is not None and self.severity.currentData() != rec.severity:
            out["severity"] = self.severity.currentData()
        if self.value is not None:
            try:
                v = float(self.value.text().replace(",", "."))
            except ValueError:
                raise ValueError(self.tr("The reading must be a number.")) from None
            if v != rec.value:
                out["value"] = v
        if self.note.text().strip() != (getattr(rec, self.text_field, "") or ""):
            out[self.text_field] = self.note.text().strip()
        return out

    def save_form(self) -> Outcome | None:
        changes = self.changes()
        if not changes:
            raise ValueError(self.tr("Nothing was changed."))
        if not self.reason.text().strip():
            raise ValueError(self.tr("Say briefly why you correct it (kept with the history)."))
        return self.submit(changes, self.reason.text().strip())
