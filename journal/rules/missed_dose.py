"""missed-dose: a planned dose passed its time plus the grace period with nothing logged.

For every medicine: a drug profile refines the numbers, the general ones (grace 2 h, NHS; look-back
24 h, judgement; resources/general-medicine.json) hold for a medicine the journal does not know."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.knowledge import DrugLibrary
from journal.schedule import Outcome

from .common import CheckContext, fmt_hours, utc

RULE = "missed-dose"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        plan = ctx.plan(m, p)
        grace = plan.timing.grace
        lookback = timedelta(hours=p.value("timing.missed_dose_lookback_hours"))
        gap_start = ctx.gap_reported.get(m.id or 0)
        missed = []
        for st in plan.slots:
            # The plan's answer: nothing logged and past the grace period.
            if st.outcome is not Outcome.UNLOGGED or ctx.ago(st.slot.at) > lookback + grace:
                continue
            # Slots inside a gap that abrupt-stop already reports are listed there, not twice.
            if gap_start is not None and utc(st.slot.at) > utc(gap_start):
                continue
            missed.append(st.slot)
        if not missed:
            continue
        n = len(missed)
        title = f"{m.name}: {'a planned dose was' if n == 1 else f'{n} planned doses were'} not logged"
        message = (f"Nothing is logged for the {', '.join(ctx.local(s.at).strftime('%H:%M') for s in missed)} "
                   f"dose{'s' if n > 1 else ''} of {m.name} for {history.patient.name}. "
                   + ("If it was given, log it" if n == 1 else "If they were given, log them")
                   + " so the record is right."
                   + (f" Missing doses of this medicine in a row can bring on {p.stopping.risk_in_short}."
                      if p.stopping is not None else ""))
        evidence = [f"planned {s.dose} at {ctx.fmt(s.at)}: nothing logged ({fmt_hours(ctx.ago(s.at))} ago)"
                    for s in missed]
        evidence.append(f"grace period: {grace.total_seconds() / 3600:g} h after the planned time "
                        f"(source: {p.cite('timing.missed_dose_grace_hours')})")
        advice = ctx.advice(
            Severity.WARNING,
            f"If it was not given: the usual leaflet advice is to give it when you remember, unless the next "
            f"dose is less than {grace.total_seconds() / 3600:g} hours away, and never to give two doses together "
            f"to catch up. Ask the pharmacist or doctor if unsure.")
        alerts.append(ctx.alert(RULE, Severity.WARNING, missed[0].at, title, message, advice, evidence, m))
    return alerts
