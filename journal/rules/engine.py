"""Runs every safety rule over one person's recent history and orders the alerts.

Order of evaluation matters for de-duplication (documented, tested):
- abrupt-stop runs before missed-dose: the planned doses inside a gap that abrupt-stop reports are
  listed in its evidence, so missed-dose only keeps missed doses from before that gap (they add
  information: an earlier miss, then a dose, then the gap).
- withdrawal-signs, toxicity-signs and paradoxical-worsening run before red-flag-symptom and
  abnormal-vital: a symptom or reading they explain is not repeated there at the same or a lower
  severity (it is repeated when the catalog puts it higher, e.g. a seizure).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from journal.domain import Alert, Medication, Patient, PatientHistory, Regimen, Severity
from journal.domain.i18n import _
from journal.knowledge import DrugLibrary, default_library

from . import (
    abnormal_vital,
    abrupt_stop,
    age_caution,
    as_needed_over_limit,
    as_needed_too_soon,
    close_planned_doses,
    cns_depressant,
    double_dose,
    fast_taper,
    fast_titration,
    liquid_concentration,
    missed_dose,
    over_max_daily,
    over_max_dose,
    over_prescribed,
    paradoxical_worsening,
    pump_alarm,
    pump_refill_due,
    pump_refill_overdue,
    red_flag_symptom,
    renal_caution,
    stock_low,
    toxicity_signs,
    withdrawal_signs,
)
from .common import CheckContext, utc

log = logging.getLogger(__name__)

# How much history the rules read: symptoms up to 72 h old, linked to events up to 72 h before
# them, plus a margin. Regimens are always complete and the last dose is passed separately.
LOOKBACK = timedelta(days=8)


class Rule(Protocol):
    RULE: str

    def check(self, history: PatientHistory, library: DrugLibrary, now: datetime,
              ctx: CheckContext) -> list[Alert]: ...


RULES: tuple[Rule, ...] = (
    abrupt_stop, missed_dose, fast_taper, fast_titration, over_max_daily, over_max_dose, double_dose,
    over_prescribed, withdrawal_signs, toxicity_signs, paradoxical_worsening, red_flag_symptom,
    abnormal_vital, cns_depressant, renal_caution, age_caution, liquid_concentration, pump_refill_due,
    pump_refill_overdue, pump_alarm, as_needed_too_soon, as_needed_over_limit, stock_low, close_planned_doses,
)
RULE_IDS: tuple[str, ...] = tuple(r.RULE for r in RULES)
# The rules whose alerts do not depend on another rule having run first: all but the ones that read
# what an earlier rule left in the context (missed-dose reads abrupt-stop's gap; red-flag-symptom and
# abnormal-vital read what the escalation rules explained). `run_checks(only=...)` runs these alone.
INDEPENDENT: frozenset[str] = frozenset(RULE_IDS) - {"missed-dose", "red-flag-symptom", "abnormal-vital"}
SCHEDULE_RULES: tuple[Rule, ...] = (
    fast_taper, fast_titration, over_max_daily, over_max_dose, renal_caution, age_caution, close_planned_doses,
)


def sort_alerts(alerts: Sequence[Alert]) -> list[Alert]:
    """Most severe first, then newest first."""
    return sorted(alerts, key=lambda a: (-a.severity.rank, -utc(a.since).timestamp(), a.rule))


def _run(rules: Sequence[Rule], ctx: CheckContext) -> list[Alert]:
    alerts: list[Alert] = []
    for rule in rules:
        try:
            alerts += rule.check(ctx.history, ctx.library, ctx.now, ctx)
        except Exception:  # one broken rule must not silence all the others
            log.exception("safety check %s failed", rule.RULE)
            alerts.append(ctx.alert(
                rule.RULE, Severity.WARNING, ctx.now, _("The '{rule}' check could not run").format(rule=rule.RULE),
                _("One of the journal's safety checks failed on this record, so a problem it looks for could "
                  "be missed. The other checks ran."),
                ctx.advice(Severity.WARNING, _("Look over the recent entries yourself, and report this problem.")),
                [_("check failed at {when}").format(when=ctx.fmt(ctx.now))], reference="about"))
    return alerts


def run_checks(history: PatientHistory, now: datetime, *, emergency_number: str = "911",
               library: DrugLibrary | None = None, before_journal: bool = True,
               temperature_unit: str = "C", shared: dict[tuple[object, ...], object] | None = None,
               only: Collection[str] | None = None) -> list[Alert]:
    """Every alert for one person as of `now`, most severe first, then newest.

    `before_journal`: also ask about the planned doses of the day before the journal began (the
    live checks do; the report, which counts nothing before the journal began, does not).
    `temperature_unit` ("C" or "F", Settings) is how measured temperatures are written.
    `shared`: a dict kept by the caller across runs on slices of one history (the same medication
    objects), where the checks keep what does not depend on the instant (CheckContext.lasting).
    `only`: run just the rules with these ids (the look-ahead before saving a dose wants the dose
    rules alone, services.checks.DOSE_RULES); each gives the alerts it gives in a full run as long
    as it reads nothing another rule leaves in the context (`INDEPENDENT`; a test keeps that so)."""
    if now.tzinfo is None:
        raise ValueError("run_checks needs an aware datetime")
    ctx = CheckContext(history, now, library or default_library(), emergency_number,
                       before_journal=before_journal, temperature_unit=temperature_unit, shared=shared)
    rules = RULES
    if only is not None:
        unknown = set(only) - INDEPENDENT
        if unknown:
            raise ValueError(f"these rules depend on others run before them: {sorted(unknown)}")
        rules = tuple(r for r in RULES if r.RULE in only)
    return sort_alerts(_run(rules, ctx))


def check_regimen_change(patient: Patient, medication: Medication, new_regimens: list[Regimen], now: datetime,
                         *, tz: tzinfo | None = None, other_medications: Sequence[Medication] = (),
                         emergency_number: str = "911", library: DrugLibrary | None = None) -> list[Alert]:
    """What a schedule change would raise, before it is saved (e.g. "60 mg a day to none overnight").

    Returns the schedule alerts of the new plan that the current plan does not already have."""
    zone: tzinfo = tz or (now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else ZoneInfo("UTC"))
    lib = library or default_library()
    others = [m for m in other_medications if m.id is None or m.id != medication.id]

    def alerts_for(med: Medication) -> list[Alert]:
        h = PatientHistory(patient=patient, tz=zone, start=now - LOOKBACK, end=now, medications=[med, *others])
        ctx = CheckContext(h, now, lib, emergency_number, whole_plan=True)
        # This medicine's alerts, and drug-wide ones (a total over several products names none).
        return [a for a in _run(SCHEDULE_RULES, ctx)
                if a.medication is None or (a.medication_id == med.id and a.medication == med.name)]

    before = {(a.rule, a.severity, a.title) for a in alerts_for(medication)}
    proposed = replace(medication, regimens=sorted(new_regimens, key=lambda r: r.start))
    return sort_alerts([a for a in alerts_for(proposed) if (a.rule, a.severity, a.title) not in before])


__all__ = ["INDEPENDENT", "LOOKBACK", "RULE_IDS", "RULES", "check_regimen_change", "run_checks", "sort_alerts", "UTC"]
