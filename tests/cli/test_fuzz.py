"""Command-line parsers under fuzz: any argv ends with exit 0, 1 or 2 and a short message, never a
traceback; exit 2 (bad input) names the argument and changes nothing in the journal.

CI runs ROBUST_FUZZ_CLI examples (default 500). By hand:
    ROBUST_FUZZ_CLI=5000 pytest -q -s tests/test_robust_fuzz_cli.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journal.app as app
from journal.domain import FixedClock
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

EXAMPLES = int(os.environ.get("ROBUST_FUZZ_CLI", "500"))
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
STATS: Counter[str] = Counter()
# Words that give away an internal error dressed up as a message.
INTERNAL = re.compile(r"Traceback|\(sqlite3\.|NoneType|object has no attribute|unexpected keyword|"
                      r"KeyError|TypeError|AttributeError|IndexError|not subscriptable|invalid literal|"
                      r"PosixPath\(|ZeroDivision|OverflowError|embedded null byte|codec can't|surrogates not allowed")

COMMANDS = ["import", "export", "log-dose", "log-symptom", "backup", "restore", "reference", "check", "report"]
# The options each command takes, so most generated command lines get past argparse to the journal.
OWN: dict[str, list[str]] = {
    "import": [], "backup": [], "restore": [], "reference": [],
    "export": ["--format", "--patient"],
    "log-dose": ["--patient", "--medication", "--at", "--scheduled", "--amount", "--status", "--by", "--note"],
    "log-symptom": ["--patient", "--symptom", "--severity", "--duration", "--at", "--note"],
    "check": ["--at", "--patient"],
    "report": ["--patient", "--from", "--to", "--out"],
}
REQUIRED: dict[str, list[str]] = {
    "log-dose": ["--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets"],
    "log-symptom": ["--patient", "Robin Shaw", "--symptom", "spasms"],
    "report": ["--patient", "Robin Shaw", "--out", "report.pdf"],
}
OPTIONS = ["--patient", "--medication", "--at", "--scheduled", "--amount", "--status", "--by", "--note",
           "--symptom", "--severity", "--duration", "--format", "--from", "--to", "--out", "--json", "--help",
           "-h", "--", "-", "--db", "--demo", "--bogus", "-x"]
VALUES = ["Robin Shaw", "robin shaw", "ROBIN SHAW", "Nobody", "", " ", "Baclofen 10 mg tablets", "baclofen",
          "10mg", "10 mg", "2.5mL", "1tablet", "0mg", "-5mg", "1e400mg", "nanmg", "NaN", "infmg", "10kg",
          "10", "mg", "1000mg", "20000mg", "taken", "skipped", "missed", "eaten", "spasms", "SPASMS",
          "not-a-symptom", "seizure", "5", "-1", "11", "99999999999999999999", "3.5", "now", "08:00",
          "25:00", "2026-11-23T08:00", "2026-11-23T11:59:00+00:00", "2026-13-01T08:00", "2031-01-01T08:00",
          "1900-01-01T00:00", "2026-02-30", "2026-11-01", "yesterday", "json", "csv", "xml", "list", "search",
          "show", "withdrawal", "pump", "odd/../passwd", "\u00e9\u00e8", "\u200b", "a" * 300, "x;rm -rf /",
          "out.json", "outdir", "report.pdf", "nul\x00byte", "broken\ud800", "\x1b[2J", "\u202e", "n" * 256]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> dict[str, Any]:
    # qapp: the report command renders with Qt; with pytest-qt's QApplication made first it reuses
    # that one instead of making a bare QGuiApplication that later widget tests could not use.
    root = tmp_path_factory.mktemp("clifuzz")
    db = root / "journal.sqlite3"
    j = Journal.open(db, FixedClock(NOW))
    j.import_document(valid_document(days=5, start="2026-11-15"))
    (root / "files").mkdir()
    backup = j.backup(root / "files" / "good-backup.sqlite3")
    j.close()
    files = root / "files"
    (files / "good.json").write_text(json.dumps(valid_document(days=2, start="2026-11-15")))
    (files / "broken.json").write_text('{"format": "caregiver-medication-journal", "version": 1, "patients": [')
    (files / "other.json").write_text(json.dumps({"format": "something else", "version": 7}))
    (files / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (files / "notes.txt").write_text("Shopping: milk")
    (files / "folder").mkdir()
    tokens = [str(files / n) for n in ("good.json", "broken.json", "other.json", "binary.json", "notes.txt",
                                      "folder", "missing.json")] + [str(backup)]
    yield {"db": db, "root": root, "files": tokens}
    print(f"\ncli fuzz: {sum(STATS.values())} command lines; exit codes {dict(STATS)}")


@st.composite
def argv(draw: st.DrawFn, files: list[str]) -> list[str]:
    cmd = draw(st.sampled_from(COMMANDS))
    pool = st.sampled_from(OPTIONS) | st.sampled_from(VALUES) | st.sampled_from(files) | st.text(max_size=12)
    rest = draw(st.lists(pool, max_size=8))
    if draw(st.integers(0, 3)) > 0:  # mostly well-formed: the command's own options, odd values
        rest = list(REQUIRED.get(cmd, [])) if draw(st.booleans()) else []
        for _ in range(draw(st.integers(0, 4))):
            if OWN[cmd]:
                rest += [draw(st.sampled_from(OWN[cmd])), draw(st.sampled_from(VALUES) | st.text(max_size=12))]
        positional = {"import": 1, "backup": 1, "restore": 1, "export": 1, "reference": 2}.get(cmd, 0)
        rest += draw(st.lists(st.sampled_from(files) | st.sampled_from(VALUES), max_size=positional))
    return [cmd, *rest]


def run(args: list[str], db: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = app.main(["--db", str(db), *args], clock=FixedClock(NOW))
        except SystemExit as e:  # argparse: --help (0) and usage errors (2)
            code = e.code if isinstance(e.code, int) else 2
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow  # many generated examples; the cases below it are the quick check
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_command_line_ends_cleanly(world: dict[str, Any], data: st.DataObject,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(world["root"])
    monkeypatch.setattr(app, "run_gui", lambda ctx: pytest.fail("the fuzz must never open the window"))
    args = data.draw(argv(world["files"]))
    if "--db" in args:  # only ever our journal
        return
    before = table_dump(world["db"])
    code, out, err = run(args, world["db"])
    STATS[f"{code}{' (usage)' if 'usage:' in err else ''}"] += 1
    assert code in (0, 1, 2), (args, code, err)
    assert not INTERNAL.search(err), (args, err)
    if code == 2:
        assert err.strip(), (args, "exit 2 without a message")
        assert table_dump(world["db"]) == before, (args, err)
    if code == 1:
        assert len(err.strip().splitlines()) == 1, (args, err)


@pytest.mark.parametrize("args, names", [
    (["log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets", "--amount", "ten"], "--amount"),
    (["log-dose", "--patient", "Nobody", "--medication", "Baclofen 10 mg tablets"], "--patient"),
    (["log-dose", "--patient", "Robin Shaw", "--medication", "Aspirin"], "--medication"),
    (["log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets", "--at", "2026-13-01T08:00"],
     "--at"),
    (["log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets", "--amount", "20000mg"],
     "--amount"),
    (["log-symptom", "--patient", "Robin Shaw", "--symptom", "spasms", "--severity", "11"], "--severity"),
    (["log-symptom", "--patient", "Robin Shaw", "--symptom", "hiccups-of-doom"], "--symptom"),
    (["log-symptom", "--patient", "Robin Shaw", "--symptom", "spasms", "--severity", "x"], "--severity"),
])
def test_bad_input_exits_2_naming_the_argument_and_writes_nothing(world: dict[str, Any], args: list[str],
                                                                  names: str) -> None:
    before = table_dump(world["db"])
    code, _out, err = run(args, world["db"])
    assert code == 2, err
    assert names in err
    assert table_dump(world["db"]) == before
