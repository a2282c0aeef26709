"""Edit history: a correction keeps the earlier version (what, when, who); a removal is a marked,
reasoned, reversible flag; both are visible through `revisions()`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    FixedClock,
    Note,
    Observation,
    ObservationKind,
    PumpEvent,
    PumpEventKind,
    Quantity,
    SymptomEntry,
    Unit,
)
from journal.services.errors import NotFound, ValidationError
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

T0 = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Journal, FixedClock, int, int, Path]:
    clock = FixedClock(T0)
    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, clock)
    j.import_document(valid_document(days=2, start="2026-11-18"))
    pid = j.find_patient("Robin Shaw").id or 0
    mid = j.find_medication(pid, "Baclofen 10 mg tablets").id or 0
    yield j, clock, pid, mid, path
    j.close()


def _make(j: Journal, pid: int, mid: int, entity: str) -> tuple[int, str, Any]:
    """A fresh record of each kind, the field to correct, and the new value."""
    if entity == "dose":
        out = j.log_dose(pid, Dose(medication_id=mid, status=DoseStatus.TAKEN, given=AT,
                                   amount=Quantity(10, Unit.MG)), by="Sam")
        return out.record_id or 0, "amount", Quantity(5, Unit.MG)
    if entity == "symptom":
        out = j.log_symptom(pid, SymptomEntry(at=AT, symptom="spasms", severity=3))
        return out.record_id or 0, "severity", 6
    if entity == "observation":
        out = j.log_observation(pid, Observation(at=AT, kind=ObservationKind.TEMPERATURE, value=37.2))
        return out.record_id or 0, "value", 38.4
    if entity == "pump_event":
        out = j.log_pump_event(pid, PumpEvent(at=AT, kind=PumpEventKind.CHECK, note="fine"))
        return out.record_id or 0, "note", "site a bit red"
    if entity == "note":
        out = j.add_note(pid, Note(at=AT, text="Slept badly"))
        return out.record_id or 0, "text", "Slept badly, woke at 3"
    if entity == "patient":
        return pid, "notes", "likes the morning dose with juice"
    if entity == "medication":
        return mid, "name", "Baclofen 10 mg tablets (generic)"
    if entity == "regimen":
        reg = j.find_medication(pid, "Baclofen 10 mg tablets").regimens[0]
        return reg.id or 0, "prescribed_by", "Dr Patel"
    raise AssertionError(entity)


ENTITIES = ["dose", "symptom", "observation", "pump_event", "note", "patient", "medication", "regimen"]


@pytest.mark.parametrize("entity", ENTITIES)
def test_a_correction_keeps_what_was_there_before_and_who_changed_it(setup, entity: str) -> None:
    j, clock, pid, mid, _ = setup
    rid, field, new = _make(j, pid, mid, entity)
    old = getattr(j.get_record(entity, rid), field)
    clock.advance(timedelta(hours=2))
    j.correct(entity, rid, {field: new}, by="Alex", reason="typo")
    assert getattr(j.get_record(entity, rid), field) == new
    revs = [r for r in j.revisions(pid) if r.entity == entity and r.entity_id == rid]
    assert len(revs) == 1
    r = revs[0]
    assert r.action == "correct" and r.changed_by == "Alex" and r.reason == "typo"
    assert r.changed_at == clock.now()
    assert r.before[field] != r.after[field]
    assert str(old.value if isinstance(old, Quantity) else old) in str(r.before[field])
    assert j.revisions_of(entity, rid) == revs


@pytest.mark.parametrize("entity", ["dose", "symptom", "observation", "pump_event", "note"])
def test_a_removal_needs_a_reason_is_marked_and_can_be_undone(setup, entity: str) -> None:
    j, clock, pid, mid, _ = setup
    rid, _f, _v = _make(j, pid, mid, entity)
    window = (AT - timedelta(days=1), AT + timedelta(days=1))

    def visible() -> bool:
        h = j.history(pid, *window)
        series = {"dose": h.doses, "symptom": h.symptoms, "observation": h.observations,
                  "pump_event": h.pump_events, "note": h.notes}[entity]
        return any(x.id == rid for x in series)

    assert visible()
    with pytest.raises(ValidationError) as refused:
        j.remove(entity, rid, by="Alex", reason="  ")
    assert refused.value.field == "reason"
    assert visible()

    clock.advance(timedelta(minutes=10))
    j.remove(entity, rid, by="Alex", reason="entered twice")
    assert not visible()
    rec = j.get_record(entity, rid)
    assert rec.removed  # still in the file, marked
    clock.advance(timedelta(minutes=10))
    j.unremove(entity, rid, by="Sam", reason="it was not a double after all")
    assert visible() and not j.get_record(entity, rid).removed
    actions = [(r.action, r.changed_by, r.reason) for r in j.revisions_of(entity, rid)]
    assert actions == [("remove", "Alex", "entered twice"), ("restore", "Sam", "it was not a double after all")]


def test_revisions_are_filtered_by_time(setup) -> None:
    j, clock, pid, mid, _ = setup
    rid, field, new = _make(j, pid, mid, "symptom")
    j.correct("symptom", rid, {field: new}, by="Sam")
    clock.advance(timedelta(days=3))
    j.correct("symptom", rid, {field: 2}, by="Sam")
    assert len(j.revisions(pid)) == 2
    assert len(j.revisions(pid, start=T0 + timedelta(days=1))) == 1
    assert len(j.revisions(pid, end=T0 + timedelta(days=1))) == 1


@pytest.mark.parametrize("entity, changes, field", [
    ("dose", {"amount": "1001 tablets"}, "amount"),  # 10 g and more is refused outright
    ("dose", {"amount": "2 mL"}, "amount"),  # a tablet medicine has no mL strength
    ("dose", {"amount": "ten mg"}, "amount"),
    ("dose", {"status": "eaten"}, "status"),
    ("dose", {"given": datetime(2027, 1, 1, tzinfo=UTC)}, "given"),
    ("dose", {"id": 999}, "id"),
    ("symptom", {"severity": 11}, "severity"),
    ("symptom", {"symptom": "not-a-symptom"}, "symptom"),
    ("observation", {"value": float("nan")}, "value"),
    ("observation", {"kind": "mood"}, "kind"),
])
def test_a_bad_correction_changes_nothing(setup, entity: str, changes: dict[str, Any], field: str) -> None:
    j, _clock, pid, mid, path = setup
    rid, _f, _v = _make(j, pid, mid, entity)
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.correct(entity, rid, changes, by="Sam")
    assert field in refused.value.field
    assert table_dump(path) == before


def test_unknown_record_or_kind_is_refused(setup) -> None:
    j, _clock, pid, _mid, path = setup
    before = table_dump(path)
    with pytest.raises(NotFound):
        j.correct("dose", 987654, {"note": "x"}, by="Sam")
    with pytest.raises(NotFound):
        j.remove("note", 987654, by="Sam", reason="x")
    with pytest.raises(ValidationError):
        j.remove("recipe", 1, by="Sam", reason="x")
    assert table_dump(path) == before


def test_regimen_change_keeps_the_old_period(setup) -> None:
    j, clock, pid, mid, _ = setup
    from journal.domain import Regimen

    j.change_regimen(mid, Regimen(start=date(2026, 11, 22), dose=Quantity(15, Unit.MG)), by="Sam")
    regs = j.find_medication(pid, "Baclofen 10 mg tablets").regimens
    assert [r.dose.value for r in regs] == [10, 15]
    assert regs[0].end == date(2026, 11, 21)


def test_an_implausible_but_possible_dose_is_kept_and_raises_an_alert(setup) -> None:
    """1000 mg is below the service's hard limit (10 g): it is recorded as entered, never clamped,
    and the safety checks flag it at once."""
    pytest.importorskip("journal.services.checks", reason="the checks service is not in this build yet")
    j, _clock, pid, mid, _ = setup
    out = j.log_dose(pid, Dose(medication_id=mid, status=DoseStatus.TAKEN, given=T0 - timedelta(minutes=5),
                               amount=Quantity(1000, Unit.MG)), by="Sam")
    assert j.get_record("dose", out.record_id or 0).amount == Quantity(1000, Unit.MG)
    # the severity is the drug data's (clinical-facts: over-max-dose is a warning)
    assert "over-max-dose" in {a.rule for a in out.alerts}, [(a.rule, a.severity) for a in out.alerts]
