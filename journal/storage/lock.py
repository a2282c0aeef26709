"""One window per journal: an OS file lock next to the journal file, on every operating system.
And the write lock: every write transaction and a restore's keep-then-replace take it, so a write
lands either before the journal is kept or after it is replaced, never in between (issue 15,
"restore races a write").

The window takes the lock for as long as it is open, so a second window on the same journal does
not race it (the second launch hands over to the first window instead; see ui/shell/single_instance).
The command line does not take it: its writes wait on SQLite's own lock (busy timeout).

The lock is `filelock`'s (flock on Linux and macOS, LockFileEx on Windows) on
`<journal>.lock.os`; the operating system drops it when the holding process ends, however it ends
(crash, kill -9, power cut), so a file left behind is never a real lock. Who holds it (pid, host,
since when) is written to `<journal>.lock`, a separate file so no lock implementation truncates
or locks the record. Where the folder supports no locks at all (some network folders), the pid in
the record decides: a holder whose process is gone on this machine is stale and taken over. The
liveness check never uses `os.kill` on Windows (there it would end the process).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import filelock

PRIVATE_FILE = 0o600
# errno values that mean "this folder does not do file locks" (not "someone holds it").
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS}


class JournalLocked(Exception):
    """The journal is open in another window."""

    def __init__(self, path: Path, holder: LockHolder | None) -> None:
        self.path = path
        self.holder = holder
        where = ""
        if holder is not None and holder.host and holder.host != socket.gethostname():
            where = f" on the computer {holder.host}"
        super().__init__(
            f"This journal is already open in another CareJournal window{where}. "
            "Use that window, or close it and try again."
        )


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    since: str = ""


def lock_path_for(journal_path: Path) -> Path:
    """The record of who holds the lock (JSON: pid, host, since)."""
    return journal_path.with_name(journal_path.name + ".lock")


def os_lock_path_for(journal_path: Path) -> Path:
    """The file the operating-system lock is taken on."""
    return journal_path.with_name(journal_path.name + ".lock.os")


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    process_query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # typeshed: windll exists on Windows only
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return bool(ctypes.get_last_error() == 5)  # type: ignore[attr-defined]  # typeshed: Windows only. Access denied: it exists, someone else's
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # POSIX: signal 0 only checks; on Windows this would terminate the process
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    except OSError:
        return False
    return True


class WindowLock:
    """Hold with `acquire()` / `release()` or as a context manager.

    `since` is written into the record for the message a second window shows; it is passed in
    (the caller has the clock) rather than read here.
    """

    def __init__(self, journal_path: Path | str) -> None:
        self.journal_path = Path(journal_path)
        self.path = lock_path_for(self.journal_path)
        self.os_path = os_lock_path_for(self.journal_path)
        self._lock: filelock.BaseFileLock | None = None
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def read_holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockHolder(int(data["pid"]), str(data.get("host", "")), str(data.get("since", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _new_os_lock(self) -> filelock.BaseFileLock:
        return filelock.FileLock(str(self.os_path), timeout=0)

    def acquire(self, since: str = "") -> None:
        """Take the lock or raise `JournalLocked`. Taking it twice in one object is a no-op."""
        if self._held:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self._new_os_lock()
        try:
            lock.acquire()
        except filelock.Timeout:
            raise JournalLocked(self.journal_path, self.read_holder()) from None
        except NotImplementedError:
            lock = None  # type: ignore[assignment]
            self._pid_fallback()
        except OSError as e:
            if e.errno not in _NO_LOCKS:
                raise
            lock = None  # type: ignore[assignment]
            self._pid_fallback()
        with contextlib.suppress(OSError):
            os.chmod(self.os_path, PRIVATE_FILE)
        try:
            self._write_record(since)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        self._lock = lock
        self._held = True

    def _write_record(self, since: str) -> None:
        record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with open(fd, "w", encoding="utf-8") as f:  # a handle opened for writing, so fsync works everywhere
            f.write(record)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(self.path, PRIVATE_FILE)  # a file left by an older version may be wider

    def _pid_fallback(self) -> None:
        holder = self.read_holder()
        if (
            holder is not None
            and holder.pid != os.getpid()
            and holder.host == socket.gethostname()
            and pid_alive(holder.pid)
        ):
            raise JournalLocked(self.journal_path, holder)
        # No holder, another machine's record we cannot check, or a dead process: stale, take over.

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        with contextlib.suppress(OSError):
            with open(self.path, "w", encoding="utf-8"):
                pass  # an empty record: nobody holds it
        lock, self._lock = self._lock, None
        if lock is not None:
            with contextlib.suppress(OSError):
                lock.release()
        # The files stay: removing them could race with another window taking the lock.

    def __enter__(self) -> WindowLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:  # pragma: no cover - safety net
        with contextlib.suppress(Exception):
            self.release()


# -- the write lock --------------------------------------------------------------------------------

WRITE_LOCK_SUFFIX = ".write-lock"
# How long a write waits for a restore (or another program's write) to finish before it gives up
# and says the journal is busy. A restore of ten years of entries takes about a second.
WRITE_WAIT_SECONDS = 60.0


class JournalBusy(sqlite3.OperationalError):
    """A write waited `WRITE_WAIT_SECONDS` for the write lock; nothing was written. A subclass of
    sqlite3's busy error so every caller that handles "database is busy" handles this too."""


def write_lock_path_for(journal_path: Path | str) -> Path:
    """The write lock's file: beside the journal's real file (a symlinked journal and its target
    share one lock)."""
    real = Path(journal_path).resolve()
    return real.with_name(real.name + WRITE_LOCK_SUFFIX)


@contextlib.contextmanager
def write_lock(journal_path: Path | str, timeout: float = WRITE_WAIT_SECONDS) -> Iterator[None]:
    """Hold the journal's write lock (exclusive, across processes) for the block.

    Re-entrant within a thread (one lock object per file in a process); other threads and other
    processes wait. The operating system releases it when a holder dies (kill -9, crash), so a
    lock file left behind is never a held lock. Raises `JournalBusy` after `timeout` seconds.
    Where the folder has no OS locks at all (some network shares) it goes on without one, as
    before this lock existed: a marker-file lock left by a crash would stop every later write."""
    path = write_lock_path_for(journal_path)
    # One instance per file (the arguments must match for filelock's singletons: the timeout is
    # given to acquire(), not here).
    lock = filelock.FileLock(path, mode=0o600, is_singleton=True, fallback_to_soft=False)
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout:
        raise JournalBusy(
            f"database is busy: another program kept the journal's write lock ({path}) for "
            f"{timeout:g} s (a restore under way?); nothing was written"
        ) from None
    except OSError as e:
        if e.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        yield
        return
    try:
        yield
    finally:
        lock.release()
