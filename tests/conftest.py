import os; os.environ["QT_QPA_PLATFORM"] = "offscreen"  # noqa: E702 - first, before anything imports Qt
import tempfile; os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cj-config-")  # noqa: E702 - never the tester's autostart
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="cj-state-")  # the log file, likewise
# ruff: noqa: E402, I001
# Shared fixtures: a clock that stands still, and a fresh journal file per test.

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock, Medication, Patient, Quantity, Regimen, Unit

TZ_NAME = "America/Chicago"
TZ = ZoneInfo(TZ_NAME)
# A fixed "now" for every test: 1 October 2026, noon in Chicago.
NOW = datetime(2026, 10, 1, 12, 0, tzinfo=TZ)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture(scope="session")
def _empty_journal_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated journal file, copied for each test (migrating each time is slow)."""
    from journal.domain import FixedClock as Clock
    from journal.services.journal import Journal

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    j = Journal.open(path, Clock(NOW))
    settings = j.get_settings()
    settings.timezone = TZ_NAME
    j.save_settings(settings)
    j.close()
    return path


@pytest.fixture
def journal(journal_path: Path, clock: FixedClock, _empty_journal_file: Path) -> Iterator[Any]:
    """A new, empty journal in a temporary folder, its time zone set to America/Chicago."""
    from journal.services.journal import Journal
    from journal.storage.backups import backup_file

    backup_file(_empty_journal_file, journal_path)
    j = Journal.open(journal_path, clock)
    yield j
    j.close()


@pytest.fixture
def robin(journal: Any) -> tuple[int, int]:
    """A person on baclofen 10 mg tablets three times a day: (patient_id, medication_id)."""
    pid = journal.add_patient(Patient("Robin Shaw", birth_date=date(1970, 5, 4))).record_id
    med = Medication(
        "Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(1, Unit.TABLET),
                          times=[time(8), time(14), time(20)])],
    )
    mid = journal.add_medication(pid, med).record_id
    return pid, mid


def minimal_document(**patient: Any) -> dict[str, Any]:
    """A small valid exchange-format document; keyword arguments replace patient fields."""
    person: dict[str, Any] = {
        "id": "p1",
        "name": "Robin Shaw",
        "birth_date": "1970-05-04",
        "medications": [
            {"id": "bac", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral",
             "form": "tablet", "strength": {"value": 10, "unit": "mg"},
             "regimens": [{"start": "2026-09-01", "dose": {"value": 1, "unit": "tablet"},
                           "times": ["08:00", "14:00", "20:00"]}]},
            {"id": "liq", "name": "Baclofen oral solution 1 mg/mL", "drug": "baclofen", "route": "oral",
             "form": "solution", "strength": {"value": 1, "unit": "mg", "per": {"value": 1, "unit": "mL"}},
             "as_needed": True},
        ],
        "doses": [
            {"medication": "bac", "scheduled": "2026-09-30T08:00", "given": "2026-09-30T08:10",
             "amount": {"value": 1, "unit": "tablet"}, "status": "taken", "by": "Sam"},
            {"medication": "bac", "scheduled": "2026-09-30T14:00", "given": None, "status": "skipped"},
            {"medication": "liq", "scheduled": None, "given": "2026-09-30T16:00",
             "amount": {"value": 5, "unit": "mL"}, "status": "taken"},
        ],
        "symptoms": [{"at": "2026-09-30T09:00", "symptom": "drowsiness", "severity": 3}],
        "observations": [
            {"at": "2026-09-30T09:05", "kind": "temperature", "value": 37.2},
            {"at": "2026-09-30T09:06", "kind": "modified-ashworth", "value": "1+", "body_part": "left elbow"},
        ],
        "pump_events": [],
        "notes_log": [{"at": "2026-09-30T21:00", "text": "Slept well."}],
    }
    person.update(patient)
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": TZ_NAME, "patients": [person]}
