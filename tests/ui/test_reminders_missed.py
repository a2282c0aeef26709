"""Reminders for every medicine when their time passed while the computer slept or the app was
closed: shown once on waking or opening, in one batch, until the slot is answered or the
missed-dose alert takes it over; never twice for one slot, also across restarts."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.domain import (
    Alert,
    Dose,
    DoseStatus,
    FixedClock,
    Medication,
    Patient,
    Quantity,
    Regimen,
    Severity,
    Unit,
)
from journal.services.journal import ReminderMark
from journal.ui.shell.due import due_items, handed_over, settled_keys
from journal.ui.shell.reminders import DueItem, ReminderMarks
from tests.ui.conftest import NOW, TABLETS, TZ, at, clock, empty_journal, no_blocking_dialogs  # noqa: F401

OMEPRAZOLE = "Omeprazole 20 mg"  # no drug profile: the general rules and reminders only
TODAY = NOW.date()


class FakeMonotonic:
    """A monotonic clock the test moves; it does not move while the 'computer sleeps'."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def journal(empty_journal: Any) -> Any:
    """Robin since today: baclofen tablets at 08:00 (given), 14:00 and 20:00; omeprazole (no
    drug profile) at 14:00."""
    j = empty_journal
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
    j.add_medication(pid, Medication(
        name=TABLETS, drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=TODAY, dose=Quantity(10, Unit.MG), times=[time(8), time(14), time(20)])]))
    j.add_medication(pid, Medication(
        name=OMEPRAZOLE, strength=Quantity(20, Unit.MG),
        regimens=[Regimen(start=TODAY, dose=Quantity(20, Unit.MG), times=[time(14)])]))
    tablets = j.find_medication(pid, TABLETS)
    j.log_dose(pid, Dose(medication_id=tablets.id, status=DoseStatus.TAKEN, scheduled=at(8),
                         given=at(8, 5), amount=Quantity(10, Unit.MG), by="Sam"))
    return j


def pid_of(journal: Any) -> int:
    return int(journal.list_patients()[0].id)


def mid_of(journal: Any, name: str) -> int:
    return int(journal.find_medication(pid_of(journal), name).id)


def open_window(qtbot: Any, journal: Any, clock: FixedClock, mono: FakeMonotonic | None = None) -> tuple[Any, list]:
    """A window as the caregiver opens it, with every notification it gives recorded:
    (window, [(title, text, lines), ...])."""
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, heartbeat_ms=20, monotonic=mono or FakeMonotonic())
    qtbot.addWidget(w)
    told: list[tuple[str, str, dict[str, str]]] = []
    real = w.notifier.notify

    def notify(title: str, text: str, lines: dict[str, str] | None = None) -> None:
        told.append((title, text, dict(lines or {})))
        real(title, text, lines)

    w.notifier.notify = notify  # type: ignore[method-assign]
    w.show()
    return w, told


def lines_of(told: list) -> list[str]:
    return [line for _t, _x, lines in told for line in lines.values()]


def missed_alert(journal: Any, name: str, since: datetime) -> Alert:
    return Alert(rule="missed-dose", severity=Severity.WARNING, patient="Robin", since=since,
                 title=f"{name}: a planned dose was not logged", message="m", advice="a", evidence=["e"],
                 reference="missed-doses", medication=name, patient_id=pid_of(journal),
                 medication_id=mid_of(journal, name))


# -- the sleep case ------------------------------------------------------------------------------

def test_waking_3_hours_after_a_slot_reminds_every_medicine_in_one_notification(qtbot, journal, clock) -> None:  # noqa: ANN001
    clock.set(at(13, 30))
    mono = FakeMonotonic()
    w, told = open_window(qtbot, journal, clock, mono)
    qtbot.waitUntil(lambda: w.scheduler.timer.isActive())
    w.scheduler.tick()
    assert told == []  # nothing due yet at 13:30 (the 14:00 reminder is at 13:45)
    # The laptop sleeps through 13:45 and 14:00 and wakes at 17:00: the wall clock jumped three
    # and a half hours, the monotonic clock only a second.
    clock.set(at(17, 0))
    mono.t += 1
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    lines = lines_of(told)
    assert any(line.startswith(f"Robin: {OMEPRAZOLE} was due at 14:00, nothing logged: 20 mg") for line in lines)
    assert any(line.startswith(f"Robin: {TABLETS} was due at 14:00, nothing logged: 10 mg") for line in lines)
    assert told[0][0] == "CareJournal: 2 reminders"  # one notification for both, not two
    # ... and never again for the same slots while the app runs
    for _ in range(3):
        w.scheduler.tick()
    assert len(told) == 1


def test_no_reminder_when_both_clocks_moved_together_and_nothing_was_due(qtbot, journal, clock) -> None:  # noqa: ANN001
    clock.set(at(9, 0))
    mono = FakeMonotonic()
    w, told = open_window(qtbot, journal, clock, mono)
    qtbot.waitUntil(lambda: w.scheduler.timer.isActive())
    clock.set(at(13, 40))
    mono.t += (at(13, 40) - at(9, 0)).total_seconds()
    w.scheduler.tick()
    assert told == []  # 13:40 is before the 13:45 reminder time
    clock.set(at(13, 45))
    mono.t += 300
    w.scheduler.tick()
    assert [t for t, _x, _l in told] == ["CareJournal: 2 reminders"]
    assert all("at 14:00:" in line and "was due" not in line for line in lines_of(told))


# -- the app-closed case -------------------------------------------------------------------------

def test_opening_the_app_3_hours_after_a_slot_reminds_it_at_once(qtbot, journal, clock) -> None:  # noqa: ANN001
    clock.set(at(17, 0))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    lines = lines_of(told)
    assert any(OMEPRAZOLE in line and "was due at 14:00, nothing logged" in line for line in lines)
    assert any(TABLETS in line and "was due at 14:00, nothing logged" in line for line in lines)
    assert not any("08:00" in line for line in lines)  # given
    assert not any("20:00" in line for line in lines)  # not due yet


def test_a_slot_from_yesterday_evening_says_yesterday(qtbot, journal, clock) -> None:  # noqa: ANN001
    tablets = mid_of(journal, TABLETS)
    pid = pid_of(journal)
    journal.log_dose(pid, Dose(medication_id=tablets, status=DoseStatus.TAKEN, scheduled=at(14), given=at(14)))
    journal.log_dose(pid, Dose(medication_id=mid_of(journal, OMEPRAZOLE), status=DoseStatus.TAKEN,
                               scheduled=at(14), given=at(14)))
    clock.set(at(7, 0, TODAY + timedelta(days=1)))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    assert told[0][0] == f"Robin: {TABLETS} was due yesterday at 20:00, nothing logged"


def test_a_restart_does_not_notify_the_same_slot_again_but_keeps_it_in_view(qtbot, journal, clock) -> None:  # noqa: ANN001
    clock.set(at(15, 30))  # within the grace: no alert takes these slots over yet
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    w.close()
    clock.set(at(15, 40))
    w2, told2 = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: w2.scheduler.timer.isActive())
    w2.scheduler.tick()
    assert told2 == []  # no second notification for 14:00
    # ... but the slots still open are listed again, quietly, until answered
    qtbot.waitUntil(w2.reminder_banner.isVisible, timeout=3000)
    assert f"{OMEPRAZOLE} was due at 14:00, nothing logged" in w2.reminder_banner.label.text()
    # a slot that was dismissed with "OK, got it" does not come back at the next start
    qtbot.mouseClick(w2.reminder_banner.dismiss_button, Qt.MouseButton.LeftButton)
    w2.close()
    w3, told3 = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: w3.scheduler.timer.isActive())
    w3.scheduler.tick()
    assert told3 == [] and not w3.reminder_banner.isVisible()


# -- a medicine without a drug profile -------------------------------------------------------------

def test_a_medicine_without_a_profile_stays_in_view_while_no_alert_speaks_for_it(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [])
    clock.set(at(18, 30))  # 4.5 h late
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    clock.set(at(19, 0))
    w.session.refresh_alerts()
    w.scheduler.replan("data")
    w.scheduler.tick()
    assert f"{OMEPRAZOLE} was due at 14:00, nothing logged" in w.reminder_banner.label.text()
    assert len(told) == 1


@pytest.mark.parametrize("name", [TABLETS, OMEPRAZOLE])
def test_with_the_real_checks_the_slot_is_handed_to_the_missed_dose_alert(qtbot, journal, clock, name) -> None:  # noqa: ANN001
    clock.set(at(17, 0))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    assert any(name in line for line in lines_of(told))  # it was said once, on opening
    # The checks ran as the window opened: the alert already speaks for the slot, so the banner
    # does not list it even for a moment.
    assert any(a.rule == "missed-dose" and a.medication == name for a in w.session.alerts)
    assert name not in w.reminder_banner.label.text()
    w.scheduler.tick()
    assert len(told) == 1


# -- an answered slot ------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [DoseStatus.TAKEN, DoseStatus.SKIPPED, DoseStatus.REFUSED])
def test_a_slot_answered_while_the_app_was_closed_is_not_reminded(qtbot, journal, clock, status) -> None:  # noqa: ANN001
    journal.log_dose(pid_of(journal), Dose(medication_id=mid_of(journal, OMEPRAZOLE), status=status,
                                           scheduled=at(14), given=at(14, 10) if status is DoseStatus.TAKEN else None))
    clock.set(at(17, 0))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    assert not any(OMEPRAZOLE in line for line in lines_of(told))
    assert any(TABLETS in line for line in lines_of(told))


def test_logging_the_dose_takes_its_line_out_of_the_banner(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    clock.set(at(15, 30))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: OMEPRAZOLE in w.reminder_banner.label.text(), timeout=3000)
    qtbot.mouseClick(w.today.slot_button(OMEPRAZOLE, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.today.slot_state(OMEPRAZOLE, "14:00") == "given")
    qtbot.waitUntil(lambda: OMEPRAZOLE not in w.reminder_banner.label.text(), timeout=3000)
    assert TABLETS in w.reminder_banner.label.text()  # still open
    assert len(told) == 1


# -- hand-over to the missed-dose alert ----------------------------------------------------------

def test_the_missed_dose_alert_takes_the_slot_over(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [])
    clock.set(at(17, 0))
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    alert = missed_alert(journal, OMEPRAZOLE, at(14))
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [alert])
    w.session.refresh_alerts()
    qtbot.waitUntil(lambda: OMEPRAZOLE not in w.reminder_banner.label.text(), timeout=3000)
    assert TABLETS in w.reminder_banner.label.text()  # no alert for it in this list: it stays
    # The caregiver acknowledges the alert (it leaves the list): the reminder does not come back.
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [])
    w.session.refresh_alerts()
    w.scheduler.replan("data")
    w.scheduler.tick()
    assert OMEPRAZOLE not in w.reminder_banner.label.text() and len(told) == 1
    # nor at the next start
    w.close()
    w2, told2 = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: w2.scheduler.timer.isActive())
    w2.scheduler.tick()
    assert told2 == [] and OMEPRAZOLE not in w2.reminder_banner.label.text()


def test_an_alert_about_an_earlier_slot_does_not_hide_a_slot_still_in_its_grace(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    clock.set(at(15, 30))
    alert = missed_alert(journal, TABLETS, at(8))
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [alert])
    w, told = open_window(qtbot, journal, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    w.session.refresh_alerts()
    assert f"{TABLETS} was due at 14:00" in w.reminder_banner.label.text()


def item(at_: datetime, *, patient_id: int = 1, medication_id: int = 2, grace: timedelta = timedelta(hours=2)) -> DueItem:
    return DueItem(f"dose|{medication_id}|{at_.isoformat()}", at_, "t", "x", patient_id=patient_id,
                   medication_id=medication_id, grace_ends=at_ + grace)


def alert_for(rule: str = "missed-dose", patient_id: int = 1, medication_id: int = 2) -> Alert:
    return Alert(rule=rule, severity=Severity.WARNING, patient="Robin", since=at(14), title="t", message="m",
                 advice="a", evidence=[], reference="missed-doses", patient_id=patient_id,
                 medication_id=medication_id)


def test_hand_over_fires_only_past_the_grace_and_for_the_same_person_and_medicine() -> None:
    slot = item(at(14))
    assert handed_over(slot, [alert_for()], at(16, 1))
    assert handed_over(slot, [alert_for("abrupt-stop")], at(16, 1))
    assert not handed_over(slot, [alert_for()], at(16, 0))  # boundary: exactly 2 h late is not missed yet
    assert not handed_over(slot, [], at(23, 0))  # no alert in the list: the reminder stays
    assert not handed_over(slot, [alert_for(medication_id=3)], at(23, 0))
    assert not handed_over(slot, [alert_for(patient_id=9)], at(23, 0))
    assert not handed_over(slot, [alert_for("double-dose")], at(23, 0))
    pump = DueItem("pump|1|2026-11-23|0", at(9), "t", "x", kind="pump", patient_id=1)
    assert not handed_over(pump, [alert_for()], at(23, 0))


def test_settled_keys_are_the_answered_or_handed_over_dose_lines() -> None:
    a, b = item(at(14)), item(at(14), medication_id=5)
    shown = {a.key, b.key, "dose|7|gone", "pump|1|2026-11-23|0", "message|1"}
    assert settled_keys(shown, [a, b], [alert_for()], at(16, 30)) == {a.key, "dose|7|gone"}
    assert settled_keys(shown, [a, b], [], at(16, 30)) == {"dose|7|gone"}


# -- no flood ---------------------------------------------------------------------------------------

def test_a_night_away_gives_one_notification_and_one_short_list(qtbot, empty_journal, clock, monkeypatch) -> None:  # noqa: ANN001
    j = empty_journal
    monkeypatch.setattr(j, "check", lambda now=None, patient_id=None: [])  # no alert takes any over
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
    for n in range(4):
        j.add_medication(pid, Medication(
            name=f"Medicine {n}", strength=Quantity(5, Unit.MG),
            regimens=[Regimen(start=TODAY, dose=Quantity(5, Unit.MG), times=[time(8), time(12), time(16)])]))
    clock.set(at(17, 0))
    w, told = open_window(qtbot, j, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    title, text, lines = told[0]
    assert title == "CareJournal: 12 reminders" and len(lines) == 12
    assert text.count("\n") == 5 and text.endswith("... and 7 more: see Today.")
    banner = w.reminder_banner.label.text()
    assert banner.count("\u25f7") == 5 and "and 7 more: see Today." in banner
    w.scheduler.tick()
    assert len(told) == 1


def test_after_a_night_away_the_alerts_speak_for_the_old_slots_and_the_banner_keeps_the_recent(qtbot, empty_journal, clock) -> None:  # noqa: ANN001
    j = empty_journal
    pid = j.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))).record_id
    for n in range(4):
        j.add_medication(pid, Medication(
            name=f"Medicine {n}", strength=Quantity(5, Unit.MG),
            regimens=[Regimen(start=TODAY, dose=Quantity(5, Unit.MG), times=[time(8), time(12), time(16)])]))
    clock.set(at(17, 0))
    w, told = open_window(qtbot, j, clock)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=3000)
    assert len(told[0][2]) == 12  # everything was said once
    # the real missed-dose alert names each medicine (no drug profile: the general numbers)
    qtbot.waitUntil(lambda: sum(a.rule == "missed-dose" for a in w.session.alerts) == 4, timeout=3000)
    banner = w.reminder_banner.label.text()
    assert banner.count("\u25f7") == 4 and "08:00" not in banner and "12:00" not in banner
    assert all(f"Medicine {n} was due at 16:00" in banner for n in range(4))


# -- what is remembered, and where ---------------------------------------------------------------

def test_shown_reminders_are_remembered_in_the_settings_store_and_forgotten_after_days(journal, clock) -> None:  # noqa: ANN001
    marks = ReminderMarks(journal)
    marks.mark_shown([item(at(14))], at(15))
    assert set(journal.reminder_marks()) == {item(at(14)).key}
    again = ReminderMarks(journal)
    assert again.shown == {item(at(14)).key} and again.open_shown() == {item(at(14)).key}
    again.close({item(at(14)).key}, at(16))
    assert journal.reminder_marks()[item(at(14)).key] == ReminderMark(at(14), True)
    later = at(14, 0, TODAY + timedelta(days=4))
    again.mark_shown([item(later)], later)
    assert set(journal.reminder_marks()) == {item(later).key}  # the old one is forgotten
    assert journal.get_settings().timezone == "America/Chicago"  # the settings themselves untouched


def test_unreadable_marks_are_skipped_and_a_failed_save_does_not_stop_reminders(journal) -> None:  # noqa: ANN001
    with journal.store.transaction() as tx:
        tx.set_setting("reminders_shown", {"a": ["not a time", False], "b": 3,
                                           "c": [at(14).isoformat(), True], "d": ["2026-11-23T14:00", False]})
    assert journal.reminder_marks() == {"c": ReminderMark(at(14).astimezone(TZ), True)}

    class Broken:
        def reminder_marks(self) -> dict:
            return {}

        def save_reminder_marks(self, marks: object, *, forget_before: datetime) -> None:
            raise OSError(28, "No space left on device")

    marks = ReminderMarks(Broken())
    marks.mark_shown([item(at(14))], at(15))
    assert marks.shown == {item(at(14)).key} and "No space left" in marks.save_failed


def test_due_items_words_before_and_after_the_time(journal, clock) -> None:  # noqa: ANN001
    settings = journal.get_settings()
    items = {i.key: i for i in due_items(journal, at(15, 30), settings)}
    ome = next(i for i in items.values() if i.medication_id == mid_of(journal, OMEPRAZOLE))
    assert ome.title_at(at(13, 45)) == f"Robin: {OMEPRAZOLE} at 14:00"
    assert ome.title_at(at(15, 30)) == f"Robin: {OMEPRAZOLE} was due at 14:00, nothing logged"
    assert ome.grace_ends == at(16, 0)  # no profile: 2 h (clinical-facts: missed-dose, NHS)


def test_without_readable_drug_data_the_open_slots_are_still_reminded(journal, clock, monkeypatch) -> None:  # noqa: ANN001
    import journal.ui.shell.due as due
    from journal.knowledge import KnowledgeError

    def broken() -> object:
        raise KnowledgeError("resources/drugs: unreadable")

    monkeypatch.setattr(due, "default_library", broken)
    items = due_items(journal, at(17, 0), journal.get_settings())
    names = {(i.medication_id, i.at) for i in items}
    assert (mid_of(journal, OMEPRAZOLE), at(14)) in names and (mid_of(journal, TABLETS), at(14)) in names
