"""Amounts as people write them (issue 13): decimal comma, fractions, grams, and refusals that
say what is wrong. Example tests plus hypothesis properties of journal.domain.parse_quantity."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain import Quantity, QuantityError, Unit, normalise, parse_quantity
from journal.domain.quantity import parse_number, parse_unit

# ------------------------------------------------------------------------------------ examples


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("2,5 mL", 2.5, Unit.ML),
    ("2,5mL", 2.5, Unit.ML),
    ("1,5 tablets", 1.5, Unit.TABLET),
    ("0,125 mg", 0.125, Unit.MG),
    ("12,25 mg", 12.25, Unit.MG),
    ("½ tablet", 0.5, Unit.TABLET),
    ("1½ tablets", 1.5, Unit.TABLET),
    ("1 ½ tablets", 1.5, Unit.TABLET),
    ("¼ tablet", 0.25, Unit.TABLET),
    ("1/2 tablet", 0.5, Unit.TABLET),
    ("3/4 tablet", 0.75, Unit.TABLET),
    ("1 1/2 tablets", 1.5, Unit.TABLET),
    ("2 1/2 mL", 2.5, Unit.ML),
    ("1\u20442 tablet", 0.5, Unit.TABLET),  # the fraction slash a word processor puts in
    ("0.5 tablet", 0.5, Unit.TABLET),
    (".5 tablet", 0.5, Unit.TABLET),
    ("10mg", 10, Unit.MG),
    ("10 MG", 10, Unit.MG),
    ("5 µg", 5, Unit.MCG),
    ("13.8 g", 13.8, Unit.G),
    ("17 g", 17, Unit.G),
    ("17 grams", 17, Unit.G),
    ("1 sachet", 1, Unit.SACHET),
    ("2 capsules", 2, Unit.TABLET),
    ("1.125 mg", 1.125, Unit.MG),  # three decimals not ending in 0: a decimal point, as the journal writes it
])
def test_amounts_mean_what_they_say(text: str, value: float, unit: Unit) -> None:
    q = parse_quantity(text)
    assert q.unit is unit
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "words"), [
    ("1,000 mg", ["unclear", "1000", " 1 "]),  # a thousand, or one?
    ("2,500 mg", ["unclear", "2500", "2.5"]),
    ("1.000 mg", ["unclear", "1000"]),
    ("2.500 mg", ["unclear", "2500", "2.5"]),
    ("1,000.5 mg", ["more than one separator"]),
    ("1.000,5 mg", ["more than one separator"]),
    ("1 000 mg", ["without spaces", "1000"]),
    ("10", ["no unit", "mg, mcg, g, mL, tablet or sachet"]),
    ("mg", ["no number"]),
    ("", ["no amount"]),
    ("ten mg", ["no number"]),
    ("5 kg", ["unknown unit 'kg'"]),
    ("10 mg tablets", ["unknown unit 'mg tablets'"]),
    ("1/0 tablet", ["divides by zero"]),
    ("-5 mg", ["negative"]),
    ("mg 10", ["not a number"]),
])
def test_each_refusal_names_its_real_reason(text: str, words: list[str]) -> None:
    with pytest.raises(QuantityError) as err:
        parse_quantity(text)
    for w in words:
        assert w in str(err.value) + " ", str(err.value)


def test_grams_are_a_mass_of_a_thousand_mg_and_normalise_to_mg() -> None:
    assert Quantity(13.8, Unit.G).to_mg() == pytest.approx(13_800)
    assert normalise(Quantity(13.8, Unit.G), None) == Quantity(13_800, Unit.MG)
    sachet = Quantity(13.8, Unit.G)  # a macrogol sachet's strength, per sachet
    assert normalise(Quantity(2, Unit.SACHET), sachet) == Quantity(27_600, Unit.MG)
    assert str(Quantity(17, Unit.G)) == "17 g"


def test_an_amount_in_the_wrong_unit_for_the_strength_says_which_unit_works() -> None:
    with pytest.raises(QuantityError) as err:
        normalise(Quantity(5, Unit.ML), Quantity(10, Unit.MG))
    assert "cannot convert 5 mL" in str(err.value) and "tablets or in mg" in str(err.value)


# ------------------------------------------------------------------------------------ properties

UNITS = st.sampled_from(list(Unit))
# Amounts as the journal writes them: up to 6 significant digits (Quantity.__str__ uses :g).
SHOWN = st.decimals(min_value="0.001", max_value="99999", places=3, allow_nan=False, allow_infinity=False) \
    .map(lambda d: float(f"{float(d):g}"))


@given(value=SHOWN, unit=UNITS)
def test_what_the_journal_shows_can_be_typed_back(value: float, unit: Unit) -> None:
    q = Quantity(value, unit)
    assert parse_quantity(str(q)) == q


@given(whole=st.integers(0, 999), frac=st.from_regex(r"\A\d{1,2}\Z|\A\d{4,5}\Z"), unit=UNITS)
def test_a_decimal_comma_reads_like_a_decimal_point(whole: int, frac: str, unit: Unit) -> None:
    assert parse_quantity(f"{whole},{frac} {unit.value}") == parse_quantity(f"{whole}.{frac} {unit.value}")
    assert parse_quantity(f"{whole},{frac} {unit.value}").value == pytest.approx(float(f"{whole}.{frac}"))


@given(whole=st.integers(1, 999), digits=st.from_regex(r"\A\d{3}\Z"))
def test_a_comma_before_three_digits_is_never_guessed(whole: int, digits: str) -> None:
    with pytest.raises(QuantityError, match="unclear"):
        parse_quantity(f"{whole},{digits} mg")


@given(whole=st.integers(0, 20), num=st.integers(0, 50), den=st.integers(1, 16), unit=UNITS)
def test_fractions_and_mixed_numbers_are_their_value(whole: int, num: int, den: int, unit: Unit) -> None:
    text = f"{whole} {num}/{den} {unit.value}" if whole else f"{num}/{den}{unit.value}"
    assert parse_quantity(text).value == pytest.approx(whole + num / den)


@given(unit_text=st.sampled_from(["mg", "MG", "Mg", "mcg", "ug", "g", "G", "gram", "ml", "ML", "mL", "tablet",
                                  "Tablets", "tab", "sachets", "SACHET"]),
       space=st.sampled_from(["", " ", "  "]), value=st.integers(1, 500))
def test_units_ignore_case_plural_and_spacing(unit_text: str, space: str, value: int) -> None:
    q = parse_quantity(f"{value}{space}{unit_text}")
    assert q.value == value and q.unit is parse_unit(unit_text)


@given(text=st.text(max_size=20))
def test_any_text_is_an_amount_or_a_refusal_never_a_crash(text: str) -> None:
    try:
        q = parse_quantity(text)
    except QuantityError as err:
        assert str(err)  # a sentence, not an empty error
    else:
        assert math.isfinite(q.value) and q.value >= 0


@given(text=st.from_regex(r"\A[0-9.,/ ½¼¾-]{1,8}\Z"))
def test_numbers_alone_parse_or_refuse_with_a_reason(text: str) -> None:
    try:
        value = parse_number(text)
    except QuantityError as err:
        assert repr(text.strip()) in str(err) or "negative" in str(err) or "no amount" in str(err)
    else:
        assert math.isfinite(value)
