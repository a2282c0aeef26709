"""Copying a whole journal from one engine to another (moving a journal file into a shared one).

Every row of every journal table is copied with its id, so history (revisions), corrections,
removals and acknowledgements stay exactly as they were; the target must hold no records yet.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select, text

from .models import Base, Meta, PatientRow

BATCH = 5000


class TargetNotEmpty(Exception):
    """The target journal already holds people; copying into it could mix two journals."""


def copy_journal(src: Any, dst: Any) -> dict[str, int]:
    """Copy every journal table from engine `src` into engine `dst` (both already migrated to
    the same schema) in one transaction on `dst`. Returns rows copied per table. Raises
    TargetNotEmpty when `dst` has any person, removed ones included."""
    copied: dict[str, int] = {}
    tables = [t for t in Base.metadata.sorted_tables if t.name != Meta.__tablename__]
    with src.connect() as s, dst.begin() as d:
        if d.execute(select(func.count()).select_from(PatientRow.__table__)).scalar():
            raise TargetNotEmpty("the target journal already holds people")
        for table in reversed(tables):  # the target's own first-open settings make way
            d.execute(delete(table))
        for table in tables:
            n = 0
            result = s.execute(select(table).order_by(*table.primary_key.columns))
            while rows := result.fetchmany(BATCH):
                d.execute(insert(table), [dict(r._mapping) for r in rows])
                n += len(rows)
            copied[table.name] = n
        if d.dialect.name == "postgresql":  # new records continue after the copied ids
            for table in tables:
                if "id" in table.c:
                    d.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return copied
