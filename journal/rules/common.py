"""What every rule shares: the evaluation context (history, now, drug knowledge, cached views of
the schedule) and the wording helpers that keep alerts consistent.

All time arithmetic is done in UTC: Python subtracts two datetimes of the same zone by wall
clock, which is wrong across a daylight-saving change.

Over 500 lines: what every rule shares (the evaluation context and its memo of schedule facts);
splitting the context's memo from the wording helpers is the next step (issue 20, not done yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import TypeVar, cast

from journal.domain import (
    Alert,
    Dose,
    DoseStatus,
    Form,
    Medication,
    Observation,
    PatientHistory,
    PumpEventKind,
    Quantity,
    QuantityError,
    Regimen,
    Route,
    Severity,
    SymptomEntry,
    normalise,
)
from journal.domain.i18n import N_, _, ngettext
from journal.domain.shown import num, source_name, status_name
from journal.knowledge import DrugLibrary, DrugProfile, KnowledgeError, default_library
from journal.knowledge.rule_topics import RULE_TOPICS
from journal.schedule import (
    MedicinePlan,
    PlanTiming,
    Slot,
    SlotSpan,
    SlotState,
    journal_began,
    plan_medicine,
    regimen_days,
    shortest_gap,
)
from journal.schedule.as_needed import AsNeededLimit, ProfileNumbers, limits_for
from journal.schedule.as_needed import dose_mg as _dose_mg
from journal.schedule.pump import ProgrammeStep, daily_mcg_on, programme
from journal.schedule.pump import changes as programme_changes

T = TypeVar("T")

# DoseStatus.was_given as a tuple (its statuses, read from it): tested by identity, without a call per dose.
_GIVEN_STATUSES = tuple(s for s in DoseStatus if s.was_given)
_ZERO = timedelta(0)
_FIRST = itemgetter(0)

NOT_ADVICE = N_("This is not medical advice.")

REFERENCE = RULE_TOPICS  # which topic explains each rule's alert (journal.knowledge.rule_topics)


@lru_cache(maxsize=4096)
def _amount_mg(q: Quantity, strength: Quantity | None) -> float | None:
    """Remembered: quantities are frozen, and a journal repeats the same few amounts (the checks
    ask thousands of times a run: issue 17)."""
    try:
        return normalise(q, strength).to_mg()
    except QuantityError:
        return None


def utc(t: datetime) -> datetime:
    return t if t.tzinfo is UTC else t.astimezone(UTC)


def hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600.0


def fmt_hours(delta: timedelta) -> str:
    h = hours(delta)
    if h < 1:
        return _("{n} min").format(n=max(0, round(h * 60)))
    if h < 48:
        whole = int(h)
        minutes = int(round((h - whole) * 60))
        if minutes == 60:
            whole, minutes = whole + 1, 0
        return (_("{hours} h").format(hours=whole) if minutes == 0
                else _("{hours} h {minutes} min").format(hours=whole, minutes=f"{minutes:02d}"))
    return _("{days} days").format(days=num(h / 24, ".1f"))


def and_join(items: Iterable[str]) -> str:
    """'a and b and c' in the language in use (the alerts' way of joining a few causes)."""
    out = ""
    for item in items:
        out = item if not out else _("{first} and {second}").format(first=out, second=item)
    return out


# A severity as a lower-case word inside an alert's evidence ("...: urgent").
SEVERITY_WORDS = {"emergency": N_("emergency"), "urgent": N_("urgent"), "warning": N_("warning"), "info": N_("info")}


def severity_word(severity: Severity) -> str:
    return _(SEVERITY_WORDS[severity.value])


def shorten(items: list[str], keep: int = 6) -> str:
    """'a; b; c' for a few items; the first and last ones with a count for a long list."""
    if len(items) <= keep:
        return "; ".join(items)
    more = len(items) - 4
    return "; ".join(items[:3]) + "; " + ngettext("... {n} more ...", "... {n} more ...", more).format(n=more) \
        + "; " + items[-1]


def lower_first(text: str) -> str:
    """A label inside a sentence: 'Itching with no rash' -> 'itching with no rash'."""
    return text[:1].lower() + text[1:]


def fmt_mg(mg: float) -> str:
    if mg < 1 and mg > 0:
        return f"{num(mg * 1000)} mcg"
    return f"{num(round(mg, 2))} mg"


def plan_timing(m: Medication, library: DrugLibrary | None = None) -> PlanTiming:
    """The plan's matching window and grace period for a medicine, from its drug profile (the
    general numbers, resources/general-medicine.json, for a drug the data does not know; the
    defaults of journal.schedule.plan when the drug data cannot be read: the checks then say so). Today, the reminders and the report get
    their numbers here, the checks from the same profile through CheckContext.timing."""
    try:
        lib = library or default_library()
    except (KnowledgeError, OSError):
        return PlanTiming()
    return PlanTiming.of(lib.profile_or_general(m))
# What each kind of Event is called in an alert's words, in the order they are listed.
CAUSE_WORDS = (("missed", N_("missed doses")), ("cut", N_("a lower dose")), ("pump", N_("a pump problem")),
               ("rise", N_("a dose increase")), ("double", N_("a double dose")), ("extra", N_("an extra dose")),
               ("large", N_("a larger dose than planned")))


def cause_words(kinds: Iterable[str], fallback: str = N_("a change")) -> str:
    """'missed doses and a pump problem' for the kinds of some events (Event.kind values), in the
    language in use; `fallback` is marked with N_ by the caller and translated here."""
    present = set(kinds)
    return and_join(_(w) for k, w in CAUSE_WORDS if k in present) or _(fallback)


@dataclass(frozen=True)
class Event:
    """Something on the timeline that can explain a symptom (a gap, a cut, an increase...)."""

    at: datetime
    text: str
    medication: Medication | None = None
    kind: str = ""  # "missed", "cut", "pump", "rise", "double", "extra"
    window: timedelta | None = None  # how long after it a symptom is linked to it (None: the profile's)


@dataclass(frozen=True)
class Change:
    """A change of the planned daily amount between two consecutive days."""

    day: date  # first day at the new amount
    before_mg: float
    after_mg: float


@dataclass
class CheckContext:
    history: PatientHistory
    now: datetime
    library: DrugLibrary
    emergency_number: str = "911"
    whole_plan: bool = False
    temperature_unit: str = "C"  # how a temperature is written in a message ("C" or "F", Settings)  # judge every future step of the schedule (the check before saving)
    before_journal: bool = True  # ask about the day before the journal began (see asked_from)
    # Entries that an escalation alert already explains, with that alert's severity rank, so that
    # red-flag-symptom and abnormal-vital do not repeat them at the same or a lower level.
    explained: dict[int, int] = field(default_factory=dict)
    # Medication id -> time of the last dose before a gap that abrupt-stop reports.
    gap_reported: dict[int, datetime] = field(default_factory=dict)
    _states: dict[int, MedicinePlan] = field(default_factory=dict)
    # One answer per question and check run; each key's own function casts back to what it stored.
    _memo: dict[tuple[object, ...], object] = field(default_factory=dict)
    # What does not depend on the instant checked (the slots a schedule plans, a day's planned
    # amount of a medicine without a pump), kept across the runs of one report over a period, which
    # checks the same history at hundreds of instants. None: kept for this run only. See `lasting`.
    shared: dict[tuple[object, ...], object] | None = None
    _days: dict[int, tuple[datetime, date]] | None = field(default=None, init=False, repr=False)  # see local_day

    # ----------------------------------------------------------------- basics
    @property
    def lasting(self) -> dict[tuple[object, ...], object]:
        """Where to keep a fact that depends only on the medications (and their regimens), not on
        the instant or the doses: the report's `shared` memo, else this run's. Keys name objects by
        identity, so the medications must be the same objects in every run that shares it."""
        return self.shared if self.shared is not None else self._memo

    def schedule_fact(self, m: Medication, key: tuple[object, ...], compute: Callable[..., T], *args: object) -> T:
        """`compute(*args)`, an answer read from the planned amounts of `m`'s drug family over some days,
        remembered for this run, or across a report's runs (`lasting`) when none of that family is
        a pump: its amounts then follow the regimens alone (a pump's also follow its logged events).
        `key` must name everything else `compute` reads (the medicine, the days). With a pump in
        the family, the history's pump events are part of the key (`pump_events_key`): a report's
        runs share the answer while the same events are in view."""
        if any(self.is_pump(o) for o in self.siblings(m)):
            key = (*key, self.pump_events_key())
        memo = self.lasting
        if key not in memo:
            memo[key] = compute(*args)
        return cast(T, memo[key])

    def pump_events_key(self) -> tuple[object, ...]:
        """The history's pump events, by identity, as part of a `lasting` key: what a pump's planned
        amounts read besides its regimens and the zone (`programme`). The events are held in
        `lasting` under that key, so while it is kept no other object can take one of their ids;
        a run whose events are not those very objects gets a key of its own."""
        found = cast("tuple[object, ...] | None", self._memo.get(("pump-events-key",)))
        if found is None:
            events = tuple(self.history.pump_events)
            found = ("pump-events", tuple(id(e) for e in events))
            held = cast("tuple[object, ...] | None", self.lasting.setdefault(found, events))
            if held is not events and (held is None or len(held) != len(events)
                                       or any(a is not b for a, b in zip(held, events, strict=True))):
                found = ("pump-events-of-run", id(self))  # cannot happen while held; never shared then
            self._memo[("pump-events-key",)] = found
        return found

    def describe(self, entry: Observation | SymptomEntry) -> str:
        """The catalog's words for a sign or reading, temperatures in the person's unit."""
        return self.library.catalog.describe(entry, self.temperature_unit)

    @property
    def tz(self) -> tzinfo:
        """The journal's zone. One that never changed is given as its ZoneInfo: the same local
        times as the JournalZone, converted without a call into Python each (issue 17)."""
        return self._local_zone

    @cached_property
    def today(self) -> date:
        """The local date of `now` (a context is made for one instant: `now` never changes)."""
        return self.now.astimezone(self.tz).date()

    @cached_property
    def now_utc(self) -> datetime:
        """`now` in UTC (asked for every dose by several rules)."""
        return utc(self.now)

    def local(self, t: datetime) -> datetime:
        return t.astimezone(self._local_zone)

    @cached_property
    def _local_zone(self) -> tzinfo:
        """The zone `local` converts to: a journal that never moved converts straight to its one
        zone (the same datetimes as through the JournalZone, whose conversion gives that zone's)."""
        tz = self.history.tz
        return getattr(tz, "only_zone", None) or tz

    def fmt(self, t: datetime) -> str:
        """Local 'YYYY-MM-DD HH:MM'; on the autumn night a clock time happens twice, with its offset
        ('2026-11-01 01:30 -05:00') so the two are told apart."""
        local = self.local(t)
        text = local.strftime("%Y-%m-%d %H:%M")
        other = local.replace(fold=1 - local.fold)
        if other.utcoffset() != local.utcoffset():
            text += local.strftime(" %z")[:-2] + ":" + local.strftime("%z")[-2:]
        return text

    def fmt_ago(self, t: datetime) -> str:
        return _("{when} ({ago} ago)").format(when=self.fmt(t), ago=fmt_hours(utc(self.now) - utc(t)))

    def day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.tz).astimezone(UTC).astimezone(self.tz)

    def ago(self, t: datetime) -> timedelta:
        return self.now_utc - utc(t)

    def within(self, t: datetime, window: timedelta) -> bool:
        """t is in (now - window, now]."""
        d = self.now_utc - (t if t.tzinfo is UTC else t.astimezone(UTC))  # self.ago(t), asked for every entry
        return _ZERO <= d < window

    # ----------------------------------------------------------------- medications
    def every_medication(self) -> list[tuple[Medication, DrugProfile]]:
        """Every medication with its drug profile, or the general numbers
        (resources/general-medicine.json) for one the journal has no profile for: the rules for
        every medicine (missed, double, over-prescribed, as-needed, stock) iterate this."""
        key = ("every-medication",)
        if key not in self.lasting:
            self.lasting[key] = [(m, self.library.profile_or_general(m)) for m in self.history.medications]
        return list(cast("list[tuple[Medication, DrugProfile]]", self.lasting[key]))

    @staticmethod
    def is_general(p: DrugProfile) -> bool:
        """True for the general numbers (a medicine the journal has no drug profile for)."""
        return not p.drug

    def prn_limit(self, m: Medication, p: DrugProfile) -> AsNeededLimit:
        """The as-needed limits in force for `m` (schedule.as_needed.limits_for with `p`'s numbers)."""
        return limits_for(m, prn_numbers(p))

    def profiled(self) -> list[tuple[Medication, DrugProfile]]:
        """The medications the drug data knows, with their profiles (remembered: asked thousands
        of times a run)."""
        key = ("profiled",)
        if key not in self.lasting:
            out = []
            for m in self.history.medications:
                p = self.library.profile_for(m)
                if p is not None:
                    out.append((m, p))
            self.lasting[key] = out
        return list(cast("list[tuple[Medication, DrugProfile]]", self.lasting[key]))

    @staticmethod
    def route(m: Medication) -> str:
        return "intrathecal" if m.route is Route.INTRATHECAL else ("oral" if m.route is Route.ORAL else "other")

    @staticmethod
    def amount_mg(m: Medication, q: Quantity | None) -> float | None:
        """`q` in mg with the medicine's strength (normalise), None when it cannot be converted."""
        if q is None:
            return None
        return _amount_mg(q, m.strength)

    def dose_mg(self, m: Medication, d: Dose) -> float | None:
        """In mg; nothing entered: the amount that day's regimen plans (schedule.as_needed.dose_mg).
        Remembered (`lasting`): a record and the regimens do not change between runs."""
        key = ("dose-mg", id(m), id(d))
        memo = self.lasting
        if key not in memo:
            memo[key] = _dose_mg(m, d, self.tz)
        return cast("float | None", memo[key])

    def per_dose_mg(self, m: Medication, reg: Regimen) -> float | None:
        """One planned dose of a regimen of `m` in mg (None: cannot be told). Remembered (`lasting`)."""
        key = ("regimen-mg", id(m), id(reg))
        memo = self.lasting
        if key not in memo:
            memo[key] = self.amount_mg(m, reg.dose)
        return cast("float | None", memo[key])

    def dosing_day_mg(self, m: Medication, reg: Regimen) -> float:
        """Total on a day the regimen gives doses (a pump regimen's dose is already per day)."""
        each = self.per_dose_mg(m, reg) or 0.0
        if m.route is Route.INTRATHECAL or m.form is Form.PUMP:
            return each
        return each * len(reg.times)

    def planned_daily_mg(self, m: Medication, day: date) -> float:
        """Planned amount per day, averaged over every-N-days schedules (0 when nothing is planned)."""
        # Without a pump it is the regimens' answer alone; a pump's also follows its logged events.
        key = ("daily", id(m), day, self.pump_events_key()) if self.is_pump(m) else ("daily", id(m), day)
        memo = self.lasting
        if key not in memo:
            memo[key] = self._planned_daily_mg(m, day)
        return cast(float, memo[key])

    def _planned_daily_mg(self, m: Medication, day: date) -> float:
        if self.is_pump(m):
            # One answer for the pump's dose: regimens and refill / dose-change events together.
            return (daily_mcg_on(self.programme(m), day, self.tz) or 0.0) / 1000.0
        reg = self.regimen_on(m, day)
        if reg is None:
            return 0.0
        if m.as_needed or not reg.times:
            return 0.0
        return self.dosing_day_mg(m, reg) / max(1, reg.every_days)

    def regimen_on(self, m: Medication, day: date) -> Regimen | None:
        """`m.regimen_on(day)`, remembered for the run (the taper and daily-total rules ask for
        the same days again and again)."""
        key = ("regimen", id(m), day)
        try:
            return cast("Regimen | None", self._memo[key])
        except KeyError:
            found = self._memo[key] = m.regimen_on(day)
            return found

    @staticmethod
    def is_pump(m: Medication) -> bool:
        return m.route is Route.INTRATHECAL or m.form is Form.PUMP

    def programme(self, m: Medication) -> list[ProgrammeStep]:
        """The pump's programmed daily dose over time (journal.schedule.pump)."""
        key = ("programme", id(m), self.pump_events_key())  # the same events: the same programme
        if key not in self.lasting:
            self.lasting[key] = programme(m, self.history.pump_events, self.tz)
        return list(cast("list[ProgrammeStep]", self.lasting[key]))

    def siblings(self, m: Medication) -> list[Medication]:
        """Every product of the same drug and route family as `m` (tablets and oral liquids of
        baclofen together; a pump apart), `m` included. Remembered for the run (asked thousands of
        times by the taper and daily-total rules)."""
        key = ("siblings", id(m))
        if key not in self._memo:
            p = self.library.profile_for(m)
            if p is None:
                found = [m]
            else:
                fam = self.route(m)
                out = [o for o, q in self.profiled() if q is p and self.route(o) == fam]
                found = out if any(o is m for o in out) else [m, *out]
            self._memo[key] = found
        return list(cast("list[Medication]", self._memo[key]))

    def plan_may_change(self, m: Medication, first: date, last: date) -> bool:
        """Whether the planned daily amount of `m`'s drug family (`siblings`) can differ from the day
        before on some day in [first, last]. Without a pump it changes only where the regimen in
        force does (`Medication.regimen_on`): on a regimen's first day or the day after its last;
        a pump's also where a step of its programme falls (`programme`: its amount on a day is the
        step in force at the day's end, so it differs from the day before only when a step falls
        in that day, from its start up to the next day's start)."""
        family = self.siblings(m)
        one = timedelta(days=1)
        if any(first <= r.start <= last or (r.end is not None and first <= r.end + one <= last)
               for o in family for r in o.regimens):
            return True
        pumps = [o for o in family if self.is_pump(o)]
        if not pumps:
            return False
        lo, hi = utc(self.day_start(first)), utc(self.day_start(last + one))
        return any(lo <= utc(step.at) < hi for o in pumps for step in self.programme(o))

    def drug_daily_mg(self, m: Medication, day: date) -> float:
        """Planned amount per day of the drug `m` contains, summed over all its products of the same
        route family: a switch from tablets to a solution at the same total is not a cut."""
        return sum(self.planned_daily_mg(o, day) for o in self.siblings(m))

    def drug_changes(self, m: Medication, first: date, last: date) -> list[Change]:
        """Changes of the drug's planned daily total on days where `m`'s own plan changes too."""
        out: list[Change] = []
        for own in self.changes(m, first, last):
            before = self.drug_daily_mg(m, own.day - timedelta(days=1))
            after = self.drug_daily_mg(m, own.day)
            if abs(after - before) > 1e-9:
                out.append(Change(own.day, before, after))
        return out

    def drug_rises(self, m: Medication, first: date, last: date) -> list[Change]:
        """Rises of the drug's planned daily total on days where `m`'s own plan goes up (adding a
        solution on top of tablets is a rise; a switch at the same total is not). The drug's very
        first schedule in the journal is not a rise (the person may have been on it for years
        before the journal began); a restart after a stop is."""
        earliest = min((r.start for o in self.siblings(m) for r in o.regimens), default=None)
        out = []
        for c in self.drug_changes(m, first, last):
            own_before = self.planned_daily_mg(m, c.day - timedelta(days=1))
            if c.after_mg <= c.before_mg or self.planned_daily_mg(m, c.day) <= own_before:
                continue
            if c.before_mg == 0 and (earliest is None or c.day <= earliest):
                continue
            out.append(c)
        return out

    def changes(self, m: Medication, first: date, last: date) -> list[Change]:
        """Changes of the planned daily amount with first <= day <= last."""
        out: list[Change] = []
        prev = self.planned_daily_mg(m, first - timedelta(days=1))
        d = first
        while d <= last:
            cur = self.planned_daily_mg(m, d)
            if abs(cur - prev) > 1e-9:
                out.append(Change(d, prev, cur))
            prev = cur
            d += timedelta(days=1)
        return out

    def change_days_window(self, p: DrugProfile) -> tuple[date, date]:
        """Days whose schedule changes the plan rules judge: the recent past and the near future (the
        whole saved plan when `whole_plan` is set, as before saving a change)."""
        back = int(p.value("timing.schedule_change_lookback_days"))
        ahead = 366 if self.whole_plan else int(p.value("timing.plan_ahead_days"))
        return self.today - timedelta(days=back), self.today + timedelta(days=ahead)

    @staticmethod
    def is_dosing_day(reg: Regimen, day: date) -> bool:
        return bool(list(regimen_days(reg, day, day)))

    def is_active(self, m: Medication) -> bool:
        """On the list now: a regimen in force today, or (as needed) given in the last 3 days.
        Remembered for the run (asked for every medicine by several rules)."""
        key = ("active", id(m))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._is_active(m)
        return cast(bool, found)

    def _is_active(self, m: Medication) -> bool:
        if m.regimen_on(self.today) is not None:
            return True
        for d in reversed(self.history.doses):
            if d.medication_id == m.id and d.status.was_given and d.given is not None:
                return self.within(d.given, timedelta(days=3))
        return False

    # ----------------------------------------------------------------- doses and slots
    def timing(self, p: DrugProfile | None) -> PlanTiming:
        """The plan's matching window and grace period for a drug (its profile's numbers)."""
        return PlanTiming.of(p)

    def counted_from(self, m: Medication) -> datetime | None:
        """From when the journal knows this medicine's doses (see journal.schedule.journal_began).
        Remembered (`lasting`) with what it reads besides the medicine (the history's first entry,
        first doses and zone), used only while those are the very same objects."""
        h = self.history
        key = ("counted-from", id(m))
        found = cast("tuple[object, object, object, datetime | None] | None", self.lasting.get(key))
        if found is None or found[0] is not h.first_entry or found[1] is not h.first_dose or found[2] is not h.tz:
            found = (h.first_entry, h.first_dose, h.tz, journal_began(h, m))
            self.lasting[key] = found
        return found[3]

    def asked_from(self, m: Medication, p: DrugProfile | None) -> datetime | None:
        """From when the checks ask about planned doses: the journal's start for this medicine, less
        the missed-dose look-back (24 h). A journal begun in the evening still asks about the
        morning's doses, and one imported with only its last day logged still shows the doses
        missed the day before. With `before_journal` off (the report) it is the journal's start."""
        began = self.counted_from(m)
        if began is None or not self.before_journal:
            return began
        lookback = (p.get("timing.missed_dose_lookback_hours") if p is not None else None) or 24.0
        return began - timedelta(hours=lookback)

    def plan(self, m: Medication, p: DrugProfile | None) -> MedicinePlan:
        """The plan (journal.schedule.plan) of a medicine from the history's start to now, as of now:
        slots up to now with their outcome, and the doses answering no slot."""
        key = m.id if m.id is not None else id(m)
        if key not in self._states:
            # The plan also matches slots half a day either side (a dose given just inside the
            # window for a slot just before it, or early for the next slot, answers that slot, as on
            # Today) but returns the slots from the window's start up to now.
            span = self.lasting.get(("slots", id(m)))
            if not isinstance(span, SlotSpan):
                span = self.lasting[("slots", id(m))] = SlotSpan(m, self.tz)
            self._states[key] = plan_medicine(
                m, self.tz, self.history.start, self.now + timedelta(seconds=1),
                self._records_of(m), self.now, self.timing(p), self.asked_from(m, p), slots=span)
        return self._states[key]

    def slot_states(self, m: Medication, p: DrugProfile | None) -> tuple[list[SlotState], list[Dose]]:
        """Slots from the history start to now with the doses that answer them (and each slot's
        outcome), and the doses that answer no slot (extra). Backed by `plan`."""
        got = self.plan(m, p)
        return got.slots, got.extra

    def dose_day(self, m: Medication, p: DrugProfile, d: Dose) -> date:
        """The day a dose belongs to: its slot's day when it answers one (a dose given just after
        midnight for the 23:45 slot counts for the day before), else the day it was given."""
        return self._day_of(self.slots_answered(m, p).get(id(d)), d)

    def _day_of(self, st: SlotState | None, d: Dose) -> date:
        """`dose_day` once the slot `d` answers (None: none) is known: the rule itself, in one place."""
        t = st.slot.at if st is not None else d.at
        found = self._days.get(id(t)) if self._days is not None else None  # local_day's memo, asked first
        return found[1] if found is not None and found[0] is t else self.local_day(t)

    def given_days(self, m: Medication, p: DrugProfile) -> list[tuple[Dose, date]]:
        """`given_doses(m)` with each one's `dose_day`, in the same order; remembered for the run
        (over-prescribed and over-max-daily both total the given doses by day)."""
        key = ("given-days", id(m))
        found = self._memo.get(key)
        if found is None:
            slot_of = self.slots_answered(m, p)  # dose_day for each, the map looked up once
            out: list[tuple[Dose, date]] = []
            day_of = self._day_of
            days = self._days
            for d in self.given_doses(m):
                st = slot_of.get(id(d))
                t = st.slot.at if st is not None else d.at
                hit = days.get(id(t)) if days is not None else None  # `_day_of`'s memo read here first
                out.append((d, hit[1] if hit is not None and hit[0] is t else day_of(st, d)))
            found = self._memo[key] = out
        return list(cast("list[tuple[Dose, date]]", found))

    def slots_answered(self, m: Medication, p: DrugProfile | None) -> dict[int, SlotState]:
        """For this run's plan of `m`: each answering record (by identity) -> its slot's state."""
        key = ("slot-of", id(m))
        found = self._memo.get(key)
        if found is None:
            states, _ = self.slot_states(m, p)
            found = self._memo[key] = {id(x): st for st in states for x in st.doses}
        return cast("dict[int, SlotState]", found)

    def local_day(self, t: datetime) -> date:
        """The local date of an instant (remembered across a report's runs: asked of the same slots
        and doses at every instant). Remembered by identity, with the instant itself kept beside
        its answer so that the entry is only used for that very object (hashing an aware datetime
        asks its zone for the offset: slower than the answer)."""
        known = self._days
        if known is None:
            days = self.lasting.get(("local-days",))
            if days is None:
                days = self.lasting[("local-days",)] = {}
            known = self._days = cast("dict[int, tuple[datetime, date]]", days)
        found = known.get(id(t))
        if found is not None and found[0] is t:
            return found[1]
        day = self.local(t).date()
        known[id(t)] = (t, day)
        return day

    def doses_of(self, m: Medication) -> list[Dose]:
        """The history's records of `m` (any status, removed ones too), in the history's order."""
        return list(self._records_of(m))

    def _records_of(self, m: Medication) -> list[Dose]:
        """`doses_of` without the copy, for the readers here that never change it (the plan, the
        given doses): asked of every medicine at every instant of a report."""
        by_med = cast("dict[int | None, list[Dose]] | None", self._memo.get(("doses-of",)))
        if by_med is None:
            by_med = {}
            for d in self.history.doses:
                by_med.setdefault(d.medication_id, []).append(d)
            self._memo[("doses-of",)] = by_med
        return by_med.get(m.id, [])

    def given_doses(self, m: Medication) -> list[Dose]:
        """Doses of `m` given (kept down or not) by now, oldest logged first. Remembered for the run."""
        key = ("given", id(m))
        if key not in self._memo:
            now = self.now_utc
            self._memo[key] = [d for d in self._records_of(m)
                               if not d.removed and d.status in _GIVEN_STATUSES and (g := d.given) is not None
                               and (g if g.tzinfo is UTC else g.astimezone(UTC)) <= now]
        return list(cast("list[Dose]", self._memo[key]))

    def last_taken(self, m: Medication) -> datetime | None:
        """When a dose of this medication was last given and kept down."""
        best: datetime | None = None
        best_utc: datetime | None = None
        now = self.now_utc
        for d in self.given_doses(m):  # kept, given by now (TAKEN is one of them), in the history's order
            if d.status is DoseStatus.TAKEN and d.given is not None:
                t = utc(d.given)
                if best_utc is None or t > best_utc:
                    best, best_utc = d.given, t
        if best is None and m.id is not None:
            lg = self.history.last_given.get(m.id)
            if (lg is not None and lg.status is DoseStatus.TAKEN and lg.given is not None and not lg.removed
                    and utc(lg.given) <= now):  # a later dose says nothing about `now` (check --at)
                best = lg.given
        return best

    def not_given_slots(self, m: Medication, p: DrugProfile, grace: bool = True) -> list[tuple[Slot, str]]:
        """Past slots (past the plan's grace period if `grace`) with no dose given and kept down.
        Remembered for the run (abrupt-stop and the withdrawal causes both ask)."""
        key = ("not-given", id(m), grace)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._not_given_slots(m, p, grace)
        return list(cast("list[tuple[Slot, str]]", found))

    def _not_given_slots(self, m: Medication, p: DrugProfile, grace: bool) -> list[tuple[Slot, str]]:
        plan = self.plan(m, p)
        g = plan.timing.grace if grace else timedelta(0)
        now, start = self.now_utc, utc(self.history.start)
        out = []
        taken = DoseStatus.TAKEN
        for st in plan.slots:
            at = st.slot.at_utc
            if now - at <= g or at < start:  # not past its grace yet, before the history
                continue
            ds = st.doses  # taken (`SlotState.taken`), one record read without the generator
            if ds and (ds[0].status is taken if len(ds) == 1 else st.taken):
                continue
            why = _("nothing logged") if not st.answered else ", ".join(
                status_name(v) for v in sorted({d.status for d in st.doses}))
            out.append((st.slot, why))
        return out

    # ----------------------------------------------------------------- timeline
    def interruptions(self, p: DrugProfile) -> list[Event]:
        """Missed or interrupted doses, schedule cuts and pump problems of this drug (withdrawal causes)."""
        key = ("interruptions", id(p))
        if key not in self._memo:
            self._memo[key] = self._interruptions(p)
        return list(cast("list[Event]", self._memo[key]))

    def _interruptions(self, p: DrugProfile) -> list[Event]:
        events: list[Event] = []
        for m, prof in self.profiled():
            if prof is not p:
                continue
            # One missed dose between two given ones links symptoms for a shorter time than two or
            # more in a row (a few half-lives, not days): the levels are back once doses resume.
            single = timedelta(hours=p.value("timing.single_miss_window_hours"))
            missed = self.not_given_slots(m, p, grace=True)
            order: dict[datetime, int] = {}
            if missed:  # each slot's place in the plan, to tell a missed dose alone from a run of them
                states, _extra = self.slot_states(m, p)
                order = {st.slot.at_utc: i for i, st in enumerate(states)}
            for k, (slot, why) in enumerate(missed):
                i = order.get(slot.at_utc, -10)
                near = [order.get(x.at_utc, -10) for x, _why in missed[max(0, k - 1):k + 2] if x is not slot]
                isolated = not any(abs(j - i) == 1 for j in near)
                events.append(Event(slot.at, _("{medicine}: {when} dose not given ({why})").format(
                    medicine=m.name, when=self.fmt(slot.at), why=why), m, "missed", single if isolated else None))
            if self.is_pump(m):
                for step, before in programme_changes(self.programme(m)):
                    if step.daily_mcg < before and utc(step.at) <= utc(self.now):
                        events.append(Event(step.at, _("pump dose lowered from {before} to {after} mcg a day "
                                                       "({source})").format(before=num(before),
                                                                            after=num(step.daily_mcg),
                                                                            source=source_name(step.source)), m, kind="cut"))
                continue
            first = self.history.start.astimezone(self.tz).date()
            for c in self.drug_changes(m, first, self.today):
                if c.after_mg < c.before_mg:
                    events.append(Event(self.day_start(c.day),
                                        _("{medicine}: schedule cut from {before} to {after} a day on {day}").format(
                                            medicine=m.name, before=fmt_mg(c.before_mg), after=fmt_mg(c.after_mg),
                                            day=c.day.isoformat()), m, "cut"))
        pump_med = next((m for m, prof in self.profiled() if prof is p and self.route(m) == "intrathecal"), None)
        if pump_med is not None:
            escalation = timedelta(hours=p.value("timing.escalation_window_hours"))
            pump_events = [e for e in self.history.pump_events if not e.removed]
            for i, e in enumerate(pump_events):
                if e.kind in (PumpEventKind.ALARM, PumpEventKind.CATHETER_PROBLEM):
                    # An ongoing problem: a cause from when it began until a refill or clinic check
                    # dealt with it (still open: until now), and the escalation window after that.
                    what = _("pump alarm") if e.kind is PumpEventKind.ALARM else _("catheter problem")
                    fixed = next((x for x in pump_events[i + 1:] if x.kind in (PumpEventKind.REFILL, PumpEventKind.CHECK)
                                  and utc(x.at) >= utc(e.at)), None)
                    until = fixed.at if fixed is not None else self.now
                    state = (_(", dealt with {when}").format(when=self.fmt(fixed.at)) if fixed is not None
                             else _(", no refill or clinic check logged since"))
                    events.append(Event(e.at, _("{what} logged {when}").format(what=what, when=self.fmt(e.at))
                                        + (f" ({e.note})" if e.note else "") + state, pump_med, kind="pump",
                                        window=max(timedelta(0), utc(until) - utc(e.at)) + escalation))
            due = self.refill_due()
            if due is not None and due[0] < self.today:
                # Overdue until a refill is logged: a cause for as long as it lasts, not 72 h.
                began = self.day_start(due[0] + timedelta(days=1))
                late = (self.today - due[0]).days
                events.append(Event(began, ngettext("pump refill was due {day} and none is logged ({n} day overdue)",
                                                    "pump refill was due {day} and none is logged ({n} days overdue)",
                                                    late).format(day=due[0].isoformat(), n=late), pump_med, kind="pump",
                                    window=max(timedelta(0), self.ago(began)) + escalation))
        return sorted(events, key=lambda e: utc(e.at))

    def increases(self, p: DrugProfile) -> list[Event]:
        """Dose increases, double and extra doses of this drug (toxicity causes)."""
        key = ("increases", id(p))
        if key not in self._memo:
            self._memo[key] = self._increases(p)
        return list(cast("list[Event]", self._memo[key]))

    def rises(self, p: DrugProfile) -> list[Event]:
        """The dose increases of this drug alone (the "rise" events of `increases`, in its order)."""
        key = ("rises", id(p))
        if key not in self._memo:
            self._memo[key] = sorted((e for m, prof in self.profiled() if prof is p for e in self._rise_events(m)),
                                     key=lambda e: utc(e.at))
        return list(cast("list[Event]", self._memo[key]))

    def _rise_events(self, m: Medication) -> list[Event]:
        """The increases of `m`'s planned amount (a pump's programmed dose, else the drug's daily total
        where `m`'s own plan goes up), timed from the first dose at the new amount; once per run."""
        key = ("rise-events", id(m))
        found = self._memo.get(key)
        if found is not None:
            return cast("list[Event]", found)
        events: list[Event] = []
        self._memo[key] = events
        if self.is_pump(m):
            for step, before in programme_changes(self.programme(m)):
                if step.daily_mcg > before > 0 and utc(step.at) <= utc(self.now):
                    events.append(Event(step.at, _("pump dose raised from {before} to {after} mcg a day "
                                                   "({source})").format(before=num(before),
                                                                        after=num(step.daily_mcg),
                                                                        source=source_name(step.source)), m, kind="rise"))
            return events
        first = self.history.start.astimezone(self.tz).date()
        for c in self.drug_rises(m, first, self.today):
            if c.before_mg > 0:
                # Timing counts from the first dose given at the new amount, not from midnight.
                start = utc(self.day_start(c.day))
                given = [d for o in self.siblings(m) for d in self.given_doses(o) if utc(d.at) >= start]
                if not given:
                    continue  # nothing at the new amount given yet
                first_new = min(given, key=lambda d: utc(d.at))
                events.append(Event(first_new.at,
                                    _("{medicine}: schedule raised from {before} to {after} a day on {day}, "
                                      "first dose at the new amount {when}").format(
                                        medicine=m.name, before=fmt_mg(c.before_mg), after=fmt_mg(c.after_mg),
                                        day=c.day.isoformat(), when=self.fmt(first_new.at)), m, "rise"))
        return events

    def _increases(self, p: DrugProfile) -> list[Event]:
        events: list[Event] = []
        for m, prof in self.profiled():
            if prof is not p:
                continue
            events += self._rise_events(m)
            if self.is_pump(m):
                continue
            doubled: set[int] = set()
            for a, b in self.double_doses(m, p):
                doubled.add(id(b))
                first_name = "" if a.medication_id == m.id else " " + _("({medicine} first)").format(
                    medicine=self._name(a.medication_id))
                events.append(Event(b.at, _("{medicine}: two doses close together, {first} and {second}").format(
                    medicine=m.name, first=self.fmt(a.at), second=self.fmt(b.at)) + first_name, m, "double"))
            current = m.regimen_on(self.today)
            if not m.as_needed and current is not None and current.times:
                _states, extra = self.slot_states(m, p)
                for d in extra:
                    if d.status.was_given and d.given is not None and id(d) not in doubled:
                        events.append(Event(d.given, _("{medicine}: extra dose {when} outside the schedule").format(
                            medicine=m.name, when=self.fmt(d.given)), m, "extra"))
            for d, planned_mg, given_mg in self.oversized(m, p):
                if id(d) not in doubled:
                    events.append(Event(d.at, _("{medicine}: {given} given {when} for a planned {planned} ({times} "
                                                "times the amount)").format(
                        medicine=m.name, given=fmt_mg(given_mg), when=self.fmt(d.at), planned=fmt_mg(planned_mg),
                        times=num(given_mg / planned_mg, ".1f")), m, "large"))
        return sorted(events, key=lambda e: utc(e.at))

    def oversized(self, m: Medication, p: DrugProfile) -> list[tuple[Dose, float, float]]:
        """Given doses that answer a planned slot with more than planned (an extra tablet, a liquid
        measured in the wrong unit): (dose, planned mg, given mg). "More" is beyond the
        `liquid_dose_tolerance_fraction` (10%, judgement) a measuring spoon can be off by."""
        key = ("oversized", id(m))
        if key not in self._memo:
            tol = p.get("liquid_dose_tolerance_fraction") or 0.1
            out: list[tuple[Dose, float, float]] = []
            if not m.as_needed:
                states, _ = self.slot_states(m, p)
                for st in states:
                    planned_mg = self.per_dose_mg(m, st.slot.regimen)  # the slot's dose is its regimen's
                    if not planned_mg:
                        continue
                    for d in st.doses:
                        given_mg = self.dose_mg(m, d) if d.status.was_given and d.amount is not None else None
                        if given_mg is not None and given_mg > planned_mg * (1 + tol) + 1e-9:
                            out.append((d, planned_mg, given_mg))
            self._memo[key] = out
        return list(cast("list[tuple[Dose, float, float]]", self._memo[key]))

    def _name(self, medication_id: int) -> str:
        m = self.history.medication(medication_id)
        return m.name if m is not None else _("another product")

    def double_doses(self, m: Medication, p: DrugProfile) -> list[tuple[Dose, Dose]]:
        """Pairs of given doses less than half the dosing interval apart, or answering one slot,
        whose later dose is of `m`. The earlier one may be of another product of the same drug
        (tablets and an oral solution): a double dose is judged per drug, not per product."""
        key = ("double", id(m))
        if key not in self._memo:
            pairs = self._double_doses(m, p)
            pairs += [(a, b) for a, b in self.cross_product_doubles(p) if b.medication_id == m.id]
            self._memo[key] = sorted(pairs, key=lambda x: utc(x[1].at))
        return list(cast("list[tuple[Dose, Dose]]", self._memo[key]))

    def cross_product_doubles(self, p: DrugProfile) -> list[tuple[Dose, Dose]]:
        """Given doses of two different scheduled products of one drug, closer together than half
        the shortest gap of their combined schedule, unless both answer slots planned together
        (10 mg tablet + 5 mL solution at 08:00 on purpose). As-needed products are left out: an
        as-needed dose on top of the schedule is what the prescriber allowed."""
        key = ("cross-double", id(p))
        if key not in self._memo:
            self._memo[key] = self._cross_product_doubles(p)
        return list(cast("list[tuple[Dose, Dose]]", self._memo[key]))

    def _cross_product_doubles(self, p: DrugProfile) -> list[tuple[Dose, Dose]]:
        meds = [m for m, q in self.profiled() if q is p and not m.as_needed and self.route(m) != "intrathecal"]
        if len(meds) < 2:
            return []
        slot_of: dict[int, datetime] = {}
        for m in meds:
            states, _ = self.slot_states(m, p)
            for st in states:
                for d in st.doses:
                    slot_of[id(d)] = st.slot.at
        by_id = {m.id: m for m in meds}
        doses = sorted(((d, by_id[d.medication_id]) for m in meds for d in self.given_doses(m)),
                       key=lambda x: (utc(x[0].at), x[1].id or 0, x[0].id or 0))
        out: list[tuple[Dose, Dose]] = []
        for j, (b, mb) in enumerate(doses):
            for a, ma in reversed(doses[:j]):
                apart = utc(b.at) - utc(a.at)
                if apart >= timedelta(hours=12):  # half a day: never closer than half a once-daily gap
                    break
                if ma is mb:
                    continue
                limit = self.combined_half_gap(ma, mb, self.local(b.at).date())
                if limit is None or apart >= limit:
                    continue
                sa, sb = slot_of.get(id(a)), slot_of.get(id(b))
                if sa is not None and sb is not None and abs(utc(sa) - utc(sb)) < limit:
                    continue  # both planned at (about) the same time: meant to be given together
                out.append((a, b))
                break
        return out

    def combined_half_gap(self, a: Medication, b: Medication, day: date) -> timedelta | None:
        """Half the shortest gap between the distinct planned clock times of two products on a day."""
        minutes: set[int] = set()
        for m in (a, b):
            reg = m.regimen_on(day)
            if reg is not None:
                minutes |= {t.hour * 60 + t.minute for t in reg.times}
        if not minutes:
            return None
        ordered = sorted(minutes)
        gaps = [y - x for x, y in zip(ordered, ordered[1:], strict=False)]
        gaps.append(24 * 60 - ordered[-1] + ordered[0])
        return timedelta(minutes=min(gaps)) / 2

    def _double_doses(self, m: Medication, p: DrugProfile) -> list[tuple[Dose, Dose]]:
        """Same slot twice, or closer than half the shortest planned gap. A late dose given as the
        missed-dose advice allows (at least the grace period, 2 h NHS, before the next planned dose)
        followed by that next dose answers two different slots: it is not a double dose."""
        out: list[tuple[Dose, Dose]] = []
        # by instant (a given dose's `at` is its `given`), equal ones as listed: the sort is stable
        keyed: list[tuple[datetime, Dose]] = []
        for d in self.given_doses(m):
            g = cast(datetime, d.given)
            keyed.append((g if g.tzinfo is UTC else g.astimezone(UTC), d))
        keyed.sort(key=_FIRST)
        given = [d for _t, d in keyed]
        slot_of = self.slots_answered(m, p) if not m.as_needed else {}
        # A pair's answer depends only on the two records and the slots they answer (the schedule
        # and the profile are the same in every run that shares `lasting`): remembered with them,
        # under the later record, and used only when all four are the very same objects (a report
        # checks each pair at about ten instants).
        key = ("double-pairs", id(m))
        pairs = cast("dict[int, tuple[Dose, Dose, datetime | None, datetime | None, bool]] | None",
                     self.lasting.get(key))
        if pairs is None:
            pairs = {}
            self.lasting[key] = pairs
        a: Dose | None = None
        sa: datetime | None = None
        for b in given:
            stb = slot_of.get(id(b))
            sb = stb.slot.at if stb is not None else None
            if a is not None:
                seen = pairs.get(id(b))
                if seen is not None and seen[0] is a and seen[1] is b and seen[2] is sa and seen[3] is sb:
                    double = seen[4]
                else:
                    double = self._is_double(m, p, a, b, sa, sb)
                    pairs[id(b)] = (a, b, sa, sb, double)
                if double:
                    out.append((a, b))
            a, sa = b, sb
        return out

    def _is_double(self, m: Medication, p: DrugProfile, a: Dose, b: Dose, sa: datetime | None,
                   sb: datetime | None) -> bool:
        """Whether two consecutive given doses of `m` (`a` then `b`, answering the slots at `sa` and
        `sb`, or None) are a double dose (see `_double_doses`)."""
        same_slot = a.scheduled is not None and b.scheduled is not None and utc(a.scheduled) == utc(b.scheduled)
        same_slot = same_slot or (sa is not None and sa == sb)
        if same_slot:
            return True
        if m.as_needed:
            return False
        apart = utc(b.at) - utc(a.at)
        reg = self.regimen_on(m, self.local(b.at).date())
        if reg is None or not reg.times:
            return False
        close = apart < shortest_gap(reg) / 2
        if close and sa is not None and sb is not None and utc(sa) < utc(sb) and apart >= self.timing(p).grace:
            close = False  # the earlier slot's dose given late, as the advice allows
        return close

    # ----------------------------------------------------------------- pump
    def refill_due(self) -> tuple[date, str] | None:
        """The next refill date (from the clinic's date, else estimated from the last refill), or
        None. A refill logged after the date was set clears it."""
        events = [e for e in self.history.pump_events if not e.removed]
        last_refill = None
        for e in events:
            if e.kind is PumpEventKind.REFILL:
                last_refill = e
        due_event = None
        for e in events:
            if e.next_refill_due is not None:
                due_event = e
        if due_event is not None and due_event.next_refill_due is not None and (
                last_refill is None or utc(last_refill.at) <= utc(due_event.at)):
            due = due_event.next_refill_due
            return due, _("clinic set the next refill for {day}").format(day=due.isoformat())
        if last_refill is None:
            return None
        vol, conc = last_refill.volume_ml, last_refill.concentration_mcg_per_ml
        daily = last_refill.daily_dose_mcg
        if daily is None:
            for e in events:
                if e.daily_dose_mcg is not None and utc(e.at) <= utc(last_refill.at):
                    daily = e.daily_dose_mcg
        if not vol or not conc or not daily:
            return None
        usable = vol - (last_refill.low_alarm_ml or 0.0)
        days = int(usable * conc / daily)
        when = self.local(last_refill.at).date() + timedelta(days=days)
        return when, _("estimated: {volume} mL at {concentration} mcg/mL, {daily} mcg a day, from the refill on "
                       "{day}").format(volume=num(vol), concentration=num(conc), daily=num(daily),
                                       day=self.local(last_refill.at).date().isoformat())

    # ----------------------------------------------------------------- symptoms
    def recent_symptoms(self, window: timedelta) -> list[SymptomEntry]:
        """Symptoms noticed in (now - window, now], with a severity above 0."""
        return [s for s in self.history.symptoms
                if not s.removed and (s.severity is None or s.severity > 0) and self.within(s.at, window)]

    def symptom_name(self, s: SymptomEntry) -> str:
        """The sign's label with its severity ("Muscle spasms, severity 6/10"), in the language in use."""
        sev = _(", severity {n}/10").format(n=s.severity) if s.severity is not None else ""
        return self.library.catalog.label(s.symptom) + sev

    def symptom_text(self, s: SymptomEntry) -> str:
        note = f" ({s.note})" if s.note else ""
        return _("{sign} at {when}").format(sign=self.symptom_name(s), when=self.fmt(s.at)) + note

    # ----------------------------------------------------------------- wording
    def pump_clinic_now(self) -> str:
        """The head of every urgent pump alert: early withdrawal signs with a pump can turn serious
        within hours, so "today" is too late (MDT, GIL)."""
        return _("Call the pump clinic now; if you cannot reach them quickly, call {number}.").format(
            number=self.emergency_number)

    def advice(self, severity: Severity, doctor_part: str, head: str | None = None) -> str:
        """The advice text: a head for the severity (or `head`, which must not contradict it), the
        rule's own words, the emergency line, and the two sentences every alert ends with."""
        num = self.emergency_number
        if head is not None:
            head = head.strip() + " "
        elif severity is Severity.EMERGENCY:
            head = _("Call {number} now.").format(number=num)
        elif severity is Severity.URGENT:
            head = _("Call the doctor or clinic today.")
        else:
            head = ""
        tail = (_("If the person cannot be woken, has trouble breathing or has a seizure, call {number}.").format(
            number=num) if severity is not Severity.EMERGENCY else "")
        parts = [head.strip(), doctor_part.strip(), tail.strip(), _("Do not start, stop or change doses on your own."),
                 _(NOT_ADVICE)]
        return " ".join(p for p in parts if p)

    def alert(self, rule: str, severity: Severity, since: datetime, title: str, message: str, advice: str,
              evidence: list[str], medication: Medication | None = None, reference: str | None = None) -> Alert:
        pat = self.history.patient
        return Alert(
            rule=rule, severity=severity, patient=pat.name, since=self.local(since), title=title,
            message=message, advice=advice, evidence=evidence, reference=reference or REFERENCE[rule],
            medication=medication.name if medication else None, patient_id=pat.id,
            medication_id=medication.id if medication else None,
        )


def prn_limit_for(m: Medication, library: DrugLibrary) -> AsNeededLimit:
    """The as-needed limits in force for `m`: prescribed ones first, then its profile's (or the
    general) numbers. The one composition the checks, Today and the report share."""
    return limits_for(m, prn_numbers(library.profile_or_general(m)))


def prn_numbers(p: DrugProfile) -> ProfileNumbers:
    """What a drug profile (or the general numbers) says about as-needed use."""
    return ProfileNumbers(
        usual_interval_hours=p.get("timing.usual_interval_hours"),
        usual_interval_source=p.cite("timing.usual_interval_hours"),
        max_doses_per_day=p.get("timing.as_needed_max_doses_per_day"),
        max_doses_source=p.cite("timing.as_needed_max_doses_per_day"),
        window_hours=p.get("timing.as_needed_window_hours") or 24.0,
    )


def worse_than_before(ctx: CheckContext, p: DrugProfile, entry: SymptomEntry, before: datetime) -> str | None:
    """Why a symptom counts as new or worse than the person's usual picture before `before`, or
    None: the symptom catalog's one answer (`SymptomCatalog.change_from_usual`, 7 days and 2 points,
    judgement), so the ordinary ups and downs of daily spasms are not read as a warning sign."""
    return ctx.library.catalog.change_from_usual(entry.symptom, entry.severity, entry.at, ctx.history, entry, before)


def explain(ctx: CheckContext, entry: object, severity: Severity) -> None:
    ctx.explained[id(entry)] = max(ctx.explained.get(id(entry), -1), severity.rank)


def is_explained(ctx: CheckContext, entry: object, severity: Severity) -> bool:
    return ctx.explained.get(id(entry), -1) >= severity.rank


def planned_days(reg: Regimen, first: date, last: date) -> list[date]:
    return list(regimen_days(reg, first, last))

