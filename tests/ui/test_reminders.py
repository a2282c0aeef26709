"""Reminders: planning with an injected clock, firing, re-planning after a clock jump or sleep,
and the in-window banner when there is no system tray."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from journal.domain import FixedClock
from journal.ui.shell.reminders import DueItem, ReminderScheduler, due_now, plan_next
from tests.ui.conftest import NOW, TABLETS, at, clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401

LEAD = timedelta(minutes=15)


def item(hh: int, mm: int = 0, key: str = "") -> DueItem:
    return DueItem(key or f"k{hh}{mm}", at(hh, mm), f"dose at {hh}", "10 mg")


def test_plan_next_fires_lead_minutes_before() -> None:
    r = plan_next([item(20), item(17)], NOW, LEAD, set())
    assert r is not None and r.item.key == "k170" and r.fire_at == at(16, 45)


def test_plan_next_skips_done_items_and_due_now_lists_every_passed_one() -> None:
    items = [item(12), item(15, 0), item(20)]
    r = plan_next(items, NOW, LEAD, {"k120", "k150"})
    assert r is not None and r.item.key == "k200"
    # 12:00 passed 3.5 h ago with nothing logged: still reminded (the provider drops answered slots)
    assert [i.key for i in due_now(items, NOW, LEAD, set())] == ["k120", "k150"]
    assert [i.key for i in due_now(items, NOW, LEAD, {"k120"})] == ["k150"]


def test_item_whose_time_came_while_asleep_fires_at_once() -> None:
    r = plan_next([item(15, 20)], NOW, LEAD, set())
    assert r is not None and r.fire_at == NOW


class FakeMonotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make_scheduler(qtbot, clock: FixedClock, items: list[DueItem], mono: FakeMonotonic):  # noqa: ANN001, ANN201
    s = ReminderScheduler(clock, lambda now: items, lambda: LEAD, heartbeat_ms=10, monotonic=mono)
    s.start()
    return s


def test_reminder_fires_when_the_injected_clock_reaches_it(qtbot, clock) -> None:  # noqa: ANN001
    mono = FakeMonotonic()
    s = make_scheduler(qtbot, clock, [item(17)], mono)
    fired: list[DueItem] = []
    s.reminders_due.connect(fired.extend)
    s.tick()
    assert fired == []
    clock.set(at(16, 46))
    mono.t += (at(16, 46) - NOW).total_seconds()
    with qtbot.waitSignal(s.reminders_due, timeout=2000) as blocker:
        pass
    assert [i.key for i in blocker.args[0]] == ["k170"]
    s.tick()
    assert [f.key for f in fired] == ["k170"]  # once only
    s.stop()


def test_clock_jump_is_noticed_and_replanned(qtbot, clock) -> None:  # noqa: ANN001
    mono = FakeMonotonic()
    s = make_scheduler(qtbot, clock, [item(20)], mono)
    reasons: list[str] = []
    s.replanned.connect(reasons.append)
    # the machine slept: the wall clock moved 4 hours, the monotonic clock 1 second
    clock.set(NOW + timedelta(hours=4, minutes=20))
    mono.t += 1
    with qtbot.waitSignal(s.reminders_due, timeout=2000) as blocker:
        pass
    assert "clock-jump" in reasons
    assert [i.key for i in blocker.args[0]] == ["k200"]
    s.stop()


def test_no_jump_when_both_clocks_agree(qtbot, clock) -> None:  # noqa: ANN001
    mono = FakeMonotonic()
    s = make_scheduler(qtbot, clock, [item(20)], mono)
    s.stop()
    clock.advance(timedelta(minutes=10))
    mono.t += 600
    assert not s.clock_jumped(clock.now())


def test_without_a_tray_the_reminder_shows_in_the_window(qtbot, window, clock) -> None:  # noqa: ANN001
    assert window.notifier.tray is None
    # on opening at 15:30, the overdue 14:00 dose is reminded at once
    qtbot.waitUntil(window.reminder_banner.isVisible, timeout=3000)
    assert "14:00" in window.reminder_banner.label.text()
    qtbot.mouseClick(window.reminder_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.reminder_banner.isVisible()
    clock.set(at(19, 50))
    qtbot.waitUntil(window.reminder_banner.isVisible, timeout=3000)
    text = window.reminder_banner.label.text()
    assert TABLETS in text and "20:00" in text and "Robin" in text
    qtbot.mouseClick(window.reminder_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.reminder_banner.isVisible()


def test_tray_missing_is_detected(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    w = build_window(journal, clock)
    qtbot.addWidget(w)
    assert not w.notifier.uses_tray
    w.notifier.notify("Pump refill due in 3 days", "Check the appointment is booked.")
    assert "Pump refill due in 3 days" in w.reminder_banner.label.text()


def test_a_dose_given_early_is_not_reminded(qtbot, window, clock, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(window.today.slot_button(TABLETS, "20:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.today.slot_state(TABLETS, "20:00") == "given")
    fired: list[DueItem] = []
    window.scheduler.reminders_due.connect(fired.extend)
    clock.set(at(19, 50))
    window.scheduler.tick()
    assert all("20:00" not in f.title or TABLETS not in f.title for f in fired)


def test_the_next_reminder_is_shown_in_the_status_bar(qtbot, window, clock) -> None:  # noqa: ANN001
    # first the overdue 14:00 dose is reminded at once, then the plan moves on to 20:00
    qtbot.waitUntil(lambda: "tablets at 20:00" in window.next_reminder.text(), timeout=3000)
    assert "today 19:45 (in this window)" in window.next_reminder.text()
