"""Text holding a lone UTF-16 surrogate ("\\ud800", which JSON's "\\ud800" escape decodes to) cannot
be stored or printed: it is refused on every path, naming the field, and the journal is unchanged."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock, Note, Patient, SymptomEntry
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
LONE = "Robin \ud800 Shaw"


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    j = Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW))
    j.import_document(valid_document(days=2, start="2026-11-20"))
    yield j
    j.close()


@pytest.mark.parametrize("where, field", [
    (("name",), "/patients/0/name"),
    (("notes",), "/patients/0/notes"),
    (("medications", 0, "name"), "/patients/0/medications/0/name"),
    (("doses", 0, "note"), "/patients/0/doses/0/note"),
])
def test_import_refuses_a_lone_surrogate_naming_its_pointer(journal: Journal, where: tuple[Any, ...],
                                                            field: str) -> None:
    doc = copy.deepcopy(valid_document(days=2, start="2026-11-20"))
    node = doc["patients"][0]
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = LONE
    before = table_dump(journal.path)
    with pytest.raises(ValidationError) as refused:
        journal.import_document(doc)
    assert refused.value.field == field
    assert "broken character" in refused.value.message
    assert table_dump(journal.path) == before


def test_a_json_file_with_an_escaped_lone_surrogate_is_refused_by_the_command(tmp_path: Path,
                                                                             capsys: Any) -> None:
    doc = valid_document(days=1, start="2026-11-20")
    text = json.dumps(doc).replace('"Robin Shaw"', '"Robin \\ud800 Shaw"')
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    code = app.main(["--db", str(tmp_path / "j.sqlite3"), "import", str(tmp_path / "in.json")],
                    clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 2
    assert "/patients/0/name" in err and "broken character" in err


def test_the_service_refuses_it_in_a_person_a_symptom_and_a_note(journal: Journal) -> None:
    before = table_dump(journal.path)
    with pytest.raises(ValidationError) as refused:
        journal.add_patient(Patient(name=LONE))
    assert refused.value.field == "name"
    pid = journal.find_patient("Robin Shaw").id
    with pytest.raises(ValidationError) as refused:
        journal.log_symptom(pid, SymptomEntry(at=NOW, symptom="spasms", note="bad \udfff"))
    assert refused.value.field == "note"
    with pytest.raises(ValidationError) as refused:
        journal.add_note(pid, Note(at=NOW, text="\ud800"))
    assert refused.value.field == "text"
    with pytest.raises(ValidationError) as refused:
        journal.correct("patient", pid, {"conditions": ["MS", "\ud800"]}, by="t")
    assert refused.value.field == "conditions/1"
    assert table_dump(journal.path) == before


def test_ordinary_non_ascii_text_is_kept(journal: Journal) -> None:
    out = journal.add_patient(Patient(name="Zoë Ångström 李"))
    assert journal.get_patient(out.record_id).name == "Zoë Ångström 李"
