"""What is due soon, for the reminder scheduler: unanswered dose slots and pump refill dates of
every person (slots from journal.schedule; records from bounded history windows)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from journal.domain import PumpEventKind
from journal.rules.common import plan_timing
from journal.schedule import CONTEXT, Outcome, journal_began, local_instant, plan_medicine

from .formatting import amount_text, fmt_time
from .reminders import STALE_AFTER, DueItem

AHEAD = timedelta(hours=26)
PUMP_REMINDER_TIME = time(9, 0)
PUMP_DAYS_BEFORE = (3, 0)


def due_items(journal: Any, now: datetime, settings: Any) -> list[DueItem]:
    tz = journal.tz
    start, end = now - STALE_AFTER, now + AHEAD
    items: list[DueItem] = []
    for p in journal.list_patients():
        if p.id is None:
            continue
        h = journal.history(p.id, start - CONTEXT, end + CONTEXT)
        for m in h.medications:
            if m.id is None or m.as_needed:
                continue
            plan = plan_medicine(m, tz, start, end, h.doses_of(m.id), now, plan_timing(m), journal_began(h, m))
            for st in plan.slots:
                if st.outcome not in (Outcome.DUE, Outcome.OVERDUE, Outcome.UNLOGGED):
                    continue
                at = st.slot.at
                items.append(DueItem(
                    key=f"dose|{m.id}|{at.isoformat()}", at=at,
                    title=f"{p.name}: {m.name} at {fmt_time(at.astimezone(tz), settings)}",
                    text=amount_text(st.slot.dose, m), kind="dose"))
        refills = [e for e in h.pump_events if e.kind in (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE)
                   and e.next_refill_due is not None]
        if refills:
            due: date = max(refills, key=lambda e: e.at).next_refill_due  # type: ignore[assignment]
            for before in PUMP_DAYS_BEFORE:
                at = local_instant(due - timedelta(days=before), PUMP_REMINDER_TIME, tz)
                when = "today" if before == 0 else f"in {before} days"
                items.append(DueItem(
                    key=f"pump|{p.id}|{due.isoformat()}|{before}", at=at,
                    title=f"{p.name}: pump refill due {when} ({due.isoformat()})",
                    text="Check the appointment with the pump clinic is booked.", kind="pump"))
    items.sort(key=lambda i: i.at)
    return items
