"""Every file CareJournal writes for the caregiver (report PDF, export JSON and CSV, backup copy)
goes through here: one check of where it goes, one way of writing it.

- `check_output_path()` refuses a place that would destroy the journal: the journal itself, its
  `-wal` / `-shm` / `-journal` companions, its lock files, its upgrade copies, anything in its
  `backups/` folder, and any existing SQLite file; symlinks are followed first, and hard links
  are caught by comparing the files themselves. The message names the path and why.
- `atomic_output()` writes to a temporary `NAME.partial` in the target folder, checks it (not
  empty, plus the caller's own check), fsyncs it, renames it over the target and fsyncs the
  folder. A failure (a full disk above all) raises `OutputError` saying so in plain words, and
  leaves the previous file of that name as it was and no `.partial` behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from journal.domain.i18n import N_, _
from journal.storage.lock import WRITE_LOCK_SUFFIX, lock_path_for

from .errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL = ".partial"

# The files SQLite and CareJournal keep beside a journal, and what each one is (for the message).
COMPANIONS: tuple[tuple[str, str], ...] = (
    ("", N_("the journal itself")),
    ("-wal", N_("the journal's write-ahead log, which holds its newest entries")),
    ("-shm", N_("the journal's shared index of its write-ahead log")),
    ("-journal", N_("the journal's rollback journal, which SQLite needs to finish or undo a save")),
    (WRITE_LOCK_SUFFIX, N_("the journal's write lock")),
    (".restoring", N_("a restore's staging copy of the journal")),
)


class OutputError(Exception):
    """A file could not be written (a full disk, no permission, ...). The message is for the
    caregiver; the previous file of that name, if any, is unchanged."""


def _companions(journal_path: Path) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for base in {journal_path.absolute(), journal_path.resolve()}:
        found += [(base.with_name(base.name + suffix), why) for suffix, why in COMPANIONS]
        found.append((lock_path_for(base), N_("the lock that keeps the journal to one window")))
    return found


def _backup_folders(journal_path: Path) -> set[Path]:
    return {journal_path.absolute().parent / "backups", journal_path.resolve().parent / "backups"}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def protected_reason(path: Path, journal_path: Path | str) -> str | None:
    """Why `path` must not be written (plain words), or None. Follows symlinks (the path's own
    and its folders') and catches hard links to a protected file. A shared journal's URL has no
    files on this computer to protect (its local copies are checked like any journal file)."""
    from journal.storage.engines import is_database_url

    if is_database_url(journal_path):
        return None
    real = Path(path).expanduser().resolve()
    for p, why in _companions(Path(journal_path)):
        if real == p.resolve() or _same_file(real, p):
            return _(why)
    for folder in _backup_folders(Path(journal_path)):
        if real == folder.resolve() or real.is_relative_to(folder.resolve()):
            return _("in the journal's backups folder, whose copies would be lost")
    jr = Path(journal_path).resolve()
    if real.parent == jr.parent and real.name.startswith(jr.name + ".before-upgrade-"):
        return _("the copy of the journal kept before a schema upgrade")
    return None


def check_output_path(out: str | Path, journal_path: Path | str, *, arg: str = "OUT", folder: bool = False) -> Path:
    """The path to write to, or ValidationError(arg) naming the path and why it is refused.

    `folder=True`: a folder to write several files into (CSV export); each file written there
    is checked again by `atomic_output(..., journal_path=...)`."""
    if not str(out).strip():
        raise ValidationError(arg, _("give a file name to write to"))
    path = Path(out).expanduser()
    why = protected_reason(path, journal_path)
    if why is not None:
        raise ValidationError(arg, _("{path} is {why}; it was not touched. Choose another {value}").format(path=path, why=why, value=_("folder") if folder else _("file name")))
    if folder:
        if path.exists() and not path.is_dir():
            raise ValidationError(arg, _("{path} is a file; CSV export writes several files and needs a folder").format(path=path))
        return path
    if path.is_dir():
        example = path / ("report.pdf" if arg == "--out" else "journal.json")
        raise ValidationError(arg, _("{path} is a folder; give a file name such as {example}").format(path=path, example=example))
    if path.is_file():  # a regular file only: opening a pipe or a device to read could block
        try:
            with path.open("rb") as f:
                head = f.read(16)
        except OSError:
            head = b""
        if head == SQLITE_HEADER:
            raise ValidationError(arg, _("{path} is a journal or backup file; it was not touched. Choose another file name").format(path=path))
    return path


def plain_write_error(e: OSError, path: Path) -> OutputError:
    """Plain words for a failed write of `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(_("not enough free space on the disk holding {folder}, so {name} was not written (any earlier file of that name was left as it was)").format(folder=folder, name=path.name))
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(_("CareJournal is not allowed to write to {folder} (read-only, or no permission), so {name} was not written").format(folder=folder, name=path.name))
    if e.errno == errno.ENOENT:
        return OutputError(_("the folder {folder} does not exist (is the stick still plugged in?), so {name} was not written").format(folder=folder, name=path.name))
    return OutputError(_("{name} could not be written in {folder}: {value}").format(name=path.name, folder=folder, value=(e.strerror or str(e)).lower()))


_os_write = os.write  # the one place bytes reach the disk (tests make it fail like a full disk)


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _write_all(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            n = _os_write(fd, view)
            if n <= 0:
                raise OSError(errno.EIO, "nothing was written")
            view = view[n:]
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: Path, *, check: Callable[[Path], str | None] | None = None,
                  journal_path: Path | str | None = None) -> Iterator[Path]:
    """Yield a temporary file next to `path` (created empty, owner-only) for the caller to fill;
    when the block ends it is checked (not empty, then `check(tmp)` returning a problem or None),
    fsynced and renamed over `path`. Raises OutputError on any failure, removing the temporary
    file; `path` is then untouched. `journal_path` re-checks the name (CSV files in a folder)."""
    path = Path(path)
    if journal_path is not None:
        why = protected_reason(path, journal_path)
        if why is not None:
            raise OutputError(_("{path} is {why}; it was not touched").format(path=path, why=why))
    tmp = path.with_name(path.name + PARTIAL)
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # left by a crash
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as e:
        raise plain_write_error(e, path) from e
    try:
        yield tmp
        size = tmp.stat().st_size
        problem = "it came out empty" if size == 0 else (check(tmp) if check is not None else None)
        if problem is not None:
            raise OutputError(_("{name} could not be written completely ({problem}); is the disk full? Any earlier file of that name was left as it was").format(name=path.name, problem=problem))
        fd = os.open(tmp, os.O_RDONLY)
        try:
            _fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_folder(path.parent if str(path.parent) else Path("."))
    except OSError as e:
        _remove(tmp)
        raise plain_write_error(e, path) from e
    except BaseException:
        _remove(tmp)
        raise


def write_bytes(path: Path, data: bytes, *, journal_path: Path | str | None = None) -> Path:
    """Write `data` to `path` through `atomic_output`. Returns `path`."""
    with atomic_output(path, journal_path=journal_path) as tmp:
        _write_all(tmp, data)
    return path


def _remove(p: Path) -> None:
    with contextlib.suppress(OSError):
        p.unlink()


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk; best effort. Windows cannot open a
    folder as a file, and its renames need no folder flush."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
