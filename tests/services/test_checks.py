"""The checks through a real journal file: service, acknowledgements, the pre-save check and the
`check` command."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    Medication,
    Patient,
    Quantity,
    Regimen,
    Severity,
    SymptomEntry,
    Unit,
)
from journal.schedule import expand
from journal.services import checks
from tests.conftest import NOW, TZ


def give_all(journal: Any, pid: int, mid: int, start: datetime, end: datetime) -> None:
    med = journal.get_medication(mid)
    for s in expand(med, TZ, start, end):
        journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=s.at, given=s.at + timedelta(minutes=5)))


def test_adherent_person_has_no_alerts(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW)
    assert checks.run(journal, NOW) == []


def test_a_gap_gives_abrupt_stop_with_the_journal_emergency_number(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW - timedelta(hours=21, minutes=59))  # last: 30 Sep 14:05
    s = journal.get_settings()
    s.emergency_number = "112"
    journal.save_settings(s)
    [a] = checks.run(journal, NOW)
    assert a.rule == "abrupt-stop" and a.severity is Severity.URGENT
    assert a.evidence[0] == "last dose given 2026-09-30 14:05 (21 h 55 min ago)"
    assert "112" in a.advice and a.patient == "Robin Shaw" and a.medication == "Baclofen 10 mg tablets"


def test_acknowledged_alert_is_hidden_until_a_new_symptom(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW - timedelta(hours=21, minutes=59))
    [a] = checks.run(journal, NOW)
    journal.acknowledge(a, "called the clinic, they said to restart at 14:00", by="Sam")
    assert checks.run(journal, NOW + timedelta(minutes=20)) == []
    assert len(checks.run(journal, NOW, include_acknowledged=True)) == 1
    out = journal.log_symptom(pid, SymptomEntry(at=NOW - timedelta(minutes=10), symptom="itching", severity=4))
    rules = {x.rule for x in out.alerts}
    assert "withdrawal-signs" in rules  # a new situation on top of the acknowledged gap
    again = checks.run(journal, NOW)
    assert {x.rule for x in again} == {"withdrawal-signs"}  # the gap itself is unchanged: still acknowledged
    later = checks.run(journal, NOW + timedelta(hours=9))  # the 14:00 dose is missed too: new evidence
    assert "abrupt-stop" in {x.rule for x in later}


def test_logging_a_second_dose_returns_the_double_dose_alert(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW)
    out = journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(hours=3)))
    assert "double-dose" in {a.rule for a in out.alerts}


def test_checks_for_one_person_only(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW)
    other = journal.add_patient(Patient("Alex Shaw")).record_id
    journal.log_symptom(other, SymptomEntry(at=NOW - timedelta(hours=1), symptom="seizure", severity=8))
    assert checks.run(journal, NOW, pid) == []
    [a] = checks.run(journal, NOW, other)
    assert a.patient == "Alex Shaw" and a.severity is Severity.EMERGENCY
    assert [x.patient for x in checks.run(journal, NOW)] == ["Alex Shaw"]


def test_preview_of_stopping_overnight(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    journal.change_regimen(mid, Regimen(start=date(2026, 9, 20), dose=Quantity(2, Unit.TABLET),
                                        times=[time(8), time(14), time(20)]))
    med = journal.get_medication(mid)
    stop = [*med.regimens[:-1], Regimen(start=date(2026, 9, 20), end=date(2026, 10, 1), dose=Quantity(2, Unit.TABLET),
                                        times=[time(8), time(14), time(20)])]
    [a] = checks.preview_regimen_change(journal, mid, stop, NOW)
    assert a.rule == "fast-taper" and a.severity is Severity.URGENT
    assert "60 mg a day to none overnight" in a.title
    slow = [*med.regimens[:-1], Regimen(start=date(2026, 9, 20), end=date(2026, 10, 1), dose=Quantity(2, Unit.TABLET),
                                        times=[time(8), time(14), time(20)]),
            Regimen(start=date(2026, 10, 2), dose=Quantity(1.5, Unit.TABLET), times=[time(8), time(14), time(20)])]
    assert checks.preview_regimen_change(journal, mid, slow, NOW) == []


# ------------------------------------------------------------------ the command line


def cli(path: Path, *argv: str) -> int:
    from journal.app import main
    from journal.domain import FixedClock

    return main(["--db", str(path), *argv], clock=FixedClock(NOW))


@pytest.fixture
def gap_file(journal: Any, robin: tuple[int, int], journal_path: Path) -> Path:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW - timedelta(hours=21, minutes=59))
    dz = journal.add_medication(pid, Medication("Diazepam 5 mg", drug="diazepam", strength=Quantity(5, Unit.MG),
                                                regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(5, Unit.MG),
                                                                  times=[time(21)])]))
    # Its evening doses are all given: every medicine is checked for missed doses, not only baclofen.
    give_all(journal, pid, getattr(dz, "record_id", dz), NOW - timedelta(days=10), NOW)
    journal.close()
    return journal_path


def test_check_json_matches_the_spec(gap_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(gap_file, "check", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["at"] == "2026-10-01T12:00:00-05:00"
    first = doc["alerts"][0]
    assert list(first) == ["rule", "severity", "patient", "medication", "since", "title", "message", "advice",
                           "evidence", "reference"]
    assert (first["rule"], first["severity"], first["patient"]) == ("abrupt-stop", "urgent", "Robin Shaw")
    assert first["since"] == "2026-09-30T14:05:00-05:00" and first["reference"] == "withdrawal"
    assert [a["severity"] for a in doc["alerts"]] == ["urgent", "warning"]
    assert doc["alerts"][1]["rule"] == "cns-depressant"


def test_check_at_a_time_before_the_gap(gap_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(gap_file, "check", "--at", "2026-09-30T15:00", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["at"] == "2026-09-30T15:00:00-05:00"
    assert [a["rule"] for a in doc["alerts"]] == ["cns-depressant"]


def test_check_text_output_is_readable(gap_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(gap_file, "check", "--patient", "robin shaw") == 0
    out = capsys.readouterr().out
    assert "2 alerts for Robin Shaw as of 2026-10-01 12:00 (America/Chicago)" in out
    assert "URGENT: Baclofen 10 mg tablets: no dose for 21 h 55 min" in out
    assert "    - last dose given 2026-09-30 14:05 (21 h 55 min ago)" in out
    assert "More: carejournal reference show withdrawal" in out


def test_check_unknown_person_or_bad_time_exits_2(gap_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(gap_file, "check", "--patient", "Nobody") == 2
    assert cli(gap_file, "check", "--at", "yesterday-ish") == 2
    assert "--at" in capsys.readouterr().err


def test_check_with_nothing_to_report(journal: Any, robin: tuple[int, int], journal_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    pid, mid = robin
    give_all(journal, pid, mid, NOW - timedelta(days=10), NOW)
    journal.close()
    assert cli(journal_path, "check") == 0
    assert capsys.readouterr().out.startswith("No alerts for everyone as of 2026-10-01 12:00")
