"""Regimens -> the dose slots a person is expected to get, as aware datetimes.

Daylight-saving rules (documented behaviour, tested in tests/schedule/test_dst.py):
- A clock time that does not exist on the spring-forward day (02:30 in America/Chicago on the
  second Sunday of March) is moved forward by the length of the gap: 02:30 becomes 03:30 local,
  the instant the person would reach by following the wall clock. If that lands on another slot
  of the same schedule, the two become one slot.
- A clock time that happens twice on the fall-back day (01:30) gives ONE slot, at the first
  occurrence (fold=0).
Every-N-days schedules count days from the regimen's start date. Regimen end dates are
inclusive. As-needed medications and regimens without times give no slots.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property

from journal.domain import Medication, Quantity, Regimen


@dataclass(frozen=True)
class Slot:
    """One expected administration."""

    medication_id: int | None
    at: datetime  # aware, in the journal's zone
    dose: Quantity
    regimen: Regimen
    wall_time: time  # the clock time as written in the schedule (before any DST shift)

    @cached_property
    def at_utc(self) -> datetime:
        """`at` in UTC, worked out once per slot (the report asks it of the same slots at every instant)."""
        return self.at.astimezone(UTC)

    def __hash__(self) -> int:
        return hash((self.medication_id, self.at))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Slot) and (self.medication_id, self.at) == (other.medication_id, other.at)


def local_instant(day: date, clock: time, tz: tzinfo) -> datetime:
    """The instant a wall-clock time names on a day, with the DST rules above."""
    if clock.tzinfo is None and not clock.fold:  # as regimens hold them: one call, not three
        first = datetime.combine(day, clock, tzinfo=tz)
    else:
        first = datetime.combine(day, clock.replace(tzinfo=None, fold=0), tzinfo=tz)
    # Round-trip through UTC: a time inside the spring gap comes back moved forward by the gap
    # (zoneinfo reads it with the offset in force before the change).
    return first.astimezone(UTC).astimezone(tz)


def regimen_days(regimen: Regimen, start_day: date, end_day: date) -> Iterable[date]:
    """Days in [start_day, end_day] on which the regimen gives doses (every-N-days aware)."""
    first = max(start_day, regimen.start)
    last = end_day if regimen.end is None else min(end_day, regimen.end)
    every = max(1, regimen.every_days)
    if first > last:
        return
    offset = (first - regimen.start).days % every
    if offset:
        first = first + timedelta(days=every - offset)
    d = first
    while d <= last:
        yield d
        d += timedelta(days=every)


def expand(medication: Medication, tz: tzinfo, start: datetime, end: datetime) -> list[Slot]:
    """Expected slots of one medication with start <= slot < end, sorted by time.

    When regimens overlap, each day follows the one `Medication.regimen_on` picks (the latest-
    starting), so a change entered without closing the old regimen never doubles the doses."""
    if medication.as_needed or start >= end:
        return []
    # A journal's zone that never moved (JournalZone.only_zone) gives the same instants, and its
    # conversions hand back datetimes in that very zone: the same slots, without Python calls.
    tz = getattr(tz, "only_zone", None) or tz
    first_day = start.astimezone(tz).date() - timedelta(days=1)
    last_day = end.astimezone(tz).date() + timedelta(days=1)
    out: dict[datetime, Slot] = {}
    for regimen in medication.regimens:
        if not regimen.times:
            continue
        for day in regimen_days(regimen, first_day, last_day):
            if medication.regimen_on(day) is not regimen:
                continue
            for clock in regimen.times:
                at = local_instant(day, clock, tz)
                if start <= at < end and at not in out:
                    out[at] = Slot(medication.id, at, regimen.dose, regimen, clock)
    return [out[k] for k in sorted(out)]


class SlotSpan:
    """One medication's slots expanded once over a long span, then cut to any window: `window(start,
    end)` gives what `expand(medication, tz, start, end)` gives (and their instants in UTC), for
    asking many overlapping windows (the report checks a period instant by instant). The first
    window is expanded as asked (one check asks a few days: nothing more is expanded for it).
    Asked outside what it holds, it expands the new part and as much again as it holds (at least
    a day, at most `GROW`), so a window that moves day by day expands a few times a year, not once
    a day. The medication must not change meanwhile."""

    GROW = timedelta(days=64)
    MIN_GROW = timedelta(days=1)

    def __init__(self, medication: Medication, tz: tzinfo) -> None:
        self.medication = medication
        self.tz = tz
        self._lo: datetime | None = None
        self._hi: datetime | None = None
        self._slots: list[Slot] = []
        self._keys: list[datetime] = []
        # The plan's matching window of each of the medication's schedules (by identity), per
        # drug matching window: see `plan_medicine` (shortest_gap is not free, and asked at every run).
        self.windows: dict[timedelta, dict[int, timedelta]] = {}

    def window(self, start: datetime, end: datetime) -> tuple[list[Slot], list[datetime]]:
        """The slots with start <= slot < end, sorted, and each one's instant in UTC."""
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        if self.medication.as_needed or start >= end:
            return [], []
        # Every slot in [lo, hi) comes from a day expand also looks at for any window inside it (a
        # day either side of the window), so cutting this list equals expanding the window; and
        # expanding [a, b) then [b, c) gives expanding [a, c), so the span grows by its new ends.
        if self._lo is None or self._hi is None:
            self._lo, self._hi = start, end
            self._slots = expand(self.medication, self.tz, self._lo, self._hi)
            self._keys = [s.at.astimezone(UTC) for s in self._slots]
        if start < self._lo:
            lo = start - self._grow()
            more = expand(self.medication, self.tz, lo, self._lo)
            self._slots = more + self._slots
            self._keys = [s.at.astimezone(UTC) for s in more] + self._keys
            self._lo = lo
        if end > self._hi:
            hi = end + self._grow()
            more = expand(self.medication, self.tz, self._hi, hi)
            self._slots = self._slots + more
            self._keys = self._keys + [s.at.astimezone(UTC) for s in more]
            self._hi = hi
        i, j = bisect_left(self._keys, start), bisect_left(self._keys, end)
        return self._slots[i:j], self._keys[i:j]

    def _grow(self) -> timedelta:
        """How much more than asked to expand on a side: as much as is held (doubling, so a
        moving window expands O(log) times at first), between a day and `GROW`."""
        assert self._lo is not None and self._hi is not None
        return min(self.GROW, max(self.MIN_GROW, self._hi - self._lo))


def expand_all(medications: Iterable[Medication], tz: tzinfo, start: datetime, end: datetime) -> list[Slot]:
    slots: list[Slot] = []
    for m in medications:
        slots.extend(expand(m, tz, start, end))
    slots.sort(key=lambda s: (s.at, s.medication_id or 0))
    return slots


def longest_gap(regimen: Regimen) -> timedelta:
    """The longest planned time between two doses of a regimen (wall-clock hours, no DST)."""
    if not regimen.times:
        return timedelta(0)
    minutes = sorted(t.hour * 60 + t.minute for t in regimen.times)
    period = 24 * 60 * max(1, regimen.every_days)
    gaps = [b - a for a, b in zip(minutes, minutes[1:], strict=False)]
    gaps.append(period - minutes[-1] + minutes[0])
    return timedelta(minutes=max(gaps))


def shortest_gap(regimen: Regimen) -> timedelta:
    """The shortest planned time between two doses of a regimen."""
    if not regimen.times:
        return timedelta(0)
    minutes = sorted({t.hour * 60 + t.minute for t in regimen.times})
    period = 24 * 60 * max(1, regimen.every_days)
    gaps = [b - a for a, b in zip(minutes, minutes[1:], strict=False)]
    gaps.append(period - minutes[-1] + minutes[0])
    return timedelta(minutes=min(gaps))
