"""The safety checks as a use case: read each person's recent history, run the rules, drop what
a caregiver acknowledged (unless it got worse), and check a schedule change before it is saved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from journal.domain import Alert, Regimen
from journal.rules.ack import visible
from journal.rules.engine import LOOKBACK, check_regimen_change, run_checks, sort_alerts


def run(journal: Any, now: datetime, patient_id: int | None = None, *, include_acknowledged: bool = False) -> list[Alert]:
    """Every alert as of `now` for one person or everyone, most severe first, then newest.

    Each person's history is read over LOOKBACK only (bounded, indexed queries), so the time does
    not grow with the size of the journal."""
    if now.tzinfo is None:
        raise ValueError("checks need an aware time")
    settings = journal.get_settings()
    people = [journal.get_patient(patient_id)] if patient_id is not None else journal.list_patients()
    alerts: list[Alert] = []
    for person in people:
        history = journal.history(person.id, now - LOOKBACK, now)
        found = run_checks(history, now, emergency_number=settings.emergency_number or "911",
                           temperature_unit=settings.temperature_unit)
        if not include_acknowledged:
            found = visible(found, journal.acknowledgements(person.id))
        alerts += found
    return sort_alerts(alerts)


def preview_regimen_change(journal: Any, medication_id: int, new_regimens: Sequence[Regimen],
                           now: datetime) -> list[Alert]:
    """What saving `new_regimens` for this medication would raise that the current plan does not
    (e.g. "schedule goes from 60 mg a day to none overnight"), so the window can ask first."""
    medication = journal.get_medication(medication_id)
    patient = journal.get_patient(medication.patient_id)
    others = journal.list_medications(patient.id)
    return check_regimen_change(patient, medication, list(new_regimens), now, tz=journal.tz,
                                other_medications=others,
                                emergency_number=journal.get_settings().emergency_number or "911")
