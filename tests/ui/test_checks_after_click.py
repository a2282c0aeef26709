""""Given now" is short events on the GUI thread (issue 17): the press is the look-ahead (the person's
history read once and the dose rules, so a warning comes before anything is written), the write
and Today's redraw are the next event-loop turn, and the person's checks run on the turn after, on
that same read; the alert list says it is checking meanwhile (never "nothing needs your
attention" from before the write). No timing: the checks are intercepted to see what the window
showed when they ran."""
# ruff: noqa: F811  (pytest fixtures are imported from conftest)

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

import journal.ui.shell.session as session_module
from journal.domain import Alert, Severity
from tests.ui.conftest import TABLETS, at, clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401
from tests.ui.test_worker import SlowJournal


def marker(clock: Any, pid: int, title: str = "found by the checks after the click") -> Alert:  # noqa: ANN401
    return Alert(rule="test-after-click", severity=Severity.WARNING, patient="Robin", since=clock.now(),
                 title=title, message="", advice="", evidence=[], reference="when-to-call", patient_id=pid)


@pytest.fixture
def seen(window, clock, monkeypatch):  # noqa: ANN001, ANN201
    """Each run of the person's checks after a write: what Today and the alert list showed then."""
    runs: list[dict] = []
    real = session_module.checked

    def checked(journal: Any, history: Any, now: Any, patient_id: int) -> list[Alert]:  # noqa: ANN401
        runs.append({"slot": window.today.slot_state(TABLETS, "14:00"), "summary": window.alerts.summary.text(),
                     "doses": len(history.doses), "checking": window.session.checking})
        return real(journal, history, now, patient_id) + [marker(clock, patient_id)]

    monkeypatch.setattr(session_module, "checked", checked)
    return runs


def test_the_dose_shows_before_the_checks_run_and_their_alerts_follow(qtbot, window, seen) -> None:  # noqa: ANN001
    pid = window.session.patient_id
    doses_before = len(window.session.journal.history(pid, *window.session.span(window.session.now())).doses)
    qtbot.mouseClick(window.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    # the press has returned: nothing written yet, the button says so and takes no second press
    button = window.today.slot_button(TABLETS, "14:00")
    assert not button.isEnabled() and "Saving" in button.text()
    assert len(window.session.journal.history(pid, *window.session.span(window.session.now())).doses) == doses_before
    # the next turn: the dose is saved and shown, the checks not yet run (seen when the write is announced)
    at_write: list[dict] = []
    window.today.dose_logged.connect(lambda _c: at_write.append({
        "slot": window.today.slot_state(TABLETS, "14:00"), "checks_run": len(seen),
        "checking": window.session.checking, "summary": window.alerts.summary.text()}))
    qtbot.waitUntil(lambda: bool(at_write))
    assert at_write == [{"slot": "given", "checks_run": 0, "checking": True, "summary": at_write[0]["summary"]}]
    assert "Checking" in at_write[0]["summary"]
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["slot"] == "given" and seen[0]["checking"]
    qtbot.waitUntil(lambda: not window.session.checking)
    assert any(a.rule == "test-after-click" for a in window.session.alerts)
    assert "Checking" not in window.alerts.summary.text()
    assert len(seen) == 1  # once per click, and not everyone's checks on top


def test_the_checks_see_the_dose_just_saved(qtbot, window, seen) -> None:  # noqa: ANN001
    before = len(window.session.journal.history(window.session.patient_id, *window.session.span(
        window.session.now())).doses)
    qtbot.mouseClick(window.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["doses"] == before + 1


def test_a_newer_write_for_the_person_replaces_the_waiting_check(qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    session = window.session
    pid = session.patient_id
    ran: list[str] = []

    def checked(journal: Any, history: Any, now: Any, patient_id: int) -> list[Alert]:  # noqa: ANN401
        ran.append(history.marker)
        return [marker(clock, patient_id, title=history.marker)]

    class Marked:
        def __init__(self, name: str) -> None:
            self.marker = name

    monkeypatch.setattr(session_module, "checked", checked)
    session.check_person_later(pid, Marked("older"), clock.now())  # type: ignore[arg-type]
    session.check_person_later(pid, Marked("newer"), clock.now())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not session.checking)
    assert ran == ["newer"]
    assert [a.title for a in session.alerts if a.patient_id == pid] == ["newer"]


def test_everyones_checks_from_before_the_click_do_not_replace_the_persons_new_alerts(
        qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    pid = journal.list_patients()[0].id
    old = marker(clock, pid, title="from before the click")
    slow = SlowJournal(journal, first_answer=[old])
    w = build_window(slow, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(slow.started.is_set)  # the start checks (from before the click) are held
    real = session_module.checked
    monkeypatch.setattr(session_module, "checked",
                        lambda j, h, now, p: real(j, h, now, p) + [marker(clock, p)])
    qtbot.mouseClick(w.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    # answered while everyone's checks are held
    qtbot.waitUntil(lambda: w.today.slot_state(TABLETS, "14:00") == "given")
    qtbot.waitUntil(lambda: not w.session.checking)
    slow.release.set()
    qtbot.waitUntil(lambda: not w.session.checking_in_background)
    titles = [a.title for a in w.session.alerts]
    assert "from before the click" not in titles  # dropped: computed before the write
    # (the stale result asked for one more run of everyone's checks: that is what is shown now)
    assert [a.key for a in w.session.alerts] == [a.key for a in w.session.refresh_alerts()]


# -- the other entries made in the window: the entry shows, its checks follow a turn later --------
def spy_checks(window: Any, monkeypatch: pytest.MonkeyPatch) -> list[dict]:  # noqa: ANN401
    """Each run of the person's checks after a write: what the alert list showed then."""
    runs: list[dict] = []
    real = session_module.checked

    def checked(journal: Any, history: Any, now: Any, patient_id: int) -> list[Alert]:  # noqa: ANN401
        runs.append({"summary": window.alerts.summary.text(), "checking": window.session.checking})
        return real(journal, history, now, patient_id)

    monkeypatch.setattr(session_module, "checked", checked)
    return runs


def test_a_seizure_logged_is_saved_in_the_click_and_its_emergency_follows(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    runs = spy_checks(window, monkeypatch)
    form = window.symptom_form
    form.choose("seizure")
    form.when.set_value(at(15, 10))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    pid = window.session.patient_id
    # the click has returned: saved and said so, the checks not run yet, and the list says it is checking
    assert [s.symptom for s in window.session.journal.history(pid, at(0), at(23, 59)).symptoms] == ["seizure"]
    assert "Logged: Seizure" in form.result.text()
    assert runs == [] and window.session.checking
    assert "Checking" in window.alerts.summary.text()
    assert not any(a.severity is Severity.EMERGENCY for a in window.session.alerts)
    qtbot.waitUntil(lambda: not window.session.checking)
    assert len(runs) == 1 and runs[0]["checking"] and "Checking" in runs[0]["summary"]
    assert any(a.severity is Severity.EMERGENCY and a.patient_id == pid for a in window.session.alerts)
    assert "Checking" not in window.alerts.summary.text()


def test_a_high_temperature_logged_is_saved_in_the_click_and_its_alert_follows(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import ObservationKind

    runs = spy_checks(window, monkeypatch)
    form = window.vitals_form
    form.choose_kind(ObservationKind.TEMPERATURE)
    qtbot.keyClicks(form.value, "40.8")
    before = {a.key for a in window.session.alerts}
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    pid = window.session.patient_id
    assert [o.value for o in window.session.journal.history(pid, at(0), at(23, 59)).observations] == [40.8]
    assert runs == [] and window.session.checking and "Checking" in window.alerts.summary.text()
    qtbot.waitUntil(lambda: not window.session.checking)
    assert len(runs) == 1
    new = [a for a in window.session.alerts if a.key not in before]
    assert any(a.severity.rank >= Severity.WARNING.rank and a.patient_id == pid for a in new), new


def test_a_dose_logged_from_the_dialog_is_shown_first_and_checked_a_turn_later(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import Dose, DoseStatus, Quantity, Unit

    runs = spy_checks(window, monkeypatch)
    today = window.today
    med = next(m for m in today.history.medications if m.name == TABLETS)
    # "Other time / not given...": given at 14:00 after all, the dialog's Save
    dose = Dose(med.id, DoseStatus.TAKEN, scheduled=at(14), given=at(14, 5), amount=Quantity(10, Unit.MG),
                patient_id=window.session.patient_id)
    today._dialog_submit(med)(dose)
    assert today.slot_state(TABLETS, "14:00") == "given"
    assert runs == [] and window.session.checking
    qtbot.waitUntil(lambda: not window.session.checking)
    assert len(runs) == 1


# -- the alerts found are shown on the turn after the checks, never older over newer -------------
class Marked:
    def __init__(self, name: str) -> None:
        self.marker = name


def marked_checks(clock: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN401
    monkeypatch.setattr(session_module, "checked",
                        lambda journal, history, now, pid: [marker(clock, pid, title=history.marker)])


def test_the_list_says_checking_until_the_alerts_found_are_up(qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    session = window.session
    pid = session.patient_id
    marked_checks(clock, monkeypatch)
    said: list[tuple[str, bool]] = []
    record = lambda *_a: said.append((window.alerts.summary.text(), session.checking))  # noqa: E731
    session.alerts_updated.connect(record)  # after the alert list's own handlers
    session.checking_changed.connect(record)
    session.check_person_later(pid, Marked("found"), clock.now())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not session.checking)
    assert [a.title for a in session.alerts if a.patient_id == pid] == ["found"]
    assert said and all("Nothing needs" not in text for text, _c in said)
    assert [checking for _t, checking in said][-1] is False
    assert "Checking" not in window.alerts.summary.text()


def test_alerts_found_before_a_write_are_not_shown_over_the_alerts_that_write_checked(
        qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import SymptomEntry
    from journal.ui.operations import entries

    session = window.session
    pid = session.patient_id
    marked_checks(clock, monkeypatch)
    session.check_person_later(pid, Marked("older"), clock.now())  # type: ignore[arg-type]
    session._run_person_checks()  # found; to be shown on the next turn
    assert session.checking
    # a write whose checks run in it (the window's History corrections do), before that turn
    entries.log_symptom(session=session, patient_id=pid, by="Ana", entry=SymptomEntry(at(15), "drowsiness", severity=1))
    qtbot.wait(1)
    qtbot.wait(1)
    titles = [a.title for a in session.alerts if a.patient_id == pid]
    assert "older" not in titles and titles  # the write's own (newer) checks
    assert not session.checking


def test_everyones_checks_replace_alerts_found_but_not_yet_shown(qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    session = window.session
    pid = session.patient_id
    marked_checks(clock, monkeypatch)
    session.check_person_later(pid, Marked("older"), clock.now())  # type: ignore[arg-type]
    session._run_person_checks()
    fresh = session.refresh_alerts()  # everyone's, read now: as new or newer
    qtbot.wait(1)
    qtbot.wait(1)
    assert [a.key for a in session.alerts] == [a.key for a in fresh]
    assert "older" not in [a.title for a in session.alerts]
    assert not session.checking


# -- corrections and removals in History, medicine changes: the same short click ------------------
def test_a_dose_removed_in_history_is_gone_in_the_click_and_its_alert_follows(
        qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    window.tabs.setCurrentWidget(window.history)
    hv = window.history
    qtbot.waitUntil(lambda: bool(hv.shown))
    qtbot.waitUntil(lambda: not window.session.checking)
    pid = window.session.patient_id
    before = {a.key for a in window.session.alerts}
    hv.table.selectRow(next(i for i, e in enumerate(hv.shown) if e.entity == "dose"))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("logged by mistake", True)))
    runs = spy_checks(window, monkeypatch)
    qtbot.mouseClick(hv.remove_button, Qt.MouseButton.LeftButton)
    # the click has returned: removed in the file, the checks not run yet, the list says it is checking
    assert [d for d in journal.history(pid, at(0), at(23, 59)).doses if not d.removed] == []
    assert runs == [] and window.session.checking and "Checking" in window.alerts.summary.text()
    qtbot.waitUntil(lambda: not window.session.checking)
    assert len(runs) == 1 and runs[0]["checking"]
    # the day's only baclofen dose taken back: the gap is now a missed dose, or worse, an abrupt stop
    new = [a for a in window.session.alerts if a.key not in before and a.patient_id == pid]
    assert {a.rule for a in new} & {"missed-dose", "abrupt-stop"}, [a.rule for a in window.session.alerts]
    assert "Checking" not in window.alerts.summary.text()


def test_a_medicine_stopped_from_the_window_is_saved_in_the_click_and_checked_a_turn_later(
        qtbot, window, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from dataclasses import replace

    from journal.ui.operations import medicines

    qtbot.waitUntil(lambda: not window.session.checking)
    pid = window.session.patient_id
    med = next(m for m in journal.history(pid, at(0), at(23, 59)).medications if m.name == TABLETS)
    current = med.regimen_on(clock.now().date())
    assert current is not None
    stop = replace(current, start=clock.now().date(), end=clock.now().date())  # baclofen stopped from today
    before = {a.key for a in window.session.alerts}
    runs = spy_checks(window, monkeypatch)
    medicines.stop_medicine(session=window.session, patient_id=pid, medication_id=med.id, plan=[stop],
                            by="test")
    assert runs == [] and window.session.checking
    qtbot.waitUntil(lambda: not window.session.checking)
    assert len(runs) == 1
    new = [a for a in window.session.alerts if a.key not in before and a.patient_id == pid]
    assert "fast-taper" in {a.rule for a in new}, [a.rule for a in window.session.alerts]


def test_a_waiting_check_of_the_person_never_replaces_newer_alerts(qtbot, window, journal, clock) -> None:  # noqa: ANN001
    """A write whose checks wait a turn (a profile edit), then in the same turn a write whose checks
    ran in its click (a seizure): the waiting check read the journal before the seizure, and its
    alerts must not replace the seizure's (a lost emergency)."""
    from journal.domain import SymptomEntry
    from journal.ui.operations import entries, people

    s = window.session
    qtbot.waitUntil(lambda: not s.checking and not s.checking_in_background)
    pid = s.patient_id
    people.edit_person(session=s, person=journal.get_patient(pid), by="test")  # its checks wait a turn
    entries.log_symptom(session=s, patient_id=pid, by="test",
                        entry=SymptomEntry(at=clock.now(), symptom="seizure", severity=3))  # checked here
    raised = {a.key for a in s.alerts if a.severity is Severity.EMERGENCY and a.patient_id == pid}
    assert raised
    qtbot.waitUntil(lambda: not s.checking and not s.checking_in_background)
    qtbot.wait(20)
    assert raised <= {a.key for a in s.alerts}
