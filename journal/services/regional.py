"""The first guess at a person's country and language: the computer's locale, else the country of
the journal's time zone. Only a guess: the first-run screen shows the emergency number it gives
for confirmation, and Settings keeps whatever is chosen (`Journal.get_settings` uses these values
only for settings never saved).

The country comes from the locale's territory (`LANG=en_US.UTF-8` -> US; `LC_ALL`, then
`LC_MESSAGES`, then `LANG`, as POSIX orders them), else from the tz database's zone.tab
(Europe/Berlin -> DE), else it is unknown."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path

from journal.domain.i18n import LANGUAGES, SOURCE_LANGUAGE
from journal.knowledge.regions import RegionalDefaults, default_regions

__all__ = ["RegionalDefaults", "chosen_language", "country_of_zone", "locale_name", "parse_locale", "regional_defaults"]

_LOCALE = re.compile(r"^(?P<lang>[A-Za-z]{2,3})(?:[_-](?P<country>[A-Za-z]{2}))?(?:[.@].*)?$")


def locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale the person's programs speak, e.g. "en_US.UTF-8" ("" when none is set)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "").strip()
        if value:
            return value
    return ""


def parse_locale(name: str) -> tuple[str | None, str | None]:
    """("es", "ES") from "es_ES.UTF-8"; (None, None) from "C", "POSIX" or "" (no language)."""
    m = _LOCALE.match(name.strip())
    if not m or name.strip().upper().startswith(("C.", "POSIX")) or name.strip() in ("C", "POSIX"):
        return None, None
    country = m.group("country")
    return m.group("lang").lower(), country.upper() if country else None


@functools.cache
def _zone_countries() -> dict[str, str]:
    """zone name -> country code, from zone.tab (the tzdata package's, else the system's)."""
    places: list[Path] = []
    try:
        import tzdata

        places.append(Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab")
    except ImportError:
        pass
    places.append(Path("/usr/share/zoneinfo/zone.tab"))
    for place in places:
        try:
            lines = place.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        out: dict[str, str] = {}
        for line in lines:
            if line and not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) >= 3:
                    out[cols[2]] = cols[0]
        return out
    return {}


def country_of_zone(zone: str | None) -> str | None:
    """"DE" for Europe/Berlin, "AU" for Australia/Sydney; None for UTC or an unknown name."""
    return _zone_countries().get(zone or "")


def regional_defaults(zone: str | None = None, environ: Mapping[str, str] | None = None,
                      language: str | None = None) -> RegionalDefaults:
    """The defaults for this person. Units, clock and dates follow the locale only (a "C" locale
    keeps C, kg, 24 h and ISO dates); the decimal separator follows `language` (the one chosen in
    Settings) when given, else the locale's language, so a journal kept in Spanish writes 37,5
    until another mark is chosen; the emergency number follows the locale's country, else `zone`'s
    country (a UK journal says 999 even on a computer set to "C")."""
    locale_language, country = parse_locale(locale_name(environ))
    regions = default_regions()
    found = regions.defaults(country, language or locale_language)
    if country is None:
        by_zone = country_of_zone(zone)
        if by_zone is not None:
            found = dataclasses.replace(found, country=by_zone,
                                        emergency_number=regions.defaults(by_zone).emergency_number)
    return found


def chosen_language(saved: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: the one saved in Settings, else the locale's ("es" from
    es_ES.UTF-8), else English. Only languages with a catalog (domain.i18n.LANGUAGES) count."""
    if saved and saved in LANGUAGES:
        return saved
    language, _country = parse_locale(locale_name(environ))
    return language if language in LANGUAGES else SOURCE_LANGUAGE
