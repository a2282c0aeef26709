"""Dates, times and amounts as the caregiver reads them (format chosen in Settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from journal.domain import Medication, Observation, Quantity, Unit, normalise
from journal.domain.units import SYMBOL, from_stored_unit, shown_unit
from journal.services.journal import Settings


@dataclass
class ShownSettings(Settings):
    """The journal's settings as the window shows them (Session.settings): with the journal's zone
    over time, so each day is shown in the zone in force that day. Not a saved setting:
    Journal.save_settings stores the fields of Settings only."""

    journal_zone: tzinfo | None = None

DATE_FORMATS: dict[str, str] = {
    "%Y-%m-%d": "2026-11-23",
    "%d/%m/%Y": "23/11/2026",
    "%m/%d/%Y": "11/23/2026",
    "%d %b %Y": "23 Nov 2026",
    "%b %d, %Y": "Nov 23, 2026",
}
TIME_FORMATS: dict[str, str] = {"%H:%M": "24-hour (14:30)", "%I:%M %p": "12-hour (2:30 PM)"}


def _pattern(value: Any, default: str, aliases: dict[str, str]) -> str:
    text = str(value or "").strip()
    if "%" in text:
        return text
    return aliases.get(text.lower(), default)


def date_pattern(settings: Settings | None) -> str:
    return _pattern(settings.date_format if settings else "", "%Y-%m-%d",
                    {"iso": "%Y-%m-%d", "dmy": "%d/%m/%Y", "mdy": "%m/%d/%Y"})


def time_pattern(settings: Settings | None) -> str:
    return _pattern(settings.time_format if settings else "", "%H:%M",
                    {"24h": "%H:%M", "24": "%H:%M", "12h": "%I:%M %p", "12": "%I:%M %p"})


def _local(t: Any, settings: Settings | None) -> Any:
    """An aware datetime shown in the journal's zone (the database hands back UTC)."""
    if isinstance(t, datetime) and t.tzinfo is not None:
        zone = settings.journal_zone if isinstance(settings, ShownSettings) else None
        if zone is not None:  # the journal's zone over time: each day in the zone in force that day
            return t.astimezone(zone)
        name = (settings.timezone if settings else "") or ""
        try:
            return t.astimezone(ZoneInfo(name)) if name else t
        except (ValueError, KeyError):
            return t
    return t


def fmt_time(t: datetime | time, settings: Settings | None) -> str:
    t = _local(t, settings)
    text = t.strftime(time_pattern(settings))
    return text[1:] if text.startswith("0") and "%I" in time_pattern(settings) else text


def fmt_date(d: date | datetime, settings: Settings | None) -> str:
    d = _local(d, settings)
    return d.strftime(date_pattern(settings))


def fmt_datetime(dt: datetime, settings: Settings | None, today: date | None = None) -> str:
    """'today 14:05', 'yesterday 22:10', else the date and the time."""
    dt = _local(dt, settings)
    if today is not None:
        delta = (today - dt.date()).days
        if delta == 0:
            return f"today {fmt_time(dt, settings)}"
        if delta == 1:
            return f"yesterday {fmt_time(dt, settings)}"
    return f"{fmt_date(dt, settings)} {fmt_time(dt, settings)}"


def fmt_num(value: float, settings: Settings | None = None) -> str:
    """12.5, or 12,5 when the settings' decimal separator is a comma."""
    return f"{value:g}".replace(".", (settings.decimal_separator if settings else ".") or ".")


def reading_text(o: Observation, settings: Settings | None) -> str:
    """A reading as the person reads it: "101.3 °F", "137.8 lb", "120 / 80 mmHg", a score as is.
    Temperatures and weights are stored in °C and kg and shown in the Settings' units."""
    if not isinstance(o.value, float | int):
        return str(o.value)
    unit = shown_unit(o.kind, settings.temperature_unit if settings else "C", settings.weight_unit if settings else "kg")
    text = fmt_num(from_stored_unit(o.kind, float(o.value), unit), settings)
    if o.value2 is not None:
        text += f" / {fmt_num(float(o.value2), settings)}"
    symbol = SYMBOL.get(unit) or {"/min": "a minute", "mmHg": "mmHg", "%": "%"}.get(unit, "")
    return f"{text}{'' if symbol == '%' else ' '}{symbol}".rstrip()


def strength_text(m: Medication) -> str:
    """'5 mg/5 mL (1 mg per mL)' style text for a liquid; '10 mg tablets' for a tablet."""
    if m.strength is None:
        return "strength not recorded"
    s = m.strength
    if s.per is not None and s.per.value not in (0, 1):
        each = s.per_unit_mass
        return f"{s} ({fmt_num(each.value)} {each.unit.value} in each {s.per.unit.value})"
    return str(s)


def _mass(mass: Quantity, m: Medication) -> str:
    """A normalised mass (mg or mcg) in the strength's own unit when that is grams (13.8 g, not 13800 mg)."""
    if m.strength is not None and m.strength.unit is Unit.G and mass.unit.is_mass:
        return f"{fmt_num(round(mass.to_mg() / 1000, 6))} g"
    return f"{fmt_num(mass.value)} {mass.unit.value}"


def amount_text(amount: Quantity | None, m: Medication) -> str:
    """An amount as the caregiver gives it; for a liquid, ALWAYS with its concentration and the
    mass it holds, because two baclofen liquids differ five-fold."""
    if amount is None:
        return "amount not recorded"
    text = str(amount)
    if m.form.is_liquid:
        if m.strength is None:
            return f"{text} (concentration NOT recorded: check the bottle)"
        each = m.strength.per_unit_mass
        per_ml = m.strength.per is not None and m.strength.per.unit is Unit.ML
        try:
            if amount.unit.is_mass and per_ml and each.value > 0:
                mass_mg = amount.to_mg()
                ml = mass_mg / Quantity(each.value, each.unit).to_mg()
                return f"{fmt_num(round(ml, 2))} mL of {m.strength} = {text}"
            mass = normalise(amount, m.strength)
            return f"{text} of {m.strength} = {_mass(mass, m)}"
        except ValueError:
            return f"{text} (concentration {m.strength})"
    if amount.unit.is_mass and m.strength is not None and m.strength.unit.is_mass and m.strength.per is None \
            and m.form.value in ("tablet", "granules"):
        # "20 mg" of 10 mg tablets: say how many to give, the number a tired hand needs.
        try:
            count = amount.to_mg() / m.strength.to_mg()
        except ValueError:
            return text
        if count > 0 and abs(count * 4 - round(count * 4)) < 1e-9:
            unit = "sachet" if m.form.value == "granules" else "tablet"
            plural = "s" if count > 1 else ""
            return f"{text} = {fmt_num(count)} {unit}{plural} of {m.strength}"
        return text
    if not amount.unit.is_mass and m.strength is not None:
        try:
            mass = normalise(amount, m.strength)
            return f"{text} = {_mass(mass, m)}"
        except ValueError:
            return text
    return text


def medication_label(m: Medication) -> str:
    parts = [m.name]
    if m.strength is not None and m.strength.__str__() not in m.name:
        parts.append(f"({m.strength})")
    if m.as_needed:
        parts.append("- as needed")
    return " ".join(parts)
