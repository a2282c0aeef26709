"""One window per journal: an OS file lock next to the journal file. And the write lock: every
write transaction and a restore's keep-then-replace take it, so a write lands either before the
journal is kept or after it is replaced, never in between (issue 15, "restore races a write").

The window takes the lock for as long as it is open, so a second window on the same journal is
told the journal is open elsewhere instead of racing it. The command line does not take it: its
writes wait on SQLite's own lock (busy timeout) and the window refreshes.

`fcntl.flock` is released by the operating system when the holding process ends, however it ends
(crash, kill -9, power cut), so a lock file left behind is never a real lock: a stale file is
simply taken over. Where flock is not available (some network folders), the pid written in the
file decides: a lock whose process is gone on this machine is stale and taken over.
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

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


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
    return journal_path.with_name(journal_path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    except OSError:
        return False
    return True


class WindowLock:
    """Hold with `acquire()` / `release()` or as a context manager.

    `since` is written into the file for the message a second window shows; it is passed in
    (the caller has the clock) rather than read here.
    """

    def __init__(self, journal_path: Path | str) -> None:
        self.journal_path = Path(journal_path)
        self.path = lock_path_for(self.journal_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def read_holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockHolder(int(data["pid"]), str(data.get("host", "")), str(data.get("since", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def acquire(self, since: str = "") -> None:
        """Take the lock or raise `JournalLocked`. Taking it twice in one object is a no-op."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as e:
                    if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                        raise JournalLocked(self.journal_path, self.read_holder()) from None
                    if e.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                        raise
                    self._pid_fallback()
            else:  # pragma: no cover - Windows
                self._pid_fallback()
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)
            record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})
            os.ftruncate(fd, 0)
            os.pwrite(fd, record.encode("utf-8"), 0)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _pid_fallback(self) -> None:
        holder = self.read_holder()
        if (
            holder is not None
            and holder.pid != os.getpid()
            and holder.host == socket.gethostname()
            and _pid_alive(holder.pid)
        ):
            raise JournalLocked(self.journal_path, holder)
        # No holder, another machine's record we cannot check, or a dead process: stale, take over.

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
        # The empty file stays: removing it could race with another window taking it.

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
