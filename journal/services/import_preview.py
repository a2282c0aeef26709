"""`import --dry-run`: what importing a document would add, and which alerts it would raise,
without writing anything.

The import runs, whole and unchanged, on a private copy of the journal in a temporary folder
that is deleted afterwards, so the answer is exactly what the real import would do (the same
validation, the same "already in the journal" matching, a schema upgrade on the copy only) and
the journal file is not touched: it stays the same byte for byte. A journal that does not exist
yet is not created (nor its folder): the preview is against an empty journal. A shared journal
(PostgreSQL) is copied, every table read in one snapshot, into a private SQLite file first
(`Journal.files.copy_into`, what a shared backup carries), and the server is only read."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from journal.domain import Alert, Clock
from journal.domain.i18n import _

from .checks import write_and_compare
from .errors import JournalFileError, ValidationError
from .exchange import ImportSummary
from .journal import Journal


@dataclass
class ImportPreview:
    summary: ImportSummary
    alerts: list[Alert] = field(default_factory=list)  # raised or made worse by the import
    emergency_number: str = "911"  # of the journal as it would be after the import


def preview_import(journal_path: Path | Journal, doc: Any, clock: Clock) -> ImportPreview:
    """Import `doc` into a throw-away copy of the journal at `journal_path` (a file, or an open
    shared journal) and say what it added.

    Raises ValidationError (the document, naming the JSON pointer, as `import` does; or "--db"
    for a folder) and JournalFileError for a file that is not a usable journal; the file (or the
    shared journal) is left untouched in every case."""
    from journal.storage.backups import backup_file
    from journal.storage.db import StorageFileError, check_openable

    shared = journal_path if isinstance(journal_path, Journal) else None
    path = Path("") if shared is not None else Path(cast(Path, journal_path))
    if shared is None and path.is_dir():
        raise ValidationError("--db", _("{path} is a folder; give the journal file's name").format(path=path))
    with tempfile.TemporaryDirectory(prefix="carejournal-dry-run-") as folder:  # owner-only (0700)
        copy = Path(folder) / "preview.sqlite3"
        if shared is not None:
            journal = Journal.open(copy, clock)
            shared.files.copy_into(journal)
            journal.close()
        elif path.exists():
            try:
                check_openable(path)  # refused files are named as the user gave them, not as the copy
            except StorageFileError as e:
                raise JournalFileError(str(e)) from None
            backup_file(path, copy, leave_no_trace=True)  # read-only, no -wal/-shm left beside it
        journal = Journal.open(copy, clock)
        try:
            summary, alerts = write_and_compare(journal, lambda: journal.import_document(doc))
            return ImportPreview(summary, alerts, journal.get_settings().emergency_number)
        finally:
            journal.close()
