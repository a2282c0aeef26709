"""Opening a journal's storage: a file or a shared journal's URL to a `Store` (upgraded if older),
read-only on read-only media, or a JournalFileError in plain words (not a journal, damaged, from
a newer version, unreachable). Used by the Journal facade and its files manager."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.i18n import _

from .errors import JournalFileError, ValidationError, plain_failure
from .validation import too_long_words

if TYPE_CHECKING:
    from journal.storage.repository import Store


def open_store(path: Path | str, now: datetime) -> Store:
    """The storage engine for the journal file at `path` or the shared journal at a PostgreSQL
    URL (upgraded if older), or JournalFileError for one that is not a journal, is damaged, comes
    from a newer version or cannot be reached. A journal file whose place cannot be written
    (read-only media) is opened read-only (`Store.read_only`)."""
    from journal.storage.db import open_engine
    from journal.storage.repository import Store

    try:
        engine = open_engine(path, now)
        engine.connect().close()  # the first connection sets WAL up: on read-only media it fails here
    except Exception as e:
        engine = _read_only_fallback(e, path) if isinstance(path, Path) else None
        if engine is None:
            raise _refusal(e, path) from None
        store = Store(engine, too_long=lambda e: ValidationError(e.field, too_long_words(e.length, e.limit)))
        store.read_only = True
        return store
    return Store(engine, too_long=lambda e: ValidationError(e.field, too_long_words(e.length, e.limit)))


def _read_only_fallback(e: BaseException, path: Path) -> Any:
    """A read-only engine when the journal exists but its place cannot be written (read-only media:
    SQLite cannot make the -wal/-shm files there), else None."""
    from journal.storage.db import StorageFileError, open_read_only_engine

    orig = getattr(e, "orig", None) or e
    if isinstance(e, StorageFileError) or not isinstance(orig, sqlite3.OperationalError) or not path.is_file():
        return None
    words = plain_failure(orig) or ""
    if "cannot be opened there" not in words and "cannot be written" not in words:
        return None
    if os.access(path.parent, os.W_OK):  # a writable place: the failure is something else
        return None
    try:
        return open_read_only_engine(path)
    except (StorageFileError, sqlite3.Error):
        return None


def _refusal(e: BaseException, path: Path | str) -> BaseException:
    """The JournalFileError for a journal that could not be opened (`e` itself when it is not
    about the file)."""
    from journal.storage.db import StorageFileError

    if isinstance(e, StorageFileError):
        return JournalFileError(_not_damaged(e, path) or str(e))
    if isinstance(e, sqlite3.DatabaseError):
        return JournalFileError(_not_damaged(e, path) or _("{path} is damaged or not a journal: {problem}").format(
            path=path, problem=e))
    orig = getattr(e, "orig", None)  # SQLAlchemy wraps sqlite3 errors in its own classes
    if isinstance(orig, sqlite3.DatabaseError):
        return JournalFileError(_not_damaged(orig, path) or _("{path} is damaged or not a journal: {problem}").format(
            path=path, problem=orig))
    return e


def _not_damaged(e: BaseException, path: Path | str) -> str | None:
    """Plain words when opening failed for the disk's sake (full, read-only, busy, unreadable
    drive), not the file's: such a journal must not be called damaged. None otherwise."""
    words = plain_failure(e)
    if words is None or "damaged" in words:
        return None
    return f"{path}: {words}"
