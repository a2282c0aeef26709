"""Readings in the person's units: Settings choose "C" or "F" for temperatures and "kg" or "lb"
for weights; the journal stores °C and kg (domain.readings). Shown values are rounded to one
decimal when converted (a thermometer or scales show no more)."""

from __future__ import annotations

from .enums import ObservationKind
from .readings import STORED_UNIT, celsius_to_fahrenheit, kg_to_pounds
from .shown import decimal_mark

SYMBOL = {"C": "\u00b0C", "F": "\u00b0F", "kg": "kg", "lb": "lb"}


def from_stored_unit(kind: ObservationKind, value: float, unit: str) -> float:
    """A stored value (°C, kg, ...) in the person's `unit` ("C", "F", "kg", "lb"), rounded to one
    decimal when converted (a thermometer or scales show no more). Other kinds are unchanged."""
    if kind is ObservationKind.TEMPERATURE and unit == "F":
        return round(celsius_to_fahrenheit(value), 1)
    if kind is ObservationKind.WEIGHT and unit == "lb":
        return round(kg_to_pounds(value), 1)
    return value


def shown_unit(kind: ObservationKind, temperature_unit: str = "C", weight_unit: str = "kg") -> str:
    """The canonical unit a reading of `kind` is typed and shown in for these preferences."""
    if kind is ObservationKind.TEMPERATURE:
        return temperature_unit
    if kind is ObservationKind.WEIGHT:
        return weight_unit
    return STORED_UNIT.get(kind, "")


def temperature_text(celsius: float, unit: str = "C", decimal: str | None = None) -> str:
    """"38.5 °C" or "101.3 °F" for a temperature stored in °C; `decimal` is the separator shown
    (None: the language's, "38,5 °C" in Spanish; shown.decimal_mark)."""
    value = from_stored_unit(ObservationKind.TEMPERATURE, celsius, unit)
    return f"{value:g}".replace(".", decimal or decimal_mark()) + f" {SYMBOL[unit]}"


def weight_text(kg: float, unit: str = "kg", decimal: str | None = None) -> str:
    """"62.5 kg" or "137.8 lb" for a weight stored in kg (`decimal` as for temperature_text)."""
    value = from_stored_unit(ObservationKind.WEIGHT, kg, unit)
    return f"{value:g}".replace(".", decimal or decimal_mark()) + f" {SYMBOL[unit]}"
