"""double-dose: two doses much closer together than planned, or one planned dose logged twice.

For every scheduled medicine, known drug or not (NHS: half the dosing interval). As-needed doses
are judged by as-needed-too-soon instead."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
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
            what = (_("{first} given {first_at} and {second} given {second_at}").format(
                        first=other.name, first_at=ctx.fmt(a.at), second=m.name, second_at=ctx.fmt(b.at))
                    if other is not None else
                    _("given {first_at} and {second_at}").format(first_at=ctx.fmt(a.at), second_at=ctx.fmt(b.at)))
            evidence.append(_("{what}, {gap} apart").format(what=what, gap=fmt_hours(utc(b.at) - utc(a.at)))
                            + (_(", both for the {slot} dose").format(slot=ctx.local(a.scheduled).strftime("%H:%M"))
                               if same and a.scheduled else "")
                            + (" " + _("(by {who})").format(who=who) if who else ""))
        reg = m.regimen_on(ctx.today)
        if products:
            gaps = [ctx.combined_half_gap(o, m, ctx.today) for o in ctx.history.medications if o.name in products]
            known = [g * 2 for g in gaps if g is not None]
            names = _("{first} and {second}").format(first=m.name, second=", ".join(products))
            evidence.append((_("{names} both contain {drug}: their planned doses taken together are at least {gap} "
                               "apart; closer than half of that counts as a double dose (source: NHS)")
                             if known else
                             _("{names} both contain {drug}: their planned doses taken together are spread over "
                               "the day; closer than half of that counts as a double dose (source: NHS)")).format(
                names=names, drug=_(p.display_name).lower(), gap=fmt_hours(min(known)) if known else ""))
        elif reg is not None and reg.times:
            evidence.append(_("planned doses are at least {gap} apart; closer than half of that counts as a double "
                              "dose (source: NHS)").format(gap=fmt_hours(shortest_gap(reg))))
        all_same = all(a.scheduled is not None and b.scheduled is not None and utc(a.scheduled) == utc(b.scheduled)
                       for a, b in pairs)
        both = _("{first} and {second}").format(first=m.name, second=", ".join(products)) if products else m.name
        person = history.patient.name
        first_slot = pairs[0][0].scheduled  # all_same: every pair answers this one slot
        if all_same and not products and first_slot is not None:
            slot = ctx.local(first_slot).strftime("%H:%M")
            title = _("{medicine}: two entries for the same planned dose ({slot})").format(medicine=m.name, slot=slot)
            lead = ((_("The journal shows two entries of {medicine} for {person}'s {slot} dose by different people")
                     if len({x.by for pair in pairs for x in pair if x.by}) > 1 else
                     _("The journal shows two entries of {medicine} for {person}'s {slot} dose"))
                    .format(medicine=m.name, person=person, slot=slot))
        else:
            title = _("{medicine}: a dose may have been given twice").format(medicine=m.name)
            lead = _("The journal shows two doses of {medicines} for {person} close together").format(
                medicines=both, person=person)
        message = (lead
                   + (" " + _("(both contain {drug})").format(drug=_(p.display_name).lower()) if products else "")
                   + ". "
                   + (_("Extra doses can cause strong sleepiness, weakness or slow breathing over the next hours.")
                      if p.toxicity_signs else _("An extra dose makes side effects more likely."))
                   + " " + _("If one entry is a mistake, correct it so the record is right."))
        advice = ctx.advice(Severity.WARNING, _("Do not give the next dose early or an extra one. Call the "
                                                "pharmacist or doctor to ask what to do about the next dose, and "
                                                "watch for side effects such as unusual sleepiness."))
        alerts.append(ctx.alert(RULE, Severity.WARNING, pairs[0][1].at, title, message, advice, evidence, m))
    return alerts
