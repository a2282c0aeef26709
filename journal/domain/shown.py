"""Values as a person reads them in the language in use: numbers with the language's decimal mark,
and the one-word names of the journal's closed vocabularies (a reading's kind, a medicine's form,
a dose's status, a unit, a source key). One home for each, below every layer that shows them
(rules, schedule, knowledge, services, command line, report, window), so a value never shows raw
English ("suspension", "heart-rate", "judgement") inside a Spanish sentence.

What is stored and exported keeps the exchange format's own values (`Form.SUSPENSION.value`),
and English output is exactly as before: these functions give the English words themselves."""

from __future__ import annotations

from .enums import DoseStatus, Form, ObservationKind, StockKind, Unit
from .i18n import N_, SOURCE_LANGUAGE, _, current_language, ngettext

# The decimal mark each language's text uses. Spanish: a comma ("38,5 °C"), as Spain and most of South
# America write it; Mexico, Central America and the Caribbean write a point, and the RAE/ASALE
# Ortografía (2010) accepts both. The comma is this project's choice for its one Spanish catalog
# (issue 19); both are accepted when typed (quantity.parse_number). English: a point.
DECIMAL_MARKS: dict[str, str] = {"en": ".", "es": ","}


_chosen_mark: str | None = None


def set_decimal_mark(mark: str | None) -> None:
    """Show decimals with `mark` ("." or ",", the journal's Settings) from now on; None: the
    language's own mark. Set by the journal's settings when they are read, so the window, the
    alerts, the command line and the report all write 37,5 or 37.5 alike."""
    global _chosen_mark
    _chosen_mark = mark if mark in (".", ",") else None


def decimal_mark() -> str:
    """"." or ",": the journal's chosen mark, else the mark of the language in use."""
    return _chosen_mark or DECIMAL_MARKS.get(current_language(), ".")


def num(value: float | str | None, spec: str = "g") -> str:
    """`value` formatted with `spec` (a format spec: "g", ".1f", ".0f") and the language's decimal
    mark: "38.5" in English, "38,5" in Spanish. Only for text a person reads; files and exports keep
    "." (services.spreadsheet). A value that is not a number (a typed text being refused, a number
    a profile does not set) is shown as it is."""
    if value is None or isinstance(value, str):
        return str(value)
    return format(value, spec).replace(".", decimal_mark())


# A reading's kind as words inside a sentence (ObservationKind values).
READING_NAMES: dict[str, str] = {
    "temperature": N_("temperature"), "heart-rate": N_("heart rate"), "respiratory-rate": N_("respiratory rate"),
    "blood-pressure": N_("blood pressure"), "oxygen-saturation": N_("oxygen saturation"),
    "penn-spasm-frequency": N_("penn spasm frequency"), "modified-ashworth": N_("modified ashworth"),
    "pain-nrs": N_("pain nrs"), "weight": N_("weight"),
}

# A medicine's form as a word inside a sentence (Form values).
FORM_NAMES: dict[str, str] = {
    "tablet": N_("tablet"), "solution": N_("solution"), "suspension": N_("suspension"),
    "granules": N_("granules"), "pump": N_("pump"), "other": N_("other"),
}

# A dose's status as its one-word value ("skipped") inside a sentence (DoseStatus values).
STATUS_NAMES: dict[str, str] = {
    "taken": N_("taken"), "skipped": N_("skipped"), "refused": N_("refused"), "vomited": N_("vomited"),
    "missed": N_("missed"),
}

# What happened to a medicine's stock, in a sentence ("60 tablets received"; StockKind values).
STOCK_KIND_NAMES: dict[str, str] = {"counted": N_("counted"), "received": N_("received"),
                                    "discarded": N_("thrown away")}

# The source keys that are words rather than a publication's short name ("NHS", "ISMP" stay as
# they are): every knowledge file lists what they stand for under `sources`.
SOURCE_NAMES: dict[str, str] = {"judgement": N_("judgement"), "label": N_("label")}


def reading_name(kind: ObservationKind | str) -> str:
    """"heart rate" / "frecuencia cardiaca" for ObservationKind.HEART_RATE (a value the journal
    does not know: its words, hyphens as spaces)."""
    value = kind.value if isinstance(kind, ObservationKind) else str(kind)
    return _(READING_NAMES[value]) if value in READING_NAMES else value.replace("-", " ")


def form_name(form: Form | str) -> str:
    """"suspension" / "suspensión" for Form.SUSPENSION."""
    value = form.value if isinstance(form, Form) else str(form)
    if value == Form.TABLET.value:  # the catalog's "tablet" is the counted unit's (unit_name): one text
        return unit_name(Unit.TABLET)
    return _(FORM_NAMES[value]) if value in FORM_NAMES else value


def status_name(status: DoseStatus | str) -> str:
    """"skipped" / "no dada" for DoseStatus.SKIPPED."""
    value = status.value if isinstance(status, DoseStatus) else str(status)
    return _(STATUS_NAMES[value]) if value in STATUS_NAMES else value


def stock_kind_name(kind: StockKind | str) -> str:
    """"received" / "recibidas" for StockKind.RECEIVED, "thrown away" for DISCARDED."""
    value = kind.value if isinstance(kind, StockKind) else str(kind)
    return _(STOCK_KIND_NAMES[value]) if value in STOCK_KIND_NAMES else value


def source_name(key: str) -> str:
    """A source key as shown after "source:": "judgement" / "criterio del equipo", "label" /
    "ficha técnica"; a publication's short name ("NHS") unchanged; "" stays ""."""
    return _(SOURCE_NAMES[key]) if key in SOURCE_NAMES else key


def unit_name(unit: Unit, n: float = 1) -> str:
    """A unit as written after an amount of `n`: "mg", "mL" as they are; "tablet" or "tablets",
    "comprimido" or "comprimidos". English keeps the singular for a part of one and for one ("0.5
    tablet", "1 tablet"; "0 tablets", "1.5 tablets"); Spanish puts every amount but exactly 1 in the plural ("0,5 comprimidos",
    "1 comprimido"), as each language counts a part of a unit."""
    singular = n == 1 or (0 < n < 1 and current_language() == SOURCE_LANGUAGE)
    if unit is Unit.TABLET:
        return ngettext("tablet", "tablets", 1 if singular else 2)
    if unit is Unit.SACHET:
        return ngettext("sachet", "sachets", 1 if singular else 2)
    return str(unit.value)



def reading_code_name(kind: ObservationKind | str) -> str:
    """A reading's kind where the command line echoes what was typed: its code in English
    ("heart-rate", as `log-reading --kind` takes it), its name in any other language
    ("frecuencia cardiaca"), so a Spanish sentence never carries the English code."""
    value = kind.value if isinstance(kind, ObservationKind) else str(kind)
    return value if current_language() == SOURCE_LANGUAGE else reading_name(value)
