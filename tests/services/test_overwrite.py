"""Writing a file never destroys the journal or a backup: export and backup refuse to write over
the journal itself or over any journal/backup file, and a bad OUT is bad input (exit 2)."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from tests.services.support import integrity, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def cli(tmp_path: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--db", str(tmp_path / "journal.sqlite3"), *args], clock=FixedClock(NOW))
    return code, err.getvalue()


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(valid_document(days=2, start="2026-11-15")))
    assert cli(tmp_path, "import", str(doc))[0] == 0
    return tmp_path / "journal.sqlite3"


def test_backup_onto_the_journal_itself_is_refused(journal: Path, tmp_path: Path) -> None:
    code, err = cli(tmp_path, "backup", str(journal))
    assert code == 2 and "journal itself" in err
    assert integrity(journal) == "ok"


def test_json_export_onto_the_journal_itself_is_refused(journal: Path, tmp_path: Path) -> None:
    code, _err = cli(tmp_path, "export", "--format", "json", str(journal))
    assert code == 2
    assert journal.read_bytes()[:16] == b"SQLite format 3\x00" and integrity(journal) == "ok"


def test_json_export_onto_a_backup_is_refused(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite3"
    assert cli(tmp_path, "backup", str(backup))[0] == 0
    code, _err = cli(tmp_path, "export", "--format", "json", str(backup))
    assert code == 2
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("args", [("export", "--format", "json", ""), ("backup", ""),
                                  ("export", "--format", "csv", "journal.sqlite3")])
def test_a_bad_out_is_bad_input(journal: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    code, err = cli(tmp_path, *args)
    assert code == 2 and "OUT" in err
    assert "PosixPath" not in err and "Errno" not in err
    assert integrity(journal) == "ok"


def test_report_onto_the_journal_itself_is_refused(journal: Path, tmp_path: Path, qapp: object) -> None:
    code, _err = cli(tmp_path, "report", "--patient", "Robin Shaw", "--out", str(journal))
    assert code == 2
    assert journal.read_bytes()[:16] == b"SQLite format 3\x00" and integrity(journal) == "ok"


def test_db_under_a_plain_file_is_a_plain_message(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--db", str(tmp_path / "afile" / "journal.sqlite3"), "export", "--format", "json", "-"],
                    clock=FixedClock(NOW))
    assert code in (1, 2) and "Errno" not in err.getvalue() and "--db" in err.getvalue()
    assert (tmp_path / "afile").read_text() == "x"
