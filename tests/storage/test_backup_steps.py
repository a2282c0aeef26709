"""The backup copies a journal in steps inside one read transaction, syncing as it goes (issue 17:
a commit beside a one-step copy of a large journal waited up to 182 ms for the disk). The copy must
still be one snapshot: writes made by another connection between the steps are not in it, do not
make SQLite start the copy over, and the copy checks out whole."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import journal.storage.backups as backups


def _journal_file(path: Path, rows: int) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE doses(id INTEGER PRIMARY KEY, note TEXT)")
    con.executemany("INSERT INTO doses(note) VALUES (?)", [("x" * 300,) for _ in range(rows)])
    con.commit()
    con.close()


def test_writes_between_the_steps_are_not_in_the_copy_and_do_not_restart_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dest = tmp_path / "journal.sqlite3", tmp_path / "backup.sqlite3"
    _journal_file(src, 3000)  # about 260 pages
    other = sqlite3.connect(src)  # the window's connection, writing while the copy is made
    pages = other.execute("PRAGMA page_count").fetchone()[0]
    monkeypatch.setattr(backups, "STEP_PAGES", 8)
    monkeypatch.setattr(backups, "SYNC_EVERY_STEPS", 1)
    syncs: list[int] = []
    real = getattr(os, "fdatasync", os.fsync)

    def sync_and_write(fd: int) -> None:  # called between steps: another connection commits there
        syncs.append(fd)
        real(fd)
        other.execute("INSERT INTO doses(note) VALUES ('written during the copy')")
        other.commit()

    monkeypatch.setattr(os, "fdatasync", sync_and_write, raising=False)
    monkeypatch.setattr(os, "fsync", sync_and_write)
    backups.backup_file(src, dest)
    monkeypatch.undo()
    other.close()
    steps = pages // 8 + 1
    assert steps - 2 <= len(syncs) <= steps + 1  # in steps, never started over (it would be many more)
    copy = sqlite3.connect(dest)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM doses").fetchone() == (3000,)  # the snapshot at its start
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    now = sqlite3.connect(src)
    assert now.execute("SELECT count(*) FROM doses").fetchone()[0] == 3000 + len(syncs)  # the writes went in
    now.close()
    assert not list(tmp_path.glob("*.partial"))


def test_a_copy_in_one_step_when_the_journal_is_small(tmp_path: Path) -> None:
    src, dest = tmp_path / "journal.sqlite3", tmp_path / "backup.sqlite3"
    _journal_file(src, 10)
    backups.backup_file(src, dest)
    copy = sqlite3.connect(dest)
    assert copy.execute("SELECT count(*) FROM doses").fetchone() == (10,)
    copy.close()
