"""In-process measurements, each run in a fresh interpreter by bench.run_all / bench.smoke:

    python -m bench.probe check DB         # journal.check(now) in-process, per call
    python -m bench.probe floor DB         # key queries: raw sqlite3 vs the Journal service
    python -m bench.probe reference        # reference search per query
    python -m bench.probe modules ARGS...  # which heavy modules a command line loads
    python -m bench.probe window DB        # window visible after start, dose -> Today, memory

Each prints one line `RESULT {json}` (seconds as floats) or `SKIP reason`.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

T0 = time.perf_counter()

from .common import AT, have, median, time_call  # noqa: E402

RUNS = 7


def result(data: dict[str, Any]) -> None:
    print("RESULT " + json.dumps(data), flush=True)


def skip(reason: str) -> int:
    print("SKIP " + reason, flush=True)
    return 0


def open_journal(db: str) -> Any:
    from journal.domain import FixedClock
    from journal.services.journal import Journal

    return Journal.open(Path(db), FixedClock(datetime.fromisoformat(AT)))


def probe_check(db: str) -> int:
    if not have("journal.services.checks") or not have("journal.rules.engine"):
        return skip("journal.services.checks / journal.rules.engine not built yet")
    t0 = time.perf_counter()
    j = open_journal(db)
    opened = time.perf_counter() - t0
    now = datetime.fromisoformat(AT)
    first = time_call(lambda: j.check(now=now), 1, warmup=0)[0]
    c0 = time.process_time()
    times = time_call(lambda: j.check(now=now), RUNS, warmup=0)
    cpu = (time.process_time() - c0) / RUNS
    per_patient = []
    for p in j.list_patients():
        per_patient.append(median(time_call(lambda p=p: j.check(now=now, patient_id=p.id), 3, warmup=0)))
    alerts = j.check(now=now)
    result({"open": opened, "first": first, "median": median(times), "cpu": cpu, "per_patient_max": max(per_patient),
            "alerts": len(alerts), "rules": sorted({a.rule for a in alerts})})
    return 0


def probe_floor(db: str) -> int:
    """The same two questions asked of raw sqlite3 and of the Journal service."""
    import sqlite3

    j = open_journal(db)
    tz = j.tz
    now = datetime.fromisoformat(AT)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    fmt = "%Y-%m-%d %H:%M:%S.%f"

    def utc(t: datetime) -> str:
        from datetime import UTC

        return t.astimezone(UTC).strftime(fmt)

    patients = j.list_patients()
    baclofen = {}
    for p in patients:
        for m in j.list_medications(p.id):
            if m.drug == "baclofen" and m.route.value == "oral" and not m.as_needed and m.regimens:
                last = m.regimens[-1]
                if last.end is None or last.end >= (now - timedelta(days=90)).date():
                    baclofen[p.id] = m.id

    def raw_7d() -> int:
        n = 0
        for p in patients:
            rows = con.execute(
                "SELECT id, medication_id, status, scheduled, given, at, amount_value, amount_unit, "
                "normalised_value, normalised_unit, by, note FROM doses "
                "WHERE patient_id = ? AND at >= ? AND at < ? AND removed = 0 ORDER BY at",
                (p.id, utc(now - timedelta(days=7)), utc(now)),
            ).fetchall()
            n += len(rows)
        return n

    def ours_7d() -> int:
        return sum(len(j.history(p.id, now - timedelta(days=7), now).doses) for p in patients)

    def raw_90() -> int:
        days = 0
        for pid, mid in baclofen.items():
            totals: dict[Any, float] = {}
            for at, mg in con.execute(
                "SELECT at, normalised_value FROM doses WHERE patient_id = ? AND at >= ? AND at < ? "
                "AND medication_id = ? AND removed = 0 AND status IN ('taken', 'vomited')",
                (pid, utc(now - timedelta(days=90)), utc(now), mid),
            ):
                day = datetime.strptime(at, fmt).replace(tzinfo=__import__("datetime").UTC).astimezone(tz).date()
                totals[day] = totals.get(day, 0.0) + (mg or 0.0)
            days += len(totals)
        return days

    def ours_90() -> int:
        days = 0
        for pid, mid in baclofen.items():
            h = j.history(pid, now - timedelta(days=90), now)
            totals: dict[Any, float] = {}
            for d in h.doses:
                if d.medication_id == mid and d.status.was_given:
                    mg = d.amount_normalised.value if d.amount_normalised else 0.0
                    day = d.at.astimezone(tz).date()
                    totals[day] = totals.get(day, 0.0) + mg
            days += len(totals)
        return days

    out: dict[str, Any] = {}
    for name, raw, ours in (("last 7 days of doses", raw_7d, ours_7d), ("90 days of daily totals", raw_90, ours_90)):
        n_raw, n_ours = raw(), ours()
        r = median(time_call(raw, RUNS))
        o = median(time_call(ours, RUNS))
        out[name] = {"raw": r, "ours": o, "ratio": o / r if r else None, "rows_raw": n_raw, "rows_ours": n_ours}
    out["plan_7d"] = [row[-1] for row in con.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM doses WHERE patient_id = 1 AND at >= '2026' AND at < '2027' "
        "AND removed = 0 ORDER BY at")]
    out["plan_90"] = [row[-1] for row in con.execute(
        "EXPLAIN QUERY PLAN SELECT at, normalised_value FROM doses WHERE patient_id = 1 AND at >= '2026' "
        "AND at < '2027' AND medication_id = 1 AND removed = 0")]
    result(out)
    return 0


REFERENCE_QUERIES = ["missed dose", "withdrawal itching", "pump alarm beeping", "how to stop baclofen",
                     "drowsy confused", "kidney", "fever rigidity", "liquid concentration"]


def probe_reference() -> int:
    if not have("journal.reference.library"):
        return skip("journal.reference not built yet")
    from journal.reference.library import ReferenceLibrary

    t0 = time.perf_counter()
    lib = ReferenceLibrary()
    first_hits = lib.search(REFERENCE_QUERIES[0])
    first = time.perf_counter() - t0
    per_query = []
    for q in REFERENCE_QUERIES:
        per_query.append(median(time_call(lambda q=q: lib.search(q), 5, warmup=0)))
    result({"first_with_index": first, "median": median(per_query), "max": max(per_query),
            "hits_first": len(first_hits)})
    return 0


HEAVY = ("sqlalchemy", "alembic", "PySide6", "jsonschema", "reportlab", "matplotlib")


def probe_modules(args: list[str]) -> int:
    """Run the command line in-process and list the heavy packages it imported."""
    import contextlib
    import io

    from journal.app import main

    buf = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        try:
            rc = main(args)
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 0
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    result({"rc": rc, "seconds": time.perf_counter() - t0, "heavy": loaded})
    return 0


def probe_profile(what: str, path: str, top: int = 25) -> int:
    """Where the time goes (cProfile, cumulative), for the findings in docs/performance.md:
    `profile import DOC.json` (into a fresh scratch journal), `profile check DB`,
    `profile history DB` (one person's last 7 and 90 days)."""
    import cProfile
    import pstats

    from .common import OUT

    prof = cProfile.Profile()
    if what == "import":
        db = OUT / "scratch" / "profile-import.sqlite3"
        db.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        j = open_journal(str(db))
        prof.runcall(j.import_document, doc)
    elif what == "check":
        j = open_journal(path)
        now = datetime.fromisoformat(AT)
        j.check(now=now)
        prof.runcall(j.check, now=now)
    elif what == "history":
        j = open_journal(path)
        now = datetime.fromisoformat(AT)
        pid = j.list_patients()[0].id

        def both() -> None:
            j.history(pid, now - timedelta(days=7), now)
            j.history(pid, now - timedelta(days=90), now)

        prof.runcall(both)
    else:
        print(f"unknown profile target {what}", file=sys.stderr)
        return 2
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    return 0


def main(argv: list[str]) -> int:
    cmd, rest = argv[0], argv[1:]
    if cmd == "profile":
        return probe_profile(rest[0], rest[1] if len(rest) > 1 else "")
    if cmd == "check":
        return probe_check(rest[0])
    if cmd == "floor":
        return probe_floor(rest[0])
    if cmd == "reference":
        return probe_reference()
    if cmd == "modules":
        return probe_modules(rest)
    if cmd == "window":
        from .window_probe import probe_window

        return probe_window(rest[0], T0)
    print(f"unknown probe {cmd}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
