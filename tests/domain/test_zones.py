"""The journal's zone over time (domain/zones.py): each day in the zone in force that day, and the
switch between two zones at the end of the old zone's last day."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, date, datetime, time, timedelta

import pytest

from journal.domain import Medication, Quantity, Regimen, Unit
from journal.domain.zones import (
    JournalZone,
    ZoneError,
    ZonePeriod,
    change_periods,
    journal_zone,
    periods_from_json,
    zone_name_at,
    zones_label,
)
from journal.schedule import expand, local_instant

CHI, LON, TOKYO = "America/Chicago", "Europe/London", "Asia/Tokyo"
MOVE = date(2026, 11, 26)  # first day in the new zone
EAST = journal_zone([ZonePeriod(date(2026, 11, 1), CHI), ZonePeriod(MOVE, LON)])  # Chicago -> London
WEST = journal_zone([ZonePeriod(date(2026, 11, 1), LON), ZonePeriod(MOVE, CHI)])  # London -> Chicago


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def tds(times: list[str]) -> Medication:
    r = Regimen(start=date(2026, 1, 1), dose=Quantity(10, Unit.MG), times=[time.fromisoformat(t) for t in times])
    return Medication("Baclofen", drug="baclofen", regimens=[r], id=1)


def test_one_zone_reads_and_shows_exactly_like_that_zone_all_year_round() -> None:
    from zoneinfo import ZoneInfo

    one, chi = journal_zone([ZonePeriod(date(2026, 1, 1), CHI)]), ZoneInfo(CHI)
    for day in (date(2025, 6, 1), date(2026, 3, 8), date(2026, 7, 4), date(2026, 11, 1), date(2026, 12, 31)):
        for clock in (time(0), time(1, 30), time(2, 30), time(8), time(23, 59)):
            assert local_instant(day, clock, one) == local_instant(day, clock, chi)
            assert local_instant(day, clock, one).utcoffset() == local_instant(day, clock, chi).utcoffset()
    instant = utc(2026, 11, 1, 6, 30)  # the fall-back hour: 01:30 CDT
    assert instant.astimezone(one).isoformat() == instant.astimezone(chi).isoformat() == "2026-11-01T01:30:00-05:00"
    assert str(one) == CHI


def test_moving_east_the_last_home_day_is_kept_whole_and_the_new_day_is_in_the_new_zone() -> None:
    bedtime = local_instant(date(2026, 11, 25), time(21), EAST)
    assert bedtime.astimezone(UTC) == utc(2026, 11, 26, 3)  # 21:00 in Chicago, not in London
    assert (bedtime.date(), bedtime.hour, bedtime.tzinfo.key) == (date(2026, 11, 25), 21, CHI)  # type: ignore[union-attr]
    breakfast = local_instant(MOVE, time(8), EAST)
    assert breakfast.astimezone(UTC) == utc(2026, 11, 26, 8)
    assert (breakfast.hour, breakfast.tzinfo.key) == (8, LON)  # type: ignore[union-attr]
    # The day before the move ends at Chicago's midnight, so its 21:00 dose belongs to it.
    start, end = (datetime.combine(d, time(0), tzinfo=EAST) for d in (date(2026, 11, 25), MOVE))
    assert start.astimezone(UTC) == utc(2026, 11, 25, 6) and end.astimezone(UTC) == utc(2026, 11, 26, 6)
    assert start <= bedtime < end
    slots = expand(tds(["08:00", "14:00", "21:00"]), EAST, start, end)
    assert [s.at.strftime("%H:%M") for s in slots] == ["08:00", "14:00", "21:00"]


def test_moving_east_a_time_the_new_day_skipped_moves_forward_like_a_spring_forward_gap() -> None:
    # London's 02:00 on the first day passed while the family was still on Chicago's last evening.
    at = local_instant(MOVE, time(2), EAST)
    assert at.astimezone(UTC) == utc(2026, 11, 26, 8) and at.strftime("%H:%M") == "08:00"
    # ...so a 02:00 and an 08:00 slot on that one day become one slot (the DST rule of schedule.expand).
    day = expand(tds(["02:00", "08:00"]), EAST, datetime.combine(MOVE, time(0), tzinfo=EAST),
                 datetime.combine(MOVE + timedelta(days=1), time(0), tzinfo=EAST))
    assert [s.at.strftime("%H:%M") for s in day] == ["08:00"]
    nxt = local_instant(MOVE + timedelta(days=1), time(2), EAST)
    assert nxt.astimezone(UTC) == utc(2026, 11, 27, 2)  # the next day is ordinary London time


def test_moving_west_the_last_day_abroad_keeps_its_zone_and_its_evening_happens_twice() -> None:
    bedtime = local_instant(date(2026, 11, 25), time(21), WEST)
    assert bedtime.astimezone(UTC) == utc(2026, 11, 25, 21) and bedtime.tzinfo.key == LON  # type: ignore[union-attr]
    breakfast = local_instant(MOVE, time(8), WEST)
    assert breakfast.astimezone(UTC) == utc(2026, 11, 26, 14) and breakfast.tzinfo.key == CHI  # type: ignore[union-attr]
    # After London's midnight the clock reads Chicago time: the evening of the 25th again.
    late = utc(2026, 11, 26, 2).astimezone(WEST)
    assert (late.date(), late.strftime("%H:%M"), late.tzinfo.key) == (date(2026, 11, 25), "20:00", CHI)  # type: ignore[union-attr]
    start, end = (datetime.combine(d, time(0), tzinfo=WEST) for d in (date(2026, 11, 25), MOVE))
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=30)  # the long day
    assert start <= late < end


def test_the_switch_instant_is_the_old_zones_midnight() -> None:
    switch = utc(2026, 11, 26, 6)  # midnight in Chicago
    assert zone_name_at(EAST, switch - timedelta(microseconds=1)) == CHI
    assert zone_name_at(EAST, switch) == LON
    assert (switch - timedelta(seconds=1)).astimezone(EAST).strftime("%d %H:%M:%S") == "25 23:59:59"
    assert switch.astimezone(EAST).strftime("%d %H:%M") == "26 06:00"
    assert EAST.zone_on(date(2026, 11, 25)).key == CHI and EAST.zone_on(MOVE).key == LON
    assert EAST.zone_on(date(2020, 1, 1)).key == CHI  # the first zone holds before its date too
    with pytest.raises(ValueError):
        EAST.zone_at(datetime(2026, 11, 26, 8))


def test_time_between_instants_shown_in_different_zones_is_the_real_time() -> None:
    before = local_instant(date(2026, 11, 25), time(21), EAST)
    after = local_instant(MOVE, time(8), EAST)
    assert after - before == timedelta(hours=5)  # not the 11 h the two wall clocks suggest
    assert before < after and sorted([after, before]) == [before, after]


def test_daylight_saving_inside_a_period_is_the_zones_own() -> None:
    spring = journal_zone([ZonePeriod(date(2025, 1, 1), LON), ZonePeriod(date(2026, 2, 1), CHI)])
    at = local_instant(date(2026, 3, 8), time(2, 30), spring)  # Chicago's spring-forward gap
    assert at.strftime("%H:%M") == "03:30" and at.utcoffset() == timedelta(hours=-5)
    fall = local_instant(date(2026, 11, 1), time(1, 30), spring)
    assert fall.astimezone(UTC) == utc(2026, 11, 1, 6, 30)  # the first 01:30


def test_zone_objects_compare_by_their_periods_and_survive_copies() -> None:
    again = journal_zone(list(reversed(EAST.periods)))
    assert again is EAST and again == JournalZone(EAST.periods) and hash(again) == hash(EAST)
    assert copy.deepcopy(EAST) == EAST and pickle.loads(pickle.dumps(EAST)) == EAST
    assert EAST != WEST
    assert str(EAST) == "America/Chicago, then Europe/London from 2026-11-26"


def test_label_of_a_span_names_only_the_zones_of_its_days() -> None:
    assert zones_label(EAST, date(2026, 11, 19), date(2026, 11, 25)) == CHI
    assert zones_label(EAST, date(2026, 11, 27), date(2026, 11, 30)) == LON
    assert zones_label(EAST, date(2026, 11, 20), date(2026, 11, 27)) == "America/Chicago, then Europe/London from 2026-11-26"


def test_a_change_is_dated_and_keeps_the_days_before_it() -> None:
    home = (ZonePeriod(date(2026, 11, 1), CHI),)
    moved = change_periods(home, LON, MOVE)
    assert moved == (ZonePeriod(date(2026, 11, 1), CHI), ZonePeriod(MOVE, LON))
    assert change_periods(moved, TOKYO, MOVE) == (ZonePeriod(date(2026, 11, 1), CHI), ZonePeriod(MOVE, TOKYO))
    assert change_periods(moved, CHI, MOVE) == home  # back to the zone before: no change left
    assert change_periods(moved, LON, date(2026, 12, 1)) == moved  # already in force
    with pytest.raises(ZoneError) as e:
        change_periods(moved, TOKYO, date(2026, 11, 25))  # would move days planned in London
    assert e.value.field == "since"
    with pytest.raises(ZoneError) as e:
        change_periods(moved, "Mars/Olympus", date(2026, 12, 1))
    assert e.value.field == "timezone"


@pytest.mark.parametrize(("raw", "field"), [
    ([], "timezones"),
    ("Europe/London", "timezones"),
    ([{"since": "2026-13-01", "timezone": LON}], "timezones/0/since"),
    ([{"since": "2026-11-01", "timezone": CHI}, {"since": "2026-11-26", "timezone": "Europe/Londres"}],
     "timezones/1/timezone"),
    ([{"since": "2026-11-26", "timezone": CHI}, {"since": "2026-11-26", "timezone": LON}], "timezones/1/since"),
    ([{"since": "2026-11-26", "timezone": CHI}, {"since": "2026-11-01", "timezone": LON}], "timezones/1/since"),
])
def test_a_bad_zone_history_names_the_entry(raw: object, field: str) -> None:
    with pytest.raises(ZoneError) as e:
        periods_from_json(raw)
    assert e.value.field == field


def test_zone_history_reads_its_own_json() -> None:
    assert periods_from_json([p.as_json() for p in EAST.periods]) == EAST.periods
