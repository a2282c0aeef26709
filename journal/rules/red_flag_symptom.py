"""red-flag-symptom: a sign in the emergency or call-today tier of the symptom catalog.

Tiers come from resources/symptoms.json through the catalog's one answer (`triage_entry`): a base
tier, a higher tier at a logged severity (`severe_at`), together with certain other signs
(`with`: high fever with rigidity, however either was recorded), new or worse than the person's
usual picture (`new_tier` / `worse_tier`), and vomiting that brought a dose back up. A reading that
shows a sign (a measured fever is `high-fever`) is reported here when a companion raises it, so a
measured 39.5 C with rigid muscles gives the same emergency as a felt one; a reading at its own
tier is abnormal-vital's. Signs an escalation alert (withdrawal, toxicity, paradoxical) already
reports at the same or a higher level are not repeated here.

The message names the likely cause the journal shows: a build-up with weak kidneys (sleepiness-type
signs), too much after a rise, double, extra or larger dose, withdrawal after missed doses, a cut or
a pump problem; or says the journal shows none."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, Observation, PatientHistory, Severity, SymptomEntry
from journal.domain.i18n import N_, _
from journal.knowledge import TIER_SEVERITY, DrugLibrary, Triage

from .common import CheckContext, Event, cause_words, is_explained, severity_word, utc

RULE = "red-flag-symptom"

Entry = SymptomEntry | Observation


def why_raised(ctx: CheckContext, entry: Entry, t: Triage) -> str:
    """What raised a sign above its base tier, in words ("" for the base tier)."""
    catalog = ctx.library.catalog
    if t.raised_by == "severity" and isinstance(entry, SymptomEntry):
        return _("severity {n}/10").format(n=entry.severity)
    if t.raised_by == "with":
        return _("together with {sign}").format(sign=catalog.label(t.companion).lower())
    if t.raised_by == "vomited" and t.vomited_at is not None:
        return _("a dose came back up at {when}").format(when=ctx.fmt(t.vomited_at))
    if t.raised_by == "change":
        return _(t.change)
    return ""


def tier_of(ctx: CheckContext, s: Entry) -> tuple[str, str]:
    """The tier for one symptom or reading (the catalog's one answer) and why, in words."""
    t = ctx.library.catalog.triage_entry(s, ctx.history)
    if t is None:
        return "next-visit", ""
    return t.tier or "next-visit", why_raised(ctx, s, t)


def entry_text(ctx: CheckContext, e: Entry) -> str:
    if isinstance(e, SymptomEntry):
        return ctx.symptom_text(e)
    return _("{sign} at {when}").format(sign=ctx.describe(e), when=ctx.fmt(e.at))


def sign_name(ctx: CheckContext, e: Entry) -> str:
    """The name of the sign in a title: the symptom's label, or the reading with its value
    ("measured temperature 39.5 °C")."""
    catalog = ctx.library.catalog
    if isinstance(e, SymptomEntry):
        return catalog.label(e.symptom).lower()
    return _("measured {reading}").format(reading=ctx.describe(e).split(" (")[0])


# The build-up sentence for each recorded level of kidney impairment ({name}, {drug}).
KIDNEY_WORDS = {
    "mild": N_("{name}'s kidneys are recorded as mildly impaired, and {drug} leaves the body through the kidneys: "
               "a build-up of {drug} is a likely cause, even without a dose change."),
    "moderate": N_("{name}'s kidneys are recorded as moderately impaired, and {drug} leaves the body through the "
                   "kidneys: a build-up of {drug} is a likely cause, even without a dose change."),
    "severe": N_("{name}'s kidneys are recorded as severely impaired, and {drug} leaves the body through the "
                 "kidneys: a build-up of {drug} is a likely cause, even without a dose change."),
}


def likely_cause(ctx: CheckContext, entries: list[Entry]) -> str:
    """One or two sentences naming the likely cause the journal shows for these signs, or saying it
    shows none. Weak kidneys (a level the drug profile cautions about) with a sleepiness-type sign:
    a build-up; a rise, double, extra or larger dose in the escalation window before a toxicity-type
    sign: too much; missed doses, a cut or a pump problem before a withdrawal-type sign: withdrawal."""
    catalog = ctx.library.catalog
    name = ctx.history.patient.name
    many = len(entries) > 1
    found: list[str] = []
    seen: set[int] = set()
    for _med, p in ctx.profiled():
        if id(p) in seen:
            continue  # two products of one drug (tablets and a pump): one sentence for the drug
        seen.add(id(p))
        window = timedelta(hours=p.value("timing.escalation_window_hours")) if p.has("withdrawal") or \
            p.has("toxicity") else None
        drug = _(p.display_name).lower()
        sedation = [e for e in entries if catalog.shows(e, p.toxicity_signs)]
        kidneys = ctx.history.patient.renal_impairment.value
        if sedation and kidneys in p.renal_caution_levels:
            text = _(KIDNEY_WORDS.get(kidneys, KIDNEY_WORDS["moderate"])).format(name=name, drug=drug)
            if text not in found:
                found.append(text)
        if window is None:
            continue
        before: dict[str, list[Event]] = {}
        for kind, codes, events in (("too much", p.toxicity_signs, ctx.increases(p)),
                                    ("withdrawal", p.withdrawal_early | p.withdrawal_late, ctx.interruptions(p))):
            for e in entries:
                if not catalog.shows(e, codes):
                    continue
                for ev in events:
                    if utc(ev.at) <= utc(e.at) <= utc(ev.at) + (ev.window or window) and ev not in before.get(kind, []):
                        before.setdefault(kind, []).append(ev)
        if "too much" in before:
            evs = before["too much"]
            found.append((_("These signs came after {causes} ({first}): too much {drug} is a likely cause.") if many
                          else _("This sign came after {causes} ({first}): too much {drug} is a likely cause."))
                         .format(causes=cause_words(e.kind for e in evs), first=evs[0].text, drug=drug))
        if "withdrawal" in before:
            evs = before["withdrawal"]
            found.append((_("These signs came after {causes} ({first}): withdrawal of {drug} is a likely cause.")
                          if many else
                          _("This sign came after {causes} ({first}): withdrawal of {drug} is a likely cause."))
                         .format(causes=cause_words(e.kind for e in evs), first=evs[0].text, drug=drug))
    if not found:
        return _("The journal shows no missed doses, dose change, pump problem or kidney problem that would "
                 "explain it, so it does not know the cause; the doctor needs to find it.")
    if len(found) > 1:
        found.append(_("Only the doctor can tell which."))
    return " ".join(found)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    hours = library.catalog.vitals["alert_hours"].value
    window = timedelta(hours=hours)
    flagged: list[tuple[Entry, Severity, str]] = []
    candidates: list[Entry] = [*ctx.recent_symptoms(window)]
    for o in history.observations:
        if ctx.within(o.at, window) and library.catalog.signs_of(o):
            candidates.append(o)
    for s in candidates:
        t = library.catalog.triage_entry(s, history)
        if t is None or (isinstance(s, Observation) and not t.raised_by):
            continue  # a reading at its own tier is abnormal-vital's, with its value and limit
        sev = TIER_SEVERITY.get(t.tier)
        if sev is None or is_explained(ctx, s, sev):
            continue
        flagged.append((s, sev, why_raised(ctx, s, t)))
    if not flagged:
        return []
    for s, sev, _why in flagged:
        if isinstance(s, Observation):
            ctx.explained[id(s)] = max(ctx.explained.get(id(s), -1), sev.rank)
    severity = max((f[1] for f in flagged), key=lambda x: x.rank)
    worst = [f for f in flagged if f[1] is severity]
    names = ", ".join(dict.fromkeys(sign_name(ctx, f[0]) for f in worst))
    cause = likely_cause(ctx, [f[0] for f in flagged])
    if severity is Severity.EMERGENCY:
        title = _("Emergency sign logged: {signs}").format(signs=names)
        message = _("{person} has a sign that needs help straight away ({signs}). Do not wait to see whether it "
                    "passes. {cause}").format(person=history.patient.name, signs=names, cause=cause)
        doctor = _("Tell them which medicines the person takes, and show them this list.")
    else:
        title = _("Call the doctor today: {signs}").format(signs=names)
        message = _("{person} has a sign the doctor or clinic should hear about today ({signs}). {cause}").format(
            person=history.patient.name, signs=names, cause=cause)
        doctor = _("Describe what you saw and when it started.")
    evidence = [entry_text(ctx, s) + (f" [{why}]" if why else "") + f": {severity_word(sev)}" for s, sev, why in flagged]
    evidence.append(_("tiers from the journal's symptom list (emergency / call today / next visit); a reading "
                      "counts as the sign it shows"))
    since = min((f[0].at for f in flagged), key=utc)
    return [ctx.alert(RULE, severity, since, title, message, ctx.advice(severity, doctor), evidence)]
