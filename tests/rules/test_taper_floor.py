"""Judgement thresholds with no floor (issue 14): the percentage taper rules judge real steps, so the
end of a textbook taper (5 mg a day less every 4 days from 15 mg a day) is not "too fast", while a
bigger cut still is; and a late dose given as the missed-dose advice allows is not a double dose."""

from __future__ import annotations

from datetime import timedelta

from journal.domain import Severity
from tests.rules.support import CHI, adherent, at, baclofen, check, history, only, reg, rules, taken


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


# ------------------------------------------------------------------ the words


def test_one_slot_logged_twice_says_two_entries_for_the_same_planned_dose() -> None:
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10))
    now = at("2026-10-20T15:00")
    doses = adherent(m, CHI, at("2026-10-12T00:00"), now)
    doses.append(taken(m, at("2026-10-20T14:00"), late=timedelta(minutes=3), by="Ben"))
    a = only(check(history(now, [m], doses=doses), now), "double-dose")
    assert a.title == "Baclofen 10 mg tablets: two entries for the same planned dose (14:00)"
    assert "close together" not in a.message


def test_two_close_doses_for_different_slots_still_say_close_together() -> None:
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10))
    now = at("2026-10-20T15:00")
    doses = adherent(m, CHI, at("2026-10-12T00:00"), now)
    doses.append(taken(m, at("2026-10-20T14:30"), scheduled=False))
    a = only(check(history(now, [m], doses=doses), now), "double-dose")
    assert "close together" in a.message


def test_the_liquid_title_says_the_key_number() -> None:
    from journal.domain import Dose, DoseStatus, Form, Quantity, Unit

    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10), name="Baclofen oral solution",
                 form=Form.SOLUTION, strength=Quantity(5, Unit.MG, Quantity(1, Unit.ML)))
    now = at("2026-10-20T09:00")
    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    doses.append(Dose(1, DoseStatus.TAKEN, scheduled=at("2026-10-20T08:00"), given=at("2026-10-20T08:00"),
                      amount=Quantity(10, Unit.ML)))
    a = only(check(history(now, [m], doses=doses), now), "liquid-concentration")
    assert a.title == "Baclofen oral solution: 10 mL of this bottle is 50 mg, five times the 10 mg prescribed"
