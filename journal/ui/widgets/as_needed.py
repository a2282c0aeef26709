"""Today's as-needed panel: one box per as-needed medicine saying what was given that day, the
limits that apply and the stock, with a "Log a dose..." button (screens/today_view.py lays them out).

The words keep the translation context "TodayView", where they were first written: the Spanish
catalog (resources/locale) is keyed on it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from journal.domain import Dose, Medication
from journal.services.journal import Settings

from .formatting import amount_text, fmt_num, fmt_time
from .med_status import MedicineNotes
from .style import set_scaled_font


def label_limits(m: Medication) -> str:
    """The drug data's upper limits for this medicine, if it knows the drug (e.g. baclofen)."""
    try:
        from journal.knowledge import default_library

        profile = default_library().profile_for(m)
        if profile is None:
            return ""
        daily = profile.route(m.route.value, "max_daily_mg")
        single = profile.route(m.route.value, "max_single_mg")
    except Exception:  # noqa: BLE001 - no drug data: say nothing rather than guess
        return ""
    parts = []
    if daily:
        parts.append(QCoreApplication.translate("TodayView", "{mg} mg a day").format(mg=fmt_num(daily)))
    if single:
        parts.append(QCoreApplication.translate("TodayView", "{mg} mg at one time").format(mg=fmt_num(single)))
    joined = QCoreApplication.translate("TodayView", " and ").join(parts)
    return QCoreApplication.translate("TodayView", "Label's upper limit: {limits}").format(limits=joined) \
        if parts else ""


def as_needed_text(m: Medication, given: list[Dose], *, on: date, yesterday: bool, settings: Settings,
                   notes: MedicineNotes) -> str:
    """The box's lines, one per line: the usual amount (the schedule in force `on` that date), what
    was given on the day shown (`given`: its doses given that day, oldest first; how many, the mg in
    all, the last time; `yesterday` words it for the day before), the prescriber's daily limit, the
    label's upper limits, the as-needed standing and the stock (`notes`, journal.ui.widgets.med_status),
    or, with no limit known at all, a line to ask the prescriber."""
    reg = m.regimen_on(on)
    lines = []
    if reg is not None:
        lines.append(QCoreApplication.translate("TodayView", "Usual amount: {amount}").format(
            amount=amount_text(reg.dose, m)))
    total_mg = 0.0
    for d in given:
        q = d.amount_normalised
        if q is not None and q.unit.is_mass:
            total_mg += q.to_mg()
    n = len(given)
    times = (QCoreApplication.translate("TodayView", "1 time") if n == 1
             else QCoreApplication.translate("TodayView", "{n} times").format(n=n))
    said = (QCoreApplication.translate("TodayView", "Given yesterday: {times}") if yesterday
            else QCoreApplication.translate("TodayView", "Given today: {times}")).format(times=times)
    if total_mg:
        said += QCoreApplication.translate("TodayView", ", {mg} mg in all").format(mg=fmt_num(round(total_mg, 2)))
    if given:
        said += QCoreApplication.translate("TodayView", "; last at {time}").format(
            time=fmt_time(given[-1].at, settings))
    lines.append(said)
    if m.max_daily is not None:
        lines.append(QCoreApplication.translate("TodayView", "Limit set by the prescriber: {amount} a day").format(
            amount=m.max_daily))
    label = label_limits(m)
    if label:
        lines.append(label)
    standing = notes.prn.get(m.id or 0, [])
    lines += standing
    if m.max_daily is None and not label and not standing:
        lines.append(QCoreApplication.translate("TodayView", "Ask the prescriber how many doses a day are allowed."))
    if notes.stock.get(m.id or 0):
        lines.append(notes.stock[m.id or 0])
    return "\n".join(lines)


class AsNeededBox(QGroupBox):
    """One as-needed medicine on Today: its lines (`label`, from `as_needed_text`) and a
    "Log a dose..." button; `log_requested` carries the medicine when it is pressed."""

    log_requested = Signal(object)  # the Medication

    def __init__(self, m: Medication, text: str, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TodayView", "{medicine} (as needed)").format(medicine=m.name),
                         parent)
        self.setAccessibleName(QCoreApplication.translate("TodayView", "{medicine}, as needed").format(
            medicine=m.name))
        set_scaled_font(self, 1.1, bold=True)
        row = QHBoxLayout(self)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setFont(font)
        row.addWidget(self.label, 1)
        self.give_button = QPushButton(QCoreApplication.translate("TodayView", "Log a dose..."))
        self.give_button.setFont(font)
        self.give_button.setAccessibleName(
            QCoreApplication.translate("TodayView", "Log a dose of {medicine} (as needed)").format(medicine=m.name))
        self.give_button.clicked.connect(lambda _=False: self.log_requested.emit(m))
        self.give_button.setAutoDefault(True)
        row.addWidget(self.give_button)
