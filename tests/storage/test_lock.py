"""One window per journal: a second holder is refused, a dead holder's lock is taken over."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from journal.storage.lock import JournalLocked, WindowLock, lock_path_for

HOLDER = """
import sys, time
from journal.storage.lock import WindowLock
lock = WindowLock(sys.argv[1])
lock.acquire(since="2026-11-23T08:00")
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_second_window_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    first = WindowLock(journal)
    first.acquire(since="2026-11-23T08:00")
    second = WindowLock(journal)
    with pytest.raises(JournalLocked) as refused:
        second.acquire()
    assert "already open in another CareJournal window" in str(refused.value)
    assert refused.value.holder is not None and refused.value.holder.pid == os.getpid()
    assert not second.held
    first.release()
    second.acquire()  # free again once the first window closes
    assert second.held
    second.release()


def test_lock_file_is_private(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    with WindowLock(journal) as lock:
        mode = stat.S_IMODE(os.stat(lock.path).st_mode)
        assert mode == 0o600
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()


def test_another_process_holding_the_lock_refuses_us_and_a_killed_one_does_not(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(JournalLocked) as refused:
            WindowLock(journal).acquire()
        assert refused.value.holder is not None and refused.value.holder.pid == child.pid
        # the window crashes: kill -9 leaves the lock file behind, but not the lock
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert lock_path_for(journal).exists()
        with WindowLock(journal) as lock:
            assert lock.held
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)


def test_stale_record_of_a_dead_process_is_taken_over_without_flock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders where file locks are not supported fall back to the pid in the file."""
    import errno

    import journal.storage.lock as lockmod

    class NoLocks:
        def acquire(self) -> None:
            raise OSError(errno.ENOLCK, "no locks available")

        def release(self) -> None:
            raise AssertionError("never taken, never released")

    monkeypatch.setattr(lockmod.WindowLock, "_new_os_lock", lambda self: NoLocks())
    journal = tmp_path / "journal.sqlite3"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    import socket
    lock_path_for(journal).write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()}))
    with WindowLock(journal) as lock:
        assert lock.held
        # a live holder (this process, seen from another lock object) refuses
    lock_path_for(journal).write_text(json.dumps({"pid": os.getppid(), "host": socket.gethostname()}))
    with pytest.raises(JournalLocked):
        WindowLock(journal).acquire()
