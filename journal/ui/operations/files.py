"""Whole-journal operations: after a backup was restored into the open journal's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import EVERYTHING, OpChanges

if TYPE_CHECKING:
    from ..shell.session import Session


def reopen_after_restore(*, session: Session, initiator: object | None = None) -> OpChanges:
    """Open the journal file again after a restore (journal.services.backups put it in place)
    and tell every view that everything changed. Raises JournalFileError if it cannot be opened."""
    changes = OpChanges(EVERYTHING, initiator=initiator)
    session.reopen_journal(changes)
    return changes
