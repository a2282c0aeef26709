"""Terminal control characters, bidirectional overrides and broken characters in user text are
printed escaped (`\\u001b`, `\\u202e`) by every command, through one function (journal.cli.shown);
JSON printed to the screen stays valid JSON meaning the same text."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.cli import Context, shown
from journal.domain import FixedClock
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
EVIL = "Robin \x1b[2J\x1b]0;pwned\x07 \u202eredro\u202c Shaw\r"


def test_shown_escapes_what_a_terminal_would_obey_and_keeps_the_rest() -> None:
    assert shown(EVIL) == "Robin \\u001b[2J\\u001b]0;pwned\\u0007 \\u202eredro\\u202c Shaw\\u000d"
    plain = "Zoë Müller, 10 mg\tat 08:00\n李 مريم"
    assert shown(plain) == plain
    assert shown("\ud800") == "\\ud800"


def test_the_context_streams_always_escape_even_when_replaced() -> None:
    ctx = Context(lambda: None, FixedClock(NOW))
    ctx.out = io.StringIO()
    print("a\x1bb", file=ctx.out)
    assert ctx.out.getvalue() == "a\\u001bb\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(NOW)) as j:
        doc = valid_document(days=2, start="2026-11-20", patient=EVIL.strip("\r"))
        doc["patients"][0]["doses"][-1]["note"] = "\x1b[31mred\x1b[0m"
        j.import_document(doc)
    return path


def test_log_dose_prints_the_name_escaped(db: Path, capsys: Any) -> None:
    code = app.main(["--db", str(db), "log-dose", "--patient", "Robin", "--medication", "baclofen",
                     "--at", "2026-11-23T08:00"], clock=FixedClock(NOW))
    out = capsys.readouterr().out
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\u001b[2J" in out and "\\u202eredro" in out


def test_an_error_naming_the_bad_argument_is_escaped(db: Path, capsys: Any) -> None:
    code = app.main(["--db", str(db), "log-dose", "--patient", "No\x1b[2Jbody", "--medication", "x"],
                    clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 2
    assert "\x1b" not in err and "No\\u001b[2Jbody" in err


def test_an_argparse_error_is_escaped(capsys: Any) -> None:
    with pytest.raises(SystemExit):
        app.main(["log-dose", "--status", "\x1b[2Jtaken"])
    assert "\x1b" not in capsys.readouterr().err


def test_json_on_the_screen_stays_valid_and_means_the_same(db: Path, capsys: Any) -> None:
    code = app.main(["--db", str(db), "export", "-"], clock=FixedClock(NOW))
    out = capsys.readouterr().out
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    doc = json.loads(out)
    assert doc["patients"][0]["name"] == EVIL.strip("\r")
