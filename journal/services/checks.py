"""The safety checks as a use case: read each person's recent history, run the rules, drop what
a caregiver acknowledged (unless it got worse), and check a schedule change before it is saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from journal.domain import Alert, Regimen
from journal.rules.ack import raised_or_worse, visible
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
        found = run_checks(history, now, emergency_number=settings.emergency_number or "911")
        if not include_acknowledged:
            found = visible(found, journal.acknowledgements(person.id))
        alerts += found
    return sort_alerts(alerts)


T = TypeVar("T")


def write_and_compare(journal: Any, write: Callable[[], T], patient_id: int | None = None) -> tuple[T, list[Alert]]:
    """Run one write (`write()`, e.g. a lambda calling journal.log_symptom) and return its result
    with the alerts it raised or made worse, most severe first: the alerts open before it are
    not repeated unless they got worse (rules.ack.raised_or_worse). `patient_id` None compares
    everyone (an import). When the checks cannot run before the write, every alert after it is
    returned: better repeated than missed."""
    try:
        before = journal.check(patient_id=patient_id)
    except Exception:  # noqa: BLE001 - see docstring; the write itself still decides success
        before = []
    result = write()
    after = getattr(result, "alerts", None)
    if not isinstance(after, list):  # an import's summary carries no alerts
        after = journal.alerts_after_write(patient_id)
    return result, sort_alerts(raised_or_worse(before, after))


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
