"""abrupt-stop: after weeks of regular doses, no dose for longer than the schedule allows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from journal.domain import Alert, Medication, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.domain.shown import num, source_name
from journal.knowledge import DrugLibrary, DrugProfile
from journal.schedule import longest_gap

from .common import CheckContext, fmt_hours, shorten, utc

RULE = "abrupt-stop"


def planned(m: Medication, day: date, ctx: CheckContext | None = None) -> bool:
    """Doses are planned around that day. Judged on the schedule itself, not on its amount in mg:
    tablets of unknown strength or a liquid with no concentration recorded have no mg amount, yet
    stopping them suddenly is just as risky. With `ctx`, its remembered schedule lookups."""
    reg = ctx.regimen_on(m, day) if ctx is not None else m.regimen_on(day)
    return reg is not None and bool(reg.times) and reg.dose.value > 0 and not m.as_needed


def days_on(ctx: CheckContext, m: Medication, limit: int = 400) -> tuple[int, date]:
    """How many days in a row (up to today) the medication has been planned, and the first of them."""
    d = ctx.today
    floor = ctx.today - timedelta(days=limit)
    while d > floor and planned(m, d - timedelta(days=1)):
        # jump to the start of the regimen in force the day before (its planned amount is the same
        # on every day of it), instead of walking back one day at a time
        reg = m.regimen_on(d - timedelta(days=1))
        assert reg is not None
        d = max(floor, min(d - timedelta(days=1), reg.start))
    return (ctx.today - d).days, d


def risk_sentence(p: DrugProfile) -> str:
    """What stopping this drug suddenly can do and what to watch for, from its profile's `stopping`."""
    if p.stopping is None:
        return _("Stopping {drug} suddenly after regular use can cause problems; the doctor or pharmacist can say "
                 "which.").format(drug=_(p.display_name).lower())
    return _("Stopping {drug} suddenly after regular use can bring on {risk}. Watch for {signs}.").format(
        drug=_(p.display_name).lower(), risk=_(p.stopping.risk), signs=_(p.stopping.watch_for))


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        if p.get("timing.abrupt_stop_min_days_on") is None:
            continue  # no warning against stopping this drug suddenly in its profile
        reg = m.regimen_on(ctx.today)
        if m.as_needed or reg is None or not reg.times or ctx.route(m) == "intrathecal":
            continue
        n_days, first_day = days_on(ctx, m)
        if n_days < p.value("timing.abrupt_stop_min_days_on"):
            continue
        last = ctx.last_taken(m)
        since = last if last is not None else ctx.day_start(first_day)
        began = ctx.counted_from(m)
        if last is None and began is not None and utc(began) > utc(since):
            since = began  # nothing is known of the doses before the journal began
        if utc(since) > utc(now):
            continue
        gap = ctx.ago(since)
        allowed = longest_gap(reg) + timedelta(hours=p.value("timing.abrupt_stop_extra_gap_hours"))
        since_utc = utc(since)
        missed = [(s, why) for s, why in ctx.not_given_slots(m, p, grace=True) if s.at_utc > since_utc]
        in_a_row = int(p.value("timing.abrupt_stop_missed_in_a_row"))
        if not (gap > allowed or len(missed) >= in_a_row):
            continue
        urgent_after = timedelta(hours=p.value("timing.abrupt_stop_urgent_hours"))
        severity = Severity.URGENT if gap >= urgent_after else Severity.WARNING
        ctx.gap_reported[m.id or 0] = since
        gap_text = fmt_hours(gap)
        title = _("{medicine}: no dose for {gap}").format(medicine=m.name, gap=gap_text)
        message = ngettext("{person} has been on {medicine} since {day} ({n} day), and no dose has been given for "
                           "{gap}.",
                           "{person} has been on {medicine} since {day} ({n} days), and no dose has been given for "
                           "{gap}.", n_days).format(person=history.patient.name, medicine=m.name,
                                                    day=first_day.isoformat(), n=n_days, gap=gap_text) \
            + " " + risk_sentence(p)
        evidence = [_("last dose given {when}").format(when=ctx.fmt_ago(last)) if last is not None
                    else _("no dose logged since the journal began on {when}").format(when=ctx.fmt(since))
                    if began is not None and since == began
                    else _("no dose logged since the schedule began on {day}").format(day=first_day.isoformat())]
        if missed:
            evidence.append(ngettext("{n} planned dose not given since: {doses}",
                                     "{n} planned doses not given since: {doses}", len(missed)).format(
                n=len(missed), doses=shorten([f"{ctx.fmt(s.at)} ({why})" for s, why in missed])))
        times = ", ".join(t.strftime("%H:%M") for t in reg.times)
        evidence.append(_("schedule: {dose} at {times}").format(dose=reg.dose, times=times)
                        + (" " + _("every {n} days").format(n=reg.every_days) if reg.every_days > 1 else "")
                        + "; " + _("longest planned gap {gap}").format(gap=fmt_hours(longest_gap(reg))))
        evidence.append(_("on this schedule without a break since {day}").format(day=first_day.isoformat()))
        evidence.append(_("alert after the longest gap + {extra} h ({extra_source}) or {n} missed in a row; urgent "
                          "from {urgent} h ({urgent_source})").format(
            extra=num(p.value('timing.abrupt_stop_extra_gap_hours')),
            extra_source=source_name(p.cite("timing.abrupt_stop_extra_gap_hours")), n=in_a_row,
            urgent=num(urgent_after.total_seconds() / 3600), urgent_source=source_name(p.cite("timing.abrupt_stop_urgent_hours"))))
        if p.stopping is not None:
            evidence.append(_("what the label says about stopping suddenly (source: {source})").format(
                source=source_name(p.stopping.source)))
        call = _(p.stopping.call) if p.stopping is not None else _("the doctor or pharmacist")
        advice = ctx.advice(severity, _("Tell {whom} when the last dose of {medicine} was given and ask what to do "
                                        "about the next one; do not give extra doses to catch up.").format(
            whom=call, medicine=m.name))
        topic = p.stopping.topic if p.stopping is not None and p.stopping.topic else None
        alerts.append(ctx.alert(RULE, severity, since, title, message, advice, evidence, m, reference=topic))
    return alerts
