"""over-max-dose: one oral dose, planned or given, above the drug's usual single-dose maximum.

Doses of one drug (any of its products of the same route) given within a short span
(`timing.combined_dose_span_hours`, 1 h, judgement) count together as one dose: two people each
giving 20 mg ten minutes apart gave 40 mg at once."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from journal.domain import Alert, Dose, Medication, PatientHistory, Severity
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_hours, fmt_mg, utc

RULE = "over-max-dose"
MAX_GROUPS = 5  # evidence lines of doses counted together; more add nothing the caregiver can use


def unplanned(m: Medication, d: Dose) -> bool:
    """An as-needed dose, or one logged without naming a planned slot."""
    return m.as_needed or d.scheduled is None


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
        span = timedelta(hours=p.get("timing.combined_dose_span_hours") or 0)
        family = sorted(((o, d) for o in ctx.siblings(m) for d in ctx.given_doses(o)), key=lambda ox: utc(ox[1].at))
        stamps = [utc(d.at) for _, d in family]
        counted: set[int] = set()
        combined = 0
        for d in ctx.given_doses(m):
            mg = ctx.dose_mg(m, d)
            if mg is None or not ctx.within(d.at, timedelta(hours=24)):
                continue
            if mg > limit + 1e-9:
                evidence.append(f"given {ctx.fmt(d.at)}: {fmt_mg(mg)}" + (f" ({d.amount})" if d.amount else ""))
                since = d.at if since is None else since
                continue
            # Earlier doses of the drug within the span, by anyone: together they are one large dose.
            # Doses that both answer planned slots were planned together (double-dose judges repeats).
            end = utc(d.at)
            near = family[bisect_right(stamps, end - span):bisect_right(stamps, end)]
            group = [(o, x) for o, x in near if x is not d and utc(x.at) > end - span
                     and (unplanned(m, d) or unplanned(o, x))]
            if not group or id(d) in counted or combined >= MAX_GROUPS:
                continue
            total = mg + sum(ctx.dose_mg(o, x) or 0.0 for o, x in group)
            if total <= limit + 1e-9:
                continue
            parts = [(o, x) for o, x in sorted(group, key=lambda ox: utc(ox[1].at))] + [(m, d)]
            counted.update(id(x) for _, x in parts)
            listed = "; ".join(f"{ctx.fmt(x.at)} {fmt_mg(ctx.dose_mg(o, x) or 0)}" + (f" by {x.by}" if x.by else "")
                               + (f" ({o.name})" if o is not m else "") for o, x in parts)
            evidence.append(f"given within {fmt_hours(utc(d.at) - utc(parts[0][1].at))}: {listed}; "
                            f"together {fmt_mg(total)} (doses less than {fmt_hours(span)} apart count as one, "
                            f"source: {p.cite('timing.combined_dose_span_hours')})")
            since = parts[0][1].at if since is None else since
            combined += 1
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
