"""Rules about the plan itself: fast-taper, fast-titration, renal-caution, age-caution, and the
check before a schedule change is saved."""

from __future__ import annotations

from datetime import date

from journal.domain import Patient, RenalImpairment, Severity
from journal.rules.engine import check_regimen_change
from tests.rules.support import CHI, LON, adherent, at, baclofen, check, history, only, reg, rules

T3 = ["08:00", "14:00", "20:00"]

# ------------------------------------------------------------------ fast-taper


def test_fast_taper_60mg_to_zero_overnight_is_urgent() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", T3, mg=20, end="2026-10-20"))  # stops after today
    a = only(check(history(now, [m]), now), "fast-taper")
    assert a.severity is Severity.URGENT
    assert a.title == "Baclofen 10 mg tablets: schedule goes from 60 mg a day to none overnight"
    assert a.since.date() == date(2026, 10, 21)
    assert a.reference == "stopping-safely"
    assert "source: UTD" in a.evidence[1]


def test_fast_taper_15mg_to_zero_in_6_days_fires_in_7_days_does_not() -> None:
    now = at("2026-10-10T12:00")
    steps = [reg("2026-09-01", T3, mg=5, end="2026-10-10"),  # 15 mg/day, last day the 10th
             reg("2026-10-11", ["08:00", "20:00"], mg=5, end="2026-10-13"),  # 10
             reg("2026-10-14", ["08:00"], mg=5, end="2026-10-15")]  # 5; none from the 16th: 6 days
    a = only(check(history(now, [baclofen(*steps)]), now), "fast-taper")
    assert a.severity is Severity.URGENT and "in 6 days" in a.title
    slower = steps[:2] + [reg("2026-10-14", ["08:00"], mg=5, end="2026-10-16")]  # none from the 17th: 7 days
    alerts = [x for x in check(history(now, [baclofen(*slower)]), now) if x.rule == "fast-taper"]
    assert all(x.severity is Severity.WARNING for x in alerts)  # the percentage steps may still warn


def test_fast_taper_stopping_from_10mg_a_day_is_not_the_to_zero_rule() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=5, end="2026-10-20"))
    a = only(check(history(now, [m]), now), "fast-taper")
    assert a.severity is Severity.WARNING  # still more than half in a day


def test_fast_taper_cut_of_25_percent_is_fine_more_warns() -> None:
    now = at("2026-10-20T12:00")
    ok = baclofen(reg("2026-09-01", T3, mg=20, end="2026-10-19"), reg("2026-10-20", T3, mg=15))  # 60 -> 45
    assert "fast-taper" not in rules(check(history(now, [ok]), now))
    fast = baclofen(reg("2026-09-01", T3, mg=20, end="2026-10-19"), reg("2026-10-20", T3, mg=14))  # 60 -> 42
    a = only(check(history(now, [fast]), now), "fast-taper")
    assert a.severity is Severity.WARNING and "30%" in a.title


def test_fast_taper_two_25_percent_steps_in_a_week_is_more_than_half() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", T3, mg=20, end="2026-10-15"),  # 60
                 reg("2026-10-16", T3, mg=15, end="2026-10-19"),  # 45 (-25%)
                 reg("2026-10-20", ["08:00", "20:00"], mg=14))  # 28: -38% of 45, -53% of 60 in 5 days
    a = only(check(history(now, [m]), now), "fast-taper")
    assert a.title.endswith("drops by 53% in 5 days")


def test_fast_taper_slow_taper_over_weeks_is_quiet() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-08-01", T3, mg=20, end="2026-10-01"), reg("2026-10-02", T3, mg=15, end="2026-10-11"),
                 reg("2026-10-12", T3, mg=12, end="2026-10-21"), reg("2026-10-22", T3, mg=10))
    assert "fast-taper" not in rules(check(history(now, [m]), now))


def test_a_stop_planned_weeks_ahead_is_judged_when_saved_and_again_two_weeks_before() -> None:
    now = at("2026-10-20T12:00")
    current = baclofen(reg("2026-09-01", T3, mg=20))
    plan = [reg("2026-09-01", T3, mg=20, end="2026-11-30")]  # stops after 30 Nov
    assert only(check_regimen_change(Patient("Robin", id=1), current, plan, now, tz=CHI), "fast-taper")
    planned = baclofen(*plan)
    doses = adherent(planned, CHI, at("2026-10-10T00:00"), now)
    assert "fast-taper" not in rules(check(history(now, [planned], doses=doses), now))
    soon = at("2026-11-17T12:00")
    doses = adherent(planned, CHI, at("2026-11-08T00:00"), soon)
    assert "fast-taper" in rules(check(history(soon, [planned], doses=doses), soon))


def test_fast_taper_two_people_and_london() -> None:
    now = at("2026-03-29T12:00", LON)  # clocks went forward today
    m = baclofen(reg("2026-01-01", T3, mg=20, end="2026-03-29"))
    steady = baclofen(reg("2026-01-01", T3, mg=20), mid=2)
    a = only(check(history(now, [m], tz=LON, doses=adherent(m, LON, at("2026-03-20T00:00", LON), now)), now),
             "fast-taper")
    assert a.since.utcoffset().total_seconds() == 3600  # midnight of the 30th, summer time
    calm = history(now, [steady], tz=LON, patient=Patient("Alex", id=2),
                   doses=adherent(steady, LON, at("2026-03-20T00:00", LON), now))
    assert check(calm, now) == []


# ------------------------------------------------------------------ fast-titration


def test_fast_titration_rises_72h_apart_are_fine_48h_apart_warn() -> None:
    now = at("2026-10-20T12:00")
    ok = baclofen(reg("2026-10-01", T3, mg=5, end="2026-10-13"), reg("2026-10-14", T3, mg=10, end="2026-10-16"),
                  reg("2026-10-17", T3, mg=15))
    assert "fast-titration" not in rules(check(history(now, [ok]), now))
    fast = baclofen(reg("2026-10-01", T3, mg=5, end="2026-10-13"), reg("2026-10-14", T3, mg=10, end="2026-10-15"),
                    reg("2026-10-16", T3, mg=15))
    a = only(check(history(now, [fast]), now), "fast-titration")
    assert any("only 48 h after the previous rise" in e for e in a.evidence)
    assert a.reference == "dosing"


def test_fast_titration_step_of_15mg_is_fine_30mg_warns() -> None:
    now = at("2026-10-20T12:00")
    ok = baclofen(reg("2026-10-01", T3, mg=5, end="2026-10-18"), reg("2026-10-19", T3, mg=10))  # +15/day
    assert "fast-titration" not in rules(check(history(now, [ok]), now))
    big = baclofen(reg("2026-10-01", T3, mg=5, end="2026-10-18"), reg("2026-10-19", T3, mg=15))  # +30/day
    a = only(check(history(now, [big]), now), "fast-titration")
    assert any("30 mg a day at once" in e for e in a.evidence)


def test_first_schedule_in_the_journal_is_not_a_rise_but_a_restart_is() -> None:
    now = at("2026-10-20T12:00")
    first = baclofen(reg("2026-10-19", T3, mg=20))
    assert "fast-titration" not in rules(check(history(now, [first]), now))
    restart = baclofen(reg("2026-09-01", T3, mg=20, end="2026-10-01"), reg("2026-10-19", T3, mg=20))
    assert "fast-titration" in rules(check(history(now, [restart]), now))


def test_fast_titration_two_people_and_dst() -> None:
    now = at("2026-03-09T12:00")  # day after spring forward in Chicago
    fast = baclofen(reg("2026-03-01", T3, mg=5, end="2026-03-06"), reg("2026-03-07", T3, mg=10, end="2026-03-07"),
                    reg("2026-03-08", T3, mg=15))
    calm = baclofen(reg("2026-03-01", T3, mg=5), mid=2)
    a = only(check(history(now, [fast]), now), "fast-titration")
    assert any("only 24 h" in e for e in a.evidence)
    calm_doses = adherent(calm, CHI, at("2026-03-01T00:00"), now)
    assert check(history(now, [calm], patient=Patient("Alex", id=2), doses=calm_doses), now) == []


# ------------------------------------------------------------------ renal-caution and age-caution


def test_renal_caution_moderate_is_a_warning_mild_is_quiet() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", T3, mg=10))
    mild = Patient("Robin", renal_impairment=RenalImpairment.MILD, id=1)
    assert "renal-caution" not in rules(check(history(now, [m], patient=mild), now))
    moderate = Patient("Robin", renal_impairment=RenalImpairment.MODERATE, id=1)
    a = only(check(history(now, [m], patient=moderate), now), "renal-caution")
    assert a.severity is Severity.WARNING and a.reference == "kidneys-and-age"


def test_renal_caution_severe_urgent_above_15mg_a_day_not_at_15() -> None:
    now = at("2026-10-20T12:00")
    severe = Patient("Robin", renal_impairment=RenalImpairment.SEVERE, id=1)
    at15 = baclofen(reg("2026-09-01", T3, mg=5))
    assert only(check(history(now, [at15], patient=severe), now), "renal-caution").severity is Severity.WARNING
    above = baclofen(reg("2026-09-01", T3, mg=10))
    a = only(check(history(now, [above], patient=severe), now), "renal-caution")
    assert a.severity is Severity.URGENT and any("source: CKD" in e for e in a.evidence)


def test_renal_caution_on_dialysis_urgent_above_5mg_a_day() -> None:
    now = at("2026-10-20T12:00", LON)
    p = Patient("Robin", renal_impairment=RenalImpairment.SEVERE, conditions=["haemodialysis"], id=1)
    five = baclofen(reg("2026-09-01", ["08:00"], mg=5))
    ten = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=5))
    assert only(check(history(now, [five], patient=p, tz=LON), now), "renal-caution").severity is Severity.WARNING
    assert only(check(history(now, [ten], patient=p, tz=LON), now), "renal-caution").severity is Severity.URGENT


def test_age_caution_from_65_above_30mg_a_day() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", T3, mg=15))  # 45 mg/day
    young = Patient("Robin", birth_date=date(1961, 10, 21), id=1)  # 64 until tomorrow
    assert "age-caution" not in rules(check(history(now, [m], patient=young), now))
    old = Patient("Robin", birth_date=date(1961, 10, 20), id=1)  # 65 today
    a = only(check(history(now, [m], patient=old), now), "age-caution")
    assert a.evidence[0].startswith("age 65")
    at30 = baclofen(reg("2026-09-01", T3, mg=10))
    assert "age-caution" not in rules(check(history(now, [at30], patient=old), now))


def test_age_and_renal_two_people() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", T3, mg=15))
    old = Patient("Gran", birth_date=date(1940, 1, 1), renal_impairment=RenalImpairment.MODERATE, id=1)
    young = Patient("Sam", birth_date=date(2010, 1, 1), id=2)
    assert {"age-caution", "renal-caution"} <= rules(check(history(now, [m], patient=old), now))
    m2 = baclofen(reg("2026-09-01", T3, mg=15), mid=2)
    doses = adherent(m2, CHI, at("2026-10-10T00:00"), now)
    assert check(history(now, [m2], patient=young, doses=doses), now) == []


# ------------------------------------------------------------------ before saving a change


def test_preview_says_60mg_a_day_to_zero_overnight() -> None:
    now = at("2026-10-20T12:00", CHI)
    current = baclofen(reg("2026-09-01", T3, mg=20))
    new = [reg("2026-09-01", T3, mg=20, end="2026-10-20")]
    alerts = check_regimen_change(Patient("Robin", id=1), current, new, now, tz=CHI)
    a = only(alerts, "fast-taper")
    assert "60 mg a day to none overnight" in a.title and a.severity is Severity.URGENT


def test_preview_of_a_gentle_step_raises_nothing_new() -> None:
    now = at("2026-10-20T12:00", CHI)
    current = baclofen(reg("2026-09-01", T3, mg=20))
    new = [reg("2026-09-01", T3, mg=20, end="2026-10-20"), reg("2026-10-21", T3, mg=17.5)]
    assert check_regimen_change(Patient("Robin", id=1), current, new, now, tz=CHI) == []


def test_preview_of_a_big_rise_for_an_older_person() -> None:
    now = at("2026-10-20T12:00", CHI)
    current = baclofen(reg("2026-09-01", T3, mg=10))
    new = [reg("2026-09-01", T3, mg=10, end="2026-10-20"), reg("2026-10-21", T3, mg=20)]
    alerts = check_regimen_change(Patient("Gran", birth_date=date(1950, 1, 1), id=1), current, new, now, tz=CHI)
    assert {"fast-titration", "age-caution"} <= rules(alerts)


def test_preview_sees_a_total_over_the_maximum_across_two_products() -> None:
    from journal.domain import Form, Quantity, Unit

    now = at("2026-10-20T12:00", CHI)
    tabs = baclofen(reg("2026-09-01", T3, mg=20))  # 60 mg a day
    liquid = baclofen(reg("2026-09-01", ["22:00"], mg=10), mid=2, name="Baclofen 1 mg/mL", form=Form.SOLUTION,
                      strength=Quantity(1, Unit.MG, Quantity(1, Unit.ML)))  # +10
    more = [reg("2026-09-01", ["22:00"], mg=10, end="2026-10-20"), reg("2026-10-21", ["22:00"], mg=25)]  # +25
    alerts = check_regimen_change(Patient("Robin", id=1), liquid, more, now, tz=CHI, other_medications=[tabs])
    assert "over-max-daily" in rules(alerts)
    assert check_regimen_change(Patient("Robin", id=1), liquid, liquid.regimens, now, tz=CHI,
                                other_medications=[tabs]) == []
