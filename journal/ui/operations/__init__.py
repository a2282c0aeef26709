"""The window's only way to change the journal: one small named function per user action.

Modelled on Anki's `aqt/operations/` and its `OpChanges`: each operation takes keyword-only
arguments, names the person and who is writing ("by") explicitly, writes through the journal
service, and returns an `OpChanges` saying what changed, for whom, and which view started it.
The session then announces it on its one `operation_did_execute` signal; a view refreshes when
the change concerns what it shows, and may skip a change it started itself.

Each write does its work once: the service does not re-run the checks on its own
(`Journal.checks_left_to_caller`); `perform` reads the person's history once, over every window
the open views asked for since the last operation (`Session.history`), runs the checks once on
the part of it they need (`checks.alerts_in`), and the views and the reminder plan are answered
from that same read.

Where each action lives: doses.py (give a dose, log one at another time or not given),
entries.py (symptom, reading, note, pump event, correct, remove, undo), medicines.py (add a
medicine, change its schedule or stop it, its limits, its stock), people.py (add or edit a
person), alerts.py (acknowledge), settings.py (save settings), files.py (after a restore).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from journal.domain import Alert, PatientHistory
from journal.rules.ack import raised_or_worse
from journal.rules.engine import LOOKBACK, sort_alerts
from journal.services import checks

from ..widgets.errors import USER_ERRORS, as_save_failure

if TYPE_CHECKING:
    from journal.services.journal import Outcome

    from ..shell.session import Session


class Change(enum.Flag):
    """What an operation changed: the views each refresh for the kinds they show."""

    NONE = 0
    DOSES = enum.auto()
    SYMPTOMS = enum.auto()
    READINGS = enum.auto()  # measurements: temperature, spasm and pain scores, ...
    PUMP = enum.auto()
    NOTES = enum.auto()
    MEDICINES = enum.auto()  # medicines, their schedules, limits and stock
    PEOPLE = enum.auto()
    SETTINGS = enum.auto()
    ALERTS = enum.auto()  # the alerts or their acknowledgements

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Change:
        """From the service's `Outcome.changed` names ("doses", "observations", ...); an unknown
        name raises KeyError (a new kind must be given a flag, never dropped)."""
        out = cls.NONE
        for name in names:
            out |= _BY_NAME[name]
        return out


_BY_NAME = {
    "doses": Change.DOSES, "symptoms": Change.SYMPTOMS, "observations": Change.READINGS, "pump": Change.PUMP,
    "notes": Change.NOTES, "medications": Change.MEDICINES, "patients": Change.PEOPLE,
    "settings": Change.SETTINGS, "alerts": Change.ALERTS,
}
ENTRIES = Change.DOSES | Change.SYMPTOMS | Change.READINGS | Change.PUMP | Change.NOTES
DATA = ENTRIES | Change.MEDICINES
EVERYTHING = DATA | Change.PEOPLE | Change.SETTINGS | Change.ALERTS


@dataclass(frozen=True)
class OpChanges:
    """What one operation did.

    `changed`: the kinds of data it changed (`Change` flags). `patient_id`: whom it was about
    (None: everyone, or no one in particular). `initiator`: the object (usually a view) that
    started it, so that view can skip redrawing what it already shows; None when the change came
    from elsewhere (another program, a restore). `by`: who wrote it, as signed on the entry.
    `alerts`: the person's alerts after the write when the checks ran for them here (None when they
    did not: the session re-checks everyone then). `raised`: of those, the ones the write raised or
    made worse (new, more severe, or with new evidence). `record_id`: the new or changed record.
    `outcome`: the service's own answer. `history`: the one history read after the write (kept
    for the views, not compared). `checks_pending`: the person's checks run on a later event-loop
    turn (`perform(check_later=True)`); `alerts` is None then and the session shows them when done."""

    changed: Change
    patient_id: int | None = None
    initiator: object | None = None
    by: str = ""
    alerts: tuple[Alert, ...] | None = None
    raised: tuple[Alert, ...] = ()
    record_id: int | None = None
    outcome: Outcome | None = field(default=None, compare=False)
    history: PatientHistory | None = field(default=None, compare=False, repr=False)
    checks_pending: bool = False

    def touches(self, kinds: Change) -> bool:
        """Whether it changed any of `kinds`."""
        return bool(self.changed & kinds)

    def started_by(self, who: object) -> bool:
        """Whether `who` started it (a view skips redrawing its own change)."""
        return who is not None and self.initiator is who


# How long an instant stays "this click's": a click's own work (its look-ahead, its write, the views
# showing it), not a person reading a warning in between.
SAME_CLICK = timedelta(seconds=2)


def perform(session: Session, write: Callable[[], Outcome], *, patient_id: int | None, by: str = "",
            initiator: object | None = None, before: PatientHistory | None = None,
            stored: Callable[[Outcome], Any] | None = None, check_later: bool = False,
            now: datetime | None = None) -> OpChanges:
    """Run one write and announce what it changed (the engine every named operation uses).

    The service never runs its own checks here. With `patient_id` this function reads the person's
    history once (`Session.read_once`) and runs the checks once on it; without, the session
    re-checks everyone on a worker thread (`Session.mark_stale`). `before` + `stored`: the
    history already read for this click before the write (Given now's look-ahead) and a function
    giving the dose as stored from the outcome: the read is then not repeated, the stored dose is
    added in memory (`checks.history_with_dose`). `check_later`: announce the write at once (the
    views show it) and run the person's checks on that read on the next event-loop turn
    (`Session.check_person_later`; issue 17: a click is one short GUI event, the alerts follow a
    turn later, the alert list says "checking" meanwhile). `now`: the click's instant when the
    history was read for it before the write (default: the journal's clock after the write). Errors the user can fix (ValidationError
    and friends) propagate with nothing announced; a full disk or a read-only file becomes SaveFailed."""
    journal = session.journal
    try:
        # The service's own checks never run in the click: a person's run here on the one read
        # below (or a turn later), everyone's on a worker thread when the session hears of a write
        # about no one in particular (Session.mark_stale; issue 17: most of a second at 50 people).
        with journal.checks_left_to_caller():
            outcome = write()
    except USER_ERRORS:
        raise
    except Exception as exc:
        failure = as_save_failure(exc)  # full disk, read-only file...: words, not a crash
        if failure is None:
            raise
        raise failure from exc
    changed = Change.from_names(outcome.changed)
    alerts: tuple[Alert, ...] | None = None
    raised: tuple[Alert, ...] = ()
    history: PatientHistory | None = None
    if patient_id is not None and changed:
        now = now or journal.now()
        dose = stored(outcome) if stored is not None and before is not None else None
        try:
            history = session.read_once(patient_id, now, before=before, dose=dose)
        except Exception as e:  # noqa: BLE001 - the entry is saved: the failure is shown, not raised
            alerts = (checks.checks_failed(e, now, patient_id),)
        else:
            if check_later:
                session.check_person_later(patient_id, history, now)
            else:
                alerts = tuple(checked(journal, history, now, patient_id))
        if alerts is not None:
            earlier = [a for a in session.alerts if a.patient_id == patient_id]
            raised = tuple(sort_alerts(raised_or_worse(earlier, list(alerts))))
        changed |= Change.ALERTS
    changes = OpChanges(changed, patient_id, initiator, by, alerts, raised, outcome.record_id, outcome, history,
                        checks_pending=alerts is None and history is not None and check_later)
    session.announce(changes)
    return changes


def checked(journal: Any, history: PatientHistory, now: datetime, patient_id: int) -> list[Alert]:
    """The checks once, on the checks' window of the one read; a failure is an alert of its own
    (the entry is saved; silence would look like "all is well")."""
    try:
        return checks.alerts_in(journal, history.narrowed(now - LOOKBACK, now), now)
    except Exception as e:  # noqa: BLE001 - shown to the caregiver, see docstring
        return [checks.checks_failed(e, now, patient_id)]


__all__ = ["DATA", "ENTRIES", "EVERYTHING", "Change", "OpChanges", "checked", "perform"]
