"""The shared journal's engine (PostgreSQL) beside SQLite: check, log a dose, an outside write seen.

    CAREJOURNAL_TEST_PG=postgresql://USER@127.0.0.1:PORT/postgres python -m bench.shared_engines [--runs N]

(`scripts/pg-private.sh start DIR PORT` starts a private server and prints such a URL.) Both
journals get the same content: the sample journal (one person, 1 year) and a generated journal of
50 people (2 weeks each, bench/generate.py). Figures are medians of N runs in one process, the
journal already open (what a window does again and again):

- check, one person: `Journal.check(patient_id)` on the sample journal;
- check, 50 people: `Journal.check()` over everyone;
- log a dose: `Journal.log_dose` (the write and the re-check of that person it includes);
- outside write seen: another open journal logs a dose; the time until `changed_elsewhere()`
  answers True when polled continuously (the window polls every OUTSIDE_CHANGES_MS on top).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample-journal.json"
AT = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("America/Chicago"))  # after the sample's last entry


def _median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _fresh_database(admin_url: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        c.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _load(where: str | Path, doc: dict[str, Any]) -> None:
    from journal.domain import FixedClock
    from journal.services.journal import Journal

    with Journal.open(where, FixedClock(AT)) as j:
        j.import_document(doc)


def measure(label: str, where: str | Path, many: str | Path, runs: int) -> dict[str, float]:
    from journal.domain import Dose, DoseStatus, FixedClock
    from journal.services.journal import Journal

    out: dict[str, float] = {}
    with Journal.open(where, FixedClock(AT)) as j:
        pid = j.list_patients()[0].id or 0
        mid = j.list_medications(pid)[0].id or 0
        out["check, one person (ms)"] = _median_ms(lambda: j.check(patient_id=pid), runs)
        minute = iter(range(10_000))

        def log() -> None:
            j.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=AT - timedelta(days=400, minutes=next(minute))))

        out["log a dose (ms)"] = _median_ms(log, runs)
        other = Journal.open(where, FixedClock(AT))
        try:
            j.changed_elsewhere()
            seen = []
            for _ in range(runs):
                other.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=AT - timedelta(days=500, minutes=next(minute))))
                t0 = time.perf_counter()
                while not j.changed_elsewhere():
                    if time.perf_counter() - t0 > 10:
                        raise SystemExit(f"{label}: an outside write was not seen within 10 s")
                seen.append((time.perf_counter() - t0) * 1000)
            out["outside write seen (ms)"] = statistics.median(seen)
        finally:
            other.close()
    with Journal.open(many, FixedClock(AT)) as j:
        out["check, 50 people (ms)"] = _median_ms(lambda: j.check(), max(3, runs // 3))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    admin = os.environ.get("CAREJOURNAL_TEST_PG", "").strip()
    if not admin:
        print("set CAREJOURNAL_TEST_PG to a PostgreSQL superuser URL (scripts/pg-private.sh start DIR PORT)")
        return 2
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        many_json = Path(tmp) / "many.json"
        subprocess.run([sys.executable, "-m", "bench.generate", "--days", "14", "--people", "50", "--seed", "1",
                        "--end", "2026-11-20", str(many_json)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        many = json.loads(many_json.read_text(encoding="utf-8"))
        sqlite_one, sqlite_many = Path(tmp) / "one.sqlite3", Path(tmp) / "many.sqlite3"
        pg_one, pg_many = _fresh_database(admin, "cjbench_one"), _fresh_database(admin, "cjbench_many")
        for where, doc in ((sqlite_one, sample), (sqlite_many, many), (pg_one, sample), (pg_many, many)):
            _load(where, doc)
        results = {"SQLite": measure("SQLite", sqlite_one, sqlite_many, args.runs),
                   "PostgreSQL": measure("PostgreSQL", pg_one, pg_many, args.runs)}
    print(f"| measure (median of {args.runs}) | SQLite | PostgreSQL | ratio |")
    print("|---|---:|---:|---:|")
    for key in results["SQLite"]:
        a, b = results["SQLite"][key], results["PostgreSQL"][key]
        print(f"| {key} | {a:.1f} | {b:.1f} | {b / a:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
