"""cns-depressant: another sedating medicine is on the list, or alcohol was noted, while on the drug.

Alcohol is not a symptom: the journal reads it from dated notes (and symptom notes) that name a
drink in any common form, unless the note says it was not taken (rules/mentions.py), and from a
medication whose drug is alcohol."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from journal.domain import Alert, PatientHistory, Severity
from journal.domain.i18n import _
from journal.domain.shown import source_name
from journal.knowledge import DrugLibrary, DrugProfile, InteractionClass

from .common import CheckContext, utc
from .mentions import mention

RULE = "cns-depressant"
NOTE_WINDOW = timedelta(hours=24)


def check_profile(ctx: CheckContext, p: DrugProfile) -> Alert | None:
    mine = [m for m, prof in ctx.profiled() if prof is p and ctx.is_active(m)]
    if not mine:
        return None
    found: list[tuple[datetime, str, str]] = []  # (since, evidence, class label)
    for m in ctx.history.medications:
        if any(m is x for x in mine):
            continue
        key = (RULE, id(p), id(m))  # what the drug data says of the pair: the same at every instant
        if key not in ctx.lasting:
            ctx.lasting[key] = (p.matches(m), p.interaction_class(m))
        same_drug, c = cast("tuple[bool, InteractionClass | None]", ctx.lasting[key])
        if same_drug or c is None or not ctx.is_active(m):
            continue
        # A stable "since" (first schedule of the other medicine, else its first dose in view) keeps the
        # alert the same across runs, so an acknowledgement sticks.
        if m.regimens:
            since = ctx.day_start(min(r.start for r in m.regimens))
        else:
            given = ctx.given_doses(m)
            since = given[0].at if given else ctx.day_start(ctx.today)
        found.append((since, _("{medicine} is {kind} (source: {source}), on the list since {day}").format(
            medicine=m.name, kind=_(c.label), source=source_name(c.source), day=ctx.local(since).date().isoformat()), _(c.label)))
    texts: list[tuple[datetime, str]] | None = None
    for c in p.interactions:
        if not c.note_words:
            continue
        if texts is None:  # the notes of the last NOTE_WINDOW, notes first, then symptoms' notes
            texts = [(n.at, n.text) for n in ctx.history.notes if not n.removed and ctx.within(n.at, NOTE_WINDOW)]
            texts += [(s.at, s.note) for s in ctx.history.symptoms
                      if not s.removed and s.note and ctx.within(s.at, NOTE_WINDOW)]
        for at, text in texts:
            said = mention(text, c.note_words)
            if said is not None:
                found.append((at, _("note {when}: \"{text}\" mentions {word}, that is {kind} (source: {source})").format(
                    when=ctx.fmt(at), text=text[:80], word=said, kind=_(c.label), source=source_name(c.source)), _(c.label)))
                break
    if not found:
        return None
    labels = ", ".join(dict.fromkeys(f[2] for f in found))
    title = _("{drug} together with {kinds}").format(drug=_(p.display_name), kinds=labels)
    message = _("{person} takes {medicines} and also {kinds}. Together they add to each other's sleepiness and can "
                "slow breathing, more so at night or after a dose increase.").format(
        person=ctx.history.patient.name, medicines=", ".join(m.name for m in mine), kinds=labels)
    advice = ctx.advice(Severity.WARNING, _("Make sure every prescriber and the pharmacist knows about both, and "
                                            "watch for strong sleepiness or slow breathing."))
    since = min((f[0] for f in found), key=utc)
    return ctx.alert(RULE, Severity.WARNING, since, title, message, advice, [f[1] for f in found], mine[0])


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    seen: list[DrugProfile] = []
    for _med, p in ctx.profiled():
        if p not in seen:
            seen.append(p)
    out = [check_profile(ctx, p) for p in seen]
    return [a for a in out if a is not None]
