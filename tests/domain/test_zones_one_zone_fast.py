"""A journal whose zone never changed answers through its ZoneInfo (issue 17: the checks convert
thousands of times a run): the local times, offsets and instants are exactly those of the
JournalZone, across both DST changes, in the gap and in the repeated hour."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from journal.domain.zones import ZonePeriod, journal_zone

ZONE = "America/Chicago"


def _instants() -> list[datetime]:
    out = []
    for start in (datetime(2026, 3, 8, 6, tzinfo=UTC), datetime(2026, 11, 1, 5, tzinfo=UTC)):
        out += [start + timedelta(minutes=15 * k) for k in range(16)]  # four hours around each change
    return out


def test_only_zone_is_the_zone_only_when_it_never_changed() -> None:
    assert journal_zone([ZonePeriod(date(2020, 1, 1), ZONE)]).only_zone == ZoneInfo(ZONE)
    moved = journal_zone([ZonePeriod(date(2020, 1, 1), ZONE), ZonePeriod(date(2026, 6, 1), "Europe/London")])
    assert moved.only_zone is None


@pytest.mark.parametrize("instant", _instants())
def test_local_times_and_offsets_are_the_zones(instant: datetime) -> None:
    jz = journal_zone([ZonePeriod(date(2020, 1, 1), ZONE)])
    zone = ZoneInfo(ZONE)
    local = instant.astimezone(jz)
    assert local == instant.astimezone(zone)
    assert local.utcoffset() == instant.astimezone(zone).utcoffset()
    assert local.isoformat() == instant.astimezone(zone).isoformat()
    for fold in (0, 1):  # a wall time read back (the repeated hour's two readings; the gap)
        wall = instant.astimezone(zone).replace(tzinfo=None, fold=fold)
        assert wall.replace(tzinfo=jz).astimezone(UTC) == wall.replace(tzinfo=zone).astimezone(UTC)
    gap = datetime(2026, 3, 8, 2, 30)
    assert gap.replace(tzinfo=jz).astimezone(UTC) == gap.replace(tzinfo=zone).astimezone(UTC)
