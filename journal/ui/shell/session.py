"""The window's link to the journal service: who is selected, what time it is, and the one
`operation_did_execute` signal carrying an `operations.OpChanges`, so each view refreshes only
what it shows (and may skip a change it started).

Widgets read through this object and write only through `journal.ui.operations`; there is no SQL
and no rule logic here. After a write, the person's history is read once (`read_once`) and the
views' `history()` calls are answered from that read until the work of that click is done."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from journal.domain import Alert, Clock, Dose, Patient, PatientHistory, Severity
from journal.domain.zones import JournalZone
from journal.rules.engine import LOOKBACK
from journal.services.checks import history_with_dose
from journal.services.journal import Journal, Outcome

from ..operations import DATA, EVERYTHING, SAME_CLICK, Change, OpChanges, checked, perform
from ..widgets.formatting import ShownSettings
from ..widgets.off_thread import Posted, run_off_thread

# How long after an entry is made it can be undone (Ctrl+Z, or Undo beside "Logged: ..."). Our own
# number (judgement): long enough to notice a wrong "Given now", short enough that "undo" still
# means the entry just made; after it, History removes an entry with a reason of one's own.
UNDO_WINDOW = timedelta(minutes=10)
# How many of the windows the views asked for are remembered for the next operation's one read
# (a few per view; the oldest are forgotten when the window stays open long without a write).
WINDOWS_KEPT = 32


@dataclass(frozen=True)
class LastEntry:
    """The entry this window made last: `entity` as the journal names it ("dose", "symptom",
    "observation"), its id, whom it is about, when it was made and what it was, in words."""

    entity: str
    record_id: int
    patient_id: int | None
    made_at: datetime
    what: str


class Session(QObject):
    """Shared state of one open window."""

    operation_did_execute = Signal(object)  # operations.OpChanges: what the last operation changed
    patient_changed = Signal(object)  # int | None
    alerts_updated = Signal(list)  # list[Alert], most severe first
    error = Signal(str, str)  # field, message
    undo_changed = Signal(object)  # LastEntry | None: what Ctrl+Z would undo now
    checking_changed = Signal(bool)  # True while checks after a write are still to run (`checking`)

    def __init__(self, journal: Journal, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.clock = clock
        self._patient_id: int | None = None
        self._settings: ShownSettings | None = None
        self._alerts: list[Alert] = []
        self.by = ""
        self._alerts_pending = False
        self._alerts_fresh = False
        self._people_seen: list[Patient] | None = None
        self._last_entry: LastEntry | None = None
        # everyone's checks on a worker thread (refresh_alerts_later); `_generation` counts every
        # other change to the alert list, so a result computed before one is not shown over it
        self._generation = 0
        self._background = False
        self._again = False
        # everyone's checks asked for by a write about no one in particular (settings, a person
        # added, an import): True until their result is shown; the alert list says "checking"
        self._everyone_pending = False
        self._posted = Posted()
        self._posted.done.connect(self._background_done)
        # The one history read of the last operation (person, read at, history), kept until the
        # event loop has run the work that operation started (views, reminder plan).
        self._op_history: tuple[int, datetime, PatientHistory] | None = None
        # The windows the views asked for since the last operation: (start, end, asked at).
        self._windows: deque[tuple[datetime, datetime, datetime]] = deque(maxlen=WINDOWS_KEPT)
        self.reads = JournalReads(self)
        # A person's checks after a write, run on the next event-loop turn (check_person_later):
        # patient id -> (the operation's one read, the instant); a newer write replaces the older.
        self._person_checks: dict[int, tuple[PatientHistory, datetime]] = {}
        # Their alerts, found and shown on the turn after (`_show_person_checks`): patient id -> alerts.
        self._person_found: dict[int, list[Alert]] = {}
        self.operation_did_execute.connect(self._on_changed)

    # -- time -------------------------------------------------------------------------------
    @property
    def tz(self) -> JournalZone:
        return self.journal.tz

    def now(self) -> datetime:
        """The current moment in the journal's time zone; while the views show what an operation
        just wrote (see `read_once`), that operation's instant, so the windows they ask for fall
        inside its one read even though a real clock has moved on by a few milliseconds."""
        return self._instant().astimezone(self.tz)

    def _instant(self) -> datetime:
        now = self.clock.now()
        kept = self._op_history
        if kept is not None and timedelta(0) <= now - kept[1] <= SAME_CLICK:
            return kept[1]
        return now

    # -- settings ---------------------------------------------------------------------------
    @property
    def settings(self) -> ShownSettings:
        if self._settings is None:
            # With what formatting shows times in: each day in the zone in force that day.
            self._settings = ShownSettings(**dataclasses.asdict(self.journal.get_settings()),
                                           journal_zone=self.journal.tz)
            # Who signs entries: on a shared journal the connected role's person (Journal.caregiver).
            self.by = self.journal.caregiver() or ""
        return self._settings

    @property
    def emergency_number(self) -> str:
        return self.settings.emergency_number or "911"

    # -- people -----------------------------------------------------------------------------
    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    def patients(self) -> list[Patient]:
        people = list(self.journal.list_patients())
        self._people_seen = people
        return people

    def patient(self) -> Patient | None:
        if self._patient_id is None:
            return None
        return self.journal.get_patient(self._patient_id)

    def set_patient(self, patient_id: int | None) -> None:
        if patient_id == self._patient_id:
            return
        self._patient_id = patient_id
        self.patient_changed.emit(patient_id)

    # -- operations -------------------------------------------------------------------------
    def apply(self, op: Callable[[], Outcome], patient_id: int | None = None) -> Outcome:
        """Run one write given as a callable and announce it (for tests and scripts; the window
        itself uses the named functions of journal.ui.operations). Returns the service's answer."""
        changes = perform(self, op, patient_id=patient_id, by=self.by)
        assert changes.outcome is not None  # perform always keeps the write's Outcome
        return changes.outcome

    def announce(self, changes: OpChanges) -> None:
        """Tell every view what an operation changed (called by operations.perform). The alerts
        the operation checked for its person replace theirs, so the checks do not run twice."""
        if changes.touches(Change.SETTINGS):
            self._settings = None  # views read the new settings when they redraw
        pid = changes.patient_id
        fresh = pid is not None and changes.alerts is not None
        done_checking = False
        if fresh and pid is not None:
            # A check of this person waiting to run or to be shown is from before this write: its
            # alerts must never replace these newer ones.
            was = self.checking
            self._person_checks.pop(pid, None)
            self._person_found.pop(pid, None)
            done_checking = was and not self.checking
            others = [a for a in self._alerts if a.patient_id != changes.patient_id]
            self._alerts = sorted(others + list(changes.alerts or ()), key=lambda a: -a.severity.rank)
            self._alerts_fresh = True
            self._generation += 1
        if changes.changed:
            self.operation_did_execute.emit(changes)
        if self._alerts_fresh:
            self._alerts_fresh = False
            self.alerts_updated.emit(self.alerts)
        if done_checking:
            self.checking_changed.emit(False)

    # -- reading once per operation ------------------------------------------------------------
    def history(self, patient_id: int, start: datetime, end: datetime) -> PatientHistory:
        """`Journal.history` for a view: answered from the operation's one read while its work is
        being done (the same records a read would give), else read from the journal. The window
        is remembered so the next operation's read covers it."""
        self._windows.append((start, end, self._instant()))
        kept = self._op_history
        if kept is not None and kept[0] == patient_id and kept[2].covers(start, end):
            return kept[2].narrowed(start, end)
        return self.journal.history(patient_id, start, end)

    def span(self, now: datetime) -> tuple[datetime, datetime]:
        """The window one read after a write must cover: the checks' [now - LOOKBACK, now] and
        every window a view asked for since the last operation, both as asked and moved along
        with the clock (a window of "today" stays put, one of "the last day" moves)."""
        start, end = now - LOOKBACK, now
        for s, e, asked in self._windows:
            moved = now - asked
            start, end = min(start, s, s + moved), max(end, e, e + moved)
        return start, end

    def read_span(self, patient_id: int, now: datetime) -> PatientHistory:
        """One read of `span(now)`, its stock as of `now` (a look-ahead before a write)."""
        start, end = self.span(now)
        return self.journal.history(patient_id, start, end, stock_at=now)

    def read_once(self, patient_id: int, now: datetime, *, before: PatientHistory | None = None,
                  dose: Dose | None = None) -> PatientHistory:
        """The one read after a write (called by operations.perform): `span(now)`, or `before` (read
        for this click before the write, at the same instant) with the stored `dose` added in
        memory. Kept for the views until the event loop has run the work the write started."""
        start, end = self.span(now)
        if before is not None and dose is not None and before.covers(start, end):
            history = history_with_dose(before, dose, stock_at=now)
        else:
            history = self.journal.history(patient_id, start, end, stock_at=now)
        self._windows.clear()
        self._op_history = (patient_id, now, history)
        QTimer.singleShot(0, self._forget_op_history)  # after the deferred work queued meanwhile
        return history

    def _forget_op_history(self) -> None:
        # Zero timers run in the order they were started: the reminder plan and any other work
        # deferred while the change was announced has run by now.
        QTimer.singleShot(0, self._drop_op_history)

    def _drop_op_history(self) -> None:
        self._op_history = None

    # -- undo -------------------------------------------------------------------------------
    def remember_entry(self, entity: str, outcome: Outcome | OpChanges, what: str,
                       patient_id: int | None = None) -> None:
        """Called after a view made an entry: it becomes the one Ctrl+Z undoes for a while."""
        record_id = outcome.record_id
        if record_id is None:
            return
        self._last_entry = LastEntry(entity, record_id, patient_id, self.now(), what)
        self.undo_changed.emit(self._last_entry)

    @property
    def last_entry(self) -> LastEntry | None:
        """The entry this window made last, however long ago (see `undoable`)."""
        return self._last_entry

    def undoable(self) -> LastEntry | None:
        """The last entry while it can still be undone (UNDO_WINDOW after it was made), else None."""
        last = self._last_entry
        if last is None or self.now() - last.made_at > UNDO_WINDOW:
            return None
        return last

    def forget_last_entry(self) -> None:
        """After an undo: nothing more to undo."""
        self._last_entry = None
        self.undo_changed.emit(None)

    def check_for_outside_changes(self) -> bool:
        """Called from a timer: when another program (the command line) wrote to the journal,
        every view redraws from the file and the checks run again. "patients" and "settings" are
        announced only when they really changed, so a profile being typed is not reset."""
        try:
            if not self.journal.changed_elsewhere():
                return False
        except Exception:  # noqa: BLE001 - a busy or vanished file: try again next time
            return False
        self._op_history = None
        changed = DATA | Change.ALERTS
        before = self._settings
        self._settings = None
        try:
            seen = self._people_seen
            if seen is None or self.patients() != seen:
                changed |= Change.PEOPLE
            if before is None or self.settings != before:
                changed |= Change.SETTINGS
        except Exception:  # noqa: BLE001 - cannot tell what changed: redraw everything
            changed = EVERYTHING
        self.operation_did_execute.emit(OpChanges(changed))
        return True

    def close_journal(self) -> None:
        """Close the journal's connections (just before a restore replaces the file)."""
        self.journal.close()

    def reopen_journal(self, changes: OpChanges | None = None) -> None:
        """Open the journal file again after a restore and tell every view that all changed
        (`changes`, from operations.files.reopen_after_restore). Raises the service's
        JournalFileError if the file cannot be opened."""
        self.journal.reopen()
        self._settings = None
        self._op_history = None
        self.operation_did_execute.emit(changes or OpChanges(EVERYTHING))

    # -- alerts -----------------------------------------------------------------------------
    @property
    def alerts(self) -> list[Alert]:
        return list(self._alerts)

    def refresh_alerts(self) -> list[Alert]:
        """Re-run the checks for everyone (an emergency for any person must show), here and now.

        If the checks themselves fail, that is shown as an alert: silence would look like
        "all is well", which is the one thing the window must never say by mistake."""
        now = self.clock.now()
        try:
            found: list[Alert] | Exception = list(self.journal.check(now=now, patient_id=None))
        except Exception as exc:  # noqa: BLE001 - shown to the caregiver, see docstring
            found = exc
        self._generation += 1
        return self._show(found, now)

    def mark_stale(self) -> None:
        """The alerts shown are out of date until everyone's next checks are shown: a run already
        under way read the journal before now (its result is dropped), and `checking` is True
        (the alert list says so) until the new result is in."""
        self._generation += 1
        was = self.checking
        self._everyone_pending = True
        if not was:
            self.checking_changed.emit(True)

    @property
    def checking_everyone(self) -> bool:
        """Whether everyone's checks after a change are still to be shown (`mark_stale`)."""
        return self._everyone_pending

    def refresh_alerts_later(self, *, stale: bool = False) -> None:
        """Re-run everyone's checks on a worker thread (the start, the minute tick, back from
        sleep, after a write about no one in particular): the window keeps answering while they
        run (issue 17: 50 people take most of a second). The alerts are shown when the result
        comes back, unless the list changed meanwhile (a write, a direct refresh): then the
        checks run once more. A call while they run asks for one more run after it.
        `stale`: the alerts shown are out of date (the journal has just changed, or the computer
        slept): see `mark_stale`."""
        if stale:
            self.mark_stale()
        if self._background:
            self._again = True
            return
        self._background = True
        now, journal = self.clock.now(), self.journal

        def work() -> tuple[datetime, list[Alert] | Exception]:
            try:
                return now, list(journal.check(now=now, patient_id=None))
            except Exception as exc:  # noqa: BLE001 - shown as an alert when it comes back
                return now, exc

        run_off_thread(work, self._posted, self._generation)

    @property
    def checking_in_background(self) -> bool:
        return self._background

    def _background_done(self, generation: int, payload: Any) -> None:
        self._background = False
        now, result = payload
        if generation == self._generation:
            self._generation += 1
            self._show(result, now)  # ends `_everyone_pending`
        else:
            self._again = True  # computed before the list last changed: look again
        if self._again:
            self._again = False
            self.refresh_alerts_later()

    def _show(self, found: list[Alert] | Exception, now: datetime) -> list[Alert]:
        # Everyone's checks, as new as a person's found but not shown yet or newer (an older run is
        # dropped by `_generation`), replace them. "Checking" ends once these are out, never before
        # (the list would say "nothing needs your attention" over the old cards for a moment).
        was = self.checking
        self._everyone_pending = False
        self._person_found = {}
        done_checking = was and not self.checking
        if isinstance(found, Exception):
            exc = found
            alerts = [Alert(
                rule="checks-failed", severity=Severity.WARNING, patient="", since=now,
                title=self.tr("The safety checks could not run"),
                message=self.tr("The journal could not check the entries just now ({error}).").format(
                    error=f"{type(exc).__name__}: {exc}"),
                advice=self.tr("Keep a close eye yourself, and call the doctor with any worry. Restart the program; "
                               "if this stays, ask for help with the program."),
                evidence=[type(exc).__name__], reference="when-to-call")]
        else:
            alerts = found
        alerts.sort(key=lambda a: -a.severity.rank)
        self._alerts = alerts
        self.alerts_updated.emit(self.alerts)
        if done_checking:
            self.checking_changed.emit(False)
        return self.alerts

    # -- a person's checks after a write, one event-loop turn later -----------------------------
    def check_person_later(self, patient_id: int, history: PatientHistory, now: datetime) -> None:
        """Run `patient_id`'s checks on `history` (the write's one read, at `now`) on the next
        event-loop turn, so the click that wrote is a short event and the entry shows first
        (issue 17). Until then `checking` is True (the alert list says so: what it shows for this
        person is from before the write). A newer write for the same person replaces this one; any
        result of everyone's checks computed before it is dropped (`_generation`)."""
        first = not self._person_checks
        self._person_checks[patient_id] = (history, now)
        self._generation += 1
        if first:
            QTimer.singleShot(0, self._run_person_checks)
            self.checking_changed.emit(True)

    @property
    def checking(self) -> bool:
        """Whether checks after a write have still to run or be shown: a person's, or everyone's
        after a write about no one in particular (the alerts shown are not current)."""
        return bool(self._person_checks) or bool(self._person_found) or self._everyone_pending

    def _run_person_checks(self) -> None:
        """Run the waiting checks; their alerts are shown on the next turn (`_show_person_checks`:
        what the alert list and the emergency banner do with them is an event of its own, issue 17)."""
        jobs = dict(self._person_checks)
        if not jobs:
            return
        found = {pid: checked(self.journal, history, now, pid) for pid, (history, now) in jobs.items()}
        self._person_checks = {}
        self._person_found.update(found)
        QTimer.singleShot(0, self._show_person_checks)

    def _show_person_checks(self) -> None:
        found = dict(self._person_found)
        if not found:
            return  # replaced meanwhile by everyone's checks or a write's own (see `_show`, `announce`)
        alerts = self._alerts
        for pid, alerts_of in found.items():
            alerts = [a for a in alerts if a.patient_id != pid] + alerts_of
        self._alerts = sorted(alerts, key=lambda a: -a.severity.rank)
        self._generation += 1
        self.alerts_updated.emit(self.alerts)  # still "checking" while the new cards go up
        for pid in found:
            self._person_found.pop(pid, None)
        if not self.checking:  # a newer write's checks may be waiting: still "checking" then
            self.checking_changed.emit(False)

    def _on_changed(self, changes: OpChanges) -> None:
        if self._alerts_fresh or changes.checks_pending:
            return  # the operation has just re-checked this person, or will on the next turn
        if changes.touches(EVERYTHING):
            # Now, in the write's own event: a result of everyone's checks that comes back after
            # this was read before the write, and must not be shown as current.
            self.mark_stale()
            if not self._alerts_pending:
                # The run itself deferred (and coalesced) so the view that wrote redraws first.
                self._alerts_pending = True
                QTimer.singleShot(0, self._deferred_alerts)

    def _deferred_alerts(self) -> None:
        self._alerts_pending = False
        self.refresh_alerts_later()  # everyone's: on a worker, not in this event (issue 17)


class JournalReads:
    """The journal as the readers that take one (the reminder plan, the medicine notes) see it:
    every call goes to the journal, except `history`, which goes through `Session.history` (so
    it is answered from an operation's one read). Has no write methods."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def history(self, patient_id: int, start: datetime, end: datetime) -> PatientHistory:
        return self._session.history(patient_id, start, end)

    def __getattr__(self, name: str) -> Any:
        if name in WRITES:
            raise AttributeError(f"{name} is a write: use journal.ui.operations")
        return getattr(self._session.journal, name)


# The Journal service's methods that change the journal: the window calls them only from
# journal.ui.operations (tests/ui/test_operations.py keeps it so).
WRITES = frozenset({
    "add_patient", "update_patient", "add_medication", "change_regimen", "set_regimens", "set_limits",
    "record_stock", "log_dose", "log_symptom", "log_observation", "log_pump_event", "add_note", "correct",
    "remove", "unremove", "acknowledge", "save_settings", "change_timezone", "import_document", "restore",
    "move_in", "init_shared", "grant",
})
# Not among them: `save_reminder_marks` (which reminders the window has shown: what the window
# told, kept in the settings store, not a record of care) and `close`/`reopen` (the file itself).
