"""Automatic rotating backups, restore, and "back up to..." (a USB stick), on top of the
consistent copies made by `journal.storage.backups` (SQLite's online backup API).

- `at_start()` when the journal opens, `if_due()` from a timer while it stays open (daily);
  then the rotation in `journal.storage.rotation` keeps 7 daily + 4 weekly copies.
- Backups live in `<journal folder>/backups/` (folder 0700, files 0600: owner only).
- `restore(src)` checks the backup first, keeps a copy of the current file (even a damaged
  one, byte for byte), and only then replaces the journal; the replacement is one SQLite
  transaction, or an atomic rename when the current file is not a usable journal.
- Every failure is a `BackupError` with a plain message; nothing is left half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, tzinfo
from pathlib import Path

from journal.domain import Clock
from journal.domain.i18n import N_, _
from journal.services.errors import ValidationError
from journal.services.output import fsync_folder, protected_reason
from journal.services.validation import check_output_path
from journal.storage.backups import backup_file, read_only_uri, restore_file
from journal.storage.db import StorageFileError, check_openable
from journal.storage.lock import JournalBusy, JournalLocked, WindowLock, write_lock
from journal.storage.rotation import (
    AUTO,
    BEFORE_RESTORE,
    MANUAL,
    SUFFIX,
    BackupFile,
    automatic_due,
    backup_name,
    list_backups,
    select_prune,
)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_COMPANIONS = ("-wal", "-shm", "-journal")


__all__ = [
    "BackupError", "BackupService", "JournalLocked", "WindowLock", "check_backup", "create_private",
    "ensure_private", "take_window_lock",
]


def take_window_lock(journal_path: Path | str, clock: Clock) -> WindowLock:
    """The one-window-per-journal lock, for the window (which may not import storage itself).
    Raises `JournalLocked` (its message is for the caregiver) when another window holds it.
    Keep the returned object for as long as the window is open; `release()` on close (the OS
    releases it anyway if the program dies)."""
    lock = WindowLock(Path(journal_path).resolve())  # the real file: a link to it meets the same lock
    lock.acquire(since=clock.now().isoformat(timespec="minutes"))
    return lock


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why in plain words."""


def ensure_private(path: Path) -> None:
    """Make the journal (and its -wal/-shm companions) readable by the owner only."""
    for p in [Path(path), *(Path(str(path) + c) for c in _COMPANIONS)]:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(p.stat().st_mode) != PRIVATE_FILE:
                os.chmod(p, PRIVATE_FILE)


def create_private(path: Path) -> None:
    """Create an empty journal file 0600 before SQLite first opens it, so it is never readable
    by others, not even for a moment. Does nothing if the file exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def _plain_os_error(e: OSError, action: str, where: Path) -> BackupError:
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return BackupError(_("{action} failed: there is not enough free space on the disk holding {where}.").format(action=_(action), where=where))
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError(_("{action} failed: CareJournal is not allowed to write to {where} (the folder or the stick may be read-only).").format(action=_(action), where=where))
    if e.errno == errno.ENOENT:
        return BackupError(_("{action} failed: {where} does not exist (is the stick still plugged in?).").format(action=_(action), where=where))
    return BackupError(_("{action} failed: {value} ({where}).").format(action=_(action), value=e.strerror or e, where=where))


def check_backup(path: Path) -> str | None:
    """None when `path` is a usable journal copy; otherwise the reason it is not (plain words).
    Reads only; never modifies the file."""
    path = Path(path)
    if not path.is_file():
        return _("{name} does not exist.").format(name=path.name)
    try:
        state = check_openable(path)
    except StorageFileError as e:
        return str(e)
    if not state.has_tables:
        return _("{name} is empty.").format(name=path.name)
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as e:
        return _("{name} is damaged ({problem}).").format(name=path.name, problem=e)
    if result != "ok":
        return _("{name} is damaged ({problem}).").format(name=path.name, problem=result)
    return None


class BackupService:
    """Backups of one journal file. `clock` names the files and decides when one is due; `tz`
    (the journal's zone) decides what "a day" is for the rotation."""

    def __init__(self, journal_path: Path | str, clock: Clock, *, tz: tzinfo = UTC,
                 folder: Path | str | None = None) -> None:
        # Resolved once: a journal reached through a link is kept, replaced and locked as the real
        # file (restoring through the link must not put a file where the link was).
        self.journal_path = Path(journal_path).resolve()
        self.clock = clock
        self.tz = tz
        self.folder = Path(folder) if folder is not None else self.journal_path.parent / "backups"
        name = self.journal_path.name
        self.stem = name[: -len(self.journal_path.suffix)] if self.journal_path.suffix else name

    # -- listing ------------------------------------------------------------------------------
    def backups(self) -> list[BackupFile]:
        """This journal's backups in the backups folder, newest first."""
        if not self.folder.is_dir():
            return []
        return list_backups(self.folder.iterdir(), stem=self.stem)

    def latest_good(self) -> BackupFile | None:
        """The newest backup that is a usable journal (checked, not just listed)."""
        for b in self.backups():
            if check_backup(b.path) is None:
                return b
        return None

    # -- making backups -----------------------------------------------------------------------
    def _free_name(self, kind: str) -> Path:
        at = self.clock.now()
        n = 0
        while True:
            p = self.folder / backup_name(self.stem, kind, at, n)
            if not p.exists():
                return p
            n += 1

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.folder.is_symlink():  # the user's own choice of place: its permissions are theirs
            return
        with contextlib.suppress(OSError):
            os.chmod(self.folder, PRIVATE_DIR)

    def back_up(self, kind: str = AUTO) -> Path:
        """A checked, private copy in the backups folder, then the rotation."""
        if not self.journal_path.is_file():
            raise BackupError(_("There is no journal at {journal_path} to back up yet.").format(journal_path=self.journal_path))
        try:
            self._ensure_folder()
            dest = self._free_name(kind)
            self._copy_checked(dest)
        except OSError as e:
            raise _plain_os_error(e, N_("The backup"), self.folder) from e
        self.prune()
        return dest

    def _copy_checked(self, dest: Path) -> None:
        try:
            backup_file(self.journal_path, dest)
        except sqlite3.Error as e:
            if "full" in str(e).lower():
                raise BackupError(_("The backup failed: there is not enough free space for {dest}.").format(dest=dest)) from e
            raise BackupError(_("The backup could not be made: {e}.").format(e=e)) from e
        os.chmod(dest, PRIVATE_FILE)
        problem = check_backup(dest)
        if problem is not None:
            with contextlib.suppress(OSError):
                dest.unlink()
            raise BackupError(_("The backup copy did not check out, so it was not kept: {problem}").format(problem=problem))

    def at_start(self) -> Path | None:
        """The backup made when the journal opens. Returns None (and keeps going) if the journal
        file does not exist yet. Half-written copies left by a crash are cleared first (the window
        lock means no other window of this journal is writing one now)."""
        if not self.journal_path.is_file():
            return None
        self.clear_unfinished()
        return self.back_up(AUTO)

    def clear_unfinished(self) -> list[Path]:
        """Remove this journal's `*.partial` copies in the backups folder (a crash mid-copy)."""
        removed: list[Path] = []
        if not self.folder.is_dir():
            return removed
        for p in self.folder.glob(f"{self.stem}-*{SUFFIX}.partial"):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
        return removed

    def if_due(self) -> Path | None:
        """Called from a timer while the window is open: a backup once a day."""
        if not automatic_due(self.backups(), self.clock.now()):
            return None
        return self.back_up(AUTO)

    def prune(self) -> list[Path]:
        """Delete the automatic backups the rotation no longer keeps. Never touches manual ones
        or files that are not backups."""
        removed = []
        for b in select_prune(self.backups(), self.clock.now(), tz=self.tz):
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
                removed.append(b.path)
        return removed

    def back_up_to(self, dest: Path | str, *, folder: bool = False) -> Path:
        """A manual copy to a place the caregiver picks (a folder, e.g. a USB stick, or a file
        name; `folder=True` when it came from a folder chooser and must be one). Never pruned.
        Returns the file written."""
        dest = Path(dest)
        if folder and not dest.is_dir():
            raise BackupError(_("The backup failed: the folder {dest} does not exist (is the stick still plugged in?).").format(dest=dest))
        def refuse_unsafe(target: Path) -> None:
            if target.resolve() == self.journal_path.resolve():
                raise BackupError(_("Choose another place for the backup than the journal file itself."))
            # The journal's own files first (the more useful message), then links, pipes and devices.
            why = protected_reason(target, self.journal_path)
            if why is not None:  # the same check as every other output (journal.services.output)
                raise BackupError(_("The backup was not saved: {target} is {why}. Choose another place.").format(target=target, why=why))
            try:
                check_output_path(target, "backup")
            except ValidationError as e:
                raise BackupError(_("The backup was not saved: {message}.").format(message=e.message)) from None

        if not dest.is_dir():
            refuse_unsafe(dest)  # as given (a device or link keeps no suffix of ours)
        if dest.is_dir():
            dest = dest / backup_name(self.stem, MANUAL, self.clock.now())
        elif dest.suffix == "":
            dest = dest.with_suffix(SUFFIX)
        refuse_unsafe(dest)
        if not dest.parent.is_dir():
            raise BackupError(_("The backup failed: the folder {parent} does not exist (is the stick still plugged in?).").format(parent=dest.parent))
        try:
            self._copy_checked(dest)
        except OSError as e:
            raise _plain_os_error(e, N_("The backup"), dest.parent) from e
        return dest

    # -- restoring ----------------------------------------------------------------------------
    def restore(self, src: Path | str, close_journal: Callable[[], None] | None = None) -> Path | None:
        """Replace the journal with the backup at `src`. The current file is kept first as a
        before-restore copy (returned; None when there was no journal file). `close_journal`
        is called before the file is replaced (the window closes its connections there).

        An older backup is fine (the journal upgrades it when it next opens); a backup from a
        newer version, a damaged one or a file that is not a journal is refused and nothing is
        changed."""
        src = Path(src)
        problem = check_backup(src)
        if problem is not None:
            raise BackupError(_("This backup cannot be restored, so nothing was changed: {problem}").format(problem=problem))
        if src.resolve() == self.journal_path.resolve():
            raise BackupError(_("That is the journal file itself, not a backup."))
        # Keep-then-replace under the journal's write lock: a write (log-dose from the command
        # line, another window's save) lands before the copy is kept, or after the replacement,
        # never in between where it would be in neither.
        try:
            with write_lock(self.journal_path):
                return self._keep_and_replace(src, close_journal)
        except JournalBusy as e:
            raise BackupError(_("The restore could not start: another program is still saving to the journal. Nothing was changed; try again in a moment.")) from e

    def _keep_and_replace(self, src: Path, close_journal: Callable[[], None] | None) -> Path | None:
        try:
            self._ensure_folder()
            kept = self._keep_current()
        except OSError as e:
            raise _plain_os_error(e, N_("Keeping a copy of the current journal"), self.folder) from e
        if close_journal is not None:
            close_journal()
        try:
            if self._current_is_usable():
                restore_file(src, self.journal_path)
            else:
                self._replace_unusable(src)
            ensure_private(self.journal_path)
        except OSError as e:
            raise _plain_os_error(e, N_("The restore"), self.journal_path.parent) from e
        except sqlite3.Error as e:
            raise BackupError(_("The restore failed and the journal was left as it was: {e}.").format(e=e)) from e
        return kept

    def _current_is_usable(self) -> bool:
        if not self.journal_path.is_file():
            return False
        try:
            state = check_openable(self.journal_path)
        except StorageFileError:
            return False
        return state.has_tables

    def _keep_current(self) -> Path | None:
        """A before-restore copy of the current journal: a consistent copy if it can be read, else
        the raw bytes of the file and its companions (so even a damaged file is never lost)."""
        if not self.journal_path.exists():
            return None
        dest = self._free_name(BEFORE_RESTORE)
        if self._current_is_usable():
            with contextlib.suppress(BackupError, sqlite3.Error):
                self._copy_checked(dest)
                return dest
        tmp = dest.with_name(dest.name + ".partial")
        shutil.copyfile(self.journal_path, tmp)
        os.chmod(tmp, PRIVATE_FILE)
        for c in ("-wal", "-journal"):  # these hold data; -shm is rebuilt
            comp = Path(str(self.journal_path) + c)
            if comp.exists():
                shutil.copyfile(comp, Path(str(dest) + c))
                os.chmod(Path(str(dest) + c), PRIVATE_FILE)
        _fsync(tmp)
        os.replace(tmp, dest)
        return dest

    def _replace_unusable(self, src: Path) -> None:
        """The current file is not a usable journal: copy the backup next to it, then move it into
        place in one atomic rename (companions of the old file removed first, so SQLite never
        applies them to the restored one)."""
        staged = self.journal_path.with_name(self.journal_path.name + ".restoring")
        backup_file(src, staged)
        os.chmod(staged, PRIVATE_FILE)
        for c in _COMPANIONS:
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.journal_path) + c).unlink()
        os.replace(staged, self.journal_path)
        fsync_folder(self.journal_path.parent)


def _fsync(path: Path) -> None:
    """Flush a file to the disk. Opened for writing: Windows refuses to flush a read-only handle."""
    with open(path, "r+b") as f:
        os.fsync(f.fileno())
