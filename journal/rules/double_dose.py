"""double-dose: two doses much closer together than planned, or one planned dose logged twice.

For every scheduled medicine, known drug or not (NHS: half the dosing interval). As-needed doses
are judged by as-needed-too-soon instead."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.knowledge import DrugLibrary
from journal.schedule import shortest_gap

from .common import CheckContext, fmt_hours, utc

RULE = "double-dose"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        pairs = [(a, b) for a, b in ctx.double_doses(m, p) if ctx.within(b.at, timedelta(hours=24))]
        if not pairs:
            continue
        evidence = []
        products: list[str] = []
        for a, b in pairs:
            same = a.scheduled is not None and b.scheduled is not None and utc(a.scheduled) == utc(b.scheduled)
            who = " / ".join(x for x in (a.by, b.by) if x)
            other = history.medication(a.medication_id) if a.medication_id != b.medication_id else None
            if other is not None and other.name not in products:
                products.append(other.name)
            what = (f"{other.name} given {ctx.fmt(a.at)} and {m.name} given {ctx.fmt(b.at)}" if other is not None
                    else f"given {ctx.fmt(a.at)} and {ctx.fmt(b.at)}")
            evidence.append(f"{what}, {fmt_hours(utc(b.at) - utc(a.at))} apart"
                            + (f", both for the {ctx.local(a.scheduled).strftime('%H:%M')} dose" if same and a.scheduled else "")
                            + (f" (by {who})" if who else ""))
        reg = m.regimen_on(ctx.today)
        if products:
            gaps = [ctx.combined_half_gap(o, m, ctx.today) for o in ctx.history.medications if o.name in products]
            known = [g * 2 for g in gaps if g is not None]
            spacing = f" are at least {fmt_hours(min(known))} apart" if known else " are spread over the day"
            evidence.append(f"{m.name} and {', '.join(products)} both contain {p.display_name.lower()}: their "
                            f"planned doses taken together{spacing}; closer than half of that counts as a double "
                            f"dose (source: NHS)")
        elif reg is not None and reg.times:
            evidence.append(f"planned doses are at least {fmt_hours(shortest_gap(reg))} apart; closer than half of "
                            f"that counts as a double dose (source: NHS)")
        all_same = all(a.scheduled is not None and b.scheduled is not None and utc(a.scheduled) == utc(b.scheduled)
                       for a, b in pairs)
        both = f"{m.name} and {', '.join(products)}" if products else m.name
        first_slot = pairs[0][0].scheduled  # all_same: every pair answers this one slot
        if all_same and not products and first_slot is not None:
            slot = ctx.local(first_slot).strftime("%H:%M")
            title = f"{m.name}: two entries for the same planned dose ({slot})"
            lead = (f"The journal shows two entries of {m.name} for {history.patient.name}'s {slot} dose"
                    + (" by different people" if len({x.by for pair in pairs for x in pair if x.by}) > 1 else ""))
        else:
            title = f"{m.name}: a dose may have been given twice"
            lead = f"The journal shows two doses of {both} for {history.patient.name} close together"
        message = (lead
                   + (f" (both contain {p.display_name.lower()})" if products else "")
                   + (". Extra doses can cause strong sleepiness, weakness or slow breathing over the next hours. "
                      if p.toxicity_signs else ". An extra dose makes side effects more likely. ")
                   + "If one entry is a mistake, correct it so the record is right.")
        advice = ctx.advice(Severity.WARNING, "Do not give the next dose early or an extra one. Call the "
                                              "pharmacist or doctor to ask what to do about the next dose, and "
                                              "watch for side effects such as unusual sleepiness.")
        alerts.append(ctx.alert(RULE, Severity.WARNING, pairs[0][1].at, title, message, advice, evidence, m))
    return alerts
