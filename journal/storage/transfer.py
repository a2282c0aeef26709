"""Copying a whole journal from one engine to another (moving a journal file into a shared one), and
the same copy as JSON inside a shared journal's backup (`dump_tables` / `load_tables`).

Every row of every journal table is copied with its id, so history (revisions), corrections,
removals and acknowledgements stay exactly as they were; the target must hold no records yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Column, Date, Table, delete, func, insert, select, text
from sqlalchemy.types import TypeDecorator

from .models import Base, Meta, PatientRow

BATCH = 5000


class TargetNotEmpty(Exception):
    """The target journal already holds people; copying into it could mix two journals."""


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name != Meta.__tablename__]


def _fill(d: Any, tables: list[Table], rows_of: Callable[[Table], Iterator[list[dict[str, Any]]]]) -> dict[str, int]:
    """In the open transaction `d`: refuse a target holding people, empty the target's tables (its
    own first-open settings make way), insert every table's rows, and let new records continue
    after the copied ids. Returns rows per table."""
    if d.execute(select(func.count()).select_from(PatientRow.__table__)).scalar():
        raise TargetNotEmpty("the target journal already holds people")
    for table in reversed(tables):
        d.execute(delete(table))
    copied: dict[str, int] = {}
    for table in tables:
        n = 0
        for rows in rows_of(table):
            if rows:
                d.execute(insert(table), rows)
                n += len(rows)
        copied[table.name] = n
    if d.dialect.name == "postgresql":  # new records continue after the copied ids
        for table in tables:
            if "id" in table.c:
                d.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return copied


def copy_journal(src: Any, dst: Any) -> dict[str, int]:
    """Copy every journal table from engine `src` into engine `dst` (both already migrated to
    the same schema) in one transaction on `dst`. Returns rows copied per table. Raises
    TargetNotEmpty when `dst` has any person, removed ones included."""
    with src.connect() as s, dst.begin() as d:
        def rows_of(table: Table) -> Iterator[list[dict[str, Any]]]:
            result = s.execute(select(table).order_by(*table.primary_key.columns))
            while batch := result.fetchmany(BATCH):
                yield [dict(r._mapping) for r in batch]

        return _fill(d, _tables(), rows_of)


# --- the same copy as JSON (a shared journal's backup) --------------------------------------------


_NO_DIALECT: Any = None  # our TypeDecorators store the same text on every engine


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, TypeDecorator):  # UTCDateTime: its stored text, exactly
        return column.type.process_bind_param(value, _NO_DIALECT)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, TypeDecorator):
        return column.type.process_result_value(value, _NO_DIALECT)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def dump_tables(session: Any) -> dict[str, Any]:
    """Every journal table's rows, read through `session` (so in its snapshot), as JSON-ready data:
    {"schema": revision, "tables": {name: {"columns": [...], "rows": [[...], ...]}}}."""
    schema = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    out: dict[str, Any] = {}
    for table in _tables():
        columns = list(table.c)
        rows = session.execute(select(table).order_by(*table.primary_key.columns))
        out[table.name] = {"columns": [c.name for c in columns],
                           "rows": [[_encode(c, v) for c, v in zip(columns, row, strict=True)] for row in rows]}
    return {"schema": schema, "tables": out}


class DumpError(ValueError):
    """A table dump that does not fit this journal (another schema, unknown tables or columns)."""


def load_tables(engine: Any, dump: Any) -> dict[str, int]:
    """Put a `dump_tables` dump into the journal at `engine` (current schema, holding no people) in
    one transaction. Raises DumpError for a dump of another schema or shape, TargetNotEmpty for a
    journal holding people; nothing is changed then."""
    from .db import known_revisions

    _known, head = known_revisions()
    if not isinstance(dump, dict) or not isinstance(dump.get("tables"), dict):
        raise DumpError("the journal's tables are missing or not as a backup writes them")
    if dump.get("schema") != head:
        raise DumpError(f"the tables are of schema {dump.get('schema')}, this version's is {head}")
    tables = _tables()
    by_name = dump["tables"]
    unknown = set(by_name) - {t.name for t in tables}
    if unknown:
        raise DumpError(f"unknown tables: {', '.join(sorted(unknown))}")
    prepared: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        part = by_name.get(table.name, {"columns": [], "rows": []})
        names = part.get("columns") if isinstance(part, dict) else None
        rows = part.get("rows") if isinstance(part, dict) else None
        if not isinstance(names, list) or not isinstance(rows, list) or not set(names) <= set(table.c.keys()):
            raise DumpError(f"the table {table.name} is not as a backup writes it")
        columns = [table.c[n] for n in names]
        try:
            prepared[table.name] = [{c.name: _decode(c, v) for c, v in zip(columns, row, strict=True)}
                                    for row in rows]
        except (TypeError, ValueError) as e:
            raise DumpError(f"a row of the table {table.name} cannot be read ({e})") from None
    with engine.begin() as d:
        return _fill(d, tables, lambda table: iter([prepared[table.name]]))
