"""The main window's reminders: the scheduler that plans them (shell/reminders.py), one
notification for what came due at once, a banner line each until the slot is answered or an alert
speaks for it (shell/due.py decides), the ones still open brought back on opening, and the
status bar's "Next reminder ..." line. The window (shell/main_window.py) owns one.

The status bar's words keep the translation context "MainWindow", where they were first written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ..operations import Change, OpChanges
from ..widgets.formatting import fmt_datetime
from .due import DuePlan, handed_over, settled_keys
from .notifier import Note, Notifier, ReminderBanner, compose
from .reminders import DueItem, ReminderMarks, ReminderScheduler
from .session import Session


class WindowReminders(QObject):
    """Reminders for the window's `session`, said through `notifier` and `banner`, the next one
    shown in `next_label`. `heartbeat_ms`: how often (ms) the scheduler looks at the clock;
    `monotonic`: its monotonic clock (tests inject one). Which slots were already reminded
    survives a restart (ReminderMarks, kept in the journal's settings store). `start_done` is
    emitted once, when the scheduler has started and everyone's reminders are planned and
    announced (the window's start is then done; `start_is_done` says whether it was)."""

    start_done = Signal()

    def __init__(self, session: Session, notifier: Notifier, banner: ReminderBanner, next_label: QLabel, *,
                 heartbeat_ms: int, monotonic: Callable[[], float] | None, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.notifier = notifier
        self.banner = banner
        self.next_label = next_label
        self.started = False  # the scheduler runs (once the first alerts are in)
        self.start_is_done = False  # ... and everyone's reminders are planned (`start_done`)
        self._starting = False
        self._replan_pending = False
        kwargs: dict[str, Any] = {} if monotonic is None else {"monotonic": monotonic}
        # Re-plans only the person written to after a write, and plans everyone across event-loop
        # turns (issue 17: everyone's plan reads everyone's history, seconds at 50 people).
        # One person a turn (`budget` 0): a person's plan is a history read, 20-40 ms of CPU at 50
        # people, and a wall-clock budget lets two or three of them into one turn on a loaded machine.
        self.due_plan = DuePlan(session.reads, lambda: session.settings, more=self._plan_more, budget=0.0)
        session.operation_did_execute.connect(self._forget_changed)
        self.scheduler = ReminderScheduler(
            session.clock, self.due_plan,
            lambda: timedelta(minutes=int(getattr(session.settings, "reminder_lead_minutes", 15))),
            heartbeat_ms=heartbeat_ms, marks=ReminderMarks(session.journal), parent=parent, **kwargs)
        self.scheduler.reminders_due.connect(self.remind)
        self.scheduler.replanned.connect(self.replanned)
        banner.dismissed.connect(lambda keys: self.scheduler.marks.close(keys, session.clock.now()))

    def start_once(self, _alerts: list) -> None:
        """Starts the scheduler with the first alerts (a slot an alert already speaks for is
        then never also announced as a reminder), on the next event-loop turn: the alert list
        shows them first (issue 17: each its own event). `started` is True once it runs."""
        if not self._starting:
            self._starting = True
            QTimer.singleShot(0, self, self._start)

    def _start(self) -> None:
        self.started = True
        self.scheduler.start()
        self._maybe_start_done()

    def _maybe_start_done(self) -> None:
        if self.started and not self.start_is_done and self.due_plan.complete:
            self.start_is_done = True
            self.start_done.emit()

    def replan_later(self) -> None:
        """A replan after the data changed, deferred and coalesced: the view that logged
        something redraws first."""
        if not self._replan_pending:
            self._replan_pending = True
            QTimer.singleShot(0, self._replan)

    def _replan(self) -> None:
        self._replan_pending = False
        self.scheduler.replan("data")

    def _forget_changed(self, changes: OpChanges) -> None:
        # Whose reminders must be planned afresh: the person written to; everyone when people or
        # settings changed, or nobody in particular (another program's writes, a restore).
        if changes.touches(Change.PEOPLE | Change.SETTINGS):
            self.due_plan.forget()
        else:
            self.due_plan.forget(changes.patient_id)

    def _plan_more(self) -> None:
        # The plan goes on with the people left for this turn (DuePlan), then reminds at once of
        # what is due among them, as the start does.
        self.scheduler.replan("more")
        QTimer.singleShot(0, self, self._tick_more)  # a turn of its own (it may notify and save marks)

    def _tick_more(self) -> None:
        self.scheduler.tick()
        self._maybe_start_done()

    def remind(self, items: list[DueItem]) -> None:
        """One notification for everything that came due at once (after a sleep: every slot
        that passed meanwhile), a line each in the banner (notifier.compose words it)."""
        if not items:
            return
        now = self.session.clock.now()
        lines = {i.key: f"{i.title_at(now)}: {i.text}" if i.text else i.title_at(now) for i in items}
        summary, body = compose([Note(i.title_at(now), i.text) for i in items])
        self.notifier.notify(summary, body, lines)
        # Said once; in the banner only what no alert speaks for yet.
        self.settle()
        self.show_next()

    def replanned(self, why: str) -> None:
        if why == "start":
            self.restore()
        elif why == "clock-jump":
            # Back from sleep: the checks look again too, so the alerts say what was missed.
            # On a worker (issue 17); the list says it is checking until then.
            QTimer.singleShot(0, lambda: self.session.refresh_alerts_later(stale=True))
        self.settle()
        self.show_next()

    def restore(self) -> None:
        """On opening: the reminders shown before the app was closed and still open come back
        into the banner quietly (they were announced then; no second notification)."""
        now = self.session.clock.now()
        again = self.scheduler.marks.open_shown()
        lines = {i.key: f"{i.title_at(now)}: {i.text}" for i in self.scheduler.items
                 if i.key in again and i.kind == "dose" and not handed_over(i, self.session.alerts, now)}
        if lines:
            self.banner.add_lines(lines, None)

    def settle(self) -> None:
        """Reminder lines whose slot was answered, or that the missed-dose alert now speaks
        for, leave the banner, and are remembered as settled."""
        now = self.session.clock.now()
        done = settled_keys(set(self.banner.entries), self.scheduler.items, self.session.alerts, now)
        if done:
            self.banner.remove(done)
            self.scheduler.marks.close(done, now)

    def show_next(self) -> None:
        """The status bar's line: when the next reminder comes, where it will show, and what."""
        nxt = self.scheduler.next
        if nxt is None:
            self.next_label.setText(QCoreApplication.translate("MainWindow", "No reminders planned."))
            return
        when = fmt_datetime(nxt.fire_at.astimezone(self.session.tz), self.session.settings,
                            self.session.now().date())
        where = self.notifier.routes_description()
        self.next_label.setText(QCoreApplication.translate("MainWindow", "Next reminder {when} ({where}): {what}").format(
                when=when, where=where, what=nxt.item.title))
