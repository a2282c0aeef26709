"""close-planned-doses: a schedule that plans two doses of a drug closer together than the shortest
time the checks allow between two of its doses.

Baclofen is usually given three times a day, 6 to 8 hours apart (NHS); two planned times only an
hour or two apart add up like one larger dose, and a time typed wrong (09:00 for 21:00) looks just
like this. The shortest time between two doses is the one answer the as-needed checks use
(`schedule.as_needed.limits_for`): what the prescriber set, else half the profile's usual interval
(`timing.usual_interval_hours`: baclofen 8 h, label, so 4 h; levetiracetam 12 h, so 6 h). A drug
whose profile gives neither, a medicine with no profile, an as-needed medicine and a pump are not
judged. Each product's own schedule is judged (planned times as wall-clock hours of the day, across
midnight too); regimens in force today or starting in the plan window (the whole plan before a
schedule change is saved) count, ended ones do not.

Returns one warning per medication: its first schedule that plans two doses too close."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from journal.domain import Alert, PatientHistory, Regimen, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary
from journal.schedule.expand import shortest_gap

from .common import CheckContext, fmt_hours

RULE = "close-planned-doses"


def closest_pair(regimen: Regimen) -> tuple[time, time] | None:
    """The two planned times of `regimen` with the shortest gap between them (the later one may be
    after midnight: (22:00, 01:00)), or None with fewer than two distinct times."""
    times = sorted({t.replace(second=0, microsecond=0) for t in regimen.times})
    if len(times) < 2:
        return None
    gap = shortest_gap(regimen)
    pairs = [*zip(times, times[1:], strict=False), (times[-1], times[0])]
    for a, b in pairs:
        minutes = (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)
        if minutes <= 0:
            minutes += 24 * 60 * max(1, regimen.every_days)
        if timedelta(minutes=minutes) == gap:
            return a, b
    return None


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for m, p in ctx.profiled():
        if m.as_needed or ctx.is_pump(m):
            continue
        limit = ctx.prn_limit(m, p)
        least = limit.min_interval
        if least is None:
            continue
        _first, last = ctx.change_days_window(p)
        for r in sorted(m.regimens, key=lambda x: x.start):
            if (r.end is not None and r.end < ctx.today) or r.start > last:
                continue
            pair = closest_pair(r)
            gap = shortest_gap(r)
            if pair is None or gap >= least:
                continue
            a, b = pair
            shown_gap = fmt_hours(gap)
            title = _("{medicine}: two planned doses only {gap} apart").format(medicine=m.name, gap=shown_gap)
            message = _("The schedule of {medicine} plans a dose at {first} and another at {second}, {gap} later. "
                        "Doses of this medicine are usually spread out over the day; two doses this close add up, "
                        "much like one larger dose. A time typed wrong, such as 09:00 for 21:00, looks the "
                        "same.").format(
                medicine=m.name, first=a.strftime("%H:%M"), second=b.strftime("%H:%M"), gap=shown_gap)
            advice = ctx.advice(Severity.WARNING, _(
                "Check these times against the prescription or the pharmacy label. If the times are what "
                "was prescribed, ask the prescriber or pharmacist whether they are meant to be this close."))
            evidence = [
                _("schedule from {day}: {dose} at {times}").format(
                    day=r.start.isoformat(), dose=r.dose,
                    times=", ".join(t.strftime("%H:%M") for t in sorted(r.times))),
                _("{first} and {second} are {gap} apart; the shortest time between two doses is {least}: "
                  "{source}").format(first=a.strftime("%H:%M"), second=b.strftime("%H:%M"), gap=shown_gap,
                                       least=fmt_hours(least), source=limit.min_interval_source),
            ]
            since = ctx.day_start(r.start)
            alerts.append(ctx.alert(RULE, Severity.WARNING, since, title, message, advice, evidence, m))
            break
    return alerts
