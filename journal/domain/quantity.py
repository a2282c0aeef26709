"""Amounts with units, and turning an entered amount into mg or mcg."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .enums import Unit
from .i18n import _


class QuantityError(ValueError):
    """An amount that cannot be used: not finite, negative, or not convertible."""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Unit
    per: Quantity | None = None  # for strengths: "1 mg per 1 mL"

    def __post_init__(self) -> None:
        if not isinstance(self.value, int | float) or isinstance(self.value, bool):
            raise QuantityError(_("amount {value} is not a number").format(value=f"{self.value!r}"))
        if not math.isfinite(self.value):
            raise QuantityError(_("amount {value} is not a finite number").format(value=f"{self.value!r}"))
        if self.value < 0:
            raise QuantityError(_("amount {value} is negative").format(value=f"{self.value:g}"))
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
        if self.unit is Unit.G:
            return float(self.value) * 1000.0
        raise QuantityError(_("{amount} is not a mass").format(amount=self))

    @property
    def per_unit_mass(self) -> Quantity:
        """For a strength: the mass in one unit (1 mL, 1 tablet, 1 sachet)."""
        if self.per is None or self.per.value == 1:
            return Quantity(self.value, self.unit)
        return Quantity(self.value / self.per.value, self.unit)


UNIT_NAMES = "mg, mcg, g, mL, tablet or sachet"

_UNIT_ALIASES = {
    "mg": Unit.MG, "milligram": Unit.MG, "milligrams": Unit.MG, "milligramme": Unit.MG, "milligrammes": Unit.MG,
    "mcg": Unit.MCG, "µg": Unit.MCG, "μg": Unit.MCG, "ug": Unit.MCG, "microgram": Unit.MCG,
    "micrograms": Unit.MCG, "microgramme": Unit.MCG, "microgrammes": Unit.MCG,
    "g": Unit.G, "gram": Unit.G, "grams": Unit.G, "gramme": Unit.G, "grammes": Unit.G,
    "ml": Unit.ML, "mls": Unit.ML, "milliliter": Unit.ML, "millilitre": Unit.ML, "milliliters": Unit.ML,
    "millilitres": Unit.ML,
    "tablet": Unit.TABLET, "tablets": Unit.TABLET, "tab": Unit.TABLET, "tabs": Unit.TABLET,
    # A capsule is counted like a tablet: one unit of the strength on the label.
    "capsule": Unit.TABLET, "capsules": Unit.TABLET, "cap": Unit.TABLET, "caps": Unit.TABLET,
    "sachet": Unit.SACHET, "sachets": Unit.SACHET,
}


def parse_unit(text: str) -> Unit:
    """'mg', 'ML', 'tablets', 'µg', 'grams' -> Unit; raises QuantityError naming the unit."""
    try:
        return _UNIT_ALIASES[text.strip().rstrip(".").strip().lower()]
    except KeyError:
        raise QuantityError(_("unknown unit {text} (use {UNIT_NAMES})").format(text=f"{text.strip()!r}", UNIT_NAMES=UNIT_NAMES)) from None


# Unicode fractions people paste or type with a compose key ("½ tablet", "1½ tablets").
_VULGAR = {ch: unicodedata.numeric(ch) for ch in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"}
_VULGAR_CLASS = "".join(_VULGAR)
# The number is everything up to its last digit or fraction sign; the unit is what follows.
_SPLIT = re.compile(rf"^(?P<number>.*[\d{_VULGAR_CLASS}])(?P<unit>[^\d{_VULGAR_CLASS}]*)$", re.DOTALL)
_VULGAR_NUMBER = re.compile(rf"^(?:(?P<whole>\d+)\s*)?(?P<frac>[{_VULGAR_CLASS}])$")
_FRACTION = re.compile(r"^(?:(?P<whole>\d+)\s+)?(?P<num>\d+)\s*[/\u2044]\s*(?P<den>\d+)$")
_DECIMAL = re.compile(r"^(?P<sign>[+-]?)(?P<whole>\d*)(?:(?P<sep>[.,])(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?$")
_SPACED_DIGITS = re.compile(r"^\d{1,3}(?:\s\d{3})+(?:[.,]\d+)?$")
_EXAMPLES = "write it like 10 mg, 2.5 mL, 2,5 mL, 1/2 tablet or 1 1/2 tablets"


def parse_number(text: str) -> float:
    """The number of an amount as people write it; raises QuantityError saying what is wrong.

    Accepted: `10`, `2.5`, `2,5` (decimal comma), `.5`, `1/2`, `1 1/2`, `½`, `1½`, `1 ½`, `1e-3`.
    Thousands separators are refused, because `1,000` is 1000 to some people and 1 to others
    (a thousand-fold error either way):
    - a comma followed by exactly three digits after a whole part other than 0 (`1,000`,
      `2,500`, `1,250`) is refused naming both readings; `0,125` and `2,25` are decimal commas;
    - a point followed by exactly three digits ending in 0 after a whole part other than 0
      (`1.000`, `2.500`) is refused the same way; the journal never writes such a number itself
      (it drops trailing zeros), so everything it shows can be typed back;
    - more than one separator (`1,000.5`, `1.000,5`) or digits grouped by spaces (`1 000`).
    """
    t = text.strip()
    m = _VULGAR_NUMBER.match(t)
    if m:
        return int(m["whole"] or 0) + _VULGAR[m["frac"]]
    m = _FRACTION.match(t)
    if m:
        num, den = int(m["num"]), int(m["den"])
        if den == 0:
            raise QuantityError(_("{t} divides by zero; write a fraction like 1/2").format(t=f"{t!r}"))
        return int(m["whole"] or 0) + num / den
    m = _DECIMAL.match(t)
    if m and (m["whole"] or m["frac"]):
        whole, sep, frac = m["whole"], m["sep"], m["frac"] or ""
        if sep is not None and len(frac) == 3 and whole and int(whole) != 0 and m["exp"] is None \
                and (sep == "," or frac.endswith("0")):
            larger, smaller = f"{int(whole)}{frac}", f"{int(whole)}.{frac.rstrip('0')}".rstrip(".")
            raise QuantityError(_("{t} is unclear: it could mean {larger} or {smaller}; write {larger} or {smaller} (no thousands separator)").format(t=f"{t!r}", larger=larger, smaller=smaller))
        return float(f"{m['sign']}{whole or '0'}.{frac or '0'}" + (f"e{m['exp']}" if m["exp"] else ""))
    if _SPACED_DIGITS.match(t):
        joined = re.sub(r"\s", "", t)
        raise QuantityError(_("{t}: write the number without spaces between the digits ({joined})").format(t=f"{t!r}", joined=joined))
    if re.fullmatch(r"[+-]?\d[\d.,]*[.,][\d.,]*", t):
        raise QuantityError(_("{t} has more than one separator; write the number without thousands separators, with one decimal point or comma (1000, 2.5 or 2,5)").format(t=f"{t!r}"))
    raise QuantityError(_("{t} is not a number ({EXAMPLES})").format(t=f"{t!r}", EXAMPLES=_EXAMPLES))


def parse_quantity(text: str) -> Quantity:
    """An amount as people write it -> Quantity: '10mg', '2.5 mL', '2,5 mL', '1/2 tablet',
    '1 1/2 tablets', '½ tablet', '13.8 g'. The number is read by `parse_number` (decimal comma,
    fractions; thousands separators refused as ambiguous); units by `parse_unit` (case and plural
    ignored). Raises QuantityError naming what is wrong: no number, no unit, an unknown unit, an
    unclear number, a negative amount."""
    s = text.strip()
    m = _SPLIT.match(s)
    if not m:
        if not s:
            raise QuantityError(_("no amount given ({EXAMPLES})").format(EXAMPLES=_EXAMPLES))
        raise QuantityError(_("{s} has no number ({EXAMPLES})").format(s=f"{s!r}", EXAMPLES=_EXAMPLES))
    number, unit = m["number"].strip(), m["unit"].strip()
    value = parse_number(number)
    if not unit:
        raise QuantityError(_("{s} has no unit (use {UNIT_NAMES})").format(s=f"{s!r}", UNIT_NAMES=UNIT_NAMES))
    return Quantity(value, parse_unit(unit))


def normalise(amount: Quantity, strength: Quantity | None) -> Quantity:
    """The amount as mg or mcg (grams become mg), using the medication's strength for mL, tablets
    and sachets.

    Raises QuantityError when the unit cannot be converted (no strength, or a strength per a
    different unit than the amount's), saying which unit would work."""
    if amount.unit.is_mass:
        return _mg_or_mcg(amount.value, amount.unit)
    if strength is None:
        raise QuantityError(_("cannot convert {amount} to mg: the medicine has no strength recorded (give the amount in mg, or record the strength)").format(amount=amount))
    per_unit = strength.per.unit if strength.per is not None else _default_per(amount.unit)
    if per_unit is not amount.unit:
        per_text = per_unit.value if per_unit is Unit.ML else per_unit.value + "s"
        raise QuantityError(_("cannot convert {amount} to mg: the strength is {strength} per {value}, so give the amount in {per_text} or in mg").format(amount=amount, strength=strength, value=per_unit.value, per_text=per_text))
    each = strength.per_unit_mass
    return _mg_or_mcg(round(amount.value * each.value, 6), each.unit)


def _mg_or_mcg(value: float, unit: Unit) -> Quantity:
    if unit is Unit.G:
        return Quantity(round(value * 1000.0, 6), Unit.MG)
    return Quantity(value, unit)


def _default_per(unit: Unit) -> Unit:
    # A strength written without "per" ("10 mg") means per tablet or per sachet.
    return unit if unit in (Unit.TABLET, Unit.SACHET) else Unit.TABLET
