"""over-prescribed: more given in a day than the schedule for that day adds up to (every medicine)."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.domain.shown import num, source_name
from journal.knowledge import DrugLibrary

from .common import CheckContext, fmt_mg

RULE = "over-prescribed"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.every_medication():
        if m.as_needed or not m.regimens or ctx.route(m) == "intrathecal":
            continue
        given = ctx.given_days(m, p)
        for day in (ctx.today, ctx.today - timedelta(days=1)):
            reg = m.regimen_on(day)
            planned = 0.0
            if reg is not None and reg.times and ctx.is_dosing_day(reg, day):
                planned = ctx.dosing_day_mg(m, reg)
            todays = [d for d, its_day in given if its_day == day]
            total = sum(ctx.dose_mg(m, d) or 0.0 for d in todays)
            if total <= planned + 1e-6:
                continue
            evidence = [ngettext("given on {day}: {total} in {n} dose; planned {planned}",
                                 "given on {day}: {total} in {n} doses; planned {planned}", len(todays)).format(
                day=day.isoformat(), total=fmt_mg(total), n=len(todays), planned=fmt_mg(planned))]
            evidence += [f"{ctx.fmt(d.at)}: {fmt_mg(ctx.dose_mg(m, d) or 0)}"
                         + (" " + _("by {who}").format(who=d.by) if d.by else "") for d in todays]
            # A known large overdose is graded by how much, before any sign shows (judgement: 5 times).
            factor = p.get("timing.large_dose_urgent_factor")
            big = [(d, planned_mg, given_mg) for d, planned_mg, given_mg in ctx.oversized(m, p)
                   if any(d is x for x in todays) and factor is not None and given_mg >= factor * planned_mg - 1e-9]
            severity = Severity.URGENT if big else Severity.WARNING
            for d, planned_mg, given_mg in big:
                evidence.append(f"{ctx.fmt(d.at)}: {fmt_mg(given_mg)}" + (f" ({d.amount})" if d.amount else "")
                                + " " + _("for a planned {planned}: {times} times the amount (urgent from {factor} "
                                          "times, source: {source})").format(
                    planned=fmt_mg(planned_mg), times=num(given_mg / planned_mg, ".1f"), factor=num(factor),
                    source=source_name(p.cite("timing.large_dose_urgent_factor"))))
            title = _("{medicine}: more given on {day} than planned").format(medicine=m.name, day=day.isoformat())
            message = (_("{person} was given {total} of {medicine} on {day}, more than the {planned} the schedule "
                         "plans for that day. If an entry is wrong, correct it; if not, extra amounts make side "
                         "effects more likely, such as sleepiness and weakness.") if p.toxicity_signs else
                       _("{person} was given {total} of {medicine} on {day}, more than the {planned} the schedule "
                         "plans for that day. If an entry is wrong, correct it; if not, extra amounts make side "
                         "effects more likely.")).format(person=history.patient.name, total=fmt_mg(total),
                                                         medicine=m.name, day=day.isoformat(), planned=fmt_mg(planned))
            if big:
                d, planned_mg, given_mg = big[0]
                title = _("{medicine}: {given} given for a planned {planned}").format(
                    medicine=m.name, given=fmt_mg(given_mg), planned=fmt_mg(planned_mg))
                message = _("{person} was given {given} of {medicine} at {when}, {times} times the planned {planned}. "
                            "A dose this much larger can cause strong sleepiness or slow breathing over the next "
                            "hours, even if the person seems fine now.").format(
                    person=history.patient.name, given=fmt_mg(given_mg), medicine=m.name, when=ctx.fmt(d.at),
                    times=num(given_mg / planned_mg, ".0f"), planned=fmt_mg(planned_mg))
                advice = ctx.advice(Severity.URGENT, _("Say how much was given and when, and ask what to do about "
                                                       "the next dose. Watch their breathing and whether they can "
                                                       "be woken."),
                                    head=_("Call the doctor or a poison centre now."))
            else:
                advice = ctx.advice(Severity.WARNING, _("Do not make up for it by skipping or changing later doses "
                                                        "on your own; ask the pharmacist or prescriber."))
            alerts.append(ctx.alert(RULE, severity, todays[0].at, title, message, advice, evidence, m))
            break
    return alerts
