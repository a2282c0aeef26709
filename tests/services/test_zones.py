"""Time zones keep the past (issue 12): a journal's zone is pinned when it is created, a change of
zone is dated, the exchange format's `timezones` goes in and out, and a week kept at home reads the
same after the family flies to London or the file is opened on a computer in Tokyo."""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import tzlocal

from journal.domain import FixedClock
from journal.domain.zones import ZonePeriod
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from tests.conftest import NOW, minimal_document

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT.parent / "shared" / "cases" / "week-then-travel.json"  # the shared folder beside the checkout
if not CASE.exists():  # a worktree one level further down
    CASE = ROOT.parent.parent / "shared" / "cases" / "week-then-travel.json"
CHI, LON = "America/Chicago", "Europe/London"
# Two days after the week at home, in London.
LATER = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Sets the computer's zone as tzlocal reports it: machine("Asia/Tokyo")."""
    def set_zone(name: str) -> None:
        monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: name)
    set_zone(CHI)
    return set_zone


def settings_rows(path: Path) -> dict[str, Any]:
    with sqlite3.connect(path) as db:
        return {k: json.loads(v) for k, v in db.execute("select key, value from settings")}


# --- pinned when created ----------------------------------------------------------------------------


def test_a_new_journal_takes_the_computers_zone_and_keeps_it_on_another_computer(tmp_path: Path, machine: Any) -> None:
    machine("Asia/Tokyo")
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(NOW)) as j:
        assert str(j.tz) == "Asia/Tokyo" and j.get_settings().timezone == "Asia/Tokyo"
        assert not j.timezone_is_set()  # shown on the first-run screen to confirm
    assert settings_rows(path)["timezones"] == [{"since": "2026-10-02", "timezone": "Asia/Tokyo"}]
    machine("America/Los_Angeles")
    with Journal.open(path, FixedClock(NOW)) as j:
        assert str(j.tz) == "Asia/Tokyo"


@pytest.mark.parametrize("reported", ["", "Local Time", "Mars/Olympus"])
def test_a_zone_the_computer_cannot_name_falls_back_to_utc(tmp_path: Path, machine: Any, reported: str) -> None:
    machine(reported)
    with Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW)) as j:
        assert str(j.tz) == "UTC"


def test_tzlocal_failing_falls_back_to_utc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise LookupError("no zone configured")
    monkeypatch.setattr(tzlocal, "get_localzone_name", broken)
    with Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW)) as j:
        assert str(j.tz) == "UTC"


def test_a_journal_from_before_zone_history_keeps_its_one_zone(journal: Journal, machine: Any) -> None:
    path = journal.path
    journal.close()
    with sqlite3.connect(path) as db:  # as an older version left it: only "timezone"
        db.execute("delete from settings where key in ('timezones', 'timezone_origin')")
    machine("Asia/Tokyo")
    with Journal.open(path, FixedClock(NOW)) as j:
        assert str(j.tz) == CHI and j.timezone_is_set()
    assert settings_rows(path)["timezones"] == [{"since": "2026-10-01", "timezone": CHI}]


# --- dated changes ------------------------------------------------------------------------------------


def test_a_change_in_settings_applies_from_today_where_the_family_now_is(journal: Journal, robin: Any) -> None:
    # NOW is noon in Chicago on 1 October, already evening (18:00) of that day in London.
    s = journal.get_settings()
    s.timezone = LON
    journal.save_settings(s)
    assert journal.zone_periods() == (ZonePeriod(date(2026, 9, 30), CHI), ZonePeriod(date(2026, 10, 1), LON))
    assert journal.get_settings().timezone == LON
    rows = settings_rows(journal.path)
    assert rows["timezone"] == LON and rows["timezones"][-1] == {"since": "2026-10-01", "timezone": LON}


def test_the_change_is_described_before_it_is_saved(journal: Journal, robin: Any) -> None:
    text = journal.describe_timezone_change(LON, date(2026, 10, 2))
    assert "Friday 2 October 2026" in text and LON in text and CHI in text
    assert "before" in text and "does not change" in text
    assert journal.zone_periods() == (ZonePeriod(date(2026, 10, 1), CHI),)  # nothing saved by asking
    assert journal.describe_timezone_change(CHI) == f"The journal stays in {CHI}."


def test_an_empty_journal_simply_takes_the_new_zone(journal: Journal) -> None:
    assert "Nothing is logged yet" in journal.describe_timezone_change(LON)
    journal.change_timezone(LON, date(2026, 10, 5))
    assert journal.zone_periods() == (ZonePeriod(date(2026, 10, 1), LON),)


@pytest.mark.parametrize(("zone", "since", "field"), [
    ("Mars/Olympus", date(2026, 10, 3), "timezone"),
    ("Asia/Tokyo", date(2026, 10, 1), "since"),  # before the change to London on the 2nd
])
def test_a_bad_change_is_refused_and_changes_nothing(journal: Journal, robin: Any, zone: str, since: date,
                                                     field: str) -> None:
    journal.change_timezone(LON, date(2026, 10, 2))
    before = journal.zone_periods()
    with pytest.raises(ValidationError) as e:
        journal.change_timezone(zone, since)
    assert e.value.field == field
    assert journal.zone_periods() == before and settings_rows(journal.path)["timezone"] == LON


def test_a_change_keeps_each_logged_dose_on_its_slot(journal: Journal, robin: Any) -> None:
    from journal.domain import Dose, DoseStatus, Quantity, Unit

    pid, mid = robin
    at = datetime(2026, 9, 30, 20, 0, tzinfo=journal.tz)  # the 20:00 dose, Chicago
    journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=at, given=at, amount=Quantity(1, Unit.TABLET)))
    journal.change_timezone(LON, date(2026, 10, 1))
    h = journal.history(pid, datetime(2026, 9, 29, tzinfo=UTC), datetime(2026, 10, 2, tzinfo=UTC))
    shown = h.doses[0].at.astimezone(journal.tz)
    assert shown.strftime("%Y-%m-%d %H:%M") == "2026-09-30 20:00" and shown.tzinfo.key == CHI  # type: ignore[union-attr]


# --- exchange format -----------------------------------------------------------------------------------


def travel_document() -> dict[str, Any]:
    doc = minimal_document()
    doc["timezone"] = LON
    doc["timezones"] = [{"since": "2026-09-01", "timezone": CHI}, {"since": "2026-10-01", "timezone": LON}]
    doc["patients"][0]["doses"].append(
        {"medication": "bac", "scheduled": "2026-10-01T08:00", "given": "2026-10-01T08:05",
         "amount": {"value": 1, "unit": "tablet"}, "status": "taken", "by": "Sam"})
    return doc


def fresh_journal(tmp_path: Path, name: str = "fresh.sqlite3") -> Journal:
    return Journal.open(tmp_path / name, FixedClock(NOW))


def test_times_without_offset_are_read_in_the_zone_of_their_date(tmp_path: Path, machine: Any) -> None:
    with fresh_journal(tmp_path) as j:
        j.import_document(travel_document())
        assert j.zone_periods() == (ZonePeriod(date(2026, 9, 1), CHI), ZonePeriod(date(2026, 10, 1), LON))
        out = j.export_document()
    given = [d["given"] for d in out["patients"][0]["doses"] if d["given"]]
    assert "2026-09-30T08:10:00-05:00" in given  # Chicago on the 30th
    assert "2026-10-01T08:05:00+01:00" in given  # London on the 1st
    assert out["timezone"] == LON
    assert out["timezones"] == travel_document()["timezones"]


def test_timezones_round_trip_through_a_new_journal(tmp_path: Path, machine: Any) -> None:
    with fresh_journal(tmp_path, "a.sqlite3") as a:
        a.import_document(travel_document())
        first = a.export_document()
    machine("Asia/Tokyo")
    with fresh_journal(tmp_path, "b.sqlite3") as b:
        b.import_document(copy.deepcopy(first))
        assert b.export_document() == first
        assert b.import_document(copy.deepcopy(first)).added == 0


def test_a_document_without_timezones_exports_without_them(journal: Journal) -> None:
    journal.import_document(minimal_document())
    out = journal.export_document()
    assert "timezones" not in out and out["timezone"] == CHI
    assert list(out) == ["format", "version", "timezone", "patients"]


def test_an_import_into_a_kept_journal_adds_only_later_zone_changes(journal: Journal, robin: Any) -> None:
    doc = travel_document()
    doc["timezones"] = [{"since": "2026-01-01", "timezone": "Asia/Tokyo"}, {"since": "2026-10-03", "timezone": LON}]
    journal.import_document(doc)
    # Its days before 3 October stay in Chicago; the document's move from then on is recorded.
    assert journal.zone_periods() == (ZonePeriod(date(2026, 10, 1), CHI), ZonePeriod(date(2026, 10, 3), LON))
    journal.import_document(doc)
    assert journal.zone_periods() == (ZonePeriod(date(2026, 10, 1), CHI), ZonePeriod(date(2026, 10, 3), LON))


@pytest.mark.parametrize(("change", "pointer", "words"), [
    (lambda d: d.update(timezone=CHI), "/timezones", "must be the same zone"),
    (lambda d: d["timezones"][1].update(timezone="Europe/Londres"), "/timezones/1/timezone", "not a known time zone"),
    (lambda d: d["timezones"][1].update(since="2026-08-01"), "/timezones/1/since", "not after"),
    (lambda d: d["timezones"][0].update(since="2026-02-30"), "/timezones/0/since", ""),
    (lambda d: d["timezones"][0].update(city="Chicago"), "/timezones/0", ""),
    (lambda d: d.update(timezones=[]), "/timezones", ""),
])
def test_a_bad_timezones_list_is_refused_naming_it(journal: Journal, change: Any, pointer: str, words: str) -> None:
    doc = travel_document()
    change(doc)
    with pytest.raises(ValidationError) as e:
        journal.import_document(doc)
    assert e.value.field.startswith(pointer), e.value
    assert words in e.value.message
    assert journal.list_patients() == [] and journal.zone_periods() == (ZonePeriod(date(2026, 10, 1), CHI),)


def test_the_schema_describes_timezones() -> None:
    from journal.services.exchange import validate_schema

    validate_schema(travel_document())
    with pytest.raises(ValidationError) as e:
        validate_schema({**travel_document(), "timezones": [{"since": "2026-01-01"}]})
    assert e.value.field.startswith("/timezones/0")


# --- done when: a week at home, then London, then a computer in Tokyo ----------------------------------


def run_cli(db: Path, *args: str, now: datetime = LATER) -> str:
    from journal.app import make_context
    from journal.cli import build_parser, dispatch

    parsed = build_parser().parse_args(["--db", str(db), *args])
    ctx = make_context(parsed.db, clock=FixedClock(now))
    ctx.out, ctx.err = io.StringIO(), io.StringIO()
    try:
        assert dispatch(parsed, ctx) == 0, ctx.err.getvalue()
    finally:
        ctx.close()
    return ctx.out.getvalue()


CHECKS_AT = ["2026-11-25T23:00-06:00", "2026-11-22T09:00-06:00", "2026-11-26T05:30+00:00"]


def week_story(db: Path) -> dict[str, Any]:
    """What a caregiver sees of the week at home: the checks at three instants, and the report."""
    from journal.services import reports

    out: dict[str, Any] = {at: json.loads(run_cli(db, "check", "--json", "--at", at)) for at in CHECKS_AT}
    with Journal.open(db, FixedClock(LATER)) as j:
        data = reports.build_for(j, "Rosa Testcase", date(2026, 11, 19), date(2026, 11, 25), LATER)
        out["adherence"] = [repr(a) for a in data.adherence]
        out["alerts"] = [repr(a) for a in data.alerts]
        out["zone"] = data.header.timezone
    return out


def pdf_text(db: Path, out: Path) -> str:
    run_cli(db, "report", "--patient", "Rosa", "--from", "2026-11-19", "--to", "2026-11-25", "--out", str(out))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in text.splitlines() if "generated" not in line)  # the printing time differs


@pytest.mark.skipif(not CASE.exists(), reason="needs shared/cases/week-then-travel.json")
def test_a_week_at_home_reads_the_same_after_the_move_to_london(tmp_path: Path, machine: Any) -> None:
    db = tmp_path / "j.sqlite3"
    run_cli(db, "import", str(CASE), now=datetime(2026, 11, 26, 0, 0, tzinfo=UTC))  # a computer in Chicago
    before = week_story(db)
    assert all(before[at]["alerts"] == [] for at in CHECKS_AT), before
    assert before["zone"] == CHI and "on_time=21" in before["adherence"][0] and "scheduled=21" in before["adherence"][0]

    with Journal.open(db, FixedClock(LATER)) as j:  # they land in London on the 26th
        j.change_timezone(LON, date(2026, 11, 26))
        assert j.zone_periods()[-1] == ZonePeriod(date(2026, 11, 26), LON)
    assert week_story(db) == before
    assert json.loads(run_cli(db, "export", "-"))["timezones"][-1] == {"since": "2026-11-26", "timezone": LON}


@pytest.mark.skipif(not CASE.exists() or shutil.which("pdftotext") is None, reason="needs the case and pdftotext")
def test_the_same_file_opened_in_tokyo_checks_and_reports_the_same(tmp_path: Path, machine: Any, qapp: Any) -> None:
    # `qapp`: the in-process report needs Qt; a QApplication (not the command line's plain
    # QGuiApplication) keeps the window tests that run after this one possible.
    db = tmp_path / "j.sqlite3"
    run_cli(db, "import", str(CASE), now=datetime(2026, 11, 26, 0, 0, tzinfo=UTC))
    with Journal.open(db, FixedClock(LATER)) as j:
        j.change_timezone(LON, date(2026, 11, 26))
    here = {at: run_cli(db, "check", "--json", "--at", at) for at in CHECKS_AT}
    report_here = pdf_text(db, tmp_path / "here.pdf")
    assert "21 of 21" in report_here and "No safety alerts" in report_here
    # the week's times are Chicago's; the report was made in London and says so, not "(America/Chicago)"
    header = subprocess.run(["pdftotext", "-layout", str(tmp_path / "here.pdf"), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert "times in America/Chicago" in header and "(Europe/London)" in header

    env = {**os.environ, "TZ": "Asia/Tokyo", "QT_QPA_PLATFORM": "offscreen"}
    probe = subprocess.run([sys.executable, "-c", "import tzlocal; print(tzlocal.get_localzone_name())"],
                           env=env, capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "Asia/Tokyo"  # the other computer really is in Tokyo

    def tokyo(*args: str) -> str:
        done = subprocess.run([sys.executable, "main.py", "--db", str(db), *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    for at in CHECKS_AT:
        assert tokyo("check", "--json", "--at", at) == here[at]
    out = tmp_path / "tokyo.pdf"
    tokyo("report", "--patient", "Rosa", "--from", "2026-11-19", "--to", "2026-11-25", "--out", str(out))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "\n".join(line for line in text.splitlines() if "generated" not in line) == report_here
    assert settings_rows(db)["timezone"] == LON  # opening it there wrote nothing new
