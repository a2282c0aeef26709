"""Benchmark smoke for CI: a 3-month journal of 3 people, every figure printed, exit 1 only on an
order-of-magnitude regression (each limit is ten times the target it guards, most of them before
any scaling down for the smaller journal). Takes well under a minute.

    python -m bench.smoke

A part of the app that is not in the tree is skipped with the reason printed.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta

from .common import (
    AT,
    OUT,
    ROOT,
    Size,
    clean_scratch_backups,
    cli,
    have,
    import_into,
    median,
    run_proc,
    scratch_copy,
)

SIZE = Size("3 months", days_span=91)
SAMPLE = ROOT / "resources" / "sample-journal.json"

failures: list[str] = []


def line(name: str, value: str, limit: str, ok: bool | None) -> None:
    word = "ok" if ok else ("skipped" if ok is None else "REGRESSION")
    print(f"  {name:<34} {value:>14}   limit {limit:<10} {word}", flush=True)
    if ok is False:
        failures.append(name)


def fmt(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def probe(args: list[str], timeout: float = 60) -> tuple[dict | None, str, float]:
    p = run_proc([sys.executable, "-m", "bench.probe", *args], timeout=timeout)
    for out in p.out.splitlines():
        if out.startswith("RESULT "):
            return json.loads(out[7:]), "", p.peak_mb
        if out.startswith("SKIP "):
            return None, out[5:], p.peak_mb
    return None, f"probe failed (exit {p.rc}): {(p.err.strip().splitlines() or [''])[-1][:160]}", p.peak_mb


def main() -> int:
    t0 = time.perf_counter()
    print("Benchmark smoke (fails only on a 10x regression)")
    if not all(have(m) for m in ("journal.app", "journal.cli", "journal.services.journal",
                                 "journal.services.exchange")):
        print("  skipped: the journal service or the command line is not in the tree")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)

    # The shipped sample journal must import (the first run and --demo depend on it).
    db = OUT / "scratch" / "smoke-sample.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    p = import_into(db, SAMPLE, timeout=60)
    line("import sample-journal.json", fmt(p.seconds), "10 s", p.rc == 0 and p.seconds <= 10)
    if p.rc != 0:
        print(f"    {p.err.strip()[-400:]}")

    SIZE.make_doc()
    db = OUT / "scratch" / "smoke.sqlite3"
    p = import_into(db, SIZE.doc, timeout=120)
    # Target: 10 s for a 10-year journal (40x this one); the limit keeps a full 10x margin on top.
    line("import 3 months (process)", f"{fmt(p.seconds)}, {p.peak_mb:.0f} MB", "10 s", p.rc == 0 and p.seconds <= 10)
    if p.rc != 0:
        print(f"    {p.err.strip()[-400:]}")
        return finish(t0)

    ps = [run_proc(cli() + ["--help"]) for _ in range(3)]
    t = median([x.seconds for x in ps])
    line("carejournal --help", fmt(t), "3 s", all(x.rc == 0 for x in ps) and t <= 3)

    if have("journal.cli.check"):
        ps = [run_proc(cli() + ["--db", str(db), "check", "--at", AT], timeout=60) for _ in range(3)]
        t = median([x.seconds for x in ps])
        line("check (process)", fmt(t), "15 s", all(x.rc == 0 for x in ps) and t <= 15)
        data, why, _ = probe(["check", str(db)])
        if data is None:
            line("check (in-process)", why[:14], "1 s", None if "not built" in why else False)
            print(f"    {why}")
        else:
            line("check (in-process)", fmt(data["median"]), "1 s", data["median"] <= 1.0)
    else:
        line("check", "-", "", None)

    data, why, _ = probe(["reference"])
    if data is None:
        line("reference search", "-", "0.2 s", None if "not built" in why else False)
        print(f"    {why}")
    else:
        line("reference search (max)", fmt(data["max"]), "0.2 s", data["max"] <= 0.2)

    if have("journal.cli.report") and (have("journal.reports.render") or have("journal.reports.pdf")):
        doc = json.loads(SIZE.doc.read_text(encoding="utf-8"))
        end = datetime.fromisoformat(AT).date()
        out = OUT / "scratch" / "smoke-report.pdf"
        p = run_proc(cli() + ["--db", str(db), "report", "--patient", doc["patients"][0]["name"], "--from",
                              (end - timedelta(days=89)).isoformat(), "--to", end.isoformat(), "--out", str(out)],
                     timeout=90)
        line("report 90 days (process)", fmt(p.seconds), "30 s", p.rc == 0 and p.seconds <= 30)
        if p.rc != 0:
            print(f"    {p.err.strip()[-400:]}")
    else:
        line("report", "-", "", None)

    if have("journal.ui.shell.main_window"):
        wdb = scratch_copy(db, "smoke-window.sqlite3")
        data, why, peak = probe(["window", str(wdb)], timeout=60)
        clean_scratch_backups()
        if data is None:
            line("window", why[:14], "", False)
            print(f"    {why}")
        else:
            vis = data.get("visible_parent") or data.get("visible_self") or 0.0
            line("window visible after start", fmt(vis), "15 s", vis <= 15)
            if data.get("today_min") is not None:
                # The quickest of three logged doses: a busy shared machine inflates the others.
                line("logged dose shown in Today (best)", fmt(data["today_min"]), "0.5 s", data["today_min"] <= 0.5)
            else:
                line("logged dose shown in Today", "-", "0.5 s", None)
                print(f"    {data.get('today_error', 'no due slot')}")
            line("window peak memory", f"{peak:.0f} MB", "2500 MB", peak <= 2500)
    else:
        line("window", "-", "", None)
    return finish(t0)


def finish(t0: float) -> int:
    print(f"  took {time.perf_counter() - t0:.1f} s")
    if failures:
        print(f"REGRESSION (10x over target): {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
