"""A journal on read-only media (a CD, a write-protected stick) is opened read-only with a clear
note: it can be read, checked and exported; a write says plainly that nothing can be saved."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock, SymptomEntry
from journal.services.journal import Journal
from journal.storage.db import open_read_only_engine
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def make_journal(path: Path) -> Path:
    with Journal.open(path, FixedClock(NOW)) as j:
        j.import_document(valid_document(days=2, start="2026-11-20"))
    return path


def test_the_read_only_engine_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "j.sqlite3")
    before = path.read_bytes()
    engine = open_read_only_engine(path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM patients").scalar() == 1
        with pytest.raises(Exception, match="readonly"):
            conn.exec_driver_sql("DELETE FROM doses")
    engine.dispose()
    assert path.read_bytes() == before


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system holding a journal (tmpfs, remounted read-only); skipped where
    mounting is not allowed."""
    where = tmp_path / "media"
    where.mkdir()
    if shutil.which("mount") is None or subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(where)],
                                                       capture_output=True).returncode != 0:
        pytest.skip("cannot mount a file system here (needs root)")
    try:
        make_journal(where / "journal.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
        yield where / "journal.sqlite3"
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)


def test_a_journal_on_read_only_media_is_read_with_a_note(read_only_mount: Path, capsys: Any) -> None:
    code = app.main(["--db", str(read_only_mount), "check", "--json"], clock=FixedClock(NOW))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "opened read-only" in captured.err and '"alerts"' in captured.out
    code = app.main(["--db", str(read_only_mount), "log-symptom", "--patient", "Robin Shaw", "--symptom", "spasms",
                     "--at", "2026-11-23T08:00"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot be written here" in err and "nothing was saved" in err


def test_the_service_knows_it_is_read_only(read_only_mount: Path) -> None:
    with Journal.open(read_only_mount, FixedClock(NOW)) as j:
        assert j.read_only
        pid = j.find_patient("Robin Shaw").id
        assert len(j.history(pid, datetime(2026, 11, 19, tzinfo=UTC), NOW).doses) == 6
        with pytest.raises(Exception) as failed:
            j.log_symptom(pid, SymptomEntry(at=NOW, symptom="spasms"))
        assert isinstance(getattr(failed.value, "orig", failed.value), sqlite3.OperationalError)


def test_a_writable_journal_is_not_read_only(tmp_path: Path) -> None:
    with Journal.open(make_journal(tmp_path / "j.sqlite3"), FixedClock(NOW)) as j:
        assert not j.read_only
