"""Every benchmark, on a 10-year journal of 3 people against a 2-week one, as one table.

    python -m bench.run_all [--runs N] [--only NAME ...] [--markdown FILE]

Each figure is the median of several runs (whole processes are timed from spawn to exit; their
peak memory is the process's own maximum resident set). A benchmark whose subject is not in the
tree yet prints "not built yet". Generated journals and imported databases are cached in
the bench cache folder (~/.cache/carejournal-bench, or $CAREJOURNAL_BENCH_CACHE); delete that folder to start from scratch.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from . import care
from .common import (
    AT,
    OUT,
    Proc,
    Size,
    adopt_template,
    clean_scratch_backups,
    cli,
    have,
    import_into,
    median,
    prepare_db,
    run_proc,
    scratch_copy,
)

SMALL = Size("2 weeks", days_span=14)
LARGE = Size("10 years", years=10)


@dataclass
class Row:
    name: str
    small: str
    large: str
    target: str
    verdict: str


ROWS: list[Row] = []
LOADS: list[str] = []


def add(name: str, small: str, large: str, target: str, verdict: str) -> None:
    ROWS.append(Row(name, small, large, target, verdict))
    print(f"  {name:<36} {small:>26} {large:>32}  {target:<22} {verdict}", flush=True)


def secs(x: float | None) -> str:
    if x is None:
        return "-"
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def wc(ps: list[Proc]) -> tuple[float, float]:
    """Median wall time and median CPU time of some runs."""
    return median([p.seconds for p in ps]), median([p.cpu for p in ps])


def wcs(wall: float, cpu: float | None) -> str:
    return secs(wall) if cpu is None else f"{secs(wall)} (cpu {secs(cpu)})"


def verdict(ok: bool, value: float, limit: float, unit: str = "", cpu: float | None = None) -> str:
    if ok:
        return "met"
    if cpu is not None and cpu <= limit and unit == "":
        return f"MISSED by {value / limit:.1f}x (its CPU time alone, {secs(cpu)}, is within)"
    return f"MISSED by {value / limit:.1f}x" if unit == "" else f"MISSED ({value:.0f}{unit} > {limit:.0f}{unit})"


def procs(cmd: list[str], runs: int, timeout: float = 300) -> list[Proc]:
    out = []
    for _ in range(runs):
        p = run_proc(cmd, timeout=timeout)
        out.append(p)
        if p.rc != 0:
            break
    return out


def failed(ps: list[Proc]) -> str | None:
    bad = [p for p in ps if p.rc != 0]
    if not bad:
        return None
    tail = (bad[0].err.strip().splitlines() or ["(no message)"])[-1]
    return f"failed (exit {bad[0].rc}): {tail[:80]}"


def cli_ready() -> bool:
    return all(have(m) for m in ("journal.app", "journal.cli", "journal.services.journal", "journal.services.exchange"))


def probe(args: list[str], timeout: float = 300) -> tuple[dict | None, str, Proc]:
    p = run_proc([sys.executable, "-m", "bench.probe", *args], timeout=timeout)
    for line in p.out.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:]), "", p
        if line.startswith("SKIP "):
            return None, line[5:], p
    tail = (p.err.strip().splitlines() or ["no output"])[-1]
    return None, f"failed (exit {p.rc}): {tail[:100]}", p


# --- benchmarks --------------------------------------------------------------------------------


def bench_import(runs: int) -> None:
    if not cli_ready():
        add("import (whole process)", "not built yet", "not built yet", "<= 10 s, <= 500 MB", "not built yet")
        return
    figures: dict[str, tuple[float, float, float]] = {}
    for size in (SMALL, LARGE):
        size.make_doc()
        n = runs if size is SMALL else max(2, runs - 2)
        ps = []
        for i in range(n):
            db = OUT / "scratch" / f"import-{size.doc.stem}-{i}.sqlite3"
            db.parent.mkdir(parents=True, exist_ok=True)
            p = import_into(db, size.doc)
            ps.append(p)
            if p.rc != 0:
                break
            if i + 1 < n:
                db.unlink(missing_ok=True)
        err = failed(ps)
        if err:
            add("import (whole process)", "", "", "<= 10 s, <= 500 MB", f"{size.label}: {err}")
            return
        figures[size.label] = (*wc(ps), max(p.peak_mb for p in ps))
        adopt_template(size, db)  # the last import becomes the journal the other benchmarks read
    (s_t, s_c, s_m), (l_t, l_c, l_m) = figures[SMALL.label], figures[LARGE.label]
    ok = l_t <= 10 and l_m <= 500
    why = "" if ok or l_c > 10 or l_m > 500 else f" (its CPU time alone, {secs(l_c)}, is within)"
    add("import (whole process)", f"{wcs(s_t, s_c)}, {s_m:.0f} MB", f"{wcs(l_t, l_c)}, {l_m:.0f} MB", "<= 10 s, <= 500 MB",
        "met" if ok else f"MISSED ({secs(l_t)}, {l_m:.0f} MB){why}")


def bench_export(runs: int) -> None:
    if not cli_ready() or SMALL.db is None or LARGE.db is None:
        add("export json (whole process)", "not built yet", "not built yet", "(no target)", "not built yet")
        return
    res = {}
    for size in (SMALL, LARGE):
        assert size.db is not None
        out = OUT / "scratch" / f"export-{size.doc.stem}.json"
        ps = procs(cli() + ["--db", str(size.db), "export", "--format", "json", str(out)], max(2, runs - 2))
        err = failed(ps)
        if err:
            add("export json (whole process)", "", "", "(no target)", f"{size.label}: {err}")
            return
        res[size.label] = (*wc(ps), max(p.peak_mb for p in ps))
        out.unlink(missing_ok=True)
    (s_t, s_c, s_m), (l_t, l_c, l_m) = res[SMALL.label], res[LARGE.label]
    add("export json (whole process)", f"{wcs(s_t, s_c)}, {s_m:.0f} MB", f"{wcs(l_t, l_c)}, {l_m:.0f} MB", "(no target)",
        "measured")


def bench_check_process(runs: int) -> None:
    name = "check (whole process)"
    if not cli_ready() or not have("journal.cli.check") or SMALL.db is None or LARGE.db is None:
        add(name, "not built yet", "not built yet", "<= 1.5x the 2-week", "not built yet")
        return
    res = {}
    for size in (SMALL, LARGE):
        assert size.db is not None
        ps = procs(cli() + ["--db", str(size.db), "check", "--at", AT], runs)
        err = failed(ps)
        if err:
            add(name, "", "", "<= 1.5x the 2-week", f"{size.label}: {err}")
            return
        res[size.label] = wc(ps)
    ratio = res[LARGE.label][0] / res[SMALL.label][0]
    cpu_ratio = res[LARGE.label][1] / res[SMALL.label][1]
    add(name, wcs(*res[SMALL.label]), f"{wcs(*res[LARGE.label])}, {ratio:.2f}x", "<= 1.5x the 2-week",
        ("met" if ratio <= 1.5 else f"MISSED ({ratio:.2f}x)") + f"; cpu ratio {cpu_ratio:.2f}x")


def bench_check_inprocess() -> None:
    name = "check (in-process, all people)"
    if SMALL.db is None or LARGE.db is None:
        add(name, "not built yet", "not built yet", "<= 100 ms", "not built yet")
        return
    res = {}
    for size in (SMALL, LARGE):
        data, why, _ = probe(["check", str(size.db)])
        if data is None:
            if "not built" in why:
                add(name, "not built yet", "not built yet", "<= 100 ms", "not built yet")
            else:
                add(name, "-", "-", "<= 100 ms", why)
            return
        res[size.label] = data
    lt = res[LARGE.label]["median"]
    add(name, wcs(res[SMALL.label]["median"], res[SMALL.label].get("cpu")), wcs(lt, res[LARGE.label].get("cpu")),
        "<= 100 ms", "met" if lt <= 0.1 else verdict(False, lt, 0.1, cpu=res[LARGE.label].get("cpu")))
    print(f"    alerts at {AT}: 2 weeks {res[SMALL.label]['rules']}, 10 years {res[LARGE.label]['rules']}")


def bench_window(runs: int) -> None:
    names = ("window visible after start", "logged dose shown in Today", "window peak memory")
    if not have("journal.ui.shell.main_window") or SMALL.db is None or LARGE.db is None:
        add(names[0], "not built yet", "not built yet", "<= 1.5 s", "not built yet")
        add(names[1], "not built yet", "not built yet", "<= 50 ms", "not built yet")
        add(names[2], "not built yet", "not built yet", "<= 250 MB (10 years)", "not built yet")
        return
    res: dict[str, dict] = {}
    for size in (SMALL, LARGE):
        vis, today, peaks, vis_cpu, today_cpu, ready, ready_cpu = [], [], [], [], [], [], []
        for i in range(runs if size is SMALL else max(3, runs - 2)):
            assert size.db is not None
            db = scratch_copy(size.db, f"window-{size.doc.stem}-{i}.sqlite3")
            data, why, p = probe(["window", str(db)], timeout=120)
            if data is None:
                for n in names:
                    add(n, why[:40], "", "", why if "not built" in why else "failed")
                return
            vis.append(data["visible_parent"])
            vis_cpu.append(data.get("visible_cpu", 0.0))
            ready.append(data.get("ready_parent") or 0.0)
            ready_cpu.append(data.get("ready_cpu") or 0.0)
            if data.get("today") is not None:
                today.append(data["today"])
                today_cpu.append(data.get("today_cpu", 0.0))
            peaks.append(p.peak_mb)
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            clean_scratch_backups()
        res[size.label] = {"visible": median(vis), "today": median(today) if today else None, "peak": max(peaks),
                           "visible_cpu": median(vis_cpu), "today_cpu": median(today_cpu) if today_cpu else None,
                           "ready": median(ready), "ready_cpu": median(ready_cpu)}
    s, lg = res[SMALL.label], res[LARGE.label]
    add(names[0], wcs(s["visible"], s["visible_cpu"]), wcs(lg["visible"], lg["visible_cpu"]), "<= 1.5 s",
        "met" if lg["visible"] <= 1.5 else verdict(False, lg["visible"], 1.5, cpu=lg["visible_cpu"]))
    add("  ... and its alerts shown", wcs(s["ready"], s["ready_cpu"]), wcs(lg["ready"], lg["ready_cpu"]),
        "(same 1.5 s)", "met" if lg["ready"] <= 1.5 else verdict(False, lg["ready"], 1.5, cpu=lg["ready_cpu"]))
    if lg["today"] is None:
        add(names[1], "-", "-", "<= 50 ms", "could not drive the Today view")
    else:
        add(names[1], wcs(s["today"], s["today_cpu"]), wcs(lg["today"], lg["today_cpu"]), "<= 50 ms",
            "met" if lg["today"] <= 0.05 else verdict(False, lg["today"], 0.05, cpu=lg["today_cpu"]))
    add(names[2], f"{s['peak']:.0f} MB", f"{lg['peak']:.0f} MB", "<= 250 MB (10 years)",
        "met" if lg["peak"] <= 250 else f"MISSED ({lg['peak']:.0f} MB)")


def first_patient(size: Size) -> str:
    doc = json.loads(size.doc.read_text(encoding="utf-8"))
    return str(doc["patients"][0]["name"])


def bench_report(runs: int) -> None:
    targets = {90: 3.0, 365: 8.0}
    if not have("journal.cli.report") or not have("journal.reports.render") and not have("journal.reports.pdf") \
            or SMALL.db is None or LARGE.db is None:
        for days in targets:
            add(f"report {days} days (whole process)", "not built yet", "not built yet", f"<= {targets[days]:g} s",
                "not built yet")
        return
    end = datetime.fromisoformat(AT).date()
    for days, limit in targets.items():
        res = {}
        for size in (SMALL, LARGE):
            assert size.db is not None
            out = OUT / "scratch" / f"report-{days}.pdf"
            cmd = cli() + ["--db", str(size.db), "report", "--patient", first_patient(size),
                           "--from", (end - timedelta(days=days - 1)).isoformat(), "--to", end.isoformat(),
                           "--out", str(out)]
            ps = procs(cmd, max(2, runs - 2), timeout=180)
            err = failed(ps)
            if err:
                add(f"report {days} days (whole process)", "", "", f"<= {limit:g} s", f"{size.label}: {err}")
                break
            res[size.label] = wc(ps)
        else:
            lt = res[LARGE.label][0]
            add(f"report {days} days (whole process)", wcs(*res[SMALL.label]), wcs(*res[LARGE.label]), f"<= {limit:g} s",
                "met" if lt <= limit else verdict(False, lt, limit, cpu=res[LARGE.label][1]))


def bench_reference() -> None:
    name = "reference search (in-process)"
    data, why, _ = probe(["reference"])
    if data is None:
        add(name, "-", why, "<= 20 ms", why if "not built" in why else "failed")
        return
    m = data["median"]
    add(name, "-", f"{secs(m)} (max {secs(data['max'])})", "<= 20 ms", "met" if data["max"] <= 0.02 else
        verdict(False, data["max"], 0.02))
    print(f"    first search including building the index: {secs(data['first_with_index'])}")


def bench_help(runs: int) -> None:
    name = "carejournal --help (whole process)"
    if not have("journal.app") or not have("journal.cli"):
        add(name, "-", "not built yet", "<= 0.3 s", "not built yet")
        return
    ps = procs(cli() + ["--help"], runs + 2)
    err = failed(ps)
    if err:
        add(name, "-", "", "<= 0.3 s", err)
        return
    t, c = wc(ps)
    data, why, _ = probe(["modules", "--help"])
    heavy = data["heavy"] if data else why
    add(name, "-", wcs(t, c), "<= 0.3 s", ("met" if t <= 0.3 else verdict(False, t, 0.3)) +
        (f"; loads {', '.join(heavy)}" if heavy else "; loads no heavy package"))
    if LARGE.db is not None and have("journal.cli.check"):
        data, why, _ = probe(["modules", "--db", str(LARGE.db), "check", "--at", AT])
        if data:
            qt = "PySide6" in data["heavy"]
            print(f"    `check` loads: {', '.join(data['heavy']) or 'nothing heavy'}"
                  f"{' (MISSED: the command line must not load Qt)' if qt else ''}")


def bench_floor() -> None:
    if LARGE.db is None or not have("journal.services.journal"):
        add("floor: last 7 days of doses", "-", "not built yet", "ratio to raw sqlite3", "not built yet")
        add("floor: 90 days of daily totals", "-", "not built yet", "ratio to raw sqlite3", "not built yet")
        return
    data, why, _ = probe(["floor", str(LARGE.db)])
    if data is None:
        add("floor", "-", why, "", "failed")
        return
    for key in ("last 7 days of doses", "90 days of daily totals"):
        d = data[key]
        ratio = f"{d['ratio']:.1f}x" if d["ratio"] else "-"
        add(f"floor: {key}", f"raw {secs(d['raw'])}", f"ours {secs(d['ours'])}", "ratio to raw sqlite3",
            f"{ratio} (3 people)")
    print(f"    plans: 7 days: {'; '.join(data['plan_7d'])} | 90 days: {'; '.join(data['plan_90'])}")


BENCHES: dict[str, Callable[[int], None]] = {
    "import": bench_import,
    "export": bench_export,
    "check": lambda runs: (bench_check_process(runs), bench_check_inprocess()),
    "window": bench_window,
    "report": bench_report,
    "reference": lambda runs: bench_reference(),
    "help": bench_help,
    "floor": lambda runs: bench_floor(),
    "care": lambda runs: care.run(max(1, min(runs, 3))),
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPUs ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load() -> str:
    """The machine is shared: the load average says how much else was running."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def markdown(path: Path, started: str, elapsed: float, args: argparse.Namespace) -> None:
    lines = [f"Run {started} UTC on {machine()}; took {elapsed:.0f} s; `python -m bench.run_all --runs {args.runs}`; "
             f"{LOADS[0]} at the start, {LOADS[-1]} at the end.",
             "", "| benchmark | 2 weeks | 10 years | target | result |", "|---|---|---|---|---|"]
    lines += [f"| {r.name} | {r.small} | {r.large} | {r.target} | {r.verdict} |" for r in ROWS]
    lines += care.markdown_lines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median); big imports use fewer")
    ap.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these (import always runs first "
                    "when the databases are not cached)")
    ap.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    args = ap.parse_args(argv)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    t0 = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"CareJournal benchmarks, {started} UTC, {machine()}")
    LOADS.append(load())
    print(f"  {LOADS[0]}")
    for size in (SMALL, LARGE):
        size.make_doc()
        from .generate import counts

        c = counts(json.loads(size.doc.read_text(encoding="utf-8")))
        print(f"  {size.label}: {size.doc.name}: {c['doses']} doses, {c['symptoms'] + c['observations']} symptoms "
              f"and readings, {c['pump_events']} pump events")
    print(f"  'now' for checks and views: {AT}; each figure is a median of up to {args.runs} runs\n")
    print(f"  {'benchmark':<36} {'2 weeks':>26} {'10 years':>32}  {'target':<22} result")
    only = args.only or list(BENCHES)
    if "import" not in only and cli_ready():
        for size in (SMALL, LARGE):
            prepare_db(size)
    for name in BENCHES:
        if name in only:
            try:
                BENCHES[name](args.runs)
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                add(name, "-", "-", "", f"benchmark failed: {type(exc).__name__}: {exc}"[:120])
    elapsed = time.perf_counter() - t0
    LOADS.append(load())
    print(f"\n  total {elapsed:.0f} s; {LOADS[-1]}")
    if args.markdown:
        markdown(args.markdown, started, elapsed, args)
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
