"""renal-caution: moderate or severe kidney impairment while on a drug the kidneys clear."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg

RULE = "renal-caution"


def planned_what(ctx: CheckContext, products: list[Medication]) -> str:
    """'Baclofen 10 mg tablets (schedule since 2026-09-01)', or every product with its start."""
    parts = []
    for o in products:
        reg = o.regimen_on(ctx.today)
        parts.append(o.name + (f" (schedule since {reg.start.isoformat()})" if reg is not None else ""))
    return " and ".join(parts)


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
        evidence = [f"kidney function recorded as {level}" + (" (on dialysis)" if dialysis else ""),
                    f"planned {fmt_mg(daily)} a day of {planned_what(ctx, products)}"]
        if limit_path is not None and daily > p.value(limit_path) + 1e-9:
            severity = Severity.URGENT
            evidence.append(f"above {fmt_mg(p.value(limit_path))} a day, a level that needs the doctor's "
                            f"check with this kidney function (source: {p.cite(limit_path)})")
        title = f"{m.name} with {level} kidney problems" + (" and dialysis" if dialysis else "")
        message = (f"{p.display_name} leaves the body mostly through the kidneys. With {level} kidney problems "
                   f"it can build up, and sleepiness, confusion or weakness can appear even at low doses.")
        doctor = ("Ask the prescriber to confirm this dose with the kidney function in mind. " if severity is
                  Severity.URGENT else "Make sure the prescriber knows about the kidney function, and watch for "
                                       "sleepiness or confusion. ")
        since = ctx.day_start(reg.start if reg is not None else ctx.today)
        alerts.append(ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), evidence, m))
    return alerts
