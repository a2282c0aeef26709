"""Alerts: a caregiver acknowledges one (it comes back if it gets worse)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain import Alert

from . import OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import Session


def acknowledge_alert(*, session: Session, alert: Alert, note: str, by: str,
                      initiator: object | None = None) -> OpChanges:
    """Record that `by` saw `alert` (with a note); the alerts are checked again for its person."""
    return perform(session, lambda: session.journal.acknowledge(alert, note, by=by), patient_id=alert.patient_id,
                   by=by, initiator=initiator)
