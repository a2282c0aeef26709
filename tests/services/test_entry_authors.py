"""Who recorded an entry: every write that is told "by" keeps it with the entry (as doses always
did), and with no "by" the journal's caregiver is named, so a family sharing care can see who
logged a symptom, a reading, a pump refill, a note or a stock count."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from journal.domain import (
    FixedClock,
    Note,
    Observation,
    ObservationKind,
    PumpEvent,
    PumpEventKind,
    Quantity,
    StockEvent,
    StockKind,
    SymptomEntry,
    Unit,
)
from tests.conftest import NOW

EARLIER = NOW - timedelta(hours=1)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"


def _set_caregiver(journal: Any, name: str) -> None:
    journal.save_settings(dataclasses.replace(journal.get_settings(), caregiver_name=name))


def test_a_symptom_keeps_who_logged_it(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    out = journal.log_symptom(pid, SymptomEntry(at=EARLIER, symptom="muscle-twitching", severity=2), by="Ana")
    assert journal.get_record("symptom", out.record_id).by == "Ana"
    history = journal.history(pid, EARLIER - timedelta(hours=1), NOW)
    assert [s.by for s in history.symptoms] == ["Ana"]


def test_a_reading_keeps_who_took_it(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    out = journal.log_observation(pid, Observation(at=EARLIER, kind=ObservationKind.TEMPERATURE, value=37.2),
                                  by="Ben")
    assert journal.get_record("observation", out.record_id).by == "Ben"


def test_a_pump_event_keeps_who_recorded_it(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    out = journal.log_pump_event(pid, PumpEvent(at=EARLIER, kind=PumpEventKind.ALARM, note="low reservoir beep"),
                                 by="Ana")
    assert journal.get_record("pump_event", out.record_id).by == "Ana"


def test_a_note_keeps_who_wrote_it(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    out = journal.add_note(pid, Note(at=EARLIER, text="slept badly"), by="Ben")
    assert journal.get_record("note", out.record_id).by == "Ben"


def test_a_stock_count_keeps_who_counted(journal: Any, robin: tuple[int, int]) -> None:
    _, mid = robin
    out = journal.record_stock(mid, StockEvent(at=EARLIER, kind=StockKind.COUNTED, amount=Quantity(40, Unit.TABLET)),
                               by="Ana")
    assert journal.get_record("stock_event", out.record_id).by == "Ana"
    assert [e.by for e in journal.get_medication(mid).stock] == ["Ana"]


def test_without_by_the_caregiver_of_the_settings_is_named(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    _set_caregiver(journal, "Sam")
    ids = {
        "symptom": journal.log_symptom(pid, SymptomEntry(at=EARLIER, symptom="muscle-twitching")).record_id,
        "observation": journal.log_observation(
            pid, Observation(at=EARLIER, kind=ObservationKind.TEMPERATURE, value=37.0)).record_id,
        "pump_event": journal.log_pump_event(pid, PumpEvent(at=EARLIER, kind=PumpEventKind.ALARM)).record_id,
        "note": journal.add_note(pid, Note(at=EARLIER, text="calm day")).record_id,
        "stock_event": journal.record_stock(
            mid, StockEvent(at=EARLIER, kind=StockKind.RECEIVED, amount=Quantity(30, Unit.TABLET))).record_id,
    }
    assert {entity: journal.get_record(entity, i).by for entity, i in ids.items()} == dict.fromkeys(ids, "Sam")


def test_a_journal_from_before_keeps_its_entries_and_names_new_ones(tmp_path: Path) -> None:
    from journal.services.journal import Journal

    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "0003_slot_claims.sqlite3", path)
    j = Journal.open(path, FixedClock(datetime.fromisoformat("2026-11-23T12:00:00+00:00")))
    try:
        kim = j.find_patient("Kim Shaw")
        before = j.history(kim.id, datetime.fromisoformat("2026-09-01T00:00:00+00:00"), j.now())
        assert before.notes and {n.by for n in before.notes} == {""}  # nobody was recorded then
        out = j.add_note(kim.id, Note(at=j.now() - timedelta(minutes=5), text="after the upgrade"), by="Ana")
        assert j.get_record("note", out.record_id).by == "Ana"
    finally:
        j.close()
