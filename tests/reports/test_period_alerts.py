"""The report's alerts over a long period (issue 17): found without running every check at every
instant of the period, yet exactly the alerts that running them all finds.

The reference below is how the report found its alerts before: every safety check run at every
instant `check_instants` names, on the history as it stood then, each situation (alert key) kept
once at its most severe. The report must list the very same alerts, word for word, in the same
order, for a year and for 30 days, on journals where every kind of alert the report can show
happens (a taper, a rise, missed and double doses, a long gap, red-flag symptoms and readings, pump
refills and an alarm, as-needed doses over their limits, stock running low).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from journal.domain import Alert, FixedClock, PatientHistory
from journal.reports.data import period_bounds
from journal.rules.engine import LOOKBACK, run_checks
from journal.services import reports

TZ = ZoneInfo("America/Chicago")
NOW = datetime(2026, 10, 11, 9, 0, tzinfo=TZ)
FIRST = date(2025, 6, 1)
LAST = date(2026, 10, 11)


def _at(day: date, hh: int, mm: int = 0) -> str:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=TZ).isoformat(timespec="minutes")


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _reg(start: str, end: str | None, value: float, unit: str, times: list[str], reason: str = "") -> dict[str, Any]:
    return {"start": start, "end": end, "dose": {"value": value, "unit": unit}, "times": times, "every_days": 1,
            "prescribed_by": "Dr Lee", "reason": reason}


BACLOFEN_REGIMENS = [  # mg per dose, 08:00 / 14:00 / 20:00
    _reg("2025-06-01", "2025-11-30", 10, "mg", ["08:00", "14:00", "20:00"], "maintenance"),
    _reg("2025-12-01", "2026-02-28", 20, "mg", ["08:00", "14:00", "20:00"], "a rise of 30 mg a day at once"),
    _reg("2026-03-01", "2026-08-19", 10, "mg", ["08:00", "14:00", "20:00"], "halved overnight"),
    _reg("2026-08-25", None, 10, "mg", ["08:00", "14:00", "20:00"], "restarted after a stop"),
]
NOT_LOGGED = {(date(2026, 1, 10), 14), (date(2026, 5, 5), 14), (date(2026, 5, 5), 20), (date(2026, 5, 6), 8),
              (date(2026, 9, 30), 20)}


def oral_person(rng: random.Random) -> dict[str, Any]:
    """Baclofen tablets three times a day (a rise, a cut, a stop and a restart), oxybutynin twice a
    day, acetaminophen as needed with limits, and a stock count of the tablets in September."""
    doses: list[dict[str, Any]] = []
    for day in _days(FIRST, LAST):
        mg = 0
        for r in BACLOFEN_REGIMENS:
            if r["start"] <= day.isoformat() and (r["end"] is None or day.isoformat() <= r["end"]):
                mg = r["dose"]["value"]
        for hh in (8, 14, 20):
            if not mg or (day, hh) in NOT_LOGGED or datetime(day.year, day.month, day.day, hh, tzinfo=TZ) > NOW:
                continue
            late = rng.choice([0, 5, 10, 20, 45, 70])
            dose = {"medication": "bac", "scheduled": _at(day, hh), "given": _at(day, hh, 0) if not late else
                    (datetime.fromisoformat(_at(day, hh)) + timedelta(minutes=late)).isoformat(timespec="minutes"),
                    "amount": {"value": mg, "unit": "mg"}, "status": "taken", "by": rng.choice(["Sam", "Ana"])}
            doses.append(dose)
        for hh in (9, 21):
            if day <= date(2026, 10, 10) and rng.random() > 0.03:
                doses.append({"medication": "oxy", "scheduled": _at(day, hh), "given": _at(day, hh, 10),
                              "amount": {"value": 5, "unit": "mg"}, "status": "taken", "by": "Ana"})
    # a double dose (one planned time logged twice), and an extra tablet later in the year
    doses.append({"medication": "bac", "scheduled": _at(date(2026, 2, 2), 8), "given": _at(date(2026, 2, 2), 8, 40),
                  "amount": {"value": 20, "unit": "mg"}, "status": "taken", "by": "Ana"})
    doses.append({"medication": "bac", "scheduled": None, "given": _at(date(2026, 9, 12), 10, 30),
                  "amount": {"value": 10, "unit": "mg"}, "status": "taken", "by": "Sam"})
    # a vomited dose and a refused one
    doses.append({"medication": "bac", "scheduled": _at(date(2026, 6, 3), 8), "given": _at(date(2026, 6, 3), 8, 5),
                  "amount": {"value": 10, "unit": "mg"}, "status": "vomited", "by": "Sam"})
    doses.append({"medication": "oxy", "scheduled": _at(date(2026, 7, 7), 9), "given": None,
                  "amount": None, "status": "refused", "by": "Sam"})
    # acetaminophen as needed: four in a day (limit 3), two within an hour (limit 4 h apart)
    prn = [(date(2025, 11, 3), 9), (date(2026, 4, 2), 7), (date(2026, 4, 2), 11), (date(2026, 4, 2), 16),
           (date(2026, 4, 2), 21), (date(2026, 9, 20), 10), (date(2026, 9, 20), 11), (date(2026, 10, 9), 15)]
    for day, hh in prn:
        doses.append({"medication": "apap", "scheduled": None, "given": _at(day, hh),
                      "amount": {"value": 500, "unit": "mg"}, "status": "taken", "by": "Ana"})
    symptoms: list[dict[str, Any]] = []
    for day in _days(FIRST, date(2026, 10, 10)):
        if rng.random() < 0.6:
            symptoms.append({"at": _at(day, 19, rng.choice([0, 15, 30])), "symptom": "spasms",
                             "severity": rng.choice([2, 3, 3, 4]), "duration_minutes": 10, "note": ""})
    symptoms += [
        {"at": _at(date(2026, 5, 6), 11), "symptom": "seizure", "severity": 8, "duration_minutes": 2, "note": ""},
        {"at": _at(date(2026, 5, 6), 12), "symptom": "rebound-spasticity", "severity": 7, "duration_minutes": None,
         "note": ""},
        {"at": _at(date(2025, 12, 4), 15), "symptom": "extreme-drowsiness", "severity": 6, "duration_minutes": None,
         "note": "after the rise"},
        {"at": _at(date(2026, 7, 1), 22), "symptom": "hallucinations", "severity": 7, "duration_minutes": 30,
         "note": ""},
        {"at": _at(date(2026, 3, 3), 10), "symptom": "confusion", "severity": 5, "duration_minutes": None, "note": ""},
        {"at": _at(date(2026, 10, 10), 18), "symptom": "fall", "severity": 4, "duration_minutes": None, "note": ""},
    ]
    observations = [{"at": _at(day, 8, 30), "kind": "temperature", "value": 36.8 + (day.day % 5) / 10}
                    for day in _days(date(2026, 1, 1), date(2026, 10, 10)) if day.day % 3 == 0]
    observations += [{"at": _at(date(2026, 8, 14), 17), "kind": "temperature", "value": 39.4},
                     {"at": _at(date(2026, 2, 20), 9), "kind": "oxygen-saturation", "value": 89}]
    return {
        "id": "p1", "name": "Robin Shaw", "birth_date": "1958-03-02", "renal_impairment": "none",
        "conditions": ["multiple sclerosis"], "notes": "",
        "medications": [
            {"id": "bac", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral", "form": "tablet",
             "strength": {"value": 10, "unit": "mg"}, "as_needed": False, "regimens": BACLOFEN_REGIMENS,
             "stock": [{"at": _at(date(2026, 9, 25), 12), "kind": "counted", "amount": {"value": 40, "unit": "tablet"},
                        "note": "last box"}]},
            {"id": "oxy", "name": "Oxybutynin 5 mg tablets", "drug": "oxybutynin", "route": "oral", "form": "tablet",
             "strength": {"value": 5, "unit": "mg"}, "as_needed": False,
             "regimens": [_reg("2025-06-01", None, 5, "mg", ["09:00", "21:00"])]},
            {"id": "apap", "name": "Acetaminophen 500 mg tablets", "drug": "acetaminophen", "route": "oral",
             "form": "tablet", "strength": {"value": 500, "unit": "mg"}, "as_needed": True,
             "as_needed_limits": {"max_doses_per_day": 3, "min_interval_hours": 4},
             "regimens": [_reg("2025-06-01", None, 500, "mg", [])]},
        ],
        "doses": doses, "symptoms": symptoms, "observations": observations, "pump_events": [],
        "notes_log": [{"at": _at(date(2026, 5, 7), 10), "text": "Clinic says restart the usual doses."}],
    }


def pump_person(rng: random.Random) -> dict[str, Any]:
    """An intrathecal pump (refills every three months with the next date set, a dose change, an
    alarm dealt with the next day, then a refill that is not logged by its date) and melatonin."""
    events: list[dict[str, Any]] = []
    refill = date(2025, 6, 3)
    while refill <= date(2026, 6, 10):
        nxt = refill + timedelta(days=91)
        events.append({"at": _at(refill, 10, 30), "kind": "refill", "volume_ml": 18,
                       "concentration_mcg_per_ml": 2000, "daily_dose_mcg": 200 if refill < date(2026, 3, 1) else 250,
                       "reservoir_ml": 20, "low_alarm_ml": 2, "next_refill_due": nxt.isoformat(),
                       "note": "routine refill"})
        refill = nxt
    events += [{"at": _at(date(2026, 4, 10), 2, 15), "kind": "alarm", "note": "low reservoir beeping"},
               {"at": _at(date(2026, 4, 11), 9), "kind": "check", "note": "clinic: catheter fine"}]
    events.sort(key=lambda e: e["at"])
    doses = [{"medication": "mel", "scheduled": _at(day, 21), "given": _at(day, 21, rng.choice([0, 10, 30])),
              "amount": {"value": 3, "unit": "mg"}, "status": "taken", "by": "Mom"}
             for day in _days(FIRST, date(2026, 10, 10)) if rng.random() > 0.02]
    symptoms = [{"at": _at(date(2026, 4, 10), 8), "symptom": "itching", "severity": 5, "duration_minutes": None,
                 "note": "after the alarm"},
                {"at": _at(date(2026, 9, 8), 16), "symptom": "rebound-spasticity", "severity": 6,
                 "duration_minutes": None, "note": "refill is late"}]
    symptoms += [{"at": _at(day, 18), "symptom": "spasms", "severity": 2, "duration_minutes": 5, "note": ""}
                 for day in _days(FIRST, date(2026, 10, 10)) if day.day % 4 == 0]
    return {
        "id": "p2", "name": "Leo Park", "birth_date": "2014-05-09", "renal_impairment": "none",
        "conditions": ["cerebral palsy"], "notes": "",
        "medications": [
            {"id": "itb", "name": "Intrathecal baclofen (pump)", "drug": "baclofen", "route": "intrathecal",
             "form": "pump", "strength": {"value": 2000, "unit": "mcg", "per": {"value": 1, "unit": "mL"}},
             "as_needed": False,
             "regimens": [_reg("2025-06-03", "2026-02-28", 200, "mcg", []), _reg("2026-03-01", None, 250, "mcg", [])]},
            {"id": "mel", "name": "Melatonin 3 mg tablets", "drug": "melatonin", "route": "oral", "form": "tablet",
             "strength": {"value": 3, "unit": "mg"}, "as_needed": False,
             "regimens": [_reg("2025-06-01", None, 3, "mg", ["21:00"])]},
        ],
        "doses": doses, "symptoms": symptoms, "observations": [], "pump_events": events, "notes_log": [],
    }


def rich_doc() -> dict[str, Any]:
    rng = random.Random(17)
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
            "patients": [oral_person(rng), pump_person(rng)]}


def imported_journal(folder: Path, document: dict[str, Any]) -> Any:
    """A journal in `folder` with `document` imported by the command line, open at NOW."""
    from journal.app import main
    from journal.services.journal import Journal

    doc = folder / "doc.json"
    doc.write_text(json.dumps(document))
    db = folder / "journal.sqlite3"
    assert main(["--db", str(db), "import", str(doc)], clock=FixedClock(NOW)) == 0
    return Journal.open(Path(db), FixedClock(NOW))


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Any:
    j = imported_journal(tmp_path_factory.mktemp("period"), rich_doc())
    yield j
    j.close()


def _inputs(journal: Any, patient: str, start: date, end: date) -> tuple[PatientHistory, datetime, datetime,
                                                                        list[datetime]]:
    """What the report hands the alert search: the history, the period's bounds, the extra instants."""
    data = reports.build_for(journal, patient, start, end, NOW, with_alerts=False)
    person = reports.find_person(journal, patient)
    start_at, end_at = period_bounds(journal.tz, start, end)
    full = journal.history(person.id, start_at - LOOKBACK, min(end_at + reports.CONTEXT, NOW))
    return full, start_at, end_at, reports.threshold_instants(data, full)


def replay_every_instant(full: PatientHistory, start_at: datetime, end_at: datetime,
                         extra: list[datetime]) -> list[Alert]:
    """The reference: every check at every instant of the period (what the report did before)."""
    slicer = reports._Slicer(full, LOOKBACK)
    best: dict[str, Alert] = {}
    for t in reports.check_instants(full, start_at, end_at, NOW, extra):
        for alert in run_checks(slicer.at(t), t, before_journal=False):
            if t > end_at and alert.since >= end_at:
                continue
            seen = best.get(alert.key)
            if seen is None or alert.severity.rank > seen.severity.rank:
                best[alert.key] = alert
    return sorted(best.values(), key=lambda a: (a.since.timestamp(), -a.severity.rank))


def _words(alerts: list[Alert]) -> list[tuple[Any, ...]]:
    return [(a.key, a.rule, a.severity.value, a.since.isoformat(), a.medication, a.title, a.message, a.advice,
             tuple(a.evidence), a.reference) for a in alerts]


PERIODS = {"a year": (date(2025, 10, 11), date(2026, 10, 10)), "30 days": (date(2026, 9, 11), date(2026, 10, 10))}


@pytest.mark.parametrize("patient", ["Robin Shaw", "Leo Park"])
# A year of instants replayed is the slow one; the 30 days are the same check, quick.
@pytest.mark.parametrize("period", [pytest.param(p, marks=pytest.mark.slow) if p == "a year" else p for p in PERIODS])
def test_the_report_lists_exactly_the_alerts_of_every_check_at_every_instant(journal: Any, patient: str,
                                                                            period: str) -> None:
    start, end = PERIODS[period]
    full, start_at, end_at, extra = _inputs(journal, patient, start, end)
    expected = replay_every_instant(full, start_at, end_at, extra)
    found = reports.alerts_in_period(full, start_at, end_at, NOW, extra_instants=extra)
    assert found is not None
    assert _words(found) == _words(expected)
    data = reports.build_for(journal, patient, start, end, NOW)
    assert data.alerts_checked
    assert sorted(a.key for a in data.alerts) == sorted(a.key for a in expected)
    if period == "a year":  # the journal raises every kind of alert it was made to raise
        assert YEAR_RULES[patient] <= {a.rule for a in found}


# What the year's report shows for each person (seen in the report as it was before it stopped
# replaying every instant, among others: age-caution, withdrawal-signs for the pump).
YEAR_RULES = {
    "Robin Shaw": {"abrupt-stop", "abnormal-vital", "as-needed-over-limit", "as-needed-too-soon", "double-dose",
                   "fast-taper", "fast-titration", "missed-dose", "over-prescribed", "red-flag-symptom",
                   "stock-low", "withdrawal-signs"},
    "Leo Park": {"pump-alarm", "pump-refill-due", "pump-refill-overdue", "missed-dose"},
}


def test_slots_expanded_once_and_cut_are_the_slots_expanded_for_each_window() -> None:
    """The report's checks cut each schedule's slots from one long expansion (schedule.SlotSpan);
    every window gives what expanding that window gives: across both clock changes (02:30 in the
    spring gap, 01:30 twice in the autumn), an every-other-day schedule, overlapping regimens, and
    windows moving forward by a day, jumping back and starting mid-day."""
    from datetime import time

    from journal.domain import Form, Medication, Quantity, Regimen, Unit
    from journal.domain.zones import ZonePeriod, journal_zone
    from journal.schedule import SlotSpan, expand

    def reg(start: date, end: date | None, times: list[str], every: int = 1) -> Regimen:
        return Regimen(start=start, end=end, dose=Quantity(10, Unit.MG), times=[time.fromisoformat(t) for t in times],
                       every_days=every)

    m = Medication("Baclofen 10 mg tablets", form=Form.TABLET, drug="baclofen", strength=Quantity(10, Unit.MG),
                   regimens=[reg(date(2026, 1, 1), date(2026, 4, 30), ["01:30", "02:30", "14:00"]),
                             reg(date(2026, 3, 1), date(2026, 3, 20), ["08:00"], every=2),
                             reg(date(2026, 5, 1), None, ["01:30", "20:00"])], id=3)
    for tz in (TZ, journal_zone([ZonePeriod(date(2020, 1, 1), "America/Chicago")])):
        span = SlotSpan(m, tz)
        windows = [(datetime(2026, 2, 20, 6, tzinfo=TZ) + timedelta(days=k, hours=k % 5),
                    datetime(2026, 3, 1, 6, tzinfo=TZ) + timedelta(days=k, hours=k % 7)) for k in range(0, 300, 3)]
        windows += [(datetime(2025, 12, 1, tzinfo=TZ), datetime(2026, 1, 3, 12, tzinfo=TZ)),
                    (datetime(2026, 11, 1, 0, 30, tzinfo=TZ), datetime(2026, 11, 1, 3, tzinfo=TZ))]
        for start, end in windows:
            slots, keys = span.window(start, end)
            assert slots == expand(m, tz, start, end)
            assert [(s.at, s.regimen, s.wall_time) for s in slots] == [
                (s.at, s.regimen, s.wall_time) for s in expand(m, tz, start, end)]
            assert keys == [s.at.astimezone(UTC) for s in slots]


def test_the_report_made_once_with_its_alerts_added_after_is_the_report_made_with_them(journal: Any) -> None:
    """build_for makes the report's data once and adds the alerts after (reports.data.add_alerts):
    the same data, acknowledgements included, as making it with the alerts."""
    from journal.domain import Acknowledgement
    from journal.reports.data import add_alerts, build_report

    start, end = PERIODS["30 days"]
    full, start_at, end_at, extra = _inputs(journal, "Robin Shaw", start, end)
    alerts = reports.alerts_in_period(full, start_at, end_at, NOW, extra_instants=extra)
    assert alerts
    acks = [Acknowledgement(alerts[0].key, alerts[0].rule, alerts[0].severity, NOW - timedelta(days=2),
                            note="pharmacist called", by="Ana")]
    timing = reports.plan_timing_fn()
    made_with = build_report(full, alerts, acks, [], start, end, NOW, timing_for=timing)
    added = add_alerts(build_report(full, [], acks, [], start, end, NOW, timing_for=timing), alerts, acks)
    assert added == made_with
    assert [line.acknowledgements for line in added.alerts if line.key == alerts[0].key][0]


def test_what_the_checks_keep_across_runs_is_not_reused_when_a_later_dose_changes_the_slots() -> None:
    """The report's runs share what they worked out (CheckContext.lasting), e.g. whether two given
    doses are a double dose. A dose logged later for a named planned time changes which slot an
    earlier unnamed dose answered, and with it that answer: the shared runs must give what a fresh
    run gives at every instant. Baclofen at 08:00, 14:00 and 20:00 (half the gap: 3 h; 2 h grace;
    3 h matching window): at 14:10 an unnamed dose at 10:30 answers 08:00 (late, as the advice
    allows) and one at 13:00 answers 14:00, so the two are not a double dose; once the 08:00 dose
    is logged at 14:30 (named), the 10:30 one answers nothing and the pair, 2.5 h apart, is one."""
    from tests.rules.support import at, baclofen, history, reg, taken

    med = baclofen(reg("2026-01-01"))
    day = "2026-03-10"
    early = [taken(med, at(f"2026-03-0{d}T{h}:00"), mg=20) for d in range(3, 10) for h in ("08", "14", "20")]
    loose_a = taken(med, at(f"{day}T10:30"), mg=20, scheduled=False)
    loose_b = taken(med, at(f"{day}T13:00"), mg=20, scheduled=False)
    late_named = taken(med, at(f"{day}T08:00"), late=timedelta(hours=6, minutes=30), mg=20)
    instants = [at(f"{day}T14:10"), at(f"{day}T15:00"), at(f"{day}T23:59")]
    full = history(instants[-1] + timedelta(days=1), [med], doses=[*early, loose_a, loose_b, late_named])
    slicer = reports._Slicer(full, LOOKBACK)
    shared: dict[tuple[object, ...], object] = {}
    seen = []
    for t in instants:
        kept = run_checks(slicer.at(t), t, before_journal=False, shared=shared)
        fresh = run_checks(reports._Slicer(full, LOOKBACK).at(t), t, before_journal=False)
        assert _words(kept) == _words(fresh)
        seen.append([a for a in fresh if a.rule == "double-dose"])
    # the situation the test is about happened: no double dose at 14:10, the 10:30 and 13:00 pair after
    assert seen[0] == []
    assert any("10:30" in line and "13:00" in line for line in seen[1][0].evidence)
