"""Kind: tiers that disagree with the sources. Every catalog tier is checked against the triage
tiers of clinical-facts.md (built on S0-S2, the labels, BW, MDT); new or worse twitching and tremor
are worth a call today (S0), spasms clearly worse than usual too (S2); the reference pages promise
only the alerts the checks give."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from journal.domain import Severity
from journal.knowledge import TIER_RANK, default_catalog
from tests.rules.support import at, check, history, only, rules, steady, symptom

NOW = at("2026-10-20T15:00")
REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"

# clinical-facts.md "Triage tiers for symptoms": the lowest tier each catalog sign must reach, and how.
EMERGENCY_ALONE = ["seizure", "breathing-difficulty", "unresponsive", "hallucinations"]
EMERGENCY_WHEN_SEVERE = ["confusion", "rebound-spasticity", "rigidity", "dystonia", "extreme-drowsiness"]
URGENT_ALONE = ["itching", "tingling", "rebound-spasticity", "extreme-drowsiness", "confusion", "fainting", "fall",
                "high-fever", "rigidity", "dystonia"]
NEXT_VISIT = ["drowsiness", "dizziness", "nausea", "constipation", "headache", "insomnia", "urinary-problems",
              "weakness", "mood-change", "pain"]


def test_every_tier_of_the_sources_is_in_the_catalog() -> None:
    cat = default_catalog()
    for code in EMERGENCY_ALONE:
        assert cat.tier(code).tier == "emergency", code
    for code in EMERGENCY_WHEN_SEVERE:
        assert cat.tier(code, 7).tier == "emergency", code
        assert cat.tier(code, 6).tier != "emergency", code
    for code in URGENT_ALONE:
        assert TIER_RANK[cat.tier(code).tier] >= TIER_RANK["urgent"], code
    for code in NEXT_VISIT:
        assert cat.tier(code, 3).tier == "next-visit", code
    assert cat.tier("high-fever", together_with=["rigidity"]).tier == "emergency"
    assert cat.tier("vomiting", 3, dose_vomited_at=NOW).tier == "urgent"
    for code in ("muscle-twitching", "tremor"):
        assert cat.tier(code, 2, change="new: not logged in the days before").tier == "urgent"
        assert cat.tier(code, 6, change="up from at most 4/10 in the days before").tier == "urgent"
        assert cat.tier(code, 6).tier == "next-visit"  # the usual picture
    assert cat.tier("spasms", 7, change="up from at most 5/10 in the days before").tier == "urgent"
    assert cat.tier("spasms", 3, change="new: not logged in the days before").tier == "next-visit"


# ------------------------------------------------------------------ new twitching: must fire


@pytest.mark.parametrize("code", ["muscle-twitching", "tremor"])
def test_new_twitching_or_tremor_with_no_other_cause_is_a_call_today(code: str) -> None:
    """Defect (missed alert): new twitching with no missed dose or change raised nothing, though the
    source on twitching says to seek advice promptly and the twitches page promised an alert."""
    m, doses = steady(NOW)
    a = only(check(history(NOW, [m], doses=doses, symptoms=[symptom(code, at("2026-10-20T14:00"), 2)]), NOW),
             "red-flag-symptom")
    assert a.severity is Severity.URGENT and a.advice.startswith("Call the doctor or clinic today.")
    assert "[new: not logged in the days before]" in a.evidence[0]
    assert "does not know the cause" in a.message


def test_twitching_clearly_worse_than_usual_is_a_call_today() -> None:
    m, doses = steady(NOW)
    usual = [symptom("muscle-twitching", at("2026-10-15T10:00"), 3), symptom("muscle-twitching", at("2026-10-18T10:00"), 4)]
    worse = history(NOW, [m], doses=doses, symptoms=[*usual, symptom("muscle-twitching", at("2026-10-20T14:00"), 6)])
    a = only(check(worse, NOW), "red-flag-symptom")
    assert "up from at most 4/10 in the days before" in a.evidence[0]


# ------------------------------------------------------------------ must not fire, and the boundaries


def test_twitching_at_its_usual_level_raises_nothing() -> None:
    m, doses = steady(NOW)
    usual = [symptom("muscle-twitching", at("2026-10-15T10:00"), 4), symptom("tremor", at("2026-10-16T10:00"), 4),
             symptom("spasms", at("2026-10-17T10:00"), 5)]
    today = [symptom("muscle-twitching", at("2026-10-20T14:00"), 5), symptom("tremor", at("2026-10-20T14:00"), 5),
             symptom("spasms", at("2026-10-20T14:00"), 6)]
    assert check(history(NOW, [m], doses=doses, symptoms=usual + today), NOW) == []


def test_worse_means_two_points_above_the_usual() -> None:
    m, doses = steady(NOW)
    for today, fires in ((5, False), (6, True)):
        h = history(NOW, [m], doses=doses, symptoms=[symptom("spasms", at("2026-10-17T10:00"), 4),
                                                     symptom("spasms", at("2026-10-20T14:00"), today)])
        assert ("red-flag-symptom" in rules(check(h, NOW))) is fires, today


def test_new_means_not_logged_in_the_7_days_before() -> None:
    m, doses = steady(NOW)
    when = at("2026-10-20T14:00")
    for before, fires in ((timedelta(days=7, minutes=1), True), (timedelta(days=7), False)):
        h = history(NOW, [m], doses=doses, symptoms=[symptom("muscle-twitching", when - before, 3),
                                                     symptom("muscle-twitching", when, 3)])
        assert ("red-flag-symptom" in rules(check(h, NOW))) is fires, before


def test_a_fall_is_a_call_today() -> None:
    m, doses = steady(NOW)
    a = only(check(history(NOW, [m], doses=doses, symptoms=[symptom("fall", at("2026-10-20T14:00"), None)]), NOW),
             "red-flag-symptom")
    assert a.severity is Severity.URGENT and a.title == "Call the doctor today: fell over"


# ------------------------------------------------------------------ the pages say what the checks do


def page(name: str) -> str:
    return (REFERENCE / f"{name}.md").read_text(encoding="utf-8")


def test_the_twitches_page_promises_the_call_today_the_check_gives() -> None:
    text = page("twitches")
    assert "**Any new or worse twitching:** call the doctor today" in text
    assert "tell the doctor soon" not in text


def test_when_to_call_lists_the_call_today_signs_the_catalog_has() -> None:
    text = page("when-to-call")
    today = text.split("## Call the doctor or clinic today", 1)[1].split("##", 1)[0]
    for words in ("New or worse twitching or shaking", "A fall, or fainting", "Itching with no rash",
                  "Stiffness or spasms clearly worse than usual"):
        assert words in today, words
