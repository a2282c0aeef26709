"""Word matching without words (issue 14): alcohol in caregivers' notes is found in the forms people
write, and a note saying it was NOT taken raises nothing."""

from __future__ import annotations

import pytest

from journal.domain import Note
from journal.knowledge import default_library
from journal.rules.mentions import mention
from tests.rules.support import at, check, history, only, rules, steady


def alcohol_words() -> tuple[str, ...]:
    p = default_library().profile_for(steady(at("2026-10-20T12:00"))[0])
    assert p is not None
    return next(c.note_words for c in p.interactions if c.label == "alcohol")


SAYS_ALCOHOL = [
    "had 3 beers", "Two glasses of wine at lunch", "a pint of lager with dad", "gin & tonic before bed",
    "Whisky after dinner", "cider at the barbecue", "she had a cocktail", "a little tipsy tonight",
    "Beer's open on the table and he had some", "no more than one beer", "Champagne toast at the wedding",
    "No wine, but two beers", "hungover this morning",
]
SAYS_NONE = [
    "No alcohol at the party", "didn't drink any wine", "alcohol-free beer only", "Not a drop of beer",
    "avoided the wine", "refused the cocktail", "ginger tea and biscuits", "rummaged in the drawer",
    "in good spirits today", "for the sake of sleep went to bed early", "0% beer", "non-alcoholic cider",
    "never touches alcohol", "drank water, no wine",
]


@pytest.mark.parametrize("text", SAYS_ALCOHOL)
def test_a_note_that_says_a_drink_was_had_is_found(text: str) -> None:
    assert mention(text, alcohol_words()) is not None, text


@pytest.mark.parametrize("text", SAYS_NONE)
def test_a_note_that_says_no_drink_is_not_read_as_one(text: str) -> None:
    assert mention(text, alcohol_words()) is None, text


def test_the_check_fires_on_had_3_beers_and_not_on_no_alcohol() -> None:
    now = at("2026-10-20T21:00")
    m, doses = steady(now)
    yes = check(history(now, [m], doses=doses, notes=[Note(at("2026-10-20T19:00"), "had 3 beers")]), now)
    a = only(yes, "cns-depressant")
    assert "mentions beers, that is alcohol" in a.evidence[0]
    no = check(history(now, [m], doses=doses, notes=[Note(at("2026-10-20T19:00"), "No alcohol at the party")]),
               now)
    assert "cns-depressant" not in rules(no)


def test_the_note_window_boundary_is_24_hours() -> None:
    now = at("2026-10-20T21:00")
    m, doses = steady(now)
    old = [Note(at("2026-10-19T21:00"), "had 3 beers")]
    assert "cns-depressant" not in rules(check(history(now, [m], doses=doses, notes=old), now))
    recent = [Note(at("2026-10-19T21:01"), "had 3 beers")]
    assert "cns-depressant" in rules(check(history(now, [m], doses=doses, notes=recent), now))


def test_mention_remembered_per_text_and_words() -> None:
    # Remembered across a report's runs: the same text asked with other words gets its own answer.
    assert mention("Had two beers, no wine", ["beer"]) == "beers"
    assert mention("Had two beers, no wine", ["wine"]) is None
    assert mention("Had two beers, no wine", ("wine", "beer")) == "beers"
    assert mention("Had two beers, no wine", ["beer"]) == "beers"
