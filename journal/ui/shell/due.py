"""What to remind about, for the reminder scheduler: the open dose slots of every medicine of every
person (profile or not) and the pump refill dates, and when the missed-dose alert has taken over a
slot from its reminder.

Which dose answered which slot, and when a slot is past its grace, is the plan's answer
(journal.schedule.plan), asked once per medicine in `open_slots`; nothing here matches doses to
slots by itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from time import perf_counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from journal.domain import Alert, Medication, Patient, PatientHistory, PumpEventKind
from journal.knowledge import KnowledgeError, default_library
from journal.rules.common import plan_timing
from journal.schedule import CONTEXT, Outcome, Slot, journal_began, local_instant, plan_medicine
from journal.services.journal import Journal, Settings

if TYPE_CHECKING:  # the session imports the views that use this
    from .session import JournalReads

from ..widgets.formatting import amount_text, fmt_date, fmt_time
from .reminders import DueItem

AHEAD = timedelta(hours=26)
# Only when the drug data cannot be read at all (the checks are down then too, and say so): how
# far back to look for open slots.
REMIND_BACK_WITHOUT_DATA = timedelta(hours=24)
# A pump refill reminder is for that morning; later in the day the pump-refill alerts speak.
PUMP_REMINDER_TIME = time(9, 0)
PUMP_DAYS_BEFORE = (3, 0)
PUMP_REMINDER_STALE = timedelta(hours=2)
# How long a person's planned reminders are reused while nothing of theirs changes (DuePlan; our
# own number: far below AHEAD minus any reminder lead, so no slot can be missing from them).
REUSE = timedelta(hours=1)
# How long one call of DuePlan plans people before leaving the rest to the next event-loop turn
# (issue 17: no GUI event over 50 ms; our own number, half of it, the rest is for drawing).
TURN_BUDGET = 0.025
# Alerts that speak for a medicine's slots once their grace has passed (abrupt-stop lists the
# slots inside the gap it reports instead of missed-dose).
HANDOVER_RULES = frozenset({"missed-dose", "abrupt-stop"})


@dataclass(frozen=True)
class OpenSlot:
    slot: Slot
    grace_ends: datetime  # after this the slot is missed ("nothing logged"), no longer only late


def reminder_lookback(m: Medication) -> timedelta:
    """How far back `m`'s open slots are reminded: the span the missed-dose rule looks at, its grace
    plus its look-back (the drug profile's `timing.missed_dose_grace_hours` and
    `timing.missed_dose_lookback_hours`, else the general numbers for every medicine,
    resources/general-medicine.json: 2 h, NHS; 24 h, judgement). Older slots are in History."""
    try:
        p = default_library().profile_or_general(m)
    except (KnowledgeError, OSError):  # no drug data: remind anyway, see REMIND_BACK_WITHOUT_DATA
        return REMIND_BACK_WITHOUT_DATA
    return timedelta(hours=p.value("timing.missed_dose_grace_hours") + p.value("timing.missed_dose_lookback_hours"))


def open_slots(m: Medication, history: PatientHistory, end: datetime, now: datetime) -> list[OpenSlot]:
    """Slots of `m` from its reminder look-back up to `end` that nothing answers yet, as the plan
    says (journal.schedule.plan, read as Today reads it: due, overdue or nothing logged; a dose
    given, vomited, skipped, refused or noted missed answers it; nothing before the journal began
    counts). `history` must hold `m`'s records from the look-back minus the plan's CONTEXT to
    `end` plus CONTEXT."""
    if m.id is None:
        return []
    plan = plan_medicine(m, history.tz, now - reminder_lookback(m), end, history.doses_of(m.id), now,
                         plan_timing(m), journal_began(history, m))
    return [OpenSlot(st.slot, st.slot.at + plan.timing.grace) for st in plan.slots
            if st.outcome in (Outcome.DUE, Outcome.OVERDUE, Outcome.UNLOGGED)]


def _late_title(person: str, medicine: str, day: date, today: date, when: str, settings: Any) -> str:
    """"Ana: Baclofen was due at 14:00, nothing logged", with "yesterday" or "on 2026-11-21" before
    "at" when the slot was on another day; in the window's language."""
    if day == today:
        text = QCoreApplication.translate("due", "{person}: {medicine} was due at {time}, nothing logged")
    elif day == today - timedelta(days=1):
        text = QCoreApplication.translate("due", "{person}: {medicine} was due yesterday at {time}, nothing logged")
    else:
        text = QCoreApplication.translate("due", "{person}: {medicine} was due on {date} at {time}, nothing logged")
    return text.format(person=person, medicine=medicine, time=when, date=fmt_date(day, settings))


def due_items(journal: Journal | JournalReads, now: datetime, settings: Settings | None) -> list[DueItem]:
    """Open dose slots of every scheduled medicine (see `open_slots`) up to AHEAD from now, and the
    pump refill reminders, soonest first."""
    items = [i for p in journal.list_patients() if p.id is not None for i in _items_of(journal, p, now, settings)]
    items.sort(key=lambda i: i.at)
    return items


def _items_of(journal: Journal | JournalReads, p: Patient, now: datetime, settings: Settings | None) -> list[DueItem]:
    """`due_items` for one person (unsorted)."""
    assert p.id is not None
    tz = journal.tz
    end = now + AHEAD
    today = now.astimezone(tz).date()
    items: list[DueItem] = []
    meds = [m for m in journal.list_medications(p.id) if m.id is not None and not m.as_needed]
    back = max([reminder_lookback(m) for m in meds], default=timedelta(0))
    h = journal.history(p.id, now - back - CONTEXT, end + CONTEXT)
    for m in h.medications:
        if m.id is None or m.as_needed:
            continue
        for o in open_slots(m, h, end, now):
            at = o.slot.at
            when = fmt_time(at.astimezone(tz), settings)
            items.append(DueItem(
                key=f"dose|{m.id}|{at.isoformat()}", at=at,
                title=QCoreApplication.translate("due", "{person}: {medicine} at {time}").format(
                    person=p.name, medicine=m.name, time=when),
                text=amount_text(o.slot.dose, m), kind="dose",
                late_title=_late_title(p.name, m.name, at.astimezone(tz).date(), today, when, settings),
                patient_id=p.id, medication_id=m.id, grace_ends=o.grace_ends))
    refills = [e for e in h.pump_events if e.kind in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE)
               and e.next_refill_due is not None]
    due = max(refills, key=lambda e: e.at).next_refill_due if refills else None
    if due is not None:
        for before in PUMP_DAYS_BEFORE:
            at = local_instant(due - timedelta(days=before), PUMP_REMINDER_TIME, tz)
            if at < now - PUMP_REMINDER_STALE:
                continue
            title = QCoreApplication.translate("due", "{person}: pump refill due today ({date})") if before == 0 \
                else QCoreApplication.translate("due", "{person}: pump refill due in {n} days ({date})")
            items.append(DueItem(
                key=f"pump|{p.id}|{due.isoformat()}|{before}", at=at,
                title=title.format(person=p.name, n=before, date=due.isoformat()),
                text=QCoreApplication.translate("due", "Check the appointment with the pump clinic is booked."),
                kind="pump",
                patient_id=p.id))
    return items


class DuePlan:
    """`due_items` that re-plans only the people whose entries changed (issue 17: at 50 people a
    full plan reads everyone's history, about a second on the GUI thread after every logged dose).

    Call it as the scheduler's provider (`plan(now) -> list[DueItem]`); call `forget(patient_id)`
    when a write changed that person's entries or medicines, `forget()` when anything else changed
    (people, settings, another program's writes). A person's items are reused only while nothing
    of theirs was written, within the same local day as they were made, and for at most REUSE: the
    items made at `t` already cover every slot up to `t + AHEAD`, so for a reminder `lead` ahead
    nothing is missing while `now - t <= REUSE` and `REUSE + lead < AHEAD` (REUSE 1 h; the lead is
    minutes); a slot that left the look-back meanwhile was already due, so reminding about it again
    is ruled out by the scheduler's `done` marks as before."""

    def __init__(self, journal: Journal | JournalReads, settings: Callable[[], Settings | None],
                 more: Callable[[], None] | None = None, budget: float | None = TURN_BUDGET) -> None:
        self._journal = journal
        self._settings = settings
        self._kept: dict[int, tuple[datetime, list[DueItem]]] = {}
        self.planned: list[int] = []  # whose items the last call worked out afresh (for tests)
        # Planning everyone (the start, a new day) reads everyone's history: at 50 people seconds.
        # A call plans people until `budget` seconds have passed (at least one person), keeps the
        # others' earlier items meanwhile, and calls `more` on a later event-loop turn to go on
        # (the window re-plans and looks for due reminders then). None: everyone at once.
        self.more = more
        self.budget = budget
        self._more_pending = False

    def forget(self, patient_id: int | None = None) -> None:
        """Plan `patient_id` (everyone: None) afresh on the next call."""
        if patient_id is None:
            self._kept.clear()
        else:
            self._kept.pop(patient_id, None)

    def __call__(self, now: datetime) -> list[DueItem]:
        tz = self._journal.tz
        today = now.astimezone(tz).date()
        settings = self._settings()
        kept: dict[int, tuple[datetime, list[DueItem]]] = {}
        self.planned = []
        items: list[DueItem] = []
        left = False
        stop = None if self.budget is None or self.more is None else perf_counter() + self.budget
        for p in self._journal.list_patients():
            if p.id is None:
                continue
            old = self._kept.get(p.id)
            if old is None or not (old[0] <= now <= old[0] + REUSE) or old[0].astimezone(tz).date() != today:
                if stop is not None and self.planned and perf_counter() > stop:
                    left = True  # planned on a later turn; until then their earlier items, if any
                    if old is not None:
                        kept[p.id] = (datetime.min.replace(tzinfo=now.tzinfo), old[1])  # stale: planned next
                        items += old[1]
                    continue
                old = (now, _items_of(self._journal, p, now, settings))
                self.planned.append(p.id)
            kept[p.id] = old
            items += old[1]
        self._kept = kept  # people no longer in the journal are dropped
        if left and not self._more_pending:
            self._more_pending = True
            QTimer.singleShot(0, self._go_on)
        items.sort(key=lambda i: i.at)
        return items

    @property
    def complete(self) -> bool:
        """Whether everyone has been planned (no later turn is pending)."""
        return not self._more_pending

    def _go_on(self) -> None:
        self._more_pending = False
        if self.more is not None:
            self.more()


def handed_over(item: DueItem, alerts: Iterable[Alert], now: datetime) -> bool:
    """True when the alert list speaks for this slot: its grace has passed and a missed-dose (or
    abrupt-stop) alert for the same person and medicine is in the list. The alert list is the
    checks' answer; this only looks it up by rule, person and medicine."""
    # The missed-dose rule counts a slot once it is MORE than its grace late (at exactly the end
    # of the grace the alert does not name it yet).
    if item.kind != "dose" or item.grace_ends is None or now <= item.grace_ends:
        return False
    return any(a.rule in HANDOVER_RULES and a.patient_id == item.patient_id
               and a.medication_id == item.medication_id for a in alerts)


def settled_keys(shown: set[str], items: Iterable[DueItem], alerts: Iterable[Alert], now: datetime) -> set[str]:
    """Of the dose reminders on show (`shown` keys), those that need no reminder any more: the slot
    was answered (it is no longer among the open `items`) or an alert speaks for it."""
    alerts = list(alerts)
    still_open = {i.key for i in items if not handed_over(i, alerts, now)}
    return {k for k in shown if k.startswith("dose|") and k not in still_open}
