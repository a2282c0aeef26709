"""A dose logged "now" when now is far from the journal's last entry (more than 2 days after it, or
a year before it) is questioned before saving, since a wrong computer clock would show the checks a
false gap: the window asks, the command line refuses unless --at or --clock-is-right is given."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import journal.app as app
from journal.domain import FixedClock
from journal.services.journal import Journal
from journal.services.validation import CLOCK_DOUBT_AFTER, CLOCK_DOUBT_BEFORE, clock_doubt
from tests.services.support import table_dump, valid_document
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    session,
)

LAST = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)  # the last dose of valid_document(days=3, start=11-18)


def test_the_bounds_on_both_sides() -> None:
    assert clock_doubt(LAST + CLOCK_DOUBT_AFTER, LAST) is None
    assert "2 days after the last entry" in (clock_doubt(LAST + CLOCK_DOUBT_AFTER + timedelta(minutes=1), LAST) or "")
    assert clock_doubt(LAST - CLOCK_DOUBT_BEFORE, LAST) is None
    assert "a year before" in (clock_doubt(LAST - CLOCK_DOUBT_BEFORE - timedelta(minutes=1), LAST) or "")
    assert clock_doubt(LAST, None) is None  # an empty journal: nothing to compare with


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(LAST)) as j:
        j.import_document(valid_document(days=3, start="2026-11-18"))
    return path


def log(db: Path, now: datetime, *extra: str) -> int:
    return app.main(["--db", str(db), "log-dose", "--patient", "Robin Shaw", "--medication", "baclofen", *extra],
                    clock=FixedClock(now))


@pytest.mark.parametrize("now", [LAST + timedelta(days=3), datetime(2025, 1, 1, 8, tzinfo=UTC)])
def test_the_command_line_refuses_a_dose_now_under_a_doubtful_clock(db: Path, capsys: Any, now: datetime) -> None:
    before = table_dump(db)
    assert log(db, now) == 2
    err = capsys.readouterr().err
    assert "log-dose: --at:" in err and "--clock-is-right" in err and "Nothing was logged" in err
    assert table_dump(db) == before


def test_an_explicit_time_or_the_flag_logs_it(db: Path, capsys: Any) -> None:
    now = LAST + timedelta(days=3)
    assert log(db, now, "--clock-is-right") == 0
    assert log(db, now, "--at", "2026-11-21T08:00") == 0
    assert capsys.readouterr().out.count("Logged") == 2


def test_a_dose_the_next_day_is_not_questioned(db: Path) -> None:
    assert log(db, LAST + timedelta(hours=12)) == 0


def make_view(qtbot: Any, session: Any) -> Any:
    from journal.ui.screens.today_view import TodayView

    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()
    return view


def test_the_window_asks_before_given_now_under_a_doubtful_clock(qtbot: Any, session: Any, clock: Any,
                                                                 monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    clock.set(clock.now() + timedelta(days=3))  # the last entry is the 08:00 dose three days ago
    view = make_view(qtbot, session)
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(parent, title, text, *args):  # noqa: ANN001, ANN202
        asked.append(f"{title} {text}")
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.mouseClick(view.slot_button(TABLETS, "08:00"), Qt.MouseButton.LeftButton)
    assert "Is the computer's clock right?" in asked[0] and "days after the last entry" in asked[0]
    assert view.slot_state(TABLETS, "08:00") != "given"  # No: nothing saved
    qtbot.mouseClick(view.slot_button(TABLETS, "08:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "08:00") == "given")
    assert len(asked) == 2


def test_the_window_does_not_ask_on_an_ordinary_day(qtbot: Any, session: Any) -> None:
    view = make_view(qtbot, session)  # no_blocking_dialogs: a question would fail the test
    qtbot.mouseClick(view.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")
