"""Exchange format v1: every class of import error, all-or-nothing, re-import, export, CSV."""

from __future__ import annotations

import copy
import csv
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.services.errors import ValidationError
from journal.services.exchange import reference_validator, validate_schema
from tests.conftest import NOW, minimal_document


def import_error(journal: Any, doc: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as err:
        journal.import_document(doc)
    return str(err.value)


def test_a_valid_document_imports_everything(journal: Any) -> None:
    summary = journal.import_document(minimal_document())
    assert (summary.patients, summary.medications, summary.regimens, summary.doses) == (1, 2, 1, 3)
    assert (summary.symptoms, summary.observations, summary.notes) == (1, 2, 1)
    robin = journal.find_patient("Robin Shaw")
    h = journal.history(robin.id, NOW - timedelta(days=2), NOW)
    mg = [d.amount_normalised.value if d.amount_normalised else None for d in h.doses]
    assert mg == [10, None, 5]  # 1 tablet of 10 mg; skipped; 5 mL of 1 mg/mL
    assert str(h.doses[0].given.astimezone(journal.tz)) == "2026-09-30 08:10:00-05:00"


def test_spec_example_error_message(journal: Any) -> None:
    doc = minimal_document()
    doc["patients"][0]["doses"][2]["given"] = "2026-13-01T08:00"
    assert import_error(journal, doc) == '/patients/0/doses/2/given: "2026-13-01T08:00" is not a date-time'


def _set(path: str, value: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        *head, last = path.strip("/").split("/")
        node: Any = doc
        for part in head:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


def _delete(path: str) -> Any:
    def change(doc: dict[str, Any]) -> None:
        *head, last = path.strip("/").split("/")
        node: Any = doc
        for part in head:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]
    return change


# (change to a valid document, the JSON pointer the message must name, words it must contain)
ERROR_CASES = [
    # schema: shape
    (_set("/format", "something-else"), "/format", "should be"),
    (_set("/version", 2), "/version", "should be 1"),
    (_set("/patients/0/nickname", "Rob"), "/patients/0/nickname", "unknown field"),
    (_set("/patients/0/doses/0/amonut", 1), "/patients/0/doses/0/amonut", "unknown field"),
    (_set("/patients/0/medications/0/strength/per", {"value": 1, "unit": "mL", "x": 1}),
     "/patients/0/medications/0/strength/per/x", "unknown field"),
    (_delete("/patients/0/name"), "/patients/0/name", "required"),
    (_delete("/patients/0/medications/0/regimens/0/start"), "/patients/0/medications/0/regimens/0/start", "required"),
    (_set("/patients/0/doses/0/status", "given"), "/patients/0/doses/0/status", "not one of"),
    (_set("/patients/0/doses/0/amount", {"value": 1, "unit": "pill"}), "/patients/0/doses/0/amount/unit", "not one of"),
    (_set("/patients/0/doses/0/amount", {"value": -1, "unit": "mg"}), "/patients/0/doses/0/amount/value", "below"),
    (_set("/patients/0/symptoms/0/severity", 11), "/patients/0/symptoms/0/severity", "above"),
    (_set("/patients/0/symptoms/0/severity", 2.5), "/patients/0/symptoms/0/severity", "whole number"),
    (_set("/patients/0/observations/0/value", True), "/patients/0/observations/0/value", "not"),
    (_set("/patients/0/renal_impairment", "bad"), "/patients/0/renal_impairment", "not one of"),
    # schema: formats
    (_set("/patients/0/doses/0/scheduled", "30/09/2026 08:00"), "/patients/0/doses/0/scheduled", "not a date-time"),
    (_set("/patients/0/birth_date", "1970-02-30"), "/patients/0/birth_date", "not a date"),
    (_set("/patients/0/medications/0/regimens/0/times", ["8am"]), "/patients/0/medications/0/regimens/0/times/0",
     "time of day"),
    (_set("/patients/0/medications/0/regimens/0/start", "2026-9-1"), "/patients/0/medications/0/regimens/0/start",
     "not a date"),
    # meaning
    (_set("/timezone", "America/Springfield"), "/timezone", "not a known time zone"),
    (_set("/patients/0/doses/0/medication", "nope"), "/patients/0/doses/0/medication", "not the id"),
    (_set("/patients/0/doses/0/amount", {"value": 5, "unit": "mL"}), "/patients/0/doses/0/amount", "cannot convert"),
    (_set("/patients/0/doses/0/amount", {"value": 1001, "unit": "tablet"}), "/patients/0/doses/0/amount", "30 tablets"),
    (_set("/patients/0/doses/0/given", "2026-10-03T08:00"), "/patients/0/doses/0/given", "future"),
    (_set("/patients/0/doses/1/scheduled", None), "/patients/0/doses/1", "scheduled or a given time"),
    (_set("/patients/0/symptoms/0/symptom", "hiccups"), "/patients/0/symptoms/0/symptom", "symptom catalog"),
    (_set("/patients/0/observations/0/value", 52), "/patients/0/observations/0/value", "outside 25-45"),
    (_set("/patients/0/observations/1/value", "2+"), "/patients/0/observations/1/value", "Ashworth"),
    (_set("/patients/0/medications/1/id", "bac"), "/patients/0/medications/1/id", "two medicines"),
    (_set("/patients/0/medications/0/regimens/0/end", "2026-08-01"), "/patients/0/medications/0/regimens/0/end",
     "before it starts"),
    (_set("/patients/0/medications/0/regimens/0/dose", {"value": 2, "unit": "mL"}),
     "/patients/0/medications/0/regimens/0/dose", "cannot convert"),
    (_delete("/patients/0/medications/0/regimens/0/dose"), "/patients/0/medications/0/regimens/0/dose", "missing"),
    (_delete("/patients/0/observations/0/value"), "/patients/0/observations/0/value", "missing"),
    (_set("/patients/0/notes_log/0/at", "9999-12-31T23:59:59"), "/patients/0/notes_log/0/at", "not a plausible time"),
    (_set("/patients/0/symptoms/0/at", "0001-01-01T00:00+05:00"), "/patients/0/symptoms/0/at", "not a plausible time"),
    (_set("/patients/0/pump_events", [{"at": "2026-09-30T10:00"}]), "/patients/0/pump_events/0/kind", "missing"),
]


@pytest.mark.parametrize(("change", "where", "words"), ERROR_CASES, ids=[c[1] + ":" + c[2] for c in ERROR_CASES])
def test_each_kind_of_bad_document_is_refused_naming_the_record(
    journal: Any, change: Any, where: str, words: str
) -> None:
    doc = minimal_document()
    change(doc)
    message = import_error(journal, doc)
    assert message.startswith(where + ": "), message
    assert words in message, message
    assert journal.list_patients() == []  # all or nothing


def test_a_bad_record_late_in_the_document_leaves_the_journal_exactly_as_it_was(journal: Any) -> None:
    journal.import_document(minimal_document())
    before = journal.export_document()
    doc = minimal_document(name="Alex Shaw")
    doc["patients"].insert(0, copy.deepcopy(doc["patients"][0]))
    doc["patients"][0]["name"], doc["patients"][0]["id"] = "Jo Shaw", "p0"
    doc["patients"][1]["notes_log"].append({"at": "2026-09-31T10:00", "text": "typo in the date"})
    assert import_error(journal, doc).startswith("/patients/1/notes_log/1/at:")
    assert journal.export_document() == before


def test_reimporting_the_same_document_adds_nothing(journal: Any) -> None:
    first = journal.import_document(minimal_document())
    again = journal.import_document(minimal_document())
    assert first.added == 11
    assert again.added == 0 and again.already_there == 11
    assert "Nothing new" in again.describe()


def test_reimport_adds_only_what_is_new(journal: Any) -> None:
    journal.import_document(minimal_document())
    doc = minimal_document()
    doc["patients"][0]["doses"].append(
        {"medication": "bac", "scheduled": "2026-09-30T20:00", "given": "2026-09-30T20:05", "status": "taken"})
    doc["patients"][0]["medications"][0]["regimens"].append(
        {"start": "2026-10-01", "dose": {"value": 15, "unit": "mg"}, "times": ["08:00", "20:00"]})
    summary = journal.import_document(doc)
    assert (summary.doses, summary.regimens, summary.patients, summary.medications) == (1, 1, 0, 0)


def test_two_identical_entries_in_a_document_are_both_kept(journal: Any) -> None:
    doc = minimal_document()
    doc["patients"][0]["doses"].append(copy.deepcopy(doc["patients"][0]["doses"][0]))  # a double dose
    assert journal.import_document(doc).doses == 4
    assert journal.import_document(doc).doses == 0


def test_times_without_offset_are_read_in_the_document_zone(journal: Any) -> None:
    doc = minimal_document()
    doc["timezone"] = "Europe/London"
    journal.import_document(doc)
    exported = journal.export_document()
    # the journal was already in America/Chicago: 08:10 in London is 02:10 in Chicago
    assert exported["patients"][0]["doses"][0]["given"] == "2026-09-30T02:10:00-05:00"


def test_export_writes_offsets_and_whole_numbers(journal: Any) -> None:
    journal.import_document(minimal_document())
    out = journal.export_document()
    assert out["format"] == "caregiver-medication-journal" and out["version"] == 1
    assert out["timezone"] == "America/Chicago"
    d0 = out["patients"][0]["doses"][0]
    assert d0 == {"medication": "m1", "scheduled": "2026-09-30T08:00:00-05:00", "given": "2026-09-30T08:10:00-05:00",
                  "amount": {"value": 1, "unit": "tablet"}, "status": "taken", "by": "Sam", "note": ""}
    assert out["patients"][0]["medications"][1]["strength"] == {"value": 1, "unit": "mg",
                                                                "per": {"value": 1, "unit": "mL"}}
    assert list(reference_validator().iter_errors(out)) == []


def test_export_import_export_is_identical(journal: Any, tmp_path: Path, clock: Any) -> None:
    from journal.services.journal import Journal

    journal.import_document(minimal_document())
    first = journal.export_document()
    other = Journal.open(tmp_path / "other.sqlite3", clock)
    other.import_document(json.loads(json.dumps(first)))
    assert other.export_document() == first
    other.close()


def test_export_of_one_person(journal: Any) -> None:
    doc = minimal_document()
    second = copy.deepcopy(doc["patients"][0])
    second["name"], second["id"] = "Alex Shaw", "p2"
    doc["patients"].append(second)
    journal.import_document(doc)
    out = journal.export_document("alex shaw")
    assert [p["name"] for p in out["patients"]] == ["Alex Shaw"]
    assert out["patients"][0]["doses"][0]["medication"] == out["patients"][0]["medications"][0]["id"]


def test_removed_entries_are_not_exported(journal: Any) -> None:
    journal.import_document(minimal_document())
    pid = journal.find_patient("Robin").id
    first = journal.history(pid, NOW - timedelta(days=3), NOW).doses[0]
    journal.remove("dose", first.id, by="Sam", reason="duplicate")
    assert len(journal.export_document()["patients"][0]["doses"]) == 2


def test_csv_export_writes_one_readable_file_per_table(journal: Any, tmp_path: Path) -> None:
    doc = minimal_document()
    doc["patients"][0]["notes"] = "Allergic to penicillin; café au lait"
    journal.import_document(doc)
    files = journal.export_csv(tmp_path / "csv")
    assert {f.name for f in files} >= {"doses.csv", "symptoms.csv", "observations.csv", "pump_events.csv",
                                       "regimens.csv"}
    with (tmp_path / "csv" / "doses.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["medicine"] == "Baclofen 10 mg tablets"
    assert (rows[0]["given"], rows[0]["amount_mg"], rows[0]["status"]) == ("2026-09-30 08:10", "10", "taken")
    with (tmp_path / "csv" / "patients.csv").open(encoding="utf-8-sig", newline="") as f:
        assert "café au lait" in f.read()


def test_fast_validation_agrees_with_jsonschema_on_the_cases() -> None:
    validator = reference_validator()
    ok = minimal_document()
    validate_schema(ok)
    assert list(validator.iter_errors(ok)) == []
    for change, _where, _words in ERROR_CASES[:18]:  # the schema-level cases
        doc = minimal_document()
        change(doc)
        with pytest.raises(ValidationError):
            validate_schema(doc)
        assert list(validator.iter_errors(doc)), "jsonschema should refuse it too"


def test_empty_document_and_wrong_top_level(journal: Any) -> None:
    assert journal.import_document({"format": "caregiver-medication-journal", "version": 1, "patients": []}).added == 0
    assert import_error(journal, [1, 2]).startswith("/: ")
    assert journal.import_document({"format": "caregiver-medication-journal", "version": 1}).added == 0
    assert import_error(journal, {"format": "caregiver-medication-journal"}) == "/version: is required but missing"


def test_a_dose_without_status_is_taken_when_given_else_missed(journal: Any) -> None:
    doc = minimal_document()
    for d in doc["patients"][0]["doses"]:
        del d["status"]
    journal.import_document(doc)
    assert [d["status"] for d in journal.export_document()["patients"][0]["doses"]] == ["taken", "missed", "taken"]


def test_export_leaves_out_absent_values_the_format_gives_no_null(journal: Any) -> None:
    doc = minimal_document()
    doc["patients"][0]["pump_events"] = [{"at": "2026-09-30T10:00", "kind": "alarm", "note": "low reservoir"}]
    del doc["patients"][0]["symptoms"][0]["severity"]
    journal.import_document(doc)
    person = journal.export_document()["patients"][0]
    assert person["pump_events"] == [{"at": "2026-09-30T10:00:00-05:00", "kind": "alarm", "note": "low reservoir"}]
    assert "severity" not in person["symptoms"][0] and person["symptoms"][0]["duration_minutes"] is None
    assert "value2" not in person["observations"][0]


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_not_a_number_amounts_are_refused_naming_the_record(journal: Any, bad: float) -> None:
    doc = json.loads(json.dumps(minimal_document()))
    doc["patients"][0]["doses"][0]["amount"]["value"] = bad  # json.loads accepts NaN and Infinity
    assert import_error(journal, doc).startswith("/patients/0/doses/0/amount/value: ")
    assert journal.list_patients() == []


@pytest.mark.parametrize(("strength", "where"), [
    ({"value": 5, "unit": "mg", "per": {"value": 0, "unit": "mL"}}, "/patients/0/medications/1/strength/per/value"),
    ({"value": 0, "unit": "mg", "per": {"value": 5, "unit": "mL"}}, "/patients/0/medications/1/strength/value"),
])
def test_a_strength_of_or_per_nothing_is_refused(journal: Any, strength: dict[str, Any], where: str) -> None:
    doc = minimal_document()
    doc["patients"][0]["medications"][1]["strength"] = strength
    assert import_error(journal, doc).startswith(where + ": ")


def test_naive_times_across_daylight_saving_changes(journal: Any) -> None:
    doc = minimal_document()
    doc["patients"][0]["notes_log"] = [
        {"at": "2026-03-08T02:30", "text": "spring forward: 02:30 does not exist in Chicago"},
        {"at": "2026-11-01T01:30", "text": "fall back: the first 01:30"},
        {"at": "2026-11-01T01:30-06:00", "text": "fall back: the second 01:30"},
    ]
    journal.import_document(doc)
    notes = journal.export_document()["patients"][0]["notes_log"]
    assert [n["at"] for n in notes] == [
        "2026-03-08T03:30:00-05:00",  # read as 02:30 standard time, which is 03:30 daylight time
        "2026-11-01T01:30:00-05:00",
        "2026-11-01T01:30:00-06:00",
    ]


def test_export_rows_are_the_stored_values_of_the_records_series_reads(journal: Any) -> None:
    """The export reads its bulk (doses, symptoms, readings) as raw rows (issue 17): the same values,
    in the same order, as the records read the usual way, removed ones left out, on both engines."""
    from journal.domain import Dose, DoseStatus
    from journal.storage.models import to_db_text
    from journal.storage.repository import DOSE_EXPORT_COLUMNS

    journal.import_document(minimal_document())
    robin = journal.find_patient("Robin Shaw")
    med = journal.list_medications(robin.id)[0]
    extra = journal.log_dose(robin.id, Dose(med.id, DoseStatus.TAKEN, given=NOW - timedelta(hours=1), by='A "quoted" name'))
    journal.remove("dose", extra.record_id, by="Ana", reason="logged twice")
    with journal.store.read() as tx:
        doses = tx.series("dose", robin.id)
        assert tx.dose_export_rows(robin.id) == [
            (d.medication_id, d.scheduled and to_db_text(d.scheduled), d.given and to_db_text(d.given),
             d.amount and d.amount.value, d.amount and d.amount.unit.value, d.status.value, d.by, d.note) for d in doses]
        assert len(doses) == 3  # the removed one left out
        symptoms = [(to_db_text(s.at), s.symptom, s.severity, s.note) for s in tx.series("symptom", robin.id)]
        assert tx.export_rows("symptom", robin.id, ("at", "symptom", "severity", "note")) == symptoms
        readings = [(o.kind.value, o.value, o.value2) for o in tx.series("observation", robin.id)]
        got = tx.export_rows("observation", robin.id, ("kind", "value_text", "value_number", "value2"))
        assert [(kind, text if text is not None else number, v2) for kind, text, number, v2 in got] == readings
        assert len(DOSE_EXPORT_COLUMNS) == 8
        with pytest.raises(KeyError):
            tx.export_rows("symptom", robin.id, ("at", "no_such_column"))
