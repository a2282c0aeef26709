"""Two writers on one journal: a second window is refused by the window lock; the command line
does not take that lock, and its writes wait on SQLite's lock (busy timeout) and then succeed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain import FixedClock
from journal.services.backups import JournalLocked, take_window_lock
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CLI = "import sys; from journal.app import main; sys.exit(main(sys.argv[1:]))"

WINDOW = r'''
import sys
from datetime import datetime, timezone
from journal.domain import Dose, DoseStatus, FixedClock, Quantity
from journal.services.backups import take_window_lock
from journal.services.journal import Journal
path = sys.argv[1]
clock = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc))
lock = take_window_lock(path, clock)
j = Journal.open(path, clock)
pid = j.find_patient("Robin Shaw").id
med = j.find_medication(pid, "Baclofen 10 mg tablets")
print("open", flush=True)
for line in sys.stdin:
    if line.strip() == "count":  # what the window shows after "journal changed"
        h = j.history(pid, datetime(2026, 11, 1, tzinfo=timezone.utc), datetime(2026, 11, 24, tzinfo=timezone.utc))
        print(len(h.doses), flush=True)
    elif line.strip() == "log":
        j.log_dose(pid, Dose(medication_id=med.id, status=DoseStatus.TAKEN,
                             given=datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc), amount=Quantity(10, "mg")))
        print("logged", flush=True)
'''


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=3, start="2026-11-18"))
    j.close()
    return path


def run_cli(path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CLI, "--db", str(path), *args],
                          capture_output=True, text=True, timeout=timeout)


def log_dose_args(at: str) -> list[str]:
    return ["log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets", "--at", at]


def test_second_window_is_told_and_the_command_line_still_writes(journal_path: Path) -> None:
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(journal_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert window.stdin is not None and window.stdout is not None
    try:
        assert window.stdout.readline().strip() == "open"
        with pytest.raises(JournalLocked) as refused:
            take_window_lock(journal_path, FixedClock(NOW))
        assert "already open in another CareJournal window" in str(refused.value)

        window.stdin.write("count\n")
        window.stdin.flush()
        before = int(window.stdout.readline())
        done = run_cli(journal_path, *log_dose_args("2026-11-23T08:00"))
        assert done.returncode == 0, done.stderr
        window.stdin.write("count\nlog\ncount\n")
        window.stdin.flush()
        assert int(window.stdout.readline()) == before + 1  # the window sees the command line's dose
        assert window.stdout.readline().strip() == "logged"  # and still writes itself
        assert int(window.stdout.readline()) == before + 2
    finally:
        window.stdin.close()
        window.wait(timeout=30)
    assert window.returncode == 0, window.stderr.read() if window.stderr else ""
    # the window is gone: its lock went with it
    take_window_lock(journal_path, FixedClock(NOW)).release()


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another writer in the middle of a transaction (as the window is during an import)."""
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO settings(key, value) VALUES ('robust-test', ?)", (json.dumps("held"),))
    return con


def test_command_line_write_waits_for_the_window_and_succeeds(journal_path: Path) -> None:
    holder = _hold_write_lock(journal_path)
    # Release well inside the 5 s busy timeout, after the command line has started and reached the lock.
    release = threading.Timer(2.0, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        done = run_cli(journal_path, *log_dose_args("2026-11-23T09:00"))
    finally:
        release.join()
        holder.close()
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(journal_path)
    try:  # both writes are there: nothing was lost to the race
        assert con.execute("SELECT value FROM settings WHERE key='robust-test'").fetchone() == ('"held"',)
        assert con.execute("SELECT count(*) FROM doses WHERE at LIKE '2026-11-23%'").fetchone()[0] >= 1
    finally:
        con.close()


# Waits out the whole 5 s busy timeout in a child process; the same refusal in-process:
# test_restore_race.py::test_a_write_waits_for_the_lock_and_then_says_the_journal_is_busy.
@pytest.mark.slow
def test_command_line_gives_up_plainly_when_the_journal_stays_busy(journal_path: Path) -> None:
    holder = _hold_write_lock(journal_path)
    try:
        done = run_cli(journal_path, *log_dose_args("2026-11-23T09:30"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "(sqlite3." not in done.stderr and "Traceback" not in done.stderr
