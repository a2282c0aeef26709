"""The catalog's tiers read from one index of a history (`SymptomCatalog.remembering`, what the
report uses for a year of symptoms) are the tiers read from the history itself, at the boundaries
of the companion window (24 h) and of the usual picture (7 days)."""

from __future__ import annotations

from datetime import timedelta

from journal.domain import ObservationKind
from journal.knowledge import default_catalog
from tests.rules.support import at, history, obs, steady, symptom

NOW = at("2026-10-20T12:00")
MINUTE = timedelta(minutes=1)


def _year_like_history():  # type: ignore[no-untyped-def]
    m, doses = steady(NOW)
    fever_at = at("2026-10-10T12:00")
    removed = symptom("confusion", fever_at - timedelta(hours=1), 5)
    removed.removed = True
    symptoms = [
        symptom("high-fever", fever_at),
        symptom("confusion", fever_at + timedelta(hours=24), 4),  # exactly 24 h after: a companion
        symptom("high-fever", at("2026-10-15T12:00")),
        symptom("confusion", at("2026-10-16T12:00") + MINUTE, 4),  # 24 h and a minute after: not one
        removed,
        symptom("muscle-twitching", at("2026-10-01T08:00"), 3),
        symptom("muscle-twitching", at("2026-10-08T08:00"), 3),  # exactly 7 days later: not new
        symptom("muscle-twitching", at("2026-10-15T08:01"), 3),  # 7 days and a minute later: new
        symptom("spasms", at("2026-10-12T09:00"), 4),
        symptom("spasms", at("2026-10-13T09:00"), 6),  # 2 points above the week's highest: worse
        symptom("spasms", at("2026-10-14T09:00"), 7),  # 1 above: not worse
        symptom("headache", at("2026-10-13T09:00"), 0),  # severity 0: no sign
    ]
    readings = [obs(ObservationKind.TEMPERATURE, at("2026-10-17T20:00"), 38.6),
                obs(ObservationKind.TEMPERATURE, at("2026-10-18T20:00"), 37.0)]
    symptoms.append(symptom("confusion", at("2026-10-18T20:00"), 3))  # next to the fever reading
    h = history(NOW, [m], doses=doses, symptoms=symptoms, observations=readings)
    h.start = at("2026-09-01T00:00")
    return h


def _tiers(h):  # type: ignore[no-untyped-def]
    cat = default_catalog()
    out = [(s.symptom, str(s.at), cat.triage(s, h)) for s in h.symptoms]
    out += [(o.kind.value, str(o.at), cat.triage_reading(o, h)) for o in h.observations]
    out += [("change", str(s.at), cat.change_from_usual(s.symptom, s.severity, s.at, h, s)) for s in h.symptoms]
    return out


def test_tiers_read_from_the_remembered_index_are_the_tiers_read_from_the_history() -> None:
    h = _year_like_history()
    plain = _tiers(h)
    with default_catalog().remembering(h):
        remembered = _tiers(h)
    assert remembered == plain
    by_time = {(code, when): t for code, when, t in plain if code != "change"}
    assert by_time[("high-fever", str(at("2026-10-10T12:00")))].tier == "emergency"  # confusion 24 h later
    assert by_time[("high-fever", str(at("2026-10-15T12:00")))].tier == "urgent"  # 24 h and a minute
    assert by_time[("muscle-twitching", str(at("2026-10-08T08:00")))].tier == "next-visit"
    assert by_time[("muscle-twitching", str(at("2026-10-15T08:01")))].tier == "urgent"
    assert by_time[("spasms", str(at("2026-10-13T09:00")))].tier == "urgent"
    assert by_time[("spasms", str(at("2026-10-14T09:00")))].tier == "next-visit"
    assert by_time[("temperature", str(at("2026-10-17T20:00")))].tier == "emergency"  # with the confusion


def test_the_index_is_forgotten_when_the_block_ends() -> None:
    h = _year_like_history()
    cat = default_catalog()
    fever = next(s for s in h.symptoms if s.symptom == "high-fever" and s.at == at("2026-10-15T12:00"))
    with cat.remembering(h):
        assert cat.triage(fever, h).tier == "urgent"
    # Logged afterwards, next to the fever: read from the history again, not from the old index.
    h.symptoms.append(symptom("confusion", at("2026-10-15T13:00"), 3))
    assert cat.triage(fever, h).tier == "emergency"
    with cat.remembering(h):
        assert cat.triage(fever, h).tier == "emergency"
