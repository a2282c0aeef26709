"""pump-alarm: a pump alarm or catheter problem logged with no refill or clinic check after it."""

from __future__ import annotations

from datetime import datetime

from journal.domain import Alert, PatientHistory, PumpEventKind, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary

from .common import CheckContext, utc

RULE = "pump-alarm"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    events = [e for e in history.pump_events if not e.removed and utc(e.at) <= utc(now)]
    open_problems = []
    for i, e in enumerate(events):
        if e.kind not in (PumpEventKind.ALARM, PumpEventKind.CATHETER_PROBLEM):
            continue
        resolved = any(x.kind in (PumpEventKind.REFILL, PumpEventKind.CHECK) and utc(x.at) >= utc(e.at)
                       for x in events[i + 1:])
        if not resolved:
            open_problems.append(e)
    if not open_problems:
        return []
    evidence = [(_("alarm logged {when}") if e.kind is PumpEventKind.ALARM else
                 _("catheter problem logged {when}")).format(when=ctx.fmt_ago(e.at))
                + (f": {e.note}" if e.note else "") for e in open_problems]
    evidence.append(_("no refill or clinic check logged after it"))
    title = _("Pump alarm: call the pump clinic")
    message = _("A problem with {person}'s pump is logged and nothing since shows it was dealt with. A single tone "
                "about every hour usually means the reservoir is low or the pump needs replacing soon; a two-tone "
                "alarm can mean the medicine has stopped. Either way the pump clinic needs to hear about it.").format(
        person=history.patient.name)
    advice = ctx.advice(Severity.URGENT, _("Describe the sound to them. If the medicine may have stopped, watch "
                                           "for itching, stiffness coming back, fever or confusion."),
                        head=ctx.pump_clinic_now())
    med = next((m for m, _p in ctx.profiled() if ctx.route(m) == "intrathecal"), None)
    return [ctx.alert(RULE, Severity.URGENT, open_problems[0].at, title, message, advice, evidence, med)]
