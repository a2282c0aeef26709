"""Odd command-line input is bad input: exit 2 with a plain message naming the argument, never
exit 1 with Python's own words; a device or a pipe given as a file is refused instead of read or
written forever."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(NOW)) as j:
        j.import_document(valid_document(days=1, start="2026-11-20"))
    return path


def run(db: Path, *argv: str) -> int:
    return app.main(["--db", str(db), *argv], clock=FixedClock(NOW))


BAD_NAMES = [("nul\x00byte", "NUL"), ("broken\ud800", "broken character"), ("n" * 256, "too long")]


@pytest.mark.parametrize("name, words", BAD_NAMES)
@pytest.mark.parametrize("argv, arg", [
    (["import"], "FILE"), (["export"], "OUT"), (["export", "--format", "csv"], "OUT"), (["backup"], "OUT"),
    (["restore"], "FILE"), (["report", "--patient", "Robin Shaw", "--out"], "--out"),
])
def test_a_file_name_no_file_system_takes_is_bad_input(db: Path, capsys: Any, argv: list[str], arg: str,
                                                        name: str, words: str) -> None:
    before = table_dump(db)
    assert run(db, *argv, name) == 2
    err = capsys.readouterr().err
    assert f": {arg}: " in err and words in err
    assert "Traceback" not in err and "embedded null" not in err and "codec" not in err
    assert table_dump(db) == before


@pytest.mark.parametrize("name, words", BAD_NAMES)
def test_a_bad_db_name_is_bad_input_before_anything_opens(tmp_path: Path, capsys: Any, name: str, words: str) -> None:
    assert app.main(["--db", str(tmp_path / name), "check"], clock=FixedClock(NOW)) == 2
    err = capsys.readouterr().err
    assert "--db: " in err and words in err
    assert list(tmp_path.iterdir()) == []


def test_importing_a_pipe_or_device_is_refused_instead_of_read_forever(db: Path, tmp_path: Path,
                                                                       capsys: Any) -> None:
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)  # no writer: reading it would wait forever
    assert run(db, "import", str(fifo)) == 2
    assert "device or a pipe" in capsys.readouterr().err


def test_a_report_into_a_named_pipe_is_refused_instead_of_hanging(db: Path, tmp_path: Path, capsys: Any) -> None:
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    assert run(db, "report", "--patient", "Robin Shaw", "--out", str(fifo)) == 2  # no reader: would block
    assert "not a plain file" in capsys.readouterr().err


def test_an_export_into_a_named_pipe_is_refused(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    assert run(db, "export", str(fifo)) == 2
