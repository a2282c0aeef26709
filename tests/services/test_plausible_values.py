"""Values that would break the report or switch a check off are refused on every path (import, the
service the window calls, the command line), by the same validators (journal/services/validation.py),
naming the field; the journal is unchanged. Each bound is tested on both sides."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import (
    FixedClock,
    Patient,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Regimen,
    SymptomEntry,
    Unit,
)
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from journal.services.validation import MAX_EVERY_DAYS
from tests.services.support import table_dump, valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
BASE = valid_document(days=2, start="2026-11-20")
BASE["patients"][0]["pump_events"] = [{
    "at": "2026-11-20T15:00", "kind": "refill", "volume_ml": 20, "concentration_mcg_per_ml": 2000,
    "daily_dose_mcg": 400, "reservoir_ml": 20, "low_alarm_ml": 2, "next_refill_due": "2027-01-20", "note": "",
}]


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    j = Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW))
    j.import_document(copy.deepcopy(BASE))
    yield j
    j.close()


def _with(where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["patients"][0]["name"] = "Other Person"
    node = doc["patients"][0]
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = value
    return doc


REFUSED = [
    (("medications", 0, "regimens", 0, "end"), "9999-12-31"),
    (("medications", 0, "regimens", 0, "start"), "0001-01-01"),
    (("medications", 0, "regimens", 0, "every_days"), MAX_EVERY_DAYS + 1),
    (("medications", 0, "regimens", 0, "every_days"), 100000),
    (("symptoms", 0, "at"), "2126-11-20T09:30"),  # a seizure dated a century ahead
    (("symptoms", 0, "at"), "2026-11-24T12:01Z"),  # just over a day ahead
    (("symptoms", 0, "at"), "1850-01-01T09:30"),
    (("symptoms", 0, "duration_minutes"), 10**9),
    (("observations", 0, "at"), "2126-01-01T09:00"),
    (("birth_date",), "2999-01-01"),
    (("birth_date",), "2026-11-24"),
    (("birth_date",), "1890-01-01"),
    (("pump_events", 0, "at"), "2126-01-01T09:00"),
    (("pump_events", 0, "concentration_mcg_per_ml"), 0),
    (("pump_events", 0, "concentration_mcg_per_ml"), 20000),  # a typed extra zero
    (("pump_events", 0, "volume_ml"), 0),
    (("pump_events", 0, "volume_ml"), 200),
    (("pump_events", 0, "volume_ml"), -20),
    (("pump_events", 0, "daily_dose_mcg"), 0),
    (("pump_events", 0, "low_alarm_ml"), -1),
    (("pump_events", 0, "next_refill_due"), "2126-01-20"),
    (("pump_events", 0, "next_refill_due"), "2027-11-22"),
]


@pytest.mark.parametrize("where, value", REFUSED)
def test_import_refuses_an_implausible_value_naming_it(journal: Journal, where: tuple[Any, ...], value: Any) -> None:
    before = table_dump(journal.path)
    with pytest.raises(ValidationError) as refused:
        journal.import_document(_with(where, value))
    assert refused.value.field == "/patients/0/" + "/".join(map(str, where))
    assert table_dump(journal.path) == before


ACCEPTED = [
    (("medications", 0, "regimens", 0, "every_days"), MAX_EVERY_DAYS),
    (("medications", 0, "regimens", 0, "end"), "2200-12-31"),
    (("symptoms", 0, "at"), "2026-11-24T11:59Z"),  # within a day: a clock a little ahead
    (("birth_date",), "2026-11-23"),
    (("birth_date",), "1900-01-01"),
    (("pump_events", 0, "concentration_mcg_per_ml"), 5000),
    (("pump_events", 0, "volume_ml"), 40),
    (("pump_events", 0, "next_refill_due"), "2027-11-21"),
]


@pytest.mark.parametrize("where, value", ACCEPTED)
def test_import_accepts_the_edge_of_each_bound(journal: Journal, where: tuple[Any, ...], value: Any) -> None:
    assert journal.import_document(_with(where, value)).added > 0


def test_a_dose_change_to_nothing_is_still_recorded(journal: Journal) -> None:
    """0 mcg a day on a dose change is a real programme (the pump was stopped): only a refill's
    daily dose must be more than 0."""
    pid = journal.find_patient("Robin Shaw").id
    journal.log_pump_event(pid, PumpEvent(at=NOW, kind=PumpEventKind.DOSE_CHANGE, daily_dose_mcg=0))


def test_the_service_the_window_uses_applies_the_same_bounds(journal: Journal) -> None:
    pid = journal.find_patient("Robin Shaw").id
    med = journal.list_medications(pid)[0]
    before = table_dump(journal.path)
    with pytest.raises(ValidationError) as refused:
        journal.change_regimen(med.id, Regimen(start=date(2026, 11, 24), end=date(9999, 12, 31),
                                               dose=Quantity(10, Unit.MG), times=[time(8)]))
    assert refused.value.field == "regimens/0/end"
    with pytest.raises(ValidationError) as refused:
        journal.change_regimen(med.id, Regimen(start=date(2026, 11, 24), dose=Quantity(10, Unit.MG),
                                               times=[time(8)], every_days=1000))
    assert refused.value.field == "regimens/0/every_days"
    with pytest.raises(ValidationError) as refused:
        journal.add_patient(Patient(name="Future Child", birth_date=date(2999, 1, 1)))
    assert refused.value.field == "birth_date"
    with pytest.raises(ValidationError) as refused:
        journal.log_symptom(pid, SymptomEntry(at=datetime(2126, 1, 1, tzinfo=UTC), symptom="seizure"))
    assert refused.value.field == "at"
    with pytest.raises(ValidationError) as refused:
        journal.log_pump_event(pid, PumpEvent(at=NOW, kind=PumpEventKind.REFILL, volume_ml=20,
                                              concentration_mcg_per_ml=0, daily_dose_mcg=400))
    assert refused.value.field == "concentration_mcg_per_ml"
    assert table_dump(journal.path) == before


@pytest.mark.parametrize("argv, named", [
    (["check", "--at", "9999-12-31T23:00"], "--at"),
    (["check", "--at", "0001-01-01T00:00"], "--at"),
    (["log-symptom", "--patient", "Robin Shaw", "--symptom", "seizure", "--at", "2126-01-01T08:00"], "--at"),
    (["report", "--patient", "Robin Shaw", "--from", "0001-01-01", "--out", "r.pdf"], "--from"),
    (["report", "--patient", "Robin Shaw", "--to", "9999-12-31", "--out", "r.pdf"], "--to"),
])
def test_the_command_line_applies_the_same_bounds(journal: Journal, tmp_path: Path, capsys: Any,
                                                  argv: list[str], named: str) -> None:
    journal.close()
    before = table_dump(journal.path)
    code = app.main(["--db", str(journal.path), *argv], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 2, err
    assert f": {named}:" in err
    assert table_dump(journal.path) == before
