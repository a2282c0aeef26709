"""Amounts with units, and turning an entered amount into mg or mcg."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .enums import Unit


class QuantityError(ValueError):
    """An amount that cannot be used: not finite, negative, or not convertible."""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Unit
    per: Quantity | None = None  # for strengths: "1 mg per 1 mL"

    def __post_init__(self) -> None:
        if not isinstance(self.value, int | float) or isinstance(self.value, bool):
            raise QuantityError(f"amount {self.value!r} is not a number")
        if not math.isfinite(self.value):
            raise QuantityError(f"amount {self.value!r} is not a finite number")
        if self.value < 0:
            raise QuantityError(f"amount {self.value:g} is negative")
        object.__setattr__(self, "unit", Unit(self.unit))

    def __str__(self) -> str:
        unit = self.unit.value
        if self.unit in (Unit.TABLET, Unit.SACHET) and self.value > 1:
            unit += "s"  # "2 tablets", "1.5 tablets"; "1 tablet", "0.5 tablet"
        text = f"{self.value:g} {unit}"
        if self.per is not None:
            per = self.per
            text += f"/{per.unit.value}" if per.value == 1 else f" per {per.value:g} {per.unit.value}"
        return text

    def to_mg(self) -> float:
        """Mass in mg; raises for units that are not a mass."""
        if self.unit is Unit.MG:
            return float(self.value)
        if self.unit is Unit.MCG:
            return float(self.value) / 1000.0
        raise QuantityError(f"{self} is not a mass")

    @property
    def per_unit_mass(self) -> Quantity:
        """For a strength: the mass in one unit (1 mL, 1 tablet, 1 sachet)."""
        if self.per is None or self.per.value == 1:
            return Quantity(self.value, self.unit)
        return Quantity(self.value / self.per.value, self.unit)


_UNIT_ALIASES = {
    "mg": Unit.MG, "milligram": Unit.MG, "milligrams": Unit.MG,
    "mcg": Unit.MCG, "µg": Unit.MCG, "ug": Unit.MCG, "microgram": Unit.MCG, "micrograms": Unit.MCG,
    "ml": Unit.ML, "milliliter": Unit.ML, "millilitre": Unit.ML, "milliliters": Unit.ML,
    "tablet": Unit.TABLET, "tablets": Unit.TABLET, "tab": Unit.TABLET, "tabs": Unit.TABLET,
    "sachet": Unit.SACHET, "sachets": Unit.SACHET,
}


def parse_unit(text: str) -> Unit:
    try:
        return _UNIT_ALIASES[text.strip().lower()]
    except KeyError:
        raise QuantityError(f"unknown unit {text!r} (use mg, mcg, mL, tablet or sachet)") from None


def parse_quantity(text: str) -> Quantity:
    """'10mg', '2.5 mL', '1 tablet' -> Quantity."""
    s = text.strip()
    i = 0
    while i < len(s) and (s[i].isdigit() or s[i] in ".-+eE"):
        if s[i] in "eE" and not (i + 1 < len(s) and (s[i + 1].isdigit() or s[i + 1] in "+-")):
            break
        i += 1
    number, unit = s[:i], s[i:].strip()
    if not number:
        raise QuantityError(f"{text!r} has no number (write it like 10mg or 2.5mL)")
    try:
        value = float(number)
    except ValueError:
        raise QuantityError(f"{text!r} is not a number with a unit") from None
    if not unit:
        raise QuantityError(f"{text!r} has no unit (use mg, mcg, mL, tablet or sachet)")
    return Quantity(value, parse_unit(unit))


def normalise(amount: Quantity, strength: Quantity | None) -> Quantity:
    """The amount as mg or mcg, using the medication's strength for mL, tablets and sachets.

    Raises QuantityError when the unit cannot be converted (no strength, or a strength per a
    different unit than the amount's)."""
    if amount.unit.is_mass:
        return Quantity(amount.value, amount.unit)
    if strength is None:
        raise QuantityError(f"cannot convert {amount} to mg: the medication has no strength recorded")
    per_unit = strength.per.unit if strength.per is not None else _default_per(amount.unit)
    if per_unit is not amount.unit:
        raise QuantityError(f"cannot convert {amount} with a strength of {strength}")
    each = strength.per_unit_mass
    return Quantity(round(amount.value * each.value, 6), each.unit)


def _default_per(unit: Unit) -> Unit:
    # A strength written without "per" ("10 mg") means per tablet or per sachet.
    return unit if unit in (Unit.TABLET, Unit.SACHET) else Unit.TABLET
