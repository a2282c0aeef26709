"""Rules about doses given or not: missed-dose, abrupt-stop, double-dose, over-prescribed,
over-max-daily, over-max-dose."""

from __future__ import annotations

from datetime import timedelta

from journal.domain import DoseStatus, Patient, Quantity, Severity, Unit
from tests.rules.support import (
    CHI,
    LON,
    adherent,
    at,
    baclofen,
    check,
    history,
    only,
    reg,
    rules,
    steady,
    taken,
)

# ------------------------------------------------------------------ missed-dose


def missed_0800(now_text: str, tz=CHI):  # type: ignore[no-untyped-def]
    now = at(now_text, tz)
    skip = at(now_text[:10] + "T08:00", tz)
    m, doses = steady(now, tz=tz, skip={skip})
    return history(now, [m], doses=doses, tz=tz), now


def test_missed_dose_fires_2h01_after_the_slot_with_the_slot_as_evidence() -> None:
    h, now = missed_0800("2026-10-20T10:01")
    a = only(check(h, now), "missed-dose")
    assert a.severity is Severity.WARNING
    assert a.reference == "missed-doses"
    assert a.patient == "Robin Shaw" and a.medication == "Baclofen 10 mg tablets"
    assert any("2026-10-20 08:00" in e and "nothing logged" in e for e in a.evidence)
    assert "next dose is less than 2 hours away" in a.advice and "911" in a.advice


def test_missed_dose_does_not_fire_1h59_after_the_slot() -> None:
    h, now = missed_0800("2026-10-20T09:59")
    assert "missed-dose" not in rules(check(h, now))


def test_missed_dose_does_not_fire_when_skipped_is_logged_or_dose_given_late() -> None:
    now = at("2026-10-20T12:00")
    slot = at("2026-10-20T08:00")
    m, doses = steady(now, skip={slot})
    late = doses + [taken(m, slot, late=timedelta(hours=2, minutes=30), scheduled=False)]
    assert "missed-dose" not in rules(check(history(now, [m], doses=late), now))
    skipped = doses + [taken(m, slot, status=DoseStatus.SKIPPED)]
    assert "missed-dose" not in rules(check(history(now, [m], doses=skipped), now))


def test_missed_dose_is_not_raised_for_as_needed_medicine() -> None:
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01"), as_needed=True)
    assert check(history(now, [m]), now) == []


def test_missed_dose_two_people_only_the_one_who_missed() -> None:
    h1, now = missed_0800("2026-10-20T10:30")
    m2, d2 = steady(now, mid=2)
    h2 = history(now, [m2], doses=d2, patient=Patient("Alex Shaw", id=2))
    a1, a2 = check(h1, now), check(h2, now)
    assert only(a1, "missed-dose").patient == "Robin Shaw" and only(a1, "missed-dose").patient_id == 1
    assert a2 == []


def test_missed_dose_on_spring_forward_day_uses_real_elapsed_time() -> None:
    # 02:30 does not exist on 2026-03-08 in Chicago: the slot is 03:30 CDT.
    slot_day = at("2026-03-08T03:30")
    m = baclofen(reg("2026-01-01", ["02:30", "14:30"], mg=10))
    doses = adherent(m, CHI, at("2026-02-25T00:00"), slot_day)
    h_before = history(at("2026-03-08T05:29"), [m], doses=doses)
    assert "missed-dose" not in rules(check(h_before, at("2026-03-08T05:29")))
    now = at("2026-03-08T05:31")
    a = only(check(history(now, [m], doses=doses), now), "missed-dose")
    assert any("2026-03-08 03:30" in e for e in a.evidence)


def test_missed_dose_london_after_autumn_change() -> None:
    # 2026-10-25: 25-hour day in London. 09:00 slot missed, now 11:01 GMT.
    h, now = missed_0800("2026-10-25T10:01", tz=LON)
    assert only(check(h, now), "missed-dose").since.utcoffset() == timedelta(0)


# ------------------------------------------------------------------ abrupt-stop


def test_abrupt_stop_urgent_after_18_hours_lists_last_dose_and_missed_slots() -> None:
    now = at("2026-10-20T14:01")
    m, doses = steady(now, until=at("2026-10-19T20:01"))  # last dose 19th 20:00
    alerts = check(history(now, [m], doses=doses), now)
    a = only(alerts, "abrupt-stop")
    assert a.severity is Severity.URGENT
    assert a.evidence[0].startswith("last dose given 2026-10-19 20:00 (18 h 01 min ago)")
    assert "2026-10-20 08:00 (nothing logged)" in a.evidence[1]
    assert a.reference == "withdrawal"
    # the missed 08:00 dose is inside the gap abrupt-stop reports: not repeated as missed-dose
    assert "missed-dose" not in rules(alerts)


def test_abrupt_stop_boundary_at_17h59_only_missed_dose() -> None:
    now = at("2026-10-20T13:59")
    m, doses = steady(now, until=at("2026-10-19T20:01"))
    assert rules(check(history(now, [m], doses=doses), now)) == {"missed-dose"}


def test_abrupt_stop_warning_when_two_doses_in_a_row_missed_before_18h() -> None:
    now = at("2026-10-20T22:01")
    m, doses = steady(now, until=at("2026-10-20T08:01"))  # 14:00 and 20:00 not given
    a = only(check(history(now, [m], doses=doses), now), "abrupt-stop")
    assert a.severity is Severity.WARNING
    before = at("2026-10-20T21:59")
    assert "abrupt-stop" not in rules(check(history(before, [m], doses=doses), before))


def test_abrupt_stop_counts_refused_and_vomited_doses_as_not_taken() -> None:
    now = at("2026-10-20T22:01")
    m, doses = steady(now, until=at("2026-10-20T08:01"))
    doses += [taken(m, at("2026-10-20T14:00"), status=DoseStatus.VOMITED),
              taken(m, at("2026-10-20T20:00"), status=DoseStatus.REFUSED)]
    a = only(check(history(now, [m], doses=doses), now), "abrupt-stop")
    assert "vomited" in a.evidence[1] and "refused" in a.evidence[1]


def test_abrupt_stop_once_daily_waits_for_longest_gap_plus_6h() -> None:
    m = baclofen(reg("2026-08-01", ["08:00"], mg=20))
    doses = adherent(m, CHI, at("2026-10-10T00:00"), at("2026-10-19T09:00"))
    early = at("2026-10-20T13:59")  # 29 h 59 min
    assert "abrupt-stop" not in rules(check(history(early, [m], doses=doses), early))
    now = at("2026-10-20T14:01")
    assert only(check(history(now, [m], doses=doses), now), "abrupt-stop").severity is Severity.URGENT


def test_abrupt_stop_not_in_the_first_two_weeks() -> None:
    now = at("2026-10-20T14:01")
    m, doses = steady(now, since_days=10, until=at("2026-10-19T20:01"))
    assert "abrupt-stop" not in rules(check(history(now, [m], doses=doses), now))


def test_abrupt_stop_uses_last_given_before_the_window() -> None:
    now = at("2026-10-20T12:00")
    m, _ = steady(now)
    last = taken(m, at("2026-10-05T08:00"))
    a = only(check(history(now, [m], doses=[], last_given={1: last}), now), "abrupt-stop")
    assert "2026-10-05 08:00" in a.evidence[0]


def test_abrupt_stop_ignores_a_last_dose_after_the_time_checked() -> None:
    now = at("2026-10-20T12:00")
    m, _ = steady(now)
    later = taken(m, at("2026-11-05T08:00"))  # the journal's last dose, after the time checked
    assert "abrupt-stop" in rules(check(history(now, [m], doses=[], last_given={1: later}), now))


def test_abrupt_stop_two_people_and_london_dst() -> None:
    now = at("2026-10-25T14:01", LON)  # clocks went back at 02:00
    m, doses = steady(now, tz=LON, until=at("2026-10-24T20:01", LON))
    other, od = steady(now, tz=LON, mid=2)
    a = check(history(now, [m], doses=doses, tz=LON), now)
    b = check(history(now, [other], doses=od, tz=LON, patient=Patient("Alex", id=2)), now)
    stop = only(a, "abrupt-stop")
    assert "19 h 01 min ago" in stop.evidence[0]  # real time, not wall clock (18 h 01 min)
    assert b == []


# ------------------------------------------------------------------ double-dose and over-prescribed


def test_double_dose_when_two_doses_2h59_apart_and_not_3h01() -> None:
    now = at("2026-10-20T12:00")
    m, doses = steady(now)
    close = doses + [taken(m, at("2026-10-20T08:00"), late=timedelta(hours=2, minutes=59), scheduled=False)]
    a = only(check(history(now, [m], doses=close), now), "double-dose")
    assert "2 h 59 min apart" in a.evidence[0]
    far = doses + [taken(m, at("2026-10-20T08:00"), late=timedelta(hours=3, minutes=1), scheduled=False)]
    assert "double-dose" not in rules(check(history(now, [m], doses=far), now))


def test_double_dose_when_one_slot_is_logged_twice_by_two_people() -> None:
    now = at("2026-10-20T16:00")
    m, doses = steady(now)
    doses.append(taken(m, at("2026-10-20T14:00"), late=timedelta(minutes=40), by="Dad"))
    a = only(check(history(now, [m], doses=doses), now), "double-dose")
    assert "both for the 14:00 dose" in a.evidence[0]


def test_over_prescribed_when_more_given_than_planned_but_not_at_exactly_planned() -> None:
    now = at("2026-10-20T21:00")
    m, doses = steady(now)
    assert "over-prescribed" not in rules(check(history(now, [m], doses=doses), now))
    extra = doses + [taken(m, at("2026-10-20T11:00"), mg=10, scheduled=False)]
    a = only(check(history(now, [m], doses=extra), now), "over-prescribed")
    assert "70 mg" in a.evidence[0] and "planned 60 mg" in a.evidence[0]


def test_over_prescribed_on_an_off_day_of_every_other_day_schedule() -> None:
    now = at("2026-10-20T21:00")
    m = baclofen(reg("2026-09-01", ["08:00"], mg=10, every=2))  # 20th is an off day (49 days later)
    extra = [taken(m, at("2026-10-20T08:00"), mg=10, scheduled=False)]
    assert "over-prescribed" in rules(check(history(now, [m], doses=extra), now))


# ------------------------------------------------------------------ over-max-daily, over-max-dose


def test_over_max_daily_planned_above_80_not_at_80() -> None:
    now = at("2026-10-20T07:00")
    at_limit = baclofen(reg("2026-09-01", ["06:00", "10:00", "14:00", "18:00"], mg=20))
    assert "over-max-daily" not in rules(check(history(now, [at_limit]), now))
    above = baclofen(reg("2026-09-01", ["06:00", "10:00", "14:00", "18:00"], mg=22.5))
    a = only(check(history(now, [above]), now), "over-max-daily")
    assert "90 mg" in a.evidence[0] and "source: label" in a.evidence[-1]


def test_over_max_daily_respects_a_prescriber_set_ceiling() -> None:
    now = at("2026-10-20T07:00")
    m = baclofen(reg("2026-09-01", ["06:00", "10:00", "14:00", "18:00"], mg=22.5), max_daily=Quantity(100, Unit.MG))
    assert "over-max-daily" not in rules(check(history(now, [m]), now))


def test_over_max_daily_counts_logged_doses_across_two_baclofen_products() -> None:
    now = at("2026-10-20T21:00")
    tabs, doses = steady(now, mg=20)  # 60 mg planned
    liquid = baclofen(reg("2026-09-01", [], mg=5), mid=2, name="Baclofen 1 mg/mL solution", as_needed=True,
                      strength=Quantity(1, Unit.MG, Quantity(1, Unit.ML)))
    extra = doses + [taken(liquid, at("2026-10-20T10:00"), mg=25, scheduled=False)]
    a = only(check(history(now, [tabs, liquid], doses=extra), now), "over-max-daily")
    assert "85 mg logged as given for 2026-10-20" in a.evidence
    assert "over-max-daily" not in rules(check(history(now, [tabs, liquid], doses=doses), now))


def test_over_max_daily_at_80mg_a_day_with_uneven_lateness_is_quiet() -> None:
    # 20 mg four times a day; yesterday's 06:00 dose given at 07:30, today's at 05:45: five doses fall
    # within 24 h of each other, but each belongs to its own slot.
    now = at("2026-10-20T06:30")
    m, doses = steady(now, times=["06:00", "12:00", "18:00", "23:30"], until=at("2026-10-19T05:00"))
    for slot, late in (("2026-10-19T06:00", 90), ("2026-10-19T12:00", 0), ("2026-10-19T18:00", 0),
                       ("2026-10-19T23:30", 0), ("2026-10-20T06:00", -15)):
        doses.append(taken(m, at(slot), late=timedelta(minutes=late), mg=20, scheduled=False))
    assert check(history(now, [m], doses=doses), now) == []


def test_over_max_daily_doses_crowded_across_midnight() -> None:
    now = at("2026-10-20T04:00")
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=20), as_needed=True)  # as needed, up to the label
    doses = [taken(m, at(t), mg=20, scheduled=False) for t in
             ("2026-10-19T18:00", "2026-10-19T21:00", "2026-10-19T23:30", "2026-10-20T01:00", "2026-10-20T03:30")]
    a = only(check(history(now, [m], doses=doses), now), "over-max-daily")
    assert "100 mg logged as given within 18 hours" in a.evidence


def test_over_max_dose_for_a_25mg_dose_not_a_20mg_one() -> None:
    now = at("2026-10-20T12:00")
    m, doses = steady(now, mg=20)
    assert "over-max-dose" not in rules(check(history(now, [m], doses=doses), now))
    big = doses + [taken(m, at("2026-10-20T11:00"), mg=25, scheduled=False)]
    a = only(check(history(now, [m], doses=big), now), "over-max-dose")
    assert "25 mg" in a.evidence[0]


def test_dose_rules_two_people_and_london() -> None:
    now = at("2026-10-25T21:00", LON)
    m, doses = steady(now, tz=LON, mg=25, times=["08:00", "20:00"])  # 25 mg single, 50 mg a day
    h1 = history(now, [m], doses=doses, tz=LON)
    m2, d2 = steady(now, tz=LON, mid=5)
    h2 = history(now, [m2], doses=d2, tz=LON, patient=Patient("Alex", id=2))
    assert rules(check(h1, now)) == {"over-max-dose"}
    assert check(h2, now) == []


def test_a_miss_before_the_gap_stays_a_missed_dose_alert_next_to_abrupt_stop() -> None:
    # 10:00 missed, 14:00 given, then nothing: abrupt-stop reports the gap after 14:00, missed-dose
    # keeps the earlier 10:00 miss (it is not part of that gap).
    now = at("2026-10-20T08:30")
    m, doses = steady(now, times=["06:00", "10:00", "14:00", "18:00"], until=at("2026-10-19T14:01"),
                      skip={at("2026-10-19T10:00")})
    alerts = check(history(now, [m], doses=doses), now)
    stop, miss = only(alerts, "abrupt-stop"), only(alerts, "missed-dose")
    assert stop.severity is Severity.URGENT and "2026-10-19 14:00" in stop.evidence[0]
    assert [e for e in miss.evidence if e.startswith("planned")] == [
        "planned 20 mg at 2026-10-19 10:00: nothing logged (22 h 30 min ago)"]


def test_over_max_daily_counts_yesterday_from_its_first_hour() -> None:
    # Late in the evening, yesterday's total starts 47 h back: its 00:30 dose still counts for it.
    now = at("2026-10-20T23:30")
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=20), as_needed=True)
    four = [taken(m, at(t), mg=20, scheduled=False) for t in
            ("2026-10-19T06:00", "2026-10-19T10:00", "2026-10-19T14:00", "2026-10-19T18:00")]
    early = taken(m, at("2026-10-19T00:30"), mg=20, scheduled=False)
    a = only(check(history(now, [m], doses=[early, *four]), now), "over-max-daily")
    assert "100 mg logged as given for 2026-10-19" in a.evidence
    assert "over-max-daily" not in rules(check(history(now, [m], doses=four), now))


def test_over_max_daily_stretch_reaches_18_hours_before_a_dose_of_the_last_day() -> None:
    # The stretch ends 23.5 h ago and reaches back to the day before yesterday (42 h ago at most).
    now = at("2026-10-20T01:00")
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=20), as_needed=True)
    rest = [taken(m, at(t), mg=20, scheduled=False) for t in
            ("2026-10-18T12:00", "2026-10-18T16:00", "2026-10-18T20:00", "2026-10-19T01:30")]
    inside = taken(m, at("2026-10-18T07:31"), mg=20, scheduled=False)  # 17 h 59 min before 01:30
    outside = taken(m, at("2026-10-18T07:30"), mg=20, scheduled=False)  # 18 h before: not within
    a = only(check(history(now, [m], doses=[inside, *rest]), now), "over-max-daily")
    assert "100 mg logged as given within 18 hours" in a.evidence
    assert "over-max-daily" not in rules(check(history(now, [m], doses=[outside, *rest]), now))


def test_over_max_dose_combines_with_a_dose_from_before_the_last_24_hours() -> None:
    # The 12:01 dose is 23 h 59 min old; the one 31 min before it (24.5 h old) still counts with it.
    now = at("2026-10-20T12:00")
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=15), as_needed=True)
    last = taken(m, at("2026-10-19T12:01"), mg=15, scheduled=False)
    a = only(check(history(now, [m], doses=[taken(m, at("2026-10-19T11:30"), mg=15, scheduled=False), last]), now),
             "over-max-dose")
    assert any("together 30 mg" in e for e in a.evidence)
    one_hour_before = taken(m, at("2026-10-19T11:01"), mg=15, scheduled=False)  # the span is 1 h: not within
    assert "over-max-dose" not in rules(check(history(now, [m], doses=[one_hour_before, last]), now))
