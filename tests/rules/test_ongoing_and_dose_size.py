"""Issue 14 kinds: an ongoing problem is a cause for as long as it lasts (not 72 h from when it was
logged), and dose size is a cause (a larger dose than planned links to toxicity signs; a five-fold
dose is urgent before any sign)."""

from __future__ import annotations

from datetime import date, timedelta

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    ObservationKind,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Severity,
    Unit,
)
from tests.rules.support import (
    CHI,
    adherent,
    at,
    baclofen,
    check,
    history,
    obs,
    only,
    pump_med,
    reg,
    rules,
    symptom,
)

# ------------------------------------------------------------------ ongoing problems


def overdue_refill(days_overdue: int, now_text: str = "2026-10-20T15:00") -> PumpEvent:
    due = at(now_text).date() - timedelta(days=days_overdue)
    return PumpEvent(at("2026-08-01T10:00"), PumpEventKind.REFILL, volume_ml=20, concentration_mcg_per_ml=2000,
                     daily_dose_mcg=400, next_refill_due=due)


def test_a_refill_six_days_overdue_with_fever_and_rigidity_is_one_emergency() -> None:
    now = at("2026-10-20T15:00")
    h = history(now, [pump_med()], pump=[overdue_refill(6)],
                observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-20T13:00"), 39.5)],
                symptoms=[symptom("rigidity", at("2026-10-20T13:30"), 7)])
    alerts = check(h, now)
    w = only(alerts, "withdrawal-signs")
    assert w.severity is Severity.EMERGENCY
    assert any("6 days overdue" in e for e in w.evidence)
    assert alerts[0] is w  # the emergency leads; the signs are not repeated as "call today" alerts
    assert not [a for a in alerts if a.severity is Severity.URGENT and a.rule in ("red-flag-symptom",
                                                                                    "abnormal-vital")]


def test_a_pump_alarm_with_nothing_done_stays_a_cause_for_days() -> None:
    now = at("2026-10-20T15:00")
    alarm = PumpEvent(at("2026-10-15T09:00"), PumpEventKind.ALARM, note="single tone")
    h = history(now, [pump_med()], pump=[alarm], symptoms=[symptom("itching", at("2026-10-20T14:00"))])
    w = only(check(h, now), "withdrawal-signs")
    assert "no refill or clinic check logged since" in " ".join(w.evidence)


def test_a_pump_alarm_dealt_with_links_signs_for_the_window_after_it_only() -> None:
    now = at("2026-10-20T15:00")
    alarm = PumpEvent(at("2026-10-10T09:00"), PumpEventKind.ALARM)
    fixed = PumpEvent(at("2026-10-17T14:00"), PumpEventKind.CHECK, next_refill_due=date(2026, 12, 1))
    inside = history(now, [pump_med()], pump=[alarm, fixed], symptoms=[symptom("itching", at("2026-10-20T13:59"))])
    assert "withdrawal-signs" in rules(check(inside, now))  # 71 h 59 min after the check
    outside = history(now, [pump_med()], pump=[alarm, fixed], symptoms=[symptom("itching", at("2026-10-20T14:01"))])
    assert "withdrawal-signs" not in rules(check(outside, at("2026-10-20T15:00")))


# ------------------------------------------------------------------ dose size


def liquid() -> tuple:  # type: ignore[type-arg]
    m = baclofen(reg("2026-08-01", ["08:00", "14:00", "20:00"], mg=10), name="Baclofen 5 mg/mL oral solution",
                 form=Form.SOLUTION, strength=Quantity(5, Unit.MG, Quantity(1, Unit.ML)))
    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    return m, doses


def given_ml(m, slot: str, ml: float) -> Dose:  # type: ignore[no-untyped-def]
    return Dose(m.id, DoseStatus.TAKEN, scheduled=at(slot), given=at(slot), amount=Quantity(ml, Unit.ML))


def test_a_five_fold_liquid_dose_is_urgent_before_any_sign() -> None:
    m, doses = liquid()
    doses.append(given_ml(m, "2026-10-20T08:00", 10))  # 50 mg for 10 mg
    now = at("2026-10-20T09:00")
    a = only(check(history(now, [m], doses=doses), now), "over-prescribed")
    assert a.severity is Severity.URGENT
    assert "50 mg given for a planned 10 mg" in a.title
    assert a.advice.startswith("Call the doctor or a poison centre now.")
    assert "today" not in a.advice.lower()


def test_just_under_five_fold_is_a_warning() -> None:
    m, doses = liquid()
    doses.append(given_ml(m, "2026-10-20T08:00", 9.8))  # 49 mg for 10 mg
    now = at("2026-10-20T09:00")
    assert only(check(history(now, [m], doses=doses), now), "over-prescribed").severity is Severity.WARNING


def test_sleepiness_after_a_larger_dose_than_planned_is_toxicity() -> None:
    m, doses = liquid()
    doses.append(given_ml(m, "2026-10-20T08:00", 10))
    now = at("2026-10-20T12:00")
    h = history(now, [m], doses=doses, symptoms=[symptom("drowsiness", at("2026-10-20T10:00"), 6)],
                observations=[obs(ObservationKind.RESPIRATORY_RATE, at("2026-10-20T10:30"), 8)])
    t = only(check(h, now), "toxicity-signs")
    assert "a larger dose than planned" in t.title
    assert any("5.0 times the amount" in e for e in t.evidence)


def test_a_dose_within_the_measuring_tolerance_is_not_a_cause() -> None:
    m, doses = liquid()
    doses.append(given_ml(m, "2026-10-20T08:00", 2.2))  # 11 mg for 10 mg: within 10%
    now = at("2026-10-20T12:00")
    h = history(now, [m], doses=doses, symptoms=[symptom("drowsiness", at("2026-10-20T10:00"), 6)])
    assert "toxicity-signs" not in rules(check(h, now))


# ------------------------------------------------------------------ one source for the pump's dose


def test_a_clinic_cut_logged_as_a_pump_event_is_a_fast_taper_and_one_withdrawal_cause() -> None:
    now = at("2026-10-20T15:00")
    cut = PumpEvent(at("2026-10-19T10:00"), PumpEventKind.DOSE_CHANGE, daily_dose_mcg=100)
    h = history(now, [pump_med(daily_mcg=400)], pump=[cut], symptoms=[symptom("itching", at("2026-10-20T12:00"))])
    alerts = check(h, now)
    t = only(alerts, "fast-taper")
    assert "75%" in t.title
    w = only(alerts, "withdrawal-signs")
    cuts = [e for e in w.evidence if "pump dose lowered from 400 to 100 mcg" in e]
    assert len(cuts) == 1 and "dose change logged 2026-10-19 10:00" in cuts[0]


def test_the_same_cut_in_the_schedule_or_as_an_event_gives_the_same_taper_answer() -> None:
    now = at("2026-10-20T15:00")
    by_event = history(now, [pump_med(daily_mcg=400)],
                       pump=[PumpEvent(at("2026-10-19T00:00"), PumpEventKind.DOSE_CHANGE, daily_dose_mcg=100)])
    m = pump_med(daily_mcg=400)
    m.regimens[0].end = date(2026, 10, 18)
    m.regimens.append(reg("2026-10-19", [], mg=100, unit=Unit.MCG))
    by_schedule = history(now, [m])
    assert [a.title for a in check(by_event, now) if a.rule == "fast-taper"] == \
        [a.title for a in check(by_schedule, now) if a.rule == "fast-taper"]


def test_a_small_pump_change_is_not_a_fast_taper() -> None:
    now = at("2026-10-20T15:00")
    cut = PumpEvent(at("2026-10-19T10:00"), PumpEventKind.DOSE_CHANGE, daily_dose_mcg=360)  # 10%
    assert "fast-taper" not in rules(check(history(now, [pump_med(daily_mcg=400)], pump=[cut]), now))
