"""withdrawal-signs: withdrawal-type symptoms or fever within the escalation window after missed
doses, a gap, a schedule cut or a pump problem. Says which event came first and why it matters."""

from __future__ import annotations

from datetime import datetime, timedelta

from journal.domain import Alert, Observation, ObservationKind, PatientHistory, Severity, SymptomEntry
from journal.domain.i18n import N_, _
from journal.knowledge import DrugLibrary, DrugProfile, change_in_words

from .common import CheckContext, Event, and_join, cause_words, explain, lower_first, utc, worse_than_before
from .red_flag_symptom import tier_of

RULE = "withdrawal-signs"


# What to tell the doctor about, for each kind of interruption (Event.kind), in this order.
ABOUT_WORDS = (("missed", N_("the missed doses")), ("cut", N_("the lower dose")), ("pump", N_("the pump problem")))


def causes_before(events: list[Event], at: datetime, window: timedelta) -> list[Event]:
    return [e for e in events if utc(e.at) <= utc(at) <= utc(e.at) + (e.window or window)]


def check_profile(ctx: CheckContext, p: DrugProfile) -> Alert | None:
    if not p.has("withdrawal"):
        return None  # the profile names no withdrawal signs for this drug
    window = timedelta(hours=p.value("timing.escalation_window_hours"))
    events = ctx.interruptions(p)
    if not events:
        return None
    linked: list[tuple[datetime, str, bool, object, str]] = []  # (time, text, late?, entry, name of the sign)
    causes: list[Event] = []
    for s in ctx.recent_symptoms(window):
        if s.symptom not in p.withdrawal_early and s.symptom not in p.withdrawal_late:
            continue
        found = causes_before(events, s.at, window)
        if not found:
            continue
        text = ctx.symptom_text(s)
        name = ctx.symptom_name(s)
        if s.symptom in p.withdrawal_worsening_only:
            why = worse_than_before(ctx, p, s, found[0].at)
            floor = p.get("withdrawal.new_min_severity")
            if why is None or (why.startswith("new") and floor is not None and s.severity is not None
                               and s.severity < floor):
                continue  # usual ups and downs, or a mild first entry of a symptom the person often has
            text += f" ({change_in_words(why)})"
        linked.append((s.at, text, s.symptom in p.withdrawal_late, s, name))
        causes += found
    catalog = ctx.library.catalog
    fast_hr = p.get("withdrawal.fast_heart_rate")
    low_bp = p.get("withdrawal.low_systolic")
    high_sys = p.get("withdrawal.high_systolic")
    high_dia = p.get("withdrawal.high_diastolic")
    for o in ctx.history.observations:
        if o.removed or not ctx.within(o.at, window) or not isinstance(o.value, int | float):
            continue
        late, name = None, ""
        sign = catalog.shows(o, p.withdrawal_early | p.withdrawal_late)  # a sign however it was recorded
        if sign is not None:
            late, name = sign in p.withdrawal_late, ctx.describe(o).split(" (")[0]
        elif o.kind is ObservationKind.HEART_RATE and fast_hr is not None and o.value > fast_hr:
            late, name = False, _("heart rate {value}/min").format(value=f"{o.value:g}")
        elif o.kind is ObservationKind.BLOOD_PRESSURE and low_bp is not None and o.value < low_bp:
            late, name = False, _("blood pressure {value} (low)").format(value=f"{o.value:g}/{o.value2 or 0:g}")
        elif o.kind is ObservationKind.BLOOD_PRESSURE and (
                (high_sys is not None and o.value >= high_sys)
                or (high_dia is not None and isinstance(o.value2, int | float) and o.value2 >= high_dia)):
            # Withdrawal tends to raise blood pressure along with heart rate and temperature.
            limit = "/".join(f"{x:g}" if x is not None else "-" for x in (high_sys, high_dia))
            late, name = False, _("blood pressure {value} (high: {limit} or more, source: {source})").format(
                value=f"{o.value:g}/{o.value2 or 0:g}", limit=limit,
                source=p.cite("withdrawal.high_systolic" if high_sys is not None else "withdrawal.high_diastolic"))
        if late is None:
            continue
        text = _("{sign} at {when}").format(sign=name, when=ctx.fmt(o.at))
        found = causes_before(events, o.at, window)
        if found:
            linked.append((o.at, text, late, o, name))
            causes += found
    if not linked:
        return None
    linked.sort(key=lambda x: utc(x[0]))
    # A sign the symptom list already puts in the emergency tier (rebound stiffness at 7/10, high
    # fever with confusion) makes this an emergency too, so the advice never reads "call today"
    # next to a red flag that says "call now".
    raised = [x for x in linked if isinstance(x[3], SymptomEntry | Observation) and tier_of(ctx, x[3])[0] == "emergency"]
    any_late = any(x[2] for x in linked) or bool(raised)
    severity = Severity.EMERGENCY if any_late else Severity.URGENT
    for link in linked:
        explain(ctx, link[3], severity)
    unique_causes: list[Event] = []
    for e in sorted(causes, key=lambda e: utc(e.at)):
        if e not in unique_causes:
            unique_causes.append(e)
    first_cause = unique_causes[0]
    lag = utc(linked[0][0]) - utc(first_cause.at)
    kinds = {e.kind for e in unique_causes}
    what = cause_words(kinds, N_("an interruption"))
    drug = _(p.display_name).lower()
    title = (_("Possible {drug} withdrawal: serious signs after {causes}") if any_late else
             _("Possible {drug} withdrawal: early signs after {causes}")).format(drug=drug, causes=what)
    hours = f"{p.value('timing.escalation_window_hours'):g}"
    message = _("{person} has signs that can come from withdrawal of {drug} ({signs}), and they started within "
                "{hours} hours after {causes}. Withdrawal usually raises stiffness, temperature, heart rate and "
                "blood pressure; it can get worse over hours to days, so it needs a doctor now rather than at the "
                "next visit.").format(person=ctx.history.patient.name, drug=drug,
                                      signs=", ".join(lower_first(x[4]) for x in linked), hours=hours, causes=what)
    about = and_join(_(w) for k, w in ABOUT_WORDS if k in kinds) or _("the interruption")
    doctor = (_("Tell them about {about} and these signs; the person may need to be seen quickly.")
              if not any_late else _("Tell them the person takes {drug}, tell them about {about}, and show them "
                                     "this list.")).format(about=about, drug=drug)
    evidence = [_("signs: {signs}").format(signs="; ".join(x[1] for x in linked))]
    evidence += [_("before that: {event}").format(event=e.text) for e in unique_causes[:8]]
    evidence.append(_("first sign {lag} h after the first interruption; signs within {hours} h of an interruption "
                      "point to withdrawal (source: {source})").format(
        lag=int(lag.total_seconds() // 3600), hours=hours, source=p.cite("timing.escalation_window_hours")))
    med = first_cause.medication
    # With an intrathecal pump problem, early signs cannot wait for "today": the pump clinic now.
    head = ctx.pump_clinic_now() if "pump" in kinds and severity is Severity.URGENT else None
    return ctx.alert(RULE, severity, linked[0][0], title, message, ctx.advice(severity, doctor, head=head),
                     evidence, med)


def check(history: PatientHistory, library: DrugLibrary, now: datetime, ctx: CheckContext) -> list[Alert]:
    seen: list[DrugProfile] = []
    for _med, p in ctx.profiled():
        if p not in seen:
            seen.append(p)
    out = [check_profile(ctx, p) for p in seen]
    return [a for a in out if a is not None]
