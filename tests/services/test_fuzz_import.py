"""Bad input changes nothing: thousands of mutated exchange documents, derived from a valid one
(fields deleted or renamed, wrong types, NaN, huge numbers, bad dates, bad units...).

Every import either succeeds or raises `ValidationError` naming a field (a JSON pointer); never
another exception, and a refused import leaves every table exactly as it was.

CI runs ROBUST_FUZZ examples (default 1000). By hand:  ROBUST_FUZZ=5000 pytest -q -s tests/test_robust_fuzz_import.py
"""

from __future__ import annotations

import copy
import json
import math
import os
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain import FixedClock
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from tests.services.support import table_dump, valid_document

EXAMPLES = int(os.environ.get("ROBUST_FUZZ", "1000"))
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
STATS: Counter[str] = Counter()

BAD_VALUES: list[Any] = [
    None, "", " ", "garbage", "null", 0, -1, -0.0001, 1e308, -1e308, 10**30, 2**63, float("nan"),
    float("inf"), float("-inf"), True, False, [], {}, [1, 2], {"value": 1}, "2026-13-01T08:00",
    "2026-02-30", "2026-02-30T08:00", "2026-10-01T25:61", "yesterday", "08:00", "8am", "24:00",
    "2026-10-01T08:00+99:00", "0000-01-01", "9999-12-31T23:59:59", "\u0000", "\ud800", "a" * 10_000,
    "kg", "MG", " mg", "ml", "tablets", "µg", "drops", {"value": 5, "unit": "kg"},
    {"value": "ten", "unit": "mg"}, {"value": float("nan"), "unit": "mg"}, {"value": -5, "unit": "mg"},
    {"value": 1e12, "unit": "mg"}, {"value": 10, "unit": "mg", "per": {"value": 0, "unit": "mL"}},
    {"value": 10, "unit": "mg", "per": {"value": 1, "unit": "mg"}}, {"unit": "mg"}, {"value": 10},
    "Mars/Olympus_Mons", "America/Chicago", "UTC", 1, 2, "caregiver-medication-journal",
    "taken", "pump", "refill", "spasms", "m1", "m2", "p1", 3.5, 11, 10.5, -3, 1440, 99999,
]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    node = doc
    for k in path[:-1]:
        node = node[k]
    return node


BASE = valid_document(days=2, start="2026-11-10")
BASE["patients"][0]["pump_events"] = [{
    "at": "2026-11-10T15:00", "kind": "refill", "volume_ml": 20, "concentration_mcg_per_ml": 2000,
    "daily_dose_mcg": 400, "reservoir_ml": 20, "low_alarm_ml": 2, "next_refill_due": "2027-01-20", "note": "",
}]
BASE["patients"][0]["observations"].append(
    {"at": "2026-11-10T09:40", "kind": "blood-pressure", "value": 120, "value2": 80, "note": ""})
BASE["patients"][0]["observations"].append(
    {"at": "2026-11-10T09:45", "kind": "modified-ashworth", "value": "1+", "body_part": "left leg"})
BASE["patients"][0]["medications"].append({
    "id": "m2", "name": "Baclofen oral solution", "drug": "baclofen", "route": "oral", "form": "solution",
    "strength": {"value": 5, "unit": "mg", "per": {"value": 5, "unit": "mL"}}, "as_needed": True, "regimens": [],
})
BASE["patients"][0]["doses"].append({"medication": "m2", "scheduled": None, "given": "2026-11-11T22:00",
                                     "amount": {"value": 2.5, "unit": "mL"}, "status": "taken"})
PATHS = _paths(BASE)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    doc = copy.deepcopy(BASE)
    done: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        try:
            parent = _parent(doc, path) if path else None
            if path and not (isinstance(parent, dict) and path[-1] in parent
                             or isinstance(parent, list) and path[-1] < len(parent)):
                continue  # an earlier mutation removed this part
        except (KeyError, IndexError, TypeError):
            continue
        how = draw(st.sampled_from(["delete", "rename", "replace", "replace", "replace", "duplicate", "wrap"]))
        if not path:
            doc = draw(st.sampled_from([[], None, "doc", 1, {"format": "caregiver-medication-journal"}]))
            done.append("replace-root")
            break
        key = path[-1]
        if how == "delete":
            del parent[key]
        elif how == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from([key + "s", key.upper(), key + " ", "x_" + key]))] = parent.pop(key)
        elif how == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif how == "wrap":
            parent[key] = [parent[key]]
        else:
            # A copy: BAD_VALUES are shared, and a later mutation inside the same value would
            # change the list itself (once it made a value contain itself, failing every example after).
            parent[key] = copy.deepcopy(draw(st.sampled_from(BAD_VALUES) | st.text(max_size=30)
                                             | st.integers() | st.floats(allow_nan=True, allow_infinity=True)))
        done.append(f"{how} /{'/'.join(map(str, path))}")
    return doc, done


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("fuzz") / "journal.sqlite3"
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(copy.deepcopy(BASE))
    yield j, path
    j.close()
    print(f"\nimport fuzz: {sum(STATS.values())} documents; {dict(STATS)}")


@pytest.mark.slow  # many generated examples; the cases below it are the quick check
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(case=mutated())
def test_mutated_documents_are_refused_cleanly_or_imported(journal: Any, case: tuple[Any, list[str]]) -> None:
    j, path = journal
    doc, mutations = case
    before = table_dump(path)
    try:
        j.import_document(doc)
    except ValidationError as e:
        assert e.field, f"no field named for {mutations}: {e}"
        assert e.field.startswith("/") or e.field in ("document",), (e.field, mutations)
        assert "Traceback" not in str(e)
        assert table_dump(path) == before, f"refused but changed the journal: {mutations}"
        STATS["refused"] += 1
    else:
        STATS["accepted"] += 1


def test_a_document_failing_on_its_last_record_writes_nothing(journal: Any) -> None:
    """All or nothing, at the far end: 600 good new doses, then one bad one."""
    j, path = journal
    doc = valid_document(days=200, patient="New Person", start="2026-01-01")
    doc["patients"][0]["doses"][-1]["amount"] = {"value": 10, "unit": "kg"}
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.import_document(doc)
    assert refused.value.field.startswith("/patients/0/doses/599")
    assert table_dump(path) == before


def test_nan_in_a_json_file_is_refused(journal: Any) -> None:
    j, path = journal
    doc = json.loads(json.dumps(BASE).replace('"value": 37.1', '"value": NaN'))
    assert math.isnan(doc["patients"][0]["observations"][0]["value"])
    doc["patients"][0]["observations"][0]["at"] = "2026-11-12T10:00"
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.import_document(doc)
    assert "/observations/0/value" in refused.value.field
    assert table_dump(path) == before


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_nan_or_infinite_dose_amount_is_a_validation_error(journal: Any, bad: float) -> None:
    """Found by the fuzz (5000 documents): valid for the JSON schema, used to escape as QuantityError."""
    j, path = journal
    doc = copy.deepcopy(BASE)
    doc["patients"][0]["doses"][3]["amount"]["value"] = bad
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.import_document(doc)
    assert refused.value.field.startswith("/patients/0/doses/3/amount")
    assert table_dump(path) == before


def _zero_per(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["patients"][0]["medications"][1]["strength"]["per"]["value"] = 0
    doc["patients"][0]["name"] = "Zero Per"
    return doc


def test_a_strength_per_zero_ml_is_refused_with_its_pointer(journal: Any) -> None:
    j, path = journal
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.import_document(_zero_per(BASE))
    assert refused.value.field == "/patients/0/medications/1/strength/per/value"
    assert table_dump(path) == before


def test_a_medication_with_a_strength_per_zero_ml_is_refused(journal: Any) -> None:
    from journal.domain import Form, Medication, Quantity, Unit

    j, path = journal
    pid = j.find_patient("Robin Shaw").id
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.add_medication(pid, Medication(name="Liquid per zero", form=Form.SOLUTION, drug="baclofen",
                                         strength=Quantity(5, Unit.MG, Quantity(0, Unit.ML))))
    assert "strength" in refused.value.field
    assert table_dump(path) == before


@pytest.mark.parametrize("where, zone, value", [
    (("notes_log", 0, "at"), "America/Chicago", "9999-12-31T23:59:59"),
    (("notes_log", 0, "at"), "Asia/Tokyo", "0001-01-01T03:00"),
    (("doses", 0, "given"), "Asia/Tokyo", "0001-01-01T00:00"),
    (("symptoms", 0, "at"), "Asia/Tokyo", "0001-01-01T03:00"),
])
def test_a_timestamp_at_the_edge_of_the_calendar_is_refused(journal: Any, where: tuple[Any, ...], zone: str,
                                                            value: str) -> None:
    """Found by the 20000-document fuzz: used to raise OverflowError while converting to UTC."""
    j, path = journal
    doc = copy.deepcopy(BASE)
    doc["timezone"] = zone
    doc["patients"][0]["name"] = "Edge Of Time"
    node = doc["patients"][0]
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = value
    before = table_dump(path)
    with pytest.raises(ValidationError) as refused:
        j.import_document(doc)
    assert refused.value.field == "/patients/0/" + "/".join(map(str, where))
    assert table_dump(path) == before
