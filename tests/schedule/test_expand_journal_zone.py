"""Slots of a journal whose zone never moved are expanded through its one ZoneInfo (issue 17: the
report expands a year of slots): the same instants, wall times and zone as going through the
JournalZone itself, across both DST changes (the spring gap, the repeated autumn hour)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from journal.domain import Medication, Quantity, Regimen, Unit
from journal.domain.zones import ZonePeriod, journal_zone
from journal.schedule import expand

ZONE = "America/Chicago"


def _med() -> Medication:
    times = [time(1, 30), time(2, 30), time(8, 0), time(20, 0)]  # in the autumn repeat and the spring gap
    return Medication("Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG), id=1,
                      regimens=[Regimen(start=date(2026, 1, 1), dose=Quantity(10, Unit.MG), times=times)])


def _through_the_journal_zone(m: Medication, jz: object, start: datetime, end: datetime) -> list[datetime]:
    """What expand gave before: every wall time read through the JournalZone itself."""
    out: set[datetime] = set()
    day = start.astimezone(UTC).date() - timedelta(days=2)
    while day <= end.astimezone(UTC).date() + timedelta(days=2):
        for clock in m.regimens[0].times:
            at = datetime.combine(day, clock, tzinfo=jz).astimezone(UTC).astimezone(jz)  # type: ignore[arg-type]
            if start <= at < end:
                out.add(at)
        day += timedelta(days=1)
    return sorted(out)


def test_expand_in_a_journal_zone_equals_reading_each_wall_time_through_it() -> None:
    jz = journal_zone([ZonePeriod(date(2020, 1, 1), ZONE)])
    m = _med()
    for first in (datetime(2026, 3, 7, tzinfo=UTC), datetime(2026, 10, 31, tzinfo=UTC)):
        start, end = first, first + timedelta(days=3)
        got = expand(m, jz, start, end)
        want = _through_the_journal_zone(m, jz, start, end)
        assert [s.at for s in got] == want
        assert [(s.at.isoformat(), s.at.tzinfo) for s in got] == [(w.isoformat(), w.tzinfo) for w in want]
        assert len(got) in (11, 12)  # the gap's 02:30 moved onto 03:30; the autumn 01:30 once


def test_a_journal_that_moved_still_expands_through_its_zones() -> None:
    moved = journal_zone([ZonePeriod(date(2020, 1, 1), ZONE), ZonePeriod(date(2026, 6, 1), "Europe/London")])
    assert moved.only_zone is None
    m = _med()
    start = datetime(2026, 5, 30, tzinfo=UTC)
    end = start + timedelta(days=4)
    assert [s.at for s in expand(m, moved, start, end)] == _through_the_journal_zone(m, moved, start, end)
