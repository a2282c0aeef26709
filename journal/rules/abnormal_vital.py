"""abnormal-vital: a measured temperature, breathing rate or oxygen level outside safe limits."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, ObservationKind, PatientHistory, Severity
from journal.knowledge import DrugLibrary

from .common import CheckContext, is_explained, utc

RULE = "abnormal-vital"


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    v = library.catalog.vitals
    sev = library.catalog.vital_severity
    window = timedelta(hours=v["alert_hours"].value)
    hits: list[tuple[datetime, Severity, str]] = []
    for o in history.observations:
        if o.removed or not ctx.within(o.at, window) or not isinstance(o.value, int | float):
            continue
        val = float(o.value)
        found: tuple[str, str] | None = None
        fever = library.catalog.triage_reading(o, history)
        if fever is not None:
            found = ("fever_c", f"temperature {val:g} °C (high: {v['fever_c'].value:g} or more)")
        elif o.kind is ObservationKind.TEMPERATURE and library.catalog.is_low_temperature(val):
            found = ("low_temperature_c", f"temperature {val:g} °C (low: {v['low_temperature_c'].value:g} or less)")
        elif o.kind is ObservationKind.RESPIRATORY_RATE and library.catalog.is_slow_breathing(val):
            found = ("slow_breathing_per_min",
                     f"breathing {val:g}/min (slow: under {v['slow_breathing_per_min'].value:g})")
        elif o.kind is ObservationKind.OXYGEN_SATURATION and val < v["low_oxygen_percent"].value:
            found = ("low_oxygen_percent", f"oxygen {val:g}% (low: under {v['low_oxygen_percent'].value:g})")
        if found is None:
            continue
        s = sev.get(found[0], Severity.URGENT)
        if (fever is not None and fever.raised_by == "with" and fever.severity is not None
                and fever.severity.rank > s.rank):
            # A measured high fever is triaged as the felt one: with rigidity, confusion or
            # hallucinations around it, it is an emergency (symptom catalog, `high-fever`).
            s = fever.severity
            found = (found[0], found[1] + f", together with {library.catalog.label(fever.companion).lower()}")
        if is_explained(ctx, o, s):
            continue
        hits.append((o.at, s, f"{found[1]} at {ctx.fmt(o.at)} (source: {v[found[0]].source})"))
    if not hits:
        return []
    severity = max((h[1] for h in hits), key=lambda x: x.rank)
    emergency = severity is Severity.EMERGENCY
    breathing = emergency and any(h[1] is Severity.EMERGENCY and not h[2].startswith("temperature") for h in hits)
    if breathing:
        title = "Breathing or oxygen reading needs help now"
        why = "Slow breathing or low oxygen can be a sign of too much of a sedating medicine."
    elif emergency:
        title = "High temperature with other serious signs: get help now"
        why = ("A high temperature together with stiff muscles, confusion or seeing things can be a sign of "
               "serious withdrawal or another emergency.")
    else:
        title = "A reading outside the safe range"
        why = ("A fever or a very low temperature needs a doctor's view today, more so after missed doses or a "
               "dose change.")
    message = f"A measurement for {history.patient.name} is outside the range the journal treats as safe. " + why
    doctor = "Tell them the reading and the time, and which medicines the person takes. "
    since = min((h[0] for h in hits), key=utc)
    return [ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), [h[2] for h in hits])]
