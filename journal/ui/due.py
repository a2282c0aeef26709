"""What to remind about, for the reminder scheduler: the open dose slots of every medicine of every
person (profile or not) and the pump refill dates, and when the missed-dose alert has taken over a
slot from its reminder.

Which dose answered which slot is the schedule's answer (journal.schedule), asked once per medicine
in `open_slots`; nothing here matches doses to slots by itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from journal.domain import Alert, Medication, PatientHistory, PumpEventKind
from journal.schedule import Slot, expand, local_instant, match

from .formatting import amount_text, fmt_date, fmt_time
from .reminders import DueItem
from .today_view import MATCH_TOLERANCE, tolerance_for

AHEAD = timedelta(hours=26)
# How far back the window looks for open slots on opening or waking (judgement: one day of doses,
# so coming back after a night away still lists what was not logged; anything older is in
# History and, while it matters, in the checks' alerts).
REMIND_BACK = timedelta(hours=24)
# Grace after a slot before a dose counts as missed, for medicines without drug data (the
# missed-dose rule's number for every medicine; clinical-facts.md: slot + 2 h, NHS). A drug
# profile's `timing.missed_dose_grace_hours` replaces it.
DEFAULT_MISSED_DOSE_GRACE = timedelta(hours=2)
# A pump refill reminder is for that morning; later in the day the pump-refill alerts speak.
PUMP_REMINDER_TIME = time(9, 0)
PUMP_DAYS_BEFORE = (3, 0)
PUMP_REMINDER_STALE = timedelta(hours=2)
# Alerts that speak for a medicine's slots once their grace has passed (abrupt-stop lists the
# slots inside the gap it reports instead of missed-dose).
HANDOVER_RULES = frozenset({"missed-dose", "abrupt-stop"})


@dataclass(frozen=True)
class OpenSlot:
    slot: Slot
    grace_ends: datetime  # from here on the slot is missed, no longer only late


def grace_for(m: Medication) -> timedelta:
    """How long after a slot the dose still counts as late rather than missed: the drug profile's
    `timing.missed_dose_grace_hours`, else DEFAULT_MISSED_DOSE_GRACE."""
    try:
        from journal.rules.knowledge import default_library

        profile = default_library().profile_for(m)
        if profile is not None:
            return timedelta(hours=profile.value("timing.missed_dose_grace_hours"))
    except Exception:  # noqa: BLE001 - no drug data: the default for every medicine
        pass
    return DEFAULT_MISSED_DOSE_GRACE


def open_slots(m: Medication, history: PatientHistory, start: datetime, end: datetime, now: datetime) -> list[OpenSlot]:
    """Slots of `m` with start <= at < end that no dose record answers (given, skipped, refused or
    noted missed all answer), from the schedule's matching."""
    slots = expand(m, history.tz, start, end)
    if not slots or m.id is None:
        return []
    states, _ = match(slots, history.doses_of(m.id), tolerance_for(m, now.astimezone(history.tz).date()))
    grace = grace_for(m)
    return [OpenSlot(st.slot, st.slot.at + grace) for st in states if not st.answered]


def _day_words(day: date, today: date, settings: Any) -> str:
    """'' for today, 'yesterday ' or 'on 2026-11-21 ' (with a trailing space)."""
    if day == today:
        return ""
    if day == today - timedelta(days=1):
        return "yesterday "
    return f"on {fmt_date(day, settings)} "


def due_items(journal: Any, now: datetime, settings: Any) -> list[DueItem]:
    """Open dose slots from REMIND_BACK ago to AHEAD from now, and the pump refill reminders."""
    tz = journal.tz
    start, end = now - REMIND_BACK, now + AHEAD
    today = now.astimezone(tz).date()
    items: list[DueItem] = []
    for p in journal.list_patients():
        if p.id is None:
            continue
        # Doses a little before `start` can answer the first slots: read that far back too.
        h = journal.history(p.id, start - MATCH_TOLERANCE, end)
        for m in h.medications:
            if m.id is None or m.as_needed:
                continue
            for o in open_slots(m, h, start, end, now):
                at = o.slot.at
                when = fmt_time(at.astimezone(tz), settings)
                items.append(DueItem(
                    key=f"dose|{m.id}|{at.isoformat()}", at=at,
                    title=f"{p.name}: {m.name} at {when}",
                    text=amount_text(o.slot.dose, m), kind="dose",
                    late_title=f"{p.name}: {m.name} was due {_day_words(at.astimezone(tz).date(), today, settings)}"
                               f"at {when}, nothing logged",
                    patient_id=p.id, medication_id=m.id, grace_ends=o.grace_ends))
        refills = [e for e in h.pump_events if e.kind in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE)
                   and e.next_refill_due is not None]
        if refills:
            due: date = max(refills, key=lambda e: e.at).next_refill_due  # type: ignore[assignment]
            for before in PUMP_DAYS_BEFORE:
                at = local_instant(due - timedelta(days=before), PUMP_REMINDER_TIME, tz)
                if at < now - PUMP_REMINDER_STALE:
                    continue
                when = "today" if before == 0 else f"in {before} days"
                items.append(DueItem(
                    key=f"pump|{p.id}|{due.isoformat()}|{before}", at=at,
                    title=f"{p.name}: pump refill due {when} ({due.isoformat()})",
                    text="Check the appointment with the pump clinic is booked.", kind="pump",
                    patient_id=p.id))
    items.sort(key=lambda i: i.at)
    return items


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
