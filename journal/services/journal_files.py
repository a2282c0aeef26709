"""The journal's files: backups, restore, and moving a whole journal into an empty one (issue 20:
one of the Journal facade's managers). A file journal is copied with SQLite's backup API and
restored through BackupService (the current file kept first); a shared journal is backed up as
an exchange document with every table beside it and restored only into an empty one. Journal
delegates `backup`, `restore` and `move_in` here."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.i18n import _

from .errors import JournalFileError, ValidationError
from .journal_types import ALL_CHANGED, Outcome
from .store_opening import open_store

if TYPE_CHECKING:
    from .journal import Journal

# A shared journal's backup is an exchange document with every table beside it under this key
# (storage.transfer.dump_tables): the history of corrections, removals and acknowledgements that
# the exchange format does not carry. `restore` puts those back exactly; `import` reads the records.
BACKUP_TABLES = "journal_tables"


class JournalFiles:
    """Backups and restores of one open journal (`journal.path`, `journal.store`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def backup(self, dest: Path | str) -> Path:
        """A consistent copy of the journal at `dest` (a file, or a folder for a dated copy).
        ValidationError("OUT") for a place that would destroy something (output.check_output_path);
        OutputError when the copy cannot be written whole (a full disk), the old file left as it was.
        Of a file: a SQLite copy (SQLite's backup API). Of a shared journal: the whole journal in
        exchange format v1 with every table beside it (`BACKUP_TABLES`: the history of corrections
        and removals, the acknowledgements, the settings), all read in one REPEATABLE READ
        transaction: a JSON file `restore` puts back whole into an empty shared journal, and whose
        records `import` brings into any journal. Returns the file written."""
        if isinstance(self.journal.path, str):
            return self._backup_shared(Path(dest).expanduser())
        from journal.storage.backups import backup_file

        from .backups import check_backup
        from .output import OutputError, atomic_output, check_output_path
        from .validation import check_output_path as check_plain_output

        typed = str(dest)
        dest = Path(dest).expanduser()
        if dest.is_dir():  # a folder (a USB stick): a dated copy inside it
            dest = dest / f"carejournal-backup-{self.journal.now().astimezone(self.journal.tz).strftime('%Y-%m-%d-%H%M%S')}.sqlite3"
        elif typed.endswith(("/", os.sep)) or not dest.parent.is_dir():
            # Never made here: a USB stick that is not plugged in would get a folder on the
            # computer's own disk, and the caregiver would believe the copy is on the stick.
            missing = dest if typed.endswith(("/", os.sep)) else dest.parent
            raise ValidationError("OUT", _("the folder {missing} does not exist (is the USB stick or drive plugged in?); nothing was written").format(missing=missing))
        dest = check_output_path(dest, self.journal.path)
        check_plain_output(dest, "OUT")  # a link, pipe or device, an odd name
        try:
            with atomic_output(dest, check=check_backup) as tmp:
                backup_file(self.journal.path, tmp)
        except sqlite3.Error as e:
            if "full" in str(e).lower():
                raise OutputError(_("not enough free space on the disk holding {parent}, so {name} was not written (any earlier file of that name was left as it was)").format(parent=dest.parent, name=dest.name)) from e
            raise
        return dest

    def move_in(self, src: Path | str) -> dict[str, int]:
        """Copy the journal file (or shared journal URL) `src` whole into this (empty) journal: every record with its
        history of corrections and removals, the acknowledgements and the settings. The usual way
        into a shared journal: `carejournal --db postgresql://... move-in FILE`. Returns rows
        copied per table. Raises ValidationError("FILE", ...) when this journal already holds
        people or `src` is missing; JournalFileError when `src` is not a journal."""
        from journal.storage.engines import is_database_url
        from journal.storage.transfer import TargetNotEmpty, copy_journal

        source_at: Path | str
        if is_database_url(src):  # another shared journal
            source_at = str(src).strip()
            if source_at == self.journal.path:
                raise ValidationError("FILE", _("that is this journal itself"))
        else:
            source_at = Path(src).expanduser()
            if not source_at.is_file():
                raise ValidationError("FILE", _("{src} does not exist").format(src=src))
            if isinstance(self.journal.path, Path) and source_at.resolve() == self.journal.path.resolve():
                raise ValidationError("FILE", _("that is this journal itself"))
        source = open_store(source_at, self.journal.now())  # upgraded first if older (a copy is kept)
        try:
            copied = copy_journal(source.engine, self.journal.store.engine)
        except TargetNotEmpty:
            raise ValidationError("FILE", _("this journal already holds people; move a journal in only into an empty one (nothing was changed)")) from None
        finally:
            source.dispose()
        self.journal.settings_store.forget()
        return copied

    def _restore_tables(self, src: Path, dump: Any) -> None:
        """Every table of a shared backup, with its ids, into this empty shared journal (as
        `move_in` copies a file): the records, their corrections and removals, the acknowledgements."""
        from journal.storage.transfer import DumpError, TargetNotEmpty, load_tables

        try:
            load_tables(self.journal.store.engine, dump)
        except TargetNotEmpty:
            raise ValidationError("FILE", _("a shared journal is restored only into an empty one; nothing was changed (create an empty database, init it, then restore)")) from None
        except DumpError as e:
            raise ValidationError("FILE", _("{src} cannot be restored with its history ({reason}); nothing was changed. Its records alone can be brought in with: carejournal import FILE").format(src=src, reason=e)) from None
        self.journal.settings_store.forget()
        self.journal._person = None

    def copy_into(self, other: Journal) -> None:
        """Every table of this journal, with its ids, read in one snapshot, into `other` (an empty
        journal on either engine), as a shared backup carries them: `import --dry-run` on a shared
        journal previews against such a private copy. Raises ValidationError when `other` holds
        people; nothing is changed then."""
        from journal.storage.transfer import TargetNotEmpty, dump_tables, load_tables

        with self.journal.store.read() as tx:
            dump = dump_tables(tx.s)
        try:
            load_tables(other.store.engine, dump)
        except TargetNotEmpty:
            raise ValidationError("--db", _("the copy to preview on is not empty")) from None
        other.settings_store.forget()
        other._person = None

    def _backup_shared(self, dest: Path) -> Path:
        import os

        from journal.storage.backups import create_private

        if dest.is_dir():
            stamp = self.journal.now().astimezone(self.journal.tz).strftime("%Y-%m-%d-%H%M%S")
            dest = dest / f"carejournal-shared-backup-{stamp}.json"
        if not dest.parent.is_dir():
            raise ValidationError("OUT", _("the folder {parent} does not exist").format(parent=dest.parent))
        from journal.storage.transfer import dump_tables

        with self.journal.store.read() as tx:  # one snapshot: the tables and the document agree
            doc = self.journal.export_document()
            doc[BACKUP_TABLES] = dump_tables(tx.s)
        tmp = dest.with_name(dest.name + ".partial")
        tmp.unlink(missing_ok=True)
        create_private(tmp)  # a copy of a health journal is readable by its owner only
        try:
            with tmp.open("w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return dest

    def restore(self, src: Path | str) -> Outcome:
        """Replace the journal with a backup. The current file is kept first as a before-restore
        copy in the backups folder (`Outcome.saved_copy`), named and rotated like every backup.
        A shared journal is restored only when it is empty, from a shared backup (exchange format)
        through `import`: on a server several caregivers use, nothing is overwritten."""
        from .backups import BackupError, BackupService

        src = Path(src)
        if not src.is_file():
            raise ValidationError("FILE", _("{src} does not exist").format(src=src))
        if isinstance(self.journal.path, str):
            if self.journal.list_patients():
                raise ValidationError("FILE", _("a shared journal is restored only into an empty one; nothing was changed (create an empty database, init it, then restore)"))
            try:
                doc = json.loads(src.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise ValidationError("FILE", _("{src} is not a shared journal's backup (exchange format JSON); to move a journal file in, export it and import that").format(src=src)) from None
            if isinstance(doc, dict) and BACKUP_TABLES in doc:
                self._restore_tables(src, doc[BACKUP_TABLES])
            else:  # an exchange document (an export, or a backup from before the tables were kept)
                self.journal.import_document(doc)
            return Outcome(ALL_CHANGED, self.journal._alerts(None))
        if src.resolve() == self.journal.path.resolve():
            raise ValidationError("FILE", _("that is the journal itself, not a backup of it"))
        # BackupService.restore checks the backup (a journal, not empty, undamaged) before anything.
        service = BackupService(self.journal.path, self.journal.clock, tz=self.journal.tz)
        closed = False

        def close() -> None:
            nonlocal closed
            closed = True
            self.journal.store.dispose()

        try:
            kept = service.restore(src, close_journal=close)
        except BackupError as e:
            raise JournalFileError(str(e)) from None
        finally:
            if closed:  # a backup refused before the file was touched leaves the journal open as it was
                self.journal.reopen()
        return Outcome(ALL_CHANGED, self.journal._alerts(None), saved_copy=kept)
