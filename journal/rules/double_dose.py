"""double-dose: two doses much closer together than planned, or one planned dose logged twice."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.schedule import shortest_gap

from .common import CheckContext, fmt_hours, utc
from .knowledge import DrugLibrary

RULE = "double-dose"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        pairs = [(a, b) for a, b in ctx.double_doses(m, p) if ctx.within(b.at, timedelta(hours=24))]
        if not pairs:
            continue
        evidence = []
        for a, b in pairs:
            same = a.scheduled is not None and b.scheduled is not None and utc(a.scheduled) == utc(b.scheduled)
            who = " / ".join(x for x in (a.by, b.by) if x)
            evidence.append(f"given {ctx.fmt(a.at)} and {ctx.fmt(b.at)}, {fmt_hours(utc(b.at) - utc(a.at))} apart"
                            + (f", both for the {ctx.local(a.scheduled).strftime('%H:%M')} dose" if same and a.scheduled else "")
                            + (f" (by {who})" if who else ""))
        reg = m.regimen_on(ctx.today)
        if reg is not None and reg.times:
            evidence.append(f"planned doses are at least {fmt_hours(shortest_gap(reg))} apart; closer than half of "
                            f"that counts as a double dose (source: NHS)")
        title = f"{m.name}: a dose may have been given twice"
        message = (f"The journal shows two doses of {m.name} for {history.patient.name} close together. Extra "
                   f"doses can cause strong sleepiness, weakness or slow breathing over the next hours. If one "
                   f"entry is a mistake, correct it so the record is right.")
        advice = ctx.advice(Severity.WARNING, "Do not give the next dose early or an extra one. Call the "
                                              "pharmacist or doctor to ask what to do about the next dose, and "
                                              "watch for unusual sleepiness.")
        alerts.append(ctx.alert(RULE, Severity.WARNING, pairs[0][1].at, title, message, advice, evidence, m))
    return alerts
