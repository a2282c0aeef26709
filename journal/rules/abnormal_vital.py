"""abnormal-vital: a measured temperature, breathing rate or oxygen level outside safe limits."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary

from .common import CheckContext, is_explained, utc

RULE = "abnormal-vital"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    v = library.catalog.vitals
    sev = library.catalog.vital_severity
    window = timedelta(hours=v["alert_hours"].value)
    hits: list[tuple[datetime, Severity, str, str]] = []  # (time, severity, evidence, catalog limit)
    for o in history.observations:
        if o.removed or not ctx.within(o.at, window):
            continue
        key = library.catalog.reading_limit(o)
        if key is None:
            continue
        # A reading that shows a sign (a fever is `high-fever`, slow breathing or low oxygen
        # `breathing-difficulty`) takes that sign's tier, exactly as if it had been logged as the
        # symptom; raised by a companion, red-flag-symptom reports it first (and explains it).
        t = library.catalog.triage_reading(o, history)
        s = (t.severity if t is not None else sev.get(key)) or Severity.URGENT
        text = ctx.describe(o)
        if t is not None and t.raised_by == "with":
            text += _(", together with {sign}").format(sign=library.catalog.label(t.companion).lower())
        if is_explained(ctx, o, s):
            continue
        hits.append((o.at, s, _("{reading} at {when} (source: {source})").format(
            reading=text, when=ctx.fmt(o.at), source=v[key].source), key))
    if not hits:
        return []
    severity = max((h[1] for h in hits), key=lambda x: x.rank)
    emergency = severity is Severity.EMERGENCY
    breathing = emergency and any(h[1] is Severity.EMERGENCY and h[3] not in ("fever_c", "low_temperature_c")
                                  for h in hits)
    if breathing:
        title = _("Breathing or oxygen reading needs help now")
        why = _("Slow breathing or low oxygen can be a sign of too much of a sedating medicine.")
    elif emergency:
        title = _("High temperature with other serious signs: get help now")
        why = _("A high temperature together with stiff muscles, confusion or seeing things can be a sign of "
                "serious withdrawal or another emergency.")
    else:
        title = _("A reading outside the safe range")
        why = _("A fever or a very low temperature needs a doctor's view today, more so after missed doses or a "
                "dose change.")
    message = _("A measurement for {person} is outside the range the journal treats as safe.").format(
        person=history.patient.name) + " " + why
    doctor = _("Tell them the reading and the time, and which medicines the person takes.")
    since = min((h[0] for h in hits), key=utc)
    return [ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), [h[2] for h in hits])]
