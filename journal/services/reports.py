"""The doctor-visit report use case: read one person's period from the journal, work out which
safety alerts were raised during it, and hand plain report data to the renderer.

Alerts "raised in the period" are found by running the safety checks again as of a few instants
(the end of every day, just after every symptom, measurement and pump event, just after every
slot that ended up missed, and the start of every dose change), each time on the history as it
stood then, and keeping each situation (alert key) once, at its most severe.
"""

from __future__ import annotations

import bisect
import logging
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from journal.domain import (
    Acknowledgement,
    Alert,
    Dose,
    Medication,
    Patient,
    PatientHistory,
    PumpEvent,
    PumpEventKind,
    Regimen,
    Revision,
    saved_id,
)
from journal.domain.i18n import _
from journal.reports.data import (
    ReportData,
    add_alerts,
    build_report,
    period_bounds,
)
from journal.rules import engine as checks_engine
from journal.schedule import CONTEXT, Outcome, PlanTiming

from .errors import NotFound, ValidationError
from .validation import check_plausible_day

if TYPE_CHECKING:
    from .journal import Settings

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
# How long the missed-dose check keeps listing a missed slot (drug data: missed_dose_lookback_hours).
MISSED_LOOKBACK = timedelta(hours=24)
# How far back the history is read for a report made without the alerts.
DEFAULT_LOOKBACK = timedelta(days=21)


class _Journal(Protocol):
    """What the report reads of the journal service (`journal.Journal` is one)."""

    @property
    def tz(self) -> tzinfo: ...

    def now(self) -> datetime: ...
    def find_patient(self, name: str) -> Patient: ...
    def get_patient(self, patient_id: int) -> Patient: ...
    def get_settings(self) -> Settings: ...
    def history(self, patient_id: int, start: datetime, end: datetime) -> PatientHistory: ...
    def acknowledgements(self, patient_id: int | None, start: datetime | None = None,
                         end: datetime | None = None) -> list[Acknowledgement]: ...
    def revisions(self, patient_id: int | None, start: datetime | None = None,
                  end: datetime | None = None) -> list[Revision]: ...
    def snapshot(self) -> AbstractContextManager[object]: ...


@dataclass
class Period:
    start: date
    end: date


def resolve_period(tz: tzinfo, now: datetime, start: date | None, end: date | None,
                   days: int = DEFAULT_DAYS) -> Period:
    """The report's days: by default the last `days` days up to today (inclusive)."""
    check_plausible_day(start, "--from")
    check_plausible_day(end, "--to")
    today = now.astimezone(tz).date()
    end = end or (today if start is None else max(start, today))
    start = start or end - timedelta(days=days - 1)
    if start > end:
        raise ValidationError("--from", _("the first day ({first}) is after the last day ({last})").format(
            first=start.isoformat(), last=end.isoformat()))
    if start > today:
        raise ValidationError("--from", _("{day} is in the future").format(day=start.isoformat()))
    return Period(start, end)


def find_person(journal: _Journal, who: str | int) -> Patient:
    if isinstance(who, int):
        return journal.get_patient(who)
    try:
        return journal.find_patient(who)
    except NotFound:
        if who.strip().isdigit():
            return journal.get_patient(int(who.strip()))
        raise


def _engine() -> tuple[Callable[..., list[Alert]], timedelta]:
    """The checks and how far back their rules read (journal.rules.engine); a test replaces it."""
    return checks_engine.run_checks, checks_engine.LOOKBACK


def plan_timing_fn() -> Callable[[Medication], PlanTiming]:
    """The plan's numbers for each medicine from the drug data, as the checks and Today use them."""
    from journal.rules.common import plan_timing

    return plan_timing


T = TypeVar("T")


def _window(items: Sequence[T], keys: list[float], lo: float, hi: float) -> list[T]:
    return list(items[bisect.bisect_left(keys, lo):bisect.bisect_right(keys, hi)])


@dataclass(eq=False)
class _RememberingMedication(Medication):
    """The same medication, remembering which regimen is in force on each day: the checks ask
    this thousands of times when they run again at every instant of a long period."""

    def __post_init__(self) -> None:
        self._on_day: dict[date, Regimen | None] = {}

    def regimen_on(self, day: date) -> Regimen | None:
        try:
            return self._on_day[day]
        except KeyError:
            found = self._on_day[day] = super().regimen_on(day)
            return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Medication):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Medication))

    __hash__ = None  # type: ignore[assignment]


def _remembering(m: Medication) -> Medication:
    return _RememberingMedication(**{f.name: getattr(m, f.name) for f in fields(Medication)})


class _Slicer:
    """The history as it stood at an instant, cut from one bigger history (cheap: bisect)."""

    def __init__(self, full: PatientHistory, lookback: timedelta) -> None:
        self.full = full
        self.lookback = lookback
        self.medications = [_remembering(m) for m in full.medications]
        self.doses = sorted(full.doses, key=lambda d: d.at.timestamp())
        self.dose_keys = [d.at.timestamp() for d in self.doses]
        self.symptoms = sorted(full.symptoms, key=lambda s: s.at.timestamp())
        self.symptom_keys = [s.at.timestamp() for s in self.symptoms]
        self.observations = sorted(full.observations, key=lambda o: o.at.timestamp())
        self.observation_keys = [o.at.timestamp() for o in self.observations]
        self.pump = sorted(full.pump_events, key=lambda e: e.at.timestamp())
        self.pump_keys = [e.at.timestamp() for e in self.pump]
        self.notes = sorted(full.notes, key=lambda n: n.at.timestamp())
        self.note_keys = [n.at.timestamp() for n in self.notes]
        # doses that may come off a stock at an earlier instant: those since the last count, and
        # the period's own (an earlier count is judged with them; stock_level picks its own)
        self.stock_doses: dict[int, list[Dose]] = {}
        for med_id, since_count in full.stock_doses.items():
            seen = {d.id for d in since_count}
            self.stock_doses[med_id] = sorted(
                [*since_count, *(d for d in full.doses if d.medication_id == med_id and d.id not in seen)],
                key=lambda d: d.at.timestamp())
        # given doses per medication, for `last_given` as of an instant
        self.given: dict[int, tuple[list[float], list[Dose]]] = {}
        for d in self.doses:
            if d.status.was_given and d.medication_id is not None:
                keys, ds = self.given.setdefault(d.medication_id, ([], []))
                keys.append(d.at.timestamp())
                ds.append(d)

    def at(self, now: datetime) -> PatientHistory:
        hi = now.timestamp()
        lo = (now - self.lookback).timestamp()
        last_given: dict[int, Dose] = {}
        for med_id, before in self.full.last_given.items():
            if before.at.timestamp() <= hi:
                last_given[med_id] = before
        for med_id, (keys, ds) in self.given.items():
            i = bisect.bisect_right(keys, hi)
            if i:
                last_given[med_id] = ds[i - 1]
        # pump events in the window, plus the latest of each kind before it (refill, alarm, ...)
        i_lo = bisect.bisect_left(self.pump_keys, lo)
        i_hi = bisect.bisect_right(self.pump_keys, hi)
        earlier: dict[PumpEventKind, PumpEvent] = {}
        for e in self.pump[:i_lo]:
            earlier[e.kind] = e
        pump = sorted(earlier.values(), key=lambda e: e.at.timestamp()) + self.pump[i_lo:i_hi]
        return PatientHistory(
            patient=self.full.patient, tz=self.full.tz, start=now - self.lookback, end=now,
            medications=self.medications,
            doses=_window(self.doses, self.dose_keys, lo, hi),
            symptoms=_window(self.symptoms, self.symptom_keys, lo, hi),
            observations=_window(self.observations, self.observation_keys, lo, hi),
            pump_events=pump,
            notes=_window(self.notes, self.note_keys, lo, hi),
            last_given=last_given, stock_doses=self.stock_doses, stock_given=self.full.stock_given,
            first_entry=self.full.first_entry, first_dose=self.full.first_dose,
        )


def check_instants(full: PatientHistory, start_at: datetime, end_at: datetime, now: datetime,
                   extra: Sequence[datetime] = ()) -> list[datetime]:
    """When to look: the end of every day (the rules read the last 24 h of entries and slots,
    so this sees every symptom, reading and dose of the day), the end of the period, and the
    given extra instants (thresholds crossed during the day: missed slots, long gaps, changes,
    refill dates). A late slot of the last day passes its grace period after midnight: that
    instant is looked at too (up to half a day after the period, and not after `now`)."""
    tz = full.tz
    stop = min(end_at, now)
    out: set[datetime] = set()
    day = start_at.astimezone(tz).date()
    while True:
        t = datetime.combine(day, time(23, 59), tzinfo=tz)
        if t > stop:
            break
        out.add(t)
        day += timedelta(days=1)
    out.add(stop)
    late_stop = min(end_at + CONTEXT, now)
    for t in extra:
        if start_at <= t <= stop or (end_at < t <= late_stop):
            out.add(t)
    return sorted(out, key=lambda t: t.timestamp())


def threshold_instants(data: ReportData, full: PatientHistory) -> list[datetime]:
    """Moments inside a day when a time-driven alert can start or get worse: just after a slot
    passed without a dose, along a long gap (when it passes the schedule's interval + 6 h and
    18 h, and just before it ends), the first minute of a dose change, and the pump's refill
    dates (7 and 3 days before, and the day after)."""
    tz = full.tz
    minute = timedelta(minutes=1)
    out: list[datetime] = []
    for a in data.adherence:
        grace = a.timing.grace
        for s in a.slots:
            if s.outcome.not_given or s.outcome is Outcome.VOMITED:
                # when it becomes missed, and when it leaves the missed-dose check's 24 h look-back
                # (the remaining missed slots then make a new alert)
                out += [s.slot + grace + minute, s.slot + grace + MISSED_LOOKBACK + minute]
        for g in a.gaps:
            if g.expected_hours is None or g.hours <= g.expected_hours:
                continue
            for h in (g.expected_hours + 6.0, 18.0):
                if h < g.hours:
                    out.append(g.start + timedelta(hours=h) + minute)
            out += [g.end - minute, g.end + minute]
    out += [datetime.combine(c.day, time(0, 1), tzinfo=tz) for c in data.dose_changes]
    for e in full.pump_events:
        if e.next_refill_due is not None:
            for days in (7, 3, -1):
                out.append(datetime.combine(e.next_refill_due - timedelta(days=days), time(0, 1), tzinfo=tz))
    return out


def alerts_in_period(full: PatientHistory, start_at: datetime, end_at: datetime, now: datetime, *,
                     emergency_number: str = "911", extra_instants: Sequence[datetime] = (),
                     run_checks: Callable[..., list[Alert]] | None = None,
                     lookback: timedelta | None = None, temperature_unit: str = "C") -> list[Alert]:
    """Every alert the checks raise at some instant of the period, once per situation (key), at
    its most severe (temperatures written in `temperature_unit`, "C" or "F")."""
    if run_checks is None:
        found = _engine()
        run_checks, lookback = found[0], lookback or found[1]
    slicer = _Slicer(full, lookback or DEFAULT_LOOKBACK)
    best: dict[str, Alert] = {}
    shared: dict[tuple[object, ...], object] = {}  # what the checks know of the schedules, for every instant
    for t in check_instants(full, start_at, end_at, now, extra_instants):
        # The report counts nothing before the journal began, its alerts neither.
        for alert in run_checks(slicer.at(t), t, emergency_number=emergency_number, before_journal=False,
                                temperature_unit=temperature_unit, shared=shared):
            if t > end_at and alert.since >= end_at:
                continue  # looked after the period for its last slots: what began later is not in it
            seen = best.get(alert.key)
            if seen is None or alert.severity.rank > seen.severity.rank:
                best[alert.key] = alert
    return sorted(best.values(), key=lambda a: (a.since.timestamp(), -a.severity.rank))


def build_for(journal: _Journal, patient: str | int, start: date | None = None, end: date | None = None,
              now: datetime | None = None, *, with_alerts: bool = True) -> ReportData:
    """The doctor-visit report's data for one person (name or id); default: the last 30 days."""
    now = now or journal.now()
    tz = journal.tz
    person = find_person(journal, patient)
    pid = saved_id(person.id)
    period = resolve_period(tz, now, start, end)
    start_at, end_at = period_bounds(tz, period.start, period.end)
    found = _engine() if with_alerts else None
    lookback = found[1] if found else DEFAULT_LOOKBACK
    with journal.snapshot():  # one snapshot: the report is built on a worker while the window writes
        # Half a day after the period too: a 23:00 dose given at 00:40 belongs to the period's last day.
        full = journal.history(pid, start_at - lookback, min(end_at + CONTEXT, max(now, start_at)))
        settings = journal.get_settings()
        acks = journal.acknowledgements(pid)
        revisions = journal.revisions(pid, start_at, end_at)
    # First without alerts: its missed slots and dose changes tell when else to look.
    timing = plan_timing_fn()
    data = build_report(full, [], acks, revisions, period.start, period.end, now,
                        timing_for=timing, date_format=settings.date_format, time_format=settings.time_format,
                            temperature_unit=settings.temperature_unit)
    alerts: list[Alert] | None = None
    if found is not None:
        extra = threshold_instants(data, full)
        try:
            alerts = alerts_in_period(full, start_at, end_at, now, emergency_number=settings.emergency_number,
                                      extra_instants=extra, run_checks=found[0], lookback=lookback,
                                      temperature_unit=settings.temperature_unit)
        except Exception:  # noqa: BLE001 - the report still goes out, and says the alerts are missing
            log.debug("the safety checks failed while making the report", exc_info=True)
            alerts = None
    if alerts:
        data = add_alerts(data, alerts, acks)
    data.alerts_checked = alerts is not None
    return data


def write_pdf(data: ReportData, out: str | Path, page_size: str | None = None, *,
              journal_path: Path | str | None = None) -> int:
    """Render the report to a PDF file (A4 or Letter; default from the system's locale); returns
    the number of pages. Written through journal.services.output: `journal_path` refuses the
    journal's own files (ValidationError naming --out), and a PDF that did not come out whole
    (a full disk) raises OutputError with the previous file of that name left as it was."""
    from journal.reports import render

    from .output import atomic_output, check_output_path

    path = Path(out)
    if journal_path is not None:
        path = check_output_path(path, journal_path, arg="--out")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise ValidationError("--out", _("the folder {folder} does not exist").format(folder=folder))
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OSError(_("cannot write {path}: permission denied").format(path=path))
    render.ensure_gui_app()
    with atomic_output(path, check=pdf_problem) as tmp:
        pages = render.write_pdf(data, tmp, page_size or render.default_page_size())
    return pages


def pdf_problem(path: Path) -> str | None:
    """None when `path` holds a whole PDF (its header, and the end-of-file mark Qt writes last);
    else what is wrong. Qt's PDF writer does not report write errors, so this is how a PDF cut
    short by a full disk is caught."""
    with path.open("rb") as f:
        head = f.read(5)
        f.seek(max(0, path.stat().st_size - 64))
        tail = f.read()
    if head != b"%PDF-":
        return _("the file does not start like a PDF")
    if b"%%EOF" not in tail:
        return _("the PDF was cut off before its end")
    return None
