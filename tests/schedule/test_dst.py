"""Dose slots across daylight-saving changes (America/Chicago and Europe/London)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.domain import Medication, Quantity, Regimen, Unit
from journal.schedule import expand, local_instant

CHI = ZoneInfo("America/Chicago")
LON = ZoneInfo("Europe/London")


def med(times: list[str], start: date = date(2026, 1, 1), every: int = 1) -> Medication:
    r = Regimen(start=start, dose=Quantity(10, Unit.MG), times=[time.fromisoformat(t) for t in times],
                every_days=every)
    return Medication("Baclofen", drug="baclofen", regimens=[r], id=1)


def test_spring_forward_0230_slot_moves_to_0330_chicago() -> None:
    # 2026-03-08: clocks in Chicago jump from 02:00 to 03:00.
    slots = expand(med(["02:30", "08:00"]), CHI, datetime(2026, 3, 8, tzinfo=CHI), datetime(2026, 3, 9, tzinfo=CHI))
    assert len(slots) == 2
    first = slots[0].at
    assert (first.hour, first.minute) == (3, 30)
    assert first.utcoffset() == timedelta(hours=-5)  # daylight time
    assert first.astimezone(UTC) == datetime(2026, 3, 8, 8, 30, tzinfo=UTC)
    assert slots[0].wall_time == time(2, 30)


def test_spring_forward_slot_colliding_with_another_becomes_one() -> None:
    slots = expand(med(["02:30", "03:30"]), CHI, datetime(2026, 3, 8, tzinfo=CHI), datetime(2026, 3, 9, tzinfo=CHI))
    assert [(s.at.hour, s.at.minute) for s in slots] == [(3, 30)]


def test_day_after_spring_forward_is_back_to_normal() -> None:
    slots = expand(med(["02:30"]), CHI, datetime(2026, 3, 7, tzinfo=CHI), datetime(2026, 3, 10, tzinfo=CHI))
    assert [(s.at.day, s.at.hour) for s in slots] == [(7, 2), (8, 3), (9, 2)]


def test_fall_back_repeated_hour_gives_one_slot_at_first_occurrence_chicago() -> None:
    # 2026-11-01: 01:00-02:00 happens twice in Chicago.
    slots = expand(med(["01:30"]), CHI, datetime(2026, 11, 1, tzinfo=CHI), datetime(2026, 11, 2, tzinfo=CHI))
    assert len(slots) == 1
    assert slots[0].at.utcoffset() == timedelta(hours=-5)  # still daylight time: the first 01:30
    assert slots[0].at.astimezone(UTC) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)


def test_london_spring_forward_0130_slot_moves_to_0230() -> None:
    # 2026-03-29: London jumps from 01:00 GMT to 02:00 BST.
    at = local_instant(date(2026, 3, 29), time(1, 30), LON)
    assert (at.hour, at.minute) == (2, 30)
    assert at.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_london_fall_back_window_spanning_the_change_has_one_slot_per_day() -> None:
    # 2026-10-25: 01:00-02:00 repeats in London; a day there is 25 hours long.
    slots = expand(med(["01:30", "09:00"]), LON, datetime(2026, 10, 24, tzinfo=LON),
                   datetime(2026, 10, 27, tzinfo=LON))
    assert [s.at.strftime("%d %H:%M") for s in slots] == [
        "24 01:30", "24 09:00", "25 01:30", "25 09:00", "26 01:30", "26 09:00"]
    assert slots[2].at.utcoffset() == timedelta(hours=1)  # first 01:30 (BST)
    assert slots[3].at.utcoffset() == timedelta(0)  # 09:00 GMT


def test_every_other_day_across_dst_keeps_wall_clock_time() -> None:
    slots = expand(med(["08:00"], start=date(2026, 3, 1), every=2), CHI,
                   datetime(2026, 3, 1, tzinfo=CHI), datetime(2026, 3, 12, tzinfo=CHI))
    assert [s.at.day for s in slots] == [1, 3, 5, 7, 9, 11]
    assert all(s.at.hour == 8 for s in slots)
    assert slots[4].at.astimezone(UTC) - slots[3].at.astimezone(UTC) == timedelta(hours=47)  # 7th -> 9th crosses the change


def test_window_given_in_utc_still_uses_local_days() -> None:
    start = datetime(2026, 3, 8, 6, 0, tzinfo=UTC)  # 00:00 CST
    slots = expand(med(["00:30", "23:30"]), CHI, start, start + timedelta(hours=23))
    assert [s.at.strftime("%H:%M") for s in slots] == ["00:30", "23:30"]
