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
        out.append(f"counted {level.baseline.amount} on {ctx.fmt(level.baseline.at)}")
    else:
        out.append("no count recorded; counted from the first stock entry")
    out += [f"received {e.amount} on {ctx.fmt(e.at)}" for e in level.received]
    out += [f"discarded {e.amount} on {ctx.fmt(e.at)}" for e in level.discarded]
    dose_word = "dose" if level.doses_given == 1 else "doses"
    out.append(f"{level.doses_given} {dose_word} given since, {q(level.given)} in all")
    out.append(f"on hand now: about {q(level.on_hand)}" + (" (more given than counted: please count again)"
                                                           if level.on_hand < 0 else ""))
    if level.per_day is not None:
        basis = "planned" if level.planned else "recent as-needed use"
        out.append(f"{basis}: {q(level.per_day)} a day")
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
            title = f"{m.name}: run out"
            message = (f"By the journal's count there is not enough {m.name} left for the next planned dose "
                       f"of {history.patient.name}. If the count is wrong, count what is on hand and record it.")
            advice = ctx.advice(severity, "Get more from the pharmacy today; if you cannot, call the prescriber "
                                          "or pharmacist today about what to do until you can.")
        else:
            days = level.days_left or 0.0
            lasts = ("has been used up" if days <= 0 else
                     f"lasts {'less than a day' if days < 1 else left.removeprefix('about ').removesuffix(' left')}")
            title = f"{m.name}: {left or 'used up'}"
            message = (f"By the journal's count {m.name} {lasts} at "
                       f"{'the current plan' if level.planned else 'its recent use'}. Order a refill in time; "
                       "pharmacies and prescribers can take a few days.")
            advice = ctx.advice(severity, "Ask the pharmacy or prescriber for a refill.")
        since = level.baseline.at if level.baseline is not None else (m.stock[0].at if m.stock else now)
        alerts.append(ctx.alert(RULE, severity, since, title, message, advice, evidence_of(level, ctx), m))
    return alerts
