"""renal-caution: moderate or severe kidney impairment while on a drug the kidneys clear."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.domain.i18n import N_, _
from journal.knowledge import DrugLibrary

from .common import CheckContext, and_join, fmt_mg

RULE = "renal-caution"


# A recorded level of kidney impairment as a word inside a sentence (RenalImpairment values).
LEVEL_WORDS = {"mild": N_("mild"), "moderate": N_("moderate"), "severe": N_("severe")}


def planned_what(ctx: CheckContext, products: list[Medication]) -> str:
    """'Baclofen 10 mg tablets (schedule since 2026-09-01)', or every product with its start."""
    parts = []
    for o in products:
        reg = o.regimen_on(ctx.today)
        parts.append(o.name + (" " + _("(schedule since {day})").format(day=reg.start.isoformat())
                               if reg is not None else ""))
    return and_join(parts)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    pat = history.patient
    level = pat.renal_impairment.value
    alerts: list[Alert] = []
    done: list[Medication] = []
    for m, p in ctx.profiled():
        if level not in p.renal_caution_levels or ctx.route(m) != "oral" or not ctx.is_active(m):
            continue
        if any(m is x for x in done):
            continue
        # Judged on the drug's total over all its oral products (tablets + a solution), once per drug.
        products = [o for o in ctx.siblings(m) if ctx.is_active(o)] or [m]
        done += products
        reg = m.regimen_on(ctx.today)
        daily = ctx.drug_daily_mg(m, ctx.today)
        dialysis = any(w in " ".join(pat.conditions + [pat.notes]).lower() for w in p.dialysis_words)
        severity = Severity.WARNING
        limit_path = None
        if dialysis and p.get("renal.dialysis_urgent_above_mg_per_day") is not None:
            limit_path = "renal.dialysis_urgent_above_mg_per_day"
        elif level == "severe" and p.get("renal.severe_urgent_above_mg_per_day") is not None:
            limit_path = "renal.severe_urgent_above_mg_per_day"
        words = _(LEVEL_WORDS.get(level, level))
        evidence = [_("kidney function recorded as {level}").format(level=words)
                    + (" " + _("(on dialysis)") if dialysis else ""),
                    _("planned {amount} a day of {what}").format(amount=fmt_mg(daily),
                                                                what=planned_what(ctx, products))]
        if limit_path is not None and daily > p.value(limit_path) + 1e-9:
            severity = Severity.URGENT
            evidence.append(_("above {limit} a day, a level that needs the doctor's check with this kidney function "
                              "(source: {source})").format(limit=fmt_mg(p.value(limit_path)),
                                                           source=p.cite(limit_path)))
        title = (_("{medicine} with {level} kidney problems and dialysis") if dialysis else
                 _("{medicine} with {level} kidney problems")).format(medicine=m.name, level=words)
        message = _("{drug} leaves the body mostly through the kidneys. With {level} kidney problems it can build "
                    "up, and sleepiness, confusion or weakness can appear even at low doses.").format(
            drug=_(p.display_name), level=words)
        doctor = (_("Ask the prescriber to confirm this dose with the kidney function in mind.") if severity is
                  Severity.URGENT else _("Make sure the prescriber knows about the kidney function, and watch for "
                                         "sleepiness or confusion."))
        since = ctx.day_start(reg.start if reg is not None else ctx.today)
        alerts.append(ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), evidence, m))
    return alerts
