"""One history read serving several windows: a wide read cut down (`PatientHistory.narrowed`)
equals a read of the narrow window, and a stored dose added in memory (`history_with_dose`)
equals a read after the write. The window's operations rely on both to read once per click."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Regimen,
    StockEvent,
    StockKind,
    SymptomEntry,
    Unit,
)
from journal.rules.engine import LOOKBACK
from journal.services.checks import history_with_dose, preview_dose
from tests.conftest import NOW

DAY = timedelta(days=1)


@pytest.fixture
def busy(journal: Any) -> tuple[int, int, int]:
    """A person with 20 days of doses of a counted tablet, as-needed doses counted long ago (so the
    older ones come summed), symptoms, readings, notes and pump events of several kinds."""
    pid = journal.add_patient(Patient("Sam Reyes", birth_date=date(1980, 1, 2))).record_id
    tablets = journal.add_medication(pid, Medication(
        "Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(1, Unit.TABLET), times=[time(8), time(20)])],
        stock=[StockEvent(NOW - 20 * DAY, StockKind.COUNTED, Quantity(90, Unit.TABLET))])).record_id
    prn = journal.add_medication(pid, Medication(
        "Paracetamol", drug="paracetamol", strength=Quantity(500, Unit.MG), as_needed=True,
        regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(500, Unit.MG))],
        stock=[StockEvent(NOW - 30 * DAY, StockKind.COUNTED, Quantity(40, Unit.TABLET))])).record_id
    for days in range(20, 0, -1):
        day = NOW - days * DAY
        journal.log_dose(pid, Dose(tablets, DoseStatus.TAKEN, scheduled=day.replace(hour=8),
                                   given=day.replace(hour=8, minute=5), amount=Quantity(1, Unit.TABLET)))
        if days % 3 == 0:
            journal.log_dose(pid, Dose(prn, DoseStatus.TAKEN, given=day.replace(hour=13),
                                       amount=Quantity(500, Unit.MG)))
        if days % 4 == 0:
            journal.log_symptom(pid, SymptomEntry(day.replace(hour=10), "drowsiness", severity=2))
            journal.log_observation(pid, Observation(day.replace(hour=11), ObservationKind.TEMPERATURE, 37.1))
            journal.add_note(pid, Note(at=day.replace(hour=12), text=f"note {days}"))
    for at, kind in ((NOW - 25 * DAY, PumpEventKind.ALARM), (NOW - 12 * DAY, PumpEventKind.ALARM),
                     (NOW - 9 * DAY, PumpEventKind.ALARM), (NOW - 2 * DAY, PumpEventKind.ALARM)):
        journal.log_pump_event(pid, PumpEvent(at, kind, note="beeping"))
    return pid, tablets, prn


def test_a_wide_read_cut_to_the_checks_window_is_that_window_read(journal: Any, busy: tuple[int, int, int]) -> None:
    pid = busy[0]
    wide = journal.history(pid, NOW - 20 * DAY, NOW + 2 * DAY, stock_at=NOW)
    fresh = journal.history(pid, NOW - LOOKBACK, NOW)
    cut = wide.narrowed(NOW - LOOKBACK, NOW)
    assert cut == fresh
    # the case is not empty: summed and single stock doses, earlier pump alarms, entries cut off
    assert fresh.stock_given and fresh.stock_doses[busy[1]] and fresh.pump_events[0].at < fresh.start
    assert len(wide.doses) > len(cut.doses) and len(wide.notes) > len(cut.notes)


def test_any_window_inside_is_the_same_records_as_its_own_read(journal: Any, busy: tuple[int, int, int]) -> None:
    pid = busy[0]
    wide = journal.history(pid, NOW - 20 * DAY, NOW + 2 * DAY, stock_at=NOW)
    for start, end in ((NOW - 10 * DAY, NOW - 3 * DAY), (NOW - 1 * DAY, NOW + DAY), (NOW - 20 * DAY, NOW)):
        fresh = journal.history(pid, start, end, stock_at=NOW)
        assert wide.narrowed(start, end) == fresh, (start, end)


def test_a_window_outside_the_read_is_refused(journal: Any, busy: tuple[int, int, int]) -> None:
    wide = journal.history(busy[0], NOW - 5 * DAY, NOW)
    assert not wide.covers(NOW - 6 * DAY, NOW)
    with pytest.raises(ValueError, match="not inside"):
        wide.narrowed(NOW - 6 * DAY, NOW)


@pytest.mark.parametrize("which, status, given", [
    ("tablets", DoseStatus.TAKEN, NOW - timedelta(minutes=5)),  # counted tablet: stock doses grow
    ("prn", DoseStatus.TAKEN, NOW),  # as-needed counted long ago: last given changes
    ("tablets", DoseStatus.REFUSED, None),  # not given: only the doses of the window
    ("new", DoseStatus.TAKEN, NOW - 2 * DAY),  # the first dose of a medicine, back-filled
])
def test_a_stored_dose_added_in_memory_is_what_a_read_after_the_write_gives(
        journal: Any, busy: tuple[int, int, int], which: str, status: DoseStatus, given: datetime | None) -> None:
    pid, tablets, prn = busy
    mid = {"tablets": tablets, "prn": prn}.get(which)
    if mid is None:
        mid = journal.add_medication(pid, Medication(
            "Gabapentin", drug="gabapentin", strength=Quantity(100, Unit.MG),
            regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(100, Unit.MG), times=[time(9)])])).record_id
    start, end = NOW - 20 * DAY, NOW + 2 * DAY
    before = journal.history(pid, start, end, stock_at=NOW)
    dose = Dose(mid, status, scheduled=NOW.replace(hour=20) if given is None else None, given=given,
                amount=Quantity(1, Unit.TABLET) if which != "new" else Quantity(100, Unit.MG))
    ahead = preview_dose(journal, pid, dose, NOW, history=before)
    record_id = journal.log_dose(pid, dose).record_id
    in_memory = history_with_dose(before, replace(ahead.dose, id=record_id), stock_at=NOW)
    after = journal.history(pid, start, end, stock_at=NOW)
    assert in_memory == after
    assert in_memory != before
