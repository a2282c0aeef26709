"""Two people at once and time-zone cases for the rules whose own files test them less directly."""

from __future__ import annotations

from datetime import date, timedelta

from journal.domain import Patient, PumpEvent, PumpEventKind, Severity
from tests.rules.support import (
    CHI,
    LON,
    adherent,
    at,
    baclofen,
    check,
    history,
    only,
    pump_med,
    reg,
    rules,
    steady,
    symptom,
    taken,
)

ALEX = Patient("Alex Shaw", id=2)
T4 = ["06:00", "10:00", "14:00", "18:00"]


def test_over_max_daily_two_people_london_autumn_day() -> None:
    # 25-hour day in London: four 22.5 mg doses are still one day's 90 mg.
    now = at("2026-10-25T19:00", LON)
    high = baclofen(reg("2026-09-01", T4, mg=22.5))
    ok = baclofen(reg("2026-09-01", T4, mg=20), mid=2)
    a = check(history(now, [high], tz=LON, doses=adherent(high, LON, at("2026-10-18T00:00", LON), now)), now)
    b = check(history(now, [ok], tz=LON, patient=ALEX, doses=adherent(ok, LON, at("2026-10-18T00:00", LON), now)), now)
    assert only(a, "over-max-daily").patient == "Robin Shaw" and "90 mg" in only(a, "over-max-daily").evidence[0]
    assert b == []


def test_double_dose_two_people_across_spring_forward() -> None:
    # 01:30 CST and 03:10 CDT are 40 minutes apart in real time, not 1 h 40 min.
    now = at("2026-03-08T05:00")
    m = baclofen(reg("2026-01-01", ["01:30", "13:30"], mg=10))
    doses = adherent(m, CHI, at("2026-02-28T00:00"), now)
    doses.append(taken(m, at("2026-03-08T03:10"), mg=10, scheduled=False, by="Dad"))
    a = only(check(history(now, [m], doses=doses), now), "double-dose")
    assert "40 min apart" in a.evidence[0]
    m2 = baclofen(reg("2026-01-01", ["01:30", "13:30"], mg=10), mid=2)
    assert check(history(now, [m2], patient=ALEX, doses=adherent(m2, CHI, at("2026-02-28T00:00"), now)), now) == []


def test_over_prescribed_two_people_and_late_dose_after_midnight() -> None:
    now = at("2026-10-21T13:00")
    m = baclofen(reg("2026-09-01", ["08:00", "23:45"], mg=10))
    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T23:00"))
    doses.append(taken(m, at("2026-10-20T23:45"), late=timedelta(minutes=30), mg=10, scheduled=False))
    doses += adherent(m, CHI, at("2026-10-21T07:00"), now)
    assert "over-prescribed" not in rules(check(history(now, [m], doses=doses), now))  # 00:15 counts for the 20th
    extra = [*doses, taken(m, at("2026-10-21T12:30"), mg=20, scheduled=False)]  # 30 mg by 13:00, 20 planned
    assert only(check(history(now, [m], doses=extra), now), "over-prescribed").severity is Severity.WARNING
    assert "over-prescribed" not in rules(check(history(now, [m], doses=doses, patient=ALEX), now))


def test_toxicity_after_a_rise_on_the_spring_forward_day() -> None:
    now = at("2026-03-10T20:59")
    m = baclofen(reg("2026-01-01", ["08:00", "14:00", "20:00"], mg=10, end="2026-03-07"),
                 reg("2026-03-08", ["08:00", "14:00", "20:00"], mg=15))
    doses = adherent(m, CHI, at("2026-03-01T00:00"), now)
    # the rise starts at local midnight of the 8th; 20:30 on the 10th is 67 h 30 min later in real time
    s = [symptom("drowsiness", at("2026-03-10T20:30"), 6)]
    assert only(check(history(now, [m], doses=doses, symptoms=s), now), "toxicity-signs").patient == "Robin Shaw"
    m2, d2 = steady(now, mid=2)
    assert "toxicity-signs" not in rules(check(history(now, [m2], doses=d2, symptoms=s, patient=ALEX), now))


def test_age_uses_the_local_date_of_the_journal() -> None:
    m, doses = steady(at("2026-10-20T05:00"))
    born = Patient("Robin", birth_date=date(1961, 10, 20), id=1)
    m.regimens[0].dose = m.regimens[0].dose.__class__(15, m.regimens[0].dose.unit)  # 45 mg a day
    eve = at("2026-10-19T23:30")  # already the 20th in UTC, still the 19th in Chicago: 64
    assert "age-caution" not in rules(check(history(eve, [m], doses=doses, patient=born), eve))
    day = at("2026-10-20T00:30")
    assert "age-caution" in rules(check(history(day, [m], doses=doses, patient=born), day))


def test_pump_refill_overdue_two_people_london() -> None:
    now = at("2026-10-25T01:30", LON)
    due = PumpEvent(at("2026-08-01T10:00", LON), PumpEventKind.REFILL, next_refill_due=date(2026, 10, 24))
    late = check(history(now, [pump_med()], tz=LON, pump=[due]), now)
    assert only(late, "pump-refill-overdue").patient == "Robin Shaw"
    fine = PumpEvent(at("2026-08-01T10:00", LON), PumpEventKind.REFILL, next_refill_due=date(2026, 11, 24))
    assert check(history(now, [pump_med()], tz=LON, pump=[fine], patient=ALEX), now) == []
