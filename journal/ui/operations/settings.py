"""Settings: the emergency number, units, reminders, language, time zone, ..."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from . import OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import Session


def save_settings(*, session: Session, settings: Any, by: str, zone_since: date | None = None,
                  initiator: object | None = None) -> OpChanges:
    """Save the settings; a new time zone applies from `zone_since` (default: the journal's
    zone_change_day). Everyone's checks run again (the emergency number is in every alert)."""
    return perform(session, lambda: session.journal.save_settings(settings, zone_since=zone_since),
                   patient_id=None, by=by, initiator=initiator)
