"""toxicity-signs: sedation-type symptoms within the escalation window after a dose increase, a
double dose, an extra dose or a dose larger than planned. Says which event came first and why it matters."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, Observation, ObservationKind, PatientHistory, Severity, SymptomEntry
from journal.domain.i18n import N_, _
from journal.domain.shown import num, source_name
from journal.knowledge import DrugLibrary, DrugProfile

from .common import CheckContext, Event, cause_words, explain, lower_first, utc
from .red_flag_symptom import tier_of
from .withdrawal_signs import causes_before

RULE = "toxicity-signs"


def check_profile(ctx: CheckContext, p: DrugProfile) -> Alert | None:
    if not p.has("toxicity"):
        return None  # the profile names no toxicity signs for this drug
    window = timedelta(hours=p.value("timing.escalation_window_hours"))
    # The signs and readings of the window first: without one, nothing can be linked to a cause, and
    # the causes (every increase, double, extra and larger dose of the drug) are not worked out.
    signs: list[SymptomEntry] = []
    for s in ctx.recent_symptoms(window):
        if s.symptom not in p.toxicity_signs:
            continue
        need = p.toxicity_min_severity.get(s.symptom)
        if need is not None and s.severity is not None and s.severity < need:
            continue
        signs.append(s)
    catalog = ctx.library.catalog  # low temperature and slow breathing: the same limits as abnormal-vital
    slow_hr = p.get("toxicity.slow_heart_rate")
    low_bp = p.get("toxicity.low_systolic")
    readings: list[tuple[Observation, tuple[bool, str]]] = []
    for o in ctx.history.observations:
        if o.removed or not ctx.within(o.at, window) or not isinstance(o.value, int | float):
            continue
        hit = None
        sign = catalog.shows(o, p.toxicity_signs)  # a sign however it was recorded (slow breathing, low oxygen)
        if sign is not None:
            hit = (sign in p.toxicity_emergency, ctx.describe(o).split(" (")[0])
        elif catalog.reading_limit(o) == "low_temperature_c":
            hit = (False, ctx.describe(o).split(" (")[0])
        elif o.kind is ObservationKind.HEART_RATE and slow_hr is not None and o.value < slow_hr:
            hit = (False, _("heart rate {value}/min").format(value=num(o.value)))
        elif o.kind is ObservationKind.BLOOD_PRESSURE and low_bp is not None and o.value < low_bp:
            hit = (False, _("blood pressure {value}").format(value=f"{num(o.value)}/{num(o.value2 or 0)}"))
        if hit is not None:
            readings.append((o, hit))
    if not signs and not readings:
        return None
    events = ctx.increases(p)
    if not events:
        return None
    linked: list[tuple[datetime, str, bool, object, str]] = []  # (time, text, emergency?, entry, name of the sign)
    causes: list[Event] = []
    for s in signs:
        found = causes_before(events, s.at, window)
        if found:
            linked.append((s.at, ctx.symptom_text(s), s.symptom in p.toxicity_emergency, s, ctx.symptom_name(s)))
            causes += found
    for o, hit in readings:
        found = causes_before(events, o.at, window)
        if found:
            linked.append((o.at, _("{sign} at {when}").format(sign=hit[1], when=ctx.fmt(o.at)), hit[0], o, hit[1]))
            causes += found
    if not linked:
        return None
    linked.sort(key=lambda x: utc(x[0]))
    # A sign the symptom list puts in the emergency tier (confusion at 7/10 or more) makes this an
    # emergency too, so the advice never reads "call today" next to a red flag that says "call now".
    emergency = any(x[2] or (isinstance(x[3], SymptomEntry | Observation) and tier_of(ctx, x[3])[0] == "emergency")
                    for x in linked)
    severity = Severity.EMERGENCY if emergency else Severity.URGENT
    for link in linked:
        explain(ctx, link[3], severity)
    unique: list[Event] = []
    for e in sorted(causes, key=lambda e: utc(e.at)):
        if e not in unique:
            unique.append(e)
    kinds = {e.kind for e in unique}
    what = cause_words(kinds, N_("more medicine"))
    drug = _(p.display_name).lower()
    title = (_("Possible too much {drug}: hard to wake or breathing affected after {causes}")
             if any(x[2] for x in linked) else
             _("Possible too much {drug}: serious signs after {causes}") if emergency else
             _("Possible too much {drug}: sleepiness-type signs after {causes}")).format(drug=drug, causes=what)
    hours = num(p.value('timing.escalation_window_hours'))
    message = _("{person} has signs that can come from too much {drug} ({signs}), and they started within {hours} "
                "hours after {causes}. Too much of this medicine tends to lower alertness, muscle tone, breathing "
                "and temperature.").format(person=ctx.history.patient.name, drug=drug,
                                           signs=", ".join(lower_first(x[4]) for x in linked), hours=hours,
                                           causes=what)
    doctor = (_("Tell them about {causes} and these signs before the next dose is due.") if not emergency else
              _("Tell them the person takes {drug} and had {causes}, and show them this list.")).format(
        causes=what, drug=drug)
    evidence = [_("signs: {signs}").format(signs="; ".join(x[1] for x in linked))]
    evidence += [_("before that: {event}").format(event=e.text) for e in unique[:8]]
    lag = utc(linked[0][0]) - utc(unique[0].at)
    evidence.append(_("first sign {lag} h after the first of these; signs within {hours} h of more medicine point "
                      "to too much of it (source: {source}, {sources})").format(
        lag=int(lag.total_seconds() // 3600), hours=hours, source=source_name(p.cite("timing.escalation_window_hours")),
        sources=p.symptom_sources["toxicity"]))
    return ctx.alert(RULE, severity, linked[0][0], title, message, ctx.advice(severity, doctor), evidence,
                     unique[0].medication)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    seen: list[DrugProfile] = []
    for _med, p in ctx.profiled():
        if p not in seen:
            seen.append(p)
    out = [check_profile(ctx, p) for p in seen]
    return [a for a in out if a is not None]
