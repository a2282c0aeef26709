"""Reminders: plan the next due dose or pump refill, notice sleep and clock jumps, notify.

`plan_next` is pure (no Qt): what to remind about next and when. `ReminderScheduler` is the
QTimer driver: a short heartbeat compares the injected wall clock with monotonic time, so a
machine that slept or a clock that jumped re-plans instead of firing late or never."""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from journal.domain import Clock

# A due item older than this is no longer "due soon": the checks' missed-dose alert takes over.
STALE_AFTER = timedelta(hours=2)
# Wall clock and monotonic clock disagreeing by more than this means sleep or a clock change.
JUMP_TOLERANCE = timedelta(seconds=90)


@dataclass(frozen=True)
class DueItem:
    key: str  # stable identity, e.g. "dose|3|2026-11-23T14:00"; reminded at most once
    at: datetime  # when it is due
    title: str  # "Baclofen 10 mg at 14:00"
    text: str  # one more line for the notification
    kind: str = "dose"  # "dose" or "pump"


@dataclass(frozen=True)
class Reminder:
    item: DueItem
    fire_at: datetime


def plan_next(items: list[DueItem], now: datetime, lead: timedelta, done: set[str]) -> Reminder | None:
    """The next reminder to show: each item fires `lead` before it is due, once.

    Items whose time came while we were not looking (sleep, app closed) fire at once, unless they
    are older than STALE_AFTER (then the missed-dose alert is the right message, not a reminder)."""
    best: Reminder | None = None
    for item in items:
        if item.key in done or item.at < now - STALE_AFTER:
            continue
        fire = max(item.at - lead, now)
        if best is None or fire < best.fire_at or (fire == best.fire_at and item.at < best.item.at):
            best = Reminder(item, fire)
    return best


def due_now(items: list[DueItem], now: datetime, lead: timedelta, done: set[str]) -> list[DueItem]:
    """Every item whose reminder time has come (several slots can share a time)."""
    return sorted(
        (i for i in items if i.key not in done and i.at - lead <= now and i.at >= now - STALE_AFTER),
        key=lambda i: i.at,
    )


class ReminderScheduler(QObject):
    """Fires `reminder_due(DueItem)` at the planned moments, with an injected clock, and
    `reminders_due([DueItem, ...])` once for all that came due together.

    `provider(now)` returns the due items (from the schedule service); `lead()` the lead time.
    The heartbeat is short and cheap; it exists so a sleep or clock jump is noticed quickly."""

    reminder_due = Signal(object)  # DueItem, one per item
    reminders_due = Signal(list)  # list[DueItem]: all that came due on one tick (one notification)
    replanned = Signal(str)  # why: "start", "data", "clock-jump", "tick"

    def __init__(self, clock: Clock, provider: Callable[[datetime], list[DueItem]],
                 lead: Callable[[], timedelta], heartbeat_ms: int = 30_000,
                 monotonic: Callable[[], float] = _time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.provider = provider
        self.lead = lead
        self.monotonic = monotonic
        self.done: set[str] = set()
        self.next: Reminder | None = None
        self._items: list[DueItem] = []
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(heartbeat_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.replan("start")
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def replan(self, why: str = "data") -> None:
        now = self.clock.now()
        self._items = list(self.provider(now))
        self.next = plan_next(self._items, now, self.lead(), self.done)
        self._last_wall, self._last_mono = now, self.monotonic()
        self.replanned.emit(why)

    def clock_jumped(self, now: datetime) -> bool:
        if self._last_wall is None or self._last_mono is None:
            return False
        wall = now - self._last_wall
        mono = timedelta(seconds=self.monotonic() - self._last_mono)
        return abs(wall - mono) > JUMP_TOLERANCE

    def tick(self) -> None:
        now = self.clock.now()
        if self.clock_jumped(now):
            self.replan("clock-jump")
        elif self._last_wall is not None and now.date() != self._last_wall.date():
            self.replan("new-day")  # a new day brings new slots
        self._last_wall, self._last_mono = now, self.monotonic()
        fired = due_now(self._items, now, self.lead(), self.done)
        for item in fired:
            self.done.add(item.key)
        before = self.next
        self.next = plan_next(self._items, now, self.lead(), self.done)
        for item in fired:
            self.reminder_due.emit(item)
        if fired:
            self.reminders_due.emit(list(fired))
        if self.next != before:
            self.replanned.emit("tick")

    def mark_done(self, key: str) -> None:
        """A dose logged before its reminder: no need to remind."""
        self.done.add(key)
