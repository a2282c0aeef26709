"""The window's link to the journal service: who is selected, what time it is, and a
"journal changed" signal carrying `Outcome.changed` so each view refreshes only what it shows.

Widgets call services through this object only; there is no SQL and no rule logic here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from journal.domain import Alert, Clock, Patient, Severity
from journal.domain.zones import JournalZone
from journal.services.journal import Journal, Outcome, Settings

from .errors import USER_ERRORS, as_save_failure
from .formatting import ShownSettings

# What "changed" names can say (see docs/contracts.md, Outcome.changed).
DATA_KINDS = frozenset({"doses", "symptoms", "observations", "pump", "notes", "medications"})
ALL_KINDS = DATA_KINDS | {"patients", "alerts", "settings"}

# How long after an entry is made it can be undone (Ctrl+Z, or Undo beside "Logged: ..."). Our own
# number (judgement): long enough to notice a wrong "Given now", short enough that "undo" still
# means the entry just made; after it, History removes an entry with a reason of one's own.
UNDO_WINDOW = timedelta(minutes=10)
UNDO_REASON = "undone"


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

    changed = Signal(object)  # frozenset[str]: what the last operation changed
    patient_changed = Signal(object)  # int | None
    alerts_updated = Signal(list)  # list[Alert], most severe first
    error = Signal(str, str)  # field, message
    undo_changed = Signal(object)  # LastEntry | None: what Ctrl+Z would undo now

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
        self.changed.connect(self._on_changed)

    # -- time -------------------------------------------------------------------------------
    @property
    def tz(self) -> JournalZone:
        return self.journal.tz

    def now(self) -> datetime:
        """The current moment in the journal's time zone."""
        return self.clock.now().astimezone(self.tz)

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

    def save_settings(self, settings: Settings, *, zone_since: date | None = None) -> None:
        """A new time zone applies from `zone_since` (default: the journal's zone_change_day)."""
        self.apply(lambda: self.journal.save_settings(settings, zone_since=zone_since))

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
        """Run one service operation and announce what it changed.

        When the caller names the person the write was about, the alerts the service already
        re-checked for that person (`Outcome.alerts`) replace theirs in the list, so the checks
        do not run twice. Errors (ValidationError and friends) propagate to the caller, which
        shows them next to the field; nothing is announced for a refused operation."""
        try:
            outcome = op()
        except USER_ERRORS:
            raise
        except Exception as exc:
            failure = as_save_failure(exc)  # full disk, read-only file...: words, not a crash
            if failure is None:
                raise
            raise failure from exc
        changed = outcome.changed
        if changed and "settings" in changed:
            self._settings = None  # views read the new settings when they redraw
        if patient_id is not None and changed and "alerts" in changed:
            others = [a for a in self._alerts if a.patient_id != patient_id]
            self._alerts = sorted(others + list(outcome.alerts), key=lambda a: -a.severity.rank)
            self._alerts_fresh = True
        if changed:
            self.changed.emit(frozenset(changed))
        if self._alerts_fresh:
            self._alerts_fresh = False
            self.alerts_updated.emit(self.alerts)
        return outcome

    # -- undo -------------------------------------------------------------------------------
    def remember_entry(self, entity: str, outcome: Outcome, what: str, patient_id: int | None = None) -> None:
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

    def undo_last(self) -> LastEntry | None:
        """Removes the last entry with the reason "undone" (it stays in the history and can be
        brought back from History). Returns what was undone, or None when there is nothing to
        undo or it is too late (the entry stays as it is then)."""
        last = self.undoable()
        if last is None:
            return None
        self.apply(lambda: self.journal.remove(last.entity, last.record_id, self.by or "", UNDO_REASON),
                   patient_id=last.patient_id)
        self._last_entry = None
        self.undo_changed.emit(None)
        return last

    def check_for_outside_changes(self) -> bool:
        """Called from a timer: when another program (the command line) wrote to the journal,
        every view redraws from the file and the checks run again. "patients" and "settings" are
        announced only when they really changed, so a profile being typed is not reset."""
        try:
            if not self.journal.changed_elsewhere():
                return False
        except Exception:  # noqa: BLE001 - a busy or vanished file: try again next time
            return False
        changed = set(DATA_KINDS) | {"alerts"}
        before = self._settings
        self._settings = None
        try:
            seen = self._people_seen
            if seen is None or self.patients() != seen:
                changed.add("patients")
            if before is None or self.settings != before:
                changed.add("settings")
        except Exception:  # noqa: BLE001 - cannot tell what changed: redraw everything
            changed = set(ALL_KINDS)
        self.changed.emit(frozenset(changed))
        return True

    def close_journal(self) -> None:
        """Close the journal's connections (just before a restore replaces the file)."""
        self.journal.close()

    def reopen_journal(self) -> None:
        """Open the journal file again after a restore and tell every view that all changed.
        Raises the service's JournalFileError if the file cannot be opened."""
        self.journal.reopen()
        self._settings = None
        self.changed.emit(ALL_KINDS)

    # -- alerts -----------------------------------------------------------------------------
    @property
    def alerts(self) -> list[Alert]:
        return list(self._alerts)

    def refresh_alerts(self) -> list[Alert]:
        """Re-run the checks for everyone (an emergency for any person must show).

        If the checks themselves fail, that is shown as an alert: silence would look like
        "all is well", which is the one thing the window must never say by mistake."""
        now = self.clock.now()
        try:
            alerts = list(self.journal.check(now=now, patient_id=None))
        except Exception as exc:  # noqa: BLE001 - shown to the caregiver, see docstring
            alerts = [Alert(
                rule="checks-failed", severity=Severity.WARNING, patient="", since=now,
                title="The safety checks could not run",
                message=f"The journal could not check the entries just now ({type(exc).__name__}: {exc}).",
                advice="Keep a close eye yourself, and call the doctor with any worry. Restart the program; "
                       "if this stays, ask for help with the program.",
                evidence=[type(exc).__name__], reference="when-to-call")]
        alerts.sort(key=lambda a: -a.severity.rank)
        self._alerts = alerts
        self.alerts_updated.emit(self.alerts)
        return self.alerts

    def _on_changed(self, changed: frozenset[str]) -> None:
        # Deferred (and coalesced) so the view that logged something redraws first.
        if self._alerts_fresh:
            return  # the service has just re-checked this person
        if changed & (DATA_KINDS | {"alerts", "patients", "settings"}) and not self._alerts_pending:
            self._alerts_pending = True
            QTimer.singleShot(0, self._deferred_alerts)

    def _deferred_alerts(self) -> None:
        self._alerts_pending = False
        self.refresh_alerts()
