"""The journal service: logging, plausibility refusals, corrections with history, reading."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Regimen,
    Route,
    SymptomEntry,
    Unit,
)
from journal.services.errors import NotFound, ValidationError
from tests.conftest import NOW, TZ


def dose(mid: int, **kw: Any) -> Dose:
    kw.setdefault("status", DoseStatus.TAKEN)
    kw.setdefault("given", NOW - timedelta(hours=1))
    return Dose(medication_id=mid, **kw)


def test_a_dose_in_tablets_is_stored_with_its_amount_in_mg(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    out = journal.log_dose(pid, dose(mid, amount=Quantity(2, Unit.TABLET)))
    assert {"doses", "alerts"} <= out.changed
    stored = journal.get_record("dose", out.record_id)
    assert stored.amount == Quantity(2, Unit.TABLET)
    assert stored.amount_normalised == Quantity(20, Unit.MG)
    assert stored.given == NOW - timedelta(hours=1)


def test_a_dose_without_amount_takes_the_scheduled_amount(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    stored = journal.get_record("dose", journal.log_dose(pid, dose(mid)).record_id)
    assert stored.amount_normalised == Quantity(10, Unit.MG)


def test_liquid_dose_uses_the_concentration(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    liquid = Medication("Baclofen 5 mg/5 mL solution", form=Form.SOLUTION,
                        strength=Quantity(5, Unit.MG, Quantity(5, Unit.ML)), as_needed=True)
    lid = journal.add_medication(pid, liquid).record_id
    stored = journal.get_record("dose", journal.log_dose(pid, dose(lid, amount=Quantity(7.5, Unit.ML))).record_id)
    assert stored.amount_normalised == Quantity(7.5, Unit.MG)


@pytest.mark.parametrize(
    ("field", "make"),
    [
        ("amount", lambda mid: dose(mid, amount=Quantity(1001, Unit.TABLET))),  # 10.01 g
        ("amount", lambda mid: dose(mid, amount=Quantity(10_001, Unit.MG))),
        ("amount", lambda mid: dose(mid, amount=Quantity(3, Unit.ML))),  # tablets have no mL strength
        ("given", lambda mid: dose(mid, given=NOW + timedelta(days=1, minutes=1))),
        ("given", lambda mid: dose(mid, given=datetime(2026, 10, 1, 11, 0))),  # no time zone
    ],
)
def test_implausible_doses_are_refused_and_not_stored(
    journal: Any, robin: tuple[int, int], field: str, make: Any
) -> None:
    pid, mid = robin
    with pytest.raises(ValidationError) as err:
        journal.log_dose(pid, make(mid))
    assert err.value.field == field
    assert journal.history(pid, NOW - timedelta(days=30), NOW + timedelta(days=30)).doses == []


def test_negative_and_non_finite_amounts_cannot_even_be_written() -> None:
    for bad in (-1.0, math.inf, math.nan):
        with pytest.raises(ValueError):
            Quantity(bad, Unit.MG)


def test_a_dose_just_under_a_day_ahead_is_accepted(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    journal.log_dose(pid, dose(mid, given=NOW + timedelta(hours=23)))


@pytest.mark.parametrize(
    ("field", "entry"),
    [
        ("severity", SymptomEntry(at=NOW, symptom="spasms", severity=11)),
        ("severity", SymptomEntry(at=NOW, symptom="spasms", severity=-1)),
        ("symptom", SymptomEntry(at=NOW, symptom="sneezing-fit", severity=2)),
        ("duration_minutes", SymptomEntry(at=NOW, symptom="spasms", duration_minutes=-5)),
    ],
)
def test_implausible_symptoms_are_refused(journal: Any, robin: tuple[int, int], field: str, entry: Any) -> None:
    with pytest.raises(ValidationError) as err:
        journal.log_symptom(robin[0], entry)
    assert err.value.field == field


def test_every_catalog_symptom_code_is_accepted(journal: Any, robin: tuple[int, int]) -> None:
    from journal.domain import SYMPTOM_CODES

    for code in SYMPTOM_CODES:
        journal.log_symptom(robin[0], SymptomEntry(at=NOW - timedelta(hours=2), symptom=code, severity=4))
    got = journal.history(robin[0], NOW - timedelta(days=1), NOW).symptoms
    assert [s.symptom for s in got] == list(SYMPTOM_CODES)


@pytest.mark.parametrize("celsius", [24.9, 45.1, 98.6])
def test_temperature_outside_25_to_45_is_refused(journal: Any, robin: tuple[int, int], celsius: float) -> None:
    with pytest.raises(ValidationError) as err:
        journal.log_observation(robin[0], Observation(at=NOW, kind=ObservationKind.TEMPERATURE, value=celsius))
    assert err.value.field == "value"


def test_fever_and_ashworth_grades_are_kept(journal: Any, robin: tuple[int, int]) -> None:
    pid = robin[0]
    journal.log_observation(pid, Observation(at=NOW - timedelta(minutes=5), kind=ObservationKind.TEMPERATURE, value=39.4))
    journal.log_observation(pid, Observation(at=NOW, kind=ObservationKind.MODIFIED_ASHWORTH, value="1+",
                                             body_part="right knee"))
    with pytest.raises(ValidationError):
        journal.log_observation(pid, Observation(at=NOW, kind=ObservationKind.MODIFIED_ASHWORTH, value="5"))
    obs = journal.history(pid, NOW - timedelta(hours=1), NOW).observations
    assert [(o.kind, o.value) for o in obs] == [(ObservationKind.TEMPERATURE, 39.4),
                                                (ObservationKind.MODIFIED_ASHWORTH, "1+")]


def test_correction_keeps_the_earlier_version(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    rid = journal.log_dose(pid, dose(mid, amount=Quantity(1, Unit.TABLET))).record_id
    journal.clock.advance(timedelta(minutes=30))
    journal.correct("dose", rid, {"amount": "2 tablets"}, by="Sam", reason="gave two, typed one")
    now = journal.get_record("dose", rid)
    assert now.amount_normalised == Quantity(20, Unit.MG)
    [rev] = journal.revisions(pid)
    assert (rev.action, rev.changed_by, rev.reason) == ("correct", "Sam", "gave two, typed one")
    assert rev.before["amount"] == {"value": 1.0, "unit": "tablet"}
    assert rev.after["amount"] == {"value": 2.0, "unit": "tablet"}
    assert rev.changed_at == NOW + timedelta(minutes=30)


def test_a_correction_is_checked_like_a_new_entry(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    rid = journal.log_dose(pid, dose(mid)).record_id
    with pytest.raises(ValidationError) as err:
        journal.correct("dose", rid, {"amount": "2000 tablets"}, by="Sam")
    assert err.value.field == "amount"
    with pytest.raises(ValidationError):
        journal.correct("dose", rid, {"colour": "blue"}, by="Sam")
    assert journal.get_record("dose", rid).amount_normalised == Quantity(10, Unit.MG)
    assert journal.revisions(pid) == []


def test_removal_is_reversible_and_recorded(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    rid = journal.log_dose(pid, dose(mid)).record_id
    window = (NOW - timedelta(days=1), NOW)
    with pytest.raises(ValidationError):
        journal.remove("dose", rid, by="Sam", reason="  ")
    journal.remove("dose", rid, by="Sam", reason="logged for the wrong person")
    assert journal.history(pid, *window).doses == []
    assert journal.get_record("dose", rid).removed
    journal.unremove("dose", rid, by="Alex")
    assert [d.id for d in journal.history(pid, *window).doses] == [rid]
    assert [r.action for r in journal.revisions(pid)] == ["remove", "restore"]


def test_history_is_bounded_and_keeps_the_last_dose_before_it(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    for days in (10, 3, 1):
        journal.log_dose(pid, dose(mid, given=NOW - timedelta(days=days)))
    journal.log_pump_event(pid, PumpEvent(at=NOW - timedelta(days=40), kind=PumpEventKind.REFILL, volume_ml=20))
    journal.add_note(pid, Note(at=NOW - timedelta(days=2), text="Visit at the clinic"))
    h = journal.history(pid, NOW - timedelta(days=5), NOW)
    assert [d.given for d in h.doses] == [NOW - timedelta(days=3), NOW - timedelta(days=1)]
    assert h.last_given[mid].given == NOW - timedelta(days=1)
    assert [e.kind for e in h.pump_events] == [PumpEventKind.REFILL]  # the refill before the window
    assert [n.text for n in h.notes] == ["Visit at the clinic"]
    old = journal.history(pid, NOW - timedelta(days=20), NOW - timedelta(days=9))
    assert [d.given for d in old.doses] == [NOW - timedelta(days=10)]
    assert old.last_given[mid].given == NOW - timedelta(days=1)  # the latest overall, for long gaps


def test_history_uses_the_time_index(journal: Any, robin: tuple[int, int]) -> None:
    import sqlite3

    con = sqlite3.connect(journal.path)
    plans = [
        " ".join(str(r[-1]) for r in con.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM {t} WHERE patient_id = 1 AND at >= '2026' AND at <= '2027'"))
        for t in ("doses", "symptoms", "observations", "pump_events", "notes")
    ]
    con.close()
    assert all("USING INDEX" in p and "patient_id=? AND at>? AND at<?" in p for p in plans), plans


def test_change_regimen_ends_the_old_one_the_day_before(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    new = Regimen(start=date(2026, 10, 5), dose=Quantity(15, Unit.MG), times=[time(8), time(20)], reason="titration")
    journal.change_regimen(mid, new, by="Dr Lee")
    regs = journal.find_medication(pid, "baclofen").regimens
    assert [(r.start, r.end) for r in regs] == [(date(2026, 9, 1), date(2026, 10, 4)), (date(2026, 10, 5), None)]
    assert journal.revisions(pid)[0].before["end"] is None


def test_a_taper_plan_replaces_later_steps(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    steps = [Regimen(start=date(2026, 10, 10), dose=Quantity(10, Unit.MG), times=[time(8), time(20)]),
             Regimen(start=date(2026, 10, 3), dose=Quantity(10, Unit.MG), times=[time(8), time(14), time(20)])]
    journal.set_regimens(mid, steps)
    journal.set_regimens(mid, [Regimen(start=date(2026, 10, 8), dose=Quantity(5, Unit.MG), times=[time(8)])])
    regs = journal.get_medication(mid).regimens
    assert [(r.start, r.end, r.dose.value) for r in regs] == [
        (date(2026, 9, 1), date(2026, 10, 2), 1),
        (date(2026, 10, 3), date(2026, 10, 7), 10),
        (date(2026, 10, 8), None, 5),
    ]


def test_pump_regimen_needs_a_mass(journal: Any, robin: tuple[int, int]) -> None:
    pump = Medication("Intrathecal baclofen", route=Route.INTRATHECAL, form=Form.PUMP,
                      strength=Quantity(500, Unit.MCG, Quantity(1, Unit.ML)),
                      regimens=[Regimen(start=date(2026, 1, 1), dose=Quantity(2, Unit.ML))])
    with pytest.raises(ValidationError) as err:
        journal.add_medication(robin[0], pump)
    assert err.value.field.endswith("dose")


def test_people_and_medicines_are_found_by_name(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    assert journal.find_patient("robin shaw").id == pid
    assert journal.find_patient("Rob").id == pid
    assert journal.find_medication(pid, "BACLOFEN").id == mid
    with pytest.raises(NotFound):
        journal.find_patient("Alex")
    with pytest.raises(ValidationError):
        journal.add_patient(Patient("ROBIN SHAW"))


def test_settings_are_saved_and_checked(journal: Any) -> None:
    s = journal.get_settings()
    assert s.emergency_number == "911" and s.reminder_lead_minutes == 15
    s.emergency_number, s.caregiver_name = "112", "Sam"
    journal.save_settings(s)
    assert journal.get_settings().emergency_number == "112"
    s.timezone = "Mars/Olympus"
    with pytest.raises(ValidationError):
        journal.save_settings(s)
    assert str(journal.tz) == "America/Chicago"


def test_acknowledgements_are_kept(journal: Any, robin: tuple[int, int]) -> None:
    from journal.domain import Alert, Severity

    alert = Alert(rule="missed-dose", severity=Severity.WARNING, patient="Robin Shaw", since=NOW,
                  title="t", message="m", advice="a", evidence=["e1"], reference="missed-doses",
                  patient_id=robin[0], medication_id=robin[1])
    journal.acknowledge(alert, "gave it late", by="Sam")
    [ack] = journal.acknowledgements(robin[0])
    assert (ack.alert_key, ack.note, ack.by, ack.evidence) == (alert.key, "gave it late", "Sam", ["e1"])


def test_times_are_stored_in_utc_and_read_back_equal(journal: Any, robin: tuple[int, int]) -> None:
    import sqlite3

    pid, mid = robin
    given = datetime(2026, 9, 30, 8, 0, tzinfo=TZ)  # 13:00 UTC
    rid = journal.log_dose(pid, dose(mid, given=given)).record_id
    con = sqlite3.connect(journal.path)
    raw = con.execute("SELECT given FROM doses WHERE id = ?", (rid,)).fetchone()[0]
    con.close()
    assert raw.startswith("2026-09-30 13:00:00")
    assert journal.get_record("dose", rid).given == given


def test_correcting_a_skipped_dose_to_given_fills_in_the_scheduled_amount(
    journal: Any, robin: tuple[int, int]
) -> None:
    pid, mid = robin
    slot = NOW.replace(hour=8)
    rid = journal.log_dose(pid, Dose(medication_id=mid, status=DoseStatus.SKIPPED, scheduled=slot)).record_id
    journal.correct("dose", rid, {"status": "taken", "given": slot + timedelta(minutes=20)}, by="Sam",
                    reason="was given after all")
    fixed = journal.get_record("dose", rid)
    assert (fixed.status, fixed.amount, fixed.amount_normalised) == (
        DoseStatus.TAKEN, Quantity(1, Unit.TABLET), Quantity(10, Unit.MG))
    [rev] = journal.revisions(pid)
    assert rev.before["status"] == "skipped" and rev.after["amount"] == {"value": 1.0, "unit": "tablet"}


def test_the_journal_cannot_be_backed_up_onto_itself(journal: Any) -> None:
    with pytest.raises(ValidationError):
        journal.backup(journal.path)
    with pytest.raises(ValidationError):
        journal.restore(journal.path)


def test_a_liquid_per_zero_ml_is_refused_at_entry(journal: Any, robin: tuple[int, int]) -> None:
    bad = Medication("Liquid", form=Form.SOLUTION, strength=Quantity(5, Unit.MG, Quantity(0, Unit.ML)))
    with pytest.raises(ValidationError) as err:
        journal.add_medication(robin[0], bad)
    assert err.value.field == "strength"


@pytest.mark.parametrize("q, text", [
    (Quantity(1, Unit.TABLET), "1 tablet"), (Quantity(2, Unit.TABLET), "2 tablets"),
    (Quantity(1.5, Unit.TABLET), "1.5 tablets"), (Quantity(0.5, Unit.TABLET), "0.5 tablet"),
    (Quantity(3, Unit.SACHET), "3 sachets"), (Quantity(20, Unit.MG), "20 mg"), (Quantity(5, Unit.ML), "5 mL"),
])
def test_amounts_read_as_plain_english(q: Quantity, text: str) -> None:
    from journal.domain import parse_quantity

    assert str(q) == text
    assert parse_quantity(text) == q  # what is shown can be typed back


def test_each_person_gets_their_own_first_entries_and_last_dose_in_one_read(journal: Any, robin: tuple[int, int]) -> None:
    # The batch reads are statements built once with bound parameters (issue 17): a second read,
    # of another person or another window, must answer for that person and window, not the first.
    pid, mid = robin
    other = journal.add_patient(Patient("Sam Lee", birth_date=date(1980, 1, 2))).record_id
    other_mid = journal.add_medication(other, Medication(
        "Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(1, Unit.TABLET), times=[time(8)])])).record_id
    journal.log_dose(pid, dose(mid, given=NOW - timedelta(days=6)))
    journal.log_dose(pid, dose(mid, given=NOW - timedelta(days=2)))
    journal.log_dose(other, dose(other_mid, given=NOW - timedelta(days=4)))
    journal.log_symptom(other, SymptomEntry(at=NOW - timedelta(days=9), symptom="drowsiness", severity=1))
    journal.log_pump_event(pid, PumpEvent(at=NOW - timedelta(days=30), kind=PumpEventKind.REFILL, volume_ml=20))
    journal.log_pump_event(pid, PumpEvent(at=NOW - timedelta(days=3), kind=PumpEventKind.REFILL, volume_ml=18))
    both = journal.histories([pid, other], NOW - timedelta(days=1), NOW)
    mine, theirs = both[pid], both[other]
    assert mine.first_entry == NOW - timedelta(days=30) and theirs.first_entry == NOW - timedelta(days=9)
    assert mine.first_dose == {mid: NOW - timedelta(days=6)} and theirs.first_dose == {other_mid: NOW - timedelta(days=4)}
    assert mine.last_given[mid].given == NOW - timedelta(days=2)
    assert theirs.last_given[other_mid].given == NOW - timedelta(days=4)
    assert [e.volume_ml for e in mine.pump_events] == [18] and theirs.pump_events == []
    # the latest refill before the window moves with the window
    earlier = journal.history(pid, NOW - timedelta(days=10), NOW - timedelta(days=5))
    assert [e.volume_ml for e in earlier.pump_events] == [20]
