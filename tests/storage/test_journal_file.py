"""The journal file: created through Alembic, recognised, refused untouched when foreign or newer."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from journal.domain import FixedClock
from journal.services.errors import JournalFileError
from journal.services.journal import Journal
from tests.conftest import NOW, minimal_document


def fingerprint(path: Path) -> tuple[str, float, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime, siblings


def test_a_new_journal_is_created_through_the_migrations(tmp_path: Path) -> None:
    from journal.storage.db import known_revisions

    path = tmp_path / "deep" / "folder" / "journal.sqlite3"
    j = Journal.open(path, FixedClock(NOW))
    j.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x434A524E
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == known_revisions()[1]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    assert {"patients", "medications", "regimens", "doses", "symptoms", "observations", "pump_events", "notes",
            "revisions", "acknowledgements", "settings", "meta"} <= tables


def test_connections_use_foreign_keys_full_sync_and_a_busy_timeout(journal: Any) -> None:
    with journal.store.engine.connect() as con:
        values = [con.exec_driver_sql(f"PRAGMA {p}").scalar() for p in ("foreign_keys", "synchronous", "busy_timeout")]
    assert values == [1, 2, 5000]  # on, FULL, 5 s


def test_a_dose_for_a_missing_person_is_refused_by_the_database(journal: Any) -> None:
    import sqlalchemy

    with pytest.raises(sqlalchemy.exc.IntegrityError), journal.store.engine.begin() as con:
        con.exec_driver_sql("INSERT INTO notes (patient_id, at, text, for_doctor, removed) "
                            "VALUES (999, '2026-01-01 00:00:00.000000', 'x', 0, 0)")


def test_reopening_keeps_everything(journal_path: Path, journal: Any, clock: Any) -> None:
    journal.import_document(minimal_document())
    before = journal.export_document()
    journal.close()
    again = Journal.open(journal_path, clock)
    assert again.export_document() == before
    again.close()


def test_a_file_from_a_newer_version_is_refused_untouched(journal_path: Path, journal: Any, clock: Any) -> None:
    journal.import_document(minimal_document())
    journal.close()
    con = sqlite3.connect(journal_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    seen = fingerprint(journal_path)
    with pytest.raises(JournalFileError, match="newer version"):
        Journal.open(journal_path, clock)
    assert fingerprint(journal_path) == seen


@pytest.mark.parametrize(
    "content",
    [b"Dear diary,\nthis is not a database.\n", b"SQLite format 3\x00" + b"\x00" * 200, bytes(range(256)) * 8],
    ids=["text", "damaged-header", "binary"],
)
def test_a_file_that_is_not_a_journal_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    seen = fingerprint(path)
    with pytest.raises(JournalFileError):
        Journal.open(path, FixedClock(NOW))
    assert fingerprint(path) == seen


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "recipes.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('bread')")
    con.commit()
    con.close()
    seen = fingerprint(path)
    with pytest.raises(JournalFileError, match="not a CareJournal journal"):
        Journal.open(path, FixedClock(NOW))
    assert fingerprint(path) == seen


def test_an_empty_file_becomes_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    path.touch()
    Journal.open(path, FixedClock(NOW)).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_journal_is_backed_up_before_a_schema_upgrade(
    journal_path: Path, journal: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulates a newer program with a second schema revision opening today's file."""
    from journal.storage import db

    journal.import_document(minimal_document())
    journal.close()
    upgraded: list[str] = []
    known, head = db.known_revisions()
    monkeypatch.setattr(db, "known_revisions", lambda: (known | {"9999_next"}, "9999_next"))
    monkeypatch.setattr(db, "_upgrade", lambda engine: upgraded.append("done"))
    j = Journal.open(journal_path, clock)
    j.close()
    backups = sorted(journal_path.parent.glob(f"journal.sqlite3.before-upgrade-{head}-*"))
    assert upgraded == ["done"] and len(backups) == 1
    copy = Journal.open(backups[0], clock)
    assert [p.name for p in copy.list_patients()] == ["Robin Shaw"]
    copy.close()


def test_backup_and_restore(journal: Any, tmp_path: Path) -> None:
    journal.import_document(minimal_document())
    (tmp_path / "copies").mkdir()  # backup() makes no folder (a missing USB stick must not become one)
    copy = journal.backup(tmp_path / "copies" / "monday.sqlite3")  # not backups/: the journal's own folder
    journal.remove("patient", journal.find_patient("Robin").id, by="Sam", reason="test")
    assert journal.list_patients() == []
    outcome = journal.restore(copy)
    assert [p.name for p in journal.list_patients()] == ["Robin Shaw"]
    # the journal as it was before the restore is kept in the backups folder, named like every backup
    kept = outcome.saved_copy
    assert kept is not None and kept.parent == journal.path.parent / "backups"
    assert kept.name.startswith("journal-before-restore-")
    before = Journal.open(kept, journal.clock)
    assert before.list_patients() == []  # it holds the journal as it was: Robin had been removed
    before.close()
    assert not list(journal.path.parent.glob("journal.sqlite3.before-restore-*"))


def test_restore_refuses_a_file_that_is_not_a_journal(journal: Any, tmp_path: Path) -> None:
    journal.import_document(minimal_document())
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello")
    with pytest.raises(JournalFileError):
        journal.restore(bogus)
    assert [p.name for p in journal.list_patients()] == ["Robin Shaw"]


def test_a_migration_cut_short_leaves_no_half_made_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_fail(*args: Any, **kwargs: Any) -> None:
        real_upgrade(*args, **kwargs)
        raise OSError("power cut")

    path = tmp_path / "new.sqlite3"
    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(OSError):
        Journal.open(path, FixedClock(NOW))
    con = sqlite3.connect(path)
    tables = con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    con.close()
    assert tables == []
    monkeypatch.setattr(command, "upgrade", real_upgrade)
    Journal.open(path, FixedClock(NOW)).close()  # a later start simply creates the journal


def test_journal_and_backups_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        path = tmp_path / "journal.sqlite3"
        j = Journal.open(path, FixedClock(NOW))
        j.import_document(minimal_document())
        (tmp_path / "copies").mkdir()
        copy = j.backup(tmp_path / "copies" / "copy.sqlite3")
        j.close()
    finally:
        os.umask(old)
    for p in (path, copy):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_damage_inside_the_data_is_found_when_opening(journal_path: Path, journal: Any, clock: Any) -> None:
    doc = minimal_document()
    doc["patients"][0]["notes_log"] = [{"at": f"2026-09-{d:02d}T10:00", "text": "x" * 3000} for d in range(1, 29)]
    journal.import_document(doc)
    journal.close()
    con = sqlite3.connect(journal_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(journal_path.read_bytes())
    page = 4096
    data[-3 * page:-2 * page] = bytes([0xA5]) * page  # scribble over a page of notes
    journal_path.write_bytes(bytes(data))
    with pytest.raises(JournalFileError, match="damaged"):
        Journal.open(journal_path, clock)
