"""Drug profiles (resources/drugs/<drug>.json), loaded and validated.

No rule knows which drug it is about: every limit, step, grace period, symptom set and interacting
class comes from a profile, each number with the key of its source. Adding a drug is a new JSON file
plus tests. Only `timing` (and `names`, `sources`) is required; every other section belongs to the
checks that read it, and a profile without it is skipped by them (`DrugProfile.has`):

- `stopping`: what the label says about stopping suddenly, for `abrupt-stop`'s advice;
- `routes`: per-route limits (max daily/single dose, taper and titration steps);
- `withdrawal`, `toxicity`, `paradoxical`: the signs the escalation checks link to a dose change;
- `renal`, `age`, `pump`, `liquids`, `interactions`: the checks of the same name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain import Medication
from journal.domain.i18n import N_, _

from .catalog import SymptomCatalog
from .reader import Reader, Threshold

# Thresholds abrupt-stop reads: required of a drug whose label warns against stopping it suddenly
# (a profile with a `stopping` section); a drug with no such warning (a laxative) needs none.
STOPPING_TIMING = (
    "abrupt_stop_min_days_on", "abrupt_stop_extra_gap_hours", "abrupt_stop_urgent_hours",
    "abrupt_stop_missed_in_a_row",
)
# The schedule-change checks' look-back and look-ahead (14 days each) come from
# resources/general-medicine.json like every GENERAL_TIMING number, unless the profile refines them.
REQUIRED_TIMING = STOPPING_TIMING
# Thresholds the sign checks (withdrawal, toxicity, paradoxical) need, so required with any of them.
SIGNS_TIMING = ("escalation_window_hours", "single_miss_window_hours")
# "New or worse than usual" is the symptom catalog's one answer (its `change` section), not a profile's.
CATALOG_TIMING = {"baseline_days": "change.baseline_days", "worsening_points": "change.worse_points"}
# Numbers the rules for every medicine read (resources/general-medicine.json gives them for a
# medicine with no profile; a profile may refine them, else the library fills in the general ones).
GENERAL_TIMING = (
    "missed_dose_grace_hours", "missed_dose_lookback_hours", "dose_match_window_hours",
    "as_needed_window_hours", "as_needed_lookback_hours", "combined_dose_span_hours",
)
OPTIONAL_TIMING = ("usual_interval_hours", "as_needed_max_doses_per_day")
SIGN_SECTIONS = ("withdrawal", "toxicity", "paradoxical")
OPTIONAL_SECTIONS = ("stopping", "routes", *SIGN_SECTIONS, "renal", "age", "pump", "liquids", "interactions")
ROUTE_KEYS = (
    "max_daily_mg", "max_single_mg", "taper_to_zero_min_daily_mg", "taper_to_zero_min_days",
    "taper_cut_fraction_short", "taper_cut_days_short", "taper_cut_fraction_long", "taper_cut_days_long",
    "titration_min_interval_hours", "titration_max_step_mg_per_day", "taper_cut_floor_mg_per_day",
)
ROUTES = ("oral", "intrathecal", "other")
TOP_LEVEL = {"format", "version", "drug", "display_name", "names", "sources", "timing", "notes",
             "liquid_dose_tolerance_fraction", *OPTIONAL_SECTIONS}


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
class StoppingAdvice:
    """What the label says about stopping the drug suddenly, in the project's own words.

    `risk`: what can happen (a phrase: "seizures coming back or coming more often");
    `watch_for`: what a caregiver can see; `call`: whom to tell (a phrase: "the doctor who
    prescribes it"); `source`: the key of the document that says so; `topic`: the reference
    topic the alert links to (checked against the reference by the tests)."""

    risk: str
    watch_for: str
    call: str
    source: str
    topic: str = ""  # the reference topic abrupt-stop links to ("" for the rule's usual one)

    @property
    def risk_in_short(self) -> str:
        """The risk up to its first colon or semicolon ("seizures coming back or coming more often"), in
        the language in use (the translation keeps the colon or semicolon where the English has it)."""
        return re.split(r"[:;]", _(self.risk), maxsplit=1)[0].strip()


@dataclass(frozen=True)
class DrugProfile:
    drug: str
    display_name: str
    names: frozenset[str]
    sources: dict[str, str]
    thresholds: dict[str, Threshold]  # dotted path -> value with source
    withdrawal_early: frozenset[str] = frozenset()
    withdrawal_late: frozenset[str] = frozenset()
    withdrawal_worsening_only: frozenset[str] = frozenset()
    toxicity_signs: frozenset[str] = frozenset()
    toxicity_emergency: frozenset[str] = frozenset()
    toxicity_min_severity: dict[str, int] = field(default_factory=dict)
    paradoxical_symptoms: frozenset[str] = frozenset()
    paradoxical_new_counts: frozenset[str] = frozenset()
    paradoxical_observations: frozenset[str] = frozenset()
    renal_caution_levels: frozenset[str] = frozenset()
    dialysis_words: tuple[str, ...] = ()
    interactions: tuple[InteractionClass, ...] = ()
    liquids: tuple[LiquidProduct, ...] = ()
    symptom_sources: dict[str, str] = field(default_factory=dict)
    stopping: StoppingAdvice | None = None
    sections: frozenset[str] = frozenset()  # the optional sections the file has (OPTIONAL_SECTIONS)

    def has(self, section: str) -> bool:
        """The profile has this optional section, so the checks that read it apply to the drug."""
        return section in self.sections

    def value(self, path: str) -> float:
        """The number at a dotted path ("timing.missed_dose_grace_hours"); KeyError when absent."""
        return self.thresholds[path].value

    def get(self, path: str) -> float | None:
        t = self.thresholds.get(path)
        return None if t is None else t.value

    def route(self, route: str, key: str) -> float | None:
        """A route-specific limit, or None when the profile sets none for that route."""
        return self.get(f"routes.{route}.{key}")

    def cite(self, path: str) -> str:
        """The source key of the number at `path` ("" when the profile has no such number)."""
        t = self.thresholds.get(path)
        return "" if t is None else t.source

    def matches(self, medication: Medication) -> bool:
        return names_match(medication, self.names)

    def interaction_class(self, medication: Medication) -> InteractionClass | None:
        for c in self.interactions:
            if names_match(medication, c.members):
                return c
        return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def names_match(medication: Medication, names: frozenset[str]) -> bool:
    """The medicine's recorded drug is one of `names`, or, with no drug recorded, a known name is
    one of the words the caregiver typed ("Lioresal 10mg")."""
    if medication.drug:
        return medication.drug.strip().lower() in names
    return bool(_words(medication.name) & names)


def load_profile(path: Path, catalog: SymptomCatalog, general: DrugProfile | None = None) -> DrugProfile:
    """Read and validate one drug profile; raises KnowledgeError naming the file and the field.

    A timing number must be one the checks read: listed here, or one `general` (the general
    numbers) gives, which a profile may refine."""
    r = Reader(path)
    d = r.doc
    if d.get("format") != "carejournal-drug-profile" or d.get("version") != 1:
        raise r.fail("format", "must be carejournal-drug-profile version 1")
    drug = d.get("drug")
    if not isinstance(drug, str) or not drug:
        raise r.fail("drug", "missing")
    unknown = set(d) - TOP_LEVEL
    if unknown:
        raise r.fail("top level", f"unknown {'section' if len(unknown) == 1 else 'sections'} {sorted(unknown)}")
    sources = r.obj(d.get("sources"), "sources")
    if not all(isinstance(v, str) for v in sources.values()):
        raise r.fail("sources", "each source needs a description")
    if "judgement" not in sources:
        raise r.fail("sources", 'must list "judgement" for numbers no source sets')
    keys = set(sources)
    codes = set(catalog.symptoms)
    th: dict[str, Threshold] = {}
    sections = frozenset(k for k in OPTIONAL_SECTIONS if k in d)

    def source_of(node: dict[str, object], where: str) -> str:
        src = node.get("source")
        if src not in keys:
            raise r.fail(f"{where}.source", f"{src!r} is not listed in sources")
        return str(src)

    timing = r.obj(d.get("timing"), "timing")
    required = ((STOPPING_TIMING if "stopping" in sections else ())
                + (SIGNS_TIMING if sections & set(SIGN_SECTIONS) else ()))
    for k in required:
        if k not in timing:
            raise r.fail("timing", f"missing {k}")
    known = {*REQUIRED_TIMING, *SIGNS_TIMING, *GENERAL_TIMING, *OPTIONAL_TIMING}
    if general is not None:
        known |= {k.removeprefix("timing.") for k in general.thresholds}
    for k, node in timing.items():
        if k in CATALOG_TIMING:
            raise r.fail(f"timing.{k}", f"the symptom catalog's {CATALOG_TIMING[k]} answers this for every "
                                        f"check; remove it here")
        if k not in known:
            raise r.fail(f"timing.{k}", "unknown threshold (not one the checks read, nor in general-medicine.json)")
        th[f"timing.{k}"] = r.threshold(node, f"timing.{k}", keys)

    stopping = None
    if "stopping" in d:
        st = r.obj(d["stopping"], "stopping")
        extra = set(st) - {"risk", "watch_for", "call", "source", "topic"}
        if extra:
            raise r.fail("stopping", f"unknown {'field' if len(extra) == 1 else 'fields'} {sorted(extra)}")
        stopping = StoppingAdvice(r.text(st.get("risk"), "stopping.risk"),
                                  r.text(st.get("watch_for"), "stopping.watch_for"),
                                  r.text(st.get("call"), "stopping.call"), source_of(st, "stopping"),
                                  r.text(st["topic"], "stopping.topic") if "topic" in st else "")

    routes = r.obj(d.get("routes", {}), "routes")
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

    symptom_sources: dict[str, str] = {}
    w = r.obj(d.get("withdrawal", {}), "withdrawal")
    tox = r.obj(d.get("toxicity", {}), "toxicity")
    p = r.obj(d.get("paradoxical", {}), "paradoxical")
    for name, node in (("withdrawal", w), ("toxicity", tox), ("paradoxical", p)):
        if name in sections:
            symptom_sources[name] = source_of(node, name)
    if "fever_c" in w:
        raise r.fail("withdrawal.fever_c", "the fever limit is the symptom catalog's (vitals.fever_c), "
                                           "one number for every check; remove it here")
    for k in ("fast_heart_rate", "new_min_severity", "low_systolic", "high_systolic", "high_diastolic"):
        if k in w:
            th[f"withdrawal.{k}"] = r.threshold(w[k], f"withdrawal.{k}", keys)
    for k in ("low_temperature_c", "slow_breathing_per_min"):
        if k in tox:
            raise r.fail(f"toxicity.{k}", f"the limit is the symptom catalog's (vitals.{k}), one number for "
                                          f"every check; remove it here")
    for k in ("slow_heart_rate", "low_systolic"):
        if k in tox:
            th[f"toxicity.{k}"] = r.threshold(tox[k], f"toxicity.{k}", keys)
    min_sev = r.obj(tox.get("min_severity", {}), "toxicity.min_severity")
    for code, v in min_sev.items():
        if code not in codes or not isinstance(v, int) or not 0 <= v <= 10:
            raise r.fail(f"toxicity.min_severity.{code}", "needs a catalog code and an integer 0-10")
    tox_signs = frozenset(r.strings(tox.get("signs"), "toxicity.signs", codes)) if "toxicity" in sections else frozenset()
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
    with_signs = "withdrawal" in sections
    return DrugProfile(
        drug=drug.lower(), display_name=str(d.get("display_name", drug)), names=names, sources=dict(sources),
        thresholds=th,
        withdrawal_early=frozenset(r.strings(w.get("early"), "withdrawal.early", codes)) if with_signs else frozenset(),
        withdrawal_late=frozenset(r.strings(w.get("late"), "withdrawal.late", codes)) if with_signs else frozenset(),
        withdrawal_worsening_only=frozenset(r.strings(w.get("worsening_only", []), "withdrawal.worsening_only",
                                                      codes)),
        toxicity_signs=tox_signs, toxicity_emergency=tox_emerg, toxicity_min_severity=dict(min_sev),
        paradoxical_symptoms=(frozenset(r.strings(p.get("symptoms"), "paradoxical.symptoms", codes))
                              if "paradoxical" in sections else frozenset()),
        paradoxical_new_counts=frozenset(r.strings(p.get("new_counts", []), "paradoxical.new_counts", codes)),
        paradoxical_observations=frozenset(r.strings(p.get("observations", []), "paradoxical.observations")),
        renal_caution_levels=frozenset(levels),
        dialysis_words=tuple(r.strings(renal.get("dialysis_words", []), "renal.dialysis_words")),
        interactions=tuple(interactions), liquids=tuple(liquids), symptom_sources=symptom_sources,
        stopping=stopping, sections=sections,
    )



def load_general(path: Path) -> DrugProfile:
    """The general numbers (resources/general-medicine.json) as a profile with no drug, no names and
    no optional sections, so that a rule reads `p.value("timing.missed_dose_grace_hours")` the same
    way for every medicine. Raises KnowledgeError naming the file and field when a number is
    missing or has no source."""
    r = Reader(path)
    d = r.doc
    if d.get("format") != "carejournal-general-medicine" or d.get("version") != 1:
        raise r.fail("format", "must be carejournal-general-medicine version 1")
    sources = r.obj(d.get("sources"), "sources")
    timing = r.obj(d.get("timing"), "timing")
    for k in GENERAL_TIMING:
        if k not in timing:
            raise r.fail("timing", f"missing {k}")
    th = {f"timing.{k}": r.threshold(node, f"timing.{k}", set(sources)) for k, node in timing.items()}
    return DrugProfile(drug="", display_name=N_("this medicine"), names=frozenset(), sources=dict(sources), thresholds=th)


def with_general(p: DrugProfile, general: DrugProfile) -> DrugProfile:
    """`p` with the general numbers it does not refine itself (each keeps the general source)."""
    missing = {k: t for k, t in general.thresholds.items() if k not in p.thresholds}
    if not missing:
        return p
    sources = {**{t.source: general.sources[t.source] for t in missing.values() if t.source in general.sources},
               **p.sources}
    return dataclasses.replace(p, thresholds={**p.thresholds, **missing}, sources=sources)
