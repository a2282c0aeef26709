"""over-prescribed: more given in a day than the schedule for that day adds up to (every medicine)."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity

from .common import CheckContext, fmt_mg
from .knowledge import DrugLibrary

RULE = "over-prescribed"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        if m.as_needed or not m.regimens or ctx.route(m) == "intrathecal":
            continue
        given = ctx.given_doses(m)
        for day in (ctx.today, ctx.today - timedelta(days=1)):
            reg = m.regimen_on(day)
            planned = 0.0
            if reg is not None and reg.times and ctx.is_dosing_day(reg, day):
                planned = ctx.dosing_day_mg(m, reg)
            todays = [d for d in given if ctx.dose_day(m, p, d) == day]
            total = sum(ctx.dose_mg(m, d) or 0.0 for d in todays)
            if total <= planned + 1e-6:
                continue
            evidence = [f"given on {day.isoformat()}: {fmt_mg(total)} in {len(todays)} doses; planned "
                        f"{fmt_mg(planned)}"]
            evidence += [f"{ctx.fmt(d.at)}: {fmt_mg(ctx.dose_mg(m, d) or 0)}" + (f" by {d.by}" if d.by else "")
                         for d in todays]
            title = f"{m.name}: more given on {day.isoformat()} than planned"
            message = (f"{history.patient.name} was given {fmt_mg(total)} of {m.name} on {day.isoformat()}, more "
                       f"than the {fmt_mg(planned)} the schedule plans for that day. If an entry is wrong, correct "
                       f"it; if not, extra amounts make side effects more likely"
                       + (", such as sleepiness and weakness." if p.toxicity_signs else "."))
            advice = ctx.advice(Severity.WARNING, "Do not make up for it by skipping or changing later doses on "
                                                  "your own; ask the pharmacist or prescriber.")
            alerts.append(ctx.alert(RULE, Severity.WARNING, todays[0].at, title, message, advice, evidence, m))
            break
    return alerts
