"""Restore races a write (issue 15): while `log-dose` runs in another process, restores replace the
journal again and again. Every dose the command reported as "Logged" must be somewhere the
caregiver can get it back: in the journal now (logged after the last restore) or in the copy of
the journal kept before one of the restores. Without the write lock, a dose committed between
the kept copy and the replacement was in neither."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from journal.domain import FixedClock
from journal.services.backups import BackupService
from journal.services.journal import Journal
from journal.storage.lock import JournalBusy, write_lock
from tests.services.support import valid_document

TESTS = Path(__file__).parents[1]
ROOT = TESTS.parent
DOSES = 16

WRITER = r'''
import sys
sys.path.insert(0, sys.argv[1])
from journal.app import main
path, n = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for k in range(n):
    code = main(["--db", path, "log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets",
                 "--amount", "10mg", "--note", f"race {k}", "--clock-is-right"])
    print(f"exit {k} {code}", flush=True)
'''


def _notes(path: Path) -> set[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT note FROM doses WHERE note LIKE 'race %'")}
    finally:
        con.close()


# Restores racing a stream of command-line writes (child processes, several seconds).
@pytest.mark.slow
def test_a_restore_while_log_dose_runs_loses_nothing_reported_as_logged(tmp_path: Path) -> None:
    clock = FixedClock(datetime.now(UTC))
    sources = tmp_path / "sources"
    sources.mkdir()
    src = Journal.open(sources / "source.sqlite3", clock)
    src.import_document(valid_document(days=3))
    a = src.backup(sources / "a.sqlite3")
    src.import_document(valid_document(days=120, patient="Alex Shaw"))  # a slower restore: a wider window
    b = src.backup(sources / "b.sqlite3")
    src.close()
    home = tmp_path / "home"
    home.mkdir()
    path = home / "journal.sqlite3"
    service = BackupService(path, clock)
    service.restore(a)

    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    child = subprocess.Popen([sys.executable, str(script), str(ROOT), str(path), str(DOSES)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    kept: list[Path] = []
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        lines: list[str] = []
        # After each "Logged", restore at once: the writer is then in the middle of its next dose.
        for k, line in enumerate(iter(child.stdout.readline, "")):
            lines.append(line)
            made = service.restore(a if k % 2 else b)
            assert made is not None
            kept.append(made)
        rest, err = child.communicate(timeout=120)
        out = "".join(lines) + rest
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    logged = {f"race {line.split()[1]}" for line in out.splitlines()
              if line.startswith("exit ") and line.split()[2] == "0"}
    assert len(kept) >= 3, f"too few restores overlapped the writer ({len(kept)})"
    assert len(logged) >= DOSES // 2, f"the writer mostly failed: {err[-2000:]}"
    found = _notes(path).union(*(_notes(p) for p in kept))
    lost = logged - found
    assert not lost, f"reported Logged but in neither the journal nor a kept copy: {sorted(lost)}"
    # and the command said "Logged" only for those (a refused write says why and exits non-zero)
    assert out.count("exit ") == DOSES


def test_a_write_waits_for_the_lock_and_then_says_the_journal_is_busy(tmp_path: Path) -> None:
    """A writer that cannot get the lock in time writes nothing and says the journal is busy."""
    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, FixedClock(datetime.now(UTC)))
    j.import_document(valid_document(days=1))
    held = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; sys.path.insert(0, sys.argv[1]);"
         "from journal.storage.lock import write_lock\n"
         "with write_lock(sys.argv[2]):\n    print('held', flush=True); sys.stdin.readline()",
         str(ROOT), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert held.stdout is not None and held.stdout.readline().strip() == "held"
        before = _count_doses(path)
        try:
            with write_lock(path, timeout=0.2):
                raise AssertionError("the lock held by another process was taken")
        except JournalBusy as e:
            assert "busy" in str(e) and "nothing was written" in str(e)
        assert _count_doses(path) == before
    finally:
        assert held.stdin is not None
        held.stdin.close()
        held.wait(timeout=30)
    with write_lock(path, timeout=5):  # released when the holder ended
        pass
    j.close()


def _count_doses(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM doses").fetchone()[0])
    finally:
        con.close()


def test_a_folder_without_os_locks_still_takes_writes(tmp_path: Path, monkeypatch: Any) -> None:
    """Some network shares have no file locks at all: writing goes on as before the lock existed
    (a marker-file lock instead could be left by a crash and stop every later write)."""
    import errno

    import filelock

    def no_locks(self: Any, *a: Any, **k: Any) -> Any:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(filelock.FileLock, "acquire", no_locks)
    j = Journal.open(tmp_path / "journal.sqlite3", FixedClock(datetime.now(UTC)))
    j.import_document(valid_document(days=1))
    assert _count_doses(j.path) > 0
    j.close()
