"""as-needed-over-limit: more as-needed doses, or more amount, in a day than prescribed.

"A day" is a rolling window (`timing.as_needed_window_hours`, 24 h, judgement) so that doses on
both sides of midnight count together. The limits come from `as_needed_limits` or the drug's
profile (schedule.as_needed.limits_for); with none, the rule is silent.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary
from journal.schedule.as_needed import over_limit

from .common import CheckContext, and_join, fmt_hours, fmt_mg

RULE = "as-needed-over-limit"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        if not m.as_needed:
            continue
        limit = ctx.prn_limit(m, p)
        lookback = timedelta(hours=p.value("timing.as_needed_lookback_hours"))
        hits = over_limit(m, history.doses, now, limit, ctx.tz, now - lookback)
        if not hits:
            continue
        hit = hits[-1]
        span = fmt_hours(limit.window)
        evidence = [_("given {when}").format(when=ctx.fmt(d.at)) + (f" ({d.amount})" if d.amount else "")
                    + (" " + _("by {who}").format(who=d.by) if d.by else "") for d in hit.doses]
        what = []
        if hit.count_over and limit.max_doses is not None:
            what.append(_("{n} doses in {span}, more than the {most} allowed").format(
                n=len(hit.doses), span=span, most=limit.max_doses))
            evidence.append(_("most doses in {span}: {most} ({source})").format(
                span=span, most=limit.max_doses, source=limit.max_doses_source))
        if hit.amount_over and limit.max_amount_mg is not None and hit.amount_mg is not None:
            what.append(_("{amount} in {span}, more than the {most} allowed").format(
                amount=fmt_mg(hit.amount_mg), span=span, most=limit.max_amount))
            evidence.append(_("most in {span}: {most} (as prescribed)").format(span=span, most=limit.max_amount))
        title = _("{medicine}: more as-needed doses than allowed").format(medicine=m.name)
        message = (_("{person} was given {medicine} {what}.").format(person=history.patient.name, medicine=m.name,
                                                                     what=and_join(what))
                   + " " + _("If an entry is a mistake, correct it so the record is right."))
        advice = ctx.advice(Severity.WARNING, _("Do not give more {medicine} for now. Ask the pharmacist or "
                                                "prescriber today what to do, and mention how often it has been "
                                                "needed: needing it this often is worth their attention.").format(
            medicine=m.name))
        alerts.append(ctx.alert(RULE, Severity.WARNING, hit.doses[0].at, title, message, advice, evidence, m))
    return alerts
