"""red-flag-symptom: a logged symptom in the emergency or call-today tier of the catalog.

Tiers come from resources/symptoms.json: a base tier, a higher tier at a logged severity
(`severe_at`), a higher tier together with certain other symptoms (`with`), and vomiting that
brought a dose back up. Symptoms an escalation alert (withdrawal, toxicity, paradoxical) already
reports at the same or a higher level are not repeated here."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity, SymptomEntry

from .common import CheckContext, is_explained, utc
from .knowledge import TIER_SEVERITY, DrugLibrary

RULE = "red-flag-symptom"
TIER_RANK = {"next-visit": 0, "urgent": 1, "emergency": 2}


def tier_of(ctx: CheckContext, s: SymptomEntry) -> tuple[str, str]:
    """The tier for one entry and why."""
    info = ctx.library.catalog.info(s.symptom)
    if info is None:
        return "next-visit", ""
    tier, why = info.tier, ""
    if info.severe_at is not None and info.severe_tier and s.severity is not None and s.severity >= info.severe_at:
        if TIER_RANK[info.severe_tier] > TIER_RANK[tier]:
            tier, why = info.severe_tier, f"severity {s.severity}/10"
    if info.with_codes and info.with_tier and TIER_RANK[info.with_tier] > TIER_RANK[tier]:
        near = timedelta(hours=info.with_hours)
        for o in ctx.history.symptoms:
            if (not o.removed and o.symptom in info.with_codes and abs(utc(o.at) - utc(s.at)) <= near
                    and (o.severity is None or o.severity > 0)):
                tier, why = info.with_tier, f"together with {ctx.library.catalog.label(o.symptom).lower()}"
                break
    if info.urgent_if_dose_vomited and TIER_RANK[tier] < TIER_RANK["urgent"]:
        for d in ctx.history.doses:
            if not d.removed and d.status.value == "vomited" and abs(utc(d.at) - utc(s.at)) <= timedelta(hours=24):
                tier, why = "urgent", f"a dose came back up at {ctx.fmt(d.at)}"
                break
    return tier, why


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    hours = library.catalog.vitals["alert_hours"].value
    flagged: list[tuple[SymptomEntry, Severity, str]] = []
    for s in ctx.recent_symptoms(timedelta(hours=hours)):
        tier, why = tier_of(ctx, s)
        sev = TIER_SEVERITY.get(tier)
        if sev is None or is_explained(ctx, s, sev):
            continue
        flagged.append((s, sev, why))
    if not flagged:
        return []
    severity = max((f[1] for f in flagged), key=lambda x: x.rank)
    worst = [f for f in flagged if f[1] is severity]
    names = ", ".join(dict.fromkeys(library.catalog.label(f[0].symptom).lower() for f in worst))
    if severity is Severity.EMERGENCY:
        title = f"Emergency sign logged: {names}"
        message = (f"{history.patient.name} has a sign that needs help straight away ({names}). Do not wait "
                   f"to see whether it passes.")
        doctor = "Tell them which medicines the person takes, and show them this list. "
    else:
        title = f"Call the doctor today: {names}"
        message = (f"{history.patient.name} has a sign the doctor or clinic should hear about today ({names}). "
                   f"It can be an early warning, for example of withdrawal or of a side effect.")
        doctor = "Describe what you saw and when it started. "
    evidence = [ctx.symptom_text(s) + (f" [{why}]" if why else "") + f": {sev.value}" for s, sev, why in flagged]
    evidence.append("tiers from the journal's symptom list (emergency / call today / next visit)")
    since = min((f[0].at for f in flagged), key=utc)
    return [ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), evidence)]
