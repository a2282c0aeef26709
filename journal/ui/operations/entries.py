"""Entries other than doses: a symptom, a reading, a note, a pump event; correcting or removing
any entry (the earlier version is kept), and undoing the entry just made."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.domain import Note, Observation, PumpEvent, SymptomEntry

from . import OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import LastEntry, Session


def log_symptom(*, session: Session, patient_id: int, entry: SymptomEntry, by: str,
                initiator: object | None = None, check_later: bool = False) -> OpChanges:
    """Record a symptom. Raises ValidationError naming the field; nothing is saved then.
    `check_later` (the window's forms): the person's checks run on the next event-loop turn, on
    the write's one read (see `perform`), so the click is one short event (issue 17)."""
    return perform(session, lambda: session.journal.log_symptom(patient_id, entry, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=check_later)


def log_reading(*, session: Session, patient_id: int, reading: Observation, by: str,
                initiator: object | None = None, check_later: bool = False) -> OpChanges:
    """Record a measurement (temperature, spasm score, ...). Raises ValidationError naming the field.
    `check_later`: as for `log_symptom`."""
    return perform(session, lambda: session.journal.log_observation(patient_id, reading, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=check_later)


def log_note(*, session: Session, patient_id: int, note: Note, by: str, initiator: object | None = None,
             check_later: bool = False) -> OpChanges:
    """Add a note (or a question for the doctor). Notes count for the checks too (alcohol taken).
    `check_later`: as for `log_symptom`."""
    return perform(session, lambda: session.journal.add_note(patient_id, note, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=check_later)


def log_pump_event(*, session: Session, patient_id: int, event: PumpEvent, by: str,
                   initiator: object | None = None, check_later: bool = False) -> OpChanges:
    """Record a pump refill, alarm or dose change. Raises ValidationError naming the field.
    `check_later`: as for `log_symptom`."""
    return perform(session, lambda: session.journal.log_pump_event(patient_id, event, by=by),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=check_later)


def correct_entry(*, session: Session, patient_id: int | None, entity: str, record_id: int, changes: dict[str, Any],
                  by: str, reason: str = "", initiator: object | None = None) -> OpChanges:
    """Change fields of one entry of this person; the earlier version is kept with who, when and why.
    The correction shows at once; the person's checks follow on the next turn (as for `log_symptom`)."""
    return perform(session, lambda: session.journal.correct(entity, record_id, changes, by=by, reason=reason),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)


def remove_entry(*, session: Session, patient_id: int | None, entity: str, record_id: int, by: str, reason: str,
                 initiator: object | None = None) -> OpChanges:
    """Mark an entry removed with a reason (it stays in the file and can be brought back). The
    person's checks follow on the next turn (as for `log_symptom`)."""
    return perform(session, lambda: session.journal.remove(entity, record_id, by=by, reason=reason),
                   patient_id=patient_id, by=by, initiator=initiator, check_later=True)


UNDO_REASON = "undone"


def undo_last_entry(*, session: Session, by: str, initiator: object | None = None) -> LastEntry | None:
    """Remove the entry this window made last, with the reason "undone", while it can still be
    undone (Session.undoable). Returns what was undone, or None (nothing, or too late)."""
    last = session.undoable()
    if last is None:
        return None
    remove_entry(session=session, patient_id=last.patient_id, entity=last.entity, record_id=last.record_id,
                 by=by, reason=UNDO_REASON, initiator=initiator)
    session.forget_last_entry()
    return last
