"""Care-home scale (issue 17): the 50-person 10-year journal, each target beside its floor.

    python -m bench.care [--runs N] [--only NAME ...]    (also the "care" part of bench.run_all)

The journal is generated once (`bench.generate`, seed 1, 50 people, 10 years up to 2026-11-20) and
imported once; both are cached in the bench cache folder (bench.common.OUT, outside the repository
unless CAREJOURNAL_BENCH_CACHE says otherwise). Each row prints our figure, its floor (what the same
work costs without our code: raw sqlite3 for the same reads, a minimal Qt window with the same tabs,
the SQLAlchemy import), the target and the verdict. In-process figures run in a fresh interpreter
(`python -m bench.care probe WHAT DB`), CPU seconds next to wall seconds because the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .common import AT, OUT, Proc, Size, cli, median, prepare_db, run_proc, scratch_copy

CARE = Size("50 people, 10 years", years=10, people=50)


@dataclass
class CareRow:
    name: str
    ours: str
    floor: str
    target: str
    verdict: str


CARE_ROWS: list[CareRow] = []


def secs(x: float | None) -> str:
    if x is None:
        return "-"
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def add(name: str, ours: str, floor: str, target: str, verdict: str) -> None:
    CARE_ROWS.append(CareRow(name, ours, floor, target, verdict))
    print(f"  {name:<40} {ours:>30} {floor:>30}  {target:<28} {verdict}", flush=True)


def _probe(what: str, db: Path, *extra: str, timeout: float = 600) -> tuple[dict | None, str]:
    p = run_proc([sys.executable, "-m", "bench.care", "probe", what, str(db), *extra], timeout=timeout)
    for line in p.out.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:]), ""
    tail = (p.err.strip().splitlines() or ["no output"])[-1]
    return None, f"failed (exit {p.rc}): {tail[:100]}"


def _runs(cmd: list[str], n: int, timeout: float = 900) -> list[Proc]:
    out = []
    for _ in range(n):
        p = run_proc(cmd, timeout=timeout)
        out.append(p)
        if p.rc != 0:
            break
    return out


def _wc(ps: list[Proc]) -> str:
    return f"{secs(median([p.seconds for p in ps]))} (cpu {secs(median([p.cpu for p in ps]))})"


def _ok(cond: bool, why: str = "") -> str:
    return "met" if cond else f"MISSED{(' (' + why + ')') if why else ''}"


# --- in-process probes (run in a fresh interpreter) ---------------------------------------------


def _journal(db: str) -> Any:
    from journal.domain import FixedClock
    from journal.services.journal import Journal

    return Journal.open(Path(db), FixedClock(datetime.fromisoformat(AT)))


def _count_statements(j: Any) -> list[int]:
    """A counter of the SQL statements the journal's engine runs (SQLAlchemy event)."""
    from sqlalchemy import event

    n = [0]

    def before(*_a: Any, **_k: Any) -> None:
        n[0] += 1

    event.listen(j.store.engine, "before_cursor_execute", before)
    return n


def probe_open(db: str) -> dict[str, Any]:
    import sqlite3

    import sqlalchemy  # noqa: F401 - not part of what is timed: the floor row times the import

    c0, t0 = time.process_time(), time.perf_counter()
    j = _journal(db)
    opened, opened_cpu = time.perf_counter() - t0, time.process_time() - c0
    j.close()
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("SELECT count(*) FROM patients").fetchone()
    con.close()
    raw = time.perf_counter() - t0
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    con.execute("PRAGMA quick_check(3)").fetchall()
    qc = time.perf_counter() - t0
    con.close()
    return {"open": opened, "open_cpu": opened_cpu, "raw": raw, "quick_check": qc}


def probe_check(db: str) -> dict[str, Any]:
    j = _journal(db)
    now = datetime.fromisoformat(AT)
    people = j.list_patients()
    j.check(now=now)  # warm: imports, profiles, settings
    one = people[0].id
    cpu_one = []
    for _ in range(5):
        c0 = time.process_time()
        j.check(now=now, patient_id=one)
        cpu_one.append(time.process_time() - c0)
    cpu_all, wall_all = [], []
    for _ in range(3):
        c0, t0 = time.process_time(), time.perf_counter()
        j.check(now=now)
        cpu_all.append(time.process_time() - c0)
        wall_all.append(time.perf_counter() - t0)
    n = _count_statements(j)
    j.history(one, now - timedelta(days=7), now)
    per_history = n[0]
    n[0] = 0
    j.check(now=now)
    per_check = n[0]
    # The floor: the same person's last 7 days of doses, raw sqlite3 (the index the ORM uses).
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    from datetime import UTC

    lo = (now - timedelta(days=8)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    hi = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    raw = []
    for _ in range(5):
        t0 = time.perf_counter()
        for p in people:
            con.execute("SELECT * FROM doses WHERE patient_id = ? AND at >= ? AND at <= ? AND removed = 0 ORDER BY at",
                        (p.id, lo, hi)).fetchall()
        raw.append(time.perf_counter() - t0)
    return {"people": len(people), "cpu_one": median(cpu_one), "cpu_all": median(cpu_all),
            "wall_all": median(wall_all), "statements_per_history": per_history,
            "statements_check_all": per_check, "raw_all": median(raw)}


def probe_close(db: str) -> dict[str, Any]:
    """Open and close the journal as the app does, with the benchmarks' clock (its date decides
    whether the next open reads the whole file)."""
    _journal(db).close()
    return {}


PROBES = {"close": probe_close, "open": probe_open, "check": probe_check}


# --- the rows ---------------------------------------------------------------------------------


def bench_open(db: Path) -> None:
    # On a private copy: another benchmark holding the journal open (a write-ahead log next to
    # it) is a reason to read the whole file, rightly, but not the case measured here.
    copy = scratch_copy(db, "care-open.sqlite3")
    _probe("close", copy)
    data, why = _probe("open", copy)
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    if data is None:
        add("open the journal (in-process)", why, "", "no full quick_check", "failed")
        return
    add("open the journal (in-process)", f"{secs(data['open'])} (cpu {secs(data['open_cpu'])})",
        f"raw sqlite3 {secs(data['raw'])}", "no whole-file read",
        _ok(data["open"] < data["quick_check"], f"a quick_check alone is {secs(data['quick_check'])}")
        + f"; a full quick_check costs {secs(data['quick_check'])}")


def bench_check(db: Path) -> None:
    data, why = _probe("check", db)
    if data is None:
        add("check, everyone (in-process)", why, "", "", "failed")
        return
    n = data["people"]
    per = (data["cpu_all"] - data["cpu_one"]) / max(1, n - 1)
    limit = 1.5 * data["cpu_one"] + n * 0.005
    add(f"check, all {n} people (in-process)", f"{secs(data['wall_all'])} (cpu {secs(data['cpu_all'])})",
        f"one person: cpu {secs(data['cpu_one'])}", "<= 1.5x one + 5 ms/person",
        _ok(data["cpu_all"] <= limit, f"limit {secs(limit)}") + f"; {secs(per)} cpu per person")
    add("SQL statements: one history() / everyone's check", f"{data['statements_per_history']} / "
        f"{data.get('statements_check_all', '-')}", "raw sqlite3: 1 per table", "a few, not per person",
        _ok(data.get("statements_check_all", 10**6) <= 30))
    add("floor: everyone's last 8 days of doses", "-", f"raw sqlite3 {secs(data['raw_all'])}", "(floor)", "measured")


REPORT_PEOPLE = (1, 3, 13)  # the people bench.report_period measures by default


def bench_report(db: Path) -> None:
    """The report's year against 30 days, beside its floors (the report without a check, raw
    sqlite3 reading the same rows): `bench.report_period`'s probe for a few people, medians."""
    from . import report_period

    got = []
    for person in REPORT_PEOPLE:
        p = run_proc([sys.executable, "-m", "bench.report_period", "probe", str(db), str(person), "3"], timeout=1800)
        data = next((json.loads(x[7:]) for x in p.out.splitlines() if x.startswith("RESULT ")), None)
        if data is None:
            add("report data, 365 days (in-process cpu)", f"failed (exit {p.rc})", "", "", "failed")
            return
        got.append(data)

    def med(key: str) -> float:
        return median([d[key] for d in got])

    ratio = median([d["cpu_365"] / d["cpu_30"] for d in got])
    people = ", ".join(map(str, REPORT_PEOPLE))
    add(f"report data, 365 days (in-process cpu; people {people})", f"{secs(med('cpu_365'))}; 30 days "
        f"{secs(med('cpu_30'))} ({ratio:.1f}x)",
        f"no checks {report_period.pair(med('cpu_30_no_alerts'), med('cpu_365_no_alerts'))}; raw sqlite3 "
        f"{report_period.pair(med('raw_30'), med('raw_365'))}",
        f"<= {report_period.TARGET_CPU:g} s, <= {report_period.TARGET_RATIO:g}x 30 days",
        _ok(med("cpu_365") <= report_period.TARGET_CPU and ratio <= report_period.TARGET_RATIO)
        + f"; 1 s {'met' if med('cpu_365') <= report_period.TARGET_CPU else 'missed'}, ratio {ratio:.1f}x")


def bench_exchange(db: Path, doc: Path, runs: int) -> None:
    out = OUT / "scratch" / "care-export.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    ps = _runs(cli() + ["--db", str(db), "export", "--format", "json", str(out)], max(1, runs - 2))
    floor = run_proc([sys.executable, "-c", _FLOOR_EXPORT, str(db), str(out) + ".floor"], timeout=900)
    if ps[-1].rc != 0:
        add("export json (whole process)", f"failed: {ps[-1].err.strip()[-80:]}", "", "<= 15 s, <= 500 MB", "failed")
    else:
        # Judged on CPU: the machine is shared and its wall time drifts with the others' load (up to
        # 1.6x between runs, more when helpers run); export is CPU-bound, so its CPU is what it costs.
        cpu, m = median([p.cpu for p in ps]), max(p.peak_mb for p in ps)
        add("export json (whole process)", f"{_wc(ps)}, {m:.0f} MB",
            f"raw rows to JSON {secs(floor.seconds)}, {floor.peak_mb:.0f} MB", "<= 15 s (cpu), <= 500 MB",
            _ok(cpu <= 15 and m <= 500))
    for f in (out, Path(str(out) + ".floor")):
        f.unlink(missing_ok=True)
    ps = []
    for i in range(max(1, runs - 2)):
        target = OUT / "scratch" / f"care-import-{i}.sqlite3"
        from .common import import_into

        p = import_into(target, doc, timeout=1800)
        ps.append(p)
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        if p.rc != 0:
            break
    floor = run_proc([sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1]))", str(doc)], timeout=900)
    if ps[-1].rc != 0:
        add("import (whole process)", f"failed: {ps[-1].err.strip()[-80:]}", "", "<= 500 MB", "failed")
    else:
        m = max(p.peak_mb for p in ps)
        add("import (whole process)", f"{_wc(ps)}, {m:.0f} MB",
            f"json.load of the file {secs(floor.seconds)}, {floor.peak_mb:.0f} MB", "<= 500 MB", _ok(m <= 500))


_FLOOR_EXPORT = """
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        cur = con.execute(f'SELECT * FROM "{t}"')
        cols = [c[0] for c in cur.description]
        for row in cur:
            f.write(json.dumps(dict(zip(cols, row))) + "\\n")
"""

_MINIMAL_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
app = QApplication([sys.argv[0]])
win = QMainWindow()
tabs = QTabWidget()
for name in sys.argv[1].split(","):
    tabs.addTab(QLabel(name), name)
win.setCentralWidget(tabs)
win.show()
def done():
    win.repaint()
    print("RESULT", time.time() - float(os.environ["BENCH_SPAWN_T"]), flush=True)
    os._exit(0)
QTimer.singleShot(0, done)
app.exec()
"""


def bench_window(db: Path, runs: int) -> None:
    from .common import clean_scratch_backups

    vis, vis_cpu, ready, ready_cpu, today, tabs = [], [], [], [], [], 8
    full: list[float] = []
    today_cpu: list[float] = []
    events: list[dict] = []  # per run: window_probe's EventClock.summary() (per phase)
    for i in range(max(1, runs - 2)):
        copy = scratch_copy(db, f"care-window-{i}.sqlite3")
        # A caregiver's morning: the app closed the file cleanly last time. A fresh copy has no
        # such record (its first open reads it in full), so open and close it once first.
        _probe("close", copy, timeout=300)
        p = run_proc([sys.executable, "-m", "bench.probe", "window", str(copy)], timeout=300)
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        clean_scratch_backups()
        data = next((json.loads(x[7:]) for x in p.out.splitlines() if x.startswith("RESULT ")), None)
        if data is None:
            add("window visible after start", f"failed: {(p.err.strip().splitlines() or ['?'])[-1][:80]}", "", "", "failed")
            return
        vis.append(data["visible_parent"])
        vis_cpu.append(data.get("visible_cpu") or 0.0)
        if data.get("full_parent") is not None:
            full.append(data["full_parent"])
        ready.append(data.get("ready_parent") or 0.0)
        ready_cpu.append(data.get("ready_cpu") or 0.0)
        if data.get("today") is not None:
            today.append(data["today"])
            today_cpu.append(data.get("today_cpu") or 0.0)
        if data.get("gui_events"):
            events.append(data["gui_events"])
        tabs = data.get("tab_count", tabs)
    names = ",".join(f"Tab {k}" for k in range(tabs))
    mins = []
    for _ in range(max(3, runs)):
        p = run_proc([sys.executable, "-c", _MINIMAL_WINDOW, names], timeout=120)
        mins += [float(x.split()[1]) for x in p.out.splitlines() if x.startswith("RESULT ")]
    v, m = median(vis), median(mins) if mins else None
    ratio = v / m if m else float("inf")
    add("window visible after start", f"{secs(v)} (cpu {secs(median(vis_cpu))})", f"minimal {tabs}-tab window {secs(m)}",
        "<= 2x the minimal window", _ok(ratio <= 2) + f"; {ratio:.2f}x")
    if full:
        add("  ... the full window (journal loaded) shown", secs(median(full)), "-", "(after the first paint)", "measured")
    busy = median([r - c for r, c in zip(ready_cpu, vis_cpu, strict=True)])
    add("  ... then cpu until alerts shown (all threads)", secs(busy), "-", "heavy work off the GUI thread", "measured")
    if today:
        add("logged dose shown in Today", f"{secs(median(today))} (cpu {secs(median(today_cpu))})", "-", "<= 50 ms",
            _ok(median(today) <= 0.05))
    # The 50 ms per GUI-thread event, by phase (longest event: median over runs; which one
    # it was in the last run), and the longest stretch the GUI thread worked without waiting.
    for phase in ("start", "given now", "symptom", "minute tick", "switch person", "tabs", "all"):
        got = [e[phase] for e in events if phase in e]
        if not got:
            continue
        longest = median([g["max_ms"] for g in got])
        # Judged on wall time (what the person waits); the GUI thread's own CPU beside it tells an
        # event that worked that long from one that waited (the interpreter lock, the disk).
        cpu_most = median([g.get("max_cpu_any_ms", g["max_cpu_ms"]) for g in got])
        over_wall = median([g["over_50ms"] for g in got])
        over_cpu = median([g.get("over_50ms_cpu", 0) for g in got])
        verdict = "met" if longest <= 50 else ("MISSED on wall, met on the GUI thread's CPU" if cpu_most <= 50
                                               else "MISSED")
        add(f"  GUI event, {phase}", f"max {longest:.0f} ms (cpu {median([g['max_cpu_ms'] for g in got]):.0f}), "
            f"p95 {median([g['p95_ms'] for g in got]):.1f} ms", f"{got[-1]['max_event']}"[:30],
            "no event over 50 ms", f"{verdict}; {over_wall:.0f} over 50 ms of wall, {over_cpu:.0f} of cpu "
            f"(most cpu {cpu_most:.0f} ms)"
            + (f"; longest stretch {median([g['stretch_max_ms'] for g in got]):.0f} ms" if phase == "all" else ""))


def bench_sqlalchemy_import(runs: int) -> None:
    ps = _runs([sys.executable, "-c", "import sqlalchemy.orm"], runs)
    bare = _runs([sys.executable, "-c", "pass"], runs)
    add("floor: import sqlalchemy.orm (process)", _wc(ps), f"bare python {_wc(bare)}", "(floor)", "measured")


CARE_BENCHES = ("open", "check", "report", "window", "exchange", "floor")


def run(runs: int, only: list[str] | None = None) -> None:
    """All care-home rows, printed as they are measured (and kept in CARE_ROWS)."""
    CARE.make_doc()
    db = prepare_db(CARE)
    print(f"\n  Care-home scale: {CARE.label} ({CARE.doc.name}, {CARE.doc.stat().st_size / 1e6:.0f} MB of JSON, "
          f"{db.stat().st_size / 1e6 if db else 0:.0f} MB journal)")
    print(f"  {'benchmark':<40} {'ours':>30} {'floor':>30}  {'target':<28} result")
    if db is None:
        add("care-home journal", "import failed", "", "", "failed")
        return
    # The journal as a caregiver's computer has it: last closed cleanly by CareJournal (an import
    # into a scratch name and a move leave no such record; the first open reads the whole file).
    _probe("close", db, timeout=900)
    only = only or list(CARE_BENCHES)
    steps = {"open": lambda: bench_open(db), "check": lambda: bench_check(db), "report": lambda: bench_report(db),
             "window": lambda: bench_window(db, runs), "exchange": lambda: bench_exchange(db, CARE.doc, runs),
             "floor": lambda: bench_sqlalchemy_import(runs)}
    for name in CARE_BENCHES:
        if name in only:
            try:
                steps[name]()
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                add(name, "-", "-", "", f"benchmark failed: {type(exc).__name__}: {exc}"[:120])


def markdown_lines() -> list[str]:
    lines = ["", f"Care-home scale ({CARE.label}):", "", "| benchmark | ours | floor | target | result |",
             "|---|---|---|---|---|"]
    return lines + [f"| {r.name} | {r.ours} | {r.floor} | {r.target} | {r.verdict} |" for r in CARE_ROWS]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["probe"]:
        print("RESULT " + json.dumps(PROBES[argv[1]](argv[2])), flush=True)
        return 0
    ap = argparse.ArgumentParser(prog="python -m bench.care", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", nargs="*", choices=CARE_BENCHES)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    run(args.runs, args.only)
    if args.markdown:
        args.markdown.write_text("\n".join(markdown_lines()) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
