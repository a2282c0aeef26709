"""A pump's planned amounts follow its logged events, so what the report's runs share about them is
shared only while the very same pump events are in view (issue 17, `CheckContext.pump_events_key`):
a dose cut logged as a pump event in the middle of the period is still found, and the report lists
exactly the alerts of every check run at every instant."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from journal.services import reports
from tests.reports.test_period_alerts import (
    NOW,
    _at,
    _days,
    _inputs,
    _reg,
    _words,
    imported_journal,
    replay_every_instant,
)


def pump_cut_doc() -> dict[str, Any]:
    events = [
        {"at": _at(date(2026, 8, 15), 10), "kind": "refill", "volume_ml": 20, "concentration_mcg_per_ml": 2000,
         "daily_dose_mcg": 400, "reservoir_ml": 20, "low_alarm_ml": 2, "next_refill_due": "2026-11-14",
         "note": "routine refill"},
        {"at": _at(date(2026, 9, 20), 10), "kind": "dose-change", "daily_dose_mcg": 100, "note": "clinic cut"},
        {"at": _at(date(2026, 9, 27), 10), "kind": "dose-change", "daily_dose_mcg": 400, "note": "back up"},
    ]
    doses = [{"medication": "mel", "scheduled": _at(day, 21), "given": _at(day, 21, 5),
              "amount": {"value": 3, "unit": "mg"}, "status": "taken", "by": "Mom"}
             for day in _days(date(2026, 6, 1), date(2026, 10, 10))]
    person = {
        "id": "p1", "name": "Ada Moss", "birth_date": "2012-02-02", "renal_impairment": "none",
        "conditions": ["cerebral palsy"], "notes": "",
        "medications": [
            {"id": "itb", "name": "Intrathecal baclofen (pump)", "drug": "baclofen", "route": "intrathecal",
             "form": "pump", "strength": {"value": 2000, "unit": "mcg", "per": {"value": 1, "unit": "mL"}},
             "as_needed": False, "regimens": [_reg("2026-06-01", None, 400, "mcg", [])]},
            {"id": "mel", "name": "Melatonin 3 mg tablets", "drug": "melatonin", "route": "oral", "form": "tablet",
             "strength": {"value": 3, "unit": "mg"}, "as_needed": False,
             "regimens": [_reg("2026-06-01", None, 3, "mg", ["21:00"])]},
        ],
        "doses": doses, "symptoms": [], "observations": [], "pump_events": events, "notes_log": [],
    }
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
            "patients": [person]}


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Any:
    j = imported_journal(tmp_path_factory.mktemp("pump-cut"), pump_cut_doc())
    yield j
    j.close()


def test_a_pump_cut_logged_as_an_event_mid_period_is_found_as_by_every_instant(journal: Any) -> None:
    start, end = date(2026, 9, 11), date(2026, 10, 10)
    full, start_at, end_at, extra = _inputs(journal, "Ada Moss", start, end)
    expected = replay_every_instant(full, start_at, end_at, extra)
    found = reports.alerts_in_period(full, start_at, end_at, NOW, extra_instants=extra)
    assert _words(found) == _words(expected)
    cut = [a for a in found if a.rule == "fast-taper"]
    assert cut and cut[0].since.date() == date(2026, 9, 20) and "100" in " ".join(cut[0].evidence)


def test_before_the_cut_the_same_period_has_no_taper(journal: Any) -> None:
    # The days before the event: the runs that shared the pump's amounts saw 400 mcg a day throughout.
    start, end = date(2026, 9, 1), date(2026, 9, 19)
    full, start_at, end_at, extra = _inputs(journal, "Ada Moss", start, end)
    found = reports.alerts_in_period(full, start_at, end_at, NOW, extra_instants=extra)
    assert _words(found) == _words(replay_every_instant(full, start_at, end_at, extra))
    assert "fast-taper" not in {a.rule for a in found}
