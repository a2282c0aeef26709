"""over-max-daily: the planned or logged amount in a day is above the drug's daily maximum."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from journal.domain import Alert, Dose, Medication, PatientHistory, Severity
from journal.domain.i18n import _
from journal.domain.shown import source_name
from journal.knowledge import DrugLibrary, DrugProfile

from .common import CheckContext, fmt_mg, utc

RULE = "over-max-daily"
SPAN = 18  # hours: a rolling stretch for doses crowded together across midnight (judgement)


def ceiling(ctx: CheckContext, meds: list[Medication], p: DrugProfile) -> tuple[float, str] | None:
    """The daily ceiling: one a prescriber set on purpose wins over the profile's maximum."""
    set_by_prescriber = [float(m.prescribed_max_daily_mg) for m in meds if m.prescribed_max_daily_mg]
    if set_by_prescriber:
        return max(set_by_prescriber), _("the ceiling the prescriber set")
    limit = p.route("oral", "max_daily_mg")
    if limit is None:
        return None
    return limit, _("the usual maximum, source: {source}").format(source=source_name(p.cite("routes.oral.max_daily_mg")))


def scheduled_totals(ctx: CheckContext, meds: list[Medication], p: DrugProfile) -> list[tuple[str, float, list[str]]]:
    """(first day, planned total, parts) for today and the coming days of planned changes."""
    first, last = ctx.change_days_window(p)
    out = []
    d = ctx.today
    seen: float | None = None
    while d <= last:
        planned, total = [], 0.0
        for m in meds:
            reg = m.regimen_on(d)
            if reg is None or m.as_needed or not reg.times:
                continue
            mg = ctx.dosing_day_mg(m, reg)
            total += mg
            planned.append((m, reg, mg))
        if seen is None or abs(total - seen) > 1e-9:
            parts = [_("{medicine}: {dose} x {n} = {total} a day (from {day})").format(
                medicine=m.name, dose=reg.dose, n=len(reg.times), total=fmt_mg(mg), day=reg.start.isoformat())
                for m, reg, mg in planned]  # worded only for the days listed
            out.append((d.isoformat(), total, parts))
            seen = total
        d += timedelta(days=1)
    return out


def logged_excess(ctx: CheckContext, meds: list[Medication], p: DrugProfile,
                  limit: float) -> tuple[float, str, list[str], datetime] | None:
    """The largest logged total above the limit: per day (doses counted on the day of the slot they
    answer) for today and yesterday, or within any SPAN-hour stretch of the last day. The stretch is
    shorter than 24 h so that normal lateness of one dose is never read as a fifth dose."""
    # Only the doses that can count: those of today's and yesterday's slots, and those of the last
    # 24 + SPAN hours (a stretch ends at a dose of the last 24 h and reaches SPAN hours back). The
    # same doses in the same order as sorting all of them and filtering, as the sort is stable.
    now, one_day, span = ctx.now_utc, timedelta(hours=24), timedelta(hours=SPAN)
    far = now - one_day - span
    today, yesterday = ctx.today, ctx.today - timedelta(days=1)
    kept: list[tuple[datetime, Dose, Medication, date]] = []
    for m in meds:
        for d, day in ctx.given_days(m, p):
            t = utc(d.at)
            if t > far or day == today or day == yesterday:
                kept.append((t, d, m, day))
    kept.sort(key=lambda x: x[0])
    given = [(d, m) for _t, d, m, _day in kept]
    mg = {id(d): ctx.dose_mg(m, d) or 0.0 for d, m in given}
    worst: tuple[float, str, list[str], datetime] | None = None

    def consider(window: list[tuple[Dose, Medication]], what: str, total: float | None = None) -> None:
        nonlocal worst
        if total is None:
            total = sum(mg[id(d)] for d, _m in window)
        if window and total > limit + 1e-9 and (worst is None or total > worst[0]):
            worst = (total, _("{total} logged as given {what}").format(total=fmt_mg(total), what=what),
                     [_("{when}: {amount} of {medicine}").format(when=ctx.fmt(d.at), amount=fmt_mg(ctx.dose_mg(m, d) or 0),
                                                                 medicine=m.name) for d, m in window],
                     window[0][0].at)

    for day in (today, yesterday):
        consider([(d, m) for _t, d, m, its_day in kept if its_day == day],
                 _("for {day}").format(day=day.isoformat()))
    # A sliding window (linear): a dose every minute for a year must not make this quadratic.
    stamps = [t for t, _d, _m, _day in kept]
    lo, running = 0, 0.0
    for i, (d_end, _m) in enumerate(given):
        running += mg[id(d_end)]
        while stamps[i] - stamps[lo] >= span:
            running -= mg[id(given[lo][0])]
            lo += 1
        # ctx.within(d_end.at, 24 h), with the instant already in UTC
        if timedelta(0) <= now - stamps[i] < one_day and running > limit + 1e-9 and (worst is None or running > worst[0]):
            consider(given[lo: i + 1], _("within {n} hours").format(n=SPAN))
    return worst


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    groups: dict[str, tuple[DrugProfile, list[Medication]]] = {}
    for m, p in ctx.profiled():
        if ctx.route(m) == "oral":
            groups.setdefault(p.drug, (p, []))[1].append(m)
    for p, meds in groups.values():
        lim = ceiling(ctx, meds, p)
        if lim is None:
            continue
        limit, why = lim
        evidence: list[str] = []
        since: datetime | None = None
        planned = ""
        totals = ctx.schedule_fact(meds[0], (RULE, tuple(id(m) for m in meds), ctx.today, ctx.whole_plan),
                                   scheduled_totals, ctx, meds, p)
        for day, total, parts in totals:
            if total > limit + 1e-9:
                planned = _("the schedule from {day} adds up to {total} a day").format(day=day, total=fmt_mg(total))
                evidence += [planned] + parts
                since = ctx.day_start(datetime.fromisoformat(day).date())
                break
        worst = logged_excess(ctx, meds, p, limit)
        logged = ""
        if worst is not None:
            logged = worst[1]
            evidence += [logged] + worst[2]
            since = worst[3] if since is None else min(since, worst[3], key=utc)
        if since is None:
            continue
        evidence.append(_("daily limit used: {limit} ({why})").format(limit=fmt_mg(limit), why=why))
        what = planned or logged
        title = _("{drug}: more than {limit} in a day").format(drug=_(p.display_name), limit=fmt_mg(limit))
        message = _("For {person}, {what}, which is above {limit} a day. Amounts above the usual maximum make side "
                    "effects such as strong sleepiness, weakness and slow breathing more likely.").format(
            person=history.patient.name, what=what, limit=fmt_mg(limit))
        advice = ctx.advice(Severity.WARNING, _("Check the amounts against the prescription label and ask the "
                                                "prescriber or pharmacist whether this total is intended."))
        alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence,
                                meds[0] if len(meds) == 1 else None))
    return alerts
