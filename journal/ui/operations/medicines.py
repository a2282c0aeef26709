"""Medicines: add one, change its schedule (a new dose, a taper, a stop), its limits, its stock.

Each write is saved and shown in its click; the person's checks run on the next event-loop turn
(`perform(check_later=True)`, issue 17: no GUI event waits on a whole check at care-home scale)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain import AsNeededLimits, Medication, Quantity, Regimen, StockEvent

from . import OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import Session


def add_medicine(*, session: Session, patient_id: int, medicine: Medication, by: str,
                 initiator: object | None = None) -> OpChanges:
    """Put a medicine on the person's list. Raises ValidationError naming the field."""
    return perform(session, lambda: session.journal.add_medication(patient_id, medicine),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def change_schedule(*, session: Session, patient_id: int | None, medication_id: int, steps: list[Regimen], by: str,
                    initiator: object | None = None) -> OpChanges:
    """A new schedule from the first step's start (one step: a new dose or times; several: a taper
    or titration plan; a last step ending: a stop). What was in force ends the day before; the
    earlier schedule is kept in the history."""
    journal = session.journal
    if len(steps) == 1 and steps[0].end is None:
        write = lambda: journal.change_regimen(medication_id, steps[0], by=by)  # noqa: E731
    else:
        write = lambda: journal.set_regimens(medication_id, steps, by=by)  # noqa: E731
    return perform(session, write, patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def stop_medicine(*, session: Session, patient_id: int | None, medication_id: int, plan: list[Regimen], by: str,
                  initiator: object | None = None) -> OpChanges:
    """Stop a medicine by the plan given (its last step ends; a taper first when the drug needs one)."""
    return perform(session, lambda: session.journal.set_regimens(medication_id, plan, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def set_limits(*, session: Session, patient_id: int | None, medication_id: int, max_daily: Quantity | None,
               as_needed_limits: AsNeededLimits | None, by: str, initiator: object | None = None) -> OpChanges:
    """The prescriber's daily ceiling and as-needed limits (None clears one)."""
    return perform(session, lambda: session.journal.set_limits(
        medication_id, max_daily=max_daily, as_needed_limits=as_needed_limits, by=by),
        patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def record_stock(*, session: Session, patient_id: int | None, medication_id: int, event: StockEvent, by: str,
                 initiator: object | None = None) -> OpChanges:
    """A stock count, a supply received or some discarded."""
    return perform(session, lambda: session.journal.record_stock(medication_id, event, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def remove_stock_event(*, session: Session, patient_id: int | None, event_id: int, by: str, reason: str,
                       initiator: object | None = None) -> OpChanges:
    """Take back a stock entry made by mistake (kept in the history with the reason)."""
    return perform(session, lambda: session.journal.remove("stock_event", event_id, by=by, reason=reason),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)
