"""Reminders: plan the next due dose or pump refill, notice sleep and clock jumps, notify.

`plan_next` and `due_now` are pure (no Qt): what to remind about next and when. `ReminderScheduler`
is the QTimer driver (Vorta's scheduler is the model): a short heartbeat compares the injected wall
clock with monotonic time, so a machine that slept or a clock that jumped re-plans at once instead
of firing late or never.

Every reminder is shown once per slot, also across restarts (`ReminderMarks` remembers which slots
were shown, in the journal's settings store). A slot whose time passed while the computer slept or
the app was closed is reminded on waking or on opening, however late, as long as it is still open
(nothing logged for it) and no older than the missed-dose alert looks back (see `due.reminder_lookback`). All
reminders that come due at one moment are handed over in ONE batch, so waking after a long sleep
gives one notification listing them, not a flood."""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from journal.domain import Clock
from journal.services.journal import ReminderMark

# Wall clock and monotonic clock disagreeing by more than this means sleep or a clock change.
JUMP_TOLERANCE = timedelta(seconds=90)


@dataclass(frozen=True)
class DueItem:
    key: str  # stable identity, e.g. "dose|3|2026-11-23T14:00:00-06:00"; reminded at most once
    at: datetime  # when it is due
    title: str  # "Robin: Baclofen 10 mg tablets at 14:00" (said before the time)
    text: str  # one more line for the notification ("10 mg (1 tablet)")
    kind: str = "dose"  # "dose" or "pump"
    # Said once the time has passed: "Robin: Baclofen 10 mg tablets was due at 14:00, nothing logged".
    late_title: str = ""
    patient_id: int | None = None
    medication_id: int | None = None
    # From this instant the slot is past its grace: the missed-dose alert speaks for it when it
    # is in the alert list (None: nothing takes over, e.g. a pump reminder).
    grace_ends: datetime | None = None

    def title_at(self, now: datetime) -> str:
        """The words for this reminder at `now`: "at 14:00" before, "was due at 14:00" after."""
        return self.late_title if self.late_title and now > self.at else self.title


@dataclass(frozen=True)
class Reminder:
    item: DueItem
    fire_at: datetime


def plan_next(items: list[DueItem], now: datetime, lead: timedelta, done: Iterable[str]) -> Reminder | None:
    """The next reminder to show: each item fires `lead` before it is due, once.

    Items whose time came while we were not looking (sleep, app closed) fire at once: the
    provider only returns items that are still open."""
    done = set(done)
    best: Reminder | None = None
    for item in items:
        if item.key in done:
            continue
        fire = max(item.at - lead, now)
        if best is None or fire < best.fire_at or (fire == best.fire_at and item.at < best.item.at):
            best = Reminder(item, fire)
    return best


def due_now(items: list[DueItem], now: datetime, lead: timedelta, done: Iterable[str]) -> list[DueItem]:
    """Every item whose reminder time has come and that was not shown yet, oldest first (several
    slots can share a time; after a sleep, several times can have passed)."""
    done = set(done)
    return sorted((i for i in items if i.key not in done and i.at - lead <= now), key=lambda i: i.at)


class MarkStore(Protocol):
    """Where the shown reminders are kept between runs (the journal service in the window)."""

    def reminder_marks(self) -> Mapping[str, ReminderMark]: ...

    def save_reminder_marks(self, marks: dict[str, ReminderMark], *, forget_before: datetime) -> None: ...


class ReminderMarks:
    """Which slots were already reminded (`shown`) and which of those are settled for the banner
    (`closed`: answered, handed to the missed-dose alert, or dismissed).

    Saved through `store` after each change so a restart never repeats a notification. A store
    that cannot write (full disk, read-only file) is not fatal: the marks stay in memory and the
    window goes on reminding; `save_failed` tells why."""

    def __init__(self, store: MarkStore | None = None, keep: timedelta = timedelta(days=3)) -> None:
        self.store = store
        self.keep = keep
        self.save_failed: str = ""
        self._marks: dict[str, tuple[datetime, bool]] = {}
        if store is not None:
            try:
                for key, mark in store.reminder_marks().items():
                    self._marks[key] = (mark.at, mark.closed)
            except Exception as exc:  # noqa: BLE001 - unreadable marks: remind again rather than never
                self.save_failed = f"{type(exc).__name__}: {exc}"

    @property
    def shown(self) -> set[str]:
        return set(self._marks)

    def is_closed(self, key: str) -> bool:
        return key in self._marks and self._marks[key][1]

    def open_shown(self) -> set[str]:
        return {k for k, (_at, closed) in self._marks.items() if not closed}

    def mark_shown(self, items: Iterable[DueItem], now: datetime) -> None:
        changed = False
        for i in items:
            if i.key not in self._marks:
                self._marks[i.key] = (i.at, False)
                changed = True
        if changed:
            self._save(now)

    def close(self, keys: Iterable[str], now: datetime) -> None:
        changed = False
        for k in keys:
            if k in self._marks and not self._marks[k][1]:
                self._marks[k] = (self._marks[k][0], True)
                changed = True
        if changed:
            self._save(now)

    def _save(self, now: datetime) -> None:
        forget_before = now - self.keep
        self._marks = {k: v for k, v in self._marks.items() if v[0] >= forget_before}
        if self.store is None:
            return
        try:
            self.store.save_reminder_marks(
                {k: ReminderMark(at, closed) for k, (at, closed) in self._marks.items()}, forget_before=forget_before)
            self.save_failed = ""
        except Exception as exc:  # noqa: BLE001 - see the class docstring: never stop reminding
            self.save_failed = f"{type(exc).__name__}: {exc}"


class ReminderScheduler(QObject):
    """Fires `reminders_due(list[DueItem])` at the planned moments, with an injected clock.

    `provider(now)` returns the open items (from the schedule, see ui/shell/due.py); `lead()` the lead
    time. The heartbeat is short and cheap; it exists so a sleep or clock jump is noticed quickly.
    Items fired at one tick come as one list (never one signal per slot)."""

    reminders_due = Signal(list)  # list[DueItem], oldest first
    replanned = Signal(str)  # why: "start", "data", "alerts", "clock-jump", "new-day", "tick"

    def __init__(self, clock: Clock, provider: Callable[[datetime], list[DueItem]],
                 lead: Callable[[], timedelta], heartbeat_ms: int = 30_000,
                 monotonic: Callable[[], float] = _time.monotonic,
                 marks: ReminderMarks | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.provider = provider
        self.lead = lead
        self.monotonic = monotonic
        self.marks = marks if marks is not None else ReminderMarks()
        self.next: Reminder | None = None
        self.items: list[DueItem] = []
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(heartbeat_ms)
        self.timer.timeout.connect(self.tick)

    @property
    def done(self) -> set[str]:
        """Keys already reminded (this run or an earlier one)."""
        return self.marks.shown

    def start(self) -> None:
        """Plan, and remind at once of what came due while the app was closed."""
        self.replan("start")
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()

    def replan(self, why: str = "data") -> None:
        now = self.clock.now()
        self.items = list(self.provider(now))
        self.next = plan_next(self.items, now, self.lead(), self.done)
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
            self.replan("clock-jump")  # woke from sleep (or the clock was set): what is open now?
        elif self._last_wall is not None and now.date() != self._last_wall.date():
            self.replan("new-day")  # a new day brings new slots
        self._last_wall, self._last_mono = now, self.monotonic()
        fired = due_now(self.items, now, self.lead(), self.done)
        self.marks.mark_shown(fired, now)
        before = self.next
        self.next = plan_next(self.items, now, self.lead(), self.done)
        if fired:
            self.reminders_due.emit(fired)
        if self.next != before:
            self.replanned.emit("tick")
