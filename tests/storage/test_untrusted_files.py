"""Untrusted files (issue 15): a backup or journal whose schema is not exactly the journal's is
refused before anything is replaced or opened, and the journal stays as it was, byte for byte.

Chosen: refuse (not copy the data into a fresh journal). An extra trigger or view is someone
else's code; the caregiver is told what was found and that nothing was changed."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.backups import BackupService, check_backup
from journal.services.errors import JournalFileError
from journal.services.journal import Journal
from journal.storage import schema
from journal.storage.db import known_revisions
from tests.services.support import files_state, valid_document

NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
SEIZURE_AS_ITCH = (
    "CREATE TRIGGER quiet AFTER INSERT ON symptoms BEGIN "
    "UPDATE symptoms SET symptom = 'itching', severity = 1 WHERE id = new.id; END"
)


def _journal(path: Path, patient: str = "Robin Shaw") -> Path:
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=3, patient=patient))
    j.close()
    return path


def _backup_with(tmp_path: Path, *statements: str) -> Path:
    """A real backup of a journal, then changed with `statements` (as a crafted file would be)."""
    src = _journal(tmp_path / "elsewhere" / "journal.sqlite3", patient="Alex Shaw")
    copy = BackupService(src, FixedClock(NOW)).back_up("manual")
    con = sqlite3.connect(copy)
    try:
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()
    return copy


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return _journal(tmp_path / "home" / "journal.sqlite3")


def test_a_backup_carrying_an_extra_trigger_is_refused_and_the_journal_is_untouched(
        tmp_path: Path, journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crafted = _backup_with(tmp_path, SEIZURE_AS_ITCH)
    before = files_state(journal_path)
    backups_before = sorted((journal_path.parent / "backups").glob("*")) if (journal_path.parent / "backups").exists() else []

    code = main(["--db", str(journal_path), "restore", str(crafted)], clock=FixedClock(NOW))
    _out, err = capsys.readouterr()
    assert code == 1
    assert 'an extra trigger "quiet"' in err and "nothing was changed" in err.lower()
    assert files_state(journal_path) == before
    # refused before anything was done: not even a before-restore copy was made
    after = sorted((journal_path.parent / "backups").glob("*")) if (journal_path.parent / "backups").exists() else []
    assert after == backups_before

    with pytest.raises(Exception, match="extra trigger"):
        BackupService(journal_path, FixedClock(NOW)).restore(crafted)
    assert files_state(journal_path) == before
    j = Journal.open(journal_path, FixedClock(NOW))
    assert [p.name for p in j.list_patients()] == ["Robin Shaw"]
    j.close()


def test_the_same_backup_without_the_trigger_restores(tmp_path: Path, journal_path: Path) -> None:
    good = _backup_with(tmp_path)  # no change: the control for the test above
    assert check_backup(good) is None
    BackupService(journal_path, FixedClock(NOW)).restore(good)
    j = Journal.open(journal_path, FixedClock(NOW))
    assert [p.name for p in j.list_patients()] == ["Alex Shaw"]
    j.close()


@pytest.mark.parametrize(("statement", "said"), [
    ("CREATE VIEW everything AS SELECT * FROM doses", 'an extra view "everything"'),
    ("CREATE INDEX ix_sneaky ON doses(note)", 'an extra index "ix_sneaky"'),
    ("ALTER TABLE doses ADD COLUMN secret TEXT", 'a changed table "doses"'),
    ("DROP INDEX ix_doses_patient_at", 'no index "ix_doses_patient_at"'),
    ("CREATE TABLE extra(x)", 'an extra table "extra"'),
])
def test_any_schema_difference_is_refused_and_named(tmp_path: Path, statement: str, said: str) -> None:
    crafted = _backup_with(tmp_path, statement)
    problem = check_backup(crafted)
    assert problem is not None and said in problem


def test_opening_a_journal_with_an_extra_trigger_is_refused_and_it_is_left_untouched(
        tmp_path: Path, journal_path: Path) -> None:
    con = sqlite3.connect(journal_path)
    con.execute("CREATE TRIGGER wipe AFTER INSERT ON doses BEGIN DELETE FROM doses WHERE id < new.id; END")
    con.commit()
    con.close()
    before = files_state(journal_path)
    with pytest.raises(JournalFileError, match='extra trigger "wipe"'):
        Journal.open(journal_path, FixedClock(NOW))
    assert files_state(journal_path) == before


def test_planner_statistics_are_not_a_schema_difference(journal_path: Path) -> None:
    """ANALYZE (or PRAGMA optimize) adds sqlite_stat1: the journal still opens (the boundary)."""
    con = sqlite3.connect(journal_path)
    con.execute("ANALYZE")
    con.commit()
    con.close()
    assert check_backup(journal_path) is None
    Journal.open(journal_path, FixedClock(NOW)).close()


def test_files_that_are_not_journals_are_refused_before_anything_is_replaced(
        tmp_path: Path, journal_path: Path) -> None:
    before = files_state(journal_path)
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE things(x)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    for bad in (text, other, empty):
        with pytest.raises(Exception, match="nothing was changed"):
            BackupService(journal_path, FixedClock(NOW)).restore(bad)
        assert files_state(journal_path) == before
    assert not (journal_path.parent / "backups").exists() or not any((journal_path.parent / "backups").iterdir())


def test_the_recorded_schemas_are_what_the_migrations_make() -> None:
    """The fast path (migrations/schemas.json) must say exactly what a fresh migration makes.
    When this fails after a migration was added or changed: python -m journal.storage.schema --write"""
    data = json.loads(schema.RECORDED.read_text(encoding="utf-8"))
    assert data["migrations_digest"] == schema.migrations_digest(), "stale: run python -m journal.storage.schema --write"
    known, _head = known_revisions()
    assert set(data["revisions"]) == set(known)
    for rev in known:
        assert schema.expected_schema(rev) == schema.migrated_schema(rev), rev


def test_a_changed_migration_is_never_checked_against_a_stale_recording(monkeypatch: pytest.MonkeyPatch) -> None:
    schema._recorded.cache_clear()
    monkeypatch.setattr(schema, "migrations_digest", lambda: "something else")
    try:
        assert schema._recorded() == {}
        _known, head = known_revisions()
        assert schema.expected_schema(head) == schema.migrated_schema(head)
    finally:
        schema._recorded.cache_clear()
