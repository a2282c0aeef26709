"""over-max-dose: one oral dose, planned or given, above the drug's usual single-dose maximum.

Doses of one drug (any of its products of the same route) given within a short span
(`timing.combined_dose_span_hours`, 1 h, judgement) count together as one dose: two people each
giving 20 mg ten minutes apart gave 40 mg at once."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from journal.domain import Alert, Dose, Medication, PatientHistory, Severity
from journal.domain.i18n import _
from journal.domain.shown import source_name
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
            evidence.append(_("schedule from {day}: {dose} ({amount}) each time").format(
                day=r.start.isoformat(), dose=r.dose, amount=fmt_mg(mg)))
            since = ctx.day_start(r.start)
            break
        span = timedelta(hours=p.get("timing.combined_dose_span_hours") or 0)
        family: list[tuple[Medication, Dose]] | None = None  # the drug's given doses, sorted when first needed
        stamps: list[datetime] = []
        counted: set[int] = set()
        combined = 0
        for d in ctx.given_doses(m):
            if not ctx.within(d.at, timedelta(hours=24)):
                continue
            mg = ctx.dose_mg(m, d)
            if mg is None:
                continue
            if mg > limit + 1e-9:
                evidence.append(_("given {when}: {amount}").format(when=ctx.fmt(d.at), amount=fmt_mg(mg))
                                + (f" ({d.amount})" if d.amount else ""))
                since = d.at if since is None else since
                continue
            # Earlier doses of the drug within the span, by anyone: together they are one large dose.
            # Doses that both answer planned slots were planned together (double-dose judges repeats).
            end = utc(d.at)
            if family is None:
                # Only the doses that can be near one of the last 24 h (within `span` before it): the
                # same ones in the same order as sorting them all (the sort is stable).
                reach = ctx.now_utc - timedelta(hours=24) - span
                timed = sorted(((t, o, x) for o in ctx.siblings(m) for x in ctx.given_doses(o)
                                if (t := utc(x.at)) > reach), key=lambda tox: tox[0])
                family = [(o, x) for _t, o, x in timed]
                stamps = [t for t, _o, _x in timed]
            near = family[bisect_right(stamps, end - span):bisect_right(stamps, end)]
            group = [(o, x) for o, x in near if x is not d and utc(x.at) > end - span
                     and (unplanned(m, d) or unplanned(o, x))]
            if not group or id(d) in counted or combined >= MAX_GROUPS:
                continue
            total = mg + sum(ctx.dose_mg(o, x) or 0.0 for o, x in group)
            if total <= limit + 1e-9:
                continue
            parts = [(o, x) for o, x in sorted(group, key=lambda ox: utc(ox[1].at))] + [(m, d)]
            counted.update(id(x) for _o, x in parts)
            listed = "; ".join(f"{ctx.fmt(x.at)} {fmt_mg(ctx.dose_mg(o, x) or 0)}"
                               + (" " + _("by {who}").format(who=x.by) if x.by else "")
                               + (f" ({o.name})" if o is not m else "") for o, x in parts)
            evidence.append(_("given within {gap}: {doses}; together {total} (doses less than {span} apart count as "
                              "one, source: {source})").format(
                gap=fmt_hours(utc(d.at) - utc(parts[0][1].at)), doses=listed, total=fmt_mg(total),
                span=fmt_hours(span), source=source_name(p.cite("timing.combined_dose_span_hours"))))
            since = parts[0][1].at if since is None else since
            combined += 1
        if since is None:
            continue
        evidence.append(_("single-dose limit used: {limit} (source: {source})").format(
            limit=fmt_mg(limit), source=source_name(p.cite("routes." + ctx.route(m) + ".max_single_mg"))))
        title = _("{medicine}: one dose above {limit}").format(medicine=m.name, limit=fmt_mg(limit))
        message = _("A single dose of {medicine} for {person} is above {limit}, the largest single dose in the usual "
                    "schedules. Large single doses make side effects more likely.").format(
            medicine=m.name, person=history.patient.name, limit=fmt_mg(limit))
        advice = ctx.advice(Severity.WARNING, _("Check the amount against the prescription label (tablets, mL and mg "
                                                "are easy to mix up) and ask the pharmacist or prescriber if it is "
                                                "meant."))
        alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence, m))
    return alerts
