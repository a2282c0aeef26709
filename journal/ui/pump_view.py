"""Intrathecal pump: the refill countdown, and logging refills, alarms and clinic checks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from journal.domain import PumpEvent, PumpEventKind, Severity
from journal.services.journal import Settings

from .errors import USER_ERRORS, describe
from .formatting import fmt_date, fmt_datetime
from .operations import Change, entries
from .session import Session
from .style import look, set_scaled_font
from .today_view import day_bounds
from .widgets import Choice, ErrorLabel, OptionalDateEdit, WhenEdit, heading, hint, scroll_page

KIND_LABELS = {
    PumpEventKind.REFILL: "Refill",
    PumpEventKind.ALARM: "Alarm",
    PumpEventKind.CHECK: "Clinic check",
    PumpEventKind.DOSE_CHANGE: "Dose change at the clinic",
    PumpEventKind.CATHETER_PROBLEM: "Catheter problem",
}
ALARM_TONES = ["Single tone, about every hour (reservoir low or replacement due)",
               "Two tones (the pump may have STOPPED giving medicine)",
               "Not sure which tone"]
# How far back the pump view reads records; the service adds the latest event of each kind from
# before the window, so the last refill is always known without loading months of doses.
WINDOW = timedelta(days=31)
# What the next-refill field says until a date is picked. There is no guessed default: a made-up
# date would quietly replace the clinic's one and move (or silence) the refill warning.
REFILL_DATE_UNSET = {
    PumpEventKind.REFILL: "pick the date on the clinic's printout",
    PumpEventKind.DOSE_CHANGE: "no new date (keep the one set before)",
}


def countdown_text(due: date | None, today: date, settings: Settings | None) -> tuple[str, Severity]:
    if due is None:
        return ("No refill date recorded yet. Log the last refill with its next refill date.", Severity.INFO)
    days = (due - today).days
    when = fmt_date(due, settings)
    if days < 0:
        return (f"Refill OVERDUE by {_days(-days)} (was due {when}). Call the pump clinic today.",
                Severity.URGENT)
    if days == 0:
        return (f"Refill due TODAY ({when}).", Severity.WARNING)
    sev = Severity.WARNING if days <= 3 else Severity.INFO
    return (f"Next refill in {_days(days)}: {when}.", sev)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _number(text: str, label: str, low: float, high: float, required: bool = False) -> float | None:
    t = text.strip().replace(",", ".")
    if not t:
        if required:
            raise ValueError(f"Enter the {label}.")
        return None
    try:
        v = float(t)
    except ValueError:
        raise ValueError(f"The {label} must be a number (got {text.strip()!r}).") from None
    if not low <= v <= high:
        raise ValueError(f"The {label} of {v:g} looks wrong (expected {low:g} to {high:g}); "
                         "please check the clinic's printout.")
    return v


class PumpView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.next_due: date | None = None
        lay = scroll_page(self)
        lay.addWidget(heading("Intrathecal pump"))
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Refill countdown")
        set_scaled_font(self.countdown, 1.5, bold=True)
        lay.addWidget(self.countdown)
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.last.setAccessibleName("Last pump events")
        lay.addWidget(self.last)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        lay.addWidget(heading("Log a pump event", 1.1))
        form = QFormLayout()
        self.kind = Choice()
        self.kind.setAccessibleName("Kind of pump event")
        for k, label in KIND_LABELS.items():
            self.kind.addItem(label, k)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow("&What:", self.kind)
        self.when = WhenEdit(session.tz)
        self.when.dateChanged.connect(lambda _d: self._refill_floor())
        form.addRow("W&hen:", self.when)
        self.volume = QLineEdit()
        self.volume.setAccessibleName("Volume put in, mL")
        form.addRow("&Volume put in (mL):", self.volume)
        self.concentration = QLineEdit()
        self.concentration.setAccessibleName("Concentration, micrograms per mL")
        form.addRow("&Concentration (mcg/mL):", self.concentration)
        self.daily = QLineEdit()
        self.daily.setAccessibleName("Daily dose, micrograms per day")
        form.addRow("&Daily dose (mcg/day):", self.daily)
        self.reservoir = QLineEdit()
        self.reservoir.setAccessibleName("Reservoir volume, mL")
        form.addRow("&Reservoir (mL):", self.reservoir)
        self.low_alarm = QLineEdit()
        self.low_alarm.setAccessibleName("Low reservoir alarm volume, mL")
        form.addRow("&Low alarm at (mL):", self.low_alarm)
        # Its lowest date is the day of the event (never a valid next refill): "not picked".
        self.next_refill = OptionalDateEdit(REFILL_DATE_UNSET[PumpEventKind.REFILL])
        self.next_refill.setAccessibleName("Next refill date")
        form.addRow("&Next refill date:", self.next_refill)
        self.tone = Choice()
        self.tone.addItems(ALARM_TONES)
        self.tone.setAccessibleName("Which alarm tone")
        form.addRow("&Tone:", self.tone)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note about the pump event")
        form.addRow("N&ote:", self.note)
        self.form = form
        lay.addLayout(form)
        self.alarm_hint = hint("")
        lay.addWidget(self.alarm_hint)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result = QLabel()
        lay.addWidget(self.result)
        row = QHBoxLayout()
        self.save_button = QPushButton("Log pump event")
        self.save_button.setAccessibleName("Log this pump event")
        self.save_button.clicked.connect(self.save)
        set_scaled_font(self.save_button, 1.15, bold=True)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(hint("Copy the numbers from the clinic's refill printout. This journal is not "
                           "medical advice."))
        lay.addStretch(1)
        self._dirty = True
        session.operation_did_execute.connect(
            lambda ch: self.mark_dirty() if ch.touches(Change.PUMP | Change.PEOPLE | Change.SETTINGS) else None)
        session.patient_changed.connect(lambda _pid: self.mark_dirty())
        self._kind_changed()

    def mark_dirty(self) -> None:
        """Refresh now if on screen, else when next shown (no work for a hidden tab)."""
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def _rows(self, *widgets: QWidget) -> None:
        for w in (self.volume, self.concentration, self.daily, self.reservoir, self.low_alarm,
                  self.next_refill, self.tone):
            self.form.setRowVisible(w, w in widgets)

    def _kind_changed(self) -> None:
        k = PumpEventKind(self.kind.currentData())
        if k is PumpEventKind.REFILL:
            self._rows(self.volume, self.concentration, self.daily, self.reservoir, self.low_alarm,
                       self.next_refill)
        elif k is PumpEventKind.DOSE_CHANGE:
            self._rows(self.daily, self.concentration, self.next_refill)
        elif k is PumpEventKind.ALARM:
            self._rows(self.tone)
        else:
            self._rows()
        if k in REFILL_DATE_UNSET:
            self.next_refill.set_unset_text(REFILL_DATE_UNSET[k])
        if k is PumpEventKind.ALARM:
            self.alarm_hint.setText(
                f"A two-tone alarm can mean the pump stopped: call the pump clinic now. If there are "
                f"signs of withdrawal (itching, fever, stiffness, confusion), call {self.session.emergency_number}.")
        else:
            self.alarm_hint.setText("")
        self.alarm_hint.setVisible(k is PumpEventKind.ALARM)
        self.error.clear_error()

    def refresh(self) -> None:
        self._dirty = False
        pid = self.session.patient_id
        now = self.session.now()
        self.when.tz = self.session.tz
        self.when.follow_now(self.session.now)
        self._kind_changed()  # the alarm advice names the emergency number from settings
        self.clear_refill_date()
        if pid is None:
            self.countdown.setText("")
            self.last.setText("")
            return
        _s, end = day_bounds(now.date(), self.session.tz)
        h = self.session.history(pid, now - WINDOW, end)
        events = sorted(h.pump_events, key=lambda e: e.at)
        refills = [e for e in events if e.kind in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE)
                   and e.next_refill_due is not None]
        self.next_due = refills[-1].next_refill_due if refills else None
        has_pump = bool(events) or any(m.form.value == "pump" for m in h.medications)
        settings = self.session.settings
        if not has_pump:
            self.countdown.setText("No pump recorded. If the person has a baclofen pump, log its last refill.")
            self.countdown.setStyleSheet("")
        else:
            text, sev = countdown_text(self.next_due, now.date(), settings)
            lk = look(sev)
            self.countdown.setText(f"{lk.icon} {text}")
            self.countdown.setStyleSheet(f"background-color: {lk.background}; color: {lk.foreground};"
                                         f" border: 2px solid {lk.border}; padding: 6px;")
        recent = events[-5:][::-1]
        lines = []
        for e in recent:
            desc = KIND_LABELS.get(e.kind, e.kind.value)
            extra = []
            if e.volume_ml is not None:
                extra.append(f"{e.volume_ml:g} mL")
            if e.concentration_mcg_per_ml is not None:
                extra.append(f"{e.concentration_mcg_per_ml:g} mcg/mL")
            if e.daily_dose_mcg is not None:
                extra.append(f"{e.daily_dose_mcg:g} mcg/day")
            if e.note:
                extra.append(e.note)
            lines.append(f"\u2022 {fmt_datetime(e.at, settings, now.date())}: {desc}"
                         + (f" ({'; '.join(extra)})" if extra else ""))
        self.last.setText("Recent:\n" + "\n".join(lines) if lines else "")

    def _refill_floor(self) -> None:
        """Keep the "not picked" date on the event's day; a date already picked stays if later."""
        q = self.when.date()
        self.next_refill.set_floor(date(q.year(), q.month(), q.day()))

    def clear_refill_date(self) -> None:
        self._refill_floor()
        self.next_refill.clear_value()

    def refill_date(self) -> date | None:
        """The next refill date picked by the caregiver, or None while none is picked."""
        return self.next_refill.value()

    def save(self) -> None:
        self.error.clear_error()
        pid = self.session.patient_id
        if pid is None:
            self.error.show_error("Choose or add the person first.")
            return
        k = PumpEventKind(self.kind.currentData())
        at = self.when.value()
        try:
            if at > self.session.now().replace(second=59, microsecond=999999):
                raise ValueError("That time is in the future. Enter when it happened.")
            ev = PumpEvent(at=at, kind=k, note=self.note.text().strip(), patient_id=pid)
            if k in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE):
                ev.concentration_mcg_per_ml = _number(self.concentration.text(), "concentration", 1, 5000,
                                                      required=k is PumpEventKind.REFILL)
                ev.daily_dose_mcg = _number(self.daily.text(), "daily dose", 1, 3000,
                                            required=k is PumpEventKind.REFILL)
                ev.next_refill_due = self.refill_date()
                if ev.next_refill_due is None and k is PumpEventKind.REFILL:
                    raise ValueError("Enter the next refill date from the clinic's printout "
                                     "(the journal warns you as it comes near).")
                if ev.next_refill_due is not None and ev.next_refill_due <= at.date():
                    raise ValueError("The next refill date must be after the refill.")
            if k is PumpEventKind.REFILL:
                ev.volume_ml = _number(self.volume.text(), "volume", 0.5, 100, required=True)
                ev.reservoir_ml = _number(self.reservoir.text(), "reservoir volume", 5, 100)
                ev.low_alarm_ml = _number(self.low_alarm.text(), "low alarm volume", 0.5, 20)
            if k is PumpEventKind.ALARM:
                ev.note = (self.tone.currentText() + (f". {ev.note}" if ev.note else ""))
        except ValueError as exc:
            self.error.show_error(str(exc))
            return
        try:
            entries.log_pump_event(session=self.session, patient_id=pid, event=ev, by=self.session.by, initiator=self)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        self.result.setText(f"\u2714 Logged: {KIND_LABELS[k]}.")
        for w in (self.volume, self.concentration, self.daily, self.reservoir, self.low_alarm, self.note):
            w.clear()
        self.clear_refill_date()  # the next event starts with no date picked
