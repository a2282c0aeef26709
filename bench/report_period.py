"""The doctor report over a long period at care-home scale (issue 17): 30 days against a year.

    python -m bench.report_period [--runs N] [--people 1,2,3]

On the 50-person 10-year journal of `bench.care` (generated and imported once, cached in the bench
cache folder), for one person at a time: the CPU time of the report's data (`reports.build_for`,
alerts included) for the last 30 days and the last 365 days, medians of N runs in a fresh
interpreter after one warm-up, and their ratio. Beside them, the floor: the same report without its
alerts (what the period costs before a single check runs), and raw sqlite3 reading the same
person's rows for 30 days and the year (doses, symptoms, readings), with the ratio of each pair: a
report that reads the period's entries cannot grow less than they do. Target (issue 17): a year within 1 s of CPU
and within 1.5x of 30 days.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .common import AT, median, prepare_db, run_proc

TARGET_CPU = 1.0  # s of CPU for a year (issue 17)
TARGET_RATIO = 1.5  # a year against 30 days (issue 17)


def probe(db: str, person: int, runs: int) -> dict[str, Any]:
    """In this interpreter: CPU medians of the report for 30 and 365 days, with and without alerts."""
    from journal.domain import FixedClock
    from journal.services.journal import Journal
    from journal.services.reports import build_for

    now = datetime.fromisoformat(AT)
    j = Journal.open(Path(db), FixedClock(now))
    end = date.fromisoformat(AT[:10]) - timedelta(days=1)
    build_for(j, person, end - timedelta(days=29), end, now)  # warm: imports, drug data, settings
    out: dict[str, Any] = {}
    for days in (30, 365):
        for alerts in (True, False):
            cpu = []
            for _ in range(runs):
                c0 = time.process_time()
                data = build_for(j, person, end - timedelta(days=days - 1), end, now, with_alerts=alerts)
                cpu.append(time.process_time() - c0)
            out[f"cpu_{days}" if alerts else f"cpu_{days}_no_alerts"] = median(cpu)
            if alerts:
                out[f"alerts_{days}"] = len(data.alerts)
    j.close()
    out["raw_365"] = _raw_rows(db, person, now - timedelta(days=365 + 8), now, runs)
    out["raw_30"] = _raw_rows(db, person, now - timedelta(days=30 + 8), now, runs)
    return out


def _raw_rows(db: str, person: int, lo: datetime, hi: datetime, runs: int) -> float:
    """Median seconds for raw sqlite3 to read the person's doses, symptoms and readings of the span."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    a = lo.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    b = hi.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    out = []
    for _ in range(runs):
        t0 = time.process_time()
        for table in ("doses", "symptoms", "observations"):
            con.execute(f"SELECT * FROM {table} WHERE patient_id = ? AND at >= ? AND at <= ? ORDER BY at",  # noqa: S608
                        (person, a, b)).fetchall()
        out.append(time.process_time() - t0)
    con.close()
    return median(out)


def secs(x: float) -> str:
    if x < 0.01:
        return f"{x * 1000:.1f} ms"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def pair(a: float, b: float) -> str:
    """'30 ms / 190 ms (6.3x)': a floor for 30 days and a year, and their ratio (the floor of ours)."""
    return f"{secs(a)} / {secs(b)} ({b / a:.1f}x)" if a else f"{secs(a)} / {secs(b)}"


def run(runs: int, people: list[int]) -> list[dict[str, Any]]:
    from .care import CARE

    CARE.make_doc()
    db = prepare_db(CARE)
    if db is None:
        print("  the care-home journal could not be imported")
        return []
    print(f"  Doctor report, 30 days against a year ({CARE.label}, {db.stat().st_size / 1e6:.0f} MB journal); "
          f"CPU medians of {runs}")
    print(f"  {'person':>6} {'30 days':>9} {'365 days':>9} {'ratio':>6} {'alerts':>9}   "
          f"{'floor: no alerts 30/365':>30} {'raw sqlite3 30/365':>26}  verdict")
    rows = []
    for person in people:
        p = run_proc([sys.executable, "-m", "bench.report_period", "probe", str(db), str(person), str(runs)],
                     timeout=1800)
        data = next((json.loads(x[7:]) for x in p.out.splitlines() if x.startswith("RESULT ")), None)
        if data is None:
            print(f"  {person:>6} failed (exit {p.rc}): {(p.err.strip().splitlines() or ['?'])[-1][:100]}")
            continue
        ratio = data["cpu_365"] / data["cpu_30"]
        ok = data["cpu_365"] <= TARGET_CPU and ratio <= TARGET_RATIO
        verdict = "met" if ok else (f"MISSED (target <= {TARGET_CPU:g} s and <= {TARGET_RATIO:g}x)")
        print(f"  {person:>6} {secs(data['cpu_30']):>9} {secs(data['cpu_365']):>9} {ratio:>5.2f}x "
              f"{data['alerts_30']:>4}/{data['alerts_365']:<4}   "
              f"{pair(data['cpu_30_no_alerts'], data['cpu_365_no_alerts']):>30} "
              f"{pair(data['raw_30'], data['raw_365']):>26}  {verdict}", flush=True)
        rows.append({"person": person, **data, "ratio": ratio})
    if len(rows) > 1:
        print(f"  median over {len(rows)} people: 30 days {secs(median([r['cpu_30'] for r in rows]))}, "
              f"365 days {secs(median([r['cpu_365'] for r in rows]))}, "
              f"ratio {median([r['ratio'] for r in rows]):.2f}x")
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["probe"]:
        print("RESULT " + json.dumps(probe(argv[1], int(argv[2]), int(argv[3]))), flush=True)
        return 0
    ap = argparse.ArgumentParser(prog="python -m bench.report_period", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--people", default="1", help="person ids, comma-separated (1 to 50)")
    args = ap.parse_args(argv)
    run(args.runs, [int(x) for x in args.people.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
