"""Drug knowledge and the symptom catalog, loaded from `resources/` and validated at load.

One home for "what is this threshold" and "how serious is this sign": the rules, the report,
the services and the window all read them from here (`default_library()`, `default_catalog()`,
`SymptomCatalog.tier()` / `triage()`, `SymptomCatalog.fever`). Pure data and logic: no Qt, no SQL,
nothing above `journal.domain`."""

from .catalog import (
    HIGH_FEVER,
    TIER_RANK,
    TIER_SEVERITY,
    TIERS,
    SymptomCatalog,
    SymptomInfo,
    Triage,
    change_in_words,
    load_catalog,
)
from .library import DrugLibrary, default_catalog, default_library
from .profiles import DrugProfile, InteractionClass, LiquidProduct, StoppingAdvice, load_profile
from .reader import RESOURCES, KnowledgeError, Threshold

__all__ = [
    "HIGH_FEVER", "RESOURCES", "TIERS", "TIER_RANK", "TIER_SEVERITY", "DrugLibrary", "DrugProfile",
    "InteractionClass", "KnowledgeError", "LiquidProduct", "StoppingAdvice", "SymptomCatalog", "SymptomInfo",
    "Threshold", "Triage", "change_in_words", "default_catalog", "default_library", "load_catalog", "load_profile",
]
