"""pump-refill-due: the pump's refill date is near with no refill logged since it was set."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, PatientHistory, Severity
from journal.knowledge import DrugLibrary, DrugProfile

from .common import CheckContext

RULE = "pump-refill-due"


def pump_profile(ctx: CheckContext) -> DrugProfile | None:
    for m, p in ctx.profiled():
        if ctx.route(m) == "intrathecal" and ctx.is_active(m):
            return p
    return None


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    p = pump_profile(ctx)
    due = ctx.refill_due()
    if p is None or due is None:
        return []
    day, how = due
    left = (day - ctx.today).days
    info_days, warn_days = p.get("pump.refill_info_days"), p.get("pump.refill_warning_days")
    if left < 0 or info_days is None or left > info_days:
        return []
    severity = Severity.WARNING if warn_days is not None and left <= warn_days else Severity.INFO
    when = "today" if left == 0 else ("tomorrow" if left == 1 else f"in {left} days")
    title = f"Pump refill due {when} ({day.isoformat()})"
    message = (f"{history.patient.name}'s pump needs its refill {when}. If the pump runs low it alarms, and if "
               f"it runs empty the medicine stops, which can bring on withdrawal.")
    evidence = [how, f"no refill logged since; reminder from {info_days:g} days before "
                     f"(source: {p.cite('pump.refill_info_days')}), warning from {warn_days:g} days "
                     f"(source: {p.cite('pump.refill_warning_days')})"]
    med = next((m for m, q in ctx.profiled() if q is p and ctx.route(m) == "intrathecal"), None)
    advice = ctx.advice(severity, "Make sure the refill appointment is booked before that date; book early if "
                                  "travel or weather could get in the way. ")
    return [ctx.alert(RULE, severity, ctx.day_start(day), title, message, advice, evidence, med)]
