"""Schedule expansion and the plan: regimens to expected dose slots, which dose answers which slot,
and what became of each slot (journal.schedule.plan), with the words for them (words)."""

from .expand import Slot, SlotSpan, expand, expand_all, local_instant, longest_gap, regimen_days, shortest_gap
from .plan import (
    CONTEXT,
    DEFAULT_GRACE,
    DEFAULT_MATCH_WINDOW,
    ON_TIME_WINDOW,
    MedicinePlan,
    Outcome,
    PlanTiming,
    SlotState,
    Timing,
    journal_began,
    plan_medicine,
)

__all__ = [
    "CONTEXT", "DEFAULT_GRACE", "DEFAULT_MATCH_WINDOW", "ON_TIME_WINDOW", "MedicinePlan", "Outcome", "PlanTiming",
    "Slot", "SlotSpan", "SlotState", "Timing", "expand", "expand_all", "journal_began", "local_instant", "longest_gap",
    "plan_medicine", "regimen_days", "shortest_gap",
]
