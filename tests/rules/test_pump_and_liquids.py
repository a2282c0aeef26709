"""Pump rules (refill due, overdue, alarm) and liquid-concentration."""

from __future__ import annotations

from datetime import date

from journal.domain import Form, Patient, PumpEvent, PumpEventKind, Quantity, Severity, Unit
from tests.rules.support import (
    LON,
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


def refill(when: str, due: str | None = None, tz=LON, **kw: float) -> PumpEvent:  # type: ignore[no-untyped-def]
    return PumpEvent(at(when, tz), PumpEventKind.REFILL, next_refill_due=date.fromisoformat(due) if due else None,
                     **kw)


def pump_history(now_text: str, events: list[PumpEvent], tz=LON, **kw: object):  # type: ignore[no-untyped-def]
    now = at(now_text, tz)
    return history(now, [pump_med()], tz=tz, pump=events, **kw), now  # type: ignore[arg-type]


# ------------------------------------------------------------------ refill due / overdue


def test_refill_due_info_at_7_days_not_8() -> None:
    h, now = pump_history("2026-10-13T12:00", [refill("2026-08-01T10:00", "2026-10-21")])
    assert "pump-refill-due" not in rules(check(h, now))  # 8 days left
    h, now = pump_history("2026-10-14T12:00", [refill("2026-08-01T10:00", "2026-10-21")])
    a = only(check(h, now), "pump-refill-due")
    assert a.severity is Severity.INFO and "in 7 days" in a.title and a.reference == "pump"


def test_refill_due_warning_at_3_days_and_today() -> None:
    h, now = pump_history("2026-10-18T09:00", [refill("2026-08-01T10:00", "2026-10-21")])
    assert only(check(h, now), "pump-refill-due").severity is Severity.WARNING
    h, now = pump_history("2026-10-17T23:59", [refill("2026-08-01T10:00", "2026-10-21")])
    assert only(check(h, now), "pump-refill-due").severity is Severity.INFO  # 4 days left
    h, now = pump_history("2026-10-21T23:00", [refill("2026-08-01T10:00", "2026-10-21")])
    a = only(check(h, now), "pump-refill-due")
    assert "today" in a.title and "pump-refill-overdue" not in rules(check(h, now))


def test_refill_overdue_the_day_after_is_urgent_and_a_new_refill_clears_it() -> None:
    h, now = pump_history("2026-10-22T00:30", [refill("2026-08-01T10:00", "2026-10-21")])
    alerts = check(h, now)
    a = only(alerts, "pump-refill-overdue")
    assert a.severity is Severity.URGENT and "pump-refill-due" not in rules(alerts)
    done = [refill("2026-08-01T10:00", "2026-10-21"), refill("2026-10-21T15:00")]
    h, now = pump_history("2026-10-22T00:30", done)
    assert not {"pump-refill-overdue", "pump-refill-due"} & rules(check(h, now))


def test_refill_date_estimated_from_volume_when_the_clinic_gave_none() -> None:
    # 20 mL at 2000 mcg/mL, 2 mL low-alarm volume, 400 mcg/day: 90 days -> due 2026-10-30
    ev = refill("2026-08-01T10:00", volume_ml=20, concentration_mcg_per_ml=2000, low_alarm_ml=2,
                daily_dose_mcg=400)
    h, now = pump_history("2026-10-28T10:00", [ev])
    a = only(check(h, now), "pump-refill-due")
    assert "2026-10-30" in a.title and a.evidence[0].startswith("estimated")


def test_no_pump_rules_without_a_pump_medicine() -> None:
    now = at("2026-10-22T12:00", LON)
    m, doses = steady(now, tz=LON)
    h = history(now, [m], doses=doses, tz=LON, pump=[refill("2026-08-01T10:00", "2026-10-21")])
    assert check(h, now) == []


def test_overdue_refill_then_itching_is_withdrawal() -> None:
    h, now = pump_history("2026-10-23T12:00", [refill("2026-08-01T10:00", "2026-10-21")],
                          symptoms=[symptom("itching", at("2026-10-23T09:00", LON))])
    a = only(check(h, now), "withdrawal-signs")
    assert "pump problem" in a.title and any("refill was due 2026-10-21" in e for e in a.evidence)


def test_pump_rules_two_people_chicago_dst() -> None:
    from tests.rules.support import CHI

    events = [refill("2026-01-10T10:00", "2026-03-09", tz=CHI)]
    h, now = pump_history("2026-03-08T12:00", events, tz=CHI)
    assert only(check(h, now), "pump-refill-due").severity is Severity.WARNING
    h2 = history(now, [pump_med()], tz=CHI, patient=Patient("Alex", id=2),
                 pump=[refill("2026-03-01T10:00", "2026-06-01", tz=CHI)])
    assert check(h2, now) == []


# ------------------------------------------------------------------ pump-alarm


def test_pump_alarm_without_a_check_after_it_is_urgent() -> None:
    alarm = PumpEvent(at("2026-10-20T07:00", LON), PumpEventKind.ALARM, note="two-tone")
    h, now = pump_history("2026-10-20T09:00", [refill("2026-09-01T10:00", "2026-12-01"), alarm])
    a = only(check(h, now), "pump-alarm")
    assert a.severity is Severity.URGENT and a.reference == "pump-alarms"
    assert "2026-10-20 07:00" in a.evidence[0] and "two-tone" in a.evidence[0]


def test_pump_alarm_cleared_by_a_clinic_check_or_refill_after_it() -> None:
    alarm = PumpEvent(at("2026-10-20T07:00", LON), PumpEventKind.ALARM)
    checked = PumpEvent(at("2026-10-20T07:00", LON), PumpEventKind.CHECK)  # same minute counts
    h, now = pump_history("2026-10-20T09:00", [refill("2026-09-01T10:00", "2026-12-01"), alarm, checked])
    assert "pump-alarm" not in rules(check(h, now))
    before = PumpEvent(at("2026-10-19T07:00", LON), PumpEventKind.CHECK)
    h, now = pump_history("2026-10-20T09:00", [before, alarm])
    assert "pump-alarm" in rules(check(h, now))


def test_catheter_problem_counts_and_two_people() -> None:
    kink = PumpEvent(at("2026-10-25T01:30", LON), PumpEventKind.CATHETER_PROBLEM)
    h, now = pump_history("2026-10-25T09:00", [kink])
    assert only(check(h, now), "pump-alarm").patient == "Robin Shaw"
    h2 = history(now, [pump_med()], tz=LON, patient=Patient("Alex", id=2))
    assert check(h2, now) == []


# ------------------------------------------------------------------ liquid-concentration


def liquid(strength: Quantity | None, mid: int = 3):  # type: ignore[no-untyped-def]
    return baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=5), mid=mid, name="Baclofen oral liquid",
                    form=Form.SOLUTION, strength=strength) if strength is not None else \
        _no_strength(mid)


def _no_strength(mid: int):  # type: ignore[no-untyped-def]
    m = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=5), mid=mid, name="Baclofen oral liquid",
                 form=Form.SUSPENSION)
    m.strength = None
    return m


def test_liquid_without_concentration_warns() -> None:
    now = at("2026-10-20T12:00", LON)
    m = liquid(None)
    doses = [taken(m, at("2026-10-20T08:00", LON), mg=5)]
    a = only(check(history(now, [m], doses=doses, tz=LON), now), "liquid-concentration")
    assert "Ozobax 1 mg/mL" in a.evidence[1] and "Fleqsuvy 5 mg/mL" in a.evidence[1] and a.reference == "forms"
    tablets = baclofen(reg("2026-09-01", ["08:00", "20:00"], mg=5), strength=Quantity(10, Unit.MG))
    assert "liquid-concentration" not in rules(check(history(now, [tablets], tz=LON), now))


def test_ml_dose_that_does_not_match_the_prescribed_mg() -> None:
    now = at("2026-10-20T12:00", LON)
    m = liquid(Quantity(5, Unit.MG, Quantity(1, Unit.ML)))  # recorded as 5 mg/mL
    good = taken(m, at("2026-10-20T08:00", LON))
    good.amount = Quantity(1, Unit.ML)
    assert "liquid-concentration" not in rules(check(history(now, [m], doses=[good], tz=LON), now))
    bad = taken(m, at("2026-10-20T08:00", LON))
    bad.amount = Quantity(5, Unit.ML)  # 25 mg instead of 5: someone read the 1 mg/mL instructions
    a = only(check(history(now, [m], doses=[bad], tz=LON), now), "liquid-concentration")
    assert "5 mL at 5 mg/mL = 25 mg, prescribed 5 mg" in a.evidence[0]


def test_liquid_boundary_10_percent() -> None:
    now = at("2026-10-20T12:00", LON)
    m = liquid(Quantity(1, Unit.MG, Quantity(1, Unit.ML)))
    ok = taken(m, at("2026-10-20T08:00", LON))
    ok.amount = Quantity(5.5, Unit.ML)  # 10% over
    assert "liquid-concentration" not in rules(check(history(now, [m], doses=[ok], tz=LON), now))
    off = taken(m, at("2026-10-20T08:00", LON))
    off.amount = Quantity(5.6, Unit.ML)
    assert "liquid-concentration" in rules(check(history(now, [m], doses=[off], tz=LON), now))


def test_liquid_two_people() -> None:
    now = at("2026-10-20T12:00", LON)
    a = check(history(now, [liquid(None)], tz=LON), now)
    b = check(history(now, [liquid(Quantity(1, Unit.MG, Quantity(1, Unit.ML)))], tz=LON,
                      patient=Patient("Alex", id=2)), now)
    assert "liquid-concentration" in rules(a) and "liquid-concentration" not in rules(b)
