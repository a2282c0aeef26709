"""stock-low: a medicine is running out (clinical-facts.md, "stock-low"; every medicine, known drug
or not).

Levels (judgement, as the clinical facts table sets them), from `journal.schedule.stock`:
- urgent: it has run out (not enough left for the next planned dose) while doses are planned;
- warning: it lasts 3 days or fewer at the current plan;
- info: it lasts 7 days or fewer.
An as-needed medicine has no plan: it is judged at its recent use, and at most a warning (nothing
planned is missed when it runs out). No stock recorded, or a stock that cannot be told: no alert.
"""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.knowledge import DrugLibrary
from journal.schedule.stock import StockLevel, StockUnknown, describe_days_left, level_in

from .common import CheckContext

RULE = "stock-low"
INFO_DAYS = 7.0  # clinical-facts.md stock-low: info at 7 days or fewer (judgement)
WARNING_DAYS = 3.0  # warning at 3 days or fewer (judgement)


def severity_of(level: StockLevel) -> Severity | None:
    """The alert level for a stock level, or None when it is not low."""
    if level.run_out:
        return Severity.URGENT
    days = level.days_left
    if days is None:
        return None
    if days <= 0:
        return Severity.WARNING  # an as-needed medicine used up
    if days <= WARNING_DAYS:
        return Severity.WARNING
    if days <= INFO_DAYS:
        return Severity.INFO
    return None


def evidence_of(level: StockLevel, ctx: CheckContext) -> list[str]:
    """Where the number comes from: the last count, what came in and went out, doses since, the plan."""
    def q(v: float) -> str:
        return str(level.amount(v))

    out: list[str] = []
    if level.baseline is not None:
        out.append(_("counted {amount} on {when}").format(amount=level.baseline.amount,
                                                          when=ctx.fmt(level.baseline.at)))
    else:
        out.append(_("no count recorded; counted from the first stock entry"))
    out += [_("received {amount} on {when}").format(amount=e.amount, when=ctx.fmt(e.at)) for e in level.received]
    out += [_("discarded {amount} on {when}").format(amount=e.amount, when=ctx.fmt(e.at)) for e in level.discarded]
    out.append(ngettext("{n} dose given since, {amount} in all", "{n} doses given since, {amount} in all",
                        level.doses_given).format(n=level.doses_given, amount=q(level.given)))
    out.append(_("on hand now: about {amount}").format(amount=q(level.on_hand))
               + (" " + _("(more given than counted: please count again)") if level.on_hand < 0 else ""))
    if level.per_day is not None:
        out.append((_("planned: {amount} a day") if level.planned else
                    _("recent as-needed use: {amount} a day")).format(amount=q(level.per_day)))
    return out


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m in history.medications:
        if m.id is None or not m.stock:
            continue
        try:
            level = level_in(history, m, now)
        except StockUnknown:
            continue  # Today and the report say it cannot be told, and why
        if level is None:
            continue
        severity = severity_of(level)
        if severity is None:
            continue
        left = describe_days_left(level)
        if severity is Severity.URGENT:
            title = _("{medicine}: run out").format(medicine=m.name)
            message = _("By the journal's count there is not enough {medicine} left for the next planned dose of "
                        "{person}. If the count is wrong, count what is on hand and record it.").format(
                medicine=m.name, person=history.patient.name)
            advice = ctx.advice(severity, _("Get more from the pharmacy today; if you cannot, call the prescriber "
                                            "or pharmacist today about what to do until you can."))
        else:
            days = level.days_left or 0.0
            whole = int(days)
            lasts = (_("has been used up") if days <= 0 else _("lasts less than a day") if days < 1 else
                     ngettext("lasts {n} day", "lasts {n} days", whole).format(n=whole))
            title = _("{medicine}: {left}").format(medicine=m.name, left=left or _("used up"))
            message = ((_("By the journal's count {medicine} {lasts} at the current plan.") if level.planned else
                        _("By the journal's count {medicine} {lasts} at its recent use.")).format(
                medicine=m.name, lasts=lasts)
                + " " + _("Order a refill in time; pharmacies and prescribers can take a few days."))
            advice = ctx.advice(severity, _("Ask the pharmacy or prescriber for a refill."))
        since = level.baseline.at if level.baseline is not None else (m.stock[0].at if m.stock else now)
        alerts.append(ctx.alert(RULE, severity, since, title, message, advice, evidence_of(level, ctx), m))
    return alerts
