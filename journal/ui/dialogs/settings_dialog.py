"""Settings: emergency number, reminder lead time, date and time format, units (°C or °F, kg or lb),
decimal separator, time zone, caregiver name. Until saved, the number, units and formats follow
the locale (services/regional.py).

A new time zone applies from a chosen day; the dialog says what that does before anything is
saved (the days before keep their zone: services/timezones.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.i18n import LANGUAGES
from journal.domain.shown import decimal_mark
from journal.services.journal import Settings

from ..widgets.formatting import DATE_FORMATS, TIME_FORMATS, date_example, date_pattern, time_pattern
from ..widgets.widgets import fit_placeholder, qdate
from .form_dialog import FormDialog, NotSaved

EMERGENCY_NUMBERS = ["911", "112", "999", "000", "111", "119", "110"]


def valid_emergency_number(text: str) -> str | None:
    """None when usable, else why not (digits only, 2 to 6 of them)."""
    t = text.strip()
    if not t:
        return QCoreApplication.translate("SettingsDialog",
                                          "Enter the number you would call in an emergency (for example 911, 112 or 999).")
    if not t.isdigit() or not 2 <= len(t) <= 6:
        return QCoreApplication.translate("SettingsDialog", "Use digits only, 2 to 6 of them (for example 911, 112 or 999).")
    return None


class SettingsDialog(FormDialog):
    """`zone_change_day(zone)` gives the day a new zone would apply from by default, and
    `describe_zone_change(zone, day)` what that change does (both from the Journal service).
    `journal_place`: (shared?, where) of the open journal, to offer switching between this
    computer's journal and a shared one (the window does the switch on the two signals).
    `read_only_reason`: a viewer's window, whose settings cannot be saved."""

    switch_to_shared = Signal()
    switch_to_local = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 zone_change_day: Callable[[str], date] | None = None,
                 describe_zone_change: Callable[[str, date], str] | None = None,
                 start_at_login: bool | None = None, journal_place: tuple[bool, str] | None = None,
                 read_only_reason: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.original = settings
        self.result_settings: Settings | None = None
        self.zone_since: date | None = None  # the day a new zone applies from, when it changed
        self._zone_change_day = zone_change_day
        self._describe_zone_change = describe_zone_change
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.emergency = QComboBox()
        self.emergency.setEditable(True)
        self.emergency.addItems(EMERGENCY_NUMBERS)
        self.emergency.setCurrentText(str(getattr(settings, "emergency_number", "911")))
        self.emergency.setAccessibleName(self.tr("Emergency number"))
        form.addRow(self.tr("Emergency &number:"), self.emergency)
        self.lead = QSpinBox()
        self.lead.setRange(0, 180)
        self.lead.setSuffix(self.tr(" minutes before"))
        self.lead.setValue(int(getattr(settings, "reminder_lead_minutes", 15)))
        self.lead.setAccessibleName(self.tr("Reminder lead time in minutes"))
        form.addRow(self.tr("&Remind me:"), self.lead)
        self.date_format = QComboBox()
        for pattern in DATE_FORMATS:
            self.date_format.addItem(date_example(pattern), pattern)
        self._select(self.date_format, date_pattern(settings))
        self.date_format.setAccessibleName(self.tr("Date format"))
        form.addRow(self.tr("&Dates look like:"), self.date_format)
        self.time_format = QComboBox()
        for pattern, example in TIME_FORMATS.items():
            self.time_format.addItem(QCoreApplication.translate("formatting", example), pattern)
        self._select(self.time_format, time_pattern(settings))
        self.time_format.setAccessibleName(self.tr("Time format"))
        form.addRow(self.tr("&Times look like:"), self.time_format)
        self.temperature_unit = QComboBox()
        self.temperature_unit.addItem(self.tr("\u00b0C (Celsius)"), "C")
        self.temperature_unit.addItem(self.tr("\u00b0F (Fahrenheit)"), "F")
        self._select(self.temperature_unit, str(getattr(settings, "temperature_unit", "C")))
        self.temperature_unit.setAccessibleName(self.tr("Temperature unit"))
        form.addRow(self.tr("T&emperatures in:"), self.temperature_unit)
        self.weight_unit = QComboBox()
        self.weight_unit.addItem(self.tr("kg (kilograms)"), "kg")
        self.weight_unit.addItem(self.tr("lb (pounds)"), "lb")
        self._select(self.weight_unit, str(getattr(settings, "weight_unit", "kg")))
        self.weight_unit.setAccessibleName(self.tr("Weight unit"))
        form.addRow(self.tr("&Weights in:"), self.weight_unit)
        self.decimal_separator = QComboBox()
        self.decimal_separator.addItem(self.tr("37.5 (point)"), ".")
        self.decimal_separator.addItem(self.tr("37,5 (comma)"), ",")
        self._select(self.decimal_separator, str(getattr(settings, "decimal_separator", None) or decimal_mark()))
        self.decimal_separator.setAccessibleName(self.tr("Decimal separator"))
        form.addRow(self.tr("Deci&mals look like:"), self.decimal_separator)
        self.language = QComboBox()
        self.language.addItem(self.tr("The computer's language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self._select(self.language, str(getattr(settings, "language", "") or ""))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("&Language (from the next start):"), self.language)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = sorted(available_timezones())
        self.timezone.addItems(zones)
        self.timezone.setCurrentText(str(getattr(settings, "timezone", "") or "UTC"))
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.timezone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.timezone.setMinimumContentsLength(20)
        form.addRow(self.tr("Time &zone:"), self.timezone)
        self.zone_since_edit = QDateEdit()
        self.zone_since_edit.setCalendarPopup(True)
        self.zone_since_edit.setDisplayFormat("yyyy-MM-dd")
        self.zone_since_edit.setAccessibleName(self.tr("The new time zone applies from this day"))
        zone = getattr(settings, "journal_zone", None)
        if zone is not None and getattr(zone, "periods", None):  # no change before the latest one
            last = zone.periods[-1].since
            self.zone_since_edit.setMinimumDate(qdate(last))
        form.addRow(self.tr("New zone &from:"), self.zone_since_edit)
        self.zone_note = QLabel()
        self.zone_note.setWordWrap(True)
        self.zone_note.setAccessibleName(self.tr("What changing the time zone does"))
        form.addRow(self.zone_note)
        self._since_label = form.labelForField(self.zone_since_edit)
        self.timezone.currentTextChanged.connect(self._zone_chosen)
        self.zone_since_edit.dateChanged.connect(lambda _d: self._show_zone_note())
        self.caregiver = QLineEdit(str(getattr(settings, "caregiver_name", "") or ""))
        self.caregiver.setAccessibleName(self.tr("Your name (saved with each entry)"))
        self.caregiver.setPlaceholderText(self.tr("so others sharing care see who logged what"))
        fit_placeholder(self.caregiver)
        form.addRow(self.tr("Your &name:"), self.caregiver)
        # Start at login (services/autostart.py): shown when the window can change it (None: not).
        self.start_at_login = QCheckBox(self.tr("Start CareJournal when I log in (minimised, reminding)"))
        self.start_at_login.setAccessibleName(self.tr("Start CareJournal when I log in"))
        self.start_at_login.setChecked(bool(start_at_login))
        self.start_at_login.setVisible(start_at_login is not None)
        form.addRow(self.start_at_login)
        # Which journal: this computer's file, or a care team's shared journal on a server.
        shared, where = journal_place or (False, "")
        self.journal_label = QLabel(
            self.tr("A shared journal on a server: {where}").format(where=where) if shared else
            self.tr("This computer's journal: {where}").format(where=where))
        self.journal_label.setWordWrap(True)
        self.journal_label.setAccessibleName(self.tr("The journal in use"))
        self.shared_button = QPushButton(self.tr("Switch to a shared &journal...") if not shared else
                                         self.tr("Another shared &journal..."))
        self.shared_button.setAccessibleName(self.tr("Switch to a shared journal on a server"))
        self.shared_button.clicked.connect(self.switch_to_shared.emit)
        self.local_button = QPushButton(self.tr("Use this &computer's journal"))
        self.local_button.setAccessibleName(self.tr("Use this computer's journal instead of the shared one"))
        self.local_button.clicked.connect(self.switch_to_local.emit)
        self.local_button.setVisible(shared)
        place_row = QHBoxLayout()
        place_row.addWidget(self.shared_button)
        place_row.addWidget(self.local_button)
        place_row.addStretch(1)
        self.place_box = QWidget()
        place_lay = QVBoxLayout(self.place_box)
        place_lay.setContentsMargins(0, 0, 0, 0)
        place_lay.addWidget(self.journal_label)
        place_lay.addLayout(place_row)
        form.addRow(self.tr("Journal:"), self.place_box)
        for w in (self.place_box, form.labelForField(self.place_box)):
            if w is not None:
                w.setVisible(journal_place is not None)
        lay.addLayout(form)
        self.add_error_line(lay)
        lay.addWidget(QLabel(self.tr("Reminders appear this long before a dose or a pump refill is due.")))
        if read_only_reason:  # a viewer: the journal's settings are the care team's, not to be changed here
            self.read_only_note = QLabel(self.tr("These settings cannot be saved: {reason}").format(
                reason=read_only_reason))
            self.read_only_note.setWordWrap(True)
            self.read_only_note.setAccessibleName(self.tr("Why the settings cannot be saved"))
            lay.addWidget(self.read_only_note)
        self.add_save_cancel(lay, None, self.tr("Save settings"))
        if read_only_reason:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(read_only_reason)
        self._zone_chosen(self.timezone.currentText())

    # -- time zone ---------------------------------------------------------------------------
    def _zone_changed(self) -> bool:
        chosen = self.timezone.currentText().strip()
        return chosen != (self.original.timezone or "UTC") and chosen in available_timezones()

    def _zone_chosen(self, _text: str) -> None:
        changed = self._zone_changed()
        self.zone_since_edit.setVisible(changed)
        if self._since_label is not None:
            self._since_label.setVisible(changed)
        if changed and self._zone_change_day is not None:
            day = self._zone_change_day(self.timezone.currentText().strip())
            self.zone_since_edit.blockSignals(True)
            self.zone_since_edit.setMaximumDate(qdate(day + timedelta(days=1)))
            self.zone_since_edit.setDate(qdate(day))
            self.zone_since_edit.blockSignals(False)
        self._show_zone_note()

    def chosen_zone_since(self) -> date:
        d = self.zone_since_edit.date()
        return date(d.year(), d.month(), d.day())

    def _show_zone_note(self) -> None:
        text = ""
        if self._zone_changed():
            zone = self.timezone.currentText().strip()
            if self._describe_zone_change is not None:
                text = self._describe_zone_change(zone, self.chosen_zone_since())
            else:
                text = self.tr("From the day chosen, days are planned and shown in {zone}; the days before keep "
                               "their zone.").format(zone=zone)
        self.zone_note.setText(text)
        self.zone_note.setVisible(bool(text))

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
            "temperature_unit": self.temperature_unit.currentData(),
            "weight_unit": self.weight_unit.currentData(),
            "decimal_separator": self.decimal_separator.currentData(),
            "language": self.language.currentData(),
            "caregiver_name": self.caregiver.text().strip(),
            "timezone": self.timezone.currentText().strip(),
        }

    def save_form(self) -> Settings:
        """The settings as chosen (in `result_settings`; the caller saves them)."""
        problem = valid_emergency_number(self.emergency.currentText())
        if problem:
            raise NotSaved(problem, focus=self.emergency)
        vals = self.values()
        if vals["timezone"] not in available_timezones():
            raise NotSaved(self.tr("{zone} is not a time zone name; choose one from the list "
                                   "(for example America/Chicago or Europe/London).").format(
                                       zone=repr(vals["timezone"])), focus=self.timezone)
        self.zone_since = self.chosen_zone_since() if self._zone_changed() else None
        s = self.original
        names = {f.name for f in dataclasses.fields(s)}
        self.result_settings = dataclasses.replace(s, **{k: v for k, v in vals.items() if k in names})
        return self.result_settings
