"""Shared pieces of the robustness tests: a valid exchange document and file helpers.

Named test_robust_* so it sits in the robustness paths; it holds no tests itself."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ZONE = "America/Chicago"


def valid_document(days: int = 3, patient: str = "Robin Shaw", start: str = "2025-06-01") -> dict[str, Any]:
    """A small, valid exchange-format v1 journal: one person on oral baclofen, doses 3x a day."""
    t0 = datetime.fromisoformat(start + "T08:00")
    doses: list[dict[str, Any]] = []
    for d in range(days):
        for h in (0, 6, 12):
            at = (t0 + timedelta(days=d, hours=h)).isoformat(timespec="minutes")
            doses.append({
                "medication": "m1", "scheduled": at, "given": at,
                "amount": {"value": 10, "unit": "mg"}, "status": "taken", "by": "Sam", "note": "",
            })
    return {
        "format": "caregiver-medication-journal",
        "version": 1,
        "timezone": ZONE,
        "patients": [{
            "id": "p1",
            "name": patient,
            "birth_date": "1970-05-04",
            "renal_impairment": "none",
            "conditions": ["multiple sclerosis"],
            "notes": "",
            "medications": [{
                "id": "m1",
                "name": "Baclofen 10 mg tablets",
                "drug": "baclofen",
                "route": "oral",
                "form": "tablet",
                "strength": {"value": 10, "unit": "mg"},
                "as_needed": False,
                "regimens": [{
                    "start": start, "end": None, "dose": {"value": 10, "unit": "mg"},
                    "times": ["08:00", "14:00", "20:00"], "every_days": 1,
                    "prescribed_by": "Dr Lee", "reason": "maintenance",
                }],
            }],
            "doses": doses,
            "symptoms": [{"at": start + "T09:30", "symptom": "spasms", "severity": 4,
                          "duration_minutes": 10, "note": ""}],
            "observations": [{"at": start + "T09:35", "kind": "temperature", "value": 37.1, "note": ""}],
            "pump_events": [],
            "notes_log": [{"at": start + "T10:00", "text": "Slept well."}],
        }],
    }


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_state(path: Path) -> dict[str, str]:
    """Hashes of the journal file and its -wal/-shm companions (those that exist)."""
    out = {}
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-journal")):
        if p.exists():
            out[p.name] = file_hash(p)
    return out


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def table_dump(path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare a journal before and after something that must change nothing.
    `path` may be a shared journal's PostgreSQL URL (tests/conftest.py `journal_path`)."""
    if isinstance(path, str) and path.startswith("postgresql://"):
        from sqlalchemy import create_engine, text

        engine = create_engine(path.replace("postgresql://", "postgresql+psycopg://", 1))
        try:
            with engine.connect() as c:
                names = [r[0] for r in c.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"))]
                return {n: sorted(map(tuple, c.execute(text(f'SELECT * FROM "{n}"')).fetchall()), key=repr)
                        for n in names}
        finally:
            engine.dispose()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()
