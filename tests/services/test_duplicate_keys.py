"""A key written twice in one JSON object is refused, naming its JSON pointer: JSON itself keeps only
the last value, so a dose or a person would be dropped without a word."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import journal.app as app
from journal.domain import FixedClock
from journal.services.errors import ValidationError
from journal.services.exchange import parse_document
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_a_repeated_key_deep_in_a_dose_is_named_by_its_pointer() -> None:
    text = json.dumps(valid_document(days=1, start="2026-11-20"))
    first_dose = text.index('"given"')
    text = text[:first_dose] + '"given": "2026-11-19T08:00", ' + text[first_dose:]
    with pytest.raises(ValidationError) as refused:
        parse_document(text, "in.json")
    assert refused.value.field == "/patients/0/doses/0/given"
    assert "twice" in refused.value.message


def test_a_repeated_top_level_list_is_refused() -> None:
    text = '{"format": "caregiver-medication-journal", "version": 1, "patients": [], "patients": []}'
    with pytest.raises(ValidationError) as refused:
        parse_document(text)
    assert refused.value.field == "/patients"


def test_the_same_key_in_two_objects_is_fine() -> None:
    doc = valid_document(days=2, start="2026-11-20")
    assert parse_document(json.dumps(doc)) == doc


def test_the_import_command_refuses_it_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "j.sqlite3"
    j = Journal.open(db, FixedClock(NOW))
    j.import_document(valid_document(days=2, start="2026-11-20"))
    j.close()
    before = table_dump(db)
    text = json.dumps(valid_document(days=3, start="2026-11-18", patient="Sam Lee"))
    text = text.replace('"name": "Sam Lee"', '"name": "Sam Lee", "name": "Sam Leigh"', 1)
    (tmp_path / "in.json").write_text(text)
    code = app.main(["--db", str(db), "import", str(tmp_path / "in.json")], clock=FixedClock(NOW))
    assert code == 2
    assert "import: /patients/0/name:" in capsys.readouterr().err
    assert table_dump(db) == before
