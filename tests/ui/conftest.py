"""Shared fixtures for the window tests: a real temporary journal, a fixed clock, and real widgets.

The window tests in this folder get these fixtures from pytest; a few tests elsewhere import them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import date, datetime, time  # noqa: E402
from pathlib import Path  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import pytest  # noqa: E402

from journal.domain import (  # noqa: E402
    Dose,
    DoseStatus,
    FixedClock,
    Form,
    Medication,
    Patient,
    Quantity,
    Regimen,
    Unit,
)

TZ = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=TZ)  # a Monday afternoon
TABLETS = "Baclofen 10 mg tablets"
LIQUID = "Baclofen oral solution"
PRN = "Paracetamol"


def at(hh: int, mm: int = 0, day: date | None = None) -> datetime:
    day = day or NOW.date()
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=TZ)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def empty_journal(tmp_path: Path, clock: FixedClock) -> Iterator[object]:
    from journal.services.journal import Journal

    j = Journal.open(tmp_path / "journal.sqlite3", clock)
    s = j.get_settings()
    s.timezone = "America/Chicago"
    j.save_settings(s)
    yield j
    j.close()


@pytest.fixture
def journal(empty_journal: object) -> object:
    """Robin, on baclofen tablets 10 mg at 08:00, 14:00, 20:00 since October (08:00 given today),
    a 5 mg/5 mL liquid at 22:00 and an as-needed painkiller."""
    j = empty_journal
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id  # type: ignore[attr-defined]
    j.add_medication(pid, Medication(  # type: ignore[attr-defined]
        name=TABLETS, drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(10, Unit.MG),
                          times=[time(8), time(14), time(20)])]))
    j.add_medication(pid, Medication(  # type: ignore[attr-defined]
        name=LIQUID, drug="baclofen", form=Form.SOLUTION, strength=Quantity(5, Unit.MG, Quantity(5, Unit.ML)),
        regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(5, Unit.MG), times=[time(22)])]))
    j.add_medication(pid, Medication(  # type: ignore[attr-defined]
        name=PRN, drug="paracetamol", strength=Quantity(500, Unit.MG), as_needed=True,
        regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(500, Unit.MG))]))
    tablets = j.find_medication(pid, TABLETS)  # type: ignore[attr-defined]
    j.log_dose(pid, Dose(medication_id=tablets.id, status=DoseStatus.TAKEN, scheduled=at(8),  # type: ignore[attr-defined]
                         given=at(8, 5), amount=Quantity(10, Unit.MG), by="Sam"))
    return j


@pytest.fixture
def session(journal: object, clock: FixedClock, qtbot: object) -> object:
    from journal.ui.shell.session import Session

    s = Session(journal, clock)
    s.set_patient(journal.list_patients()[0].id)  # type: ignore[attr-defined]
    return s


@pytest.fixture
def window(journal: object, clock: FixedClock, qtbot: object) -> object:
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, heartbeat_ms=20)
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    w.show()
    # everyone's checks at start run on a worker thread; the reminders start once they are in
    qtbot.waitUntil(lambda: w.reminders.started)  # type: ignore[attr-defined]
    return w


def patient_id(journal: object) -> int:
    return int(journal.list_patients()[0].id)  # type: ignore[attr-defined]


def med_id(journal: object, name: str) -> int:
    return int(journal.find_medication(patient_id(journal), name).id)  # type: ignore[attr-defined]


from tests.conftest import no_blocking_dialogs  # noqa: E402,F401 - the guard lives in the top conftest; modules import it from here
