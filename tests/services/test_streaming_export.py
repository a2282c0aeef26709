"""Export written one person at a time (issue 17) reads back as the same document as the one built
in memory, and the command line writes it that way."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.journal import SAMPLE_JOURNAL, Journal
from tests.conftest import TZ

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # the morning after the sample journal's last entries


def _journal(tmp_path: Path, people: int) -> Journal:
    doc = json.loads(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    person = doc["patients"][0]
    doc["patients"] = []
    for n in range(people):
        p = json.loads(json.dumps(person))
        p["id"], p["name"] = f"p{n + 1}", f"{person['name']} {n + 1}"
        doc["patients"].append(p)
    j = Journal.open(tmp_path / "journal.sqlite3", FixedClock(NOW))
    j.import_document(doc)
    return j


def test_streamed_export_equals_the_document_for_several_people_and_one(tmp_path: Path) -> None:
    j = _journal(tmp_path, 3)
    try:
        for who in (None, f"{j.list_patients()[1].name}"):
            buf = io.StringIO()
            n = j.write_export(buf.write, who)
            assert json.loads(buf.getvalue()) == j.export_document(who)
            assert n == (3 if who is None else 1)
        assert len(json.loads(buf.getvalue())["patients"][0]["doses"]) > 10
    finally:
        j.close()


def test_streamed_export_of_an_empty_journal_is_a_valid_document(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "journal.sqlite3", FixedClock(NOW))
    try:
        buf = io.StringIO()
        assert j.write_export(buf.write) == 0
        assert json.loads(buf.getvalue()) == j.export_document()
    finally:
        j.close()


def test_exported_file_imports_back_to_the_same_journal(tmp_path: Path) -> None:
    j = _journal(tmp_path, 2)
    expected = j.export_document()
    j.close()
    out = tmp_path / "out.json"
    assert main(["--db", str(tmp_path / "journal.sqlite3"), "export", str(out)], clock=FixedClock(NOW)) == 0
    assert not (tmp_path / "out.json.partial").exists()
    assert json.loads(out.read_text(encoding="utf-8")) == expected
    assert main(["--db", str(tmp_path / "copy.sqlite3"), "import", str(out)], clock=FixedClock(NOW)) == 0
    copy = Journal.open(tmp_path / "copy.sqlite3", FixedClock(NOW))
    try:
        assert copy.export_document() == expected
    finally:
        copy.close()


def test_import_reads_one_person_at_a_time_and_a_bad_later_person_undoes_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from journal.services.exchange import read_document

    j = _journal(tmp_path, 3)
    doc = j.export_document()
    j.close()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    with good.open(encoding="utf-8") as f:
        streamed = read_document(f, chunk=4096)
        assert streamed is not None
        head, people = streamed
        assert "patients" not in head and head["version"] == 1
        assert [p["name"] for p in people] == [p["name"] for p in doc["patients"]]
    bad = json.loads(json.dumps(doc))
    bad["patients"][2]["doses"][5]["status"] = "eaten"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    target = tmp_path / "new.sqlite3"
    capsys.readouterr()
    assert main(["--db", str(target), "import", str(bad_file)], clock=FixedClock(NOW)) == 2
    assert "/patients/2/doses/5/status" in capsys.readouterr().err
    copy = Journal.open(target, FixedClock(NOW))
    try:
        assert copy.list_patients() == []  # the first two people were rolled back with the third
    finally:
        copy.close()
    assert main(["--db", str(target), "import", str(good)], clock=FixedClock(NOW)) == 0
    copy = Journal.open(target, FixedClock(NOW))
    try:
        assert copy.export_document() == doc
    finally:
        copy.close()


def test_a_file_with_the_people_before_the_time_zone_is_read_whole_and_imports_the_same(tmp_path: Path) -> None:
    j = _journal(tmp_path, 2)
    doc = j.export_document()
    j.close()
    reordered = {"patients": doc["patients"], **{k: v for k, v in doc.items() if k != "patients"}}
    f = tmp_path / "reordered.json"
    f.write_text(json.dumps(reordered), encoding="utf-8")
    target = tmp_path / "new.sqlite3"
    assert main(["--db", str(target), "import", str(f)], clock=FixedClock(NOW)) == 0
    copy = Journal.open(target, FixedClock(NOW))
    try:
        assert copy.export_document() == doc
    finally:
        copy.close()
