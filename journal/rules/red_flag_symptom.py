"""red-flag-symptom: a logged symptom in the emergency or call-today tier of the catalog.

Tiers come from resources/symptoms.json: a base tier, a higher tier at a logged severity
(`severe_at`), a higher tier together with certain other symptoms (`with`), and vomiting that
brought a dose back up. Symptoms an escalation alert (withdrawal, toxicity, paradoxical) already
reports at the same or a higher level are not repeated here."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity, SymptomEntry
from journal.knowledge import TIER_SEVERITY, DrugLibrary

from .common import CheckContext, is_explained, utc

RULE = "red-flag-symptom"


def tier_of(ctx: CheckContext, s: SymptomEntry) -> tuple[str, str]:
    """The tier for one entry (the catalog's one answer, `SymptomCatalog.triage`) and why, in words."""
    catalog = ctx.library.catalog
    t = catalog.triage(s, ctx.history)
    why = ""
    if t.raised_by == "severity":
        why = f"severity {s.severity}/10"
    elif t.raised_by == "with":
        why = f"together with {catalog.label(t.companion).lower()}"
    elif t.raised_by == "vomited" and t.vomited_at is not None:
        why = f"a dose came back up at {ctx.fmt(t.vomited_at)}"
    return t.tier or "next-visit", why


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
