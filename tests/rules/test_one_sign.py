"""Kind: one sign, two ways of recording it. A reading past a limit is the catalog sign it stands for
(a measured fever is `high-fever`; slow breathing and low oxygen are `breathing-difficulty`) in every
tier, every companion rule and every check that looks for the sign: `SymptomCatalog.signs_of`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from journal.domain import Alert, ObservationKind, Severity
from journal.knowledge import default_catalog
from tests.rules.support import (
    CHI,
    adherent,
    at,
    baclofen,
    check,
    history,
    obs,
    only,
    reg,
    rules,
    steady,
    symptom,
)

NOW = at("2026-10-20T15:00")
T = ObservationKind.TEMPERATURE


def heads(alerts: list[Alert]) -> list[tuple[str, Severity, str]]:
    """What a person reads first on each alert: rule, level and the advice's first sentence."""
    return [(a.rule, a.severity, a.advice.split(". ")[0]) for a in alerts]


# ------------------------------------------------------------------ the one answer


def test_signs_of_a_reading_and_of_a_symptom() -> None:
    cat = default_catalog()
    assert cat.signs_of(obs(T, NOW, 38.5)) == ("high-fever",)
    assert cat.signs_of(obs(T, NOW, 38.4)) == ()
    assert cat.signs_of(obs(T, NOW, 35.0)) == ()  # too cold is a limit, not a sign of the catalog
    assert cat.signs_of(obs(ObservationKind.RESPIRATORY_RATE, NOW, 9)) == ("breathing-difficulty",)
    assert cat.signs_of(obs(ObservationKind.RESPIRATORY_RATE, NOW, 10)) == ()
    assert cat.signs_of(obs(ObservationKind.OXYGEN_SATURATION, NOW, 91)) == ("breathing-difficulty",)
    assert cat.signs_of(obs(ObservationKind.OXYGEN_SATURATION, NOW, 92)) == ()
    assert cat.signs_of(obs(ObservationKind.HEART_RATE, NOW, 130)) == ()
    assert cat.signs_of(symptom("rigidity", NOW, 5)) == ("rigidity",)
    assert cat.signs_of(symptom("rigidity", NOW, 0)) == ()  # "none" logged is no sign
    removed = obs(T, NOW, 40.0)
    removed.removed = True
    assert cat.signs_of(removed) == ()


# ------------------------------------------------------------------ fever with rigidity: must fire


@pytest.mark.parametrize("companion", ["rigidity", "confusion", "hallucinations"])
def test_measured_fever_with_a_companion_is_the_same_emergency_as_the_felt_one(companion: str) -> None:
    m, doses = steady(NOW)
    other = symptom(companion, at("2026-10-20T14:10"), 5)
    felt = check(history(NOW, [m], doses=doses, symptoms=[symptom("high-fever", at("2026-10-20T14:00"), None),
                                                          other]), NOW)
    measured = check(history(NOW, [m], doses=doses, symptoms=[other],
                             observations=[obs(T, at("2026-10-20T14:00"), 39.5)]), NOW)
    assert heads(felt) == heads(measured) == [("red-flag-symptom", Severity.EMERGENCY, "Call 911 now")]
    a = only(measured, "red-flag-symptom")
    assert a.title.startswith("Emergency sign logged: ") and "measured temperature 39.5 °C" in a.title
    assert "feels very hot or feverish (not measured)" in only(felt, "red-flag-symptom").title
    assert any(e.startswith("temperature 39.5 °C (high: 38.5 or more) at 2026-10-20 14:00 [together with")
               for e in a.evidence)


def test_rigidity_logged_after_a_measured_fever_is_not_left_as_a_call_today() -> None:
    """Defect: a measured 39.5 C then rigid muscles gave only 'call today' alerts (or an emergency
    beside a second 'call the doctor today' about the rigidity); the felt fever gave one emergency."""
    m, doses = steady(NOW)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("rigidity", at("2026-10-20T14:30"), 5)],
                observations=[obs(T, at("2026-10-20T14:00"), 39.5)])
    alerts = check(h, NOW)
    assert [a.severity for a in alerts] == [Severity.EMERGENCY]
    assert "rigid" in " ".join(alerts[0].evidence)


# ------------------------------------------------------------------ must not fire, and the boundary


def test_a_fever_just_under_the_limit_with_rigidity_is_no_emergency() -> None:
    m, doses = steady(NOW)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("rigidity", at("2026-10-20T14:10"), 5)],
                observations=[obs(T, at("2026-10-20T14:00"), 38.4)])
    alerts = check(h, NOW)
    assert heads(alerts) == [("red-flag-symptom", Severity.URGENT, "Call the doctor or clinic today")]
    assert "abnormal-vital" not in rules(alerts)


@pytest.mark.parametrize(("value", "level"), [(38.4, Severity.URGENT), (38.5, Severity.EMERGENCY)])
def test_the_fever_limit_is_the_same_for_a_companion(value: float, level: Severity) -> None:
    m, doses = steady(NOW)
    h = history(NOW, [m], doses=doses, symptoms=[symptom("confusion", at("2026-10-20T10:00"), 5)],
                observations=[obs(T, at("2026-10-20T11:00"), value)])
    assert max(a.severity.rank for a in check(h, NOW)) == level.rank


def test_a_companion_more_than_24_hours_from_the_reading_does_not_raise_it() -> None:
    now = at("2026-10-21T15:00")
    m, doses = steady(now)
    for gap, level in ((timedelta(hours=24), Severity.EMERGENCY), (timedelta(hours=24, minutes=1), Severity.URGENT)):
        h = history(now, [m], doses=doses, symptoms=[symptom("rigidity", at("2026-10-21T14:00") - gap, 5)],
                    observations=[obs(T, at("2026-10-21T14:00"), 39.5)])
        assert max(a.severity.rank for a in check(h, now)) == level.rank, gap


def test_a_lone_measured_fever_is_abnormal_vital_at_the_felt_fevers_tier() -> None:
    m, doses = steady(NOW)
    felt = check(history(NOW, [m], doses=doses, symptoms=[symptom("high-fever", at("2026-10-20T14:00"), None)]), NOW)
    measured = check(history(NOW, [m], doses=doses, observations=[obs(T, at("2026-10-20T14:00"), 39.5)]), NOW)
    assert [a.severity for a in felt] == [a.severity for a in measured] == [Severity.URGENT]
    assert only(measured, "abnormal-vital").evidence[0].startswith("temperature 39.5 °C (high: 38.5 or more)")


# ------------------------------------------------------------------ breathing: toxicity sees the reading


def risen() -> tuple[object, list[object]]:
    m = baclofen(reg("2026-09-01", mg=10, end="2026-10-18"), reg("2026-10-19", mg=15))
    return m, adherent(m, CHI, NOW - timedelta(days=9), NOW)


@pytest.mark.parametrize(("kind", "value"), [(ObservationKind.OXYGEN_SATURATION, 88),
                                             (ObservationKind.RESPIRATORY_RATE, 8)])
def test_low_oxygen_or_slow_breathing_after_a_rise_is_toxicity_like_the_symptom(kind: ObservationKind,
                                                                                 value: float) -> None:
    m, doses = risen()
    felt = only(check(history(NOW, [m], doses=doses,
                              symptoms=[symptom("breathing-difficulty", at("2026-10-20T14:00"))]), NOW),
                "toxicity-signs")
    measured_alerts = check(history(NOW, [m], doses=doses, observations=[obs(kind, at("2026-10-20T14:00"), value)]),
                            NOW)
    measured = only(measured_alerts, "toxicity-signs")
    assert felt.severity is measured.severity is Severity.EMERGENCY
    assert felt.title == measured.title == ("Possible too much baclofen: hard to wake or breathing affected "
                                            "after a dose increase")
    assert "abnormal-vital" not in rules(measured_alerts)  # explained once, by the toxicity alert


def test_oxygen_at_the_limit_after_a_rise_links_nothing() -> None:
    m, doses = risen()
    h = history(NOW, [m], doses=doses, observations=[obs(ObservationKind.OXYGEN_SATURATION, at("2026-10-20T14:00"), 92)])
    assert "toxicity-signs" not in rules(check(h, NOW))


def test_withdrawal_counts_a_measured_and_a_felt_fever_the_same() -> None:
    m, doses = steady(NOW, until=at("2026-10-19T20:01"))
    felt = only(check(history(NOW, [m], doses=doses,
                              symptoms=[symptom("high-fever", at("2026-10-20T14:00"), None)]), NOW), "withdrawal-signs")
    measured = only(check(history(NOW, [m], doses=doses, observations=[obs(T, at("2026-10-20T14:00"), 38.5)]), NOW),
                    "withdrawal-signs")
    assert felt.severity is measured.severity is Severity.EMERGENCY
    assert felt.title == measured.title
    under = check(history(NOW, [m], doses=doses, observations=[obs(T, at("2026-10-20T14:00"), 38.4)]), NOW)
    assert "withdrawal-signs" not in rules(under)


def test_a_reading_on_the_autumn_night_carries_its_offset() -> None:
    """01:30 happens twice in Chicago on 2026-11-01: the evidence says which one."""
    now = at("2026-11-01T03:00")
    m, doses = steady(now)
    first = at("2026-11-01T01:30").replace(fold=0)
    h = history(now, [m], doses=doses, symptoms=[symptom("rigidity", at("2026-11-01T02:00"), 5)],
                observations=[obs(T, first, 39.5)])
    a = only(check(h, now), "red-flag-symptom")
    assert any("at 2026-11-01 01:30 -05:00 [together with" in e for e in a.evidence), a.evidence
