"""What a country's people expect by default, from `resources/regions.json`: the emergency number,
Fahrenheit or Celsius, pounds or kilograms, a 12- or 24-hour clock, month-first dates, and which
languages write a decimal comma. Each list names its source in the file's `sources`.

These are first guesses only (confirmed on the first-run screen, changed in Settings); the guess
itself is made in `journal.services.regional` from the locale or the journal's time zone."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .reader import RESOURCES, Reader

REGIONS_FILE = RESOURCES / "regions.json"


@dataclass(frozen=True)
class RegionalDefaults:
    """The defaults for one country (ISO 3166 alpha-2, None when not known) and language.

    temperature_unit is "C" or "F", weight_unit "kg" or "lb" (the units of domain.readings);
    time_format and date_format are strftime patterns as Settings keeps them."""

    country: str | None
    emergency_number: str
    temperature_unit: str
    weight_unit: str
    time_format: str
    date_format: str
    decimal_separator: str


@dataclass(frozen=True)
class Regions:
    emergency: dict[str, str]
    fallback_number: str
    fahrenheit: frozenset[str]
    pounds: frozenset[str]
    twelve_hour: frozenset[str]
    month_first: frozenset[str]
    decimal_comma: frozenset[str]

    def defaults(self, country: str | None, language: str | None = None) -> RegionalDefaults:
        """Defaults for `country` (e.g. "US", "GB", "DE", "AU"; case ignored) and `language`
        (e.g. "es"). An unknown or missing country gets the fallback number, C, kg and 24 h."""
        c = country.upper() if country else None
        lang = (language or "").lower()
        return RegionalDefaults(
            country=c,
            emergency_number=self.emergency.get(c or "", self.fallback_number),
            temperature_unit="F" if c in self.fahrenheit else "C",
            weight_unit="lb" if c in self.pounds else "kg",
            time_format="%I:%M %p" if c in self.twelve_hour else "%H:%M",
            date_format="%m/%d/%Y" if c in self.month_first else "%Y-%m-%d",
            decimal_separator="," if lang in self.decimal_comma else ".",
        )


def load_regions(path: Path = REGIONS_FILE) -> Regions:
    """Reads and checks the file; KnowledgeError names the field that is wrong."""
    r = Reader(path)
    sources = r.obj(r.doc.get("sources"), "sources")

    def source(node: dict[str, Any], where: str) -> None:
        if node.get("source") not in sources:
            raise r.fail(f"{where}.source", f"{node.get('source')!r} is not listed in sources")

    numbers: dict[str, str] = {}
    for code, node in r.obj(r.doc.get("emergency_numbers"), "emergency_numbers").items():
        node = r.obj(node, f"emergency_numbers.{code}")
        number = str(node.get("number", ""))
        if len(code) != 2 or not code.isupper() or not number.isdigit():
            raise r.fail(f"emergency_numbers.{code}", "needs a two-letter country code and a number of digits")
        source(node, f"emergency_numbers.{code}")
        numbers[code] = number
    fallback = r.obj(r.doc.get("default_emergency_number"), "default_emergency_number")
    source(fallback, "default_emergency_number")

    def countries(key: str, field: str = "countries") -> frozenset[str]:
        node = r.obj(r.doc.get(key), key)
        source(node, key)
        return frozenset(str(c) for c in node.get(field, []))

    return Regions(numbers, str(fallback["value"]), countries("fahrenheit"), countries("pounds"),
                   countries("twelve_hour_clock"), countries("month_first_dates"),
                   countries("decimal_comma", "languages"))


@functools.cache
def default_regions() -> Regions:
    return load_regions()
