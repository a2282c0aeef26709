"""fast-taper: a schedule change lowers the daily amount faster than a safe taper allows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.knowledge import DrugLibrary, DrugProfile

from .abrupt_stop import planned
from .common import CheckContext, fmt_mg

RULE = "fast-taper"
EPS = 1e-9


@dataclass(frozen=True)
class Finding:
    severity: Severity
    day: date  # first day at the lower amount
    before_mg: float
    after_mg: float
    days: int  # over how many days the drop happens
    kind: str  # "to-zero", "short", "long"
    source: str


def describe_span(days: int) -> str:
    return _("overnight") if days <= 1 else ngettext("in {n} day", "in {n} days", days).format(n=days)


def find(ctx: CheckContext, m: Medication, p: DrugProfile, first: date, last: date) -> list[Finding]:
    """Too-fast drops whose lower day lies in [first, last]."""
    if not ctx.plan_may_change(m, first, last):
        return []  # the same amount every day: nothing drops
    route = ctx.route(m)
    to_zero_min = p.route(route, "taper_to_zero_min_daily_mg")
    to_zero_days = p.route(route, "taper_to_zero_min_days")
    cuts = [(p.route(route, "taper_cut_fraction_short"), p.route(route, "taper_cut_days_short"),
             "short", f"routes.{route}.taper_cut_fraction_short"),
            (p.route(route, "taper_cut_fraction_long"), p.route(route, "taper_cut_days_long"),
             "long", f"routes.{route}.taper_cut_fraction_long")]
    # The percentage rules have a floor: one usual step (5 mg a day for oral baclofen, judgement after
    # the label's 5 mg steps) every `taper_cut_days_short` days is a usual taper whatever its
    # percentage, so the end of a textbook taper (15 -> 10 -> 5 -> 0 mg a day every 4 days, one to two
    # weeks as the reference says) is not warned, while 10 mg a day stopped overnight still is.
    floor = p.route(route, "taper_cut_floor_mg_per_day") or 0.0
    step_days = p.route(route, "taper_cut_days_short") or 1.0
    span = int(max([to_zero_days or 0] + [d or 0 for _, d, _, _ in cuts]))
    # Judged on the drug's total over all its products (tablets + oral solution), on the days this
    # product's own plan goes down: a switch between products at the same total is not a taper.
    totals: dict[date, float] = {}
    own: dict[date, float] = {}
    d = first - timedelta(days=span + 1)
    while d <= last:
        totals[d] = ctx.drug_daily_mg(m, d)
        own[d] = ctx.planned_daily_mg(m, d)
        d += timedelta(days=1)
    # Days with doses planned whose amount in mg is unknown (no strength recorded): a stop after
    # them cannot be measured, so it is treated as a stop from an amount that needs a taper.
    unknown = {day: any(planned(o, day) and ctx.planned_daily_mg(o, day) <= EPS for o in ctx.siblings(m))
               for day in totals}
    anything = {day: any(planned(o, day) for o in ctx.siblings(m)) for day in totals}
    out: list[Finding] = []
    b = first
    while b <= last:
        today, yesterday = totals[b], totals[b - timedelta(days=1)]
        if (to_zero_days is not None and not anything[b] and planned(m, b - timedelta(days=1))
                and not planned(m, b)):
            recent = [b - timedelta(days=k) for k in range(1, int(to_zero_days)) if unknown[b - timedelta(days=k)]]
            if recent:
                out.append(Finding(Severity.URGENT, b, max(totals[b - timedelta(days=1)], 0.0), 0.0,
                                   (b - recent[0]).days, "to-zero-unknown",
                                   p.cite(f"routes.{route}.taper_to_zero_min_days")))
                b += timedelta(days=1)
                continue
        if today < yesterday - EPS and own[b] < own[b - timedelta(days=1)] - EPS:
            if to_zero_min is not None and to_zero_days is not None and today <= EPS:
                back = [(b - timedelta(days=k), totals[b - timedelta(days=k)]) for k in range(1, int(to_zero_days))]
                high = [(a, v) for a, v in back if v >= to_zero_min - EPS]
                if high:
                    a, v = high[0]  # the most recent day still at or above the threshold
                    peak = max(v for _, v in back)
                    out.append(Finding(Severity.URGENT, b, peak, 0.0, (b - a).days, "to-zero",
                                       p.cite(f"routes.{route}.taper_to_zero_min_days")))
                    b += timedelta(days=1)
                    continue
            best: Finding | None = None
            for frac, days, kind, path in cuts:
                if frac is None or days is None:
                    continue
                window = [totals[b - timedelta(days=k)] for k in range(1, int(days) + 1)]
                peak = max(window)
                k = min(i + 1 for i, v in enumerate(window) if v == peak)
                if peak - today <= floor * math.ceil(k / step_days) + EPS:
                    continue
                if today < (1 - frac) * peak - EPS and (best is None or peak > best.before_mg):
                    best = Finding(Severity.WARNING, b, peak, today, k, kind, p.cite(path))
            if best is not None:  # report the largest drop the rules see
                out.append(best)
        b += timedelta(days=1)
    return out


def alert_for(ctx: CheckContext, m: Medication, p: DrugProfile, f: Finding, history: PatientHistory) -> Alert:
    route = ctx.route(m)
    if f.kind == "to-zero-unknown":
        title = _("{medicine}: schedule stops {span}").format(medicine=m.name, span=describe_span(f.days))
        why = _("the strength is not recorded, so the amount in mg a day is unknown; stopping from {amount} a day or "
                "more needs at least {days} days of steps down").format(
            amount=fmt_mg(p.route(route, "taper_to_zero_min_daily_mg") or 0),
            days=f"{p.route(route, 'taper_to_zero_min_days') or 0:g}")
    elif f.kind == "to-zero":
        title = _("{medicine}: schedule goes from {amount} a day to none {span}").format(
            medicine=m.name, amount=fmt_mg(f.before_mg), span=describe_span(f.days))
        why = _("stopping from {amount} a day or more needs at least {days} days of steps down").format(
            amount=fmt_mg(p.route(route, "taper_to_zero_min_daily_mg") or 0),
            days=f"{p.route(route, 'taper_to_zero_min_days') or 0:g}")
    else:
        pct = 100 * (1 - f.after_mg / f.before_mg) if f.before_mg else 100
        title = _("{medicine}: schedule drops by {percent}% {span}").format(
            medicine=m.name, percent=f"{pct:.0f}", span=describe_span(f.days))
        frac = p.route(route, f"taper_cut_fraction_{f.kind}") or 0
        days = p.route(route, f"taper_cut_days_{f.kind}") or 0
        why = _("a drop of more than {percent}% within {days} days is faster than a usual taper").format(
            percent=f"{frac * 100:g}", days=f"{days:g}")
    others = [o for o in ctx.siblings(m) if o is not m]
    what = (_("{drug} ({products} together)").format(drug=_(p.display_name).lower(),
                                                     products=", ".join(o.name for o in [m, *others])) if others
            else m.name)
    amounts = (_("to nothing") if f.kind == "to-zero-unknown"
               else _("from {before} to {after} a day").format(before=fmt_mg(f.before_mg), after=fmt_mg(f.after_mg)))
    message = _("The schedule for {person} takes {what} {amounts} {span} (from {day}). Lowering this medicine "
                "quickly can bring on withdrawal; a stop is usually spread over one to two weeks or more unless "
                "the doctor decided otherwise.").format(person=history.patient.name, what=what, amounts=amounts,
                                                        span=describe_span(f.days), day=f.day.isoformat())
    evidence = [_("doses planned before {day} (amount in mg unknown), none from {day}").format(day=f.day.isoformat())
                if f.kind == "to-zero-unknown" else
                _("planned {before} a day before {day}, {after} a day from {day}").format(
                    before=fmt_mg(f.before_mg), after=fmt_mg(f.after_mg), day=f.day.isoformat()),
                _("rule: {why} (source: {source})").format(why=why, source=f.source)]
    for o in [m, *others]:
        for r in o.regimens:
            end = r.end.isoformat() if r.end else _("ongoing")
            if r.end is None or r.end >= f.day - timedelta(days=14):
                evidence.append((o.name + " " if others else "")
                                + _("schedule {start} to {end}: {dose} at {times}").format(
                                    start=r.start.isoformat(), end=end, dose=r.dose,
                                    times=", ".join(t.strftime("%H:%M") for t in r.times) or _("no set times"))
                                + (f" ({r.reason})" if r.reason else ""))
    advice = ctx.advice(f.severity, _("Check with the prescriber that this is the plan they meant, and ask how "
                                      "to lower it step by step and what signs to watch for."))
    return ctx.alert(RULE, f.severity, ctx.day_start(f.day), title, message, advice, evidence, m)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        first, last = ctx.change_days_window(p)
        found = ctx.schedule_fact(m, (RULE, id(m), first, last), find, ctx, m, p, first, last)
        if found:
            worst = max(found, key=lambda f: (f.severity.rank, -abs((f.day - ctx.today).days)))
            alerts.append(alert_for(ctx, m, p, worst, history))
    return alerts
