"""Parsing what a caregiver types about a medicine: strengths and dose times (no Qt)."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QCoreApplication

from journal.domain import AsNeededLimits, Quantity, QuantityError, parse_quantity, parse_unit


def parse_dose(text: str) -> Quantity:
    """The amount of each dose ('10 mg', '1/2 tablet', '2.5 mL'); QuantityError naming what is
    wrong: empty, no unit or an unknown one (a bare number is never guessed to be mg), not over zero."""
    t = text.strip()
    if not t:
        raise QuantityError(QCoreApplication.translate("medicines_view",
                                                       "Enter the amount of each dose, for example 10 mg."))
    q = parse_quantity(t)
    if q.value <= 0:
        raise QuantityError(QCoreApplication.translate(
            "medicines_view", "A dose must be more than zero; to stop a medicine, end its schedule."))
    return q


def parse_strength(text: str) -> Quantity:
    """'10 mg' (per tablet), '5 mg/5 mL', '1 mg/mL', '2000 mcg/mL', '25 mg per 5 mL'."""
    t = text.strip()
    if not t:
        raise QuantityError(QCoreApplication.translate("medicine_forms",
                                                       "Enter the strength, for example 10 mg or 5 mg/5 mL."))
    parts = re.split(r"\s*(?:/|\bper\b|\bin\b)\s*", t, maxsplit=1)
    mass = parse_quantity(parts[0])
    if not mass.unit.is_mass:
        raise QuantityError(QCoreApplication.translate(
            "medicine_forms", "The strength should start with mg, mcg or g, like 10 mg (got {text}).").format(
                text=repr(parts[0])))
    if mass.value <= 0:
        raise QuantityError(QCoreApplication.translate("medicine_forms", "The strength must be more than zero."))
    if len(parts) == 1 or not parts[1].strip():
        return mass
    rest = parts[1].strip()
    if rest[0].isdigit() or rest[0] == ".":
        per = parse_quantity(rest)
    else:
        per = Quantity(1, parse_unit(rest))
    if per.value <= 0:
        raise QuantityError(QCoreApplication.translate("medicine_forms",
                                                       "The amount after the slash must be more than zero (like 5 mL)."))
    return Quantity(mass.value, mass.unit, per)


_TIME = re.compile(r"^(\d{1,2})(?::|\.|h)?(\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)


def parse_times(text: str) -> list[time]:
    """'8:00, 14:00, 20:00' or '8am 2pm 8pm' -> sorted clock times (no duplicates)."""
    out: set[time] = set()
    for raw in re.split(r"[,;\s]+(?![ap]\.?m)", text.strip()):
        token = raw.strip().lower().replace(" ", "")
        if not token:
            continue
        m = _TIME.match(token)
        if not m:
            raise ValueError(QCoreApplication.translate(
                "medicine_forms", "{text} is not a time; write times like 08:00, 14:00, 20:00.").format(text=repr(raw)))
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        suffix = (m.group(3) or "").replace(".", "")
        if suffix:
            if not 1 <= hour <= 12:
                raise ValueError(QCoreApplication.translate(
                    "medicine_forms", "{text}: with am/pm the hour must be 1 to 12.").format(text=repr(raw)))
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValueError(QCoreApplication.translate("medicine_forms", "{text} is not a time of day.").format(
                text=repr(raw)))
        out.add(time(hour, minute))
    return sorted(out)


def parse_optional_amount(text: str, what: str) -> Quantity | None:
    """'' -> None; '60 mg', '30 mL', '2 tablets' -> Quantity (more than 0). `what` names the field."""
    t = text.strip()
    if not t:
        return None
    try:
        q = parse_quantity(t)
    except QuantityError as e:
        raise ValueError(f"{what}: {e}") from None
    if q.value <= 0:
        raise ValueError(QCoreApplication.translate(
            "medicine_forms", "{field}: must be more than 0 (leave it empty when none was prescribed).").format(field=what))
    return q


def parse_limits(doses: str, hours: str, amount: str) -> AsNeededLimits | None:
    """The three as-needed limits as typed ('' = not prescribed); None when all are empty.

    Raises ValueError naming the field: a whole number of doses, a number of hours (a decimal
    comma is accepted: '4,5'), an amount with its unit."""
    most: int | None = None
    if doses.strip():
        try:
            most = int(doses.strip())
        except ValueError:
            raise ValueError(QCoreApplication.translate(
                "medicine_forms", "Most doses in 24 hours: {text} is not a whole number.").format(
                    text=repr(doses.strip()))) from None
    gap: float | None = None
    if hours.strip():
        try:
            gap = float(hours.strip().replace(",", ".").removesuffix("h").strip())
        except ValueError:
            raise ValueError(QCoreApplication.translate(
                "medicine_forms", "Hours between doses: {text} is not a number of hours.").format(
                    text=repr(hours.strip()))) from None
    limits = AsNeededLimits(max_doses_per_day=most, min_interval_hours=gap,
                            max_amount_per_day=parse_optional_amount(
                                amount, QCoreApplication.translate("medicine_forms", "Most in 24 hours")))
    return None if limits.empty else limits
