"""The journal's time zone over time: each local day is lived, planned and reported in the zone in
force on that day, so a change of zone never moves what happened before it (issue 12,
spec/exchange-format.md `timezones`).

`JournalZone` is a `tzinfo`, so every `x.astimezone(tz)`, `datetime.combine(day, t, tzinfo=tz)` and
`schedule.expand.local_instant(day, t, tz)` is right day by day without knowing about periods:

- A wall-clock time is read in the zone in force on its date (`utcoffset`, `dst`, `tzname`).
- An instant is shown in the zone in force then (`fromutc`). The result carries that period's
  `ZoneInfo`, not the `JournalZone`: arithmetic and comparisons between two shown instants then go
  through UTC as soon as they lie in different periods (Python compares two datetimes with the same
  tzinfo object by their wall clocks, which would be wrong across a change).

The switch itself (a period starting on day D after a period in another zone):
- The old zone's last day is kept whole: the new zone starts at the old zone's midnight that ends
  day D-1 (for America/Chicago -> Europe/London on 2026-11-26, at 06:00 UTC).
- Moving east, the first hours of day D in the new zone have already gone by in the old zone when
  that midnight comes: like a spring-forward gap, a wall time there is read with the old zone's
  offset (fold=0: moved forward by the gap, as `schedule.expand` does for DST) or the new one's
  (fold=1).
- Moving west, the evening of day D-1 happens twice (first in the old zone, then in the new one,
  like a fall-back); a wall time written without offset is read in the zone of its date, the old
  one.
Daylight-saving changes inside one period are the `ZoneInfo`'s own, unchanged.

As with any tzinfo, two datetimes that both carry the `JournalZone` itself (made with
`datetime.combine(..., tzinfo=tz)` or `.replace(tzinfo=tz)`) subtract and compare by their wall
clocks; convert to UTC first to measure real time between two such values.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TypeGuard
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .i18n import _


class ZoneError(ValueError):
    """A zone history that cannot be used; `field` names the entry (e.g. "timezones/1/since")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, order=True)
class ZonePeriod:
    """From local date `since` (until the next period's) days are lived in the IANA zone `zone`.
    The first period also holds for every day before its `since`."""

    since: date
    zone: str

    def as_json(self) -> dict[str, str]:
        return {"since": self.since.isoformat(), "timezone": self.zone}


def valid_zone_name(name: object) -> TypeGuard[str]:
    """True for an IANA zone name the machine knows (e.g. "Europe/London")."""
    if not isinstance(name, str) or not name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return False
    return True


def check_periods(periods: Sequence[ZonePeriod], field: str = "timezones") -> tuple[ZonePeriod, ...]:
    """The periods as a tuple, or ZoneError naming the first bad entry (`field`/i/since or
    `field`/i/timezone): at least one, known zone names, `since` dates strictly increasing."""
    if not periods:
        raise ZoneError(field, _("needs at least one entry"))
    for i, p in enumerate(periods):
        if not valid_zone_name(p.zone):
            raise ZoneError(f"{field}/{i}/timezone", _('"{zone}" is not a known time zone (e.g. Europe/London)').format(zone=p.zone))
        if i and p.since <= periods[i - 1].since:
            raise ZoneError(f"{field}/{i}/since", _("{since} is not after the entry before it ({since2}); list the zones oldest first, one per date").format(since=p.since.isoformat(), since2=periods[i - 1].since.isoformat()))
    return tuple(periods)


def periods_from_json(raw: object, field: str = "timezones") -> tuple[ZonePeriod, ...]:
    """[{"since": "YYYY-MM-DD", "timezone": name}, ...] -> checked periods (ZoneError naming the entry)."""
    if not isinstance(raw, list):
        raise ZoneError(field, _("must be a list of {since, timezone}"))
    out: list[ZonePeriod] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise ZoneError(f"{field}/{i}", _("must be {since, timezone}"))
        try:
            since = date.fromisoformat(str(entry.get("since")))
        except ValueError:
            raise ZoneError(f"{field}/{i}/since", _('"{entry}" is not a date (YYYY-MM-DD)').format(entry=entry.get("since"))) from None
        out.append(ZonePeriod(since, str(entry.get("timezone"))))
    return check_periods(out, field)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of `day` in `zone`, in UTC (a midnight inside a DST gap moves forward)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


class JournalZone(tzinfo):
    """A tzinfo for a journal whose zone changed over time (see the module text for the rules).
    Build with `journal_zone(periods)`; equal periods give the same object."""

    def __init__(self, periods: Iterable[ZonePeriod]) -> None:
        self._periods = check_periods(sorted(periods))
        self._zones = tuple(ZoneInfo(p.zone) for p in self._periods)
        self._since = [p.since for p in self._periods]
        # Switch instants (naive UTC): period k is shown from _switch[k-1] on (k >= 1).
        switch: list[datetime] = []
        for k in range(1, len(self._periods)):
            at = _midnight(self._since[k], self._zones[k - 1]).replace(tzinfo=None)
            switch.append(max(at, switch[-1]) if switch else at)
        self._switch = switch
        # A journal that never moved (most): every question is its one zone's answer, asked directly
        # (the checks and the report convert times hundreds of thousands of times).
        self._only: ZoneInfo | None = self._zones[0] if len(self._zones) == 1 else None

    # --- questions the journal asks ---------------------------------------------------------------
    @property
    def periods(self) -> tuple[ZonePeriod, ...]:
        return self._periods

    @property
    def only_zone(self) -> ZoneInfo | None:
        """The one zone of a journal that never moved (None after a move): converting an instant
        to it gives the same datetime as converting to this JournalZone, faster."""
        return self._only

    @property
    def current(self) -> ZoneInfo:
        """The zone of the latest period (the journal's "timezone" setting)."""
        return self._zones[-1]

    def _index_on(self, day: date) -> int:
        return max(0, bisect.bisect_right(self._since, day) - 1)

    def zone_on(self, day: date) -> ZoneInfo:
        """The zone in force on a local date."""
        return self._zones[self._index_on(day)]

    def zone_at(self, instant: datetime) -> ZoneInfo:
        """The zone in force at an aware instant (ValueError for a naive one)."""
        if instant.tzinfo is None:
            raise ValueError("zone_at needs an aware datetime")
        utc = instant.astimezone(UTC).replace(tzinfo=None)
        return self._zones[bisect.bisect_right(self._switch, utc)]

    def name_at(self, instant: datetime) -> str:
        """The IANA name in force at an instant, e.g. for "as of 08:00 (Europe/London)"."""
        return str(self.zone_at(instant).key)

    def switches_within(self, first: datetime, last: datetime) -> bool:
        """True when the journal moved to another zone at an instant from `first` to `last`
        (aware datetimes, both included)."""
        lo = first.astimezone(UTC).replace(tzinfo=None)
        hi = last.astimezone(UTC).replace(tzinfo=None)
        k = bisect.bisect_left(self._switch, lo)
        return k < len(self._switch) and self._switch[k] <= hi

    # --- tzinfo ------------------------------------------------------------------------------------
    def _zone_for_wall(self, dt: datetime) -> ZoneInfo:
        if not self._switch:  # one zone all along (most journals)
            return self._zones[0]
        naive = dt.replace(tzinfo=None)
        k = self._index_on(naive.date())
        zone = self._zones[k]
        if k == 0 or (naive.date() - self._since[k]).days > 1:
            return zone
        # On a switch day moving east, the new zone's first hours may not exist yet (a gap).
        offset = zone.utcoffset(naive.replace(tzinfo=zone))
        assert offset is not None
        if naive - offset < self._switch[k - 1] and not naive.fold:
            return self._zones[k - 1]
        return zone

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        if self._only is not None:
            return self._only.utcoffset(dt)
        return self._zone_for_wall(dt).utcoffset(dt.replace(tzinfo=None))

    def dst(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return self._zone_for_wall(dt).dst(dt.replace(tzinfo=None))

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return self.current.key
        return self._zone_for_wall(dt).tzname(dt.replace(tzinfo=None))

    def fromutc(self, dt: datetime) -> datetime:
        if not isinstance(dt, datetime) or dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        if self._only is not None:
            return dt.replace(tzinfo=UTC).astimezone(self._only)
        utc = dt.replace(tzinfo=None)
        zone = self._zones[bisect.bisect_right(self._switch, utc)]
        return dt.replace(tzinfo=UTC).astimezone(zone)

    # --- value semantics ------------------------------------------------------------------------------
    def __getinitargs__(self) -> tuple[tuple[ZonePeriod, ...]]:
        return (self._periods,)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JournalZone) and other._periods == self._periods

    def __hash__(self) -> int:
        return hash(self._periods)

    def __repr__(self) -> str:
        return f"JournalZone({list(self._periods)!r})"

    def __str__(self) -> str:
        """The zone's name when it never changed, else each zone with the day it began."""
        if len(self._periods) == 1:
            return self._periods[0].zone
        return _(", then ").join(_("{zone} from {day}").format(zone=p.zone, day=p.since.isoformat()) if i else p.zone
                                 for i, p in enumerate(self._periods))


def steady_offset(tz: tzinfo, start: datetime, end: datetime) -> timedelta | None:
    """The UTC offset every instant from `start` (included) to `end` (excluded) is shown with in
    `tz` (what `instant.astimezone(tz).utcoffset()` gives), when it is the same for all of them;
    None when it changes in between (a DST change, or a journal's zone switch, inside the span:
    ask `astimezone` for each instant, or a shorter span) or the span reaches the calendar's end.

    `start`, `end`: aware datetimes, `start < end` (ValueError otherwise). For a `JournalZone`
    the answer is its own `fromutc` (the zone in force at the instant), so text built on it shows
    exactly the local times `astimezone(journal_tz)` shows. Taken as given: a zone changes its
    offset at most once within the span, so spans of at most a day are meant (every zone in the
    IANA database keeps an offset for weeks); a span holding one of a JournalZone's switch
    instants is always None. Lets the export show a million times by one addition each (issue 17)."""
    if start.tzinfo is None or end.tzinfo is None or not start < end:
        raise ValueError(f"steady_offset needs aware datetimes, start before end: {start!r}, {end!r}")
    try:
        last = end - timedelta(microseconds=1)
        first_offset = start.astimezone(tz).utcoffset()
        last_offset = last.astimezone(tz).utcoffset()
    except OverflowError:
        return None
    if first_offset != last_offset:
        return None
    if isinstance(tz, JournalZone) and tz.switches_within(start, last):
        return None
    return first_offset


@lru_cache(maxsize=64)
def _cached(periods: tuple[ZonePeriod, ...]) -> JournalZone:
    return JournalZone(periods)


def journal_zone(periods: Iterable[ZonePeriod]) -> JournalZone:
    """The JournalZone for these periods (ZoneError for a bad list); the same object each time."""
    return _cached(check_periods(tuple(sorted(periods))))


def zone_name_at(tz: tzinfo, instant: datetime) -> str:
    """The IANA name of `tz` at `instant` (a JournalZone's period, a ZoneInfo's key, else str(tz))."""
    if isinstance(tz, JournalZone):
        return tz.name_at(instant)
    return str(getattr(tz, "key", None) or tz)


def zone_on(tz: tzinfo, day: date) -> tzinfo:
    """The plain zone in force on a local date (itself for a tz that never changes)."""
    return tz.zone_on(day) if isinstance(tz, JournalZone) else tz


def change_periods(periods: Sequence[ZonePeriod], zone: str, since: date) -> tuple[ZonePeriod, ...]:
    """The periods after changing to `zone` from local date `since`: days before `since` keep their
    zone. A change on the day the latest period starts replaces that period; one before it is a
    ZoneError (it would move days already planned in a later zone). Changing to the zone already in
    force adds nothing."""
    if not valid_zone_name(zone):
        raise ZoneError("timezone", _('"{zone}" is not a known time zone (e.g. Europe/London)').format(zone=zone))
    current = tuple(sorted(periods))
    if not current:
        return (ZonePeriod(since, zone),)
    last = current[-1]
    if since < last.since and len(current) > 1:
        raise ZoneError("since", _("the zone was last changed on {since}; a new zone can apply from that day on, not before").format(since=last.since.isoformat()))
    if since <= last.since:
        kept = current[:-1]
        changed = (*kept, ZonePeriod(last.since if kept else min(since, last.since), zone))
    else:
        changed = (*current, ZonePeriod(since, zone))
    merged: list[ZonePeriod] = []
    for p in changed:  # a period in the zone already in force is no change
        if not merged or merged[-1].zone != p.zone:
            merged.append(p)
    return check_periods(merged)


def zones_label(tz: tzinfo, first_day: date, last_day: date) -> str:
    """The zone or zones of the days first_day..last_day in words, e.g. "America/Chicago" or
    "America/Chicago, then Europe/London from 2026-11-26" (for a report's header)."""
    if not isinstance(tz, JournalZone):
        return str(getattr(tz, "key", None) or tz)
    parts: list[str] = []
    for i, p in enumerate(tz.periods):
        ends = tz.periods[i + 1].since if i + 1 < len(tz.periods) else None
        if (ends is not None and ends <= first_day) or (i and p.since > last_day):
            continue
        parts.append(_("{zone} from {day}").format(zone=p.zone, day=p.since.isoformat()) if parts else p.zone)
    return _(", then ").join(parts)
