"""A file that is not a journal, is damaged, or comes from a newer version is refused with a plain
message and never modified (same bytes, no files added beside it)."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.errors import JournalFileError
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, leaving out what SQLite itself adds when it merely reads a WAL-mode file
    (an empty -wal and the -shm index): those hold no data and change nothing in the journal."""
    out = {}
    for p in sorted(folder.iterdir()):
        if not p.is_file():
            continue
        if p.name.endswith("-shm") or (p.name.endswith("-wal") and p.stat().st_size == 0):
            continue
        out[p.name] = p.read_bytes()
    return out


def good_journal(path: Path, days: int = 120) -> Path:
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=days))
    j.close()
    # a journal the app closed: fold the WAL back so the damage below hits the main file
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for c in ("-wal", "-shm"):
        Path(str(path) + c).unlink(missing_ok=True)
    return path


def page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big")


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    ps = page_size(path)
    if how == "header":
        data[0:16] = b"Not SQLite here!"
    elif how == "schema-page":
        data[100:ps] = os.urandom(ps - 100)
    elif how == "truncated":
        data = data[: len(data) // 2 + 17]
    elif how == "data-page":  # a page in the middle: a table or index page holding doses
        n = len(data) // ps
        mid = n // 2
        data[mid * ps:(mid + 1) * ps] = b"\xa5" * ps
    elif how == "zeroed-tail":
        data[-3 * ps:] = b"\x00" * (3 * ps)
    path.write_bytes(bytes(data))


def newer_version(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef_from_the_future'")
        con.execute("CREATE TABLE caregivers_v9(id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def other_apps_database(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE recipes(id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO recipes(name) VALUES ('soup')")
    con.close()


CASES = {
    "text file": lambda p: p.write_text("Shopping: milk, bread\n"),
    "photo": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000)),
    "another app's database": other_apps_database,
    "newer version": lambda p: (good_journal(p), newer_version(p)),
    "damaged header": lambda p: (good_journal(p), damage(p, "header")),
    "damaged schema page": lambda p: (good_journal(p), damage(p, "schema-page")),
    "truncated": lambda p: (good_journal(p), damage(p, "truncated")),
}

WORDS = {
    "newer version": "newer version",
    "text file": "not a CareJournal journal",
    "photo": "not a CareJournal journal",
    "another app's database": "not a CareJournal journal",
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_by_the_service_and_left_untouched(tmp_path: Path, case: str) -> None:
    path = tmp_path / "journal.sqlite3"
    CASES[case](path)
    before = folder_state(tmp_path)
    with pytest.raises(JournalFileError) as refused:
        Journal.open(path, FixedClock(NOW))
    message = str(refused.value)
    assert message and "Traceback" not in message
    if case in WORDS:
        assert WORDS[case] in message
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("case", list(CASES))
def test_refused_by_the_command_line_with_one_plain_line(tmp_path: Path, case: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "journal.sqlite3"
    CASES[case](path)
    out_file = tmp_path / "out" / "export.json"
    out_file.parent.mkdir()
    before = folder_state(tmp_path)
    code = main(["--db", str(path), "export", "--format", "json", str(out_file)], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert folder_state(tmp_path) == before
    assert not out_file.exists()


@pytest.mark.parametrize("how", ["data-page", "zeroed-tail"])
def test_damage_inside_the_data_is_found_when_opening(tmp_path: Path, how: str) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=300)
    damage(path, how)
    before = folder_state(tmp_path)
    with pytest.raises(JournalFileError):
        j = Journal.open(path, FixedClock(NOW))
        j.close()
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("how", ["data-page", "zeroed-tail"])
def test_damage_inside_the_data_never_gives_a_traceback_on_the_command_line(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = good_journal(tmp_path / "journal.sqlite3", days=300)
    damage(path, how)
    code = main(["--db", str(path), "export", "--format", "json", "-"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "(sqlite3." not in err
    assert len(err.strip().splitlines()) == 1


def test_a_good_journal_opens(tmp_path: Path) -> None:
    """The damage tests are not passing because every journal is refused."""
    path = good_journal(tmp_path / "journal.sqlite3")
    j = Journal.open(path, FixedClock(NOW))
    assert [p.name for p in j.list_patients()] == ["Robin Shaw"]
    j.close()


@pytest.mark.parametrize("how", ["data-page", "schema-page", "truncated"])
def test_restoring_a_damaged_backup_from_the_command_line_changes_nothing(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = good_journal(tmp_path / "journal.sqlite3", days=30)
    backup = good_journal(tmp_path / "old" / "journal.sqlite3", days=300)
    damage(backup, how)
    before = {str(p): p.read_bytes() for p in (journal, backup)}
    code = main(["--db", str(journal), "restore", str(backup)], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code in (1, 2) and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert {str(p): p.read_bytes() for p in (journal, backup)} == before
