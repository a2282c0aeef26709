"""A journal that cannot be opened because of the disk (full, read-only, unreadable) is not called
damaged: the message says what is wrong with the disk ("not enough free space")."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
import journal.storage.db as db_module
from journal.domain import FixedClock
from journal.services.errors import JournalFileError
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(NOW)) as j:
        j.import_document(valid_document(days=1, start="2026-11-20"))
    return path


@pytest.mark.parametrize("failure, words", [
    ("database or disk is full", "not enough free space"),
    ("attempt to write a readonly database", "read-only"),
    ("disk I/O error", "could not be read or written"),
])
def test_opening_on_a_failing_disk_is_not_called_damaged(db: Path, monkeypatch: Any, capsys: Any,
                                                         failure: str, words: str) -> None:
    def fail(*args: object, **kwargs: object) -> object:
        raise sqlite3.OperationalError(failure)

    monkeypatch.setattr(db_module, "open_engine", fail)
    with pytest.raises(JournalFileError) as refused:
        Journal.open(db, FixedClock(NOW))
    assert words in str(refused.value) and "damaged" not in str(refused.value)
    assert app.main(["--db", str(db), "check"], clock=FixedClock(NOW)) == 1
    err = capsys.readouterr().err
    assert words in err and "damaged" not in err


def test_a_really_damaged_file_is_still_called_damaged(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(JournalFileError, match="damaged"):
        Journal.open(bad, FixedClock(NOW))


def test_a_write_on_a_full_disk_says_not_enough_free_space(db: Path, monkeypatch: Any, capsys: Any) -> None:
    from journal.storage.repository import Tx

    def full(*args: object, **kwargs: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Tx, "insert", full)
    code = app.main(["--db", str(db), "log-symptom", "--patient", "Robin Shaw", "--symptom", "spasms",
                     "--at", "2026-11-20T10:00"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1
    assert "not enough free space" in err and "damaged" not in err
