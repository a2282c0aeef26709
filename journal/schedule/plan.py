"""The plan: for one medicine over a span of time, its planned slots, which logged dose answers
which slot, what became of each slot, and the doses that answer no slot.

This is the only place that works this out. Today, the reminders, every safety check and the
doctor's report ask `plan_medicine` and show its answer; none of them matches doses on its own.

How a dose answers a slot:
- A dose that names its slot (`Dose.scheduled` equal to the slot's instant) answers it. Two or more
  may answer the same slot (logged twice); the later given ones are that slot's `repeats`.
- A dose that names no slot, or a slot that is no longer planned (the schedule changed since),
  answers the nearest still-unanswered slot within the matching window of that slot's schedule,
  taken in the order the doses were given. Otherwise it is an extra dose.
- The matching window is one number per medicine: the drug profile's
  `timing.dose_match_window_hours` where the drug is known, else `DEFAULT_MATCH_WINDOW`;
  narrowed to half the shortest gap between two planned times of the slot's schedule, so that a
  dose can never answer a neighbouring slot better than its own.

What became of a slot (`Outcome`), as of an instant `now`:
- answered: given (a dose kept down), vomited, skipped, refused, missed (noted by a caregiver);
- not answered: due (its time is still ahead), overdue (its time has passed, less than the grace
  period ago), unlogged ("nothing logged": past the grace period with no record, what the checks
  call a missed dose and the report counts as missed). Due and overdue slots are "pending": not
  settled yet, so the report does not count them.
The grace period is the drug profile's `timing.missed_dose_grace_hours`, else `DEFAULT_GRACE`.

A given slot's timing (`Timing`): on time within `ON_TIME_WINDOW` of its time, else early or late.

Nothing before the journal began is counted: a slot with no record before `counted_from` (see
`journal_began`) is left out of the plan, so a schedule that was in force for a year before the
caregiver started the journal does not read as a year of missed doses.

All arithmetic on instants is in UTC: Python subtracts two datetimes of the same zone by wall clock,
which is wrong across a daylight-saving change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from operator import itemgetter
from typing import Protocol

from journal.domain import Dose, DoseStatus, Medication, PatientHistory, Regimen

from .expand import Slot, SlotSpan, expand, shortest_gap

# How far from its slot a dose logged without naming the slot still answers it, when the drug data
# says nothing about the drug. Source: judgement (a dose given within about 3 hours of its time is
# that time's dose; further away it is more likely an extra one).
DEFAULT_MATCH_WINDOW = timedelta(hours=3)
# How long after its time a slot with nothing logged counts as missed, when the drug data says
# nothing. Source: NHS medicines guidance ("if you forget a dose, take it as soon as you remember,
# unless it is nearly time for the next one"); 2 h keeps a slightly late dose from being called missed.
DEFAULT_GRACE = timedelta(hours=2)
# A dose given within this long of its slot's time (before or after) is on time. Source: judgement,
# the usual hospital allowance for non-time-critical medicines (1 hour either side).
ON_TIME_WINDOW = timedelta(hours=1)
# Slots and doses this far outside the asked span are matched too, so that a dose given just after
# midnight for the 23:00 slot, or just before a span starts, is read the same in every span (far
# more than any matching window: a dose never answers a slot more than a few hours away).
CONTEXT = timedelta(hours=12)


class Outcome(StrEnum):
    """What became of a slot. The values are stable identifiers (the UI and tests read them)."""

    DUE = "due"
    OVERDUE = "overdue"
    UNLOGGED = "unlogged"  # nothing logged, past the grace period
    GIVEN = "given"
    VOMITED = "vomited"
    SKIPPED = "skipped"
    REFUSED = "refused"
    MISSED = "missed"  # noted as missed by a caregiver

    @property
    def pending(self) -> bool:
        """Not settled yet (due or overdue): not counted as given or missed."""
        return self in (Outcome.DUE, Outcome.OVERDUE)

    @property
    def given(self) -> bool:
        """A dose went in (vomited counts: the person got something)."""
        return self in (Outcome.GIVEN, Outcome.VOMITED)

    @property
    def not_given(self) -> bool:
        """Settled without a dose: skipped, refused, noted missed or nothing logged."""
        return self in (Outcome.SKIPPED, Outcome.REFUSED, Outcome.MISSED, Outcome.UNLOGGED)


class Timing(StrEnum):
    ON_TIME = "on time"
    EARLY = "early"
    LATE = "late"


_STATUS_OUTCOME = {
    DoseStatus.TAKEN: Outcome.GIVEN, DoseStatus.VOMITED: Outcome.VOMITED, DoseStatus.SKIPPED: Outcome.SKIPPED,
    DoseStatus.REFUSED: Outcome.REFUSED, DoseStatus.MISSED: Outcome.MISSED,
}


class _Profile(Protocol):
    """What the plan reads from a drug profile (journal's DrugProfile has it)."""

    def get(self, path: str) -> float | None: ...


@dataclass(frozen=True)
class PlanTiming:
    """The two numbers the plan needs for one medicine."""

    match_window: timedelta = DEFAULT_MATCH_WINDOW
    grace: timedelta = DEFAULT_GRACE

    @classmethod
    def of(cls, profile: _Profile | None) -> PlanTiming:
        """From a drug profile's `timing.dose_match_window_hours` and `timing.missed_dose_grace_hours`
        (hours), each falling back to the defaults above when the profile is None or lacks it."""
        if profile is None:
            return cls()
        w = profile.get("timing.dose_match_window_hours")
        g = profile.get("timing.missed_dose_grace_hours")
        return cls(DEFAULT_MATCH_WINDOW if w is None else timedelta(hours=w),
                   DEFAULT_GRACE if g is None else timedelta(hours=g))

    def window_for(self, regimen: Regimen | None) -> timedelta:
        """The matching window for the slots of one schedule: at most half its shortest gap."""
        if regimen is not None and len({(t.hour, t.minute) for t in regimen.times}) > 1:
            return min(self.match_window, shortest_gap(regimen) / 2)
        return self.match_window


@dataclass
class SlotState:
    """One planned slot, the records answering it (oldest first) and what became of it."""

    slot: Slot
    doses: list[Dose] = field(default_factory=list)
    outcome: Outcome = Outcome.DUE
    timing: Timing | None = None  # for given and vomited slots

    @property
    def at(self) -> datetime:
        return self.slot.at

    @property
    def answered(self) -> bool:
        return bool(self.doses)

    @property
    def given(self) -> bool:
        return any(d.status.was_given for d in self.doses)

    @property
    def taken(self) -> bool:
        """Given and kept down (vomited doses count as interrupted for withdrawal checks)."""
        return any(d.status is DoseStatus.TAKEN for d in self.doses)

    @property
    def answer(self) -> Dose | None:
        """The record that decides the outcome (the first kept-down dose, else the first vomited
        one, else the latest record)."""
        for status in (DoseStatus.TAKEN, DoseStatus.VOMITED):
            for d in self.doses:
                if d.status is status:
                    return d
        return self.doses[-1] if self.doses else None

    @property
    def repeats(self) -> list[Dose]:
        """Given doses answering this slot after the first given one (the slot logged twice)."""
        given = [d for d in self.doses if d.status.was_given]
        return given[1:]


@dataclass
class MedicinePlan:
    medication: Medication
    slots: list[SlotState]  # start <= slot < end, in time order
    extra: list[Dose]  # records in the span that answer no slot, in time order
    timing: PlanTiming
    counted_from: datetime | None

    def slot_at(self, at: datetime) -> SlotState | None:
        """The slot planned at an instant, if any."""
        t = at.astimezone(UTC)
        return next((s for s in self.slots if s.at.astimezone(UTC) == t), None)


def _utc(t: datetime) -> datetime:
    return t.astimezone(UTC)


def _outcome(st: SlotState, at: datetime, now: datetime, grace: timedelta) -> tuple[Outcome, Timing | None]:
    """`at` and `now` in UTC."""
    ans = st.doses[0] if len(st.doses) == 1 else st.answer  # one record: it is the answer
    if ans is None:
        ago = now - at
        if ago < timedelta(0):
            return Outcome.DUE, None
        return (Outcome.OVERDUE if ago <= grace else Outcome.UNLOGGED), None
    outcome = _STATUS_OUTCOME[ans.status]
    if not outcome.given or ans.given is None:
        return outcome, None
    delta = _utc(ans.given) - at
    if delta > ON_TIME_WINDOW:
        return outcome, Timing.LATE
    if delta < -ON_TIME_WINDOW:
        return outcome, Timing.EARLY
    return outcome, Timing.ON_TIME


_ZERO = timedelta(0)


# The records' order: by instant, then id (unsaved: 0), equal ones as given (the sort is stable);
# a key read in C from (instant, id, record) triples, without a Python call per record.
_BY_INSTANT_THEN_ID = itemgetter(0, 1)


def _record_order(d: Dose) -> tuple[datetime, int]:
    return _utc(d.at), d.id or 0


def plan_medicine(medication: Medication, tz: tzinfo, start: datetime, end: datetime, doses: Iterable[Dose],
                  now: datetime, timing: PlanTiming | None = None,
                  counted_from: datetime | None = None, slots: SlotSpan | None = None) -> MedicinePlan:
    """The plan of one medicine for start <= slot < end, as of `now` (aware datetimes).

    `doses` should hold the medicine's records from `start - CONTEXT` to `end + CONTEXT` (others
    are ignored, and removed records, and doses given after `now`; a slot marked skipped ahead of
    its time is skipped) so that doses near the edges match as they do in any other span. `timing` comes from the drug profile (`PlanTiming.of`);
    `counted_from` from `journal_began`. As-needed medicines have no slots: every dose is extra.
    `slots`, for the same medication and zone, gives the planned slots already expanded (the same
    answer as expanding them here; for many plans of overlapping spans).
    """
    timing = timing or PlanTiming()
    lo, hi = start - CONTEXT, end + CONTEXT
    if slots is not None:
        expanded, keys = slots.window(lo, hi)
    else:
        expanded = expand(medication, tz, lo, hi)
        keys = [s.at.astimezone(UTC) for s in expanded]  # sorted, as expand returns them
    # The records answering each slot (None: none yet); a SlotState is made only for the slots returned.
    answers: list[list[Dose] | None] = [None] * len(keys)
    first, last = _utc(lo) - timing.match_window, _utc(hi) + timing.match_window
    now_utc = _utc(now)
    mid = medication.id
    mine: list[tuple[datetime, int, Dose]] = []
    for d in doses:
        if d.medication_id != mid or d.removed:
            continue
        g = d.given
        t = g if g is not None else d.scheduled  # Dose.at: when given, else its slot
        assert t is not None, "a dose has a given or a scheduled time"
        if t.tzinfo is not UTC:
            t = t.astimezone(UTC)
        if g is not None and t > now_utc:
            continue  # given after `now`: not known yet as of `now`
        if first <= t <= last:
            mine.append((t, d.id or 0, d))
    mine.sort(key=_BY_INSTANT_THEN_ID)
    loose: list[tuple[datetime, Dose]] = []
    for t, _id, d in mine:
        sched = d.scheduled
        i = None
        if sched is not None:  # the slot it names, if planned (the last of equal instants)
            if sched.tzinfo is not UTC:
                sched = sched.astimezone(UTC)
            j = bisect_right(keys, sched) - 1
            if j >= 0 and keys[j] == sched:
                i = j
        if i is not None:
            found = answers[i]
            if found is None:
                answers[i] = [d]
            else:
                found.append(d)
        else:
            loose.append((t, d))
    unmatched: list[tuple[datetime, Dose]] = []
    reach = timing.match_window  # no schedule's window is wider
    # per regimen (by identity): shortest_gap is not free; kept with the slots when given (the same
    # medication, so the same regimens)
    windows: dict[int, timedelta] = {} if slots is None else slots.windows.setdefault(timing.match_window, {})
    for when, d in loose:  # `when`: given, else its slot (never neither)
        best: int | None = None
        best_gap = timedelta.max
        for i in range(bisect_left(keys, when - reach), bisect_right(keys, when + reach)):
            if answers[i]:
                continue
            gap = abs(keys[i] - when)
            reg = expanded[i].regimen
            w = windows.get(id(reg))
            if w is None:
                w = windows[id(reg)] = timing.window_for(reg)
            if gap <= w and gap < best_gap:
                best, best_gap = i, gap
        if best is None:
            unmatched.append((when, d))
        else:
            answers[best] = [d]
    s_utc, e_utc = _utc(start), _utc(end)
    began = _utc(counted_from) if counted_from is not None else None
    grace = timing.grace
    out: list[SlotState] = []
    for i in range(bisect_left(keys, s_utc), bisect_left(keys, e_utc)):  # s_utc <= slot < e_utc
        k = keys[i]
        answered = answers[i]
        if not answered:
            if began is not None and k < began:
                continue  # before the journal began: not known, not missed
            # nothing logged: due, overdue or unlogged (`_outcome` without a record)
            ago = now_utc - k
            out.append(SlotState(expanded[i], [], Outcome.DUE if ago < _ZERO
                                 else Outcome.OVERDUE if ago <= grace else Outcome.UNLOGGED, None))
            continue
        if len(answered) > 1:
            answered.sort(key=_record_order)
            st = SlotState(expanded[i], answered)
            st.outcome, st.timing = _outcome(st, k, now_utc, grace)
            out.append(st)
            continue
        # one record: it is the answer (`_outcome`, written out: asked for every slot of every plan)
        ans = answered[0]
        outcome = _STATUS_OUTCOME[ans.status]
        g = ans.given
        if g is None or (outcome is not Outcome.GIVEN and outcome is not Outcome.VOMITED):
            out.append(SlotState(expanded[i], answered, outcome, None))
            continue
        delta = (g if g.tzinfo is UTC else g.astimezone(UTC)) - k
        out.append(SlotState(expanded[i], answered, outcome, Timing.LATE if delta > ON_TIME_WINDOW
                             else Timing.EARLY if delta < -ON_TIME_WINDOW else Timing.ON_TIME))
    extra = [d for t, d in unmatched if s_utc <= t < e_utc]
    return MedicinePlan(medication, out, extra, timing, counted_from)


def _day_start(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def journal_began(history: PatientHistory, medication: Medication) -> datetime | None:
    """From when the journal knows about this medicine's doses (None: count every planned slot).

    The journal began with the person's first entry of any kind (`history.first_entry`). A medicine
    whose schedule started after that was added while the journal was kept: every slot of it
    counts. A medicine already taken when the journal began counts from its own first dose record,
    or from the journal's first entry when none of its doses was ever logged (so a medicine that is
    never logged still shows its missed doses)."""
    began = history.first_entry
    if began is None:
        return None
    first_start = min((r.start for r in medication.regimens), default=None)
    if first_start is not None and _day_start(first_start, history.tz) >= _utc(began):
        return None
    own = history.first_dose.get(medication.id) if medication.id is not None else None
    return own if own is not None else began
