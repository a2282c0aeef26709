"""Opening a big journal reads the whole file (`PRAGMA quick_check`) only when there is a reason
(journal.storage.db.full_check_reason); a damaged file is still refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import FixedClock
from journal.services.errors import JournalFileError
from journal.services.journal import Journal
from journal.storage import db
from tests.conftest import NOW
from tests.storage.test_refused_files import damage, folder_state, good_journal


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file counts as big (no file is too small to skip the check); the full checks run
    are listed."""
    monkeypatch.setattr(db, "SMALL_FILE_BYTES", 0)
    checked: list[Path] = []
    real = db.note_full_check

    def spy(path: Path, today: Any) -> None:
        checked.append(Path(path))
        real(path, today)

    monkeypatch.setattr(db, "note_full_check", spy)
    return checked


def test_a_journal_closed_cleanly_today_opens_without_a_full_read(tmp_path: Path, big: list[Path]) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=30)
    Journal.open(path, FixedClock(NOW)).close()  # the app opens and closes it (a full check first)
    big.clear()
    j = Journal.open(path, FixedClock(NOW + timedelta(hours=2)))
    j.close()
    assert big == []
    assert db.full_check_reason(path, NOW.date()) is None


def test_the_next_day_it_is_read_in_full_once(tmp_path: Path, big: list[Path]) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=30)
    Journal.open(path, FixedClock(NOW)).close()
    tomorrow = NOW + timedelta(days=1)
    assert "not today" in (db.full_check_reason(path, tomorrow.date()) or "")
    big.clear()
    Journal.open(path, FixedClock(tomorrow)).close()
    Journal.open(path, FixedClock(tomorrow + timedelta(hours=1))).close()
    assert big == [path]


def test_a_left_write_ahead_log_means_a_full_read(tmp_path: Path, big: list[Path]) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=30)
    Journal.open(path, FixedClock(NOW)).close()
    j = Journal.open(path, FixedClock(NOW))  # still open: as after a crash, the log is there
    try:
        assert j.list_patients()
        assert "write-ahead log" in (db.full_check_reason(path, NOW.date()) or "")
    finally:
        j.close()


def test_a_copy_is_read_in_full(tmp_path: Path, big: list[Path]) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=30)
    Journal.open(path, FixedClock(NOW)).close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(path, copy)
    assert "no record" in (db.full_check_reason(copy, NOW.date()) or "")


@pytest.mark.parametrize("how", ["data-page", "zeroed-tail"])
def test_damage_after_a_clean_close_is_still_refused_untouched(tmp_path: Path, big: list[Path], how: str) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=300)
    Journal.open(path, FixedClock(NOW)).close()
    assert db.full_check_reason(path, NOW.date()) is None
    damage(path, how)
    assert db.full_check_reason(path, NOW.date()) == "the file changed since CareJournal closed it"
    before = folder_state(tmp_path)
    with pytest.raises(JournalFileError, match="damaged"):
        Journal.open(path, FixedClock(NOW))
    assert folder_state(tmp_path) == before


def test_small_files_are_always_read_in_full(tmp_path: Path) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=30)
    Journal.open(path, FixedClock(NOW)).close()
    assert path.stat().st_size < db.SMALL_FILE_BYTES
    assert "small" in (db.full_check_reason(path, NOW.date()) or "")
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    con.close()
