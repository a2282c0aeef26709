"""The import read one person at a time (issue 17) refuses exactly what the whole read refuses
(journal.services.exchange.parse_document and import_document: a key written twice at any depth,
a lone surrogate, nesting too deep, a schema error), with the same field and message, and leaves
the journal as it was."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.errors import ValidationError
from journal.services.exchange import NotStreamable, parse_document, read_document
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _three_people() -> dict[str, Any]:
    doc = valid_document(days=2, start="2026-11-20")
    for n, name in ((2, "Sam Lee"), (3, "Kim Park")):
        p = json.loads(json.dumps(valid_document(days=2, start="2026-11-20", patient=name)["patients"][0]))
        p["id"] = f"p{n}"
        doc["patients"].append(p)
    return doc


def _text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=1)


def _in_person(text: str, person: int, old: str, new: str) -> str:
    """`text` with the first `old` inside the given person's part replaced by `new`."""
    start = 0
    for _ in range(person + 1):
        start = text.index('"id": "p', start) + 1
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old):]


def _whole_read_refusal(text: str) -> tuple[str, str]:
    """The field and message the whole read gives (parse, then import into a fresh journal)."""
    with pytest.raises(ValidationError) as refused:
        doc = parse_document(text, "in.json")
        from journal.services.exchange import check_document_text, validate_schema

        check_document_text(doc)
        validate_schema(doc)
    return refused.value.field, refused.value.message


DEFECTS = {
    # a key written twice deep in the third person's second dose
    "repeated key in a dose": lambda t: _in_person(t, 2, '"given":', '"given": "2026-11-19T08:00", "given":'),
    # a key written twice in a person
    "repeated key in a person": lambda t: _in_person(t, 1, '"notes": ""', '"notes": "", "notes": "x"'),
    # an escaped lone surrogate in the second person's name
    "lone surrogate in a value": lambda t: _in_person(t, 1, '"Sam Lee"', '"Sam \\ud800Lee"'),
    # ... and in a key of the third person
    "lone surrogate in a key": lambda t: _in_person(t, 2, '"notes": ""', '"notes": "", "n\\udc00": 1'),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_the_streamed_import_refuses_it_with_the_whole_reads_field_and_message(
        tmp_path: Path, defect: str) -> None:
    text = DEFECTS[defect](_text(_three_people()))
    expected = _whole_read_refusal(text)
    j = Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW))
    try:
        streamed = read_document(io.StringIO(text), chunk=512)  # small chunks: people cut in pieces
        assert streamed is not None
        with pytest.raises(ValidationError) as refused:
            j.import_stream(*streamed)
        assert (refused.value.field, refused.value.message) == expected
        assert j.list_patients() == []  # the people read before it were rolled back
    finally:
        j.close()


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_the_import_command_says_what_the_whole_read_says_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], defect: str) -> None:
    db = tmp_path / "j.sqlite3"
    j = Journal.open(db, FixedClock(NOW))
    j.import_document(valid_document(days=2, start="2026-11-18", patient="Alex Moore"))
    j.close()
    before = table_dump(db)
    text = DEFECTS[defect](_text(_three_people()))
    field, message = _whole_read_refusal(text)
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(tmp_path / "in.json")], clock=FixedClock(NOW)) == 2
    err = capsys.readouterr().err
    assert f"{field}:" in err
    assert message.split(";")[0] in err
    assert table_dump(db) == before


def test_with_two_problems_the_command_names_the_one_the_whole_read_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A schema error in the first person and a key written twice in the third: the whole read
    looks for repeated keys in the whole document first, and so does the streamed import's answer
    (it falls back to the whole read for its message)."""
    doc = _three_people()
    doc["patients"][0]["doses"][0]["status"] = "eaten"
    text = DEFECTS["repeated key in a dose"](_text(doc))
    field, _message = _whole_read_refusal(text)
    assert field.startswith("/patients/2/")
    db = tmp_path / "j.sqlite3"
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    assert main(["--db", str(db), "import", str(tmp_path / "in.json")], clock=FixedClock(NOW)) == 2
    err = capsys.readouterr().err
    assert f"{field}:" in err and "/patients/0/" not in err
    j = Journal.open(db, FixedClock(NOW))
    try:
        assert j.list_patients() == []
    finally:
        j.close()


@pytest.mark.parametrize("text", [
    # a top-level key written twice before the people
    '{"format": "caregiver-medication-journal", "format": "x", "version": 1, "timezone": "UTC", "patients": []}',
    # the people written twice
    '{"format": "caregiver-medication-journal", "version": 1, "timezone": "UTC", "patients": [], "patients": []}',
])
def test_a_repeated_top_level_key_is_never_streamed_past(tmp_path: Path, text: str) -> None:
    expected_field, _ = _whole_read_refusal(text)
    streamed = read_document(io.StringIO(text))
    if streamed is not None:  # the head was read: the people's end must notice the second key
        head, people = streamed
        with pytest.raises(NotStreamable):
            list(people)
    db = tmp_path / "j.sqlite3"
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    assert main(["--db", str(db), "import", str(tmp_path / "in.json")], clock=FixedClock(NOW)) == 2
    assert not db.exists() or Journal.open(db, FixedClock(NOW)).list_patients() == []
    assert expected_field in ("/format", "/patients")


def test_nesting_too_deep_in_a_person_is_refused_like_the_whole_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _in_person(_text(_three_people()), 1, '"notes": ""', '"notes": ' + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValidationError) as whole:
        parse_document(text, "in.json")
    streamed = read_document(io.StringIO(text))
    assert streamed is not None
    j = Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW))
    try:
        with pytest.raises((NotStreamable, ValidationError)):
            j.import_stream(*streamed)
        assert j.list_patients() == []
    finally:
        j.close()
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "j.sqlite3"), "import", str(tmp_path / "in.json")],
                clock=FixedClock(NOW)) == 2
    assert whole.value.message in capsys.readouterr().err
