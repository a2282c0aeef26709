"""Every earlier schema revision, frozen as a journal file, upgrades to the current one with its
data intact (tests/fixtures/schemas/<revision>.sqlite3 + <revision>.expected.json).

One fixture per revision, made while that revision is head: after adding a revision (and its
model changes), run tests/fixtures/schemas/make_fixture.py and commit the two new files. The
older fixtures stay as they are; this test upgrades each of them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from journal.domain import FixedClock, Quantity, Unit
from journal.services.journal import Journal
from journal.storage.db import known_revisions
from tests.services.support import file_hash, integrity

FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"
sys.path.insert(0, str(FIXTURES))
from make_fixture import MADE_AT, snapshot  # noqa: E402

REVISION_FILES = sorted(FIXTURES.glob("*.sqlite3"))


def without_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


# Fields the export gained with a later revision: not in an older fixture's snapshot, so they are
# compared on their own (see test_0001_prescribed_ceiling_becomes_max_daily_in_mg).
# Settings added since every frozen file (issue 19: units, decimals and language; they read
# the locale's defaults until saved, so a frozen file has none of them).
SETTINGS_ADDED = ("temperature_unit", "weight_unit", "decimal_separator", "language")
ADDED_SINCE: dict[str, tuple[str, ...]] = {
    "0001_initial": ("as_needed_limits", "max_daily", "stock", *SETTINGS_ADDED),
    "0002_limits_and_stock": SETTINGS_ADDED,
}


def without_added(value: object, names: tuple[str, ...]) -> object:
    if isinstance(value, dict):
        return {k: without_added(v, names) for k, v in value.items() if k not in names}
    if isinstance(value, list):
        return [without_added(v, names) for v in value]
    return value


def revision_of(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def test_every_schema_revision_has_a_frozen_journal() -> None:
    known, head = known_revisions()
    frozen = {p.stem for p in REVISION_FILES}
    assert known <= frozen, f"add a fixture with make_fixture.py for: {sorted(known - frozen)}"
    for p in REVISION_FILES:
        assert revision_of(p) == p.stem
        assert (FIXTURES / f"{p.stem}.expected.json").exists()


@pytest.mark.parametrize("fixture", REVISION_FILES, ids=[p.stem for p in REVISION_FILES])
def test_frozen_journal_upgrades_to_head_with_data_intact(tmp_path: Path, fixture: Path) -> None:
    _known, head = known_revisions()
    original = file_hash(fixture)
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(fixture, path)
    j = Journal.open(path, FixedClock(MADE_AT))
    try:
        got = json.loads(json.dumps(snapshot(j)))
    finally:
        j.close()
    expected = json.loads((FIXTURES / f"{fixture.stem}.expected.json").read_text())
    # The export may stop writing empty (null) fields; the data must be the same.
    added = ADDED_SINCE.get(fixture.stem, ())
    assert without_nulls(without_added(got, added)) == without_nulls(without_added(expected, added))
    assert revision_of(path) == head
    assert integrity(path) == "ok"
    assert file_hash(fixture) == original  # the fixture itself is never touched
    if fixture.stem != head:  # an upgrade keeps a copy of the file as it was first
        assert any(p.name != path.name and "before" in p.name for p in tmp_path.iterdir())


def test_0001_prescribed_ceiling_becomes_max_daily_in_mg(tmp_path: Path) -> None:
    """0002 keeps the ceiling with its unit: the old mg column moves over as mg, and nothing else
    gains a ceiling, limits or stock."""
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(FIXTURES / "0001_initial.sqlite3", path)
    j = Journal.open(path, FixedClock(MADE_AT))
    try:
        meds = {m.name: m for p in j.list_patients() for m in j.list_medications(p.id or 0)}
        with_ceiling = {name: m.max_daily for name, m in meds.items() if m.max_daily is not None}
        assert with_ceiling == {"Baclofen oral solution 5 mg/5 mL": Quantity(90, Unit.MG)}
        assert meds["Baclofen oral solution 5 mg/5 mL"].prescribed_max_daily_mg == 90
        assert all(m.as_needed_limits is None and m.stock == [] for m in meds.values())
    finally:
        j.close()


def test_upgraded_journal_takes_new_entries(tmp_path: Path) -> None:
    """Not just readable: the oldest frozen journal can be written to after the upgrade."""
    from journal.domain import Dose, DoseStatus, Quantity, Unit

    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(REVISION_FILES[0], path)
    j = Journal.open(path, FixedClock(MADE_AT))
    robin = j.find_patient("Robin Shaw")
    med = j.find_medication(robin.id or 0, "Baclofen 10 mg tablets")
    out = j.log_dose(robin.id or 0, Dose(medication_id=med.id or 0, status=DoseStatus.TAKEN,
                                         given=MADE_AT, amount=Quantity(15, Unit.MG)))
    assert out.record_id is not None
    assert j.get_record("dose", out.record_id).amount == Quantity(15, Unit.MG)
    j.close()


def test_an_interrupted_schema_creation_leaves_a_usable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash (here: an error) in the middle of writing a new journal's schema must leave either
    nothing or everything, so the next start simply works."""
    from alembic.operations import Operations

    real = Operations.create_table
    calls = {"n": 0}

    def crash_on_the_fourth_table(self: Operations, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("power cut")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    path = tmp_path / "journal.sqlite3"
    monkeypatch.setattr(Operations, "create_table", crash_on_the_fourth_table)
    with pytest.raises(RuntimeError):
        Journal.open(path, FixedClock(MADE_AT))
    monkeypatch.undo()
    Journal.open(path, FixedClock(MADE_AT)).close()  # the next start works


def test_the_quick_revision_reading_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from journal.storage.db import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    known, head = known_revisions()
    assert set(known) == {r.revision for r in script.walk_revisions()}
    assert head == script.get_current_head()


def test_an_up_to_date_journal_opens_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "journal.sqlite3"
    Journal.open(path, FixedClock(MADE_AT)).close()  # made (and stamped) at head
    code = ("import sys; from datetime import datetime, timezone; from journal.domain import FixedClock; "
            "from journal.services.journal import Journal; "
            "Journal.open(sys.argv[1], FixedClock(datetime(2026, 11, 23, tzinfo=timezone.utc))).close(); "
            "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == "False"
