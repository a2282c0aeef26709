"""The drug library: every profile under resources/drugs/ and the symptom catalog, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from journal.domain import Medication

from .catalog import SymptomCatalog, load_catalog
from .profiles import DrugProfile, load_general, load_profile, with_general
from .reader import RESOURCES, KnowledgeError


@dataclass(frozen=True)
class DrugLibrary:
    profiles: tuple[DrugProfile, ...]
    catalog: SymptomCatalog
    # The numbers for every medicine the journal has no profile for (resources/general-medicine.json).
    general: DrugProfile | None = None
    # profile_for answers from the medicine's drug and name only; the report replays the rules
    # hundreds of times over the same medicines, so the answer is remembered per (drug, name).
    _profile_memo: dict[tuple[str, str], DrugProfile | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def profile_for(self, medication: Medication) -> DrugProfile | None:
        """The profile of the drug this medicine is (by its recorded drug, else its name), or None."""
        key = (medication.drug or "", medication.name)
        if key in self._profile_memo:
            return self._profile_memo[key]
        found = next((p for p in self.profiles if p.matches(medication)), None)
        self._profile_memo[key] = found
        return found

    def profile_or_general(self, medication: Medication) -> DrugProfile:
        """The medicine's drug profile, else the general numbers every medicine is checked with.
        Raises KnowledgeError when the library was built without the general numbers."""
        found = self.profile_for(medication)
        if found is not None:
            return found
        if self.general is None:
            raise KnowledgeError("general-medicine.json was not loaded")
        return self.general

    def known_names(self) -> frozenset[str]:
        """Every drug and brand name a profile answers to (lower case)."""
        return frozenset(n for p in self.profiles for n in p.names)

    @staticmethod
    def load(resources: Path | None = None) -> DrugLibrary:
        """Load and validate `symptoms.json`, `general-medicine.json` and `drugs/*.json` under `resources`.

        Raises KnowledgeError naming the file and field of the first problem."""
        root = resources or RESOURCES
        catalog = default_catalog() if resources is None else load_catalog(root / "symptoms.json")
        files = sorted((root / "drugs").glob("*.json"))
        if not files:
            raise KnowledgeError(f"{root / 'drugs'}: no drug profiles found")
        general = load_general(root / "general-medicine.json")
        profiles = tuple(with_general(load_profile(f, catalog, general), general) for f in files)
        names: dict[str, str] = {}
        for p in profiles:
            for n in p.names:
                if n in names:
                    raise KnowledgeError(f"{p.drug}.json: names: {n!r} is also a name of {names[n]}")
                names[n] = p.drug
        return DrugLibrary(profiles, catalog, general)


@lru_cache(maxsize=1)
def default_catalog() -> SymptomCatalog:
    """The symptom catalog from the installed resources (read once)."""
    return load_catalog(RESOURCES / "symptoms.json")


@lru_cache(maxsize=1)
def default_library() -> DrugLibrary:
    """The drug library from the installed resources (read once)."""
    return DrugLibrary.load()
