"""Judgement thresholds with no floor (issue 14): the percentage taper rules judge real steps, so the
end of a textbook taper (5 mg a day less every 4 days from 15 mg a day) is not "too fast", while a
bigger cut still is; and a late dose given as the missed-dose advice allows is not a double dose."""

from __future__ import annotations

from datetime import timedelta

from test_rules_support import CHI, adherent, at, baclofen, check, history, only, reg, rules, taken

from journal.domain import Severity


def test_a_textbook_taper_15_10_5_0_every_4_days_is_not_warned() -> None:
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=5, end="2026-10-11"),
                 reg("2026-10-12", ["08:00", "20:00"], mg=5, end="2026-10-15"),
                 reg("2026-10-16", ["08:00"], mg=5, end="2026-10-19"))
    for day in ("2026-10-12T09:00", "2026-10-16T09:00", "2026-10-20T09:00"):
        now = at(day)
        assert "fast-taper" not in rules(check(history(now, [m]), now)), day


def test_a_cut_just_over_one_step_is_still_warned() -> None:
    # 15 -> 9 mg a day overnight: 6 mg and 40% at once
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=5, end="2026-10-19"),
                 reg("2026-10-20", ["08:00", "14:00", "20:00"], mg=3))
    now = at("2026-10-20T09:00")
    a = only(check(history(now, [m]), now), "fast-taper")
    assert a.severity is Severity.WARNING and "40%" in a.title


def test_a_cut_of_exactly_one_step_is_the_boundary() -> None:
    # 20 -> 15 mg a day: 5 mg (25%) is not warned; 20 -> 14 (6 mg, 30%) is
    ok = baclofen(reg("2026-08-01", ["08:00", "20:00"], mg=10, end="2026-10-19"),
                  reg("2026-10-20", ["08:00", "14:00", "20:00"], mg=5))
    now = at("2026-10-20T09:00")
    assert "fast-taper" not in rules(check(history(now, [ok]), now))
    over = baclofen(reg("2026-08-01", ["08:00", "20:00"], mg=10, end="2026-10-19"),
                    reg("2026-10-20", ["08:00", "20:00"], mg=7))
    assert "fast-taper" in rules(check(history(now, [over]), now))


def test_a_late_dose_given_as_the_advice_allows_is_not_a_double_dose() -> None:
    """08:00 forgotten, given at 11:30 (the 14:00 dose is 2.5 h away, more than the 2 h the advice
    asks), then 14:00 on time: two slots, two doses."""
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10))
    now = at("2026-10-20T15:00")
    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    doses.append(taken(m, at("2026-10-20T08:00"), late=timedelta(hours=3, minutes=30)))
    doses.append(taken(m, at("2026-10-20T14:00")))
    assert "double-dose" not in rules(check(history(now, [m], doses=doses), now))


def test_a_late_dose_closer_than_the_advice_allows_is_a_double_dose() -> None:
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10))
    now = at("2026-10-20T15:00")
    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    doses.append(taken(m, at("2026-10-20T08:00"), late=timedelta(hours=4, minutes=1)))  # 12:01: 1 h 59 before
    doses.append(taken(m, at("2026-10-20T14:00")))
    assert "double-dose" in rules(check(history(now, [m], doses=doses), now))
