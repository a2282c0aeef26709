"""The units a reading can be taken in, and the units the journal stores it in.

The journal stores a temperature in degrees Celsius and a weight in kilograms (the exchange
format's units); a thermometer in Fahrenheit or scales in pounds are converted on the way in.
Every other kind has one unit only (beats a minute, mmHg, %, or a score)."""

from __future__ import annotations

from .enums import ObservationKind
from .i18n import _

LB_IN_KG = 0.45359237  # the international avoirdupois pound, exact by definition (1959 agreement)

# What each kind is stored in, and the ways a unit may be written (compared ignoring case and spaces).
STORED_UNIT: dict[ObservationKind, str] = {
    ObservationKind.TEMPERATURE: "C",
    ObservationKind.HEART_RATE: "/min",
    ObservationKind.RESPIRATORY_RATE: "/min",
    ObservationKind.BLOOD_PRESSURE: "mmHg",
    ObservationKind.OXYGEN_SATURATION: "%",
    ObservationKind.WEIGHT: "kg",
}
UNIT_NAMES: dict[str, tuple[str, ...]] = {
    "C": ("c", "°c", "celsius", "degc"),
    "F": ("f", "°f", "fahrenheit", "degf"),
    "kg": ("kg", "kgs", "kilogram", "kilograms"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "/min": ("/min", "perminute", "bpm", "beats/min", "breaths/min"),
    "mmHg": ("mmhg",),
    "%": ("%", "percent"),
}
OTHER_UNITS: dict[ObservationKind, tuple[str, ...]] = {  # units converted to the stored one
    ObservationKind.TEMPERATURE: ("F",),
    ObservationKind.WEIGHT: ("lb",),
}
# Rounding of a converted value: finer than any home thermometer (0.1 °F is 0.056 °C) or scales
# read. Without it 101.3 °F would be stored as 38.4999999 °C, just under a 38.5 °C fever line.
DECIMALS = {"C": 2, "kg": 3}


class ReadingUnitError(ValueError):
    """A unit that is not one a reading of this kind can be taken in."""


def fahrenheit_to_celsius(value: float) -> float:
    return (value - 32) * 5 / 9


def celsius_to_fahrenheit(value: float) -> float:
    return value * 9 / 5 + 32


def pounds_to_kg(value: float) -> float:
    return value * LB_IN_KG


def kg_to_pounds(value: float) -> float:
    return value / LB_IN_KG


def units_for(kind: ObservationKind) -> tuple[str, ...]:
    """The units a reading of `kind` may be given in, the stored one first (none for a score)."""
    stored = STORED_UNIT.get(kind)
    return (stored, *OTHER_UNITS.get(kind, ())) if stored else ()


def unit_named(kind: ObservationKind, text: str | None) -> str:
    """The canonical unit ("C", "F", "kg", "lb", ...) for `text` as typed, or the stored unit when
    nothing is given. Raises ReadingUnitError when the unit does not fit the kind."""
    allowed = units_for(kind)
    if text is None or not text.strip():
        return allowed[0] if allowed else ""
    typed = "".join(text.lower().split())  # "° F" and "°f" alike
    for unit in allowed:
        if typed in UNIT_NAMES[unit]:
            return unit
    if not allowed:
        raise ReadingUnitError(_("{kind} is a score and has no unit").format(kind=kind.value))
    raise ReadingUnitError(_('"{text}" is not a unit for {kind} (use {units})').format(
        text=text.strip(), kind=kind.value, units=_(" or ").join(allowed)))


def to_stored_unit(kind: ObservationKind, value: float, unit: str | None) -> float:
    """`value` read in `unit` (see unit_named) as the journal stores it: °C for a temperature, kg
    for a weight, unchanged for the rest. A converted value is rounded to DECIMALS places."""
    canonical = unit_named(kind, unit)
    if canonical == "F":
        return round(fahrenheit_to_celsius(value), DECIMALS["C"])
    if canonical == "lb":
        return round(pounds_to_kg(value), DECIMALS["kg"])
    return value
