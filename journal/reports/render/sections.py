"""The doctor-visit report's sections, one function each, listed in SECTIONS in the order they print.

A section is `(data: ReportData) -> list[Flow]`: its heading and what it introduces, or [] when the
report leaves it out (no pump, no questions for the doctor, no planned change, ...); build_flows
joins them. Also here: the header's two lines and the summary's sentences (header_lines,
summary_lines). Every word goes through gettext in the language in use; how codes, dates, counts
and hours are written is in words.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

from journal.domain import ObservationKind
from journal.domain.i18n import _, ngettext
from journal.domain.plural import severity_counts
from journal.domain.readings import STORED_UNIT
from journal.domain.shown import num, reading_name
from journal.domain.units import SYMBOL
from journal.schedule.words import PENDING_WORD

from ..data import MCG_PER_ML, AckLine, Adherence, DoseChange, Gap, Point, ReadingValue, ReportData
from .charts import ChartFlow, doses_chart, points_chart, timeline_chart
from .layout import Cell, Flow, Heading, Para, Table
from .words import (
    _NOTHING_LOGGED,
    DIRECTION_WORDS,
    SEVERITY_WORDS,
    TIER_WORDS,
    TIMELINE_WORDS,
    _fmt_at,
    _fmt_day,
    _hours,
    _pct,
    _word,
    level_word,
)


def header_lines(data: ReportData) -> tuple[str, str]:
    """The two lines at the top of every page: who (age, born, conditions, kidney function), and
    the period with when and in which zone the report was made (the page number is added after)."""
    h = data.header
    who = (ngettext("{person}, age {age}", "{person}, age {age}", h.age).format(person=h.person, age=h.age)
           if h.age is not None
           else _("{person}, age not recorded").format(person=h.person))
    if h.birth_date:
        who += " " + _("(born {day})").format(day=_fmt_day(data, h.birth_date))
    cond = "; ".join(h.conditions) if h.conditions else _("no conditions recorded")
    kidneys = _("kidney function: {words}").format(words=_word(h.kidney_function))
    line1 = f"{who}  ·  {cond}  ·  {kidneys}"
    period = _("Doctor-visit report for {first} to {last}").format(first=_fmt_day(data, h.period_start),
                                                                    last=_fmt_day(data, h.period_end))
    if not h.generated_zone or h.generated_zone == h.timezone:
        made = _("generated {when} ({zone})").format(when=_fmt_at(data, h.generated_at), zone=h.timezone)
    else:
        made = (_("times in {zone}").format(zone=h.timezone) + "  ·  "
                + _("generated {when} ({zone})").format(when=_fmt_at(data, h.generated_at), zone=h.generated_zone))
    return line1, f"{period}  ·  {made}"


def summary_lines(data: ReportData) -> list[str]:
    """The "At a glance" sentences: each scheduled medicine's doses given, not given, late and its
    longest gap, the pump, the dose changes, the alerts by severity, red-flag symptoms, questions."""
    out: list[str] = []
    for ad in data.adherence:
        if ad.as_needed or (ad.scheduled == 0 and not ad.pending):
            continue
        given = ad.given_in_slots
        pct = ad.percent(given) or 0.0
        # English says "1 of 1 scheduled doses" (tests and earlier reports); Spanish agrees with n
        text = ngettext("{medicine}: {given} of {n} scheduled doses given ({pct}%);",
                        "{medicine}: {given} of {n} scheduled doses given ({pct}%);", ad.scheduled).format(
            medicine=ad.medication, given=given, n=ad.scheduled, pct=num(pct, ".0f"))
        text += " " + _("{not_given} not given, {vomited} vomited, {late} late.").format(
            not_given=ad.not_given, vomited=ad.vomited, late=ad.late)
        if ad.pending:
            text += " " + _("{n} more not counted yet ({why}).").format(n=ad.pending, why=_(PENDING_WORD))
        if ad.gaps:
            g = ad.gaps[0]
            text += " " + (_("Longest time without a dose: {time} (still going).") if g.open
                           else _("Longest time without a dose: {time}.")).format(time=_hours(g.hours))
        out.append(text)
    if data.pump is not None:
        pm = data.pump
        parts = []
        if pm.daily_dose_mcg is not None:
            parts.append(_("set to {mcg} mcg a day").format(mcg=num(pm.daily_dose_mcg)))
        if pm.next_refill_due is not None:
            parts.append(_("next refill due {day}").format(day=_fmt_day(data, pm.next_refill_due)))
        alarms = sum(1 for e in data.pump_events if e.kind == "alarm")
        parts.append(ngettext("{n} alarm logged in the period", "{n} alarms logged in the period", alarms).format(n=alarms))
        out.append(_("Pump: {details}.").format(details=", ".join(parts)))
    if data.dose_changes:
        n = len(data.dose_changes)
        out.append(ngettext("{n} dose change in the period.", "{n} dose changes in the period.", n).format(n=n))
    if not data.alerts_checked:
        out.append(_("Safety alerts: the checks could not be run again for this period (see below)."))
    elif data.alerts:
        counts = severity_counts(a.severity for a in data.alerts)
        out.append(_("Safety alerts raised: {counts}.").format(counts=counts))
    else:
        out.append(_("No safety alerts were raised in the period."))
    red = sum(c.count for c in data.symptom_counts if c.tier == "red-flag")
    if red:
        out.append(ngettext("{n} red-flag symptom entry logged (see the timeline).",
                            "{n} red-flag symptom entries logged (see the timeline).", red).format(n=red))
    if data.doctor_questions:
        n = len(data.doctor_questions)
        out.append(ngettext("{n} question for the doctor below.", "{n} questions for the doctor below.", n).format(n=n))
    return out


def _gaps_to_show(a: Adherence) -> list[Gap]:
    """The gaps clearly longer than the schedule allows (up to 3), else just the longest one."""
    if not a.gaps:
        return []
    if a.expected_longest_hours is None:
        return a.gaps[:1]
    long = [g for g in a.gaps if g.hours > a.expected_longest_hours + 1.0]
    return long[:3] or a.gaps[:1]


def _period(data: ReportData) -> tuple[datetime, datetime]:
    """The period's first and last instants (aware), which build_report always sets."""
    start, end = data.period_start_at, data.period_end_at
    assert start is not None and end is not None
    return start, end


def _acknowledged(data: ReportData, k: AckLine) -> str:
    """'2026-10-03 08:10 by Ana: seen, called the clinic' (who and note when given)."""
    text = _fmt_at(data, k.at)
    if k.by:
        text += " " + _("by {who}").format(who=k.by)
    return text + (": " + k.note if k.note else "")


# ----------------------------------------------------------------------------------------------
# The sections, in the order they print. Each takes the report's data and returns its flows (a
# heading and what it introduces), or nothing when the section is left out of this report.


def title(data: ReportData) -> list[Flow]:
    """The report's title, the not-medical-advice line and the contacts from the profile."""
    f: list[Flow] = [Para(_("Doctor-visit report"), "title", after_mm=0.5),
                     Para(_(data.disclaimer), "italic", after_mm=1.5)]
    if data.header.contacts:
        f.append(Para(_("Doctor and contacts (from the profile): {contacts}").format(contacts=data.header.contacts),
                      "body", after_mm=1.5))
    return f


def at_a_glance(data: ReportData) -> list[Flow]:
    """The summary: one bullet for each line of summary_lines."""
    return [Heading(_("At a glance")), *(Para("• " + line, "body", after_mm=0.6) for line in summary_lines(data))]


def questions_for_the_doctor(data: ReportData) -> list[Flow]:
    """The notes marked for the doctor, in bold; left out when there are none."""
    if not data.doctor_questions:
        return []
    return [Heading(_("Questions for the doctor")),
            Table([(_("Written"), 1.2), (_("Question"), 5)],
                  [[_fmt_at(data, n.at), Cell(n.text, bold=True)] for n in data.doctor_questions])]


def current_medicines(data: ReportData) -> list[Flow]:
    """Every medicine with its route, concentration, schedule (limits and stock under it) and since when."""
    f: list[Flow] = [Heading(_("Current medicines and schedules"))]
    if not data.medicines:
        return [*f, Para(_("No medicines are recorded."))]
    rows: list[list[str | Cell]] = []
    for m in data.medicines:
        name = m.name + ("" if m.active else " " + _("(not started yet)") if m.starts else " " + _("(stopped)"))
        details = ", ".join(x for x in (_word(m.route), _word(m.form),
                                        _("strength {strength}").format(strength=m.strength) if m.strength else "")
                            if x)
        sched_text = "\n".join(x for x in (m.schedule, m.daily_total, m.limits, m.stock) if x)
        since = (_("since {day}").format(day=_fmt_day(data, m.since)) if m.since else "")
        who = "; ".join(x for x in (since, m.reason,
                                    m.prescribed_by and _("by {prescriber}").format(prescriber=m.prescribed_by))
                        if x)
        conc = m.concentration + (f"\n{m.warning}" if m.warning else "")
        rows.append([Cell(name, bold=True), details, conc, sched_text, who])
    f.append(Table([(_("Medicine"), 2.2), (_("Route, form"), 1.5), (_("Concentration"), 1.6), (_("Schedule"), 2.4),
                    (_("Since, reason, prescriber"), 1.9)], rows))
    return f


def pump_settings(data: ReportData) -> list[Flow]:
    """The intrathecal pump's programme from its latest entries; left out without a pump."""
    if data.pump is None:
        return []
    pm = data.pump
    unknown, none_yet = _("not recorded"), _("none recorded")
    kv = [
        [_("Concentration"), f"{num(pm.concentration_mcg_per_ml)} {MCG_PER_ML}" if pm.concentration_mcg_per_ml else unknown],
        [_("Daily dose programmed"),
         _("{mcg} mcg a day").format(mcg=num(pm.daily_dose_mcg)) if pm.daily_dose_mcg else unknown],
        [_("Reservoir / low-reservoir alarm"),
         f"{num(pm.reservoir_ml)} mL / {num(pm.low_alarm_ml)} mL" if pm.reservoir_ml and pm.low_alarm_ml is not None
         else unknown],
        [_("Last refill"), _fmt_at(data, pm.last_refill) or none_yet],
        [_("Next refill due"), _fmt_day(data, pm.next_refill_due) or unknown],
        [_("Last alarm"), _fmt_at(data, pm.last_alarm) or none_yet],
    ]
    return [Heading(_("Pump settings (from the latest pump entries)"), 2),
            Table([(_("Setting"), 1.4), (_("Value"), 3)], [list(r) for r in kv], header=False)]


def _changes_table(data: ReportData, changes: Sequence[DoseChange]) -> Table:
    """Dose changes as the two change sections show them: date, medicine, from, to, which way, why."""
    return Table([(_("Date"), 1.1), (_("Medicine"), 1.8), (_("From"), 2.4), (_("To"), 2.4), (_("Change"), 0.9),
                  (_("Reason, prescribed by"), 1.6)],
                 [[_fmt_day(data, ch.day), ch.medication, ch.before, ch.after,
                   Cell(_word(DIRECTION_WORDS.get(ch.direction, ch.direction)), bold=True),
                   "; ".join(x for x in (ch.reason, ch.prescribed_by) if x)] for ch in changes])


def dose_changes(data: ReportData) -> list[Flow]:
    """The schedule changes that took effect in the period."""
    if not data.dose_changes:
        return [Heading(_("Dose changes in this period")), Para(_("No dose changes in this period."))]
    return [Heading(_("Dose changes in this period")), _changes_table(data, data.dose_changes)]


def planned_changes(data: ReportData) -> list[Flow]:
    """Changes already saved that start after the period; left out when there are none."""
    if not data.planned_changes:
        return []
    return [Heading(_("Planned changes still to come"), 2), _changes_table(data, data.planned_changes)]


def _scheduled(data: ReportData) -> list[Adherence]:
    """The medicines with doses on a schedule in the period (as-needed ones are counted apart)."""
    return [a for a in data.adherence if not a.as_needed and a.scheduled]


def doses_given_and_missed(data: ReportData) -> list[Flow]:
    """Each scheduled medicine's doses by outcome, then a line for each as-needed medicine given."""
    f: list[Flow] = [Heading(_("Doses given and missed"))]
    sched = _scheduled(data)
    if sched:
        f.append(Table(
            [(_("Medicine"), 2.0), (_("Scheduled"), 0.9), (_("On time"), 1.0), (_("Early"), 0.8), (_("Late"), 0.8),
             (_("Skipped"), 0.8), (_("Refused"), 0.8), (_("Vomited"), 0.8), (_("Missed (noted)"), 0.9),
             (_("Missed (nothing logged)"), 1.0), (_("Extra"), 0.6)],
            [[Cell(a.medication, True), str(a.scheduled), _pct(a, a.on_time), _pct(a, a.early), _pct(a, a.late),
              _pct(a, a.skipped), _pct(a, a.refused), _pct(a, a.vomited), _pct(a, a.missed_recorded),
              Cell(_pct(a, a.missed_derived), bold=a.missed_derived > 0), str(a.extra)] for a in sched]))
    prn = [a for a in data.adherence if a.as_needed or not a.scheduled]
    for a in prn:
        if a.given_total:
            f.append(Para(ngettext("{medicine}: given {n} time with no fixed schedule.",
                                   "{medicine}: given {n} times with no fixed schedule.", a.given_total).format(
                medicine=a.medication, n=a.given_total), after_mm=0.6))
    if not sched and not prn:
        if data.pump is not None:
            f.append(Para(_("Baclofen comes from the pump without doses given by hand; see the pump settings "
                            "and the pump events below.")))
        else:
            f.append(Para(_("No doses were scheduled or logged in this period.")))
    return f


def longest_gaps(data: ReportData) -> list[Flow]:
    """The gaps between given doses clearly longer than the schedule allows (see _gaps_to_show)."""
    gaps = [(a, g) for a in _scheduled(data) for g in _gaps_to_show(a)]
    if not gaps:
        return []
    return [Heading(_("Longest times between given doses"), 2),
            Table([(_("Medicine"), 2), (_("Last dose before the gap"), 1.6), (_("Next dose"), 1.6), (_("Gap"), 1.2),
                   (_("Schedule's longest interval"), 1.2)],
                  [[a.medication, _fmt_at(data, g.start),
                    _("none yet (gap still open at the end of the period)") if g.open else _fmt_at(data, g.end),
                    Cell(_hours(g.hours), bold=g.expected_hours is not None and g.hours > g.expected_hours + 4),
                    _hours(g.expected_hours) if g.expected_hours else ""] for a, g in gaps])]


def doses_by_day(data: ReportData) -> list[Flow]:
    """A chart of doses scheduled and given for each medicine that had any, then how the doses
    are counted (under the doses' section, after its charts)."""
    start, end = _period(data)
    f: list[Flow] = [ChartFlow(52, doses_chart(d, start, end)) for d in data.charts.daily_doses
                     if any(d.scheduled) or any(d.given)]
    if _scheduled(data):
        f.append(Para(_("How these are counted: {definitions}").format(definitions=" ".join(data.definitions)),
                      "small", after_mm=1.0))
    return f


def timeline(data: ReportData) -> list[Flow]:
    """The timeline chart of dose changes, gaps, severe symptoms, fevers and pump events, and its table."""
    f: list[Flow] = [Heading(_("What happened around the gaps and changes"))]
    if not data.timeline:
        return [*f, Para(_("No dose changes, long gaps, severe symptoms, fevers or pump problems in this period."))]
    start, end = _period(data)
    f.append(ChartFlow(62, timeline_chart(data.timeline, start, end)))
    f.append(Table([(_("When"), 1.3), (_("Kind"), 1.1), (_("What"), 6)],
                   [[_fmt_at(data, e.at), Cell(level_word(TIMELINE_WORDS, e.level) or _word(e.kind),
                                               bold=e.level in ("red-flag", "urgent", "gap")), e.text]
                    for e in data.timeline]))
    return f


def safety_alerts(data: ReportData) -> list[Flow]:
    """The alerts raised in the period with their evidence and acknowledgements, or why there are none."""
    f: list[Flow] = [Heading(_("Safety alerts raised in this period"))]
    if not data.alerts_checked:
        return [*f, Para(_("The safety checks could not be run again for this period when this report was made, so "
                           "this section is empty. The gaps, missed doses and symptoms above are complete."))]
    if not data.alerts:
        return [*f, Para(_("No safety alerts were raised in this period."))]
    rows: list[list[str | Cell]] = []
    for al in data.alerts:
        ev = "\n".join("– " + e for e in al.evidence)
        acks = "\n".join(_acknowledged(data, k) for k in al.acknowledgements) or _("not acknowledged")
        what = al.title + (f" ({al.medication})" if al.medication and al.medication not in al.title else "")
        rows.append([_fmt_at(data, al.since),
                     Cell(_word(SEVERITY_WORDS.get(al.severity.value, al.severity.value)), True), what, ev, acks])
    f.append(Para(_("Found by running the safety checks again as of the end of every day of the period and at "
                    "the moments a dose became missed or a gap grew long; each situation is listed once, at its "
                    "most severe."), "small"))
    f.append(Table([(_("Since"), 1.2), (_("Severity"), 1.0), (_("Alert"), 2.4), (_("Evidence"), 3.2),
                    (_("Acknowledged"), 1.4)], rows))
    return f


def symptoms(data: ReportData) -> list[Flow]:
    """Each symptom's count, worst severity and triage tier, and a chart of the severities (the
    seven most logged symptoms, the rest as one series)."""
    f: list[Flow] = [Heading(_("Symptoms"))]
    if not data.symptom_counts:
        return [*f, Para(_("No symptoms were logged in this period."))]
    f.append(Table([(_("Symptom"), 2), (_("Times logged"), 1), (_("Worst severity (0-10)"), 1.2), (_("Triage"), 1.2)],
                   [[s.symptom, str(s.count), "" if s.worst is None else str(s.worst),
                     Cell(level_word(TIER_WORDS, s.tier), bold=s.tier == "red-flag")]
                    for s in data.symptom_counts]))
    series = data.charts.symptom_severity
    if series:
        start, end = _period(data)
        shown = series[:7]
        rest = [q for s in series[7:] for q in s.points]
        pairs: list[tuple[str, Sequence[Point]]] = [(s.label, s.points) for s in shown]
        if rest:
            pairs.append((_("other symptoms"), rest))
        f.append(ChartFlow(58, points_chart(_("Symptom severity (0-10)"), pairs, start, end, 0, 10,
                                            [0, 2, 4, 6, 8, 10], lines=False)))
    return f


def spasms_pain_temperature(data: ReportData) -> list[Flow]:
    """A chart for each of the Penn spasm score, pain and temperature logged, and one sentence
    naming those not logged."""
    start, end = _period(data)
    f: list[Flow] = [Heading(_("Spasms, pain and temperature"))]
    if data.charts.penn:
        f.append(ChartFlow(46, points_chart(_("Penn spasm frequency (0 none, 4 more than 10 an hour)"),
                                            [(_("Penn score"), data.charts.penn)], start, end, 0, 4.3,
                                            [0, 1, 2, 3, 4], lines=True)))
    if data.charts.pain:
        f.append(ChartFlow(46, points_chart(_("Pain (0-10)"), [(_("Pain"), data.charts.pain)], start, end, 0, 10,
                                            [0, 2, 4, 6, 8, 10], lines=True)))
    if data.charts.temperature:
        vals = [q.value for q in data.charts.temperature]
        fahrenheit = data.temperature_unit == "F"
        lo = min(93.0 if fahrenheit else 34.0, math.floor(min(vals)))
        hi = max(104.0 if fahrenheit else 40.0, math.ceil(max(vals)))
        step = 2 if fahrenheit else 1
        f.append(ChartFlow(46, points_chart(_("Temperature ({unit})").format(unit=SYMBOL[data.temperature_unit]),
                                            [(_("Temperature"), data.charts.temperature)],
                                            start, end, lo, hi, [float(v) for v in range(int(lo), int(hi) + 1, step)],
                                            lines=True, refs=data.charts.temperature_marks)))
    missing = [key for key, pts in (("spasm", data.charts.penn), ("pain", data.charts.pain),
                                    ("temperature", data.charts.temperature)) if not pts]
    if missing:
        f.append(Para(_(_NOTHING_LOGGED[tuple(missing)]), after_mm=1.0))
    return f


def _vital_text(data: ReportData, kind: str, r: ReadingValue) -> str:
    """"72/min (2026-10-03 08:00)", "120/80 mmHg (...)", "95 % (...)": a value in its stored unit."""
    unit = STORED_UNIT.get(ObservationKind(kind), "")
    value = num(r.value) if r.value2 is None else f"{num(r.value)}/{num(r.value2)}"
    shown = f"{value}{unit}" if unit == "/min" else f"{value} {unit}".strip()
    return f"{shown} ({_fmt_at(data, r.at)})"


def vital_readings(data: ReportData) -> list[Flow]:
    """Pulse, blood pressure, breathing rate and oxygen readings of the period: for each kind
    recorded, how many, the lowest, the highest and the latest, each with when it was taken; left
    out when none was recorded."""
    if not data.vital_readings:
        return []
    f: list[Flow] = [Heading(_("Pulse, blood pressure, breathing and oxygen"))]
    f.append(Table([(_("Reading"), 1.6), (_("Times recorded"), 1), (_("Lowest"), 2), (_("Highest"), 2),
                    (_("Latest"), 2)],
                   [[reading_name(v.kind), str(v.count), _vital_text(data, v.kind, v.lowest),
                     _vital_text(data, v.kind, v.highest), _vital_text(data, v.kind, v.latest)]
                    for v in data.vital_readings]))
    f.append(Para(_("As recorded at home; blood pressure is ordered by its top number."), font="small"))
    return f


def pump_events(data: ReportData) -> list[Flow]:
    """The pump's refills, alarms and checks; left out when there is no pump and none was logged."""
    if data.pump is None and not data.pump_events:
        return []
    f: list[Flow] = [Heading(_("Pump refills, alarms and checks"))]
    if not data.pump_events:
        return [*f, Para(_("No pump refills, alarms or checks were logged in this period."))]
    f.append(Table([(_("When"), 1.3), (_("Event"), 1.2), (_("Details"), 3), (_("Note"), 3)],
                   [[_fmt_at(data, e.at), Cell(_word(e.kind), bold=e.kind in ("alarm", "catheter problem")),
                     e.details, e.note] for e in data.pump_events]))
    return f


def caregiver_notes(data: ReportData) -> list[Flow]:
    """The notes written in the period (those for the doctor are also at the top)."""
    f: list[Flow] = [Heading(_("Caregiver notes"))]
    if not data.notes:
        return [*f, Para(_("No notes in this period."))]
    f.append(Table([(_("When"), 1.2), (_("Note"), 6)], [[_fmt_at(data, n.at), n.text] for n in data.notes]))
    return f


def corrections(data: ReportData) -> list[Flow]:
    """The entries corrected, removed or restored in the period, with the earlier values."""
    f: list[Flow] = [Heading(_("Corrections made in this period"))]
    if not data.corrections:
        return [*f, Para(_("No entries were corrected or removed in this period."))]
    f.append(Para(_("Entries are never overwritten: the journal keeps the earlier value. These entries were "
                    "changed during the period."), "small"))
    f.append(Table([(_("Changed"), 1.3), (_("By"), 0.9), (_("Entry"), 2.2), (_("What changed (earlier -> new)"), 3.2),
                    (_("Reason"), 1.5)],
                   [[_fmt_at(data, x.changed_at), x.changed_by, f"{x.what} ({_word(x.action)})", "\n".join(x.changes),
                     x.reason] for x in data.corrections]))
    return f


def about_this_report(data: ReportData) -> list[Flow]:
    """The not-medical-advice statement again, boxed, with the zone the times are in."""
    return [Heading(_("About this report")),
            Para(_(data.disclaimer) + " " + _("Times are local to {zone}.").format(zone=data.header.timezone), "body",
                 boxed=True, after_mm=1.5)]


# The report's sections in the order they print; a new section is one function above, listed here.
SECTIONS: tuple[Callable[[ReportData], list[Flow]], ...] = (
    title,
    at_a_glance,
    questions_for_the_doctor,
    current_medicines,
    pump_settings,
    dose_changes,
    planned_changes,
    doses_given_and_missed,
    longest_gaps,
    doses_by_day,
    timeline,
    safety_alerts,
    symptoms,
    spasms_pain_temperature,
    vital_readings,
    pump_events,
    caregiver_notes,
    corrections,
    about_this_report,
)


def build_flows(data: ReportData) -> list[Flow]:
    """The whole report as flows for the pages to place: every section of SECTIONS, in order.

    Raises AssertionError when data has no period (period_start_at/period_end_at are None), which
    build_report always sets."""
    _period(data)
    return [flow for section in SECTIONS for flow in section(data)]
