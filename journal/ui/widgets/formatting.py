"""Dates, times and amounts as the caregiver reads them (format chosen in Settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from journal.domain import Medication, Observation, Quantity, Unit, normalise
from journal.domain.i18n import SOURCE_LANGUAGE, current_language
from journal.domain.shown import decimal_mark, num
from journal.domain.units import SYMBOL, from_stored_unit, shown_unit
from journal.services.journal import Settings

from ..shell.translation import QT_TRANSLATE_NOOP


@dataclass
class ShownSettings(Settings):
    """The journal's settings as the window shows them (Session.settings): with the journal's zone
    over time, so each day is shown in the zone in force that day. Not a saved setting:
    Journal.save_settings stores the fields of Settings only."""

    journal_zone: tzinfo | None = None


# The plural of each medicine form as a heading word ("Tablets of 10 mg"), in the window's language.
FORM_PLURALS: dict[str, str] = {
    "tablet": QT_TRANSLATE_NOOP("formatting", "Tablets"),
    "solution": QT_TRANSLATE_NOOP("formatting", "Solutions"),
    "suspension": QT_TRANSLATE_NOOP("formatting", "Suspensions"),
    "granules": QT_TRANSLATE_NOOP("formatting", "Granules"),
    "pump": QT_TRANSLATE_NOOP("formatting", "Pumps"),
    "other": QT_TRANSLATE_NOOP("formatting", "Others"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


def form_plural(form: str) -> str:
    """"Tablets" for "tablet" (English: the form's name capitalised with an "s", as before)."""
    english = FORM_PLURALS.get(form, form.capitalize() + "s")
    return _tr(english)


def long_day(d: date, year: bool = False) -> str:
    """"Monday 23 November" ("Monday 23 November 2026" with `year`): the weekday and date in the
    window's language ("lunes 23 de noviembre"); English exactly as strftime gives it."""
    language = current_language()
    if language == SOURCE_LANGUAGE:
        return d.strftime("%A %d %B %Y" if year else "%A %d %B")
    pattern = "dddd d 'de' MMMM" if language == "es" else "dddd d MMMM"
    if year:
        pattern += " 'de' yyyy" if language == "es" else " yyyy"
    return QLocale(language).toString(QDate(d.year, d.month, d.day), pattern)

DATE_FORMATS: dict[str, str] = {
    "%Y-%m-%d": "2026-11-23",
    "%d/%m/%Y": "23/11/2026",
    "%m/%d/%Y": "11/23/2026",
    "%d %b %Y": "23 Nov 2026",
    "%b %d, %Y": "Nov 23, 2026",
}
TIME_FORMATS: dict[str, str] = {"%H:%M": QT_TRANSLATE_NOOP("formatting", "24-hour (14:30)"),
                                "%I:%M %p": QT_TRANSLATE_NOOP("formatting", "12-hour (2:30 PM)")}


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


def named_strftime(d: date | datetime, pattern: str) -> str:
    """`d.strftime(pattern)` with the month and weekday names (%b %B %a %A) in the window's
    language ("23 nov 2026" in Spanish); English exactly as strftime gives it."""
    language = current_language()
    if language == SOURCE_LANGUAGE or not any(code in pattern for code in ("%b", "%B", "%a", "%A")):
        return d.strftime(pattern)
    loc, q = QLocale(language), QDate(d.year, d.month, d.day)
    names = {"%B": loc.monthName(d.month, QLocale.FormatType.LongFormat),
             "%b": loc.monthName(d.month, QLocale.FormatType.ShortFormat).rstrip("."),
             "%A": loc.dayName(q.dayOfWeek(), QLocale.FormatType.LongFormat),
             "%a": loc.dayName(q.dayOfWeek(), QLocale.FormatType.ShortFormat).rstrip(".")}
    for code, name in names.items():
        pattern = pattern.replace(code, name.replace("%", "%%"))
    return d.strftime(pattern)


def date_example(pattern: str) -> str:
    """How 23 November 2026 looks with `pattern` in the window's language (the Settings choices)."""
    return named_strftime(date(2026, 11, 23), pattern)


def fmt_date(d: date | datetime, settings: Any) -> str:
    d = _local(d, settings)
    return named_strftime(d, date_pattern(settings))


def fmt_datetime(dt: datetime, settings: Settings | None, today: date | None = None) -> str:
    """'today 14:05', 'yesterday 22:10', else the date and the time."""
    dt = _local(dt, settings)
    if today is not None:
        delta = (today - dt.date()).days
        if delta == 0:
            return QCoreApplication.translate("formatting", "today {time}").format(time=fmt_time(dt, settings))
        if delta == 1:
            return QCoreApplication.translate("formatting", "yesterday {time}").format(time=fmt_time(dt, settings))
    return f"{fmt_date(dt, settings)} {fmt_time(dt, settings)}"


def fmt_num(value: float, settings: Settings | None = None) -> str:
    """12.5, or 12,5 when the settings' decimal separator is a comma; without settings the mark
    the journal's settings set when read (domain.shown.num: the alerts and the report use it too)."""
    if settings is not None and settings.decimal_separator in (".", ","):
        return num(value).replace(decimal_mark(), settings.decimal_separator)
    return num(value)


def reading_text(o: Observation, settings: Settings | None) -> str:
    """A reading as the person reads it: "101.3 °F", "137.8 lb", "120 / 80 mmHg", a score as is.
    Temperatures and weights are stored in °C and kg and shown in the Settings' units."""
    if not isinstance(o.value, float | int):
        return str(o.value)
    unit = shown_unit(o.kind, settings.temperature_unit if settings else "C", settings.weight_unit if settings else "kg")
    text = fmt_num(from_stored_unit(o.kind, float(o.value), unit), settings)
    if o.value2 is not None:
        text += f" / {fmt_num(float(o.value2), settings)}"
    per_minute = QCoreApplication.translate("formatting", "a minute")
    symbol = SYMBOL.get(unit) or {"/min": per_minute, "mmHg": "mmHg", "%": "%"}.get(unit, "")
    return f"{text}{'' if symbol == '%' else ' '}{symbol}".rstrip()


def strength_text(m: Medication) -> str:
    """'5 mg/5 mL (1 mg per mL)' style text for a liquid; '10 mg tablets' for a tablet."""
    if m.strength is None:
        return QCoreApplication.translate("formatting", "strength not recorded")
    s = m.strength
    if s.per is not None and s.per.value not in (0, 1):
        each = s.per_unit_mass
        return QCoreApplication.translate("formatting", "{strength} ({amount} {unit} in each {per})").format(
            strength=s, amount=fmt_num(each.value), unit=each.unit.value, per=s.per.unit.value)
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
        return QCoreApplication.translate("formatting", "amount not recorded")
    text = str(amount)
    if m.form.is_liquid:
        if m.strength is None:
            return QCoreApplication.translate("formatting", "{amount} (concentration NOT recorded: check the bottle)"
                                              ).format(amount=text)
        each = m.strength.per_unit_mass
        per_ml = m.strength.per is not None and m.strength.per.unit is Unit.ML
        try:
            if amount.unit.is_mass and per_ml and each.value > 0:
                mass_mg = amount.to_mg()
                ml = mass_mg / Quantity(each.value, each.unit).to_mg()
                return QCoreApplication.translate("formatting", "{ml} mL of {strength} = {amount}").format(
                    ml=fmt_num(round(ml, 2)), strength=m.strength, amount=text)
            mass = normalise(amount, m.strength)
            return QCoreApplication.translate("formatting", "{amount} of {strength} = {mass}").format(
                amount=text, strength=m.strength, mass=_mass(mass, m))
        except ValueError:
            return QCoreApplication.translate("formatting", "{amount} (concentration {strength})").format(
                amount=text, strength=m.strength)
    if amount.unit.is_mass and m.strength is not None and m.strength.unit.is_mass and m.strength.per is None \
            and m.form.value in ("tablet", "granules"):
        # "20 mg" of 10 mg tablets: say how many to give, the number a tired hand needs.
        try:
            count = amount.to_mg() / m.strength.to_mg()
        except ValueError:
            return text
        if count > 0 and abs(count * 4 - round(count * 4)) < 1e-9:
            sachets = m.form.value == "granules"
            if count > 1:
                words = QCoreApplication.translate("formatting", "{amount} = {n} sachets of {strength}") if sachets \
                    else QCoreApplication.translate("formatting", "{amount} = {n} tablets of {strength}")
            else:
                words = QCoreApplication.translate("formatting", "{amount} = {n} sachet of {strength}") if sachets \
                    else QCoreApplication.translate("formatting", "{amount} = {n} tablet of {strength}")
            return words.format(amount=text, n=fmt_num(count), strength=m.strength)
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
        parts.append(QCoreApplication.translate("formatting", "- as needed"))
    return " ".join(parts)
