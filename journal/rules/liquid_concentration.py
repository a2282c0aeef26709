"""liquid-concentration: a liquid form with no strength recorded, or doses in mL that do not match
the prescribed amount in mg (the two liquids differ five-fold and are easy to confuse)."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity, Unit
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg

RULE = "liquid-concentration"
LOOKBACK = timedelta(days=7)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        if not p.has("liquids") or not m.form.is_liquid or not ctx.is_active(m):
            continue
        known = ", ".join(f"{lq.name} {lq.mg_per_ml.value:g} mg/mL" for lq in p.liquids)
        s = m.strength
        if s is None or s.per is None or s.per.unit is not Unit.ML:
            title = f"{m.name}: strength of the liquid not recorded"
            message = (f"The journal does not know how many mg are in each mL of {m.name}. Liquids of this "
                       f"medicine come in different strengths ({known}), and mixing them up gives five times too "
                       f"much or too little.")
            reg = m.regimen_on(ctx.today)
            evidence = [f"{m.name}: form {m.form.value}, strength " + (str(s) if s else "not recorded")
                        + (f", on the schedule since {reg.start.isoformat()}" if reg is not None else ""),
                        f"known strengths: {known} (source: ISMP)"]
            advice = ctx.advice(Severity.WARNING, "Copy the strength in mg per mL from the bottle's label into "
                                                  "the medicine's details; ask the pharmacist if unsure. ")
            since = ctx.day_start(reg.start if reg is not None else ctx.today)
            alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence, m))
            continue
        tol = p.get("liquid_dose_tolerance_fraction") or 0.1
        bad = []
        for d in ctx.given_doses(m):
            if d.amount is None or d.amount.unit is not Unit.ML or not ctx.within(d.at, LOOKBACK):
                continue
            reg = m.regimen_on(ctx.local(d.at).date())
            planned = ctx.per_dose_mg(m, reg) if reg is not None else None
            got = ctx.dose_mg(m, d)
            if planned and got is not None and abs(got - planned) > tol * planned:
                bad.append((d, got, planned))
        if not bad:
            continue
        evidence = [f"{ctx.fmt(d.at)}: {d.amount} at {s} = {fmt_mg(got)}, prescribed {fmt_mg(planned)}"
                    for d, got, planned in bad]
        evidence.append(f"known strengths: {known} (source: ISMP)")
        worst_d, worst_got, worst_planned = max(bad, key=lambda x: abs(x[1] - x[2]) / x[2])
        ratio = worst_got / worst_planned
        times = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 10: "ten times"}.get(
            round(ratio), f"{ratio:.1f} times") if ratio >= 1.5 else (
            "half" if abs(ratio - 0.5) < 0.05 else f"{ratio:.1f} times")
        title = (f"{m.name}: {worst_d.amount} of this bottle is {fmt_mg(worst_got)}, "
                 f"{times} the {fmt_mg(worst_planned)} prescribed")
        message = (f"Some doses of {m.name} measured in mL work out to a different amount in mg than the "
                   f"prescription. This can mean the bottle's strength differs from the one recorded.")
        advice = ctx.advice(Severity.WARNING, "Compare the bottle's label (mg per mL) with the prescription and "
                                              "ask the pharmacist how many mL make one dose. ")
        alerts.append(ctx.alert(RULE, Severity.WARNING, bad[0][0].at, title, message, advice, evidence, m))
    return alerts
