"""The report's numbers on constructed journals: what a doctor reads must match what was logged."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    Medication,
    Patient,
    PatientHistory,
    Quantity,
    Regimen,
    Severity,
    Unit,
)
from journal.knowledge import default_catalog
from journal.reports.data import Adherence, ReportData, build_report
from journal.schedule import Outcome, Timing
from tests.reports.support import (
    END,
    GENERATED,
    START,
    TZ,
    at,
    month_alerts,
    month_history,
    month_revisions,
    pump_history,
)


def month_report(**kw: object) -> ReportData:
    alerts, acks = month_alerts()
    return build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED, **kw)  # type: ignore[arg-type]


def baclofen(r: ReportData) -> Adherence:
    return next(a for a in r.adherence if a.medication == "Baclofen 10 mg tablets")


def test_adherence_counts_every_outcome_of_the_scheduled_doses() -> None:
    a = baclofen(month_report())
    assert a.scheduled == 90  # 30 days x 3
    assert (a.on_time, a.early, a.late) == (82, 0, 1)
    assert (a.skipped, a.refused, a.vomited, a.missed_recorded, a.missed_derived) == (1, 1, 1, 1, 3)
    assert a.on_time + a.early + a.late + a.not_given + a.vomited == a.scheduled
    assert a.percent(a.on_time) == pytest.approx(100 * 82 / 90)


def test_derived_missed_doses_are_the_slots_with_nothing_logged() -> None:
    a = baclofen(month_report())
    missed = [s.slot for s in a.slots if s.outcome is Outcome.UNLOGGED]
    assert missed == [at(12, 14), at(12, 20), at(13, 8)]


def test_a_dose_logged_without_its_slot_answers_the_nearest_slot() -> None:
    a = baclofen(month_report())
    slot = next(s for s in a.slots if s.slot == at(21, 8))
    assert (slot.outcome, slot.timing) == (Outcome.GIVEN, Timing.ON_TIME)  # given 08:20 with no slot picked
    assert slot.words == "given (on time)"
    assert a.extra == 0


def test_as_needed_doses_are_counted_as_given_not_as_missed() -> None:
    diaz = next(a for a in month_report().adherence if a.medication.startswith("Diazepam"))
    assert diaz.as_needed and diaz.scheduled == 0 and diaz.given_total == 1 and diaz.extra == 1


def test_longest_gaps_are_between_given_doses_with_their_times() -> None:
    a = baclofen(month_report())
    first = a.gaps[0]
    assert (first.start, first.end, first.open) == (at(12, 8, 5), at(13, 14, 5), False)
    assert first.hours == pytest.approx(30.0)
    assert a.expected_longest_hours == pytest.approx(12.0)
    # the refused evening dose on Oct 7 and the vomited morning dose on Oct 8: 24 h without a kept dose
    assert a.gaps[1].start == at(7, 14, 5) and a.gaps[1].hours == pytest.approx(24.0)


def test_dose_change_shows_from_to_reason_and_prescriber() -> None:
    (change,) = month_report().dose_changes
    assert change.day == date(2026, 10, 10)
    assert change.direction == "increase"
    assert (change.before_daily_mg, change.after_daily_mg) == (30.0, 45.0)
    assert "10 mg at 08:00, 14:00, 20:00" in change.before and "15 mg" in change.after
    assert (change.reason, change.prescribed_by) == ("titration", "Dr Lee")


def test_current_medicines_show_todays_schedule_and_flag_a_liquid_without_concentration() -> None:
    r = month_report()
    bac = next(m for m in r.medicines if m.name == "Baclofen 10 mg tablets")
    assert bac.schedule == "15 mg at 08:00, 14:00, 20:00" and bac.daily_total == "45 mg a day"
    # the oral solution stopped before the period is not a current medicine
    assert all(m.name != "Baclofen oral solution" for m in r.medicines)
    h = month_history()
    h.medications[2].regimens[0].end = None  # still taking it
    r2 = build_report(h, [], [], [], START, END, GENERATED)
    syrup = next(m for m in r2.medicines if m.name == "Baclofen oral solution")
    assert syrup.concentration == "not recorded" and "concentration" in syrup.warning


def test_liquid_concentration_and_ml_doses_are_shown_in_mg() -> None:
    h = month_history()
    syrup = h.medications[2]
    syrup.strength = Quantity(1, Unit.MG, per=Quantity(1, Unit.ML))
    syrup.regimens[0].end = None
    r = build_report(h, [], [], [], START, END, GENERATED)
    line = next(m for m in r.medicines if m.name == "Baclofen oral solution")
    assert line.concentration == "1 mg/mL" and not line.warning
    assert line.schedule.startswith("5 mL (= 5 mg) at 22:00") and line.daily_total == "5 mg a day"


def test_timeline_puts_gap_symptoms_fever_and_change_in_order() -> None:
    r = month_report()
    kinds = [(e.at, e.kind, e.level) for e in r.timeline]
    assert (at(10, 0), "dose-change", "increase") in kinds
    assert (at(12, 8, 5), "gap", "gap") in kinds
    assert (at(13, 12), "symptom", "red-flag") in kinds  # hallucinations
    assert (at(13, 10), "symptom", "urgent") in kinds  # itching without a rash
    # new twitching (5/10) during the 30 h without a dose: call today, as the checks say (S0)
    assert (at(13, 6), "symptom", "urgent") in kinds
    # 38.7 C measured an hour before hallucinations: a high fever with them, as the checks say
    assert (at(13, 11), "temperature", "red-flag") in kinds
    assert (at(22, 9), "symptom", "notable") in kinds  # spasms 8/10
    assert all(e.text.find("drowsiness") < 0 for e in r.timeline)  # mild, not notable
    assert [e.at for e in r.timeline] == sorted(e.at for e in r.timeline)


def test_symptom_tiers_come_from_the_catalog_it_is_given() -> None:
    base = default_catalog()
    spasms = dataclasses.replace(base.symptoms["spasms"], tier="emergency")
    hallucinations = dataclasses.replace(base.symptoms["hallucinations"], tier="next-visit")
    catalog = dataclasses.replace(base, symptoms={**base.symptoms, "spasms": spasms,
                                                  "hallucinations": hallucinations})
    r = month_report(catalog=catalog)
    assert any(e.level == "red-flag" and e.text.startswith("spasms") for e in r.timeline)
    assert not any(e.text.startswith("hallucinations") and e.level == "red-flag" for e in r.timeline)


def test_the_temperature_chart_marks_the_catalogs_limits() -> None:
    cat = default_catalog()
    assert month_report().charts.temperature_marks == [(cat.fever.value, "fever 38.5 °C"),
                                                       (cat.low_temperature.value, "low 35 °C")]


def test_alerts_carry_severity_evidence_and_acknowledgements() -> None:
    r = month_report()
    assert [a.rule for a in r.alerts] == ["abrupt-stop", "red-flag-symptom"]  # in time order
    stop = r.alerts[0]
    assert stop.severity is Severity.URGENT and "last dose 2026-10-12 08:05" in stop.evidence
    assert [(k.by, k.note) for k in stop.acknowledgements] == [("Sam", "Clinic called back")]
    assert r.alerts[1].acknowledgements == []


def test_notes_for_the_doctor_have_their_own_section() -> None:
    r = month_report()
    assert [n.text[:12] for n in r.doctor_questions] == ["Could the ev"]
    notes = [n.text for n in r.notes]
    assert [n[:12] for n in notes if not n.startswith(("Dose ", "Symptom ", "Reading "))] == ["Called the c"]


def test_corrections_in_the_period_show_the_earlier_value_and_when() -> None:
    (c,) = month_report().corrections  # the September removal is outside the period
    assert c.changed_at == at(16, 9, 30) and c.changed_by == "Sam" and c.action == "corrected"
    assert c.what == "Dose of Baclofen 10 mg tablets, 2026-10-14 08:05"
    assert c.changes == ["amount: 10 mg -> 15 mg"] and c.reason == "typed the old dose"


def test_chart_series_cover_every_day_of_the_period() -> None:
    r = month_report()
    (d,) = r.charts.daily_doses
    assert len(d.days) == 30 and d.days[0] == START and d.days[-1] == END
    i12 = d.days.index(date(2026, 10, 12))
    assert (d.scheduled[i12], d.given[i12], d.not_given[i12]) == (3, 1, 2)
    i8 = d.days.index(date(2026, 10, 8))
    assert (d.given[i8], d.vomited[i8]) == (2, 1)
    assert len(r.charts.penn) == 30 and len(r.charts.pain) == 30 and len(r.charts.temperature) == 2
    assert r.charts.symptom_severity[0].points


def test_header_facts() -> None:
    h = month_report().header
    assert (h.person, h.age, h.conditions, h.kidney_function) == (
        "Robin Shaw", 68, ["multiple sclerosis"], "moderately reduced")
    assert (h.period_start, h.period_end, h.generated_at) == (START, END, GENERATED)


def test_slots_not_yet_due_at_generation_time_are_not_counted_missed() -> None:
    h = month_history()
    h.doses = [d for d in h.doses if d.at < at(30, 7)]  # nothing logged on the last morning
    r = build_report(h, [], [], [], START, END, at(30, 9, 30))
    a = baclofen(r)
    last = [s for s in a.slots if s.slot >= at(30, 0)]
    # 08:00 is only 1.5 h old (overdue, within its grace); 14:00 and 20:00 are not due yet
    assert [s.outcome for s in last] == [Outcome.OVERDUE, Outcome.DUE, Outcome.DUE]
    assert all(s.outcome.pending for s in last) and a.pending == 3
    assert a.scheduled == 87 and a.missed_derived == 3


def test_open_gap_at_the_end_of_the_period() -> None:
    h = month_history()
    h.doses = [d for d in h.doses if d.at < at(29, 0)]
    r = build_report(h, [], [], [], START, END, GENERATED)
    g = baclofen(r).gaps[0]
    assert g.open and g.start == at(28, 20, 5) and g.end == datetime(2026, 10, 31, 0, 0, tzinfo=TZ)
    assert baclofen(r).missed_derived == 3 + 6


def test_gap_hours_are_real_hours_across_the_daylight_saving_change() -> None:
    # America/Chicago falls back on 2026-11-01: 20:00 -> 08:00 the next morning is 13 real hours.
    p = Patient("Ana", id=1)
    med = Medication("Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG), id=5,
                     regimens=[Regimen(date(2026, 10, 1), Quantity(10, Unit.MG), times=[time(8), time(20)])])
    doses = [Dose(5, DoseStatus.TAKEN, scheduled=datetime(2026, 10, 31, 20, tzinfo=TZ),
                  given=datetime(2026, 10, 31, 20, tzinfo=TZ), id=1),
             Dose(5, DoseStatus.TAKEN, scheduled=datetime(2026, 11, 1, 8, tzinfo=TZ),
                  given=datetime(2026, 11, 1, 8, tzinfo=TZ), id=2)]
    h = PatientHistory(p, TZ, datetime(2026, 10, 31, tzinfo=TZ), datetime(2026, 11, 2, tzinfo=TZ),
                       medications=[med], doses=doses)
    r = build_report(h, [], [], [], date(2026, 10, 31), date(2026, 11, 1), datetime(2026, 11, 1, 9, tzinfo=TZ))
    a = r.adherence[0]
    inner = [g for g in a.gaps if not g.open]
    assert inner[0].hours == pytest.approx(13.0)
    assert a.on_time == 2 and a.missed_derived == 1  # 2026-10-31 08:00 had nothing


def test_pump_settings_come_from_the_latest_pump_events() -> None:
    r = build_report(pump_history(), [], [], [], START, END, GENERATED)
    pm = r.pump
    assert pm is not None
    assert (pm.concentration_mcg_per_ml, pm.daily_dose_mcg, pm.reservoir_ml, pm.low_alarm_ml) == (500, 325, 20, 2)
    assert pm.next_refill_due == date(2026, 11, 28) and pm.last_refill == at(2, 10, month=9)
    assert pm.last_alarm == at(9, 22)
    (change,) = r.dose_changes
    assert (change.before, change.after, change.direction, change.unit) == (
        "300 mcg a day", "325 mcg a day", "increase", "mcg")
    assert [e.kind for e in r.pump_events] == ["alarm", "check", "dose change"]
    assert r.medicines[0].schedule == "pump set to 325 mcg a day"
    assert any(e.kind == "pump" and e.level == "urgent" for e in r.timeline)


def test_a_stopped_medicine_shows_as_a_change_to_stopped() -> None:
    h = month_history()
    h.medications[0].regimens[1].end = date(2026, 10, 20)
    r = build_report(h, [], [], [], START, END, GENERATED)
    stop = [c for c in r.dose_changes if c.direction == "stop"]
    assert len(stop) == 1 and stop[0].day == date(2026, 10, 21) and stop[0].after == "stopped"
    # doses after the stop are not expected, so they are not missed
    assert baclofen(r).scheduled == 20 * 3


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        build_report(month_history(), [], [], [], END, START, GENERATED)


def test_other_liquids_use_their_own_units() -> None:
    h = month_history()
    h.medications.append(Medication("Vitamin D 25 mcg", strength=Quantity(25, Unit.MCG), form=Form.TABLET, id=14,
                                    regimens=[Regimen(date(2026, 1, 1), Quantity(25, Unit.MCG), times=[time(8)])]))
    r = build_report(h, [], [], [], START, END, GENERATED)
    vit = next(m for m in r.medicines if m.name == "Vitamin D 25 mcg")
    assert vit.daily_total == "25 mcg a day"


def test_a_slot_logged_twice_counts_once_and_the_second_as_extra() -> None:
    h = month_history()
    again = Dose(11, DoseStatus.TAKEN, scheduled=at(3, 8), given=at(3, 8, 40), amount=Quantity(10, Unit.MG),
                 id=5000, patient_id=1)
    h.doses = sorted([*h.doses, again], key=lambda d: d.at)
    a = baclofen(build_report(h, [], [], [], START, END, GENERATED))
    assert a.scheduled == 90 and a.on_time == 82 and a.extra == 1
    assert a.given_total == 84  # every dose given is still counted as given


def test_vital_readings_show_count_lowest_highest_and_latest_of_each_kind_recorded() -> None:
    r = month_report()
    by_kind = {v.kind: v for v in r.vital_readings}
    assert list(by_kind) == ["heart-rate", "blood-pressure", "oxygen-saturation"]  # none for breathing
    pulse = by_kind["heart-rate"]
    assert pulse.count == 3
    assert (pulse.lowest.value, pulse.lowest.at) == (72, at(27, 9))
    assert (pulse.highest.value, pulse.highest.at) == (88, at(13, 9))
    assert pulse.latest.at == at(27, 9)
    bp = by_kind["blood-pressure"]
    assert (bp.highest.value, bp.highest.value2) == (136, 86) and (bp.lowest.value, bp.lowest.value2) == (118, 74)
    assert by_kind["oxygen-saturation"].count == 1


def test_vital_readings_outside_the_period_or_removed_are_not_counted() -> None:
    from journal.domain import Observation, ObservationKind

    h = month_history()
    h.observations += [Observation(at(30, 9, month=9), ObservationKind.HEART_RATE, 130, id=901),
                       Observation(at(20, 9), ObservationKind.HEART_RATE, 40, removed=True, id=902)]
    alerts, acks = month_alerts()
    r = build_report(h, alerts, acks, month_revisions(), START, END, GENERATED)
    pulse = next(v for v in r.vital_readings if v.kind == "heart-rate")
    assert pulse.count == 3 and pulse.lowest.value == 72 and pulse.highest.value == 88
    assert build_report(pump_history(), [], [], [], START, END, GENERATED).vital_readings == []
