"""The symptom catalog as the forms show it (labels, triage tier, guidance topic).

The catalog is the checks' data (resources/symptoms.json, loaded and validated by
journal.knowledge), and its tier comes from the same `SymptomCatalog.tier()` the checks and the
report use; this module only shapes it for display."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from journal.domain import SYMPTOM_CODES
from journal.domain.i18n import current_language
from journal.knowledge import TIER_RANK, KnowledgeError, default_catalog


@dataclass(frozen=True)
class SymptomChoice:
    code: str
    label: str
    tier: str = ""  # "emergency", "urgent", "next-visit" or "" when unknown
    reference: str = ""

    def tier_for(self, severity: int | None) -> str:
        """The tier at a given severity (the catalog can raise it for severe symptoms)."""
        if not self.tier:
            return ""
        try:
            return default_catalog().tier(self.code, severity).tier or self.tier
        except KnowledgeError:
            return self.tier


def _label_from_code(code: str) -> str:
    return code.replace("-", " ").capitalize()


def symptom_catalog() -> tuple[SymptomChoice, ...]:
    """Every sign the forms offer, with its name in the language in use (the catalog's own
    `label()`, the one the checks and the report show), most serious first."""
    return _symptom_catalog(current_language())


@lru_cache(maxsize=4)
def _symptom_catalog(language: str) -> tuple[SymptomChoice, ...]:  # one list per language (the cache key)
    found: dict[str, SymptomChoice] = {}
    try:
        catalog = default_catalog()
        for code, info in catalog.symptoms.items():
            found[code] = SymptomChoice(code, catalog.label(code), info.tier, info.topic)
    except Exception:  # noqa: BLE001 - a broken catalog must not stop logging; codes stay available
        found = {}
    for code in SYMPTOM_CODES:
        found.setdefault(code, SymptomChoice(code, _label_from_code(code)))
    # most serious first (emergency, call today, the rest), "Something else" last
    return tuple(sorted(found.values(), key=lambda c: (c.code == "other", -max(TIER_RANK.get(c.tier, 0), 0),
                                                       c.label.lower())))


def choice_for(code: str) -> SymptomChoice:
    for c in symptom_catalog():
        if c.code == code:
            return c
    return SymptomChoice(code, _label_from_code(code))
