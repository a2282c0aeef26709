"""People: add the person cared for, or change their profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain import Patient

from . import OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import Session


def add_person(*, session: Session, person: Patient, by: str, initiator: object | None = None) -> OpChanges:
    """Add a person (the new id is `record_id`). Raises ValidationError naming the field."""
    return perform(session, lambda: session.journal.add_patient(person), patient_id=None, by=by,
                   initiator=initiator)


def edit_person(*, session: Session, person: Patient, by: str, initiator: object | None = None) -> OpChanges:
    """Save a changed profile (the earlier one is kept); their checks run again (age, kidneys)."""
    return perform(session, lambda: session.journal.update_patient(person, by=by), patient_id=person.id, by=by,
                   initiator=initiator, check_later=True)
