"""Intrathecal pump: the refill countdown, and logging refills, alarms and clinic checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
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
from journal.domain.clock import later_than_this_minute
from journal.domain.shown import num

from ..operations import Change, entries
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_date, fmt_datetime
from ..widgets.lazy_page import LazyPage
from ..widgets.style import look, set_scaled_font
from ..widgets.widgets import Choice, ErrorLabel, OptionalDateEdit, WhenEdit, heading, hint, scroll_page
from .today_view import day_bounds

# The words in these tables are English source texts, shown through _tr() in the window's language.
KIND_LABELS = {
    PumpEventKind.REFILL: QT_TRANSLATE_NOOP("pump_view", "Refill"),
    PumpEventKind.ALARM: QT_TRANSLATE_NOOP("pump_view", "Alarm"),
    PumpEventKind.CHECK: QT_TRANSLATE_NOOP("pump_view", "Clinic check"),
    PumpEventKind.DOSE_CHANGE: QT_TRANSLATE_NOOP("pump_view", "Dose change at the clinic"),
    PumpEventKind.CATHETER_PROBLEM: QT_TRANSLATE_NOOP("pump_view", "Catheter problem"),
}
ALARM_TONES = [QT_TRANSLATE_NOOP("pump_view", "Single tone, about every hour (reservoir low or replacement due)"),
               QT_TRANSLATE_NOOP("pump_view", "Two tones (the pump may have STOPPED giving medicine)"),
               QT_TRANSLATE_NOOP("pump_view", "Not sure which tone")]
# How far back the pump view reads records; the service adds the latest event of each kind from
# before the window, so the last refill is always known without loading months of doses.
WINDOW = timedelta(days=31)
# What the next-refill field says until a date is picked. There is no guessed default: a made-up
# date would quietly replace the clinic's one and move (or silence) the refill warning.
REFILL_DATE_UNSET = {
    PumpEventKind.REFILL: QT_TRANSLATE_NOOP("pump_view", "pick the date on the clinic's printout"),
    PumpEventKind.DOSE_CHANGE: QT_TRANSLATE_NOOP("pump_view", "no new date (keep the one set before)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("pump_view", text)


def kind_label(kind: PumpEventKind) -> str:
    """The pump event's kind in the window's language ("Refill", "Clinic check")."""
    return _tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind.value


def countdown_text(due: date | None, today: date, settings: Any) -> tuple[str, Severity]:
    if due is None:
        return (QCoreApplication.translate("pump_view", "No refill date recorded yet. Log the last refill with its "
                                           "next refill date."), Severity.INFO)
    days = (due - today).days
    when = fmt_date(due, settings)
    if days < 0:
        return (QCoreApplication.translate("pump_view", "Refill OVERDUE by {days} (was due {date}). Call the pump "
                                           "clinic today.").format(days=_days(-days), date=when), Severity.URGENT)
    if days == 0:
        return (QCoreApplication.translate("pump_view", "Refill due TODAY ({date}).").format(date=when), Severity.WARNING)
    sev = Severity.WARNING if days <= 3 else Severity.INFO
    return (QCoreApplication.translate("pump_view", "Next refill in {days}: {date}.").format(days=_days(days), date=when),
            sev)


def _days(n: int) -> str:
    return QCoreApplication.translate("pump_view", "1 day") if n == 1 \
        else QCoreApplication.translate("pump_view", "{n} days").format(n=n)


def _number(text: str, label: str, low: float, high: float, required: bool = False) -> float | None:
    t = text.strip().replace(",", ".")
    if not t:
        if required:
            raise ValueError(QCoreApplication.translate("pump_view", "Enter the {what}.").format(what=_tr(label)))
        return None
    try:
        v = float(t)
    except ValueError:
        raise ValueError(QCoreApplication.translate("pump_view", "The {what} must be a number (got {text}).").format(
            what=_tr(label), text=repr(text.strip()))) from None
    if not low <= v <= high:
        raise ValueError(QCoreApplication.translate(
            "pump_view", "The {what} of {value} looks wrong (expected {low} to {high}); please check the clinic's "
            "printout.").format(what=_tr(label), value=num(v), low=num(low), high=num(high)))
    return v


class PumpView(LazyPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.next_due: date | None = None
        lay = scroll_page(self)
        lay.addWidget(heading(self.tr("Intrathecal pump")))
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName(self.tr("Refill countdown"))
        set_scaled_font(self.countdown, 1.5, bold=True)
        lay.addWidget(self.countdown)
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.last.setAccessibleName(self.tr("Last pump events"))
        lay.addWidget(self.last)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(line)
        lay.addWidget(heading(self.tr("Log a pump event"), 1.1))
        form = QFormLayout()
        self.kind = Choice()
        self.kind.setAccessibleName(self.tr("Kind of pump event"))
        for k in KIND_LABELS:
            self.kind.addItem(kind_label(k), k)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("&What:"), self.kind)
        self.when = WhenEdit(session.tz, settings=session.settings)
        session.operation_did_execute.connect(
            lambda ch: self.when.follow_clock_setting(session.settings) if ch.touches(Change.SETTINGS) else None)
        self.when.dateChanged.connect(lambda _d: self._refill_floor())
        form.addRow(self.tr("W&hen:"), self.when)
        self.volume = QLineEdit()
        self.volume.setAccessibleName(self.tr("Volume put in, mL"))
        form.addRow(self.tr("&Volume put in (mL):"), self.volume)
        self.concentration = QLineEdit()
        self.concentration.setAccessibleName(self.tr("Concentration, micrograms per mL"))
        form.addRow(self.tr("&Concentration (mcg/mL):"), self.concentration)
        self.daily = QLineEdit()
        self.daily.setAccessibleName(self.tr("Daily dose, micrograms per day"))
        form.addRow(self.tr("&Daily dose (mcg/day):"), self.daily)
        self.reservoir = QLineEdit()
        self.reservoir.setAccessibleName(self.tr("Reservoir volume, mL"))
        form.addRow(self.tr("&Reservoir (mL):"), self.reservoir)
        self.low_alarm = QLineEdit()
        self.low_alarm.setAccessibleName(self.tr("Low reservoir alarm volume, mL"))
        form.addRow(self.tr("&Low alarm at (mL):"), self.low_alarm)
        # Its lowest date is the day of the event (never a valid next refill): "not picked".
        self.next_refill = OptionalDateEdit(_tr(REFILL_DATE_UNSET[PumpEventKind.REFILL]))
        self.next_refill.setAccessibleName(self.tr("Next refill date"))
        form.addRow(self.tr("&Next refill date:"), self.next_refill)
        self.tone = Choice()
        self.tone.addItems([_tr(tone) for tone in ALARM_TONES])
        self.tone.setAccessibleName(self.tr("Which alarm tone"))
        form.addRow(self.tr("&Tone:"), self.tone)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the pump event"))
        form.addRow(self.tr("N&ote:"), self.note)
        self.form = form
        lay.addLayout(form)
        self.alarm_hint = hint("")
        lay.addWidget(self.alarm_hint)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result = QLabel()
        lay.addWidget(self.result)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Log pump event"))
        self.save_button.setAccessibleName(self.tr("Log this pump event"))
        self.save_button.clicked.connect(self.save)
        set_scaled_font(self.save_button, 1.15, bold=True)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(hint(self.tr("Copy the numbers from the clinic's refill printout. This journal is not "
                           "medical advice.")))
        lay.addStretch(1)
        self._dirty = True
        session.operation_did_execute.connect(
            lambda ch: self.mark_dirty() if ch.touches(Change.PUMP | Change.PEOPLE | Change.SETTINGS) else None)
        session.patient_changed.connect(lambda _pid: self.mark_dirty())
        self._kind_changed()

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
            self.next_refill.set_unset_text(_tr(REFILL_DATE_UNSET[k]))
        if k is PumpEventKind.ALARM:
            self.alarm_hint.setText(self.tr(
                "A two-tone alarm can mean the pump stopped: call the pump clinic now. If there are "
                "signs of withdrawal (itching, fever, stiffness, confusion), call {number}.").format(
                    number=self.session.emergency_number))
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
            self.countdown.setText(self.tr("No pump recorded. If the person has a baclofen pump, log its last refill."))
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
            desc = kind_label(e.kind)
            extra = []
            if e.volume_ml is not None:
                extra.append(f"{num(e.volume_ml)} mL")
            if e.concentration_mcg_per_ml is not None:
                extra.append(f"{num(e.concentration_mcg_per_ml)} mcg/mL")
            if e.daily_dose_mcg is not None:
                extra.append(self.tr("{mcg} mcg/day").format(mcg=num(e.daily_dose_mcg)))
            if e.note:
                extra.append(e.note)
            lines.append(f"\u2022 {fmt_datetime(e.at, settings, now.date())}: {desc}"
                         + (f" ({'; '.join(extra)})" if extra else ""))
        self.last.setText(self.tr("Recent:") + "\n" + "\n".join(lines) if lines else "")

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
            self.error.show_error(self.tr("Choose or add the person first."))
            return
        k = PumpEventKind(self.kind.currentData())
        at = self.when.value()
        try:
            if later_than_this_minute(at, self.session.now()):
                raise ValueError(self.tr("That time is in the future. Enter when it happened."))
            ev = PumpEvent(at=at, kind=k, note=self.note.text().strip(), patient_id=pid)
            if k in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE):
                ev.concentration_mcg_per_ml = _number(self.concentration.text(),
                                                      QT_TRANSLATE_NOOP("pump_view", "concentration"), 1, 5000,
                                                      required=k is PumpEventKind.REFILL)
                ev.daily_dose_mcg = _number(self.daily.text(), QT_TRANSLATE_NOOP("pump_view", "daily dose"), 1, 3000,
                                            required=k is PumpEventKind.REFILL)
                ev.next_refill_due = self.refill_date()
                if ev.next_refill_due is None and k is PumpEventKind.REFILL:
                    raise ValueError(self.tr("Enter the next refill date from the clinic's printout "
                                             "(the journal warns you as it comes near)."))
                if ev.next_refill_due is not None and ev.next_refill_due <= at.date():
                    raise ValueError(self.tr("The next refill date must be after the refill."))
            if k is PumpEventKind.REFILL:
                ev.volume_ml = _number(self.volume.text(), QT_TRANSLATE_NOOP("pump_view", "volume"), 0.5, 100, required=True)
                ev.reservoir_ml = _number(self.reservoir.text(), QT_TRANSLATE_NOOP("pump_view", "reservoir volume"), 5, 100)
                ev.low_alarm_ml = _number(self.low_alarm.text(), QT_TRANSLATE_NOOP("pump_view", "low alarm volume"), 0.5, 20)
            if k is PumpEventKind.ALARM:
                ev.note = (self.tone.currentText() + (f". {ev.note}" if ev.note else ""))
        except ValueError as exc:
            self.error.show_error(str(exc))
            return
        try:
            entries.log_pump_event(session=self.session, patient_id=pid, event=ev, by=self.session.by, initiator=self,
                                   check_later=True)  # the checks follow on the next turn (issue 17)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        self.result.setText("\u2714 " + self.tr("Logged: {what}.").format(what=kind_label(k)))
        for w in (self.volume, self.concentration, self.daily, self.reservoir, self.low_alarm, self.note):
            w.clear()
        self.clear_refill_date()  # the next event starts with no date picked
