"""The reminder plan after a write (issue 17): only the person written to is planned again, and the
plan is the same as planning everyone afresh; other changes, a new day and time passing plan
everyone again."""
# ruff: noqa: F811  (pytest fixtures are imported from conftest)

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt

from journal.domain import Dose, DoseStatus, Medication, Patient, Quantity, Regimen, Unit
from journal.ui.shell.due import REUSE, due_items
from tests.ui.conftest import NOW, TABLETS, at, clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401

OTHER = "Baclofen 5 mg tablets"


@pytest.fixture
def two(journal):  # noqa: ANN001, ANN201
    """Robin (the usual journal) and Alex, on baclofen 5 mg at 08:00, 16:00 and 22:00."""
    pid = journal.add_patient(Patient(name="Alex", birth_date=date(1975, 1, 2))).record_id
    journal.add_medication(pid, Medication(
        name=OTHER, drug="baclofen", strength=Quantity(5, Unit.MG),
        regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(5, Unit.MG), times=[time(8), time(16), time(22)])]))
    return journal


@pytest.fixture
def window(two, clock, qtbot):  # noqa: ANN001, ANN201
    from journal.ui.shell.main_window import build_window

    w = build_window(two, clock, tray_available=False, heartbeat_ms=20)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.reminders.started and w.reminders.due_plan.complete)
    w.reminders.due_plan.budget = None  # everyone in one call (splitting across turns: its own test below)
    return w


def ids(journal) -> dict[str, int]:  # noqa: ANN001
    return {p.name: p.id for p in journal.list_patients()}


def keys(items) -> list[str]:  # noqa: ANN001
    return sorted(i.key for i in items)


def fresh(window, journal, clock) -> list[str]:  # noqa: ANN001
    return keys(due_items(journal, clock.now(), window.session.settings))


def test_given_now_plans_only_that_person_again_and_the_plan_is_the_same_as_planning_everyone(
        qtbot, window, two, clock) -> None:  # noqa: ANN001
    robin = ids(two)["Robin"]
    window.person.setCurrentIndex(window.person.findData(robin))
    slot = [i.key for i in window.scheduler.items if TABLETS in i.title and "14:00" in i.title]
    assert slot  # the overdue 14:00 dose is planned before it is given
    qtbot.mouseClick(window.today.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reminders.due_plan.planned == [robin])
    assert slot[0] not in keys(window.scheduler.items)
    assert keys(window.scheduler.items) == fresh(window, two, clock)


def test_another_programs_write_plans_everyone_again(qtbot, window, two, clock, tmp_path) -> None:  # noqa: ANN001
    from journal.services.journal import Journal

    alex = ids(two)["Alex"]
    med = two.find_medication(alex, OTHER)
    sixteen = f"dose|{med.id}|{at(16).isoformat()}"
    assert sixteen in keys(window.scheduler.items)
    clock.set(at(15, 40))
    other = Journal.open(tmp_path / "journal.sqlite3", clock)  # another program (the command line, say)
    try:
        other.log_dose(alex, Dose(medication_id=med.id, status=DoseStatus.TAKEN, scheduled=at(16), given=at(15, 40),
                                  amount=Quantity(5, Unit.MG), by="Sam"))
    finally:
        other.close()
    window.reminders.due_plan.planned = []
    assert window.session.check_for_outside_changes()
    qtbot.waitUntil(lambda: sorted(window.reminders.due_plan.planned) == sorted(ids(two).values()))
    assert sixteen not in keys(window.scheduler.items)
    assert keys(window.scheduler.items) == fresh(window, two, clock)


def test_reused_within_the_hour_then_planned_afresh(window, two, clock) -> None:  # noqa: ANN001
    everyone = sorted(ids(two).values())
    clock.set(NOW + REUSE)
    window.scheduler.replan("test")
    assert window.reminders.due_plan.planned == []  # nothing written, still within REUSE: reused
    assert keys(window.scheduler.items) == keys(due_items(two, NOW, window.session.settings))
    clock.set(NOW + REUSE + timedelta(minutes=1))
    window.scheduler.replan("test")
    assert sorted(window.reminders.due_plan.planned) == everyone
    assert keys(window.scheduler.items) == fresh(window, two, clock)


def test_a_new_day_plans_everyone_afresh(window, two, clock) -> None:  # noqa: ANN001
    clock.set(at(23, 50))
    window.scheduler.replan("test")
    clock.set(at(0, 10, NOW.date() + timedelta(days=1)))  # 20 minutes later, the next day
    window.scheduler.replan("test")
    assert sorted(window.reminders.due_plan.planned) == sorted(ids(two).values())
    assert keys(window.scheduler.items) == fresh(window, two, clock)


def test_planning_everyone_is_split_across_event_loop_turns_and_completes(qtbot, window, two, clock) -> None:  # noqa: ANN001
    window.reminders.due_plan.budget = 0.0  # one person per turn
    fired: list = []
    window.scheduler.reminders_due.connect(fired.extend)
    window.scheduler.marks.close([i.key for i in window.scheduler.items], clock.now())  # as if dismissed
    clock.set(at(15, 50))  # Alex's 16:00 dose is within the reminder lead now
    window.reminders.due_plan.forget()
    window.scheduler.replan("test")
    assert len(window.reminders.due_plan.planned) == 1 and not window.reminders.due_plan.complete
    qtbot.waitUntil(lambda: window.reminders.due_plan.complete)
    assert keys(window.scheduler.items) == fresh(window, two, clock)
    alex = ids(two)["Alex"]
    qtbot.waitUntil(lambda: any(i.patient_id == alex and "16:00" in i.title for i in fired))
