"""Plausibility checks for what a caregiver or a file enters, and the machine's time zone.

Shared by the journal service (`journal.py`) and import/export (`exchange.py`) so that neither
imports the other. Every check raises `ValidationError(field, message)` naming the field (a JSON
pointer fragment when `prefix` is given) and returns nothing when the value is plausible.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from journal.domain import (
    ASHWORTH_GRADES,
    SYMPTOM_CODES,
    Form,
    Medication,
    Observation,
    ObservationKind,
    PumpEvent,
    Quantity,
    QuantityError,
    Regimen,
    Route,
    StockEvent,
    StockKind,
    SymptomEntry,
    normalise,
)
from journal.domain.dose_limits import single_dose_problem, strength_problem
from journal.domain.zones import valid_zone_name
from journal.knowledge import RESOURCES as RESOURCES  # where exchange and journal find their files
from journal.knowledge import KnowledgeError, default_catalog

from .errors import ValidationError
from .timezones import machine_zone_name

FUTURE_TOLERANCE = timedelta(days=1)
TEMPERATURE_RANGE_C = (25.0, 45.0)

# Loose but finite bounds for measured values: refuse typing slips, never a real reading.
OBSERVATION_RANGES: dict[ObservationKind, tuple[float, float]] = {
    ObservationKind.TEMPERATURE: TEMPERATURE_RANGE_C,
    ObservationKind.HEART_RATE: (0, 350),
    ObservationKind.RESPIRATORY_RATE: (0, 150),
    ObservationKind.BLOOD_PRESSURE: (0, 350),
    ObservationKind.OXYGEN_SATURATION: (0, 100),
    ObservationKind.PENN_SPASM_FREQUENCY: (0, 4),
    ObservationKind.PAIN_NRS: (0, 10),
    ObservationKind.WEIGHT: (0, 500),
}


def local_timezone_name() -> str:
    """The machine's IANA zone name (tzlocal, which knows Windows, macOS and Linux), or UTC when it
    cannot be told (services.timezones.machine_zone_name)."""
    return machine_zone_name()


def valid_timezone(name: str) -> bool:
    return valid_zone_name(name)


def symptom_codes() -> frozenset[str]:
    """The codes a symptom may have: the exchange format's, plus any the symptom catalog adds."""
    try:
        return frozenset(SYMPTOM_CODES) | frozenset(default_catalog().symptoms)
    except KnowledgeError:  # a damaged catalog must not stop logging: the exchange codes still hold
        return frozenset(SYMPTOM_CODES)


def _finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_amount(amount: Quantity, normalised: Quantity | None, field_name: str = "amount",
                 form: Form | None = None, given: bool = False) -> None:
    """Refuse an amount that cannot be one dose of a medicine of `form` (limits by unit and form,
    journal.domain.dose_limits), or a given dose of nothing."""
    problem = single_dose_problem(amount, normalised, form, given)
    if problem is not None:
        raise ValidationError(field_name, problem)


def normalise_amount(amount: Quantity, strength: Quantity | None, field_name: str = "amount",
                     form: Form | None = None, given: bool = False) -> Quantity:
    """`amount` as mg or mcg, checked as one dose of a medicine of `form` (see check_amount)."""
    try:
        normalised = normalise(amount, strength)
    except QuantityError as e:
        raise ValidationError(field_name, str(e)) from None
    check_amount(amount, normalised, field_name, form, given)
    return normalised


def check_not_future(at: datetime | None, now: datetime, field_name: str) -> None:
    if at is not None and at > now + FUTURE_TOLERANCE:
        raise ValidationError(field_name, f"{at.isoformat()} is more than a day in the future")


def check_aware(at: datetime | None, field_name: str) -> None:
    if at is not None and (not isinstance(at, datetime) or at.tzinfo is None):
        raise ValidationError(field_name, "a time needs its time zone")
    if at is not None:
        check_plausible_time(at, field_name)


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def check_plausible_time(at: datetime, field_name: str) -> None:
    """Years far outside a lifetime are typing slips (and would not survive time zone arithmetic)."""
    try:
        year = at.astimezone(UTC).year
    except OverflowError:
        year = at.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(field_name, f"{at.isoformat()} is not a plausible time (years {EARLIEST_YEAR}-{LATEST_YEAR})")


def check_symptom(entry: SymptomEntry, codes: frozenset[str] | None = None, prefix: str = "") -> None:
    check_aware(entry.at, prefix + "at")
    if entry.symptom not in (codes if codes is not None else symptom_codes()):
        raise ValidationError(prefix + "symptom", f'"{entry.symptom}" is not a known symptom code')
    sev = entry.severity
    if sev is not None and (not isinstance(sev, int) or isinstance(sev, bool) or not 0 <= sev <= 10):
        raise ValidationError(prefix + "severity", f"{sev!r} is not a whole number from 0 to 10")
    dur = entry.duration_minutes
    if dur is not None and (not isinstance(dur, int) or isinstance(dur, bool) or dur < 0):
        raise ValidationError(prefix + "duration_minutes", f"{dur!r} is not a number of minutes")


def check_observation(obs: Observation, prefix: str = "") -> None:
    check_aware(obs.at, prefix + "at")
    kind = ObservationKind(obs.kind)
    if kind is ObservationKind.MODIFIED_ASHWORTH:
        if not isinstance(obs.value, str) or obs.value not in ASHWORTH_GRADES:
            raise ValidationError(
                prefix + "value", f"{obs.value!r} is not a modified Ashworth grade ({', '.join(ASHWORTH_GRADES)})"
            )
    else:
        if not _finite_number(obs.value):
            raise ValidationError(prefix + "value", f"{obs.value!r} is not a number")
        low, high = OBSERVATION_RANGES[kind]
        if not low <= float(obs.value) <= high:  # type: ignore[arg-type]
            raise ValidationError(prefix + "value", f"{obs.value:g} is outside {low:g}-{high:g} for {kind.value}")
    if obs.value2 is not None:
        if not _finite_number(obs.value2) or obs.value2 < 0:
            raise ValidationError(prefix + "value2", f"{obs.value2!r} is not a plausible number")
        if kind is ObservationKind.BLOOD_PRESSURE and obs.value2 > 350:
            raise ValidationError(prefix + "value2", f"{obs.value2:g} is outside 0-350 for blood-pressure")


def check_pump_event(event: PumpEvent, prefix: str = "") -> None:
    check_aware(event.at, prefix + "at")
    for name in ("volume_ml", "concentration_mcg_per_ml", "daily_dose_mcg", "reservoir_ml", "low_alarm_ml"):
        value = getattr(event, name)
        if value is not None and (not _finite_number(value) or value < 0):
            raise ValidationError(prefix + name, f"{value!r} is not a plausible amount")


def check_regimen(reg: Regimen, med: Medication, prefix: str = "") -> None:
    if reg.end is not None and reg.end < reg.start:
        raise ValidationError(prefix + "end", f"ends ({reg.end}) before it starts ({reg.start})")
    if not isinstance(reg.every_days, int) or reg.every_days < 1:
        raise ValidationError(prefix + "every_days", f"{reg.every_days!r} is not a whole number of days (1 or more)")
    if med.form is Form.PUMP or med.route is Route.INTRATHECAL:
        if not reg.dose.unit.is_mass:
            raise ValidationError(prefix + "dose", f"a pump's daily dose is a mass (mcg), not {reg.dose.unit.value}")
        return
    # A planned dose is a dose that will be given: nothing is not one (a stop ends the schedule).
    normalise_amount(reg.dose, med.strength, prefix + "dose", med.form, given=True)


def check_strength(strength: Quantity | None, value_field: str, per_field: str) -> None:
    """A strength of nothing, or per nothing, cannot turn an amount into mg."""
    if strength is None:
        return
    if strength.value <= 0:
        raise ValidationError(value_field, f"a strength of {strength} is not possible; it must be more than 0")
    problem = strength_problem(strength)
    if problem is not None:  # e.g. 5e-324 mg a tablet: every dose would count as nothing
        raise ValidationError(value_field, problem)
    if strength.per is not None and strength.per.value <= 0:
        raise ValidationError(per_field, f"a strength per {strength.per} is not possible; it must be per more than 0")


def check_medication(med: Medication, prefix: str = "") -> None:
    from .drug_names import check_drug_name

    if not med.name.strip():
        raise ValidationError(prefix + "name", "a medicine needs a name")
    check_drug_name(med.drug, prefix + "drug")
    if prefix:
        check_strength(med.strength, prefix + "strength/value", prefix + "strength/per/value")
    else:
        check_strength(med.strength, "strength", "strength")
    check_limits(med, prefix)
    for i, reg in enumerate(med.regimens):
        check_regimen(reg, med, f"{prefix}regimens/{i}/" if prefix else "regimen.")


# A prescriber's as-needed interval or daily count beyond these is a typing slip (judgement: no
# as-needed medicine is given more often than every 30 minutes, or is spaced more than 3 days).
MAX_DOSES_PER_DAY = 48
MIN_INTERVAL_HOURS_RANGE = (0.5, 72.0)
# Largest plausible amount in one stock event, per unit (judgement: a few months of a large
# household supply; a typed extra zero is refused, a real pharmacy pack never is).
MAX_STOCK_AMOUNT: dict[str, float] = {
    "tablet": 5000, "sachet": 5000, "mL": 50_000, "g": 50_000, "mg": 5_000_000, "mcg": 5_000_000_000,
}


def _positive_amount(q: Quantity, strength: Quantity | None, field_name: str) -> None:
    """A daily amount: more than zero, and convertible into mg with the strength."""
    if q.value <= 0:
        raise ValidationError(field_name, f"{q} is not an amount; it must be more than 0")
    try:
        normalise(q, strength)
    except QuantityError as e:
        raise ValidationError(field_name, str(e)) from None


def check_limits(med: Medication, prefix: str = "") -> None:
    """The daily ceiling and the as-needed limits: plausible, and in units the doses convert to.

    Field names (after `prefix`): `max_daily`, `as_needed_limits/max_doses_per_day`,
    `as_needed_limits/min_interval_hours`, `as_needed_limits/max_amount_per_day`."""
    if med.max_daily is not None:
        _positive_amount(med.max_daily, med.strength, prefix + "max_daily")
    limits = med.as_needed_limits
    if limits is None:
        return
    where = prefix + "as_needed_limits/"
    n = limits.max_doses_per_day
    if n is not None and (not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_DOSES_PER_DAY):
        raise ValidationError(where + "max_doses_per_day", f"{n!r} is not a whole number of doses from 1 to {MAX_DOSES_PER_DAY}")
    h = limits.min_interval_hours
    low, high = MIN_INTERVAL_HOURS_RANGE
    if h is not None and (not _finite_number(h) or not low <= h <= high):
        raise ValidationError(where + "min_interval_hours", f"{h!r} is not a number of hours from {low:g} to {high:g}")
    if limits.max_amount_per_day is not None:
        _positive_amount(limits.max_amount_per_day, med.strength, where + "max_amount_per_day")


def check_stock_event(event: StockEvent, med: Medication, prefix: str = "") -> None:
    """A stock event: a known kind, a time with its zone, a plausible amount (a count may be 0;
    what is received or discarded is more than 0) that converts into the unit the medicine's
    stock is counted in. Field names after `prefix`: `kind`, `at`, `amount`."""
    try:
        kind = StockKind(event.kind)
    except ValueError:
        raise ValidationError(prefix + "kind", f"{event.kind!r} is not one of: counted, received, discarded") from None
    check_aware(event.at, prefix + "at")
    amount = event.amount
    if not isinstance(amount, Quantity):
        raise ValidationError(prefix + "amount", "say how much, for example 60 tablets or 150 mL")
    if kind is not StockKind.COUNTED and amount.value <= 0:
        raise ValidationError(prefix + "amount", f"{amount} {kind.value} is nothing; it must be more than 0")
    cap = MAX_STOCK_AMOUNT.get(amount.unit.value)
    if cap is not None and amount.value > cap:
        raise ValidationError(prefix + "amount", f"{amount} is more than any pharmacy supply; please check the amount")
    from journal.schedule.stock import StockUnknown, baseline_of, in_stock_unit

    base = baseline_of([e for e in med.stock if e.id is None or e.id != event.id], event.at)
    if base is not None and kind is not StockKind.COUNTED:
        try:
            in_stock_unit(amount, base.amount.unit, med.strength)
        except StockUnknown as e:
            raise ValidationError(prefix + "amount", f"{e} (the stock is counted in {base.amount.unit.value})") from None
