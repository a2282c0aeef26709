"""paradoxical-worsening: spasms, rigidity or dystonia get worse soon after a dose increase."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
from journal.domain.shown import num, reading_name, source_name
from journal.knowledge import DrugLibrary, DrugProfile
from journal.knowledge.catalog import NEW_CHANGE, WORSE_CHANGE

from .common import CheckContext, explain, lower_first, utc, worse_than_before
from .withdrawal_signs import causes_before

RULE = "paradoxical-worsening"


def since_increase(change: str) -> str:
    """The catalog's "new / up from ... in the days before" said of the days before the increase."""
    if change == NEW_CHANGE:
        return _("new: not logged in the days before the increase")
    top = change.removeprefix("up from at most ").split("/")[0]
    if WORSE_CHANGE.format(top=top) == change:
        return _("up from at most {top}/10 in the days before the increase").format(top=top)
    return change


def check_profile(ctx: CheckContext, p: DrugProfile) -> Alert | None:
    if not p.has("paradoxical"):
        return None  # the profile names no paradoxical signs for this drug
    window = timedelta(hours=p.value("timing.escalation_window_hours"))
    rises = ctx.rises(p)
    if not rises:
        return None
    linked: list[tuple[datetime, str, object, str]] = []  # (time, text, entry, what got worse)
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
        linked.append((s.at, f"{ctx.symptom_text(s)}, {since_increase(why)}", s,
                       ctx.library.catalog.label(s.symptom)))
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
            kind = reading_name(o.kind)
            linked.append((o.at, _("{kind} score {value} at {when}, at most {before} in the days before the "
                                   "increase").format(kind=kind, value=num(o.value), when=ctx.fmt(o.at),
                                                      before=num(max(prior_obs))), o, kind))
            causes += found
    if not linked:
        return None
    linked.sort(key=lambda x: utc(x[0]))
    for link in linked:
        explain(ctx, link[2], Severity.URGENT)
    first = sorted(causes, key=lambda e: utc(e.at))[0]
    title = _("Stiffness or spasms worse after a {drug} increase").format(drug=_(p.display_name).lower())
    worse = ", ".join(sorted({lower_first(link[3]) for link in linked}))
    message = _("Since the dose increase ({increase}), {person}'s {worse} got worse. Rarely, a higher dose of this "
                "medicine makes spasms, stiffness or twisting movements worse instead of better; the prescriber "
                "needs to know.").format(increase=first.text.split(": ", 1)[-1], person=ctx.history.patient.name,
                                         worse=worse)
    evidence = [link[1] for link in linked] + [
        _("before that: {event}").format(event=first.text),
        _("worse within {hours} h of an increase (source: {source})").format(
            hours=num(p.value('timing.escalation_window_hours')), source=source_name(p.symptom_sources["paradoxical"]))]
    advice = ctx.advice(Severity.URGENT, _("Tell them about the increase and what got worse."))
    return ctx.alert(RULE, Severity.URGENT, linked[0][0], title, message, advice, evidence, first.medication)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    seen: list[DrugProfile] = []
    for _med, p in ctx.profiled():
        if p not in seen:
            seen.append(p)
    out = [check_profile(ctx, p) for p in seen]
    return [a for a in out if a is not None]
