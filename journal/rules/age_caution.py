"""age-caution: 65 or older and a daily amount above the cautious level, or titrating faster than
the label."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg
from .fast_titration import find as fast_rises
from .renal_caution import planned_what

RULE = "age-caution"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    age = history.patient.age_on(ctx.today)
    alerts: list[Alert] = []
    counted: list[Medication] = []
    for m, p in ctx.profiled():
        old = p.get("age.caution_from_years")
        limit = p.get("age.caution_above_mg_per_day")
        if age is None or old is None or age < old or ctx.route(m) != "oral" or not ctx.is_active(m):
            continue
        # The amount is the drug's total over all its oral products, reported once (with the first).
        evidence = []
        if not any(m is x for x in counted):
            products = [o for o in ctx.siblings(m) if ctx.is_active(o)] or [m]
            counted += products
            daily = ctx.drug_daily_mg(m, ctx.today)
            if limit is not None and daily > limit + 1e-9:
                evidence.append(_("planned {amount} a day of {what}, above {limit} (source: {source})").format(
                    amount=fmt_mg(daily), what=planned_what(ctx, products), limit=fmt_mg(limit),
                    source=p.cite("age.caution_above_mg_per_day")))
        first, last = ctx.change_days_window(p)
        rises = fast_rises(ctx, m, p, first, last)
        if rises:
            evidence.append(_("dose raised faster than the label on {day}").format(
                day=rises[-1].change.day.isoformat()))
        if not evidence:
            continue
        evidence.insert(0, _("age {age} (caution from {old}, source: {source})").format(
            age=age, old=f"{old:g}", source=p.cite("age.caution_from_years")))
        reg = m.regimen_on(ctx.today)
        title = _("{medicine}: extra care at age {age}").format(medicine=m.name, age=age)
        message = _("Older people keep more of this medicine in the blood and get more side effects, such as "
                    "sleepiness, confusion and falls. {person}'s current plan is on the high or fast side for that "
                    "age.").format(person=history.patient.name)
        advice = ctx.advice(Severity.WARNING, _("Mention it to the prescriber, and watch for sleepiness, confusion "
                                                "or unsteadiness."))
        since = ctx.day_start(reg.start if reg is not None else ctx.today)
        alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence, m))
    return alerts
