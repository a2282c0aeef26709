"""Plausibility checks for what a caregiver or a file enters, and the machine's time zone.

Shared by the journal service (`journal.py`) and import/export (`exchange.py`) so that neither
imports the other. Every check raises `ValidationError(field, message)` naming the field (a JSON
pointer fragment when `prefix` is given) and returns nothing when the value is plausible.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

from journal.domain import (
    ASHWORTH_GRADES,
    SYMPTOM_CODES,
    Form,
    Medication,
    Observation,
    ObservationKind,
    Patient,
    PumpEvent,
    Quantity,
    QuantityError,
    Regimen,
    RenalImpairment,
    Route,
    StockEvent,
    StockKind,
    SymptomEntry,
    normalise,
)
from journal.domain.dose_limits import single_dose_problem, strength_problem
from journal.domain.i18n import _
from journal.domain.shown import num, reading_code_name, stock_kind_name, unit_name
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


# A lone UTF-16 surrogate (U+D800-U+DFFF) is not a character: it cannot be written to the file, or
# to a terminal, so text holding one is refused where it enters.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(value: object, field_name: str) -> None:
    """Refuse text that is not storable Unicode (a lone surrogate such as "\\ud800"). Other
    values pass (their own checks look at them). Raises ValidationError(field_name, ...)."""
    if isinstance(value, str) and _SURROGATE.search(value):
        raise ValidationError(field_name, _("holds a broken character (a lone UTF-16 surrogate); retype the text"))


def too_long_words(length: int, limit: int) -> str:
    """"10000 characters is too long; at most 200 fit", in the language in use."""
    return _("{length} characters is too long; at most {limit} fit").format(length=length, limit=limit)


def check_texts(record: DataclassInstance, prefix: str = "") -> None:
    """`check_text` on every text field of a domain record (and each text in a list field), naming
    the field after `prefix` (`name`, `conditions/2`, ...); then `check_lengths`."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str):
            check_text(value, prefix + f.name)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                check_text(item, f"{prefix}{f.name}/{i}")
    check_lengths(record, prefix)


def check_lengths(record: object, prefix: str = "") -> None:
    """Refuse a text field longer than the journal keeps for it (storage's column sizes), naming
    the field after `prefix`, before any write. Cheap: only the few sized fields are looked at."""
    from journal.storage.repository import text_limits_of

    for name, limit in text_limits_of(record).items():
        value = getattr(record, name, None)
        if isinstance(value, str) and len(value) > limit:
            raise ValidationError(prefix + name, too_long_words(len(value), limit))


def check_document_text(node: object, where: str = "") -> None:
    """`check_text` on every key and text of a decoded JSON document, naming its JSON pointer."""
    if isinstance(node, dict):
        for key, value in node.items():
            check_text(key, where or "/")
            check_document_text(value, f"{where}/{_pointer_part(key)}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            check_document_text(value, f"{where}/{i}")
    else:
        check_text(node, where or "/")


def _pointer_part(key: object) -> str:
    text = str(key).replace("~", "~0").replace("/", "~1")
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def name_key(name: str) -> str:
    """The form two names are compared in: Unicode NFC, case folded, runs of spaces (of any kind)
    made one, ends trimmed. "Robin  Shaw", "robin shaw" and a decomposed "Robín" match their
    composed, single-spaced forms, so one person or medicine never splits into look-alikes."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join(folded.split())


def clean_name(name: str) -> str:
    """A name as it is stored: NFC, ends trimmed, inner runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def check_output_path(path: str | os.PathLike[str], field_name: str) -> None:
    """An output (export, report, backup) may replace a plain file, never a link (it would write
    through to wherever the link points), a device (as root, /dev/null itself would be replaced by a
    file) or a pipe (the write would wait forever for a reader). A folder, or a link to one, passes.
    ValidationError naming the field."""
    if os.path.isdir(path):  # a folder (a link to one too): the caller writes a new file inside it
        return
    if os.path.islink(path) or (os.path.exists(path) and not os.path.isfile(path)):
        raise ValidationError(field_name, _("{path} is a link, a pipe or a device, not a plain file; it was not "
                                                "touched. Choose another file name").format(path=path))


def _finite_number(value: object) -> bool:
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
        raise ValidationError(field_name, _("{when} is more than a day in the future").format(when=at.isoformat()))


def check_aware(at: datetime | None, field_name: str) -> None:
    if at is not None and (not isinstance(at, datetime) or at.tzinfo is None):
        raise ValidationError(field_name, _("a time needs its time zone"))
    if at is not None:
        check_plausible_time(at, field_name)


EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
# Judgement: the longest gap between doses of a scheduled medicine is about a quarter (3-monthly
# injections); a larger every_days plans no doses at all, which would switch the missed-dose and
# abrupt-stop checks off.
MAX_EVERY_DAYS = 92
MAX_DURATION_MINUTES = 366 * 24 * 60  # a symptom noticed for a year is logged as ongoing, not as one spell


def check_plausible_time(at: datetime, field_name: str) -> None:
    """Years far outside a lifetime are typing slips (and would not survive time zone arithmetic)."""
    try:
        year = at.astimezone(UTC).year
    except OverflowError:
        year = at.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(field_name, _("{when} is not a plausible time (years {first}-{last})").format(
            when=at.isoformat(), first=EARLIEST_YEAR, last=LATEST_YEAR))


def check_plausible_day(day: date | None, field_name: str) -> None:
    """A calendar day within the same years as `check_plausible_time` (a regimen ending 9999-12-31
    or starting 0001-01-01 is a typing slip, and would overflow the plan's arithmetic)."""
    if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValidationError(field_name, _("{day} is not a plausible date (years {first}-{last})").format(
            day=day.isoformat(), first=EARLIEST_YEAR, last=LATEST_YEAR))


# Judgement: no one lives past 130 (the oldest recorded person reached 122).
MAX_AGE_YEARS = 130


def check_birth_date(born: date | None, now: datetime, field_name: str = "birth_date") -> None:
    """Not in the future (a birth year 2999 would make every age-based check go quiet) and not more
    than MAX_AGE_YEARS ago."""
    if born is None:
        return
    today = now.date()
    if born > today:
        raise ValidationError(field_name, _("{day} is in the future").format(day=born.isoformat()))
    if born.year < today.year - MAX_AGE_YEARS:
        raise ValidationError(field_name, _("{day} is more than {years} years ago; please check the year").format(
            day=born.isoformat(), years=MAX_AGE_YEARS))


def check_patient(p: Patient, now: datetime, prefix: str = "") -> None:
    """A person: a name, readable text, a known renal impairment, a plausible birth date. Field
    names after `prefix`: `name`, `renal_impairment`, `birth_date`, any text field."""
    check_texts(p, prefix)
    if not p.name.strip():
        raise ValidationError(prefix + "name", _("a person needs a name"))
    try:
        RenalImpairment(p.renal_impairment)
    except ValueError:
        raise ValidationError(prefix + "renal_impairment", _("{value} is not none/mild/moderate/severe").format(
            value=repr(p.renal_impairment))) from None
    check_birth_date(p.birth_date, now, prefix + "birth_date")


def check_symptom(entry: SymptomEntry, codes: frozenset[str] | None = None, prefix: str = "") -> None:
    check_texts(entry, prefix)
    check_aware(entry.at, prefix + "at")
    if entry.symptom not in (codes if codes is not None else symptom_codes()):
        raise ValidationError(prefix + "symptom", _('"{code}" is not a known symptom code').format(code=entry.symptom))
    sev = entry.severity
    if sev is not None and (not isinstance(sev, int) or isinstance(sev, bool) or not 0 <= sev <= 10):
        raise ValidationError(prefix + "severity", _("{value} is not a whole number from 0 to 10").format(value=repr(sev)))
    dur = entry.duration_minutes
    if dur is not None and (not isinstance(dur, int) or isinstance(dur, bool) or not 0 <= dur <= MAX_DURATION_MINUTES):
        raise ValidationError(prefix + "duration_minutes", _("{value} is not a number of minutes (0 to {most})").format(
            value=repr(dur), most=MAX_DURATION_MINUTES))


def check_observation(obs: Observation, prefix: str = "") -> None:
    check_texts(obs, prefix)
    check_aware(obs.at, prefix + "at")
    kind = ObservationKind(obs.kind)
    if kind is ObservationKind.MODIFIED_ASHWORTH:
        if not isinstance(obs.value, str) or obs.value not in ASHWORTH_GRADES:
            raise ValidationError(
                prefix + "value", _("{value} is not a modified Ashworth grade ({grades})").format(
                    value=repr(obs.value), grades=", ".join(ASHWORTH_GRADES))
            )
    else:
        if not _finite_number(obs.value):
            raise ValidationError(prefix + "value", _("{value} is not a number").format(value=repr(obs.value)))
        low, high = OBSERVATION_RANGES[kind]
        if not low <= float(obs.value) <= high:
            raise ValidationError(prefix + "value", _("{value} is outside {low}-{high} for {kind}").format(value=num(obs.value), low=num(low), high=num(high), kind=reading_code_name(kind)))
    if obs.value2 is not None:
        if not _finite_number(obs.value2) or obs.value2 < 0:
            raise ValidationError(prefix + "value2", _("{value} is not a plausible number").format(value=repr(obs.value2)))
        if kind is ObservationKind.BLOOD_PRESSURE and obs.value2 > 350:
            raise ValidationError(prefix + "value2", _("{value} is outside 0-350 for blood-pressure").format(
                value=num(obs.value2)))


# Judgement bounds for what a pump event records (the caregiver copies them from the clinic's
# printout, clinical-facts.md "Intrathecal"): implanted reservoirs hold 20 or 40 mL (SynchroMed II,
# Prometra), intrathecal baclofen is sold at up to 2000 mcg/mL and maintenance is usually 90-800
# mcg a day. The caps sit well above those, so only a typed extra zero is refused; a larger volume or
# concentration would push the estimated refill date far out and silence refill-due.
PUMP_RANGES: dict[str, float] = {
    "volume_ml": 60.0, "reservoir_ml": 60.0, "low_alarm_ml": 60.0,
    "concentration_mcg_per_ml": 5000.0, "daily_dose_mcg": 5000.0,
}
# Refills are every 1 to 6 months (clinical-facts.md, GIL): a next refill date more than a year
# after the event that sets it is a typing slip that would keep refill-due quiet.
MAX_REFILL_AHEAD = timedelta(days=366)


def check_pump_event(event: PumpEvent, prefix: str = "") -> None:
    """Amounts finite, not negative and under PUMP_RANGES; a concentration, and a refill's volume
    and daily dose, more than 0 (0 would switch the refill estimate off); the next refill date no
    more than MAX_REFILL_AHEAD after the event. Field names after `prefix`."""
    check_texts(event, prefix)
    check_aware(event.at, prefix + "at")
    for name, cap in PUMP_RANGES.items():
        value = getattr(event, name)
        if value is None:
            continue
        if not _finite_number(value) or value < 0:
            raise ValidationError(prefix + name, _("{value} is not a plausible amount").format(value=repr(value)))
        if value > cap:
            raise ValidationError(prefix + name, _("{value} is more than {cap}; please check the number on the clinic's "
                                                  "printout").format(value=num(value), cap=num(cap)))
    must_be_positive = ["concentration_mcg_per_ml"]
    if str(getattr(event.kind, "value", event.kind)) == "refill":
        must_be_positive += ["volume_ml", "daily_dose_mcg"]
    for name in must_be_positive:
        value = getattr(event, name)
        if value is not None and value <= 0:
            raise ValidationError(prefix + name, _("{value} is not possible here; it must be more than 0").format(
                value=num(value)))
    due = event.next_refill_due
    if due is not None:
        check_plausible_day(due, prefix + "next_refill_due")
        if isinstance(event.at, datetime) and due > event.at.date() + MAX_REFILL_AHEAD:
            raise ValidationError(prefix + "next_refill_due",
                                  _("{due} is more than a year after {day}; refills are every 1 to 6 months, please "
                                    "check the date").format(due=due.isoformat(), day=event.at.date().isoformat()))


def check_regimen(reg: Regimen, med: Medication, prefix: str = "") -> None:
    check_texts(reg, prefix)
    check_plausible_day(reg.start, prefix + "start")
    check_plausible_day(reg.end, prefix + "end")
    if reg.end is not None and reg.end < reg.start:
        raise ValidationError(prefix + "end", _("ends ({end}) before it starts ({start})").format(end=reg.end, start=reg.start))
    if (not isinstance(reg.every_days, int) or isinstance(reg.every_days, bool)
            or not 1 <= reg.every_days <= MAX_EVERY_DAYS):
        raise ValidationError(prefix + "every_days",
                              _("{value} is not a whole number of days from 1 to {most}").format(
                                  value=repr(reg.every_days), most=MAX_EVERY_DAYS))
    if med.form is Form.PUMP or med.route is Route.INTRATHECAL:
        if not reg.dose.unit.is_mass:
            raise ValidationError(prefix + "dose", _("a pump's daily dose is a mass (mcg), not {unit}").format(
                unit=unit_name(reg.dose.unit)))
        return
    # A planned dose is a dose that will be given: nothing is not one (a stop ends the schedule).
    normalise_amount(reg.dose, med.strength, prefix + "dose", med.form, given=True)


def check_strength(strength: Quantity | None, value_field: str, per_field: str) -> None:
    """A strength of nothing, or per nothing, cannot turn an amount into mg."""
    if strength is None:
        return
    if strength.value <= 0:
        raise ValidationError(value_field, _("a strength of {strength} is not possible; it must be more than 0").format(
            strength=strength))
    problem = strength_problem(strength)
    if problem is not None:  # e.g. 5e-324 mg a tablet: every dose would count as nothing
        raise ValidationError(value_field, problem)
    if strength.per is not None and strength.per.value <= 0:
        raise ValidationError(per_field, _("a strength per {per} is not possible; it must be per more than 0").format(
            per=strength.per))


def check_medication(med: Medication, prefix: str = "") -> None:
    from .drug_names import check_drug_name

    check_texts(med, prefix)
    if not med.name.strip():
        raise ValidationError(prefix + "name", _("a medicine needs a name"))
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
        raise ValidationError(field_name, _("{amount} is not an amount; it must be more than 0").format(amount=q))
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
        raise ValidationError(where + "max_doses_per_day", _("{value} is not a whole number of doses from 1 to {most}").format(
            value=repr(n), most=MAX_DOSES_PER_DAY))
    h = limits.min_interval_hours
    low, high = MIN_INTERVAL_HOURS_RANGE
    if h is not None and (not _finite_number(h) or not low <= h <= high):
        raise ValidationError(where + "min_interval_hours", _("{value} is not a number of hours from {low} to {high}").format(
            value=repr(h), low=num(low), high=num(high)))
    if limits.max_amount_per_day is not None:
        _positive_amount(limits.max_amount_per_day, med.strength, where + "max_amount_per_day")


def check_stock_event(event: StockEvent, med: Medication, prefix: str = "") -> None:
    """A stock event: a known kind, a time with its zone, a plausible amount (a count may be 0;
    what is received or discarded is more than 0) that converts into the unit the medicine's
    stock is counted in. Field names after `prefix`: `kind`, `at`, `amount`."""
    check_texts(event, prefix)
    try:
        kind = StockKind(event.kind)
    except ValueError:
        raise ValidationError(prefix + "kind", _("{value} is not one of: counted, received, discarded").format(
            value=repr(event.kind))) from None
    check_aware(event.at, prefix + "at")
    amount = event.amount
    if not isinstance(amount, Quantity):
        raise ValidationError(prefix + "amount", _("say how much, for example 60 tablets or 150 mL"))
    if kind is not StockKind.COUNTED and amount.value <= 0:
        raise ValidationError(prefix + "amount", _("{kind}: {amount} is nothing; it must be more than 0").format(
            amount=amount, kind=stock_kind_name(kind)))
    cap = MAX_STOCK_AMOUNT.get(amount.unit.value)
    if cap is not None and amount.value > cap:
        raise ValidationError(prefix + "amount", _("{amount} is more than any pharmacy supply; please check the amount").format(
            amount=amount))
    from journal.schedule.stock import StockUnknown, baseline_of, in_stock_unit

    base = baseline_of([e for e in med.stock if e.id is None or e.id != event.id], event.at)
    if base is not None and kind is not StockKind.COUNTED:
        try:
            in_stock_unit(amount, base.amount.unit, med.strength)
        except StockUnknown as e:
            raise ValidationError(prefix + "amount", _("{problem} (the stock is counted in {unit})").format(
                problem=e, unit=unit_name(base.amount.unit))) from None


# A dose logged "now" when now is far from everything else in the journal is more likely a wrong
# computer clock (a dead CMOS battery, a time zone slip) than a real gap: it would make abrupt-stop
# show a false gap, or hide a real one. Judgement: a day away is common (a weekend away from the
# journal); more than 2 days after the last entry, or a year before it, is questioned first.
CLOCK_DOUBT_AFTER = timedelta(days=2)
CLOCK_DOUBT_BEFORE = timedelta(days=365)


def clock_doubt(at: datetime, last_entry: datetime | None) -> str | None:
    """Plain words asking whether the computer's clock is right when `at` is more than
    CLOCK_DOUBT_AFTER after `last_entry` or more than CLOCK_DOUBT_BEFORE before it; None otherwise
    (and when there is no entry yet)."""
    if last_entry is None:
        return None
    if at - last_entry > CLOCK_DOUBT_AFTER:
        days = (at - last_entry).days
        return _("the computer's clock says {now}, {days} days after the last entry in the journal ({last})").format(
            now=f"{at:%Y-%m-%d %H:%M}", days=days, last=f"{last_entry:%Y-%m-%d %H:%M}")
    if last_entry - at > CLOCK_DOUBT_BEFORE:
        return _("the computer's clock says {now}, more than a year before the last entry in the journal "
                 "({last})").format(now=f"{at:%Y-%m-%d %H:%M}", last=f"{last_entry:%Y-%m-%d %H:%M}")
    return None
