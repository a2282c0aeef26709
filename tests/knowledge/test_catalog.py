"""journal.knowledge: one answer to "how serious is this sign" and "is this a high fever", the
same in the checks, the report and the symptom form; profile sections are optional."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from journal.domain import Dose, DoseStatus, ObservationKind, Severity
from journal.knowledge import DrugLibrary, KnowledgeError, default_catalog, default_library
from journal.reports.data import build_report
from journal.ui.widgets.catalog import choice_for
from tests.knowledge.test_profiles_are_data import copy_resources, edit
from tests.reports.support import END, GENERATED, START
from tests.rules.support import at, check, history, obs, only, rules, steady, symptom

NOW = at("2026-10-20T12:00")


# ------------------------------------------------------------------ tier()


def test_tier_is_the_catalogs_base_tier_raised_by_severity_at_its_boundary() -> None:
    cat = default_catalog()
    assert cat.tier("seizure").tier == "emergency"
    assert cat.tier("itching").tier == "urgent"
    assert cat.tier("constipation").tier == "next-visit"
    assert cat.tier("not-a-code").tier == ""
    assert cat.tier("confusion", 6).tier == "urgent"
    raised = cat.tier("confusion", 7)
    assert (raised.tier, raised.raised_by, raised.severity) == ("emergency", "severity", Severity.EMERGENCY)
    assert cat.tier("confusion", None).tier == "urgent"


def test_tier_is_raised_by_a_companion_sign_and_by_a_vomited_dose() -> None:
    cat = default_catalog()
    assert cat.tier("high-fever").tier == "urgent"
    assert cat.tier("high-fever", together_with=["headache"]).tier == "urgent"
    both = cat.tier("high-fever", together_with=["headache", "confusion"])
    assert (both.tier, both.raised_by, both.companion) == ("emergency", "with", "confusion")
    assert cat.tier("vomiting").tier == "next-visit"
    assert cat.tier("vomiting", dose_vomited_at=NOW).tier == "urgent"


# ------------------------------------------------------------------ the fever limit, in one place


def test_the_fever_limit_is_data_with_its_source_and_its_boundary() -> None:
    cat = default_catalog()
    assert (cat.fever.value, cat.fever.source) == (38.5, "judgement")
    assert cat.is_high_fever(38.5) and not cat.is_high_fever(38.4)


def test_a_profile_may_not_carry_its_own_fever_limit(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    edit(root / "drugs" / "baclofen.json",
         lambda d: d["withdrawal"].update(fever_c={"value": 38.0, "source": "judgement"}))
    with pytest.raises(KnowledgeError, match="withdrawal.fever_c: the fever limit is the symptom catalog's"):
        DrugLibrary.load(root)


def test_a_measured_fever_is_triaged_like_the_felt_one() -> None:
    cat = default_catalog()
    m, doses = steady(NOW)
    confused = symptom("confusion", at("2026-10-20T10:00"), 5)
    for value, expected in ((38.4, None), (38.5, "emergency"), (39.2, "emergency")):
        reading = obs(ObservationKind.TEMPERATURE, at("2026-10-20T11:00"), value)
        h = history(NOW, [m], doses=doses, symptoms=[confused], observations=[reading])
        t = cat.triage_reading(reading, h)
        assert (t.tier if t else None) == expected, value
    alone = obs(ObservationKind.TEMPERATURE, at("2026-10-20T11:00"), 38.5)
    t = cat.triage_reading(alone, history(NOW, [m], doses=doses, observations=[alone]))
    assert t is not None and t.tier == "urgent"


def test_measured_fever_with_confusion_is_an_emergency_like_the_symptom() -> None:
    m, doses = steady(NOW)
    confused = symptom("confusion", at("2026-10-20T10:00"), 5)
    felt = history(NOW, [m], doses=doses, symptoms=[confused, symptom("high-fever", at("2026-10-20T11:00"))])
    assert only(check(felt, NOW), "red-flag-symptom").severity is Severity.EMERGENCY
    measured = history(NOW, [m], doses=doses, symptoms=[confused],
                       observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-20T11:00"), 38.5)])
    # The same emergency, from the same check, as the felt fever; the reading is not repeated.
    a = only(check(measured, NOW), "red-flag-symptom")
    assert a.severity is Severity.EMERGENCY and a.advice.startswith("Call 911 now.")
    assert a.title == "Emergency sign logged: measured temperature 38.5 °C"
    assert any("together with confused" in e for e in a.evidence)
    assert "abnormal-vital" not in rules(check(measured, NOW))
    below = history(NOW, [m], doses=doses, symptoms=[confused],
                    observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-20T11:00"), 38.4)])
    assert "abnormal-vital" not in rules(check(below, NOW))
    assert max(a.severity.rank for a in check(below, NOW)) == Severity.URGENT.rank


def test_measured_fever_with_confusion_more_than_a_day_apart_stays_urgent() -> None:
    now = at("2026-10-21T12:00")
    m, doses = steady(now)
    h = history(now, [m], doses=doses, symptoms=[symptom("confusion", at("2026-10-20T10:59"), 5)],
                observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-21T11:00"), 38.5)])
    assert only(check(h, now), "abnormal-vital").severity is Severity.URGENT


def test_withdrawal_signs_read_the_catalogs_fever_limit() -> None:
    now = at("2026-10-20T12:00")
    slots = {at("2026-10-19T20:00"), at("2026-10-20T08:00")}
    m, doses = steady(now, times=["08:00", "20:00"], skip=slots)
    for value, fires in ((38.4, False), (38.5, True)):
        h = history(now, [m], doses=doses,
                    observations=[obs(ObservationKind.TEMPERATURE, at("2026-10-20T11:30"), value)])
        assert ("withdrawal-signs" in rules(check(h, now))) is fires, value


# ------------------------------------------------------------------ one answer everywhere


@pytest.mark.parametrize("severity", [None, 1, 6, 7, 10])
def test_the_check_the_report_and_the_form_give_the_same_tier_for_every_sign(severity: int | None) -> None:
    cat = default_catalog()
    m, doses = steady(NOW)
    for code in cat.symptoms:
        entry = symptom(code, at("2026-10-20T11:00"), severity)
        h = history(NOW, [m], doses=doses, symptoms=[entry])
        tier = cat.triage(entry, h).tier  # in context: a first entry of twitching is new
        alerts = [a for a in check(h, NOW) if a.rule == "red-flag-symptom"]
        rule = alerts[0].severity.value if alerts else "next-visit"
        report = build_report(h, [], [], [], START, END, GENERATED)
        shown = next((e.level for e in report.timeline if e.kind == "symptom"), "")
        level = {"red-flag": "emergency", "urgent": "urgent"}.get(shown, "next-visit")
        form = cat.triage_with(entry, history(NOW, [m], doses=doses)).tier  # what the form shows before saving
        assert (rule, level, form) == (tier, tier, tier), code
        info = cat.info(code)
        if info is not None and not (info.new_tier or info.worse_tier):
            assert choice_for(code).tier_for(severity) == tier, code  # the list's own tier, with no journal


def test_vomiting_after_a_vomited_dose_is_urgent_in_the_check_and_the_report() -> None:
    m, doses = steady(NOW)
    doses = [*doses, Dose(m.id or 0, DoseStatus.VOMITED, scheduled=at("2026-10-20T08:00"),
                          given=at("2026-10-20T08:00"))]
    h = history(NOW, [m], doses=doses, symptoms=[symptom("vomiting", at("2026-10-20T08:30"), 3)])
    assert only(check(h, NOW), "red-flag-symptom").severity is Severity.URGENT
    report = build_report(h, [], [], [], START, END, GENERATED)
    assert [e.level for e in report.timeline if e.kind == "symptom"] == ["urgent"]


# ------------------------------------------------------------------ optional sections


MINIMAL = {
    "format": "carejournal-drug-profile", "version": 1, "drug": "quietol", "names": ["quietol"],
    "sources": {"label": "a test label", "judgement": "test default"},
    "timing": {k: {"value": v, "source": "judgement"} for k, v in {
        "missed_dose_grace_hours": 2, "missed_dose_lookback_hours": 24, "dose_match_window_hours": 3,
        "abrupt_stop_min_days_on": 7, "abrupt_stop_extra_gap_hours": 12, "abrupt_stop_urgent_hours": 48,
        "abrupt_stop_missed_in_a_row": 2, "schedule_change_lookback_days": 14, "plan_ahead_days": 14}.items()},
}


def test_a_profile_needs_only_its_timing(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    (root / "drugs" / "quietol.json").write_text(json.dumps(MINIMAL))
    p = next(p for p in DrugLibrary.load(root).profiles if p.drug == "quietol")
    assert not p.has("withdrawal") and not p.has("routes") and p.stopping is None
    assert p.value("timing.abrupt_stop_urgent_hours") == 48


def test_sign_sections_need_the_sign_timing_and_unknown_sections_are_refused(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    doc = {**MINIMAL, "withdrawal": {"source": "label", "early": ["tremor"], "late": ["seizure"]}}
    (root / "drugs" / "quietol.json").write_text(json.dumps(doc))
    with pytest.raises(KnowledgeError, match="quietol.json: timing: missing escalation_window_hours"):
        DrugLibrary.load(root)
    (root / "drugs" / "quietol.json").write_text(json.dumps({**MINIMAL, "withdrawl": {}}))
    with pytest.raises(KnowledgeError, match=r"unknown section \['withdrawl'\]"):
        DrugLibrary.load(root)


def test_two_profiles_may_not_claim_the_same_name(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    (root / "drugs" / "quietol.json").write_text(json.dumps({**MINIMAL, "names": ["quietol", "lioresal"]}))
    with pytest.raises(KnowledgeError, match="'lioresal' is also a name of"):
        DrugLibrary.load(root)


def test_the_library_shares_the_one_catalog() -> None:
    assert default_library().catalog is default_catalog()
    assert timedelta(hours=default_catalog().vitals["alert_hours"].value) == timedelta(hours=24)


# ------------------------------------------------------------------ low temperature and slow breathing, one place


@pytest.mark.parametrize("kind, value, fires", [
    (ObservationKind.TEMPERATURE, 35.1, False), (ObservationKind.TEMPERATURE, 35.0, True),
    (ObservationKind.RESPIRATORY_RATE, 10, False), (ObservationKind.RESPIRATORY_RATE, 9, True),
])
def test_toxicity_signs_and_abnormal_vital_share_the_catalogs_limits(kind: ObservationKind, value: float,
                                                                     fires: bool) -> None:
    from tests.rules.test_symptoms import rise_then

    h, now = rise_then([], [obs(kind, at("2026-10-20T10:00"), value)])
    found = rules(check(h, now))
    assert ("toxicity-signs" in found) is fires  # after a rise: explained as too much of the drug
    steady_m, doses = steady(now)
    alone = rules(check(history(now, [steady_m], doses=doses, observations=[obs(kind, at("2026-10-20T10:00"),
                                                                                   value)]), now))
    assert ("abnormal-vital" in alone) is fires


def test_a_profile_may_not_carry_its_own_low_temperature_or_slow_breathing(tmp_path: Path) -> None:
    for key in ("low_temperature_c", "slow_breathing_per_min"):
        root = copy_resources(tmp_path / key)
        edit(root / "drugs" / "baclofen.json", lambda d, k=key: d["toxicity"].update({k: {"value": 1, "source": "PMS"}}))
        with pytest.raises(KnowledgeError, match=f"toxicity.{key}: the limit is the symptom catalog's"):
            DrugLibrary.load(root)


@pytest.mark.parametrize("reading, expected", [(38.4, "urgent"), (38.5, "emergency")])
def test_what_logging_a_sign_brings_about_is_what_the_checks_then_say(reading: float, expected: str) -> None:
    cat = default_catalog()
    m, doses = steady(NOW)
    fever = obs(ObservationKind.TEMPERATURE, at("2026-10-20T10:00"), reading)
    before = history(NOW, [m], doses=doses, observations=[fever])
    confused = symptom("confusion", at("2026-10-20T11:00"), 4)
    t = cat.triage_with(confused, before)
    assert t.tier == expected
    after = history(NOW, [m], doses=doses, observations=[fever], symptoms=[confused])
    assert max(a.severity.rank for a in check(after, NOW)) == Severity(expected).rank
    if expected == "emergency":
        assert (t.companion, t.reading_c) == ("high-fever", 38.5)
    felt = history(NOW, [m], doses=doses, symptoms=[symptom("high-fever", at("2026-10-20T10:00"))])
    assert cat.triage_with(confused, felt).tier == "emergency"


def test_a_misspelt_timing_number_is_refused_not_ignored(tmp_path: Path) -> None:
    root = copy_resources(tmp_path)
    edit(root / "drugs" / "baclofen.json",
         lambda d: d["timing"].update(missed_dose_grase_hours={"value": 1, "source": "NHS"}))
    with pytest.raises(KnowledgeError, match="timing.missed_dose_grase_hours: unknown threshold"):
        DrugLibrary.load(root)
