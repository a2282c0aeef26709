"""Fixtures the command-line tests share: the command line run in-process on a fresh journal file,
and a small valid exchange document on disk."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from tests.conftest import NOW, minimal_document


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """`run("check", "--json")` -> (exit code, stdout, stderr): `carejournal --db <tmp>/cli.sqlite3 ...`
    at the fixed NOW, argparse's own exits (help, refusals) turned into their codes."""
    db = tmp_path / "cli.sqlite3"

    def _run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
        except SystemExit as stop:  # argparse's own answers and refusals
            code = int(stop.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    """`minimal_document()` written to <tmp>/journal.json."""
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(minimal_document()))
    return path
