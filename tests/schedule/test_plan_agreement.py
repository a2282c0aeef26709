"""One story: for the same journal and the same instant, Today, the safety checks and the doctor's
report give the same answer for every planned slot (journal.schedule.plan is the only place that
works it out). Each case is a real journal file, filled through the exchange format."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLabel

from journal.domain import FixedClock
from journal.knowledge import default_library
from journal.rules.common import CheckContext
from journal.rules.engine import LOOKBACK
from journal.services import reports
from journal.services.journal import Journal
from tests.ui.conftest import no_blocking_dialogs  # noqa: F401

CHI = ZoneInfo("America/Chicago")
CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"  # copies of ../shared/cases
TABLETS = "Baclofen 10 mg tablets"


def doc(times: list[str], doses: list[dict[str, Any]], *, start: str = "2026-10-01",
        regimens: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    regs = regimens or [{"start": start, "dose": {"value": 10, "unit": "mg"}, "times": times}]
    return {
        "format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
        "patients": [{
            "id": "p1", "name": "Robin Shaw", "birth_date": "1958-03-02",
            "medications": [{"id": "m1", "name": TABLETS, "drug": "baclofen", "route": "oral", "form": "tablet",
                             "strength": {"value": 10, "unit": "mg"}, "regimens": regs}],
            "doses": doses, "symptoms": [], "observations": [], "pump_events": [], "notes_log": [],
        }],
    }


def dose(given: str, scheduled: str | None = None, status: str = "taken", by: str = "Sam",
         note: str = "") -> dict[str, Any]:
    return {"medication": "m1", "scheduled": scheduled, "given": given if status in ("taken", "vomited") else None,
            "amount": {"value": 10, "unit": "mg"}, "status": status, "by": by, "note": note}


def open_journal(tmp_path: Path, document: dict[str, Any], now: datetime) -> tuple[Journal, FixedClock]:
    clock = FixedClock(now)
    j = Journal.open(tmp_path / "journal.sqlite3", clock)
    s = j.get_settings()
    s.timezone = "America/Chicago"
    j.save_settings(s)
    j.import_document(document)
    return j, clock


def hhmm(t: datetime) -> str:
    return t.astimezone(CHI).strftime("%m-%d %H:%M")


def from_checks(j: Journal, now: datetime, day: date) -> dict[str, str]:
    """The checks' answer: CheckContext.slot_states, as every rule reads it."""
    pid = j.list_patients()[0].id
    history = j.history(pid, now - LOOKBACK, now)
    ctx = CheckContext(history, now, default_library())
    out = {}
    for m, p in ctx.profiled():
        states, _ = ctx.slot_states(m, p)
        out.update({hhmm(st.slot.at): st.outcome.value for st in states
                    if st.slot.at.astimezone(CHI).date() == day})
    return out


def today_view(qtbot: Any, j: Journal, clock: FixedClock, day: date) -> Any:
    from journal.ui.screens.today_view import TodayView
    from journal.ui.shell.session import Session

    session = Session(j, clock)
    session.set_patient(j.list_patients()[0].id)
    view = TodayView(session)
    qtbot.addWidget(view)
    if day != clock.now().astimezone(CHI).date():
        assert day == clock.now().astimezone(CHI).date() - timedelta(days=1)
        view.toggle_day()
    return view


def from_today(qtbot: Any, j: Journal, clock: FixedClock, day: date) -> dict[str, str]:
    """Today's answer (or Yesterday's, for the day before), as the caregiver sees it."""
    view = today_view(qtbot, j, clock, day)
    return {hhmm(sv.slot.at): sv.state for sv in view.slot_views()}


def from_report(j: Journal, now: datetime, day: date) -> tuple[dict[str, str], Any]:
    data = reports.build_for(j, j.list_patients()[0].id, day, day, now, with_alerts=False)
    (ad,) = [a for a in data.adherence if a.medication == TABLETS]
    return {hhmm(s.slot): s.outcome.value for s in ad.slots}, ad


def agree(qtbot: Any, j: Journal, clock: FixedClock, day: date, *, today_shows: bool = True) -> dict[str, str]:
    now = clock.now()
    checks = from_checks(j, now, day)  # the checks read the slots up to now
    report, _ = from_report(j, now, day)
    assert {k: v for k, v in report.items() if v != "due"} == checks
    if today_shows:
        assert from_today(qtbot, j, clock, day) == report
    return report


def pdf_text(j: Journal, now: datetime, day: date, out: Path) -> str:
    data = reports.build_for(j, j.list_patients()[0].id, day, day, now)
    reports.write_pdf(data, out, "a4")
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", text)


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


# ------------------------------------------------------------------------------------------------
# The case from the issue: a four-dose day, one dose logged at 09:30 without its slot.


@needs_pdftotext
def test_loose_dose_case_tells_one_story_in_today_the_checks_and_the_report(qtbot, tmp_path) -> None:  # noqa: ANN001
    now = datetime(2026, 10, 1, 21, 0, tzinfo=CHI)
    document = json.loads((CASES / "loose-dose-report.json").read_text())
    j, clock = open_journal(tmp_path, document, now)
    day = date(2026, 10, 1)
    story = agree(qtbot, j, clock, day)
    # 09:30 is 1.5 h after 08:00 (already given) and 2.5 h before 12:00: outside the 2 h window of a
    # schedule 4 h apart, so 12:00 has nothing logged and 09:30 is an extra dose, everywhere.
    assert story == {"10-01 08:00": "given", "10-01 12:00": "unlogged", "10-01 16:00": "given",
                     "10-01 20:00": "given"}
    _, ad = from_report(j, now, day)
    assert (ad.scheduled, ad.given_in_slots, ad.missed_derived, ad.extra) == (4, 3, 1, 1)
    view = today_view(qtbot, j, clock, day)
    assert "Nothing logged" in view.slot_text(TABLETS, "12:00")
    extra = [w.text() for w in view.body.findChildren(QLabel) if w.accessibleName() == f"Extra doses of {TABLETS}"]
    assert len(extra) == 1 and "09:30 given by Alex" in extra[0] and "extra dose" in extra[0]
    alerts = j.check(now)
    missed = [a for a in alerts if a.rule == "missed-dose"]
    assert len(missed) == 1 and "12:00" in missed[0].message
    assert any(a.rule == "double-dose" for a in alerts)  # 08:02 and the extra 09:30
    text = pdf_text(j, now, day, tmp_path / "r.pdf")
    assert "3 of 4 scheduled doses given (75%); 1 not given" in text
    assert "a planned dose was not logged" in text  # the same missed slot in the alerts section
    # taken already when the journal began (its schedule starts the day of the first entry): not "started"
    assert "No dose changes in this period" in text
    j.close()


# ------------------------------------------------------------------------------------------------
# The same question in the hard places.


def test_a_slot_logged_twice_is_given_once_everywhere_and_the_second_entry_is_extra(qtbot, tmp_path) -> None:  # noqa: ANN001
    now = datetime(2026, 10, 5, 21, 0, tzinfo=CHI)
    doses = [dose("2026-10-05T08:01", "2026-10-05T08:00", by="Sam"),
             dose("2026-10-05T08:20", "2026-10-05T08:00", by="Alex"),
             dose("2026-10-05T20:02", "2026-10-05T20:00")]
    j, clock = open_journal(tmp_path, doc(["08:00", "14:00", "20:00"], doses, start="2026-10-05"), now)
    story = agree(qtbot, j, clock, date(2026, 10, 5))
    assert story == {"10-05 08:00": "given", "10-05 14:00": "unlogged", "10-05 20:00": "given"}
    _, ad = from_report(j, now, date(2026, 10, 5))
    assert ad.extra == 1 and ad.given_in_slots == 2
    assert any(a.rule == "double-dose" for a in j.check(now))
    j.close()


def test_a_late_bedtime_dose_given_after_midnight_belongs_to_its_day(qtbot, tmp_path) -> None:  # noqa: ANN001
    now = datetime(2026, 10, 6, 9, 0, tzinfo=CHI)
    doses = [dose("2026-10-05T08:00", "2026-10-05T08:00"),
             dose("2026-10-06T00:40"),  # the 23:00 dose, logged without its slot after midnight
             dose("2026-10-06T08:05", "2026-10-06T08:00")]
    j, clock = open_journal(tmp_path, doc(["08:00", "23:00"], doses, start="2026-10-05"), now)
    story = agree(qtbot, j, clock, date(2026, 10, 5))  # Today's "Yesterday" page
    assert story == {"10-05 08:00": "given", "10-05 23:00": "given"}
    _, ad = from_report(j, now, date(2026, 10, 5))
    assert (ad.late, ad.extra, ad.missed_derived) == (1, 0, 0)
    today, ad6 = from_report(j, now, date(2026, 10, 6))
    assert today == {"10-06 08:00": "given", "10-06 23:00": "due"} and ad6.extra == 0
    assert not [a for a in j.check(now) if a.rule in ("missed-dose", "double-dose")]
    j.close()


def test_a_last_day_slot_is_pending_until_its_grace_then_missed_in_the_report_as_in_the_checks(
        qtbot, tmp_path) -> None:  # noqa: ANN001
    doses = [dose("2026-10-05T08:00", "2026-10-05T08:00")]
    at_2330 = datetime(2026, 10, 5, 23, 30, tzinfo=CHI)
    j, clock = open_journal(tmp_path, doc(["08:00", "23:00"], doses, start="2026-10-05"), at_2330)
    assert agree(qtbot, j, clock, date(2026, 10, 5)) == {"10-05 08:00": "given", "10-05 23:00": "overdue"}
    _, ad = from_report(j, at_2330, date(2026, 10, 5))
    assert (ad.scheduled, ad.pending) == (1, 1)
    later = datetime(2026, 10, 6, 1, 30, tzinfo=CHI)
    clock.set(later)
    assert agree(qtbot, j, clock, date(2026, 10, 5)) == {"10-05 08:00": "given", "10-05 23:00": "unlogged"}
    _, ad = from_report(j, later, date(2026, 10, 5))
    assert (ad.scheduled, ad.missed_derived, ad.pending) == (2, 1, 0)
    data = reports.build_for(j, j.list_patients()[0].id, date(2026, 10, 5), date(2026, 10, 5), later)
    assert [a.rule for a in data.alerts] == ["missed-dose"]  # looked at just after its grace ran out
    j.close()


def test_a_schedule_change_on_the_day_keeps_the_doses_logged_for_the_old_times(qtbot, tmp_path) -> None:  # noqa: ANN001
    regimens = [{"start": "2026-10-01", "end": "2026-10-04", "dose": {"value": 10, "unit": "mg"},
                 "times": ["08:00", "20:00"]},
                {"start": "2026-10-05", "dose": {"value": 10, "unit": "mg"}, "times": ["10:00", "16:00", "22:00"]}]
    # logged in the morning for the old 08:00 time; the new schedule was entered later that day
    doses = [dose("2026-10-04T08:00", "2026-10-04T08:00"), dose("2026-10-04T20:00", "2026-10-04T20:00"),
             dose("2026-10-05T08:10", "2026-10-05T08:00"), dose("2026-10-05T16:00", "2026-10-05T16:00")]
    now = datetime(2026, 10, 5, 23, 30, tzinfo=CHI)
    j, clock = open_journal(tmp_path, doc([], doses, regimens=regimens), now)
    story = agree(qtbot, j, clock, date(2026, 10, 5))
    # 08:10 is within 3 h of the new 10:00 (half of the 6 h gap): it answers 10:00, early
    assert story == {"10-05 10:00": "given", "10-05 16:00": "given", "10-05 22:00": "overdue"}
    _, ad = from_report(j, now, date(2026, 10, 5))
    assert (ad.early, ad.on_time, ad.extra) == (1, 1, 0)
    j.close()


@pytest.mark.parametrize(("times", "day", "doses", "expected"), [
    # fall back (2026-11-01): 01:30 happens twice; one slot, at the first 01:30
    (["01:30", "13:30"], date(2026, 11, 1),
     [dose("2026-11-01T01:35-05:00", "2026-11-01T01:30-05:00"), dose("2026-11-01T14:50")],
     {"11-01 01:30": "given", "11-01 13:30": "given"}),
    # spring forward (2026-03-08): 02:30 does not exist; the slot moves to 03:30
    (["02:30", "14:30"], date(2026, 3, 8),
     [dose("2026-03-08T03:40")],
     {"03-08 03:30": "given", "03-08 14:30": "unlogged"}),
])
def test_daylight_saving_nights(qtbot, tmp_path, times, day, doses, expected) -> None:  # noqa: ANN001
    now = datetime(day.year, day.month, day.day, 23, 0, tzinfo=CHI)
    j, clock = open_journal(tmp_path, doc(times, doses, start=(day - timedelta(days=1)).isoformat()), now)
    assert agree(qtbot, j, clock, day) == expected
    j.close()


# ------------------------------------------------------------------------------------------------
# A journal started recently, and what the report adds around the counts.


def test_a_year_long_report_on_a_journal_kept_for_31_days_counts_only_those_days(tmp_path) -> None:  # noqa: ANN001
    first = date(2026, 10, 1)
    doses = []
    for i in range(31):
        d = (first + timedelta(days=i)).isoformat()
        doses += [dose(f"{d}T08:02", f"{d}T08:00"), dose(f"{d}T20:03", f"{d}T20:00")]
    now = datetime(2026, 10, 31, 21, 0, tzinfo=CHI)
    j, _clock = open_journal(tmp_path, doc(["08:00", "20:00"], doses, start="2025-06-01"), now)
    data = reports.build_for(j, j.list_patients()[0].id, date(2025, 11, 1), date(2026, 10, 31), now)
    (ad,) = data.adherence
    assert (ad.scheduled, ad.on_time, ad.missed_derived) == (62, 62, 0)
    assert data.alerts == []
    assert not [c for c in data.dose_changes if c.direction == "start"]  # taken before the journal began
    j.close()


@needs_pdftotext
def test_the_report_lists_planned_changes_notes_and_the_doctors_contact(tmp_path) -> None:  # noqa: ANN001
    regimens = [{"start": "2026-10-01", "dose": {"value": 20, "unit": "mg"}, "times": ["08:00", "20:00"],
                 "end": "2026-10-09"},
                {"start": "2026-10-10", "dose": {"value": 10, "unit": "mg"}, "times": ["08:00", "20:00"],
                 "reason": "taper step 2", "prescribed_by": "Dr Lee"}]
    doses = [dose("2026-10-02T08:00", "2026-10-02T08:00", note="crushed in yoghurt"),
             dose("2026-10-02T20:00", "2026-10-02T20:00")]
    document = doc([], doses, regimens=regimens)
    document["patients"][0]["symptoms"] = [{"at": "2026-10-02T12:00", "symptom": "spasms", "severity": 3,
                                            "note": "worse after the bath"}]
    document["patients"][0]["observations"] = [{"at": "2026-10-02T13:00", "kind": "temperature", "value": 37.1,
                                                "note": "under the arm"}]
    document["patients"][0]["medications"].append(
        {"id": "m2", "name": "Tizanidine 2 mg tablets", "drug": "tizanidine", "route": "oral", "form": "tablet",
         "strength": {"value": 2, "unit": "mg"},
         "regimens": [{"start": "2026-10-08", "dose": {"value": 2, "unit": "mg"}, "times": ["21:00"]}]})
    now = datetime(2026, 10, 2, 21, 0, tzinfo=CHI)
    j, _clock = open_journal(tmp_path, document, now)
    person = j.list_patients()[0]
    person.contacts = "Dr Lee, neurology clinic, 555-0100"
    j.update_patient(person)
    text = pdf_text(j, now, date(2026, 10, 2), tmp_path / "r.pdf")
    assert "Planned changes still to come" in text
    assert "taper step 2" in text and "2026-10-10" in text
    assert "Tizanidine 2 mg tablets (not started yet)" in text and "2026-10-08" in text
    assert "crushed in yoghurt" in text and "worse after the bath" in text and "under the arm" in text
    assert "Dr Lee, neurology clinic, 555-0100" in text
    j.close()


def test_when_the_journal_began_comes_from_the_file_and_ignores_removed_entries(tmp_path) -> None:  # noqa: ANN001
    doses = [dose("2026-10-03T08:40", "2026-10-03T08:00"), dose("2026-10-04T08:00", "2026-10-04T08:00")]
    now = datetime(2026, 10, 5, 12, 0, tzinfo=CHI)
    j, _clock = open_journal(tmp_path, doc(["08:00"], doses, start="2026-01-01"), now)
    pid = j.list_patients()[0].id
    h = j.history(pid, now - timedelta(days=1), now)  # the window does not reach the first entries
    (mid,) = h.first_dose
    assert h.first_entry == datetime(2026, 10, 3, 8, 40, tzinfo=CHI)
    assert h.first_dose[mid] == datetime(2026, 10, 3, 8, 0, tzinfo=CHI)  # the slot it was for
    first = j.history(pid, datetime(2026, 10, 1, tzinfo=CHI), now).doses[0]
    j.remove("dose", first.id, by="Sam", reason="wrong person")
    h = j.history(pid, now - timedelta(days=1), now)
    assert h.first_entry == h.first_dose[mid] == datetime(2026, 10, 4, 8, 0, tzinfo=CHI)
    j.close()


@needs_pdftotext
def test_the_pdf_says_how_many_slots_are_not_counted_yet(tmp_path) -> None:  # noqa: ANN001
    at_2330 = datetime(2026, 10, 5, 23, 30, tzinfo=CHI)
    j, _clock = open_journal(tmp_path, doc(["08:00", "23:00"], [dose("2026-10-05T08:00", "2026-10-05T08:00")],
                                           start="2026-10-05"), at_2330)
    text = pdf_text(j, at_2330, date(2026, 10, 5), tmp_path / "r.pdf")
    assert "1 of 1 scheduled doses given (100%); 0 not given" in text
    assert "1 more not counted yet (not yet due or within the grace time)" in text
    j.close()


@needs_pdftotext
def test_loose_dose_case_on_the_command_line(tmp_path, capsys) -> None:  # noqa: ANN001
    """The case as a user runs it: import; `check --at` the evening of its last day; `report` for that day."""
    from journal.app import main

    db = str(tmp_path / "j.sqlite3")
    assert main(["--db", db, "import", str(CASES / "loose-dose-report.json")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "check", "--at", "2026-10-01T21:00", "--json"]) == 0
    alerts = json.loads(capsys.readouterr().out)["alerts"]
    missed = [a for a in alerts if a["rule"] == "missed-dose"]
    assert len(missed) == 1 and "12:00" in missed[0]["message"]
    out = tmp_path / "r.pdf"
    assert main(["--db", db, "report", "--patient", "Test Person A", "--from", "2026-10-01", "--to", "2026-10-01",
                 "--out", str(out)]) == 0
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True,
                                              capture_output=True, text=True).stdout)
    assert "3 of 4 scheduled doses given (75%); 1 not given" in text
    assert "all given" not in text and "4 of 4" not in text


def test_the_reminders_follow_the_same_plan(qtbot, tmp_path) -> None:  # noqa: ANN001
    from journal.ui.shell.due import due_items

    now = datetime(2026, 10, 1, 13, 0, tzinfo=CHI)
    document = json.loads((CASES / "loose-dose-report.json").read_text())
    j, clock = open_journal(tmp_path, document, now)
    doses = [i for i in due_items(j, now, j.get_settings()) if i.kind == "dose"]
    due_today = [hhmm(i.at) for i in doses if i.at.astimezone(CHI).date() == date(2026, 10, 1)]
    # 09:30 answered no slot, so 12:00 is still open (overdue), as Today and the checks say
    assert due_today == ["10-01 12:00", "10-01 16:00", "10-01 20:00"]
    assert agree(qtbot, j, clock, date(2026, 10, 1))["10-01 12:00"] == "overdue"
    j.close()
