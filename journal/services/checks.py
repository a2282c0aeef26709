"""The safety checks as a use case: read each person's recent history, run the rules, drop what
a caregiver acknowledged (unless it got worse), and check a schedule change or a dose before it is
saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from typing import TypeVar

from journal.domain import (
    Acknowledgement,
    Alert,
    Dose,
    Medication,
    PatientHistory,
    Regimen,
    Severity,
    saved_id,
)
from journal.domain.i18n import _
from journal.rules.ack import raised_or_worse, visible
from journal.rules.common import plan_timing, utc
from journal.rules.engine import LOOKBACK, check_regimen_change, run_checks, sort_alerts
from journal.schedule import plan_medicine
from journal.schedule.stock import baseline_of

from .journal import Journal, Outcome, Settings


def run(journal: Journal, now: datetime, patient_id: int | None = None, *, include_acknowledged: bool = False) -> list[Alert]:
    """Every alert as of `now` for one person or everyone, most severe first, then newest.

    Each person's history is read over LOOKBACK only (bounded, indexed queries), so the time does
    not grow with the size of the journal; everyone's histories and acknowledgements are read
    together (`Journal.histories`), so the statements do not grow with the number of people.
    Raises NotFound for an unknown or removed `patient_id`."""
    if now.tzinfo is None:
        raise ValueError("checks need an aware time")
    settings = journal.get_settings()
    if patient_id is not None:
        histories = {patient_id: journal.history(patient_id, now - LOOKBACK, now)}
        acks = journal.acknowledgements(patient_id) if not include_acknowledged else []
    else:
        ids = [saved_id(p.id) for p in journal.list_patients()]
        histories = journal.histories(ids, now - LOOKBACK, now)
        acks = journal.acknowledgements(None) if not include_acknowledged else []
    alerts: list[Alert] = []
    for history in histories.values():
        alerts += alerts_in(journal, history, now, include_acknowledged=include_acknowledged,
                            settings=settings, acknowledgements=acks)
    return sort_alerts(alerts)


def alerts_in(journal: Journal, history: PatientHistory, now: datetime, *,
              include_acknowledged: bool = False, settings: Settings | None = None,
              acknowledgements: Sequence[Acknowledgement] | None = None) -> list[Alert]:
    """The alerts of one person as of `now` from a history already read, most severe first: the
    rules (rules.engine.run_checks, the one entry point), then what the caregiver acknowledged is
    dropped unless it got worse. `history` must be the window [now - LOOKBACK, now] (a wider read
    cut down with `PatientHistory.narrowed` is the same). Raises what a failing read raises.
    `settings` and `acknowledgements` (this person's, or more) may be passed when already read
    (the checks for everyone read them once)."""
    if history.start != now - LOOKBACK or history.end != now:
        raise ValueError("the checks need the history of [now - LOOKBACK, now]")
    if settings is None:
        settings = journal.get_settings()
    found = run_checks(history, now, emergency_number=settings.emergency_number or "911",
                       temperature_unit=settings.temperature_unit)
    if not include_acknowledged:
        pid = history.patient.id
        acks = journal.acknowledgements(pid) if acknowledgements is None else \
            [a for a in acknowledgements if a.patient_id == pid]
        found = visible(found, acks)
    return sort_alerts(found)


def checks_failed(error: BaseException, now: datetime, patient_id: int | None) -> Alert:
    """The alert that stands in for the checks when they fail after a write: the entry is saved,
    and the failure must never look like "all is well"."""
    return Alert(
        rule="checks-failed", severity=Severity.WARNING, patient="", since=now,
        title=_("The safety checks could not run"),
        message=_("Your entry was saved, but the checks stopped with an error: {problem}").format(problem=error),
        advice=_("Run the checks again from the Alerts view; if it keeps happening, keep a close eye "
                 "yourself and call the doctor with any worry."),
        evidence=[type(error).__name__], reference="when-to-call", patient_id=patient_id,
    )


def history_with_dose(history: PatientHistory, dose: Dose, stock_at: datetime | None = None) -> PatientHistory:
    """`history` as a read of the same window would give it once `dose` (as stored, its id set;
    or a candidate with id None) is in the journal: in `doses` when inside the window, the
    medicine's `last_given`, `first_dose`, the person's `first_entry`, and, for a medicine with
    stock, its `stock_doses` when given after its count and by `stock_at` (the instant the stock
    fields were read for; default the history's end). Nothing is read or written."""
    mid = dose.medication_id
    medication = history.medication(mid)
    doses = history.doses
    if medication is not None and history.start <= dose.at <= history.end:
        doses = sorted([*doses, dose], key=lambda d: utc(d.at))  # stable: after equal times, as stored
    last_given = dict(history.last_given)
    if dose.status.was_given and dose.given is not None:
        previous = last_given.get(mid)
        if previous is None or previous.given is None or utc(previous.given) <= utc(dose.given):
            last_given[mid] = dose
    first_dose = dict(history.first_dose)
    times = [t for t in (dose.given, dose.scheduled) if t is not None]
    if mid in first_dose:
        times.append(first_dose[mid])
    first_dose[mid] = min(times, key=utc)
    first_entry = dose.at if history.first_entry is None else min(history.first_entry, dose.at, key=utc)
    stock_doses = dict(history.stock_doses)
    if (medication is not None and mid in stock_doses and dose.status.was_given and dose.given is not None):
        at = stock_at or history.end
        base = baseline_of(medication.stock, at)
        earlier = history.stock_given.get(mid)
        cut = earlier.until if earlier is not None else (base.at if base is not None else None)
        if cut is not None and utc(cut) < utc(dose.given) <= utc(at):
            slim = Dose(mid, dose.status, given=dose.given, amount=dose.amount, id=dose.id)  # as storage reads it
            stock_doses[mid] = sorted([*stock_doses[mid], slim], key=lambda d: utc(d.at))
    return replace(history, doses=doses, last_given=last_given, first_dose=first_dose, first_entry=first_entry,
                   stock_doses=stock_doses)


T = TypeVar("T")


def write_and_compare(journal: Journal, write: Callable[[], T], patient_id: int | None = None,
                      at: datetime | None = None) -> tuple[T, list[Alert]]:
    """Run one write (`write()`, e.g. a lambda calling journal.log_symptom) and return its result
    with the alerts it raised or made worse, most severe first: the alerts open before it are
    not repeated unless they got worse (rules.ack.raised_or_worse). `patient_id` None compares
    everyone (an import). `at`: the moment an entry back-filled for an earlier time is about; the
    checks are compared as of then too (a dose logged for 08:20, 19 minutes after another, is a
    double dose even if that was days ago). When the checks cannot run before the write, every
    alert after it is returned: better repeated than missed."""
    then = _earlier_instant(journal, at)
    try:
        before = journal.check(patient_id=patient_id)
        before_then = journal.check(then, patient_id=patient_id) if then is not None else []
    except Exception:  # noqa: BLE001 - see docstring; the write itself still decides success
        before, before_then = [], []
    result = write()
    # A write's Outcome carries the alerts it left; an import's summary carries none.
    after = result.alerts if isinstance(result, Outcome) else journal.alerts_after_write(patient_id)
    raised = raised_or_worse(before, after)
    if then is not None:
        seen = {(a.rule, a.patient_id, a.medication_id) for a in raised}
        raised += [a for a in raised_or_worse(before_then, journal.check(then, patient_id=patient_id))
                   if (a.rule, a.patient_id, a.medication_id) not in seen]
    return result, sort_alerts(raised)


def _earlier_instant(journal: Journal, at: datetime | None) -> datetime | None:
    """Just after `at`, when it lies more than a minute before now (a back-filled entry), else None."""
    if at is None:
        return None
    now = journal.now()
    return at + timedelta(seconds=1) if utc(at) < utc(now) - timedelta(minutes=1) else None


def preview_regimen_change(journal: Journal, medication_id: int, new_regimens: Sequence[Regimen],
                           now: datetime) -> list[Alert]:
    """What saving `new_regimens` for this medication would raise that the current plan does not
    (e.g. "schedule goes from 60 mg a day to none overnight"), so the window can ask first."""
    medication = journal.get_medication(medication_id)
    patient = journal.get_patient(saved_id(medication.patient_id))
    others = journal.list_medications(saved_id(patient.id))
    return check_regimen_change(patient, medication, list(new_regimens), now, tz=journal.tz,
                                other_medications=others,
                                emergency_number=journal.get_settings().emergency_number or "911")


# --- warn before saving a dose -------------------------------------------------------------------

# The rules about how much was given and when: a dose that would raise (or worsen) one of these is
# asked about before it is saved. Picked by rule id, so a rule added under one of these ids is
# picked up without changing this module. (liquid-concentration is left to after saving: it also
# flags a deliberate half dose; a five-fold liquid dose is over-prescribed, asked about here.)
DOSE_RULES: frozenset[str] = frozenset({
    "double-dose", "as-needed-too-soon", "as-needed-over-limit", "over-max-dose", "over-max-daily",
    "over-prescribed",
})


@dataclass(frozen=True)
class DosePreview:
    """What logging a dose would do, worked out without writing anything.

    `dose`: the entry as it would be stored (times filled in, amount normalised). `alerts`: the
    alerts of DOSE_RULES it would raise or make worse (new, more severe, or with new evidence), most
    severe first; empty when it raises none. `slot`: the planned dose it counts for (an aware
    datetime), or None when it answers no planned dose (an extra or an as-needed dose)."""

    dose: Dose
    medication: Medication
    alerts: list[Alert]
    slot: datetime | None

    def counted_for(self, tz: tzinfo) -> str:
        """'counted for the 14:00 planned dose' (with the date when it is not the dose's own day),
        'an as-needed dose', or 'not a planned dose: counted as an extra dose'."""
        if self.slot is not None:
            slot = self.slot.astimezone(tz)
            if slot.date() == self.dose.at.astimezone(tz).date():
                return _("counted for the {slot} planned dose").format(slot=slot.strftime("%H:%M"))
            return _("counted for the {slot} planned dose of {day}").format(slot=slot.strftime("%H:%M"),
                                                                            day=slot.date().isoformat())
        if self.medication.as_needed:
            return _("an as-needed dose (no planned time)")
        return _("not a planned dose: counted as an extra dose")


def preview_dose(journal: Journal, patient_id: int, dose: Dose, now: datetime | None = None, *,
                 history: PatientHistory | None = None) -> DosePreview:
    """Run the checks with `dose` added in memory (nothing is written) and compare with the alerts
    now: what would this dose raise? Raises ValidationError exactly as saving it would.

    Acknowledgements are ignored on both sides, so an alert a caregiver acknowledged earlier does
    not hide a new double dose. A dose entered a little ahead of the clock (the journal allows up
    to a day) is judged as of its own time, when the checks will see it. `history`: this person's
    history already read (with its stock as of now), used for every window it covers instead of
    reading again (the window's "Given now" reads once for the look-ahead, the save and the views)."""
    prepared = journal.prepare_dose(patient_id, dose)
    now = max(now or journal.now(), prepared.at, key=utc)
    medication = next((m for m in history.medications if m.id == prepared.medication_id), None) \
        if history is not None else None
    medication = medication or journal.get_medication(prepared.medication_id)
    number = journal.get_settings().emergency_number or "911"

    def read(start: datetime, end: datetime) -> PatientHistory:
        if history is not None and history.covers(start, end):
            return history.narrowed(start, end)
        return journal.history(patient_id, start, end)

    # Only the dose rules: the alerts of the others are not asked about (DOSE_RULES), and a dose
    # rule gives the same alerts run alone as in a full run (rules.engine.INDEPENDENT). The runs
    # share what depends on the medicines alone (`shared`: the slots their schedules plan): every
    # history below has the same medication objects, only the doses differ.
    shared: dict[tuple[object, ...], object] = {}
    current = read(now - LOOKBACK, now)
    before = run_checks(current, now, emergency_number=number, only=DOSE_RULES, shared=shared)
    candidate = replace(prepared, id=None)
    with_dose = history_with_dose(current, candidate)
    after = run_checks(with_dose, now, emergency_number=number, only=DOSE_RULES, shared=shared)
    found = _new_or_worse(before, after, DOSE_RULES)
    then = _earlier_instant(journal, prepared.at)
    if then is not None:
        # Back-filled for an earlier time: judged as of then too (a double dose days ago is one).
        past = read(then - LOOKBACK, then)
        past_with = history_with_dose(past, candidate)
        seen = {(a.rule, a.medication_id) for a in found}
        found += [a for a in _new_or_worse(
            run_checks(past, then, emergency_number=number, only=DOSE_RULES, shared=shared),
            run_checks(past_with, then, emergency_number=number, only=DOSE_RULES, shared=shared), DOSE_RULES)
                  if (a.rule, a.medication_id) not in seen]
    return DosePreview(candidate, medication, found, _slot_of(with_dose, medication, candidate, now))


def _new_or_worse(before: Sequence[Alert], after: Sequence[Alert], rules: frozenset[str]) -> list[Alert]:
    """The alerts of `rules` in `after` that are new or worse than in `before`: the one answer
    (rules.ack.raised_or_worse) that the write commands and acknowledgements use too."""
    return sort_alerts([a for a in raised_or_worse(before, after) if a.rule in rules])


def _slot_of(history: PatientHistory, medication: Medication, dose: Dose, now: datetime) -> datetime | None:
    """The planned dose `dose` answers, by the one plan (journal.schedule.plan) with the same
    matching window as Today and the checks, looking as far ahead as the dose itself (a dose given
    a little before its planned time answers that time)."""
    if medication.as_needed:
        return None
    at = dose.at
    as_of = max(utc(now), utc(at)) + timedelta(seconds=1)
    plan = plan_medicine(medication, history.tz, at - timedelta(hours=12), at + timedelta(hours=12),
                         history.doses, as_of, plan_timing(medication))
    return next((state.slot.at for state in plan.slots if any(d is dose for d in state.doses)), None)
