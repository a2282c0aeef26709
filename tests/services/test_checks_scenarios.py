"""Safety review scenarios through a real journal file and the service (as the window and the
`check` command use them): daylight-saving nights with a 02:30 / 01:30 dose, and two products of
one drug."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    FixedClock,
    Form,
    Medication,
    Patient,
    Quantity,
    Regimen,
    Severity,
    Unit,
)
from journal.schedule import expand
from journal.services import checks
from tests.conftest import TZ


def night_dose_person(journal: Any, night: time) -> tuple[int, int]:
    pid = journal.add_patient(Patient("Robin Shaw", birth_date=date(1970, 5, 4))).record_id
    med = Medication("Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
                     regimens=[Regimen(start=date(2026, 1, 1), dose=Quantity(1, Unit.TABLET),
                                       times=[night, time(8), time(14), time(20)])])
    return pid, journal.add_medication(pid, med).record_id


@pytest.mark.parametrize(("day", "night"), [(date(2026, 3, 8), time(2, 30)), (date(2026, 11, 1), time(1, 30))],
                         ids=["spring-forward-0230", "fall-back-0130"])
@pytest.mark.parametrize("pick_slot", [True, False], ids=["slot-picked", "logged-by-clock"])
def test_dst_night_adherent_gives_no_alert_at_any_hour(journal: Any, clock: FixedClock, day: date, night: time,
                                                       pick_slot: bool) -> None:
    clock.set(datetime.combine(day + timedelta(days=2), time(12), tzinfo=TZ))
    pid, mid = night_dose_person(journal, night)
    start = datetime.combine(day - timedelta(days=9), time(0), tzinfo=TZ)
    for s in expand(journal.get_medication(mid), TZ, start, start + timedelta(days=12)):
        journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=s.at if pick_slot else None,
                                   given=s.at + timedelta(minutes=10)))
    t = datetime.combine(day, time(0), tzinfo=TZ)
    while t < datetime.combine(day + timedelta(days=1), time(12), tzinfo=TZ):
        assert checks.run(journal, t) == [], t.isoformat()
        t += timedelta(minutes=30)


@pytest.mark.parametrize(("day", "night"), [(date(2026, 3, 8), time(2, 30)), (date(2026, 11, 1), time(1, 30))],
                         ids=["spring-forward-0230", "fall-back-0130"])
def test_dst_night_dose_not_given_is_reported_two_hours_after_it(journal: Any, clock: FixedClock, day: date,
                                                                 night: time) -> None:
    clock.set(datetime.combine(day + timedelta(days=2), time(12), tzinfo=TZ))
    pid, mid = night_dose_person(journal, night)
    start = datetime.combine(day - timedelta(days=9), time(0), tzinfo=TZ)
    slots = expand(journal.get_medication(mid), TZ, start, start + timedelta(days=12))
    [skipped] = [s for s in slots if s.at.date() == day and s.wall_time == night]
    for s in slots:
        if s is not skipped:
            journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=s.at, given=s.at + timedelta(minutes=10)))
    # 02:30 does not exist on the spring night: the slot is 03:30 CDT. 01:30 happens twice in the
    # autumn: the slot is the first one (CDT). Either way: quiet up to 2 h after it, reported after.
    real = skipped.at.astimezone(UTC)  # elapsed time, not wall-clock arithmetic across the change
    assert checks.run(journal, real + timedelta(hours=1, minutes=59)) == []
    [a] = checks.run(journal, real + timedelta(hours=2, minutes=1))
    assert a.rule == "missed-dose" and a.severity is Severity.WARNING
    assert skipped.at.strftime("%Y-%m-%d %H:%M") in a.evidence[0]


def test_double_dose_across_products_through_the_service(journal: Any, robin: tuple[int, int]) -> None:
    """A tablet at 08:05 and 10 mL of a 1 mg/mL solution at 08:30 for the same person: the dose
    logged second returns the double-dose alert naming both products."""
    pid, mid = robin
    sol = Medication("Ozobax 1 mg/mL solution", form=Form.SOLUTION, drug="baclofen",
                     strength=Quantity(1, Unit.MG, Quantity(1, Unit.ML)),
                     regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(10, Unit.ML), times=[time(14), time(22)])])
    sid = journal.add_medication(pid, sol).record_id
    now = datetime(2026, 10, 1, 12, 0, tzinfo=TZ)
    for m in (mid, sid):
        for s in expand(journal.get_medication(m), TZ, now - timedelta(days=9), now):
            journal.log_dose(pid, Dose(m, DoseStatus.TAKEN, scheduled=s.at, given=s.at + timedelta(minutes=5)))
    assert checks.run(journal, now) == []
    out = journal.log_dose(pid, Dose(sid, DoseStatus.TAKEN, given=datetime(2026, 10, 1, 8, 30, tzinfo=TZ),
                                     amount=Quantity(10, Unit.ML), by="aide"))
    [a] = [x for x in out.alerts if x.rule == "double-dose"]
    assert a.patient == "Robin Shaw" and a.medication == "Ozobax 1 mg/mL solution"
    assert "Baclofen 10 mg tablets given 2026-10-01 08:05" in a.evidence[0] and "(by aide)" in a.evidence[0]
