"""The doctor-visit report as plain data: what was prescribed, what was given, the gaps, what
happened around them and what changed. Pure logic (no Qt, no SQL) so every number can be tested
on a constructed journal; `render/` only lays this out on paper. The texts built here (schedules,
the timeline's lines, notes, corrections) are in the language in use when `build_report` runs
(gettext, journal.domain.i18n); levels and directions stay codes for the page to word.

Over 500 lines: the report's data, one function per section; it follows render/ into a package
with one module per section when next touched (issue 20, not done yet).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from journal.domain import (
    Acknowledgement,
    Alert,
    AsNeededLimits,
    Dose,
    DoseStatus,
    Form,
    Medication,
    Observation,
    ObservationKind,
    PatientHistory,
    PumpEvent,
    PumpEventKind,
    Quantity,
    QuantityError,
    Regimen,
    RenalImpairment,
    Revision,
    Severity,
    SymptomEntry,
    normalise,
)
from journal.domain.i18n import N_, _
from journal.domain.shown import num
from journal.domain.units import from_stored_unit, temperature_text
from journal.domain.zones import zone_name_at, zones_label
from journal.knowledge import SymptomCatalog, default_catalog
from journal.schedule import ON_TIME_WINDOW, Outcome, PlanTiming, Timing, journal_began, plan_medicine
from journal.schedule.stock import StockUnknown, describe_stock, level_in
from journal.schedule.words import OUTCOME_WORDS, TIMING_WORDS, status_word

# A gap between given doses this much longer than the schedule's own longest interval goes on the timeline.
LONG_GAP_MARGIN = timedelta(hours=4)

DISCLAIMER = N_(
    "This is a caregiver's own record, kept in CareJournal. It is not a medical document and "
    "not medical advice; please check anything important against the clinic's records."
)

# A logged severity from which a symptom the catalog leaves for the next visit is marked "notable"
# (shown as "severe" on the report; the same 7 of 10 the catalog's severe_at uses).
SEVERE_AT = 7

MCG_PER_ML = "mcg/mL"  # a unit symbol, the same in every language

KIDNEY_WORDS = {
    RenalImpairment.NONE: N_("no known kidney problem"),
    RenalImpairment.MILD: N_("mildly reduced"),
    RenalImpairment.MODERATE: N_("moderately reduced"),
    RenalImpairment.SEVERE: N_("severely reduced"),
}

# A medicine -> the plan's matching window and grace period (from its drug profile; the service
# passes journal.rules.common.plan_timing). Without one, the plan's defaults.
TimingFn = Callable[[Medication], PlanTiming]


# ----------------------------------------------------------------------------------------------
# The report's shape


@dataclass
class Header:
    person: str
    age: int | None
    birth_date: date | None
    conditions: list[str]
    kidney_function: str
    period_start: date
    period_end: date
    generated_at: datetime
    timezone: str  # the zone(s) of the period's days: every time in the report is read in them
    contacts: str = ""  # the doctor's and others' contact details, as written in the person's profile
    generated_zone: str = ""  # the zone in force when the report was made (may differ after a move)


@dataclass
class MedicineLine:
    name: str
    drug: str | None
    route: str
    form: str
    strength: str  # "10 mg per tablet", "1 mg/mL"; "" when not recorded
    concentration: str  # for liquids and pumps; says so plainly when it is missing
    schedule: str  # "10 mg at 08:00, 14:00, 20:00" / "as needed" / "pump: 400 mcg/day"
    daily_total: str  # "30 mg a day" or ""
    daily_total_mg: float | None
    since: date | None
    prescribed_by: str
    reason: str
    active: bool
    warning: str = ""  # e.g. a liquid with no concentration recorded
    limits: str = ""  # the prescriber's as-needed limits and daily ceiling (limits_text)
    stock: str = ""  # "about 41 tablets on hand, about 20 days left" at the report's end (stock_text)
    starts: date | None = None  # not started yet: the day its first schedule begins


@dataclass
class PumpSettings:
    concentration_mcg_per_ml: float | None
    daily_dose_mcg: float | None
    reservoir_ml: float | None
    low_alarm_ml: float | None
    next_refill_due: date | None
    last_refill: datetime | None
    last_alarm: datetime | None
    as_of: datetime | None  # the latest event these come from


@dataclass
class DoseChange:
    day: date
    medication: str
    before: str  # "10 mg x3 a day (30 mg/day)" or "not taking"
    after: str
    before_daily_mg: float | None
    after_daily_mg: float | None
    direction: str  # "start", "increase", "decrease", "stop", "change"
    reason: str
    prescribed_by: str
    unit: str = "mg"  # mcg for pump changes


@dataclass
class Gap:
    medication: str
    start: datetime  # last given dose before the gap
    end: datetime  # the next given dose, or the end of the period when still open
    open: bool  # no dose given yet at the end of the period
    expected_hours: float | None  # the schedule's own longest interval

    @property
    def hours(self) -> float:
        return (self.end.timestamp() - self.start.timestamp()) / 3600.0


@dataclass
class SlotOutcome:
    """One scheduled slot and what the plan says became of it (the same answer as Today and the
    checks); due and overdue slots are pending, not counted yet."""

    slot: datetime
    outcome: Outcome
    dose: Dose | None = None  # the record that decides the outcome
    timing: Timing | None = None  # for given and vomited slots

    @property
    def words(self) -> str:
        """'given (late)', 'nothing logged', 'skipped (not given)'."""
        base = OUTCOME_WORDS[self.outcome]
        return f"{base} ({TIMING_WORDS[self.timing]})" if self.timing is not None else base


@dataclass
class Adherence:
    medication: str
    medication_id: int | None
    as_needed: bool
    scheduled: int  # slots that were due in the period
    on_time: int = 0
    early: int = 0
    late: int = 0
    skipped: int = 0
    refused: int = 0
    vomited: int = 0
    missed_recorded: int = 0
    missed_derived: int = 0
    extra: int = 0  # given doses that answer no slot (extra, as-needed, or double-logged)
    given_total: int = 0  # every given dose (taken), slot or not
    gaps: list[Gap] = field(default_factory=list)  # longest first, at most 3
    expected_longest_hours: float | None = None
    slots: list[SlotOutcome] = field(default_factory=list)  # pending ones included
    pending: int = 0  # slots not settled yet (due, or overdue within the grace period): not counted
    timing: PlanTiming = field(default_factory=PlanTiming)  # the plan's window and grace for it
    match_windows: list[timedelta] = field(default_factory=list)  # the windows its schedules used, shortest first

    @property
    def given_in_slots(self) -> int:
        return self.on_time + self.early + self.late

    @property
    def not_given(self) -> int:
        return self.skipped + self.refused + self.missed_recorded + self.missed_derived

    def percent(self, count: int) -> float | None:
        return None if self.scheduled == 0 else 100.0 * count / self.scheduled


@dataclass
class AckLine:
    at: datetime
    by: str
    note: str


@dataclass
class AlertLine:
    severity: Severity
    rule: str
    title: str
    message: str
    medication: str | None
    since: datetime
    evidence: list[str]
    reference: str
    acknowledgements: list[AckLine] = field(default_factory=list)
    key: str = ""


@dataclass
class TimelineEvent:
    at: datetime
    kind: str  # "dose-change", "gap", "symptom", "temperature", "pump"
    level: str  # "red-flag", "urgent", "notable", "increase", "decrease", "start", "stop", "info"
    text: str
    end: datetime | None = None  # for gaps


@dataclass
class Point:
    at: datetime
    value: float
    label: str = ""


@dataclass
class DailyDoses:
    medication: str
    days: list[date]
    scheduled: list[int]
    given: list[int]  # taken doses on that day (in a slot or not)
    not_given: list[int]  # skipped, refused, missed (recorded or derived)
    vomited: list[int]


@dataclass
class Series:
    label: str
    points: list[Point]


@dataclass
class Charts:
    daily_doses: list[DailyDoses]
    symptom_severity: list[Series]  # one series per symptom (most frequent first)
    penn: list[Point]
    pain: list[Point]
    temperature: list[Point]
    # Lines drawn across the temperature chart: (deg C, label), from the symptom catalog's limits.
    temperature_marks: list[tuple[float, str]] = field(default_factory=list)


@dataclass
class PumpEventLine:
    at: datetime
    kind: str
    details: str
    note: str


@dataclass
class NoteLine:
    at: datetime
    text: str


@dataclass
class CorrectionLine:
    changed_at: datetime
    changed_by: str
    what: str  # "Dose of Baclofen 10 mg tablets, 2026-10-03 08:00"
    action: str  # "corrected", "removed", "restored"
    changes: list[str]  # "amount: 10 mg -> 20 mg"
    reason: str


@dataclass
class SymptomCount:
    symptom: str
    count: int
    worst: int | None
    tier: str  # "red-flag", "urgent", "notable" (severe), "next-visit" or ""


@dataclass(frozen=True)
class ReadingValue:
    """One reading as recorded: its value (blood pressure: the top, systolic, number) and, for blood
    pressure only, the bottom (diastolic) one, in the stored unit (`domain.readings.STORED_UNIT`)."""

    at: datetime
    value: float
    value2: float | None = None


@dataclass(frozen=True)
class ReadingRange:
    """One kind of vital-sign reading over the period: how many were recorded, the lowest, the
    highest (blood pressure by its top number) and the latest. `kind` is an ObservationKind value."""

    kind: str
    count: int
    lowest: ReadingValue
    highest: ReadingValue
    latest: ReadingValue


@dataclass
class ReportData:
    header: Header
    medicines: list[MedicineLine]
    pump: PumpSettings | None
    dose_changes: list[DoseChange]
    adherence: list[Adherence]
    alerts: list[AlertLine]
    timeline: list[TimelineEvent]
    symptom_counts: list[SymptomCount]
    charts: Charts
    pump_events: list[PumpEventLine]
    notes: list[NoteLine]
    doctor_questions: list[NoteLine]
    corrections: list[CorrectionLine]
    definitions: list[str]
    disclaimer: str = DISCLAIMER
    date_format: str = "%Y-%m-%d"
    time_format: str = "%H:%M"
    temperature_unit: str = "C"  # "C" or "F" (Settings): temperatures in the timeline and chart
    # The period as instants (start of the first day, end of the last day or the generation time).
    period_start_at: datetime | None = None
    period_end_at: datetime | None = None
    # False when the safety checks could not be run again for the period (then `alerts` is empty).
    alerts_checked: bool = True
    # Schedule changes already saved for the days after the report was made.
    planned_changes: list[DoseChange] = field(default_factory=list)
    # Pulse, blood pressure, breathing and oxygen readings of the period (VITAL_READINGS order).
    vital_readings: list[ReadingRange] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# Small helpers


def _fmt_num(v: float) -> str:
    """A number a person reads, with the language's decimal mark ("2.5", "2,5"; "3", not "3.0")."""
    return num(v) if abs(v - round(v)) > 1e-9 else str(int(round(v)))


def _fmt_qty(q: Quantity | None) -> str:
    return "" if q is None else str(q)


def _dose_mg(med: Medication, q: Quantity) -> float | None:
    """One administration in mg (or mcg for mcg units); None when the journal cannot convert it."""
    try:
        return normalise(q, med.strength).to_mg()
    except QuantityError:
        return None


def _uses_mcg(med: Medication) -> bool:
    return med.route.value == "intrathecal" or med.form is Form.PUMP


def regimen_daily(med: Medication, reg: Regimen) -> float | None:
    """The regimen's daily total in mg (oral) or mcg (pump: the dose is the daily dose)."""
    if _uses_mcg(med):
        try:
            n = normalise(reg.dose, med.strength)
        except QuantityError:
            return None
        return float(n.value) * (1000.0 if n.unit.value == "mg" else 1.0)
    if med.as_needed or not reg.times:
        return None
    each = _dose_mg(med, reg.dose)
    if each is None:
        return None
    return each * len(reg.times) / max(1, reg.every_days)


@dataclass(frozen=True)
class Formats:
    """How the report writes a day and a clock time (the journal's settings, strftime codes), so
    the dates and times inside its sentences read like those in its columns."""

    day_format: str = "%Y-%m-%d"
    clock_format: str = "%H:%M"

    def day(self, d: date) -> str:
        return d.strftime(self.day_format)

    def clock(self, t: time | datetime) -> str:
        return t.strftime(self.clock_format)

    def at(self, t: datetime) -> str:
        return t.strftime(f"{self.day_format} {self.clock_format}")


ISO = Formats()


def describe_regimen(med: Medication, reg: Regimen | None, fmt: Formats = ISO) -> str:
    if reg is None:
        return _("not taking")
    if _uses_mcg(med):
        return (_("{dose} a day by pump").format(dose=_fmt_qty(reg.dose)) if reg.dose.unit.value in ("mcg", "mg")
                else _fmt_qty(reg.dose))
    dose = _fmt_qty(reg.dose)
    if not reg.dose.unit.is_mass:
        mg = _dose_mg(med, reg.dose)
        if mg is not None:
            dose += f" (= {_fmt_num(mg)} mg)"
    if med.as_needed or not reg.times:
        return _("{dose} when needed").format(dose=dose)
    times = ", ".join(fmt.clock(t) for t in sorted(reg.times))
    if reg.every_days == 1:
        return _("{dose} at {times}").format(dose=dose, times=times)
    if reg.every_days == 2:
        return _("{dose} at {times} every other day").format(dose=dose, times=times)
    return _("{dose} at {times} every {n} days").format(dose=dose, times=times, n=reg.every_days)


def _daily_text(med: Medication, total: float | None, reg: Regimen | None = None) -> str:
    if total is None:
        return ""
    if _uses_mcg(med):
        return _("{mcg} mcg a day").format(mcg=_fmt_num(total))
    if total < 1 and (reg is None or reg.dose.unit.value == "mcg" or
                      (med.strength is not None and med.strength.unit.value == "mcg")):
        return _("{mcg} mcg a day").format(mcg=_fmt_num(round(total * 1000, 3)))
    return _("{mg} mg a day").format(mg=_fmt_num(round(total, 3)))


def expected_longest_interval(reg: Regimen) -> timedelta | None:
    """The longest time between two slots of the schedule (wrapping round the day)."""
    if not reg.times:
        return None
    mins = sorted({t.hour * 60 + t.minute for t in reg.times})
    period = 24 * 60 * max(1, reg.every_days)
    gaps = [b - a for a, b in zip(mins, mins[1:], strict=False)]
    gaps.append(period - mins[-1] + mins[0])
    return timedelta(minutes=max(gaps))


# ----------------------------------------------------------------------------------------------
# Sections


def _header(history: PatientHistory, start: date, end: date, generated_at: datetime) -> Header:
    p = history.patient
    return Header(
        person=p.name,
        age=p.age_on(generated_at.astimezone(history.tz).date()),
        birth_date=p.birth_date,
        conditions=list(p.conditions),
        kidney_function=KIDNEY_WORDS.get(p.renal_impairment, str(p.renal_impairment)),
        period_start=start,
        period_end=end,
        generated_at=generated_at,
        timezone=zones_label(history.tz, start, end),
        contacts=p.contacts.strip(),
        generated_zone=zone_name_at(history.tz, generated_at),
    )


def _concentration(med: Medication, pump: PumpSettings | None) -> tuple[str, str]:
    """(concentration text, warning) for liquids and pumps."""
    if med.form.is_liquid:
        if med.strength is None or med.strength.per is None or med.strength.per.unit.value != "mL":
            text = str(med.strength) if med.strength is not None else ""
            return (text or _("not recorded"),
                    _("No concentration (mg per mL) is recorded for this liquid. Check the bottle's label."))
        per_ml = med.strength.per_unit_mass
        return f"{_fmt_num(per_ml.value)} {per_ml.unit.value}/mL", ""
    if _uses_mcg(med):
        if pump is not None and pump.concentration_mcg_per_ml is not None:
            return _("{mcg} mcg/mL (last refill)").format(mcg=_fmt_num(pump.concentration_mcg_per_ml)), ""
        if med.strength is not None:
            return str(med.strength), ""
    return "", ""


def _medicines(history: PatientHistory, day: date, pump: PumpSettings | None, fmt: Formats = ISO) -> list[MedicineLine]:
    lines: list[MedicineLine] = []
    for med in history.medications:
        reg = med.regimen_on(day)
        active = reg is not None or (med.as_needed and not med.regimens)
        latest = reg or (med.regimens[-1] if med.regimens else None)
        upcoming = next((r for r in sorted(med.regimens, key=lambda r: r.start) if r.start > day), None)
        if not active and upcoming is None and (
                latest is None or latest.end is None or latest.end < history.start.date()):
            continue  # stopped before the period: not a current medicine
        total = regimen_daily(med, reg) if reg is not None else None
        schedule = describe_regimen(med, reg, fmt) if reg is not None else (
            _("when needed") if active
            else _("starts {day}: {schedule}").format(day=fmt.day(upcoming.start),
                                                     schedule=describe_regimen(med, upcoming, fmt))
            if upcoming is not None
            else _("stopped {day}").format(day=fmt.day(latest.end)) if latest and latest.end else _("no schedule")
        )
        if _uses_mcg(med) and pump is not None and pump.daily_dose_mcg is not None:
            schedule = _("pump set to {mcg} mcg a day").format(mcg=_fmt_num(pump.daily_dose_mcg))
            total = pump.daily_dose_mcg
        conc, warn = _concentration(med, pump)
        lines.append(MedicineLine(
            name=med.name, drug=med.drug, route=med.route.value, form=med.form.value,
            strength=_fmt_qty(med.strength), concentration=conc, schedule=schedule,
            daily_total=_daily_text(med, total, reg), daily_total_mg=total if not _uses_mcg(med) else None,
            since=reg.start if reg is not None else None,
            prescribed_by=reg.prescribed_by if reg is not None else "",
            reason=reg.reason if reg is not None else "", active=active, warning=warn,
            limits=limits_text(med), stock=stock_text(history, med),
            starts=upcoming.start if reg is None and not active and upcoming is not None else None,
        ))
    lines.sort(key=lambda m: (not m.active, m.drug != "baclofen", m.name.lower()))
    return lines


def limits_text(med: Medication) -> str:
    """The prescriber's numbers as one line: 'as needed: at most 3 doses, at least 4 h apart, at most
    30 mL in 24 hours; ceiling 60 mg a day' ('' when none was recorded)."""
    parts = []
    lim = med.as_needed_limits
    if lim is not None and not lim.empty:
        parts.append(_("as needed: {limits}").format(limits=_limits_words(lim)))
    if med.max_daily is not None:
        parts.append(_("ceiling {amount} a day").format(amount=med.max_daily))
    return "; ".join(parts)


def _limits_words(lim: AsNeededLimits) -> str:
    each = [_("at most {n} doses").format(n=lim.max_doses_per_day) if lim.max_doses_per_day is not None else "",
            _("at least {hours} h apart").format(hours=_fmt_num(lim.min_interval_hours))
            if lim.min_interval_hours is not None else "",
            _("at most {amount}").format(amount=lim.max_amount_per_day) if lim.max_amount_per_day is not None else ""]
    return _("{limits} in 24 hours").format(limits=", ".join(x for x in each if x))


def stock_text(history: PatientHistory, med: Medication) -> str:
    """The medicine's stock at the end of `history` (the report's period, or now if sooner): ''
    with none recorded; says so when it cannot be told."""
    if med.id is None or not med.stock:
        return ""
    try:
        level = level_in(history, med)
    except StockUnknown as e:
        return _("stock cannot be told ({reason})").format(reason=e)
    return "" if level is None else _("stock at the period's end: {stock}").format(stock=describe_stock(level))


_V = TypeVar("_V")


def _pump_settings(events: Sequence[PumpEvent], until: datetime) -> PumpSettings | None:
    """The pump's settings from the latest events that set each value (up to `until`)."""
    evs = [e for e in events if e.at <= until and not e.removed]
    if not evs:
        return None
    evs.sort(key=lambda e: e.at)

    def latest(value: Callable[[PumpEvent], _V | None]) -> _V | None:
        for e in reversed(evs):
            v = value(e)
            if v is not None:
                return v
        return None

    refills = [e.at for e in evs if e.kind is PumpEventKind.REFILL]
    alarms = [e.at for e in evs if e.kind is PumpEventKind.ALARM]
    return PumpSettings(
        concentration_mcg_per_ml=latest(lambda e: e.concentration_mcg_per_ml),
        daily_dose_mcg=latest(lambda e: e.daily_dose_mcg),
        reservoir_ml=latest(lambda e: e.reservoir_ml),
        low_alarm_ml=latest(lambda e: e.low_alarm_ml),
        next_refill_due=latest(lambda e: e.next_refill_due),
        last_refill=refills[-1] if refills else None,
        last_alarm=alarms[-1] if alarms else None,
        as_of=evs[-1].at,
    )


def _direction(before: float | None, after: float | None, had_before: bool, has_after: bool) -> str:
    if not had_before:
        return "start"
    if not has_after:
        return "stop"
    if before is not None and after is not None:
        if after > before + 1e-9:
            return "increase"
        if after < before - 1e-9:
            return "decrease"
    return "change"


def _dose_changes(history: PatientHistory, start: date, end: date, fmt: Formats = ISO) -> list[DoseChange]:
    out: list[DoseChange] = []
    # A medicine already on its schedule when the journal began was not started that day.
    began = history.first_entry.astimezone(history.tz).date() if history.first_entry is not None else None
    for med in history.medications:
        regs = sorted(med.regimens, key=lambda r: r.start)
        unit = "mcg" if _uses_mcg(med) else "mg"
        for i, reg in enumerate(regs):
            prev = med.regimen_on(reg.start - timedelta(days=1))
            if i == 0 and began is not None and reg.start <= began:
                pass
            elif start <= reg.start <= end:
                b, a = (regimen_daily(med, prev) if prev else None), regimen_daily(med, reg)
                out.append(DoseChange(
                    day=reg.start, medication=med.name,
                    before=_with_total(describe_regimen(med, prev, fmt), b, unit) if prev else _("not taking"),
                    after=_with_total(describe_regimen(med, reg, fmt), a, unit),
                    before_daily_mg=b, after_daily_mg=a,
                    direction=_direction(b, a, prev is not None, True),
                    reason=reg.reason, prescribed_by=reg.prescribed_by, unit=unit,
                ))
            # a schedule that ends in the period with nothing after it: stopped
            if reg.end is not None and start <= reg.end + timedelta(days=1) <= end:
                nxt = med.regimen_on(reg.end + timedelta(days=1))
                if nxt is None and not any(r.start == reg.end + timedelta(days=1) for r in regs[i + 1:]):
                    b = regimen_daily(med, reg)
                    out.append(DoseChange(
                        day=reg.end + timedelta(days=1), medication=med.name,
                        before=_with_total(describe_regimen(med, reg, fmt), b, unit), after=_("stopped"),
                        before_daily_mg=b, after_daily_mg=0.0, direction="stop",
                        reason="", prescribed_by=reg.prescribed_by, unit=unit,
                    ))
    # Pump rate changes logged as pump events
    pump_med = next((m for m in history.medications if _uses_mcg(m)), None)
    prev_rate: float | None = None
    for e in sorted(history.pump_events, key=lambda e: e.at):
        if e.removed or e.daily_dose_mcg is None:
            continue
        d = e.at.astimezone(history.tz).date()
        if prev_rate is not None and abs(e.daily_dose_mcg - prev_rate) > 1e-9 and start <= d <= end:
            out.append(DoseChange(
                day=d, medication=pump_med.name if pump_med else _("Intrathecal pump"),
                before=_("{mcg} mcg a day").format(mcg=_fmt_num(prev_rate)),
                after=_("{mcg} mcg a day").format(mcg=_fmt_num(e.daily_dose_mcg)),
                before_daily_mg=prev_rate, after_daily_mg=e.daily_dose_mcg,
                direction="increase" if e.daily_dose_mcg > prev_rate else "decrease",
                reason=e.note or _pump_event_words(e.kind), prescribed_by="", unit="mcg",
            ))
        prev_rate = e.daily_dose_mcg
    out.sort(key=lambda c: (c.day, c.medication))
    return out


def _with_total(text: str, total: float | None, unit: str) -> str:
    if total is None or unit == "mcg":
        return text
    if total < 1:
        return "{} ({})".format(text, _("{mcg} mcg a day").format(mcg=_fmt_num(round(total * 1000, 3))))
    return "{} ({})".format(text, _("{mg} mg a day").format(mg=_fmt_num(round(total, 3))))


def _adherence(history: PatientHistory, start_at: datetime, end_at: datetime, now: datetime,
               day_start: date, day_end: date, timing_for: TimingFn) -> tuple[list[Adherence], list[DailyDoses]]:
    """Doses given and missed, counted by slot with the plan (journal.schedule.plan), as Today and
    the checks count them: a slot belongs to its own day whenever its dose was given, a slot still
    pending (due, or overdue within its grace) is not counted yet, and nothing from before the
    journal began for the medicine is counted."""
    tz = history.tz
    local = getattr(tz, "only_zone", None) or tz  # the same local dates (JournalZone.only_zone), faster
    cutoff = min(end_at, now)
    days = [day_start + timedelta(days=i) for i in range((day_end - day_start).days + 1)]
    day_index = {d: i for i, d in enumerate(days)}
    result: list[Adherence] = []
    daily: list[DailyDoses] = []
    records_of: dict[int | None, list[Dose]] = {}  # each medicine's records, in the history's order
    for d in history.doses:
        records_of.setdefault(d.medication_id, []).append(d)
    for med in history.medications:
        records = records_of.get(med.id, [])
        doses = sorted((d for d in records if not d.removed and start_at <= d.at < end_at), key=lambda d: d.at)
        plan = plan_medicine(med, tz, start_at, end_at, records, now, timing_for(med),
                             journal_began(history, med))
        if not plan.slots and not doses:
            continue
        regimens = {id(st.slot.regimen): st.slot.regimen for st in plan.slots}  # a window per schedule
        ad = Adherence(medication=med.name, medication_id=med.id, as_needed=med.as_needed, scheduled=0,
                       timing=plan.timing,
                       match_windows=sorted({plan.timing.window_for(r) for r in regimens.values()}))
        sched_daily = [0] * len(days)
        given_daily = [0] * len(days)
        not_daily = [0] * len(days)
        vom_daily = [0] * len(days)
        for st in plan.slots:
            answer = st.answer
            ad.slots.append(SlotOutcome(st.slot.at, st.outcome, answer, st.timing))
            ad.extra += sum(1 for d in st.repeats if d.status is DoseStatus.TAKEN)
            if st.outcome.pending:
                ad.pending += 1
                continue
            ad.scheduled += 1
            counter = _COUNTERS[st.outcome] if st.outcome is not Outcome.GIVEN else _TIMING_COUNTERS[
                st.timing or Timing.ON_TIME]
            setattr(ad, counter, getattr(ad, counter) + 1)
            di = day_index.get(st.slot.at.astimezone(local).date())
            if di is None:
                continue
            sched_daily[di] += 1
            if st.outcome is Outcome.GIVEN:
                given_daily[di] += 1
            elif st.outcome is Outcome.VOMITED:
                vom_daily[di] += 1
            else:
                not_daily[di] += 1
        for d in plan.extra:
            if d.status is DoseStatus.TAKEN:
                ad.extra += 1
                di = day_index.get(d.at.astimezone(local).date())
                if di is not None:
                    given_daily[di] += 1
        ad.given_total = sum(1 for d in doses if d.status is DoseStatus.TAKEN)
        if not med.as_needed and any(r.times for r in med.regimens):
            ad.gaps, ad.expected_longest_hours = _gaps(history, med, doses, start_at, cutoff)
        result.append(ad)
        if not med.as_needed and (plan.slots or doses):
            daily.append(DailyDoses(med.name, days, sched_daily, given_daily, not_daily, vom_daily))
    return result, daily


# Which Adherence counter a settled slot adds to.
_COUNTERS = {Outcome.VOMITED: "vomited", Outcome.SKIPPED: "skipped", Outcome.REFUSED: "refused",
             Outcome.MISSED: "missed_recorded", Outcome.UNLOGGED: "missed_derived"}
_TIMING_COUNTERS = {Timing.ON_TIME: "on_time", Timing.EARLY: "early", Timing.LATE: "late"}


def _gaps(history: PatientHistory, med: Medication, doses: list[Dose], start_at: datetime,
          cutoff: datetime) -> tuple[list[Gap], float | None]:
    tz = history.tz
    start_day = start_at.astimezone(tz).date()
    reg_now = med.regimen_on(cutoff.astimezone(tz).date()) or med.regimen_on(start_day)
    longest = None
    for r in med.regimens:
        e = expected_longest_interval(r)
        if e is not None and (r.end is None or r.end >= start_day):
            longest = e if longest is None else max(longest, e)
    if reg_now is not None:
        longest = expected_longest_interval(reg_now) or longest
    expected_h = longest.total_seconds() / 3600.0 if longest else None
    times = [d.given or d.at for d in doses if d.status is DoseStatus.TAKEN]
    before = None
    for d in history.doses:  # history may reach back before the period (sorted by time)
        if d.at >= start_at:
            break
        if d.medication_id == med.id and d.status is DoseStatus.TAKEN and not d.removed:
            before = d
    if before is None and med.id is not None:
        before = history.last_given.get(med.id)
    if before is not None and before.at < start_at and med.regimen_on(start_day) is not None:
        times.insert(0, before.given or before.at)
    times.sort()
    # Every gap between two given doses, and the one still open at the end of the period while a
    # schedule is in force; the three longest are kept (longest first, equal ones in time order).
    # Their hours as `Gap.hours` works them out, a Gap made only for the three kept (a year has
    # thousands of gaps per medicine).
    stamps = [t.timestamp() for t in times]
    spans: list[tuple[datetime, datetime, bool]] = [(a, b, False) for a, b in zip(times, times[1:], strict=False)]
    lengths = [(b - a) / 3600.0 for a, b in zip(stamps, stamps[1:], strict=False)]
    last_day = cutoff.astimezone(tz).date()
    if times and med.regimen_on(last_day) is not None and cutoff > times[-1]:
        spans.append((times[-1], cutoff, True))
        lengths.append((cutoff.timestamp() - stamps[-1]) / 3600.0)
    elif not times and med.regimen_on(start_day) is not None:
        pass  # nothing given at all; the adherence counts show it
    kept = heapq.nlargest(3, range(len(spans)), key=lengths.__getitem__)  # sorted(..., reverse=True)[:3]
    return [Gap(med.name, spans[i][0], spans[i][1], spans[i][2], expected_h) for i in kept], expected_h


def symptom_tier(s: SymptomEntry, history: PatientHistory, catalog: SymptomCatalog) -> str:
    """The report's level for a logged symptom: "red-flag", "urgent", "notable" (severe) or "".

    The tier is the catalog's (`SymptomCatalog.triage`), the same answer the checks and the
    symptom form give."""
    tier = catalog.triage(s, history).tier
    if tier == "emergency":
        return "red-flag"
    if tier == "urgent":
        return "urgent"
    if s.severity is not None and s.severity >= SEVERE_AT:
        return "notable"
    return ""


def temperature_level(o: Observation, history: PatientHistory, catalog: SymptomCatalog) -> tuple[str, str]:
    """(level, word) for a temperature reading on the timeline, ("", "") when it is in range.

    A measured high fever is triaged as the `high-fever` symptom (an emergency with rigidity or
    confusion around it); a low one is urgent (the catalog's vitals limits)."""
    fever = catalog.triage_reading(o, history)
    if fever is not None:
        return ("red-flag" if fever.tier == "emergency" else "urgent"), _("fever")
    try:
        v = float(o.value)
    except (TypeError, ValueError):
        return "", ""
    if catalog.is_low_temperature(v):
        return "urgent", _("low temperature")
    return "", ""


def _symptom_name(code: str) -> str:
    """The short name of a catalog symptom ("muscle twitching") in the language in use; a code the
    list below does not know is written as it is stored."""
    return _(_SYMPTOM_WORDS[code]) if code in _SYMPTOM_WORDS else code.replace("-", " ")


# The report's short names for the catalog's symptoms (tables, chart legends, the timeline), marked
# for the catalog; in English the code in words, as the report has always written them.
_SYMPTOM_WORDS = {
    "seizure": N_("seizure"), "breathing-difficulty": N_("breathing difficulty"), "unresponsive": N_("unresponsive"),
    "hallucinations": N_("hallucinations"), "confusion": N_("confusion"), "agitation": N_("agitation"),
    "extreme-drowsiness": N_("extreme drowsiness"), "drowsiness": N_("drowsiness"), "dizziness": N_("dizziness"),
    "fainting": N_("fainting"), "fall": N_("fall"), "high-fever": N_("high fever"), "rigidity": N_("rigidity"),
    "dystonia": N_("dystonia"), "muscle-twitching": N_("muscle twitching"), "tremor": N_("tremor"),
    "rebound-spasticity": N_("rebound spasticity"), "spasms": N_("spasms"), "itching": N_("itching"),
    "tingling": N_("tingling"), "weakness": N_("weakness"), "nausea": N_("nausea"), "vomiting": N_("vomiting"),
    "headache": N_("headache"), "urinary-problems": N_("urinary problems"), "constipation": N_("constipation"),
    "insomnia": N_("insomnia"), "mood-change": N_("mood change"), "pain": N_("pain"), "other": N_("other"),
}


def _timeline(history: PatientHistory, changes: list[DoseChange], adherence: list[Adherence],
              start_at: datetime, end_at: datetime, catalog: SymptomCatalog,
              temperature_unit: str = "C") -> list[TimelineEvent]:
    tz = history.tz
    out: list[TimelineEvent] = []
    for c in changes:
        at = datetime.combine(c.day, time(0, 0), tzinfo=tz)
        out.append(TimelineEvent(at, "dose-change", c.direction,
                                 f"{c.medication}: {c.before} -> {c.after}"))
    for ad in adherence:
        if ad.expected_longest_hours is None:
            continue
        limit = ad.expected_longest_hours + LONG_GAP_MARGIN.total_seconds() / 3600.0
        for g in ad.gaps:
            if g.hours >= limit:
                what = (_("{medicine}: no dose given since {hours} h (schedule allows about {allowed} h)") if g.open
                        else _("{medicine}: no dose given for {hours} h (schedule allows about {allowed} h)"))
                out.append(TimelineEvent(
                    g.start, "gap", "gap",
                    what.format(medicine=g.medication, hours=_fmt_num(round(g.hours, 1)),
                                allowed=_fmt_num(round(g.expected_hours or 0, 1))),
                    end=g.end))
    with catalog.remembering(history):  # every symptom's tier: one index of the history's signs
        for s in history.symptoms:
            if s.removed or not (start_at <= s.at < end_at):
                continue
            level = symptom_tier(s, history, catalog)
            if not level:
                continue
            sev = _(", severity {n}/10").format(n=s.severity) if s.severity is not None else ""
            note = f" ({s.note})" if s.note else ""
            out.append(TimelineEvent(s.at, "symptom", level, f"{_symptom_name(s.symptom)}{sev}{note}"))
        for o in history.observations:
            if o.removed or o.kind is not ObservationKind.TEMPERATURE or not (start_at <= o.at < end_at):
                continue
            level, word = temperature_level(o, history, catalog)
            if level:
                out.append(TimelineEvent(o.at, "temperature", level,
                                         f"{word}: {temperature_text(float(o.value), temperature_unit)}"))
    for e in history.pump_events:
        if e.removed or not (start_at <= e.at < end_at):
            continue
        if e.kind in (PumpEventKind.ALARM, PumpEventKind.CATHETER_PROBLEM):
            out.append(TimelineEvent(e.at, "pump", "urgent",
                                     _pump_event_words(e.kind) + (f": {e.note}" if e.note else "")))
        elif e.kind is PumpEventKind.REFILL:
            out.append(TimelineEvent(e.at, "pump", "info", _("pump refilled")))
    order = {"dose-change": 0, "gap": 1, "pump": 2, "temperature": 3, "symptom": 4}
    out.sort(key=lambda e: (e.at, order.get(e.kind, 9)))
    return out


def _symptom_counts(history: PatientHistory, start_at: datetime, end_at: datetime,
                    catalog: SymptomCatalog) -> list[SymptomCount]:
    counts: dict[str, SymptomCount] = {}
    with catalog.remembering(history):  # every symptom's tier: one index of the history's signs
        for s in history.symptoms:
            if s.removed or not (start_at <= s.at < end_at):
                continue
            c = counts.setdefault(s.symptom, SymptomCount(_symptom_name(s.symptom), 0, None, ""))
            c.count += 1
            if s.severity is not None:
                c.worst = s.severity if c.worst is None else max(c.worst, s.severity)
            t = symptom_tier(s, history, catalog)
            if not t:
                t = "next-visit" if catalog.tier(s.symptom).tier == "next-visit" else ""
            if _TIER_RANK[t] > _TIER_RANK[c.tier]:
                c.tier = t
    return sorted(counts.values(), key=lambda c: (-_TIER_RANK[c.tier], -c.count, c.symptom))


_TIER_RANK = {"red-flag": 4, "urgent": 3, "notable": 2, "next-visit": 1, "": 0}


def _charts(history: PatientHistory, daily: list[DailyDoses], start_at: datetime, end_at: datetime,
            catalog: SymptomCatalog, temperature_unit: str = "C") -> Charts:
    sym: dict[str, list[Point]] = {}
    for s in history.symptoms:
        if not s.removed and s.severity is not None and start_at <= s.at < end_at:
            sym.setdefault(s.symptom, []).append(Point(s.at, float(s.severity)))
    series = [Series(_symptom_name(k), v) for k, v in sorted(sym.items(), key=lambda kv: (-len(kv[1]), kv[0]))]

    def obs(kind: ObservationKind) -> list[Point]:
        pts = []
        for o in history.observations:
            if o.removed or o.kind is not kind or not (start_at <= o.at < end_at):
                continue
            try:
                pts.append(Point(o.at, from_stored_unit(kind, float(o.value), temperature_unit), o.body_part))
            except (TypeError, ValueError):
                continue
        return pts

    t = ObservationKind.TEMPERATURE
    marks = [(from_stored_unit(t, catalog.fever.value, temperature_unit),
              _("fever {temperature}").format(temperature=temperature_text(catalog.fever.value, temperature_unit))),
             (from_stored_unit(t, catalog.low_temperature.value, temperature_unit),
              _("low {temperature}").format(
                  temperature=temperature_text(catalog.low_temperature.value, temperature_unit)))]
    return Charts(daily, series, obs(ObservationKind.PENN_SPASM_FREQUENCY), obs(ObservationKind.PAIN_NRS),
                  obs(ObservationKind.TEMPERATURE), marks)


def _pump_event_lines(history: PatientHistory, start_at: datetime, end_at: datetime,
                      fmt: Formats = ISO) -> list[PumpEventLine]:
    out = []
    for e in history.pump_events:
        if e.removed or not (start_at <= e.at < end_at):
            continue
        parts = []
        if e.volume_ml is not None:
            parts.append(_("{ml} mL put in").format(ml=_fmt_num(e.volume_ml)))
        if e.concentration_mcg_per_ml is not None:
            parts.append(f"{_fmt_num(e.concentration_mcg_per_ml)} {MCG_PER_ML}")
        if e.daily_dose_mcg is not None:
            parts.append(_("set to {mcg} mcg a day").format(mcg=_fmt_num(e.daily_dose_mcg)))
        if e.next_refill_due is not None:
            parts.append(_("next refill due {day}").format(day=fmt.day(e.next_refill_due)))
        out.append(PumpEventLine(e.at, e.kind.value.replace("-", " "), ", ".join(parts), e.note))
    return out


def _alert_lines(alerts: Iterable[Alert], acks: Iterable[Acknowledgement]) -> list[AlertLine]:
    by_key: dict[str, list[AckLine]] = {}
    for a in acks:
        by_key.setdefault(a.alert_key, []).append(AckLine(a.at, a.by, a.note))
    out = []
    for al in alerts:
        out.append(AlertLine(
            severity=al.severity, rule=al.rule, title=al.title, message=al.message,
            medication=al.medication, since=al.since, evidence=list(al.evidence), reference=al.reference,
            acknowledgements=sorted(by_key.get(al.key, []), key=lambda a: a.at), key=al.key,
        ))
    out.sort(key=lambda a: (a.since, -a.severity.rank))
    return out


_ENTITY_WORDS = {
    "dose": N_("Dose"), "symptom": N_("Symptom"), "observation": N_("Measurement"), "pump_event": N_("Pump event"),
    "note": N_("Note"), "regimen": N_("Schedule"), "patient": N_("Personal details"), "medication": N_("Medicine"),
    "stock_event": N_("Stock entry"),
}
# Kept as English codes: the page puts them into words (render/sections.py).
_ACTION_WORDS = {"correct": "corrected", "remove": "removed", "restore": "restored", "unremove": "restored"}
_PUMP_EVENT_WORDS = {PumpEventKind.REFILL: N_("pump refill"), PumpEventKind.ALARM: N_("pump alarm"),
                     PumpEventKind.CHECK: N_("pump check"), PumpEventKind.DOSE_CHANGE: N_("pump dose change"),
                     PumpEventKind.CATHETER_PROBLEM: N_("pump catheter problem")}


# A reading's kind and a corrected entry's field, as the report has always written them ("pain nrs",
# "body part"), marked for the catalog; a kind or field not listed is written as it is stored.
_READING_WORDS = {
    "temperature": N_("temperature"), "heart-rate": N_("heart rate"), "respiratory-rate": N_("respiratory rate"),
    "blood-pressure": N_("blood pressure"), "oxygen-saturation": N_("oxygen saturation"),
    "penn-spasm-frequency": N_("penn spasm frequency"), "modified-ashworth": N_("modified ashworth"),
    "pain-nrs": N_("pain nrs"), "weight": N_("weight")}
_FIELD_WORDS = {
    "amount": N_("amount"), "at": N_("at"), "body_part": N_("body part"), "by": N_("by"),
    "concentration_mcg_per_ml": N_("concentration mcg per ml"), "daily_dose_mcg": N_("daily dose mcg"),
    "dose": N_("dose"), "duration_minutes": N_("duration minutes"), "end": N_("end"), "every_days": N_("every days"),
    "for_doctor": N_("for doctor"), "given": N_("given"), "kind": N_("kind"), "low_alarm_ml": N_("low alarm ml"),
    "max_doses_per_day": N_("max doses per day"), "next_refill_due": N_("next refill due"), "note": N_("note"),
    "prescribed_by": N_("prescribed by"), "reason": N_("reason"), "reservoir_ml": N_("reservoir ml"),
    "scheduled": N_("scheduled"), "severity": N_("severity"), "start": N_("start"), "status": N_("status"),
    "symptom": N_("symptom"), "text": N_("text"), "times": N_("times"), "value": N_("value"),
    "volume_ml": N_("volume ml")}


def _reading_words(kind: str) -> str:
    return _(_READING_WORDS[kind]) if kind in _READING_WORDS else kind.replace("-", " ")


def _field_words(field: str) -> str:
    return _(_FIELD_WORDS[field]) if field in _FIELD_WORDS else field.replace("_", " ")


def _pump_event_words(kind: PumpEventKind) -> str:
    """'pump alarm', 'pump catheter problem' in the language in use."""
    return _(_PUMP_EVENT_WORDS[kind])


def _value_text(v: object, tz: tzinfo | None = None, fmt: Formats = ISO) -> str:
    if v is None or v == "":
        return _("(empty)")
    if isinstance(v, str) and len(v) >= 16 and v[4] == "-" and v[10] == "T":
        try:
            v = datetime.fromisoformat(v)
        except ValueError:
            return str(v)
    if isinstance(v, datetime) and tz is not None and v.tzinfo is not None:
        v = v.astimezone(tz)
    if isinstance(v, dict) and "max_doses_per_day" in v:  # as-needed limits (a medicine corrected)
        most = v.get("max_amount_per_day")
        return _limits_words(AsNeededLimits(
            v.get("max_doses_per_day"), v.get("min_interval_hours"),
            Quantity(most["value"], most["unit"]) if isinstance(most, dict) else None))
    if isinstance(v, dict) and "value" in v and "unit" in v:
        return f"{num(v['value'])} {v['unit']}" if isinstance(v["value"], int | float) else f"{v['value']} {v['unit']}"
    if isinstance(v, datetime):
        return fmt.at(v)
    if isinstance(v, Quantity):
        return str(v)
    if isinstance(v, list):
        return ", ".join(_value_text(x, tz, fmt) for x in v) or _("(none)")
    return str(v)


def _describe_record(rev: Revision, history: PatientHistory, tz: tzinfo, fmt: Formats = ISO) -> str:
    word = _(_ENTITY_WORDS[rev.entity]) if rev.entity in _ENTITY_WORDS else rev.entity.replace("_", " ").capitalize()
    src = rev.before or rev.after

    def when(key: str) -> str:
        v = src.get(key)
        if isinstance(v, str) and v:
            try:
                v = datetime.fromisoformat(v)
            except ValueError:
                return str(src.get(key)).replace("T", " ")[:16]
        if isinstance(v, datetime):
            return fmt.at(v.astimezone(tz) if v.tzinfo else v)
        return ""

    if rev.entity == "dose":
        med_id = src.get("medication_id")
        med = history.medication(med_id) if isinstance(med_id, int) else None
        name = med.name if med else str(src.get("medication", "") or "")
        at = when("given") or when("scheduled")
        return _("{entry} of {medicine}").format(entry=word, medicine=name) + (f", {at}" if at else "")
    if rev.entity == "symptom":
        return f"{word} {_symptom_name(str(src.get('symptom', '')))}" + (f", {when('at')}" if when("at") else "")
    if rev.entity == "observation":
        kind = _reading_words(str(src.get("kind", "")))
        return f"{word} {kind}" + (f", {when('at')}" if when("at") else "")
    if rev.entity in ("pump_event", "note"):
        return word + (f", {when('at')}" if when("at") else "")
    if rev.entity == "stock_event":
        med_id = src.get("medication_id")
        med = history.medication(med_id) if isinstance(med_id, int) else None
        return _("{entry} ({kind}) of {medicine}").format(
            entry=word, kind=src.get("kind", ""), medicine=med.name if med else _("a medicine")) + (
            f", {when('at')}" if when("at") else "")
    return word


def _corrections(revisions: Iterable[Revision], history: PatientHistory, start_at: datetime,
                 end_at: datetime, fmt: Formats = ISO) -> list[CorrectionLine]:
    out = []
    for rev in revisions:
        if not (start_at <= rev.changed_at < end_at):
            continue
        changes = []
        if rev.action == "correct":
            for k in sorted(set(rev.before) | set(rev.after)):
                b, a = rev.before.get(k), rev.after.get(k)
                if b != a and k not in ("id", "patient_id", "removed", "amount_normalised"):
                    changes.append(f"{_field_words(k)}: {_value_text(b, history.tz, fmt)} -> "
                                   f"{_value_text(a, history.tz, fmt)}")
        elif rev.action == "remove":
            changes.append(_("entry removed (kept in the journal's history)"))
        else:
            changes.append(_("entry brought back"))
        out.append(CorrectionLine(rev.changed_at, rev.changed_by, _describe_record(rev, history, history.tz, fmt),
                                  _ACTION_WORDS.get(rev.action, rev.action), changes, rev.reason))
    out.sort(key=lambda c: c.changed_at)
    return out


# ----------------------------------------------------------------------------------------------


def _hours_text(t: timedelta) -> str:
    return f"{_fmt_num(round(t.total_seconds() / 3600, 2))} h"


def _definitions(adherence: list[Adherence]) -> list[str]:
    """How the dose table is counted, with the plan's numbers for each medicine."""
    on_time = _hours_text(ON_TIME_WINDOW)
    out = [
        _("Each planned time is counted once, on its own day, with the same answer as the Today page and "
          "the safety checks: a dose given after midnight for the evening time counts for that evening."),
        _("On time: given within {on_time} of the planned time (before or after). Late: more than {on_time} "
          "after it. Early: more than {on_time} before it.").format(on_time=on_time),
    ]
    for ad in adherence:
        if ad.as_needed or not ad.slots:
            continue
        w = ad.match_windows
        within = (_hours_text(w[0]) if len(w) == 1
                  else _("{low} to {high}").format(low=_hours_text(w[0]), high=_hours_text(w[-1])))
        out.append(_("{medicine}: a dose logged without its time answers the nearest open planned time "
                     "within {within} (at most half the time between two planned doses); nothing logged "
                     "{grace} after a planned time counts as missed (nothing logged).").format(
            medicine=ad.medication, within=within, grace=_hours_text(ad.timing.grace)))
    out += [
        _("Missed (noted): a caregiver noted it was not given. Times not yet due, or still within that "
          "grace time when the report was made, are not counted yet. Nothing before the journal's first "
          "entry for a medicine is counted."),
        _("Percentages are of the planned doses counted in the period. Extra: doses given that answer no "
          "planned time (as-needed doses, or a time logged twice)."),
        _("Gaps are measured between doses marked as given; a vomited dose does not count as given."),
    ]
    return out


def _notes(history: PatientHistory, start_at: datetime, end_at: datetime, fmt: Formats = ISO) -> list[NoteLine]:
    """The caregiver's notes of the period: the note entries, and the notes written on doses,
    symptoms and readings (each saying what it was written on)."""
    tz = history.tz
    out = [NoteLine(n.at, n.text) for n in history.notes
           if not n.removed and not n.for_doctor and start_at <= n.at < end_at]
    for d in history.doses:
        if d.note and not d.removed and start_at <= d.at < end_at:
            m = history.medication(d.medication_id)
            slot = (_(", for the {time} dose").format(time=fmt.clock(d.scheduled.astimezone(tz)))
                    if d.scheduled else "")
            out.append(NoteLine(d.at, _("Dose of {medicine} ({status}{slot}): {note}").format(
                medicine=m.name if m else _("a medicine"), status=status_word(d.status), slot=slot, note=d.note)))
    for sy in history.symptoms:
        if sy.note and not sy.removed and start_at <= sy.at < end_at:
            sev = _(", severity {n}/10").format(n=sy.severity) if sy.severity is not None else ""
            out.append(NoteLine(sy.at, _("Symptom {name}{severity}: {note}").format(
                name=_symptom_name(sy.symptom), severity=sev, note=sy.note)))
    for o in history.observations:
        if o.note and not o.removed and start_at <= o.at < end_at:
            out.append(NoteLine(o.at, _("Reading {kind} {value}: {note}").format(
                kind=_reading_words(o.kind.value), value=o.value, note=o.note)))
    out.sort(key=lambda n: n.at.timestamp())
    return out


def _planned_changes(history: PatientHistory, generated_at: datetime, fmt: Formats = ISO) -> list[DoseChange]:
    """Schedule changes saved for the days after the report was made (a taper step next week, a
    medicine starting next week), so the doctor sees what is already planned."""
    today = generated_at.astimezone(history.tz).date()
    last = max((r.start for m in history.medications for r in m.regimens), default=today)
    last = max([last] + [r.end + timedelta(days=1) for m in history.medications for r in m.regimens
                         if r.end is not None])
    if last <= today:
        return []
    return _dose_changes(history, today + timedelta(days=1), last, fmt)


# The readings the "pulse, blood pressure, breathing and oxygen" section sums up, in its order.
# (Temperature, the Penn score and pain have their charts; weight and the Ashworth grade are not vital signs.)
VITAL_READINGS = (ObservationKind.HEART_RATE, ObservationKind.BLOOD_PRESSURE, ObservationKind.RESPIRATORY_RATE,
                  ObservationKind.OXYGEN_SATURATION)


def _vital_readings(history: PatientHistory, start_at: datetime, end_at: datetime) -> list[ReadingRange]:
    """For each kind of VITAL_READINGS recorded in [start_at, end_at) (removed ones left out): how
    many, the lowest, the highest and the latest; kinds with none are left out. Values as stored."""
    out = []
    for kind in VITAL_READINGS:
        found = sorted((ReadingValue(o.at, float(o.value), o.value2) for o in history.observations
                        if o.kind is kind and not o.removed and start_at <= o.at < end_at
                        and isinstance(o.value, int | float) and not isinstance(o.value, bool)),
                       key=lambda r: r.at.timestamp())
        if not found:
            continue
        out.append(ReadingRange(kind.value, len(found), min(found, key=lambda r: (r.value, r.value2 or 0.0)),
                                max(found, key=lambda r: (r.value, r.value2 or 0.0)), found[-1]))
    return out


def period_bounds(tz: tzinfo, start: date, end: date) -> tuple[datetime, datetime]:
    """The period's first instant and the instant just after its last day."""
    return (datetime.combine(start, time(0, 0), tzinfo=tz),
            datetime.combine(end + timedelta(days=1), time(0, 0), tzinfo=tz))


def add_alerts(data: ReportData, alerts: Iterable[Alert], acks: Iterable[Acknowledgement]) -> ReportData:
    """The same report with these alerts (and their acknowledgements) in it: what `build_report`
    gives with them, without working out the rest of the period again."""
    return replace(data, alerts=_alert_lines(alerts, acks))


def build_report(
    history: PatientHistory,
    alerts: Iterable[Alert],
    acks: Iterable[Acknowledgement],
    revisions: Iterable[Revision],
    period_start: date,
    period_end: date,
    generated_at: datetime,
    *,
    catalog: SymptomCatalog | None = None,
    timing_for: TimingFn | None = None,
    date_format: str = "%Y-%m-%d",
    time_format: str = "%H:%M",
    temperature_unit: str = "C",
) -> ReportData:
    """Everything the doctor-visit report shows for one person and one period (days inclusive).

    `history` must cover the period (plus `last_given` and earlier pump events, as
    `Journal.history()` gives them); `alerts` are the alerts raised in the period (see
    `journal.services.reports.alerts_in_period`); `acks` and `revisions` may cover more, only
    those that belong to the period or to its alerts are used. `catalog` (default: the installed
    symptom catalog) gives the symptom tiers and the temperature limits; temperatures are shown in
    `temperature_unit` ("C" or "F", stored in °C)."""
    if period_end < period_start:
        raise ValueError("the report's period ends before it starts")
    if generated_at.tzinfo is None:
        raise ValueError("generated_at must be an aware datetime")
    tz = history.tz
    cat = default_catalog() if catalog is None else catalog
    start_at, end_at = period_bounds(tz, period_start, period_end)
    last_day = min(period_end, generated_at.astimezone(tz).date())
    pump = _pump_settings(history.pump_events, min(end_at, generated_at))
    if pump is not None and not any(_uses_mcg(m) for m in history.medications) and pump.daily_dose_mcg is None:
        pump = None
    fmt = Formats(date_format, time_format)
    changes = _dose_changes(history, period_start, period_end, fmt)
    adherence, daily = _adherence(history, start_at, end_at, generated_at, period_start, period_end,
                                  timing_for or (lambda _m: PlanTiming()))
    definitions = _definitions(adherence)
    return ReportData(
        header=_header(history, period_start, period_end, generated_at),
        medicines=_medicines(history, last_day, pump, fmt),
        pump=pump,
        dose_changes=changes,
        planned_changes=_planned_changes(history, generated_at, fmt),
        vital_readings=_vital_readings(history, start_at, end_at),
        adherence=adherence,
        alerts=_alert_lines(alerts, acks),
        timeline=_timeline(history, changes, adherence, start_at, end_at, cat, temperature_unit),
        symptom_counts=_symptom_counts(history, start_at, end_at, cat),
        charts=_charts(history, daily, start_at, end_at, cat, temperature_unit),
        pump_events=_pump_event_lines(history, start_at, end_at, fmt),
        notes=_notes(history, start_at, end_at, fmt),
        doctor_questions=[NoteLine(n.at, n.text) for n in history.notes
                          if not n.removed and n.for_doctor and start_at <= n.at < end_at],
        corrections=_corrections(revisions, history, start_at, end_at, fmt),
        definitions=definitions,
        date_format=date_format,
        time_format=time_format,
        temperature_unit=temperature_unit,
        period_start_at=start_at,
        period_end_at=min(end_at, max(start_at, generated_at)),
    )
