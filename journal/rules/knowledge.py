"""Drug knowledge and the symptom catalog, loaded from `resources/` and validated at load.

No rule knows which drug it is about: every limit, step, grace period, symptom set and
interacting class comes from a drug profile (`resources/drugs/<drug>.json`), each number with
the key of its source. Adding a drug is a new JSON file plus tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from journal.domain import SYMPTOM_CODES, Medication, Severity

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

TIERS = ("emergency", "urgent", "next-visit")
TIER_SEVERITY = {"emergency": Severity.EMERGENCY, "urgent": Severity.URGENT}

# Thresholds every profile must give (dotted path -> what it means, for error messages).
REQUIRED_TIMING = (
    "missed_dose_grace_hours", "missed_dose_lookback_hours", "dose_match_window_hours",
    "abrupt_stop_min_days_on", "abrupt_stop_extra_gap_hours", "abrupt_stop_urgent_hours",
    "abrupt_stop_missed_in_a_row", "escalation_window_hours",
    "schedule_change_lookback_days", "baseline_days", "worsening_points", "single_miss_window_hours",
    "plan_ahead_days",
)
ROUTE_KEYS = (
    "max_daily_mg", "max_single_mg", "taper_to_zero_min_daily_mg", "taper_to_zero_min_days",
    "taper_cut_fraction_short", "taper_cut_days_short", "taper_cut_fraction_long", "taper_cut_days_long",
    "titration_min_interval_hours", "titration_max_step_mg_per_day", "taper_cut_floor_mg_per_day",
)
ROUTES = ("oral", "intrathecal", "other")


class KnowledgeError(ValueError):
    """A drug profile or the symptom catalog is malformed; names the file and the field."""


@dataclass(frozen=True)
class Threshold:
    value: float
    source: str


@dataclass(frozen=True)
class InteractionClass:
    name: str
    label: str
    source: str
    members: frozenset[str]
    note_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class LiquidProduct:
    name: str
    form: str
    mg_per_ml: Threshold


@dataclass(frozen=True)
class DrugProfile:
    drug: str
    display_name: str
    names: frozenset[str]
    sources: dict[str, str]
    thresholds: dict[str, Threshold]  # dotted path -> value with source
    withdrawal_early: frozenset[str]
    withdrawal_late: frozenset[str]
    withdrawal_worsening_only: frozenset[str]
    toxicity_signs: frozenset[str]
    toxicity_emergency: frozenset[str]
    toxicity_min_severity: dict[str, int]
    paradoxical_symptoms: frozenset[str]
    paradoxical_new_counts: frozenset[str]
    paradoxical_observations: frozenset[str]
    renal_caution_levels: frozenset[str]
    dialysis_words: tuple[str, ...]
    interactions: tuple[InteractionClass, ...]
    liquids: tuple[LiquidProduct, ...]
    symptom_sources: dict[str, str] = field(default_factory=dict)

    def value(self, path: str) -> float:
        return self.thresholds[path].value

    def get(self, path: str) -> float | None:
        t = self.thresholds.get(path)
        return None if t is None else t.value

    def route(self, route: str, key: str) -> float | None:
        """A route-specific limit, or None when the profile sets none for that route."""
        return self.get(f"routes.{route}.{key}")

    def cite(self, path: str) -> str:
        t = self.thresholds.get(path)
        return "" if t is None else t.source

    def matches(self, medication: Medication) -> bool:
        return _names_match(medication, self.names)

    def interaction_class(self, medication: Medication) -> InteractionClass | None:
        for c in self.interactions:
            if _names_match(medication, c.members):
                return c
        return None


@dataclass(frozen=True)
class SymptomInfo:
    code: str
    label: str
    tier: str
    topic: str
    severe_at: int | None = None
    severe_tier: str | None = None
    with_codes: frozenset[str] = frozenset()
    with_hours: float = 24.0
    with_tier: str | None = None
    urgent_if_dose_vomited: bool = False


@dataclass(frozen=True)
class SymptomCatalog:
    symptoms: dict[str, SymptomInfo]
    vitals: dict[str, Threshold]
    vital_severity: dict[str, Severity]
    vitals_topic: str

    def label(self, code: str) -> str:
        info = self.symptoms.get(code)
        return info.label if info else code.replace("-", " ").capitalize()

    def info(self, code: str) -> SymptomInfo | None:
        return self.symptoms.get(code)


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
        key = (medication.drug or "", medication.name)
        if key in self._profile_memo:
            return self._profile_memo[key]
        found = next((p for p in self.profiles if p.matches(medication)), None)
        self._profile_memo[key] = found
        return found

    @staticmethod
    def load(resources: Path | None = None) -> DrugLibrary:
        root = resources or RESOURCES
        catalog = load_catalog(root / "symptoms.json")
        files = sorted((root / "drugs").glob("*.json"))
        if not files:
            raise KnowledgeError(f"{root / 'drugs'}: no drug profiles found")
        profiles = tuple(load_profile(f, catalog) for f in files)
        return DrugLibrary(profiles, catalog, load_general(root / "general-medicine.json"))

    def profile_or_general(self, medication: Medication) -> DrugProfile:
        """The medicine's drug profile, else the general numbers every medicine is checked with.
        Raises KnowledgeError when the library was built without the general numbers."""
        found = self.profile_for(medication)
        if found is not None:
            return found
        if self.general is None:
            raise KnowledgeError("general-medicine.json was not loaded")
        return self.general


@lru_cache(maxsize=1)
def default_library() -> DrugLibrary:
    return DrugLibrary.load()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _names_match(medication: Medication, names: frozenset[str]) -> bool:
    if medication.drug:
        return medication.drug.strip().lower() in names
    # No drug recorded: recognise a known name in what the caregiver typed ("Lioresal 10mg").
    return bool(_words(medication.name) & names)


# ---------------------------------------------------------------- loading and validation

class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise KnowledgeError(f"{path.name}: cannot read: {e}") from None
        if not isinstance(self.doc, dict):
            raise KnowledgeError(f"{path.name}: the top level must be an object")

    def fail(self, where: str, what: str) -> KnowledgeError:
        return KnowledgeError(f"{self.path.name}: {where}: {what}")

    def obj(self, node: Any, where: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(where, "must be an object")
        return node

    def strings(self, node: Any, where: str, codes: set[str] | None = None) -> list[str]:
        if not isinstance(node, list) or not all(isinstance(x, str) and x for x in node):
            raise self.fail(where, "must be a list of non-empty strings")
        if codes is not None:
            for x in node:
                if x not in codes:
                    raise self.fail(where, f"{x!r} is not a symptom code of the catalog")
        return [x.lower() if codes is None else x for x in node]

    def threshold(self, node: Any, where: str, sources: set[str] | None) -> Threshold:
        if not isinstance(node, dict) or set(node) - {"value", "source", "severity"} or "value" not in node:
            raise self.fail(where, 'must be {"value": number, "source": key}')
        v = node["value"]
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0 or v != v or v in (float("inf"),):
            raise self.fail(where, f"value {v!r} must be a finite number >= 0")
        src = node.get("source")
        if not isinstance(src, str) or not src:
            raise self.fail(where, "has no source")
        if sources is not None and src not in sources:
            raise self.fail(where, f"source {src!r} is not listed in sources")
        return Threshold(float(v), src)


def load_catalog(path: Path) -> SymptomCatalog:
    r = _Reader(path)
    items = r.doc.get("symptoms")
    if not isinstance(items, list):
        raise r.fail("symptoms", "must be a list")
    out: dict[str, SymptomInfo] = {}
    for i, s in enumerate(items):
        where = f"symptoms[{i}]"
        s = r.obj(s, where)
        code = s.get("code")
        if not isinstance(code, str) or not code:
            raise r.fail(where, "has no code")
        if code in out:
            raise r.fail(where, f"code {code!r} appears twice")
        for key in ("label", "tier", "topic"):
            if not isinstance(s.get(key), str) or not s[key]:
                raise r.fail(f"{where} ({code})", f"has no {key}")
        for key in ("tier", "severe_tier", "with_tier"):
            if key in s and s[key] not in TIERS:
                raise r.fail(f"{where} ({code}).{key}", f"{s[key]!r} is not one of {', '.join(TIERS)}")
        if ("severe_at" in s) != ("severe_tier" in s):
            raise r.fail(f"{where} ({code})", "severe_at and severe_tier go together")
        if "severe_at" in s and not (isinstance(s["severe_at"], int) and 0 <= s["severe_at"] <= 10):
            raise r.fail(f"{where} ({code}).severe_at", "must be an integer 0-10")
        unknown = set(s) - {"code", "label", "tier", "topic", "severe_at", "severe_tier", "with", "with_hours",
                            "with_tier", "urgent_if_dose_vomited"}
        if unknown:
            raise r.fail(f"{where} ({code})", f"unknown field(s) {sorted(unknown)}")
        out[code] = SymptomInfo(
            code=code, label=s["label"], tier=s["tier"], topic=s["topic"],
            severe_at=s.get("severe_at"), severe_tier=s.get("severe_tier"),
            with_codes=frozenset(r.strings(s.get("with", []), f"{where}.with")),
            with_hours=float(s.get("with_hours", 24)), with_tier=s.get("with_tier"),
            urgent_if_dose_vomited=bool(s.get("urgent_if_dose_vomited", False)),
        )
    missing = [c for c in SYMPTOM_CODES if c not in out]
    if missing:
        raise r.fail("symptoms", f"missing catalog code(s) {missing}")
    for info in out.values():
        bad = info.with_codes - set(out)
        if bad:
            raise r.fail(f"symptoms ({info.code}).with", f"unknown code(s) {sorted(bad)}")
    v = r.obj(r.doc.get("vitals"), "vitals")
    vitals: dict[str, Threshold] = {}
    sev: dict[str, Severity] = {}
    for key in ("fever_c", "low_temperature_c", "slow_breathing_per_min", "low_oxygen_percent", "alert_hours"):
        if key not in v:
            raise r.fail("vitals", f"missing {key}")
        vitals[key] = r.threshold(v[key], f"vitals.{key}", None)
        if "severity" in v[key]:
            try:
                sev[key] = Severity(v[key]["severity"])
            except ValueError:
                raise r.fail(f"vitals.{key}.severity", f"{v[key]['severity']!r} is not a severity") from None
    return SymptomCatalog(out, vitals, sev, str(v.get("topic", "when-to-call")))


# The numbers the general rules (missed-dose, double-dose, as-needed, stock) read for every medicine.
GENERAL_TIMING = (
    "missed_dose_grace_hours", "missed_dose_lookback_hours", "dose_match_window_hours",
    "as_needed_window_hours", "as_needed_lookback_hours", "combined_dose_span_hours",
)


def load_general(path: Path) -> DrugProfile:
    """The general numbers as a profile with no drug, no names and no symptom sets, so that a rule
    reads `p.value("timing.missed_dose_grace_hours")` the same way for every medicine. Raises
    KnowledgeError naming the file and field when a number is missing or has no source."""
    r = _Reader(path)
    d = r.doc
    if d.get("format") != "carejournal-general-medicine" or d.get("version") != 1:
        raise r.fail("format", "must be carejournal-general-medicine version 1")
    sources = r.obj(d.get("sources"), "sources")
    timing = r.obj(d.get("timing"), "timing")
    for k in GENERAL_TIMING:
        if k not in timing:
            raise r.fail("timing", f"missing {k}")
    th = {f"timing.{k}": r.threshold(node, f"timing.{k}", set(sources)) for k, node in timing.items()}
    empty: frozenset[str] = frozenset()
    return DrugProfile(
        drug="", display_name="this medicine", names=empty, sources=dict(sources), thresholds=th,
        withdrawal_early=empty, withdrawal_late=empty, withdrawal_worsening_only=empty, toxicity_signs=empty,
        toxicity_emergency=empty, toxicity_min_severity={}, paradoxical_symptoms=empty,
        paradoxical_new_counts=empty, paradoxical_observations=empty, renal_caution_levels=empty,
        dialysis_words=(), interactions=(), liquids=(),
    )


def load_profile(path: Path, catalog: SymptomCatalog) -> DrugProfile:
    r = _Reader(path)
    d = r.doc
    if d.get("format") != "carejournal-drug-profile" or d.get("version") != 1:
        raise r.fail("format", "must be carejournal-drug-profile version 1")
    drug = d.get("drug")
    if not isinstance(drug, str) or not drug:
        raise r.fail("drug", "missing")
    sources = r.obj(d.get("sources"), "sources")
    if not all(isinstance(v, str) for v in sources.values()):
        raise r.fail("sources", "each source needs a description")
    if "judgement" not in sources:
        raise r.fail("sources", 'must list "judgement" for numbers no source sets')
    keys = set(sources)
    codes = set(catalog.symptoms)
    th: dict[str, Threshold] = {}

    timing = r.obj(d.get("timing"), "timing")
    for k in REQUIRED_TIMING:
        if k not in timing:
            raise r.fail("timing", f"missing {k}")
    for k, node in timing.items():
        th[f"timing.{k}"] = r.threshold(node, f"timing.{k}", keys)

    routes = r.obj(d.get("routes"), "routes")
    for route, limits in routes.items():
        if route not in ROUTES:
            raise r.fail(f"routes.{route}", f"unknown route (use {', '.join(ROUTES)})")
        for k, node in r.obj(limits, f"routes.{route}").items():
            if k not in ROUTE_KEYS:
                raise r.fail(f"routes.{route}.{k}", "unknown limit")
            th[f"routes.{route}.{k}"] = r.threshold(node, f"routes.{route}.{k}", keys)
        for a, b in (("taper_cut_fraction_short", "taper_cut_days_short"),
                     ("taper_cut_fraction_long", "taper_cut_days_long"),
                     ("taper_to_zero_min_daily_mg", "taper_to_zero_min_days")):
            if (f"routes.{route}.{a}" in th) != (f"routes.{route}.{b}" in th):
                raise r.fail(f"routes.{route}", f"{a} and {b} go together")
        for k in ("taper_cut_fraction_short", "taper_cut_fraction_long"):
            t = th.get(f"routes.{route}.{k}")
            if t is not None and not 0 < t.value < 1:
                raise r.fail(f"routes.{route}.{k}", "must be a fraction between 0 and 1")

    renal = r.obj(d.get("renal", {}), "renal")
    for k in ("severe_urgent_above_mg_per_day", "dialysis_urgent_above_mg_per_day"):
        if k in renal:
            th[f"renal.{k}"] = r.threshold(renal[k], f"renal.{k}", keys)
    levels = r.strings(renal.get("caution_levels", []), "renal.caution_levels")
    for lv in levels:
        if lv not in ("mild", "moderate", "severe"):
            raise r.fail("renal.caution_levels", f"{lv!r} is not mild, moderate or severe")
    age = r.obj(d.get("age", {}), "age")
    for k in ("caution_from_years", "caution_above_mg_per_day"):
        if k in age:
            th[f"age.{k}"] = r.threshold(age[k], f"age.{k}", keys)
    pump = r.obj(d.get("pump", {}), "pump")
    for k in ("refill_info_days", "refill_warning_days"):
        if k in pump:
            th[f"pump.{k}"] = r.threshold(pump[k], f"pump.{k}", keys)
    if "pump.refill_info_days" in th and "pump.refill_warning_days" in th:
        if th["pump.refill_warning_days"].value > th["pump.refill_info_days"].value:
            raise r.fail("pump", "refill_warning_days must not be more than refill_info_days")

    w = r.obj(d.get("withdrawal"), "withdrawal")
    tox = r.obj(d.get("toxicity"), "toxicity")
    p = r.obj(d.get("paradoxical"), "paradoxical")
    symptom_sources: dict[str, str] = {}
    for name, node in (("withdrawal", w), ("toxicity", tox), ("paradoxical", p)):
        src = node.get("source")
        if src not in keys:
            raise r.fail(f"{name}.source", f"{src!r} is not listed in sources")
        symptom_sources[name] = src
    for k in ("fever_c", "fast_heart_rate", "new_min_severity", "low_systolic", "high_systolic", "high_diastolic"):
        if k in w:
            th[f"withdrawal.{k}"] = r.threshold(w[k], f"withdrawal.{k}", keys)
    for k in ("low_temperature_c", "slow_breathing_per_min", "slow_heart_rate", "low_systolic"):
        if k in tox:
            th[f"toxicity.{k}"] = r.threshold(tox[k], f"toxicity.{k}", keys)
    min_sev = r.obj(tox.get("min_severity", {}), "toxicity.min_severity")
    for code, v in min_sev.items():
        if code not in codes or not isinstance(v, int) or not 0 <= v <= 10:
            raise r.fail(f"toxicity.min_severity.{code}", "needs a catalog code and an integer 0-10")
    tox_signs = frozenset(r.strings(tox.get("signs"), "toxicity.signs", codes))
    tox_emerg = frozenset(r.strings(tox.get("emergency", []), "toxicity.emergency", codes))
    if not tox_emerg <= tox_signs:
        raise r.fail("toxicity.emergency", "must be a subset of toxicity.signs")

    interactions: list[InteractionClass] = []
    for i, c in enumerate(d.get("interactions", [])):
        where = f"interactions[{i}]"
        c = r.obj(c, where)
        for k in ("class", "label", "source"):
            if not isinstance(c.get(k), str) or not c[k]:
                raise r.fail(where, f"has no {k}")
        if c["source"] not in keys:
            raise r.fail(f"{where}.source", f"{c['source']!r} is not listed in sources")
        interactions.append(InteractionClass(
            c["class"], c["label"], c["source"], frozenset(r.strings(c.get("members"), f"{where}.members")),
            tuple(r.strings(c.get("note_words", []), f"{where}.note_words"))))
    liquids: list[LiquidProduct] = []
    for i, lq in enumerate(d.get("liquids", [])):
        where = f"liquids[{i}]"
        lq = r.obj(lq, where)
        liquids.append(LiquidProduct(str(lq.get("name", "")), str(lq.get("form", "")),
                                     r.threshold(lq.get("mg_per_ml"), f"{where}.mg_per_ml", keys)))
    if "liquid_dose_tolerance_fraction" in d:
        th["liquid_dose_tolerance_fraction"] = r.threshold(d["liquid_dose_tolerance_fraction"],
                                                           "liquid_dose_tolerance_fraction", keys)
    names = frozenset(r.strings(d.get("names", [drug]), "names")) | {drug.lower()}
    return DrugProfile(
        drug=drug.lower(), display_name=str(d.get("display_name", drug)), names=names, sources=dict(sources),
        thresholds=th,
        withdrawal_early=frozenset(r.strings(w.get("early"), "withdrawal.early", codes)),
        withdrawal_late=frozenset(r.strings(w.get("late"), "withdrawal.late", codes)),
        withdrawal_worsening_only=frozenset(r.strings(w.get("worsening_only", []), "withdrawal.worsening_only",
                                                      codes)),
        toxicity_signs=tox_signs, toxicity_emergency=tox_emerg, toxicity_min_severity=dict(min_sev),
        paradoxical_symptoms=frozenset(r.strings(p.get("symptoms"), "paradoxical.symptoms", codes)),
        paradoxical_new_counts=frozenset(r.strings(p.get("new_counts", []), "paradoxical.new_counts", codes)),
        paradoxical_observations=frozenset(r.strings(p.get("observations", []), "paradoxical.observations")),
        renal_caution_levels=frozenset(levels),
        dialysis_words=tuple(r.strings(renal.get("dialysis_words", []), "renal.dialysis_words")),
        interactions=tuple(interactions), liquids=tuple(liquids), symptom_sources=symptom_sources,
    )
