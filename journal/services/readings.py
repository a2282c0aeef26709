"""A reading as typed (kind, value, second value, unit) -> what the journal stores.

The command line's `log-reading` uses this, then `Journal.log_observation` (the same write as
the window's reading form), which checks the stored value against OBSERVATION_RANGES. Units:
journal.domain.readings (temperature in C or F, weight in kg or lb; stored in °C and kg)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from journal.domain import ASHWORTH_GRADES, ObservationKind
from journal.domain.i18n import _
from journal.domain.readings import (
    STORED_UNIT,
    ReadingUnitError,
    celsius_to_fahrenheit,
    fahrenheit_to_celsius,
    kg_to_pounds,
    to_stored_unit,
    unit_named,
)

from .errors import ValidationError
from .validation import OBSERVATION_RANGES

KINDS = tuple(k.value for k in ObservationKind)
UNIT_SHOWN = {"C": "°C", "F": "°F", "kg": "kg", "lb": "lb", "/min": "a minute", "mmHg": "mmHg", "%": "%"}


@dataclass(frozen=True)
class Reading:
    """A reading in the journal's units (°C, kg), with the unit it was typed in."""

    kind: ObservationKind
    value: float | str  # a number, or an Ashworth grade ("1+")
    value2: float | None = None  # blood pressure: the bottom (diastolic) number, mmHg
    typed_unit: str = ""  # canonical unit as typed ("F", "lb"), "" when it is the stored one or a score

    def describe(self) -> str:
        """`temperature 38.5 °C (101.3 °F)`, `blood-pressure 120/80 mmHg`, `modified-ashworth 1+`."""
        if isinstance(self.value, str):
            return f"{self.kind.value} {self.value}"
        unit = UNIT_SHOWN.get(STORED_UNIT.get(self.kind, ""), "")
        shown = f"{self.value:g}" + (f"/{self.value2:g}" if self.value2 is not None else "")
        text = f"{self.kind.value} {shown}" + (f" {unit}" if unit else "")
        if self.typed_unit == "F":
            text += f" ({celsius_to_fahrenheit(self.value):.1f} °F)"
        elif self.typed_unit == "lb":
            text += f" ({kg_to_pounds(self.value):.1f} lb)"
        return text


def _number(text: str, field_name: str, kind: ObservationKind) -> float:
    try:
        value = float(text.strip().replace(",", "."))  # a decimal comma, as many thermometers show it
    except ValueError:
        raise ValidationError(field_name, _('"{text}" is not a number').format(text=text)) from None
    if not math.isfinite(value):
        raise ValidationError(field_name, _('"{text}" is not a number').format(text=text))
    return value


def reading_from_text(kind: str, value: str, value2: str | None = None, unit: str | None = None) -> Reading:
    """Read a typed reading. `kind` is an exchange-format kind (`temperature`, `weight`,
    `blood-pressure`, ...); `unit` one of journal.domain.readings.units_for(kind) or None for the
    stored unit. Raises ValidationError naming `kind`, `value`, `value2` or `unit`. The stored
    value's plausible range is checked by Journal.log_observation."""
    try:
        k = ObservationKind(kind.strip().lower())
    except ValueError:
        raise ValidationError("kind", _('"{kind}" is not a kind of reading (one of: {value})').format(kind=kind, value=", ".join(KINDS))) from None
    try:
        canonical = unit_named(k, unit)
    except ReadingUnitError as e:
        raise ValidationError("unit", str(e)) from None
    if k is ObservationKind.MODIFIED_ASHWORTH:
        grade = value.strip()
        if grade not in ASHWORTH_GRADES:
            raise ValidationError("value", _('"{value}" is not a modified Ashworth grade ({value2})').format(value=value, value2=", ".join(ASHWORTH_GRADES)))
        if value2 is not None:
            raise ValidationError("value2", _("{value} has one value only").format(value=k.value))
        return Reading(k, grade)
    number = _number(value, "value", k)
    second: float | None = None
    if k is ObservationKind.BLOOD_PRESSURE:
        if value2 is None or not value2.strip():
            raise ValidationError("value2", _("blood pressure needs the bottom number too (value: top, value2: bottom)"))
        second = _number(value2, "value2", k)
        if second >= number:
            raise ValidationError("value2", _("the bottom number ({second}) should be lower than the top ({number})").format(second=f"{second:g}", number=f"{number:g}"))
    elif value2 is not None:
        raise ValidationError("value2", _("{value} has one value only").format(value=k.value))
    stored = to_stored_unit(k, number, canonical)
    if k is ObservationKind.TEMPERATURE and canonical == "C":
        low, high = OBSERVATION_RANGES[k]
        if not low <= number <= high and low <= fahrenheit_to_celsius(number) <= high:
            raise ValidationError("value", _("{number} °C is not a body temperature; if the thermometer shows Fahrenheit, give the unit F ({fahrenheit_to_celsius} °C)").format(number=f"{number:g}", fahrenheit_to_celsius=f"{fahrenheit_to_celsius(number):.1f}"))
    return Reading(k, stored, second, canonical if canonical in ("F", "lb") else "")
