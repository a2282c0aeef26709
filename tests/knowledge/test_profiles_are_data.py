"""Drug knowledge is data: the profile and catalog load, bad files are refused with clear errors,
and a made-up second drug works without any code change."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import SYMPTOM_CODES, Medication, Note, Quantity, Route, Severity, Unit
from journal.knowledge import RESOURCES, DrugLibrary, KnowledgeError, default_library
from journal.rules.engine import RULE_IDS
from journal.schedule import expand
from tests.rules.support import CHI, adherent, at, check, history, only, other_med, reg, rules, symptom, taken

REFERENCE_TOPICS = {
    "what-is-baclofen", "forms", "dosing", "missed-doses", "stopping-safely", "withdrawal", "overdose",
    "withdrawal-vs-toxicity", "twitches", "dystonia", "worse-spasticity", "pump", "pump-alarms",
    "kidneys-and-age", "interactions", "side-effects", "other-uses", "when-to-call", "spasticity-scales",
    "doctor-visit", "about",
}
SOURCE_KEYS = {"label", "NHS", "DAL", "PMS", "UTD", "PDR", "CKD", "S0", "S1", "S2", "S3", "ISMP", "GIL", "MDT",
               "JEM", "judgement"}


def test_baclofen_profile_has_every_threshold_of_the_rule_table_with_a_source() -> None:
    p = default_library().profiles[0]
    expected = {
        "timing.missed_dose_grace_hours": (2, "NHS"), "timing.abrupt_stop_min_days_on": (14, "judgement"),
        "timing.abrupt_stop_extra_gap_hours": (6, "judgement"), "timing.abrupt_stop_urgent_hours": (18, "DAL"),
        "routes.oral.taper_to_zero_min_daily_mg": (15, "PMS"), "routes.oral.taper_to_zero_min_days": (7, "UTD"),
        "routes.oral.taper_cut_fraction_short": (0.25, "judgement"), "routes.oral.taper_cut_days_short": (3, "judgement"),
        "routes.oral.taper_cut_fraction_long": (0.5, "judgement"), "routes.oral.taper_cut_days_long": (7, "judgement"),
        "routes.oral.titration_min_interval_hours": (72, "S3"), "routes.oral.titration_max_step_mg_per_day": (15, "label"),
        "routes.oral.max_daily_mg": (80, "label"), "routes.oral.max_single_mg": (20, "label"),
        "renal.severe_urgent_above_mg_per_day": (15, "CKD"), "renal.dialysis_urgent_above_mg_per_day": (5, "PMS"),
        "age.caution_from_years": (65, "S3"), "age.caution_above_mg_per_day": (30, "judgement"),
        "pump.refill_info_days": (7, "MDT"), "pump.refill_warning_days": (3, "GIL"),
    }
    for path, (value, source) in expected.items():
        assert (p.value(path), p.cite(path)) == (value, source), path
    assert all(t.source in SOURCE_KEYS for t in p.thresholds.values())
    classes = {c.name: c.members for c in p.interactions}
    assert {"diazepam", "lorazepam", "clonazepam", "alprazolam"} <= classes["benzodiazepines"]
    assert {"oxycodone", "morphine", "hydrocodone", "tramadol"} <= classes["opioids"]
    assert {"clozapine", "quetiapine", "olanzapine", "risperidone", "haloperidol"} <= classes["antipsychotics"]
    assert {"amitriptyline", "nortriptyline"} <= classes["tricyclics"] and "tizanidine" in classes["tizanidine"]
    assert "alcohol" in classes
    assert {lq.name: lq.mg_per_ml.value for lq in p.liquids} == {"Ozobax": 1, "Fleqsuvy": 5}


def test_catalog_covers_every_exchange_code_with_a_valid_topic_and_tier() -> None:
    cat = default_library().catalog
    assert set(SYMPTOM_CODES) <= set(cat.symptoms)
    for info in cat.symptoms.values():
        assert info.topic in REFERENCE_TOPICS, info.code
        assert info.tier in ("emergency", "urgent", "next-visit")
    assert cat.symptoms["seizure"].tier == "emergency"
    assert cat.symptoms["confusion"].severe_tier == "emergency"
    assert cat.symptoms["constipation"].tier == "next-visit"


def test_every_rule_maps_to_a_reference_topic() -> None:
    from journal.rules.common import REFERENCE

    assert set(REFERENCE) == set(RULE_IDS) and len(RULE_IDS) == len(set(RULE_IDS)) >= 23
    assert "stock-low" in RULE_IDS
    assert set(REFERENCE.values()) <= REFERENCE_TOPICS


def copy_resources(tmp_path: Path) -> Path:
    root = tmp_path / "resources"
    (root / "drugs").mkdir(parents=True)
    shutil.copy(RESOURCES / "symptoms.json", root / "symptoms.json")
    shutil.copy(RESOURCES / "general-medicine.json", root / "general-medicine.json")
    shutil.copy(RESOURCES / "drugs" / "baclofen.json", root / "drugs" / "baclofen.json")
    return root


def edit(path: Path, change: Any) -> None:
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize("change, message", [
    (lambda d: d["routes"]["oral"]["max_daily_mg"].update(source="wikipedia"),
     "baclofen.json: routes.oral.max_daily_mg: source 'wikipedia' is not listed in sources"),
    (lambda d: d["routes"]["oral"]["max_daily_mg"].pop("source"), "routes.oral.max_daily_mg: has no source"),
    (lambda d: d["routes"]["oral"]["max_daily_mg"].update(value=-1), "must be a finite number >= 0"),
    (lambda d: d["timing"].pop("abrupt_stop_min_days_on"), "timing: missing abrupt_stop_min_days_on"),
    (lambda d: d["withdrawal"]["early"].append("sneezing"), "'sneezing' is not a symptom code of the catalog"),
    (lambda d: d["routes"]["oral"].update(max_dialy_mg={"value": 1, "source": "label"}),
     "routes.oral.max_dialy_mg: unknown limit"),
    (lambda d: d["routes"]["oral"].update(taper_cut_fraction_short={"value": 25, "source": "judgement"}),
     "must be a fraction between 0 and 1"),
])
def test_bad_drug_profile_is_refused_with_the_field_named(tmp_path: Path, change: Any, message: str) -> None:
    root = copy_resources(tmp_path)
    edit(root / "drugs" / "baclofen.json", change)
    with pytest.raises(KnowledgeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        DrugLibrary.load(root)


def test_catalog_missing_a_code_or_with_bad_tier_is_refused(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    edit(root / "symptoms.json", lambda d: d["symptoms"].pop(0))
    with pytest.raises(KnowledgeError, match="missing catalog code"):
        DrugLibrary.load(root)
    root2 = copy_resources(tmp_path / "b")
    edit(root2 / "symptoms.json", lambda d: d["symptoms"][1].update(tier="soon"))
    with pytest.raises(KnowledgeError, match="'soon' is not one of emergency, urgent, next-visit"):
        DrugLibrary.load(root2)


ZENTRO = {
    "format": "carejournal-drug-profile", "version": 1, "drug": "zentromycin", "display_name": "Zentromycin",
    "names": ["zentromycin", "zentrax"],
    "sources": {"made-up": "a test source", "judgement": "test default"},
    "timing": {k: {"value": v, "source": "made-up"} for k, v in {
        "missed_dose_grace_hours": 1, "missed_dose_lookback_hours": 24, "dose_match_window_hours": 2,
        "abrupt_stop_min_days_on": 3, "abrupt_stop_extra_gap_hours": 2, "abrupt_stop_urgent_hours": 30,
        "abrupt_stop_missed_in_a_row": 3, "escalation_window_hours": 48,
        "schedule_change_lookback_days": 14,
        "single_miss_window_hours": 24, "plan_ahead_days": 14}.items()},
    "routes": {"oral": {"max_daily_mg": {"value": 30, "source": "made-up"},
                        "max_single_mg": {"value": 12, "source": "made-up"}}},
    "withdrawal": {"source": "made-up", "early": ["headache"], "late": ["seizure"]},
    "toxicity": {"source": "made-up", "signs": ["nausea"], "emergency": []},
    "paradoxical": {"source": "made-up", "symptoms": ["pain"]},
    "interactions": [{"class": "fruit", "label": "grapefruit juice", "source": "made-up",
                      "members": ["grapefruitol"], "note_words": ["grapefruit"]}],
}


def zentro_library(tmp_path: Path) -> DrugLibrary:
    root = copy_resources(tmp_path)
    (root / "drugs" / "zentromycin.json").write_text(json.dumps(ZENTRO))
    return DrugLibrary.load(root)


def zentro(mid: int = 7) -> Medication:
    return Medication("Zentrax 10 mg", route=Route.ORAL, drug=None, strength=Quantity(10, Unit.MG), id=mid,
                      regimens=[reg("2026-10-01", ["08:00", "20:00"], mg=10)])


def test_a_second_drug_is_data_its_own_grace_period_and_limits(tmp_path: Path) -> None:
    lib = zentro_library(tmp_path)
    m = zentro()
    assert lib.profile_for(m) is not None and lib.profile_for(m).drug == "zentromycin"  # type: ignore[union-attr]
    now = at("2026-10-20T09:01")

    doses = adherent(m, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    a = only(check(history(now, [m], doses=doses), now, library=lib), "missed-dose")  # 1 h grace, not 2 h
    assert "1 h after the planned time (source: made-up)" in a.evidence[-1]
    assert "missed-dose" not in rules(check(history(at("2026-10-20T08:59"), [m], doses=doses),
                                            at("2026-10-20T08:59"), library=lib))
    # the same schedule is under baclofen's 2 h grace: quiet at 09:01
    bac = Medication("Baclofen 10 mg", drug="baclofen", strength=Quantity(10, Unit.MG), id=8,
                     regimens=[reg("2026-10-01", ["08:00", "20:00"], mg=10)])
    bdoses = adherent(bac, CHI, at("2026-10-12T00:00"), at("2026-10-20T07:00"))
    assert "missed-dose" not in rules(check(history(now, [bac], doses=bdoses), now, library=lib))


def test_a_second_drug_uses_its_own_maximum_symptoms_and_interactions(tmp_path: Path) -> None:
    lib = zentro_library(tmp_path)
    now = at("2026-10-20T21:00")


    m = zentro()
    slots = expand(m, CHI, at("2026-10-12T00:00"), now)
    doses = adherent(m, CHI, at("2026-10-12T00:00"), now, skip={s.at for s in slots if s.at.day == 19})
    doses.append(taken(m, at("2026-10-20T12:00"), mg=15, scheduled=False))  # 35 mg today, one of 15 mg
    h = history(now, [m], doses=doses, symptoms=[symptom("headache", at("2026-10-20T10:00"))],
                notes=[Note(at("2026-10-20T19:00"), "glass of grapefruit juice")])
    alerts = check(h, now, library=lib)
    assert {"over-max-daily", "over-max-dose", "withdrawal-signs", "cns-depressant"} <= rules(alerts)
    assert only(alerts, "withdrawal-signs").severity is Severity.URGENT
    assert "grapefruit juice" in only(alerts, "cns-depressant").title
    # with the baclofen profile alone a headache is no withdrawal sign and 35 mg is not too much; only
    # the rules for every medicine speak (the 15 mg extra dose, the day's total above the plan)
    base = check(history(now, [m], doses=doses), now)
    assert rules(base) == {"double-dose", "over-prescribed", "missed-dose"}


def test_unknown_medicine_raises_no_drug_alerts_but_the_general_ones() -> None:
    now = at("2026-10-20T12:00")
    m = other_med("Vitamin D", None, 5)
    # Nothing logged for its planned doses: missed-dose holds for every medicine (issue 13), and
    # nothing drug-specific (abrupt-stop, limits, signs) is said about a drug the journal does not know.
    assert {a.rule for a in check(history(now, [m]), now)} == {"missed-dose"}


def test_library_is_found_without_arguments() -> None:
    assert default_library().profiles[0].drug == "baclofen"
    assert (RESOURCES / "drugs" / "baclofen.json").exists()
    assert timedelta(hours=default_library().profiles[0].value("timing.escalation_window_hours")) == timedelta(hours=72)


def test_the_remembered_profile_follows_the_medicines_drug_and_name() -> None:
    """profile_for is remembered per (drug, name) for the report's replays; a medicine whose name or
    drug is edited must get the answer for what it says now, not what it said before."""
    lib = default_library()
    m = Medication(name="Lioresal 10mg", strength=Quantity(10, Unit.MG))
    assert lib.profile_for(m) is not None and lib.profile_for(m).drug == "baclofen"  # type: ignore[union-attr]
    m.name = "Vitamin D3 25 mcg"  # the caregiver corrected the name
    assert lib.profile_for(m) is None
    m.drug = "baclofen"
    assert lib.profile_for(m) is not None
    assert lib.profile_for(Medication(name="Vitamin D3 25 mcg", drug="")) is None
