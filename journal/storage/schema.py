"""What a journal's schema must be, exactly: tables, columns, indexes, triggers and views.

A file is only trusted as a journal when everything in its `sqlite_master` is what a freshly
migrated journal at the same revision has, word for word (whitespace aside). A backup carrying
one extra trigger could otherwise rewrite every entry logged after a restore; an extra view or
index, a changed column or a missing one is refused the same way (issue 15).

The truth is a fresh in-memory journal migrated to that revision with Alembic (about a second,
too slow for every start). So the result for each revision is recorded in
`migrations/schemas.json` together with a digest of the migration files; the recording is used
only while the digest matches, otherwise the schema is worked out again from the migrations
(slow but never wrong). `tests/storage/test_untrusted_files.py` fails when the recording is stale; to
write it again:

    python -m journal.storage.schema --write
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

MIGRATIONS = Path(__file__).with_name("migrations")
RECORDED = MIGRATIONS / "schemas.json"

SchemaEntry = tuple[str, str, str, str]  # (type, name, table, SQL with whitespace collapsed)


def _ignored(name: str) -> bool:
    # The query planner's statistics (ANALYZE / PRAGMA optimize) hold no code and no data.
    return name.startswith("sqlite_stat")


def schema_of(con: sqlite3.Connection) -> frozenset[SchemaEntry]:
    """Every object in the open database's `sqlite_master` (its schema, not its data)."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (str(t), str(n), str(tbl), " ".join(str(sql or "").split())) for t, n, tbl, sql in rows if not _ignored(str(n))
    )


def migrations_digest() -> str:
    """SHA-256 over the migration scripts (names and contents): any change makes recordings stale."""
    h = hashlib.sha256()
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        h.update(f.name.encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=8)
def migrated_schema(revision: str) -> frozenset[SchemaEntry]:
    """The schema of a brand-new journal migrated to `revision` (the slow, certain answer)."""
    from sqlalchemy import create_engine, event

    from .db import finish_new_journal, migrate

    engine = create_engine("sqlite://")

    @event.listens_for(engine, "connect")
    def _manual(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.begin() as conn:
            migrate(conn, revision)
            finish_new_journal(conn)
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return schema_of(raw)
    finally:
        engine.dispose()


@functools.lru_cache(maxsize=1)
def _recorded() -> dict[str, frozenset[SchemaEntry]]:
    try:
        data = json.loads(RECORDED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("migrations_digest") != migrations_digest():
        return {}
    found: dict[str, frozenset[SchemaEntry]] = {}
    for rev, entries in (data.get("revisions") or {}).items():
        found[str(rev)] = frozenset((str(a), str(b), str(c), str(d)) for a, b, c, d in entries)
    return found


def expected_schema(revision: str) -> frozenset[SchemaEntry]:
    """The exact schema a journal at `revision` has: the recording when it is current, else the
    migrations run on an empty in-memory database."""
    recorded = _recorded().get(revision)
    return recorded if recorded is not None else migrated_schema(revision)


def differences(actual: frozenset[SchemaEntry], expected: frozenset[SchemaEntry]) -> list[str]:
    """Plain words for what differs, e.g. ['an extra trigger "t"', 'a changed table "doses"'],
    most telling first (extra code before missing or changed parts); empty when equal."""
    by_name_exp = {(e[0], e[1]): e for e in expected}
    by_name_act = {(a[0], a[1]): a for a in actual}
    found: list[str] = []
    for key in sorted(by_name_act.keys() - by_name_exp.keys()):
        found.append(f'an extra {key[0]} "{key[1]}"')
    for key in sorted(by_name_exp.keys() - by_name_act.keys()):
        found.append(f'no {key[0]} "{key[1]}"')
    for key in sorted(by_name_act.keys() & by_name_exp.keys()):
        if by_name_act[key] != by_name_exp[key]:
            found.append(f'a changed {key[0]} "{key[1]}"')
    return found


def record() -> Path:
    """Write `migrations/schemas.json` for every known revision (run after adding a migration)."""
    from .db import known_revisions

    known, _head = known_revisions()
    data = {
        "about": "Exact schema of a freshly migrated journal per revision; written by "
        "`python -m journal.storage.schema --write`, checked by tests/storage/test_untrusted_files.py.",
        "migrations_digest": migrations_digest(),
        "revisions": {rev: sorted(migrated_schema(rev)) for rev in sorted(known)},
    }
    RECORDED.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _recorded.cache_clear()
    return RECORDED


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    if sys.argv[1:] == ["--write"]:
        print(f"wrote {record()}")
    else:
        print(__doc__)
