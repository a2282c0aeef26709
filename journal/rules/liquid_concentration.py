"""liquid-concentration: a liquid form with no strength recorded, or doses in mL that do not match
the prescribed amount in mg (the two liquids differ five-fold and are easy to confuse)."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity, Unit
from journal.domain.i18n import N_, _
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg

RULE = "liquid-concentration"
LOOKBACK = timedelta(days=7)
# A dose that is a whole multiple of the prescription, in words.
TIMES_WORDS = {2: N_("twice"), 3: N_("three times"), 4: N_("four times"), 5: N_("five times"), 10: N_("ten times")}


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        if not p.has("liquids") or not m.form.is_liquid or not ctx.is_active(m):
            continue
        known = ", ".join(f"{lq.name} {lq.mg_per_ml.value:g} mg/mL" for lq in p.liquids)
        s = m.strength
        if s is None or s.per is None or s.per.unit is not Unit.ML:
            title = _("{medicine}: strength of the liquid not recorded").format(medicine=m.name)
            message = _("The journal does not know how many mg are in each mL of {medicine}. Liquids of this "
                        "medicine come in different strengths ({known}), and mixing them up gives five times too "
                        "much or too little.").format(medicine=m.name, known=known)
            reg = m.regimen_on(ctx.today)
            evidence = [_("{medicine}: form {form}, strength {strength}").format(
                            medicine=m.name, form=m.form.value, strength=str(s) if s else _("not recorded"))
                        + (_(", on the schedule since {day}").format(day=reg.start.isoformat())
                           if reg is not None else ""),
                        _("known strengths: {known} (source: ISMP)").format(known=known)]
            advice = ctx.advice(Severity.WARNING, _("Copy the strength in mg per mL from the bottle's label into "
                                                    "the medicine's details; ask the pharmacist if unsure."))
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
        evidence = [_("{when}: {amount} at {strength} = {mg}, prescribed {planned}").format(
                        when=ctx.fmt(d.at), amount=d.amount, strength=s, mg=fmt_mg(got), planned=fmt_mg(planned))
                    for d, got, planned in bad]
        evidence.append(_("known strengths: {known} (source: ISMP)").format(known=known))
        worst_d, worst_got, worst_planned = max(bad, key=lambda x: abs(x[1] - x[2]) / x[2])
        ratio = worst_got / worst_planned
        some_times = _("{n} times").format(n=f"{ratio:.1f}")
        times = _(TIMES_WORDS[round(ratio)]) if ratio >= 1.5 and round(ratio) in TIMES_WORDS else some_times \
            if ratio >= 1.5 else (_("half") if abs(ratio - 0.5) < 0.05 else some_times)
        title = _("{medicine}: {amount} of this bottle is {mg}, {times} the {planned} prescribed").format(
            medicine=m.name, amount=worst_d.amount, mg=fmt_mg(worst_got), times=times, planned=fmt_mg(worst_planned))
        message = _("Some doses of {medicine} measured in mL work out to a different amount in mg than the "
                    "prescription. This can mean the bottle's strength differs from the one recorded.").format(
            medicine=m.name)
        advice = ctx.advice(Severity.WARNING, _("Compare the bottle's label (mg per mL) with the prescription and "
                                                "ask the pharmacist how many mL make one dose."))
        alerts.append(ctx.alert(RULE, Severity.WARNING, bad[0][0].at, title, message, advice, evidence, m))
    return alerts
