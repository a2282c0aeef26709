"""as-needed-too-soon: an as-needed dose given sooner after the one before than allowed.

The minimum interval is the prescribed one (`as_needed_limits.min_interval_hours`), else, for a
drug with a profile, half its usual interval (clinical-facts.md); with neither, the rule is silent
(nothing is made up). Doses by different people count together: that is the case it exists for.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary
from journal.schedule.as_needed import too_soon

from .common import CheckContext, fmt_hours, utc

RULE = "as-needed-too-soon"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        if not m.as_needed:
            continue
        limit = ctx.prn_limit(m, p)
        if limit.min_interval is None:
            continue
        lookback = timedelta(hours=p.value("timing.as_needed_lookback_hours"))
        pairs = [x for x in too_soon(m, history.doses, now, limit) if ctx.within(x.after.at, lookback)]
        if not pairs:
            continue
        evidence = []
        people: set[str] = set()
        for x in pairs:
            who = [w for w in (x.before.by, x.after.by) if w]
            people.update(who)
            by = (" " + _("(by {who})").format(who=_(" then ").join(who))) if who else ""
            evidence.append(_("given {first} and again {second}, {gap} apart").format(
                first=ctx.fmt(x.before.at), second=ctx.fmt(x.after.at), gap=fmt_hours(x.apart)) + by)
        evidence.append(_("minimum time between doses: {gap} ({source})").format(
            gap=fmt_hours(limit.min_interval), source=limit.min_interval_source))
        two = len(people) > 1
        title = _("{medicine}: an as-needed dose was given too soon after the one before").format(medicine=m.name)
        message = (_("{person} had doses of {medicine} {gap} apart; at least {least} should pass between them.")
                   .format(person=history.patient.name, medicine=m.name, gap=fmt_hours(pairs[-1].apart),
                           least=fmt_hours(limit.min_interval))
                   + (" " + _("They were given by different people: check with each other before giving the next "
                              "one.") if two else "")
                   + " " + _("If an entry is a mistake, correct it so the record is right."))
        advice = ctx.advice(Severity.WARNING, _("Do not give another dose of {medicine} before the time allowed. "
                                                "Ask the pharmacist or prescriber what to do, and watch for "
                                                "unusual sleepiness or other side effects.").format(medicine=m.name))
        first = min((x.after for x in pairs), key=lambda d: utc(d.at))
        alerts.append(ctx.alert(RULE, Severity.WARNING, first.at, title, message, advice, evidence, m))
    return alerts
