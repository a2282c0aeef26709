"""`reference`, `reference search WORDS`, `reference show TOPIC` on the command line."""

from __future__ import annotations

import io
from argparse import Namespace
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from journal.cli import Context
from journal.cli.reference import run
from journal.domain import FixedClock


def Ctx(number: str | None = None, broken: bool = False) -> Context:  # noqa: N802 - stands for the class it was
    """The command line's context, with a journal that has `number` in its settings (or none)."""

    def open_journal() -> Any:
        if broken:
            raise OSError("no journal file here")
        settings = SimpleNamespace(emergency_number=number)
        return SimpleNamespace(get_settings=lambda: settings, read_only=False, close=lambda: None)

    return Context(open_journal, FixedClock(datetime(2026, 10, 1, 12, tzinfo=UTC)), out=io.StringIO(),
                   err=io.StringIO())


def test_no_arguments_lists_every_topic() -> None:
    ctx = Ctx()
    assert run(Namespace(action=None, terms=[]), ctx) == 0
    out = ctx.out.getvalue()
    assert "when-to-call" in out and "When to call for help" in out
    assert "not medical advice" in out.lower()
    assert len([line for line in out.splitlines() if line.startswith("  ")]) >= 21


def test_search_prints_ranked_topics_with_marked_snippets() -> None:
    ctx = Ctx()
    assert run(Namespace(action="search", terms=["pump", "alarm"]), ctx) == 0
    lines = ctx.out.getvalue().splitlines()
    assert lines[1].startswith(" 1. Pump alarms")
    assert "reference show pump-alarms" in lines[1]
    assert "*alarm" in ctx.out.getvalue().lower()


def test_search_with_nothing_found_says_so() -> None:
    ctx = Ctx()
    assert run(Namespace(action="search", terms=["xylophone"]), ctx) == 0
    assert "Nothing in the reference matches" in ctx.out.getvalue()


def test_search_without_words_is_bad_input() -> None:
    ctx = Ctx()
    assert run(Namespace(action="search", terms=[]), ctx) == 2
    assert "words" in ctx.err.getvalue()


def test_show_fills_in_the_emergency_number_from_settings() -> None:
    ctx = Ctx(number="112")
    assert run(Namespace(action="show", terms=["when-to-call"]), ctx) == 0
    out = ctx.out.getvalue()
    assert out.startswith("WHEN TO CALL FOR HELP")
    assert "Call 112 now" in out and "911" not in out


def test_show_without_a_journal_falls_back_to_911() -> None:
    ctx = Ctx(broken=True)
    assert run(Namespace(action="show", terms=["overdose"]), ctx) == 0
    assert "call 911" in ctx.out.getvalue().lower()


def test_show_an_unknown_topic_exits_2_and_names_it() -> None:
    ctx = Ctx()
    assert run(Namespace(action="show", terms=["withdrawl"]), ctx) == 2
    err = ctx.err.getvalue()
    assert "'withdrawl'" in err and "withdrawal" in err
    assert ctx.out.getvalue() == ""


def test_words_given_without_an_action_are_understood() -> None:
    ctx = Ctx()
    assert run(Namespace(action=None, terms=["show", "pump"]), ctx) == 0
    assert ctx.out.getvalue().startswith("LIVING WITH A BACLOFEN PUMP")


def test_an_unknown_action_is_bad_input() -> None:
    ctx = Ctx()
    assert run(Namespace(action="print", terms=["x"]), ctx) == 2


def test_a_list_action_lists_the_topics() -> None:
    ctx = Ctx()
    assert run(Namespace(action="list", terms=[]), ctx) == 0
    assert "missed-doses" in ctx.out.getvalue()


def test_reading_the_guide_does_not_create_a_journal_file(tmp_path: Path) -> None:
    ctx = Ctx(number="112")
    ctx.db_path = tmp_path / "journal.sqlite"
    opened: list[bool] = []
    real = ctx.journal
    ctx.journal = lambda: opened.append(True) or real()  # type: ignore[method-assign]
    assert run(Namespace(action="show", terms=["when-to-call"]), ctx) == 0
    assert opened == [] and not ctx.db_path.exists()
    assert "Call 911 now" in ctx.out.getvalue()
    ctx.db_path.write_bytes(b"")  # once the journal exists, its settings are used
    ctx.out = io.StringIO()
    assert run(Namespace(action="show", terms=["when-to-call"]), ctx) == 0
    assert opened == [True] and "Call 112 now" in ctx.out.getvalue()
