"""The shipped reference: every id the app links to exists, every link lands, the words are ours."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journal.reference import RULE_TOPICS, ReferenceLibrary
from journal.reference.readability import measure

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = ROOT / "docs" / "contracts.md"
CHECKER = ROOT.parent / "shared" / "tools" / "check_copied_text.py"


def _contract_section() -> str:
    text = CONTRACTS.read_text(encoding="utf-8")
    return text.split("## Reference topic ids", 1)[1].split("\n## ", 1)[0]


def contract_topic_ids() -> list[str]:
    listed = _contract_section().split("Rule -> topic", 1)[0]
    return re.findall(r"`([a-z0-9-]+)`", listed)


def contract_rule_topics() -> dict[str, str]:
    mapping: dict[str, str] = {}
    rules_part = _contract_section().split("Rule -> topic:", 1)[1]
    for clause in rules_part.split(";"):
        if "->" not in clause:
            continue
        rules, topic = clause.split("->")
        target = re.search(r"`([a-z0-9-]+)`", topic)
        assert target, clause
        for rule in re.findall(r"[a-z][a-z0-9-]+", rules):
            mapping[rule] = target.group(1)
    return mapping


def test_every_topic_id_in_the_contract_exists(lib: ReferenceLibrary) -> None:
    ids = contract_topic_ids()
    assert len(ids) >= 21
    missing = [i for i in ids if i not in lib]
    assert missing == []


def test_every_rule_links_to_the_topic_the_contract_names(lib: ReferenceLibrary) -> None:
    expected = contract_rule_topics()
    assert len(expected) >= 20
    assert RULE_TOPICS == expected
    for rule in expected:
        assert lib.topic_for_rule(rule).id == expected[rule]


def test_every_rule_in_the_clinical_facts_table_leads_to_a_topic(lib: ReferenceLibrary) -> None:
    facts = ROOT.parent / "shared" / "clinical-facts.md"
    if not facts.exists():
        pytest.skip("the shared clinical facts are not next to this checkout")
    rules = re.findall(r"^\| `([a-z-]+)` \|", facts.read_text(encoding="utf-8"), flags=re.M)
    assert len(rules) >= 20
    assert sorted(set(rules) - set(RULE_TOPICS)) == []


def test_a_rule_we_do_not_know_yet_still_opens_the_triage_guide(lib: ReferenceLibrary) -> None:
    assert lib.topic_for_rule("some-future-rule").id == "when-to-call"


def test_every_symptom_in_the_catalog_leads_to_a_topic(lib: ReferenceLibrary) -> None:
    catalog = ROOT / "resources" / "symptoms.json"
    if not catalog.exists():
        pytest.skip("the symptom catalog has not been written yet")
    data = json.loads(catalog.read_text(encoding="utf-8"))
    assert data["symptoms"]
    unresolved = [(s["code"], s.get("topic")) for s in data["symptoms"] if s.get("topic") not in lib]
    assert unresolved == []

    def topics_anywhere(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [v for k, v in node.items() if k.endswith("topic") and isinstance(v, str)]
            return found + [t for v in node.values() for t in topics_anywhere(v)]
        if isinstance(node, list):
            return [t for v in node for t in topics_anywhere(v)]
        return []

    assert [t for t in topics_anywhere(data) if t not in lib] == []


def test_every_reference_the_checks_put_on_an_alert_exists(lib: ReferenceLibrary) -> None:
    common = pytest.importorskip("journal.rules.common")
    references = dict(common.REFERENCE)
    assert references
    assert {rule: topic for rule, topic in references.items() if topic not in lib} == {}
    assert references == RULE_TOPICS


def test_every_link_and_see_also_lands_on_a_topic(lib: ReferenceLibrary) -> None:
    ids = {t.id for t in lib.topics()}
    for topic in lib.topics():
        assert set(topic.links) <= ids, topic.id
        assert set(topic.related) <= ids, topic.id
        html = lib.render_html(topic.id)
        for target in re.findall(r'href="([^"]+)"', html):
            assert target.startswith("topic:") and target[6:] in ids, (topic.id, target)


def test_every_topic_except_about_is_reachable_by_a_link(lib: ReferenceLibrary) -> None:
    linked = {target for t in lib.topics() for target in [*t.links, *t.related]}
    assert {t.id for t in lib.topics()} - linked <= {"about"}


def test_every_topic_says_it_is_not_medical_advice(lib: ReferenceLibrary) -> None:
    for topic in lib.topics():
        assert "not medical advice" in topic.plain_text.lower(), topic.id


@pytest.mark.parametrize(
    "topic_id",
    ["when-to-call", "withdrawal", "overdose", "pump-alarms", "worse-spasticity", "dystonia", "missed-doses"],
)
def test_urgent_topics_show_the_emergency_number_from_settings(lib: ReferenceLibrary, topic_id: str) -> None:
    html = lib.render_html(topic_id, "112")
    text = lib.render_text(topic_id, "112")
    assert "<b>112</b>" in html
    assert "112" in text
    assert "{emergency_number}" not in html + text
    assert "911" not in html + text


def test_every_topic_names_its_sources(lib: ReferenceLibrary) -> None:
    for topic in lib.topics():
        assert topic.sources, topic.id
        assert "Where these facts come from" in lib.render_text(topic.id)


def test_about_lists_every_source_key_used_anywhere(lib: ReferenceLibrary) -> None:
    used = {s for t in lib.topics() for s in t.sources}
    assert used <= set(lib.get("about").sources)


# -- the facts a caregiver must find, in the topic that should hold them


def test_forms_explains_both_liquid_strengths_and_the_five_fold_mix_up(lib: ReferenceLibrary) -> None:
    text = lib.render_text("forms")
    assert "1 mg/mL" in text and "5 mg/mL" in text
    assert "five times" in text.lower()
    assert "10 mL" in text and "2 mL" in text and "50 mg" in text


def test_missed_doses_says_never_double_and_skip_within_two_hours(lib: ReferenceLibrary) -> None:
    text = " ".join(lib.render_text("missed-doses").split())
    assert "Never give a double dose" in text
    assert "less than 2 hours away, skip" in text


def test_withdrawal_and_toxicity_are_compared_in_one_table(lib: ReferenceLibrary) -> None:
    html = lib.render_html("withdrawal-vs-toxicity")
    head = re.search(r"<thead>(.*?)</thead>", html)
    assert head and "withdrawal" in head.group(1).lower() and "toxicity" in head.group(1).lower()
    body = html.split("<tbody>", 1)[1]
    for sign in ("Temperature", "Breathing", "Muscles", "When", "Heartbeat"):
        assert f"<td>{sign}</td>" in body


def test_pump_alarms_tell_single_tone_from_two_tone(lib: ReferenceLibrary) -> None:
    text = lib.render_text("pump-alarms", "999").lower()
    assert "single tone" in text and "two tones" in text
    assert "90 days" in text
    assert "stopped giving medicine" in text
    assert "999" in text


def test_when_to_call_has_the_three_tiers_of_the_triage(lib: ReferenceLibrary) -> None:
    headings = [b.text for b in lib.get("when-to-call").blocks if type(b).__name__ == "Heading"]
    assert "Call {emergency_number} now" in headings
    assert "Call the doctor or clinic today" in headings
    assert "Bring it up at the next visit" in headings


def test_stopping_safely_gives_the_taper_length(lib: ReferenceLibrary) -> None:
    text = lib.render_text("stopping-safely")
    assert "at least one to two weeks" in text


def test_other_uses_covers_the_four_off_label_uses(lib: ReferenceLibrary) -> None:
    text = lib.render_text("other-uses").lower()
    for use in ("gerd", "alcohol use disorder", "hiccups", "trigeminal neuralgia"):
        assert use in text


# -- the words are ours, and readable


def test_no_sentence_is_copied_from_the_source_articles() -> None:
    if not CHECKER.exists():
        pytest.skip("the shared copied-text checker is not next to this checkout")
    paths = [
        ROOT / "resources" / "reference",
        ROOT / "journal" / "reference",
        ROOT / "journal" / "cli" / "reference.py",
    ]
    result = subprocess.run(
        [sys.executable, str(CHECKER), *map(str, paths)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert "0 copied run(s)" in result.stdout


def test_every_topic_reads_at_school_grade_8_or_lower(lib: ReferenceLibrary) -> None:
    grades = {t.id: round(measure(t).grade, 1) for t in lib.topics()}
    assert {k: v for k, v in grades.items() if v > 8.0} == {}
