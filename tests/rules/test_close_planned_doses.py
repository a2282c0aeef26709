"""close-planned-doses: a schedule with two doses closer together than the shortest time between two
doses of the drug (baclofen: half the usual 8 h, so 4 h). Fires, does not fire, the boundary, and
the check before a schedule change is saved."""

from __future__ import annotations

from journal.domain import Patient, Severity
from journal.rules.engine import check_regimen_change
from tests.rules.support import CHI, at, baclofen, check, history, only, other_med, pump_med, reg, rules

NOW = at("2026-10-20T12:00")
RULE = "close-planned-doses"


def alerts_for(times: list[str], start: str = "2026-09-01", end: str | None = None) -> list:
    m = baclofen(reg(start, times, mg=10, end=end))
    return [a for a in check(history(NOW, [m]), NOW) if a.rule == RULE]


def test_two_baclofen_doses_an_hour_apart_are_a_warning_naming_the_times_and_the_limit() -> None:
    m = baclofen(reg("2026-09-01", ["08:00", "09:00", "20:00"], mg=10))
    a = only(check(history(NOW, [m]), NOW), RULE)
    assert a.severity is Severity.WARNING
    assert a.title == "Baclofen 10 mg tablets: two planned doses only 1 h apart"
    assert "08:00" in a.message and "09:00" in a.message
    assert a.evidence[0] == "schedule from 2026-09-01: 10 mg at 08:00, 09:00, 20:00"
    assert "the shortest time between two doses is 4 h" in a.evidence[1]
    assert "8 h" in a.evidence[1] and "label" in a.evidence[1]
    assert a.reference == "dosing"
    assert "Do not start, stop or change doses on your own." in a.advice
    assert "not medical advice" in a.advice


def test_the_usual_three_times_a_day_raises_nothing() -> None:
    assert alerts_for(["08:00", "14:00", "20:00"]) == []
    assert alerts_for(["07:00", "12:00", "17:00", "22:00"]) == []  # four a day, 5 h apart


def test_boundary_exactly_4_h_apart_is_fine_one_minute_less_is_not() -> None:
    assert alerts_for(["08:00", "12:00", "20:00"]) == []
    close = alerts_for(["08:00", "11:59", "20:00"])
    assert len(close) == 1 and "3 h 59 min apart" in close[0].title


def test_two_doses_either_side_of_midnight_count() -> None:
    a = alerts_for(["10:00", "22:00", "01:00"])
    assert len(a) == 1 and "3 h apart" in a[0].title
    assert "22:00" in a[0].message and "01:00" in a[0].message


def test_an_ended_schedule_does_not_count_a_planned_one_does() -> None:
    assert alerts_for(["08:00", "09:00"], end="2026-10-19") == []
    soon = alerts_for(["08:00", "09:00"], start="2026-10-23")
    assert len(soon) == 1 and soon[0].since.date().isoformat() == "2026-10-23"


def test_medicines_the_rule_has_no_answer_for_are_not_judged() -> None:
    unknown = other_med("Vitamin D", None, mid=2, times=["08:00", "08:30"])
    prn = baclofen(reg("2026-09-01", ["08:00", "09:00"], mg=10), mid=3, as_needed=True)
    alerts = check(history(NOW, [unknown, prn, pump_med()]), NOW)
    assert RULE not in rules(alerts)


def test_a_prescribed_shortest_interval_is_the_limit() -> None:
    from journal.domain import AsNeededLimits

    m = baclofen(reg("2026-09-01", ["08:00", "11:00", "20:00"], mg=10),
                 as_needed_limits=AsNeededLimits(min_interval_hours=2))
    assert RULE not in rules(check(history(NOW, [m]), NOW))
    m2 = baclofen(reg("2026-09-01", ["08:00", "11:00", "20:00"], mg=10))
    assert RULE in rules(check(history(NOW, [m2]), NOW))


def test_before_saving_a_schedule_with_a_time_typed_wrong_is_named() -> None:
    current = baclofen(reg("2026-09-01", ["08:00", "14:00", "21:00"], mg=10))
    typo = [reg("2026-09-01", ["08:00", "14:00", "21:00"], mg=10, end="2026-10-20"),
            reg("2026-10-21", ["08:00", "09:00", "14:00"], mg=10)]
    a = only(check_regimen_change(Patient("Robin", id=1), current, typo, NOW, tz=CHI), RULE)
    assert a.title == "Baclofen 10 mg tablets: two planned doses only 1 h apart"
    fixed = [reg("2026-09-01", ["08:00", "14:00", "21:00"], mg=10, end="2026-10-20"),
             reg("2026-10-21", ["08:00", "14:00", "20:00"], mg=10)]
    assert RULE not in rules(check_regimen_change(Patient("Robin", id=1), current, fixed, NOW, tz=CHI))
