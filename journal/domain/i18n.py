"""The translation layer for everything outside the window: alert texts, the report, the command
line's messages. gettext catalogs live in `resources/locale/<lang>/LC_MESSAGES/carejournal.mo`,
made with Babel from the `.po` files beside them (`make translations`; a test checks that every
catalog is complete and its `.mo` is current). The window's own words use Qt's tr() with
`resources/locale/carejournal_<lang>.qm` (ui/shell/translation.py); both follow one language.

Mark a text with `_("...")` (placeholders with `.format(name=...)`, never an f-string inside
`_()`), a counted text with `ngettext("1 alarm", "{n} alarms", n)`. The language is chosen once
per process with `set_language` (Settings, else the system locale); English is the source text."""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "carejournal"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "resources" / "locale"
SOURCE_LANGUAGE = "en"
# Languages with a complete catalog, as they call themselves (shown in Settings).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def set_language(language: str | None) -> str:
    """Use `language` ("es", "es_ES", "en", None) from now on; a language without a catalog
    falls back to English. Returns the language in use ("en" or "es")."""
    global _translation, _language
    code = (language or "").split("_")[0].split(".")[0].lower()
    if code in LANGUAGES and code != SOURCE_LANGUAGE:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
        _language = code if isinstance(_translation, gettext.GNUTranslations) else SOURCE_LANGUAGE
    else:
        _translation, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
    return _language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """`message` in the language in use (itself in English or when not translated)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted text for `n` (format `{n}` in it yourself)."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` ("symptom tier"), where one English word needs two
    translations ("severe": "grave" for one symptom, "graves" for the kidneys' problems)."""
    return _translation.pgettext(context, message)


def NP_(context: str, message: str) -> str:  # noqa: N802 - the gettext convention, with a context
    """Marks a text with its context for the catalog without translating it yet; translate it
    where it is shown with `pgettext(context, message)`."""
    return message


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark now, translate later"
    """Marks a text for the catalog without translating it yet (module-level constants)."""
    return message
