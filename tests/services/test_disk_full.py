"""A full disk or a read-only journal: a clear message, and nothing half-written.

As root (CI containers) permission bits do not stop writes, so both are simulated inside SQLite:
`PRAGMA max_page_count` makes the file unable to grow (SQLITE_FULL), `PRAGMA query_only` makes
every write fail as on a read-only file."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import journal.app as app
from journal.domain import Dose, DoseStatus, FixedClock, Quantity, Unit
from journal.services.journal import Journal
from tests.services.support import integrity, table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=3, start="2026-11-18"))
    j.close()
    return path


def _limit(engine: Any, pragma: str) -> None:
    engine.dispose()  # new connections only from here on, each with the limit

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)


@contextlib.contextmanager
def constrained(path: Path, kind: str) -> Iterator[Journal]:
    j = Journal.open(path, FixedClock(NOW))
    if kind == "full":
        import sqlite3

        con = sqlite3.connect(path)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.close()
        _limit(j.store.engine, f"PRAGMA max_page_count={pages}")
    else:
        _limit(j.store.engine, "PRAGMA query_only=ON")
    try:
        yield j
    finally:
        j.close()


@pytest.mark.parametrize("kind", ["full", "read-only"])
def test_a_big_import_on_a_full_or_read_only_journal_writes_nothing(journal_path: Path, kind: str) -> None:
    before = table_dump(journal_path)
    with constrained(journal_path, kind) as j, pytest.raises(Exception) as failed:
        j.import_document(valid_document(days=400, patient="Alex Shaw", start="2025-09-01"))
    words = "full" if kind == "full" else "readonly"
    assert words in str(failed.value).replace(" ", "").lower() or words in repr(failed.value).lower()
    assert table_dump(journal_path) == before
    assert integrity(journal_path) == "ok"


@pytest.mark.parametrize("kind", ["read-only"])
def test_a_dose_on_a_read_only_journal_is_refused_and_nothing_changes(journal_path: Path, kind: str) -> None:
    before = table_dump(journal_path)
    with constrained(journal_path, kind) as j:
        pid = j.find_patient("Robin Shaw").id or 0
        med = j.find_medication(pid, "Baclofen 10 mg tablets")
        with pytest.raises(Exception):  # noqa: B017 - which class is core's choice; the message is checked below
            j.log_dose(pid, Dose(medication_id=med.id or 0, status=DoseStatus.TAKEN, given=NOW,
                                 amount=Quantity(10, Unit.MG)))
    assert table_dump(journal_path) == before


def cli_on_full_disk(path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    real_open = Journal.open

    def open_full(p: Any, clock: Any = None) -> Journal:
        j = real_open(p, clock)
        import sqlite3

        con = sqlite3.connect(p)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.close()
        _limit(j.store.engine, f"PRAGMA max_page_count={pages}")
        return j

    monkeypatch.setattr(Journal, "open", staticmethod(open_full))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = app.main(["--db", str(path), *args], clock=FixedClock(NOW))
    return code, err.getvalue()


def test_command_line_import_on_a_full_disk_fails_with_one_line_and_writes_nothing(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "big.json"
    doc.write_text(json.dumps(valid_document(days=400, patient="Alex Shaw", start="2025-09-01")))
    before = table_dump(journal_path)
    code, err = cli_on_full_disk(journal_path, monkeypatch, "import", str(doc))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert table_dump(journal_path) == before


def test_command_line_full_disk_message_is_plain(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "big.json"
    doc.write_text(json.dumps(valid_document(days=400, patient="Alex Shaw", start="2025-09-01")))
    _code, err = cli_on_full_disk(journal_path, monkeypatch, "import", str(doc))
    assert "(sqlite3." not in err and "OperationalError" not in err
