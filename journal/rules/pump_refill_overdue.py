"""pump-refill-overdue: the refill date has passed with no refill logged."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.knowledge import DrugLibrary

from .common import CheckContext
from .pump_refill_due import pump_profile

RULE = "pump-refill-overdue"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    p = pump_profile(ctx)
    due = ctx.refill_due()
    if p is None or due is None:
        return []
    day, how = due
    late = (ctx.today - day).days
    if late <= 0:
        return []
    title = _("Pump refill overdue since {day}").format(day=day.isoformat())
    message = ngettext("The refill of {person}'s pump was due {n} day ago and no refill is logged. The pump may run "
                       "empty and stop giving the medicine, which can bring on withdrawal.",
                       "The refill of {person}'s pump was due {n} days ago and no refill is logged. The pump may run "
                       "empty and stop giving the medicine, which can bring on withdrawal.", late).format(
        person=history.patient.name, n=late)
    evidence = [how, ngettext("today is {day}: {n} day past the date, no refill logged",
                              "today is {day}: {n} days past the date, no refill logged", late).format(
        day=ctx.today.isoformat(), n=late)]
    med = next((m for m, q in ctx.profiled() if q is p and ctx.route(m) == "intrathecal"), None)
    advice = ctx.advice(Severity.URGENT, _("Ask the pump clinic for the earliest refill, and watch for itching, "
                                           "stiffness coming back, fever or confusion. If a refill was done, log it."))
    return [ctx.alert(RULE, Severity.URGENT, ctx.day_start(day), title, message, advice, evidence, med)]
