"""paradoxical-worsening: spasms, rigidity or dystonia get worse soon after a dose increase."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.knowledge import DrugLibrary, DrugProfile

from .common import CheckContext, explain, lower_first, utc, worse_than_before
from .withdrawal_signs import causes_before

RULE = "paradoxical-worsening"


def check_profile(ctx: CheckContext, p: DrugProfile) -> Alert | None:
    if not p.has("paradoxical"):
        return None  # the profile names no paradoxical signs for this drug
    window = timedelta(hours=p.value("timing.escalation_window_hours"))
    rises = [e for e in ctx.increases(p) if e.kind == "rise"]
    if not rises:
        return None
    linked: list[tuple[datetime, str, object]] = []
    causes = []
    for s in ctx.recent_symptoms(window):
        if s.symptom not in p.paradoxical_symptoms:
            continue
        found = causes_before(rises, s.at, window)
        if not found:
            continue
        why = worse_than_before(ctx, p, s, found[0].at)
        if why is None or (why.startswith("new") and s.symptom not in p.paradoxical_new_counts):
            continue
        text = f"{ctx.symptom_text(s)}, {why.replace('the days before', 'the days before the increase')}"
        linked.append((s.at, text, s))
        causes += found
    for o in ctx.history.observations:
        if o.removed or o.kind.value not in p.paradoxical_observations or not ctx.within(o.at, window):
            continue
        if not isinstance(o.value, int | float):
            continue
        found = causes_before(rises, o.at, window)
        if not found:
            continue
        start = utc(found[0].at) - timedelta(days=ctx.library.catalog.change["baseline_days"].value)
        prior_obs = [float(x.value) for x in ctx.history.observations if not x.removed and x.kind is o.kind
                     and start <= utc(x.at) < utc(found[0].at) and isinstance(x.value, int | float)]
        if prior_obs and float(o.value) > max(prior_obs):
            linked.append((o.at, f"{o.kind.value.replace('-', ' ')} score {o.value:g} at {ctx.fmt(o.at)}, at most "
                                 f"{max(prior_obs):g} in the days before the increase", o))
            causes += found
    if not linked:
        return None
    linked.sort(key=lambda x: utc(x[0]))
    for _, _, entry in linked:
        explain(ctx, entry, Severity.URGENT)
    first = sorted(causes, key=lambda e: utc(e.at))[0]
    title = f"Stiffness or spasms worse after a {p.display_name.lower()} increase"
    worse = ", ".join(sorted({lower_first(t.split(",")[0].split(" score")[0].split(" at ")[0]) for _, t, _ in linked}))
    message = (f"Since the dose increase ({first.text.split(': ', 1)[-1]}), {ctx.history.patient.name}'s "
               f"{worse} got worse. Rarely, a "
               f"higher dose of this medicine makes spasms, stiffness or twisting movements worse instead of "
               f"better; the prescriber needs to know.")
    evidence = [t for _, t, _ in linked] + [f"before that: {first.text}",
                                            f"worse within {p.value('timing.escalation_window_hours'):g} h of an "
                                            f"increase (source: {p.symptom_sources['paradoxical']})"]
    advice = ctx.advice(Severity.URGENT, "Tell them about the increase and what got worse. ")
    return ctx.alert(RULE, Severity.URGENT, linked[0][0], title, message, advice, evidence, first.medication)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    seen: list[DrugProfile] = []
    for _, p in ctx.profiled():
        if p not in seen:
            seen.append(p)
    out = [check_profile(ctx, p) for p in seen]
    return [a for a in out if a is not None]
