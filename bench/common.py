"""Helpers shared by the benchmarks: timing a whole process (wall time and its own peak memory),
medians, the command line of the app, and prepared journals cached in OUT (outside the repository)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Generated journals and imported databases (the 50-person one is 405 MB): outside the repository.
OUT = Path(os.environ.get("CAREJOURNAL_BENCH_CACHE") or Path.home() / ".cache" / "carejournal-bench")
END = date(2026, 11, 20)
# "Now" for checks and views: the morning after the last generated entry (local time), so the
# first slots of the day are due and nothing is missed yet.
AT = "2026-11-21T08:05:00-06:00"


def have(module: str) -> bool:
    """Whether a module of the app is in the tree (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def cli() -> list[str]:
    """The `carejournal` console script of this interpreter, else `python main.py`."""
    script = Path(sys.executable).parent / "carejournal"
    if script.exists():
        return [str(script)]
    return [sys.executable, str(ROOT / "main.py")]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as an installed app has
    env.update(extra)
    return env


@dataclass
class Proc:
    seconds: float
    peak_mb: float
    rc: int
    out: str
    err: str
    cpu: float = 0.0  # user + system CPU seconds of the process itself


def run_proc(cmd: Sequence[str], *, timeout: float = 300, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> Proc:
    """Run one process; wall time from spawn to exit and its own peak RSS (wait4's ru_maxrss)."""
    env = dict(env or child_env())
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        env["BENCH_SPAWN_T"] = repr(time.time())  # for probes that time their own milestones
        t0 = time.perf_counter()
        p = subprocess.Popen(list(cmd), stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, env=env, cwd=cwd or ROOT)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        return Proc(seconds, usage.ru_maxrss / 1024.0, p.returncode,
                    fo.read().decode("utf-8", "replace"), fe.read().decode("utf-8", "replace"),
                    usage.ru_utime + usage.ru_stime)


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def time_call(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Seconds per call for `runs` calls after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


@dataclass
class Size:
    """One journal size to measure: its generated document and a template database."""

    label: str
    years: float = 0
    days_span: int | None = None
    people: int = 3
    seed: int = 1
    doc: Path = field(default=Path())
    db: Path | None = None  # filled by the import benchmark (or prepare_db)

    def make_doc(self) -> Path:
        from .generate import cached

        self.doc = cached(self.years, self.people, self.seed, END, days_span=self.days_span)
        return self.doc

    @property
    def template(self) -> Path:
        return OUT / f"{self.doc.stem}.sqlite3"


def import_into(db: Path, doc: Path, timeout: float = 600) -> Proc:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return run_proc(cli() + ["--db", str(db), "import", str(doc)], timeout=timeout)


def _storage_mtime() -> float:
    """When the schema (models and migrations) last changed (a cached journal older than that is
    re-imported, so no benchmark runs on a file the app would first upgrade)."""
    files = list((ROOT / "journal" / "storage" / "migrations").rglob("*.py")) + [ROOT / "journal" / "storage" / "models.py"]
    return max((f.stat().st_mtime for f in files if f.exists()), default=0.0)


def adopt_template(size: Size, db: Path) -> None:
    """Use a freshly imported journal as the size's template."""
    for suffix in ("-wal", "-shm"):
        Path(str(size.template) + suffix).unlink(missing_ok=True)
    shutil.move(str(db), size.template)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    size.db = size.template


def prepare_db(size: Size) -> Path | None:
    """A journal file with the size's document imported (made once, reused)."""
    if not size.doc.name:
        size.make_doc()
    tpl = size.template
    if not tpl.exists() or tpl.stat().st_mtime < max(size.doc.stat().st_mtime, _storage_mtime()):
        tmp = tpl.with_suffix(".tmp.sqlite3")
        p = import_into(tmp, size.doc)
        if p.rc != 0:
            print(f"  import of {size.doc.name} failed (exit {p.rc}): {p.err.strip()[-500:]}", file=sys.stderr)
            return None
        shutil.move(str(tmp), tpl)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    size.db = tpl
    return tpl


def clean_scratch_backups() -> None:
    """The window's automatic backups of scratch journals (a full copy per start) add up."""
    shutil.rmtree(OUT / "scratch" / "backups", ignore_errors=True)


def scratch_copy(db: Path, name: str) -> Path:
    """A private copy of a journal for benchmarks that write (the template stays as imported)."""
    dest = OUT / "scratch" / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    shutil.copyfile(db, dest)
    return dest
