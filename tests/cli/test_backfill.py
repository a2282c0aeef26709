"""A dose or sign logged for an earlier time (`--at` in the past) is judged as of then too: a dose
logged for 08:20, 19 minutes after one given at 08:01 four days ago, prints its double-dose alert
(found by a fresh-user review: the write was judged only as of now and printed old alerts)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock

CHI = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=CHI)
DOC = {
    "format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
    "patients": [{"id": "p", "name": "Rosa Testcase", "medications": [
        {"id": "b", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral", "form": "tablet",
         "strength": {"value": 10, "unit": "mg"}, "as_needed": False,
         "regimens": [{"start": "2026-11-01", "dose": {"value": 10, "unit": "mg"}, "times": ["08:00", "20:00"]}]}],
        "doses": [{"medication": "b", "scheduled": "2026-11-26T08:00", "given": "2026-11-26T08:01",
                   "amount": {"value": 10, "unit": "mg"}, "status": "taken"}]}],
}


def cli(db: Path, *argv: str) -> int:
    from journal.app import main

    return main(["--db", str(db), *argv], clock=FixedClock(NOW))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(DOC))
    path = tmp_path / "j.sqlite3"
    assert cli(path, "import", str(doc)) == 0
    return path


def test_a_dose_back_filled_19_minutes_after_another_prints_its_double_dose(db: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli(db, "log-dose", "--patient", "Rosa Testcase", "--medication", "Baclofen 10 mg tablets",
               "--at", "2026-11-26T08:20", "--yes") == 0
    out = capsys.readouterr().out
    assert "two entries for the same planned dose" in out or "given twice" in out, out


def test_a_dose_back_filled_far_from_any_other_prints_no_dose_alert(db: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli(db, "log-dose", "--patient", "Rosa Testcase", "--medication", "Baclofen 10 mg tablets",
               "--at", "2026-11-26T20:00", "--yes") == 0
    out = capsys.readouterr().out
    assert "double" not in out.lower() and "given twice" not in out and "same planned dose" not in out, out
