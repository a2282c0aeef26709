"""Settings: emergency number, reminder lead time, date and time format, caregiver name."""

from __future__ import annotations

import dataclasses
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .formatting import DATE_FORMATS, TIME_FORMATS, date_pattern, time_pattern
from .widgets import ErrorLabel

EMERGENCY_NUMBERS = ["911", "112", "999", "000", "111", "119", "110"]


def valid_emergency_number(text: str) -> str | None:
    """None when usable, else why not (digits only, 2 to 6 of them)."""
    t = text.strip()
    if not t:
        return "Enter the number you would call in an emergency (for example 911, 112 or 999)."
    if not t.isdigit() or not 2 <= len(t) <= 6:
        return "Use digits only, 2 to 6 of them (for example 911, 112 or 999)."
    return None


class SettingsDialog(QDialog):
    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.original = settings
        self.result_settings: Any = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.emergency = QComboBox()
        self.emergency.setEditable(True)
        self.emergency.addItems(EMERGENCY_NUMBERS)
        self.emergency.setCurrentText(str(getattr(settings, "emergency_number", "911")))
        self.emergency.setAccessibleName("Emergency number")
        form.addRow("Emergency &number:", self.emergency)
        self.lead = QSpinBox()
        self.lead.setRange(0, 180)
        self.lead.setSuffix(" minutes before")
        self.lead.setValue(int(getattr(settings, "reminder_lead_minutes", 15)))
        self.lead.setAccessibleName("Reminder lead time in minutes")
        form.addRow("&Remind me:", self.lead)
        self.date_format = QComboBox()
        for pattern, example in DATE_FORMATS.items():
            self.date_format.addItem(example, pattern)
        self._select(self.date_format, date_pattern(settings))
        self.date_format.setAccessibleName("Date format")
        form.addRow("&Dates look like:", self.date_format)
        self.time_format = QComboBox()
        for pattern, example in TIME_FORMATS.items():
            self.time_format.addItem(example, pattern)
        self._select(self.time_format, time_pattern(settings))
        self.time_format.setAccessibleName("Time format")
        form.addRow("&Times look like:", self.time_format)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = sorted(available_timezones())
        self.timezone.addItems(zones)
        self.timezone.setCurrentText(str(getattr(settings, "timezone", "") or "UTC"))
        self.timezone.setAccessibleName("Time zone")
        self.timezone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.timezone.setMinimumContentsLength(20)
        form.addRow("Time &zone:", self.timezone)
        self.caregiver = QLineEdit(str(getattr(settings, "caregiver_name", "") or ""))
        self.caregiver.setAccessibleName("Your name (saved with each entry)")
        self.caregiver.setPlaceholderText("so others sharing care see who logged what")
        form.addRow("Your &name:", self.caregiver)
        lay.addLayout(form)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        lay.addWidget(QLabel("Reminders appear this long before a dose or a pump refill is due."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save settings")
        lay.addWidget(buttons)

    @staticmethod
    def _select(combo: QComboBox, pattern: str) -> None:
        i = combo.findData(pattern)
        if i < 0:
            combo.addItem(pattern, pattern)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def values(self) -> dict[str, Any]:
        return {
            "emergency_number": self.emergency.currentText().strip(),
            "reminder_lead_minutes": self.lead.value(),
            "date_format": self.date_format.currentData(),
            "time_format": self.time_format.currentData(),
            "caregiver_name": self.caregiver.text().strip(),
            "timezone": self.timezone.currentText().strip(),
        }

    def try_accept(self) -> None:
        problem = valid_emergency_number(self.emergency.currentText())
        if problem:
            self.error.show_error(problem)
            self.emergency.setFocus()
            return
        vals = self.values()
        if vals["timezone"] not in available_timezones():
            self.error.show_error(f"{vals['timezone']!r} is not a time zone name; choose one from the list "
                                  "(for example America/Chicago or Europe/London).")
            self.timezone.setFocus()
            return
        s = self.original
        if dataclasses.is_dataclass(s) and not isinstance(s, type):
            names = {f.name for f in dataclasses.fields(s)}
            self.result_settings = dataclasses.replace(s, **{k: v for k, v in vals.items() if k in names})
        else:
            for k, v in vals.items():
                setattr(s, k, v)
            self.result_settings = s
        self.accept()
