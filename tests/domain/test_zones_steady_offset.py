"""`steady_offset` (issue 17: the export shows each stored time by one addition): the offset it
gives for a span is the offset `astimezone` shows for every instant in it, and it says None for a
span in which the offset changes: both DST changes, a change at half past the hour (Lord Howe), and
a journal that moved to another zone, on the hour and at half past (from India)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from journal.domain.zones import ZonePeriod, journal_zone, steady_offset

HOUR = timedelta(hours=1)
CHICAGO = ZoneInfo("America/Chicago")
MOVED_EAST = journal_zone([ZonePeriod(date(2020, 1, 1), "America/Chicago"), ZonePeriod(date(2026, 11, 26), "Europe/London")])
FROM_INDIA = journal_zone([ZonePeriod(date(2020, 1, 1), "Asia/Kolkata"), ZonePeriod(date(2026, 6, 10), "America/Chicago")])


def _offsets(tz: tzinfo, start: datetime, end: datetime, step: timedelta) -> set[timedelta | None]:
    out = set()
    t = start
    while t < end:
        out.add(t.astimezone(tz).utcoffset())
        t += step
    out.add((end - timedelta(microseconds=1)).astimezone(tz).utcoffset())
    return out


def _hours(first: datetime, n: int) -> list[datetime]:
    return [first + k * HOUR for k in range(n)]


CASES = [  # (zone, the UTC hour answered None, or None when every hour is steady, first hour looked at)
    (CHICAGO, None, datetime(2026, 3, 7, 12, tzinfo=UTC)),  # spring forward at 08:00 UTC
    (CHICAGO, None, datetime(2026, 10, 31, 12, tzinfo=UTC)),  # fall back at 07:00 UTC
    (journal_zone([ZonePeriod(date(2020, 1, 1), "America/Chicago")]), None, datetime(2026, 3, 7, 12, tzinfo=UTC)),
    (ZoneInfo("Australia/Lord_Howe"), datetime(2026, 10, 3, 15, tzinfo=UTC), datetime(2026, 10, 2, 12, tzinfo=UTC)),  # 15:30 UTC
    (MOVED_EAST, datetime(2026, 11, 26, 6, tzinfo=UTC), datetime(2026, 11, 24, 12, tzinfo=UTC)),  # switch on the hour
    (FROM_INDIA, datetime(2026, 6, 9, 18, tzinfo=UTC), datetime(2026, 6, 8, 12, tzinfo=UTC)),  # at 18:30 UTC
]


@pytest.mark.parametrize(("tz", "changing_hour", "first"), CASES)
def test_each_hour_is_its_instants_offset_or_none_where_it_changes(tz: tzinfo, changing_hour: datetime | None, first: datetime) -> None:
    nones = []
    for hour in _hours(first, 72):
        got = steady_offset(tz, hour, hour + HOUR)
        shown = _offsets(tz, hour, hour + HOUR, timedelta(minutes=1))
        if got is None:
            nones.append(hour)
        else:
            assert shown == {got}
    # a change inside an hour is found; an hour a journal switches zone in is always None
    assert nones == ([changing_hour] if changing_hour else [])


@pytest.mark.parametrize(("tz", "changing_hour", "first"), CASES)
def test_a_day_with_a_change_is_none_and_the_others_are_steady(tz: tzinfo, changing_hour: datetime | None, first: datetime) -> None:
    days = [first.replace(hour=0) + timedelta(days=k) for k in range(4)]
    steady = {day: steady_offset(tz, day, day + timedelta(days=1)) for day in days}
    changed = [day for day in days if len(_offsets(tz, day, day + timedelta(days=1), timedelta(minutes=30))) > 1]
    assert len(changed) == 1
    for day, got in steady.items():
        if day in changed:
            assert got is None
        else:
            assert got == day.astimezone(tz).utcoffset()


def test_a_zone_switch_on_the_hour_is_still_asked_instant_by_instant() -> None:
    switch = datetime(2026, 11, 26, 6, tzinfo=UTC)  # Chicago's midnight ending 2026-11-25
    assert steady_offset(MOVED_EAST, switch - HOUR, switch) == timedelta(hours=-6)
    assert steady_offset(MOVED_EAST, switch, switch + HOUR) is None
    assert steady_offset(MOVED_EAST, switch + HOUR, switch + 2 * HOUR) == timedelta(0)


def test_needs_aware_times_in_order() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="aware"):
        steady_offset(CHICAGO, at.replace(tzinfo=None), at + HOUR)
    with pytest.raises(ValueError, match="start before end"):
        steady_offset(CHICAGO, at, at)


def test_the_end_of_the_calendar_is_none_not_an_error() -> None:
    last = datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert steady_offset(ZoneInfo("Asia/Tokyo"), last, last + timedelta(minutes=59)) is None
