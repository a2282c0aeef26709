"""The report use case on a real journal file: the command, its errors, and the alerts it finds."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
import json
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock
from journal.reports.data import build_report, period_bounds
from journal.services import reports
from tests.reports.support import month_history

TZ = ZoneInfo("America/Chicago")
NOW = datetime(2026, 10, 11, 9, 0, tzinfo=TZ)


def ten_days_doc() -> dict[str, Any]:
    """Robin, 10 mg three times a day since August; Oct 1-10 logged, except a 30 h gap on Oct 5-6
    (14:00, 20:00 and 08:00 not logged), followed by hallucinations on Oct 6 at 12:00."""
    doses = []
    day = date(2026, 10, 1)
    while day <= date(2026, 10, 10):
        for hh in (8, 14, 20):
            if (day.day, hh) in ((5, 14), (5, 20), (6, 8)):
                continue
            at = f"{day.isoformat()}T{hh:02d}:00"
            doses.append({"medication": "m1", "scheduled": at, "given": f"{day.isoformat()}T{hh:02d}:05",
                          "amount": {"value": 10, "unit": "mg"}, "status": "taken", "by": "Sam", "note": ""})
        day += timedelta(days=1)
    return {
        "format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
        "patients": [{
            "id": "p1", "name": "Robin Shaw", "birth_date": "1958-03-02", "renal_impairment": "none",
            "conditions": ["multiple sclerosis"], "notes": "",
            "medications": [{
                "id": "m1", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral", "form": "tablet",
                "strength": {"value": 10, "unit": "mg"}, "as_needed": False,
                "regimens": [{"start": "2026-08-01", "end": None, "dose": {"value": 10, "unit": "mg"},
                              "times": ["08:00", "14:00", "20:00"], "every_days": 1,
                              "prescribed_by": "Dr Lee", "reason": "maintenance"}],
            }],
            "doses": doses,
            "symptoms": [{"at": "2026-10-06T12:00", "symptom": "hallucinations", "severity": 7,
                          "duration_minutes": None, "note": ""}],
            "observations": [], "pump_events": [],
            "notes_log": [{"at": "2026-10-07T10:00", "text": "Clinic says restart the usual doses."}],
        }],
    }


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    from journal.app import main

    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(ten_days_doc()))
    db = tmp_path / "journal.sqlite"
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", str(db), "import", str(doc)], clock=FixedClock(NOW)) == 0, (out.getvalue(), err.getvalue())
    return db


@pytest.fixture
def journal(journal_file: Path) -> Any:
    from journal.services.journal import Journal

    j = Journal.open(journal_file, FixedClock(NOW))
    yield j
    j.close()


def test_default_period_is_the_last_30_days_up_to_today(journal: Any) -> None:
    data = reports.build_for(journal, "robin shaw", now=NOW)
    assert (data.header.period_start, data.header.period_end) == (date(2026, 9, 12), date(2026, 10, 11))


def test_report_on_a_real_journal_counts_the_gap_and_finds_its_alerts(journal: Any) -> None:
    data = reports.build_for(journal, "Robin Shaw", date(2026, 10, 1), date(2026, 10, 10), now=NOW)
    (a,) = data.adherence
    assert a.scheduled == 30 and a.on_time == 27 and a.missed_derived == 3
    assert a.gaps[0].hours == pytest.approx(30.0)
    if not data.alerts_checked:
        pytest.skip("the safety checks are not in this build")
    rules = {al.rule for al in data.alerts}
    # the gap raises missed-dose and abrupt-stop alerts; hallucinations after it are an emergency
    assert {"missed-dose", "abrupt-stop"} <= rules
    assert any(al.severity.value == "emergency" and al.since == datetime(2026, 10, 6, 12, 0, tzinfo=TZ)
               for al in data.alerts)
    stop = [al for al in data.alerts if al.rule == "abrupt-stop"]
    assert stop and max(al.severity.rank for al in stop) >= 2  # urgent once 18 h passed with no dose
    assert len({al.key for al in data.alerts}) == len(data.alerts)  # each situation once


def test_corrections_and_acknowledgements_come_from_the_journal(journal: Any) -> None:
    h = journal.history(journal.find_patient("Robin Shaw").id, datetime(2026, 10, 2, tzinfo=TZ),
                        datetime(2026, 10, 3, tzinfo=TZ))
    dose = h.doses[0]
    journal.correct("dose", dose.id, {"amount": "20mg"}, by="Sam", reason="wrong amount typed")
    data = reports.build_for(journal, "Robin Shaw", date(2026, 10, 1), date(2026, 10, 11), now=NOW)
    (c,) = data.corrections
    assert c.changed_by == "Sam" and c.reason == "wrong amount typed"
    assert c.changes == ["amount: 10 mg -> 20 mg"]
    assert c.what.startswith("Dose of Baclofen 10 mg tablets, 2026-10-02 08:05")


def test_a_person_can_be_named_by_id(journal: Any) -> None:
    pid = journal.find_patient("Robin Shaw").id
    assert reports.build_for(journal, pid, now=NOW, with_alerts=False).header.person == "Robin Shaw"


def test_bad_periods_are_refused_with_the_option_named() -> None:
    from journal.services.errors import ValidationError

    with pytest.raises(ValidationError) as e:
        reports.resolve_period(TZ, NOW, date(2026, 10, 5), date(2026, 10, 1))
    assert e.value.args[0] == "--from" or "--from" in str(e.value)
    with pytest.raises(ValidationError):
        reports.resolve_period(TZ, NOW, date(2026, 12, 1), None)


def run_cli(db: Path, *args: str) -> tuple[int, str, str]:
    from journal.app import make_context
    from journal.cli import build_parser, dispatch

    parsed = build_parser().parse_args(["--db", str(db), *args])
    ctx = make_context(parsed.db, clock=FixedClock(NOW))
    ctx.out, ctx.err = io.StringIO(), io.StringIO()
    try:
        code = dispatch(parsed, ctx)
    finally:
        ctx.close()
    return code, ctx.out.getvalue(), ctx.err.getvalue()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_report_command_writes_the_pdf(journal_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "robin.pdf"
    code, stdout, err = run_cli(journal_file, "report", "--patient", "Robin Shaw", "--from", "2026-10-01",
                                "--to", "2026-10-10", "--out", str(out))
    assert code == 0, err
    assert "robin.pdf" in stdout and "2026-10-01 to 2026-10-10" in stdout
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Robin Shaw, age 68" in text and "Doses given and missed" in text
    assert "Clinic says restart the usual doses." in text


@pytest.mark.parametrize(("args", "word"), [
    (["--from", "2026-13-01"], "--from"),
    (["--to", "yesterday"], "--to"),
    (["--from", "2026-10-09", "--to", "2026-10-01"], "--from"),
])
def test_report_command_bad_dates_exit_2_naming_the_option(journal_file: Path, tmp_path: Path,
                                                           args: list[str], word: str) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run_cli(journal_file, "report", "--patient", "Robin Shaw", *args, "--out", str(out))
    assert code == 2 and word in err
    assert not out.exists()


def test_report_command_unknown_person_or_folder_exits_2(journal_file: Path, tmp_path: Path) -> None:
    code, _, err = run_cli(journal_file, "report", "--patient", "Nobody", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "Nobody" in err
    code, _, err = run_cli(journal_file, "report", "--patient", "Robin Shaw", "--out",
                           str(tmp_path / "missing" / "x.pdf"))
    assert code == 2 and "--out" in err


def test_alerts_in_the_period_match_checking_every_15_minutes() -> None:
    """The cheap instants (day ends, thresholds) find every alert that a dense scan finds."""
    engine = pytest.importorskip("journal.rules.engine")
    h = month_history()
    start, end = date(2026, 10, 11), date(2026, 10, 14)
    start_at, end_at = period_bounds(h.tz, start, end)
    now = datetime(2026, 10, 31, 9, 0, tzinfo=h.tz)
    data = build_report(h, [], [], [], start, end, now)
    cheap = reports.alerts_in_period(h, start_at, end_at, now, extra_instants=reports.threshold_instants(data, h),
                                     run_checks=engine.run_checks, lookback=engine.LOOKBACK)
    dense = []
    t = start_at
    while t < end_at:
        dense.append(t)
        t += timedelta(minutes=15)
    dense += [x.at + timedelta(seconds=30) for x in (*h.doses, *h.symptoms, *h.observations) if start_at <= x.at < end_at]
    full = reports.alerts_in_period(h, start_at, end_at, now, extra_instants=dense,
                                    run_checks=engine.run_checks, lookback=engine.LOOKBACK)
    assert cheap is not None and full is not None
    assert {a.key: a.severity for a in cheap} == {a.key: a.severity for a in full}
    assert {a.rule for a in cheap} >= {"abrupt-stop", "missed-dose", "withdrawal-signs"}


def test_a_failing_check_engine_still_gives_a_report_that_says_so(journal: Any, monkeypatch: pytest.MonkeyPatch,
                                                                  qapp: Any, tmp_path: Path) -> None:
    def broken(*args: Any, **kw: Any) -> list[Any]:
        raise RuntimeError("drug data could not be read")

    monkeypatch.setattr(reports, "_engine", lambda: (broken, timedelta(days=8)))
    data = reports.build_for(journal, "Robin Shaw", date(2026, 10, 1), date(2026, 10, 10), now=NOW)
    assert data.alerts_checked is False and data.alerts == []
    assert data.adherence[0].missed_derived == 3  # everything else is still there
    out = tmp_path / "r.pdf"
    reports.write_pdf(data, out, "a4")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True).stdout
        assert "could not be run again for this period" in text.replace("\n", " ")


def test_the_report_reads_one_snapshot_while_another_connection_writes(journal: Any, journal_file: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window builds the report on a worker while it goes on writing (issue 17): a dose removed
    by another connection between the report's reads is in none of them, never in some (the dose
    listed as given and its removal listed beside it)."""
    from journal.services.journal import Journal

    pid = journal.find_patient("Robin Shaw").id
    start_at, end_at = period_bounds(TZ, date(2026, 10, 1), date(2026, 10, 11))
    dose = next(d for d in journal.history(pid, start_at, end_at).doses if d.id is not None)
    other = Journal.open(journal_file, FixedClock(NOW))
    real = type(journal).acknowledgements

    def acks_then_a_write_elsewhere(self: Any, *a: Any, **k: Any) -> Any:  # noqa: ANN401
        got = real(self, *a, **k)
        other.remove("dose", dose.id, by="Sam", reason="logged twice")  # after the history was read
        return got

    monkeypatch.setattr(type(journal), "acknowledgements", acks_then_a_write_elsewhere)
    try:
        data = reports.build_for(journal, pid, date(2026, 10, 1), date(2026, 10, 11), now=NOW)
    finally:
        monkeypatch.undo()
        other.close()
    assert data.corrections == []  # the removal came after the report's snapshot
    after = reports.build_for(journal, pid, date(2026, 10, 1), date(2026, 10, 11), now=NOW)
    assert [c.reason for c in after.corrections] == ["logged twice"]  # and is in the next report
