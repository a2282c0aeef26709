"""Schedule expansion: which doses a person is expected to get, and when."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.domain import Form, Medication, Quantity, Regimen, Unit
from journal.schedule import expand, longest_gap, shortest_gap

CHI = ZoneInfo("America/Chicago")
LON = ZoneInfo("Europe/London")


def med(*regimens: Regimen, as_needed: bool = False, mid: int = 1) -> Medication:
    return Medication("Baclofen 10 mg tablets", form=Form.TABLET, drug="baclofen",
                      strength=Quantity(10, Unit.MG), as_needed=as_needed, regimens=list(regimens), id=mid)


def reg(start: date, times: list[str], end: date | None = None, every: int = 1, mg: float = 10) -> Regimen:
    return Regimen(start=start, end=end, dose=Quantity(mg, Unit.MG),
                   times=[time.fromisoformat(t) for t in times], every_days=every)


def local(tz: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz)


def test_three_times_a_day_gives_three_slots_per_day_in_local_time() -> None:
    m = med(reg(date(2026, 10, 1), ["08:00", "14:00", "20:00"]))
    slots = expand(m, CHI, local(CHI, 2026, 10, 5), local(CHI, 2026, 10, 7))
    assert [s.at.strftime("%m-%d %H:%M") for s in slots] == [
        "10-05 08:00", "10-05 14:00", "10-05 20:00", "10-06 08:00", "10-06 14:00", "10-06 20:00"]
    assert all(s.at.utcoffset() == timedelta(hours=-5) for s in slots)


def test_window_is_half_open_and_regimen_end_is_inclusive() -> None:
    m = med(reg(date(2026, 10, 1), ["08:00"], end=date(2026, 10, 3)))
    slots = expand(m, CHI, local(CHI, 2026, 10, 1, 8), local(CHI, 2026, 10, 10))
    assert [s.at.day for s in slots] == [1, 2, 3]  # 1st included (start), 3rd included (end day)
    assert expand(m, CHI, local(CHI, 2026, 10, 1, 8, 1), local(CHI, 2026, 10, 2, 8)) == []


def test_prn_medication_has_no_slots() -> None:
    m = med(reg(date(2026, 10, 1), ["08:00"]), as_needed=True)
    assert expand(m, CHI, local(CHI, 2026, 10, 1), local(CHI, 2026, 10, 5)) == []
    no_times = med(reg(date(2026, 10, 1), []))
    assert expand(no_times, CHI, local(CHI, 2026, 10, 1), local(CHI, 2026, 10, 5)) == []


def test_every_other_day_counts_from_regimen_start_not_window_start() -> None:
    m = med(reg(date(2026, 10, 2), ["09:00"], every=2))
    slots = expand(m, CHI, local(CHI, 2026, 10, 5), local(CHI, 2026, 10, 12))
    assert [s.at.day for s in slots] == [6, 8, 10]


def test_a_dose_change_switches_slots_on_the_right_day() -> None:
    old = reg(date(2026, 10, 1), ["08:00", "20:00"], end=date(2026, 10, 3), mg=5)
    new = reg(date(2026, 10, 4), ["08:00", "14:00", "20:00"], mg=10)
    slots = expand(med(old, new), CHI, local(CHI, 2026, 10, 3), local(CHI, 2026, 10, 5))
    assert [(s.at.strftime("%d %H"), s.dose.value) for s in slots] == [
        ("03 08", 5), ("03 20", 5), ("04 08", 10), ("04 14", 10), ("04 20", 10)]


def test_overlapping_regimens_do_not_double_the_doses() -> None:
    old = reg(date(2026, 10, 1), ["08:00", "20:00"], mg=5)  # never closed
    new = reg(date(2026, 10, 4), ["08:00", "20:00"], mg=10)
    slots = expand(med(old, new), CHI, local(CHI, 2026, 10, 4), local(CHI, 2026, 10, 5))
    assert [s.dose.value for s in slots] == [10, 10]


def test_gaps_between_planned_doses() -> None:
    r = reg(date(2026, 10, 1), ["08:00", "14:00", "20:00"])
    assert longest_gap(r) == timedelta(hours=12)
    assert shortest_gap(r) == timedelta(hours=6)
    assert longest_gap(reg(date(2026, 10, 1), ["09:00"], every=2)) == timedelta(hours=48)


