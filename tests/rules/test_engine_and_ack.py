"""The engine (order, de-duplication, a broken rule does not silence the others) and
acknowledgements (hidden until the situation gets worse)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from journal.domain import Severity
from journal.rules import engine, missed_dose
from journal.rules.ack import acknowledgement_for, is_hidden, visible
from tests.rules.support import at, check, history, only, rules, steady, symptom


def gap_with_symptoms(now_text: str, symptoms_: list):  # type: ignore[no-untyped-def]
    now = at(now_text)
    m, doses = steady(now, until=at("2026-10-19T20:01"))
    return history(now, [m], doses=doses, symptoms=symptoms_), now


def test_alerts_are_sorted_most_severe_first_then_newest() -> None:
    h, now = gap_with_symptoms("2026-10-20T15:00", [symptom("hallucinations", at("2026-10-20T14:00")),
                                                     symptom("seizure", at("2026-10-20T14:30"))])
    alerts = check(h, now)
    ranks = [a.severity.rank for a in alerts]
    assert ranks == sorted(ranks, reverse=True)
    assert alerts[0].severity is Severity.EMERGENCY
    assert [a.rule for a in alerts][:1] == ["withdrawal-signs"]
    assert "abrupt-stop" in rules(alerts)


def test_every_alert_has_the_fields_a_caregiver_needs() -> None:
    h, now = gap_with_symptoms("2026-10-20T15:00", [symptom("itching", at("2026-10-20T14:00"))])
    for a in check(h, now, emergency_number="999"):
        assert a.title and a.message and a.evidence and a.reference
        assert a.patient == "Robin Shaw" and a.patient_id == 1
        assert "999" in a.advice and "not medical advice" in a.advice
        assert "on your own" in a.advice  # never tells anyone to change a dose themselves
        assert a.since.tzinfo is not None and a.since.utcoffset() == timedelta(hours=-5)


def test_a_failing_rule_is_reported_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> list:
        raise RuntimeError("bug")

    monkeypatch.setattr(missed_dose, "check", boom)
    h, now = gap_with_symptoms("2026-10-20T15:00", [])
    alerts = check(h, now)
    assert "abrupt-stop" in rules(alerts)
    broken = only(alerts, "missed-dose")
    assert "could not run" in broken.title and broken.severity is Severity.WARNING


def test_naive_now_is_refused() -> None:
    h, now = gap_with_symptoms("2026-10-20T15:00", [])
    with pytest.raises(ValueError):
        engine.run_checks(h, now.replace(tzinfo=None))


# ------------------------------------------------------------------ acknowledgement


def test_acknowledged_alert_stays_hidden_while_nothing_changes() -> None:
    h, now = gap_with_symptoms("2026-10-20T15:00", [])
    a = only(check(h, now), "abrupt-stop")
    ack = acknowledgement_for(a, now, note="called the nurse", by="Mum")
    later = now + timedelta(minutes=30)
    h2, _ = gap_with_symptoms("2026-10-20T15:30", [])
    again = only(check(h2, later), "abrupt-stop")
    assert again.evidence != a.evidence  # "(19 h ago)" became "(19 h 30 min ago)"
    assert is_hidden(again, [ack])


def test_acknowledged_alert_comes_back_with_a_new_missed_dose_or_higher_severity() -> None:
    now = at("2026-10-20T22:01")
    m, doses = steady(now, until=at("2026-10-20T08:01"))
    warn = only(check(history(now, [m], doses=doses), now), "abrupt-stop")
    assert warn.severity is Severity.WARNING
    ack = acknowledgement_for(warn, now)
    later = at("2026-10-21T02:30")  # 18 h 30 min: urgent now
    urgent = only(check(history(later, [m], doses=doses), later), "abrupt-stop")
    assert urgent.severity is Severity.URGENT and not is_hidden(urgent, [ack])


def test_acknowledged_red_flag_comes_back_with_a_new_symptom() -> None:
    now = at("2026-10-20T12:00")
    m, doses = steady(now)
    first = [symptom("tingling", at("2026-10-20T10:00"))]
    a = only(check(history(now, [m], doses=doses, symptoms=first), now), "red-flag-symptom")
    ack = acknowledgement_for(a, now, note="will mention to the nurse")
    same = check(history(now + timedelta(hours=1), [m], doses=doses, symptoms=first), now + timedelta(hours=1))
    assert visible(same, [ack]) == []
    more = first + [symptom("itching", at("2026-10-20T12:30"))]
    shown = visible(check(history(now + timedelta(hours=1), [m], doses=doses, symptoms=more),
                          now + timedelta(hours=1)), [ack])
    assert [x.rule for x in shown] == ["red-flag-symptom"]


def test_acknowledgement_of_one_person_does_not_hide_another() -> None:
    from journal.domain import Patient

    now = at("2026-10-20T12:00")
    m, doses = steady(now)
    s = [symptom("tingling", at("2026-10-20T10:00"))]
    a = only(check(history(now, [m], doses=doses, symptoms=s), now), "red-flag-symptom")
    ack = acknowledgement_for(a, now)
    other = check(history(now, [m], doses=doses, symptoms=s, patient=Patient("Alex", id=2)), now)
    assert visible(other, [ack]) == other != []
