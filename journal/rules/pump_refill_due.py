"""pump-refill-due: the pump's refill date is near with no refill logged since it was set."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
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
    when = _("today") if left == 0 else (_("tomorrow") if left == 1 else
                                         ngettext("in {n} day", "in {n} days", left).format(n=left))
    title = _("Pump refill due {when} ({day})").format(when=when, day=day.isoformat())
    message = _("{person}'s pump needs its refill {when}. If the pump runs low it alarms, and if it runs empty the "
                "medicine stops, which can bring on withdrawal.").format(person=history.patient.name, when=when)
    evidence = [how, _("no refill logged since; reminder from {info} days before (source: {info_source}), warning "
                       "from {warn} days (source: {warn_source})").format(
        info=f"{info_days:g}", info_source=p.cite("pump.refill_info_days"), warn=f"{warn_days:g}",
        warn_source=p.cite("pump.refill_warning_days"))]
    med = next((m for m, q in ctx.profiled() if q is p and ctx.route(m) == "intrathecal"), None)
    advice = ctx.advice(severity, _("Make sure the refill appointment is booked before that date; book early if "
                                    "travel or weather could get in the way."))
    return [ctx.alert(RULE, severity, ctx.day_start(day), title, message, advice, evidence, med)]
