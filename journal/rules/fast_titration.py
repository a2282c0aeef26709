"""fast-titration: the planned daily amount goes up too soon after the last rise, or by too much."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary, DrugProfile

from .common import Change, CheckContext, fmt_mg

RULE = "fast-titration"


@dataclass(frozen=True)
class Finding:
    change: Change
    reasons: list[str]
    previous: Change | None


def rises(ctx: CheckContext, m: Medication, first: date, last: date) -> list[Change]:
    """Increases of the drug's planned daily total (all its products of the same route together),
    oldest first. The very first schedule of the drug in the journal is not a rise; a restart after
    a stop is (see CheckContext.drug_rises)."""
    by_day: dict[date, Change] = {}
    for o in ctx.siblings(m):
        for c in ctx.drug_rises(o, first, last):
            by_day.setdefault(c.day, c)
    return [by_day[d] for d in sorted(by_day)]


def find(ctx: CheckContext, m: Medication, p: DrugProfile, first: date, last: date) -> list[Finding]:
    if not ctx.plan_may_change(m, first, last):
        return []  # the same amount every day: nothing rises
    route = ctx.route(m)
    step = p.route(route, "titration_max_step_mg_per_day")
    gap_h = p.route(route, "titration_min_interval_hours")
    if step is None and gap_h is None:
        return []
    back = timedelta(hours=gap_h or 0) + timedelta(days=1)
    all_rises = rises(ctx, m, first - back, last)
    out = []
    own_days = {c.day for c in ctx.drug_rises(m, first, last)}
    for i, c in enumerate(all_rises):
        if c.day < first or c.day not in own_days:
            continue
        reasons = []
        prev = all_rises[i - 1] if i > 0 else None
        if step is not None and c.after_mg - c.before_mg > step + 1e-9:
            reasons.append(_("a rise of {amount} a day at once; the usual step is at most {step} a day (source: "
                             "{source})").format(amount=fmt_mg(c.after_mg - c.before_mg), step=fmt_mg(step),
                                                 source=p.cite(f"routes.{route}.titration_max_step_mg_per_day")))
        if gap_h is not None and prev is not None and (c.day - prev.day).days * 24 < gap_h:
            reasons.append(_("only {hours} h after the previous rise on {day}; the usual wait is at least {wait} h "
                             "(source: {source})").format(
                hours=(c.day - prev.day).days * 24, day=prev.day.isoformat(), wait=f"{gap_h:g}",
                source=p.cite(f"routes.{route}.titration_min_interval_hours")))
        if reasons:
            out.append(Finding(c, reasons, prev))
    return out


def alert_for(ctx: CheckContext, m: Medication, f: Finding, history: PatientHistory) -> Alert:
    c = f.change
    title = _("{medicine}: dose goes up faster than usual").format(medicine=m.name)
    others = [o for o in ctx.siblings(m) if o is not m]
    what = (_("{medicine} ({others} counted with it)").format(medicine=m.name,
                                                             others=", ".join(o.name for o in others))
            if others else m.name)
    message = _("The schedule for {person} raises {what} from {before} to {after} a day on {day}. Raising this "
                "medicine in big or quick steps makes sleepiness, weakness and confusion more likely.").format(
        person=history.patient.name, what=what, before=fmt_mg(c.before_mg), after=fmt_mg(c.after_mg),
        day=c.day.isoformat())
    evidence = [_("planned {before} a day before {day}, {after} a day from then").format(
        before=fmt_mg(c.before_mg), day=c.day.isoformat(), after=fmt_mg(c.after_mg))]
    if f.previous is not None:
        evidence.append(_("previous rise on {day}: {before} to {after} a day").format(
            day=f.previous.day.isoformat(), before=fmt_mg(f.previous.before_mg), after=fmt_mg(f.previous.after_mg)))
    evidence += f.reasons
    advice = ctx.advice(Severity.WARNING, _("Check with the prescriber that this is the plan they meant, and watch "
                                            "for strong sleepiness, weakness or confusion after the rise."))
    return ctx.alert(RULE, Severity.WARNING, ctx.day_start(c.day), title, message, advice, evidence, m)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        first, last = ctx.change_days_window(p)
        found = ctx.schedule_fact(m, (RULE, id(m), first, last), find, ctx, m, p, first, last)
        if found:
            alerts.append(alert_for(ctx, m, found[-1], history))
    return alerts
