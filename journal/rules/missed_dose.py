"""missed-dose: a planned dose passed its time plus the grace period with nothing logged.

For every medicine: a drug profile refines the numbers, the general ones (grace 2 h, NHS; look-back
24 h, judgement; resources/general-medicine.json) hold for a medicine the journal does not know."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _, ngettext
from journal.domain.shown import num, source_name
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
            if gap_start is not None and st.slot.at_utc > utc(gap_start):
                continue
            missed.append(st.slot)
        if not missed:
            continue
        n = len(missed)
        times = ", ".join(ctx.local(s.at).strftime("%H:%M") for s in missed)
        title = ngettext("{medicine}: a planned dose was not logged", "{medicine}: {n} planned doses were not logged",
                         n).format(medicine=m.name, n=n)
        message = (ngettext("Nothing is logged for the {times} dose of {medicine} for {person}. If it was given, "
                            "log it so the record is right.",
                            "Nothing is logged for the {times} doses of {medicine} for {person}. If they were "
                            "given, log them so the record is right.", n)
                   .format(times=times, medicine=m.name, person=history.patient.name)
                   + (" " + _("Missing doses of this medicine in a row can bring on {risk}.").format(
                       risk=p.stopping.risk_in_short) if p.stopping is not None else ""))
        evidence = [_("planned {dose} at {when}: nothing logged ({ago} ago)").format(
                    dose=s.dose, when=ctx.fmt(s.at), ago=fmt_hours(ctx.ago(s.at))) for s in missed]
        hours = num(grace.total_seconds() / 3600)
        evidence.append(_("grace period: {hours} h after the planned time (source: {source})").format(
            hours=hours, source=source_name(p.cite("timing.missed_dose_grace_hours"))))
        advice = ctx.advice(
            Severity.WARNING,
            _("If it was not given: the usual leaflet advice is to give it when you remember, unless the next "
              "dose is less than {hours} hours away, and never to give two doses together to catch up. Ask the "
              "pharmacist or doctor if unsure.").format(hours=hours))
        alerts.append(ctx.alert(RULE, Severity.WARNING, missed[0].at, title, message, advice, evidence, m))
    return alerts
