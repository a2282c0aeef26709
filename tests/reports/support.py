"""A constructed month of one person's journal, shared by the report tests (no test functions here)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.domain import (
    Acknowledgement,
    Alert,
    Dose,
    DoseStatus,
    Form,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PatientHistory,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Regimen,
    RenalImpairment,
    Revision,
    Route,
    Severity,
    SymptomEntry,
    Unit,
)

TZ = ZoneInfo("America/Chicago")
START = date(2026, 10, 1)
END = date(2026, 10, 30)
GENERATED = datetime(2026, 10, 31, 9, 0, tzinfo=TZ)
TIMES = [time(8, 0), time(14, 0), time(20, 0)]


def at(day: int, hour: int, minute: int = 0, month: int = 10) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def month_history() -> PatientHistory:
    """Robin, on baclofen tablets three times a day, with one raised dose (Oct 10), a few late,
    skipped, refused and vomited doses, and a 30 h gap on Oct 12-13 followed by twitching,
    itching, hallucinations and a fever."""
    patient = Patient("Robin Shaw", birth_date=date(1958, 3, 2), renal_impairment=RenalImpairment.MODERATE,
                      conditions=["multiple sclerosis"], id=1)
    bac = Medication(
        "Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG), id=11, patient_id=1,
        regimens=[
            Regimen(date(2026, 6, 1), Quantity(10, Unit.MG), end=date(2026, 10, 9), times=TIMES,
                    prescribed_by="Dr Lee", reason="maintenance", id=101, medication_id=11),
            Regimen(date(2026, 10, 10), Quantity(15, Unit.MG), times=TIMES,
                    prescribed_by="Dr Lee", reason="titration", id=102, medication_id=11),
        ])
    diaz = Medication("Diazepam 2 mg tablets", drug="diazepam", strength=Quantity(2, Unit.MG), as_needed=True,
                      id=12, patient_id=1)
    syrup = Medication("Baclofen oral solution", drug="baclofen", form=Form.SOLUTION, id=13, patient_id=1,
                       regimens=[Regimen(date(2026, 9, 1), Quantity(5, Unit.ML), end=date(2026, 9, 20),
                                         times=[time(22, 0)], id=103, medication_id=13)])
    doses: list[Dose] = []
    day = START
    n = 0
    while day <= END:
        for t in TIMES:
            slot = datetime.combine(day, t, tzinfo=TZ)
            amount = Quantity(10 if day < date(2026, 10, 10) else 15, Unit.MG)
            n += 1
            key = (day.day, t.hour)
            if key in ((12, 14), (12, 20), (13, 8)):
                continue  # nothing logged: derived missed
            status, given = DoseStatus.TAKEN, slot + timedelta(minutes=5)
            if key == (5, 14):
                given = slot + timedelta(hours=2, minutes=30)  # late
            elif key == (6, 8):
                status, given = DoseStatus.SKIPPED, None
            elif key == (7, 20):
                status, given = DoseStatus.REFUSED, None
            elif key == (8, 8):
                status = DoseStatus.VOMITED
            elif key == (20, 8):
                status, given = DoseStatus.MISSED, None
            scheduled: datetime | None = slot
            if key == (21, 8):
                scheduled, given = None, slot + timedelta(minutes=20)  # logged without its slot
            doses.append(Dose(11, status, scheduled=scheduled, given=given,
                              amount=amount if given else None, amount_normalised=amount if given else None,
                              by="Sam", id=n, patient_id=1))
        day += timedelta(days=1)
    doses.append(Dose(12, DoseStatus.TAKEN, given=at(18, 23), amount=Quantity(2, Unit.MG), by="Sam", id=9001,
                      patient_id=1))
    doses.sort(key=lambda d: d.at)
    symptoms = [
        SymptomEntry(at(13, 6), "muscle-twitching", 5, id=1),
        SymptomEntry(at(13, 10), "itching", 4, note="no rash", id=2),
        SymptomEntry(at(13, 12), "hallucinations", 7, id=3),
        SymptomEntry(at(15, 16), "drowsiness", 3, id=4),
        SymptomEntry(at(22, 9), "spasms", 8, id=5),
    ]
    observations = [Observation(at(13, 11), ObservationKind.TEMPERATURE, 38.7, id=1)]
    for d in range(1, 31):
        observations.append(Observation(at(d, 19), ObservationKind.PENN_SPASM_FREQUENCY, 2 if d < 12 else 3,
                                        id=100 + d))
        observations.append(Observation(at(d, 19, 5), ObservationKind.PAIN_NRS, 4 if d % 3 else 5, id=200 + d))
    observations.append(Observation(at(20, 8), ObservationKind.TEMPERATURE, 37.0, id=2))
    # Pulse, blood pressure and oxygen taken at home now and then (all in the usual range).
    for i, (d, pulse, top, bottom) in enumerate([(3, 76, 124, 78), (13, 88, 136, 86), (27, 72, 118, 74)]):
        observations.append(Observation(at(d, 9), ObservationKind.HEART_RATE, pulse, id=300 + i))
        observations.append(Observation(at(d, 9, 2), ObservationKind.BLOOD_PRESSURE, top, value2=bottom, id=310 + i))
    observations.append(Observation(at(13, 9, 4), ObservationKind.OXYGEN_SATURATION, 97, id=320))
    observations.sort(key=lambda o: o.at)
    notes = [
        Note(at(14, 9), "Called the clinic after the missed doses; they said to restart the usual schedule.", id=1),
        Note(at(25, 20), "Could the evening dose be moved earlier? Robin is very sleepy at night.",
             for_doctor=True, id=2),
    ]
    h = PatientHistory(patient=patient, tz=TZ, start=datetime.combine(START, time(0), tzinfo=TZ),
                       end=datetime.combine(END + timedelta(days=1), time(0), tzinfo=TZ),
                       medications=[bac, diaz, syrup], doses=doses, symptoms=symptoms,
                       observations=observations, notes=notes)
    h.last_given[11] = Dose(11, DoseStatus.TAKEN, scheduled=at(30, 20, month=9), given=at(30, 20, 5, month=9),
                            id=0, patient_id=1)
    return h


def month_alerts() -> tuple[list[Alert], list[Acknowledgement]]:
    stop = Alert("abrupt-stop", Severity.URGENT, "Robin Shaw", at(12, 14), "Baclofen doses stopped",
                 "No baclofen given for 30 hours.", "Call the doctor today.",
                 ["last dose 2026-10-12 08:05", "2 scheduled doses in a row with nothing logged"],
                 "withdrawal", medication="Baclofen 10 mg tablets", patient_id=1, medication_id=11)
    red = Alert("red-flag-symptom", Severity.EMERGENCY, "Robin Shaw", at(13, 12), "Hallucinations",
                "Hallucinations were logged.", "Call 911 now.", ["hallucinations 2026-10-13 12:00"],
                "when-to-call", patient_id=1)
    ack = Acknowledgement(stop.key, stop.rule, stop.severity, at(13, 15), note="Clinic called back", by="Sam",
                          patient_id=1)
    return [red, stop], [ack]


def month_revisions() -> list[Revision]:
    return [
        Revision("dose", 40, at(16, 9, 30), "Sam", "correct",
                 before={"medication_id": 11, "given": at(14, 8, 5), "amount": {"value": 10, "unit": "mg"}},
                 after={"medication_id": 11, "given": at(14, 8, 5), "amount": {"value": 15, "unit": "mg"}},
                 reason="typed the old dose"),
        Revision("symptom", 9, at(2, 9, month=9), "Sam", "remove", before={"symptom": "pain"}, after={}),
    ]


def pump_history() -> PatientHistory:
    """Jo, 15, with an intrathecal pump: a refill before the period, an alarm and a rate change in it."""
    patient = Patient("Jo Rivera", birth_date=date(2011, 5, 20), conditions=["cerebral palsy"], id=2)
    pump = Medication("Intrathecal baclofen pump", drug="baclofen", route=Route.INTRATHECAL, form=Form.PUMP,
                      strength=Quantity(500, Unit.MCG, per=Quantity(1, Unit.ML)), id=21, patient_id=2,
                      regimens=[Regimen(date(2025, 1, 1), Quantity(300, Unit.MCG), id=201, medication_id=21)])
    events = [
        PumpEvent(at(2, 10, month=9), PumpEventKind.REFILL, volume_ml=20, concentration_mcg_per_ml=500,
                  daily_dose_mcg=300, reservoir_ml=20, low_alarm_ml=2, next_refill_due=date(2026, 11, 28), id=1),
        PumpEvent(at(9, 22), PumpEventKind.ALARM, note="single tone every hour", id=2),
        PumpEvent(at(10, 11), PumpEventKind.CHECK, id=3),
        PumpEvent(at(10, 11, 30), PumpEventKind.DOSE_CHANGE, daily_dose_mcg=325, note="clinic raised the rate", id=4),
    ]
    symptoms = [SymptomEntry(at(9, 20), "itching", 3, id=11), SymptomEntry(at(12, 9), "spasms", 6, id=12)]
    return PatientHistory(patient=patient, tz=TZ, start=datetime.combine(START, time(0), tzinfo=TZ),
                          end=datetime.combine(END + timedelta(days=1), time(0), tzinfo=TZ),
                          medications=[pump], pump_events=events, symptoms=symptoms)
