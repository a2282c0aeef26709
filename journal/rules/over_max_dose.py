"""over-max-dose: one oral dose, planned or given, above the drug's usual single-dose maximum."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg

RULE = "over-max-dose"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        limit = p.route(ctx.route(m), "max_single_mg")
        if limit is None:
            continue
        evidence: list[str] = []
        since: datetime | None = None
        first, last = ctx.change_days_window(p)
        for r in m.regimens:
            mg = ctx.per_dose_mg(m, r)
            if mg is None or mg <= limit + 1e-9 or not r.times:
                continue
            if r.end is not None and r.end < ctx.today:
                continue
            if r.start > last:
                continue
            # A prescriber who set a higher daily ceiling on purpose also set these doses.
            if m.prescribed_max_daily_mg:
                continue
            evidence.append(f"schedule from {r.start.isoformat()}: {r.dose} ({fmt_mg(mg)}) each time")
            since = ctx.day_start(r.start)
            break
        for d in ctx.given_doses(m):
            mg = ctx.dose_mg(m, d)
            if mg is not None and mg > limit + 1e-9 and ctx.within(d.at, timedelta(hours=24)):
                evidence.append(f"given {ctx.fmt(d.at)}: {fmt_mg(mg)}" + (f" ({d.amount})" if d.amount else ""))
                since = d.at if since is None else since
        if since is None:
            continue
        evidence.append(f"single-dose limit used: {fmt_mg(limit)} "
                        f"(source: {p.cite('routes.' + ctx.route(m) + '.max_single_mg')})")
        title = f"{m.name}: one dose above {fmt_mg(limit)}"
        message = (f"A single dose of {m.name} for {history.patient.name} is above {fmt_mg(limit)}, the largest "
                   f"single dose in the usual schedules. Large single doses make side effects more likely.")
        advice = ctx.advice(Severity.WARNING, "Check the amount against the prescription label (tablets, mL and mg "
                                              "are easy to mix up) and ask the pharmacist or prescriber if it is "
                                              "meant.")
        alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence, m))
    return alerts
