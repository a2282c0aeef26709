"""Searching the reference the way a worried caregiver types."""

from __future__ import annotations

import pytest

from journal.reference import MARK_END, MARK_START, ReferenceLibrary


@pytest.mark.parametrize(
    ("words", "topic_id"),
    [
        # the rules' key words
        ("missed dose", "missed-doses"),
        ("double dose", "missed-doses"),
        ("withdrawal", "withdrawal"),
        ("abrupt stop", "withdrawal"),
        ("tapering", "stopping-safely"),
        ("taper", "stopping-safely"),
        ("pump alarm", "pump-alarms"),
        ("pump refill", "pump"),
        ("alcohol", "interactions"),
        ("benzodiazepine", "interactions"),
        ("kidney", "kidneys-and-age"),
        ("dialysis", "kidneys-and-age"),
        ("elderly", "kidneys-and-age"),
        ("twitch", "twitches"),
        ("dystonia", "dystonia"),
        ("spasticity worse", "worse-spasticity"),
        ("paradoxical", "worse-spasticity"),
        ("overdose", "overdose"),
        ("toxicity", "overdose"),
        ("maximum dose", "dosing"),
        ("liquid concentration", "forms"),
        ("5 mg/mL", "forms"),
        ("emergency", "when-to-call"),
        ("penn spasm", "spasticity-scales"),
        ("hiccups", "other-uses"),
        ("side effects", "side-effects"),
        ("appointment questions", "doctor-visit"),
        # the everyday words a tired caregiver types
        ("itchy", "withdrawal"),
        ("forgot", "missed-doses"),
        ("throwing up", "missed-doses"),
        ("beer", "interactions"),
        ("beeping", "pump-alarms"),
        ("seeing things", "when-to-call"),
        ("pins and needles", "when-to-call"),
        ("syringe", "forms"),
        ("grandma", "kidneys-and-age"),
        # the five source articles' subjects
        ("muscle twitches", "twitches"),
        ("can baclofen cause dystonia", "dystonia"),
        ("increased spasticity", "worse-spasticity"),
        ("dosing for spasms", "dosing"),
        ("purpose and safety", "what-is-baclofen"),
    ],
)
def test_key_words_find_their_topic_first(lib: ReferenceLibrary, words: str, topic_id: str) -> None:
    hits = lib.search(words, limit=5)
    assert hits, words
    assert hits[0].topic_id == topic_id, [h.topic_id for h in hits]


def test_a_word_start_finds_the_whole_word(lib: ReferenceLibrary) -> None:
    hits = lib.search("withdraw")
    assert hits[0].topic_id == "withdrawal"
    assert MARK_START + "withdrawal" in hits[0].snippet.lower()


def test_snippets_mark_the_matched_words(lib: ReferenceLibrary) -> None:
    hit = lib.search("itching")[0]
    assert MARK_START in hit.snippet and MARK_END in hit.snippet
    marked = hit.snippet.split(MARK_START, 1)[1].split(MARK_END, 1)[0]
    assert marked.lower().startswith("itch")
    assert "<b>" in hit.snippet_html() and "[" in hit.snippet_text()


def test_results_are_ranked_best_first(lib: ReferenceLibrary) -> None:
    hits = lib.search("fever", limit=10)
    assert len(hits) >= 3
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_limit_is_respected(lib: ReferenceLibrary) -> None:
    assert len(lib.search("baclofen", limit=3)) == 3


def test_words_that_never_occur_together_still_find_something(lib: ReferenceLibrary) -> None:
    hits = lib.search("hiccups seizure")
    ids = [h.topic_id for h in hits]
    assert "other-uses" in ids and "when-to-call" in ids


@pytest.mark.parametrize(
    "typed", ["", "   ", "?!", '"', "NEAR(", "AND OR NOT", "*", "pump) OR (", "col:pump"]
)
def test_odd_input_never_breaks_search(lib: ReferenceLibrary, typed: str) -> None:
    hits = lib.search(typed)
    assert isinstance(hits, list)


def test_nonsense_finds_nothing(lib: ReferenceLibrary) -> None:
    assert lib.search("xylophone") == []


def test_search_takes_a_list_of_words_too(lib: ReferenceLibrary) -> None:
    assert lib.search(["pump", "alarm"])[0].topic_id == "pump-alarms"
