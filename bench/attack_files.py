"""Attack run for issue 15's High "files" kinds: crafted backups and journals, outputs aimed at the
journal's companion files, full disks, and restores racing `log-dose`. Prints, per kind, how many
attacks were tried, survived and failed (and what failed), and exits 1 if any failed.

    python -m bench.attack_files            # about a minute
    python -m bench.attack_files --races 10

Every attack goes through the command line's own entry point (`journal.app.main`), in-process,
except the races, which run `log-dose` in a second process.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_robust_support import valid_document  # noqa: E402

from journal.app import main  # noqa: E402
from journal.domain import FixedClock  # noqa: E402
from journal.services import output  # noqa: E402
from journal.services.backups import BackupService  # noqa: E402
from journal.services.journal import Journal  # noqa: E402
from journal.storage import backups as storage_backups  # noqa: E402

NOW = datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
TABLES = ("patients", "medications", "regimens", "doses", "symptoms", "observations", "pump_events", "notes",
          "revisions", "acknowledgements", "settings", "stock_events", "meta")
CRAFTS = [
    *(f"CREATE TRIGGER t_{t} AFTER INSERT ON {t} BEGIN DELETE FROM {t} WHERE rowid < new.rowid; END" for t in TABLES),
    *(f"CREATE TRIGGER u_{t} BEFORE UPDATE ON {t} BEGIN SELECT 1; END" for t in TABLES),
    "CREATE VIEW v AS SELECT * FROM doses",
    "CREATE INDEX ix_x ON doses(note)",
    "CREATE TABLE extra(x)",
    "ALTER TABLE doses ADD COLUMN secret TEXT",
    "ALTER TABLE symptoms ADD COLUMN secret INTEGER DEFAULT 1",
    "DROP INDEX ix_doses_patient_at",
    "DROP INDEX ix_symptoms_patient_at",
    "CREATE UNIQUE INDEX ix_u ON notes(text)",
]


class Tally:
    def __init__(self) -> None:
        self.kinds: dict[str, list[int]] = {}
        self.failures: list[str] = []

    def add(self, kind: str, ok: bool, what: str) -> None:
        t = self.kinds.setdefault(kind, [0, 0])
        t[0] += 1
        t[1] += ok
        if not ok:
            self.failures.append(f"{kind}: {what}")


def _state(path: Path) -> dict[str, str]:
    """The journal's data files (the lock files are not data and come and go)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.is_file()}


def _run(db: Path, *argv: str) -> tuple[int, str]:
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, err.getvalue()


def _journal(path: Path, patient: str = "Robin Shaw", days: int = 5) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    j = Journal.open(path, FixedClock(NOW))
    j.import_document(valid_document(days=days, patient=patient))
    j.close()
    return path


def crafted(tally: Tally, work: Path) -> None:
    home = _journal(work / "home" / "journal.sqlite3")
    for i, sql in enumerate(CRAFTS):
        src = _journal(work / f"src{i}" / "journal.sqlite3", patient="Alex Shaw", days=2)
        copy = BackupService(src, FixedClock(NOW)).back_up("manual")
        con = sqlite3.connect(copy)
        con.execute(sql)
        con.commit()
        con.close()
        before = _state(home)
        code, err = _run(home, "restore", str(copy))
        tally.add("crafted backup restored", code == 1 and _state(home) == before, f"{sql} -> {code} {err}")
        before_copy = _state(copy)
        code, err = _run(copy, "check")
        tally.add("crafted journal opened", code == 1 and _state(copy) == before_copy, f"{sql} -> {code} {err}")


def companions(tally: Tally, work: Path) -> None:
    db = _journal(work / "comp" / "journal.sqlite3")
    held = Journal.open(db, FixedClock(NOW))  # keeps -wal and -shm in place
    BackupService(db, FixedClock(NOW)).back_up()
    try:
        a_backup = next((db.parent / "backups").iterdir())
        targets = [Path(f"{db}{s}") for s in ("", "-wal", "-shm", "-journal", ".lock", ".write-lock")]
        targets += [a_backup, db.parent / "backups" / "new.json"]
        links = []
        for i, t in enumerate(list(targets)):
            link = work / "links" / f"l{i}.pdf"
            link.parent.mkdir(exist_ok=True)
            link.symlink_to(t)
            links.append(link)
        hard = work / "links" / "hard.json"
        os.link(db, hard)
        commands: list[Callable[[Path], list[str]]] = [
            lambda t: ["export", str(t)], lambda t: ["backup", str(t)],
            lambda t: ["report", "--patient", "Robin Shaw", "--out", str(t)],
        ]
        for target in [*targets, *links, hard]:
            for make in commands:
                before = _state(db) | {"backups": str(sorted(p.name for p in (db.parent / "backups").iterdir()))}
                code, err = _run(db, *make(target))
                after = _state(db) | {"backups": str(sorted(p.name for p in (db.parent / "backups").iterdir()))}
                # -wal / -shm change as the journal is used; what matters is that the command was refused
                # and the journal's own file and backups are as they were
                ok = code == 2 and before[db.name] == after[db.name] and before["backups"] == after["backups"]
                tally.add("output aimed at a companion", ok, f"{make(target)[0]} {target} -> {code} {err}")
        for folder in (db.parent / "backups", work / "links" / "bk"):
            if folder.name == "bk":
                folder.symlink_to(db.parent / "backups", target_is_directory=True)
            code, err = _run(db, "export", "--format", "csv", str(folder))
            tally.add("output aimed at a companion", code == 2, f"csv {folder} -> {code} {err}")
    finally:
        held.close()


@contextlib.contextmanager
def _patched(obj: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _enospc(*_a: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def full_disk(tally: Tally, work: Path) -> None:
    from journal.reports import render

    db = _journal(work / "disk" / "journal.sqlite3")
    out = work / "disk-out"
    out.mkdir()

    def cut(data: Any, path: Any, page_size: str = "a4") -> int:
        Path(path).write_bytes(b"%PDF-1.4\n1 0 obj")
        return 2

    failures = [(output, "_os_write", _enospc), (output, "_fsync", _enospc), (storage_backups, "_fsync", _enospc),
                (render, "write_pdf", cut)]
    cases = [("report.pdf", lambda t: ["report", "--patient", "Robin Shaw", "--out", str(t)]),
             ("export.json", lambda t: ["export", str(t)]),
             ("csv", lambda t: ["export", "--format", "csv", str(t)]),
             ("copy.sqlite3", lambda t: ["backup", str(t)])]
    for obj, name, fail in failures:
        for target_name, make in cases:
            target = out / target_name
            old = b"earlier file\n"
            if target_name == "csv":
                target.mkdir(exist_ok=True)
                (target / "patients.csv").write_bytes(old)
            elif target_name != "copy.sqlite3":
                target.write_bytes(old)
            else:  # an existing copy is never overwritten (any SQLite file is refused): start without one
                target.unlink(missing_ok=True)
            with _patched(obj, name, fail):
                code, err = _run(db, *make(target))
            partials = [p.name for p in out.rglob("*.partial*")]
            if code == 0:  # this failure point is not on this output's path (e.g. Qt's writer for JSON)
                continue
            kept = ((target / "patients.csv").read_bytes() == old if target_name == "csv"
                    else not target.exists() if target_name == "copy.sqlite3" else target.read_bytes() == old)
            said = "not enough free space" in err or "cut off" in err
            tally.add("output on a full disk", code == 1 and said and kept and not partials,
                      f"{name} {target_name}: {code} {err.strip()} kept={kept} partials={partials}")


RACE_WRITER = r'''
import sys
sys.path.insert(0, sys.argv[1])
from journal.app import main
path, n = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
for k in range(n):
    code = main(["--db", path, "log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets",
                 "--amount", "10mg", "--note", f"race {k}"])
    print(f"exit {k} {code}", flush=True)
'''


def races(tally: Tally, work: Path, runs: int) -> None:
    src = _journal(work / "race-src" / "source.sqlite3")
    a = Journal.open(src, FixedClock(NOW)).backup(work / "race-src" / "a.sqlite3")
    j = Journal.open(src, FixedClock(NOW))
    j.import_document(valid_document(days=120, patient="Alex Shaw"))
    b = j.backup(work / "race-src" / "b.sqlite3")
    j.close()
    script = work / "writer.py"
    script.write_text(RACE_WRITER)
    for r in range(runs):
        path = work / f"race{r}" / "journal.sqlite3"
        path.parent.mkdir()
        svc = BackupService(path, FixedClock(datetime.now(UTC)))
        svc.restore(a)
        child = subprocess.Popen([sys.executable, str(script), str(ROOT), str(path), "12"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        kept, lines = [], []
        for k, line in enumerate(iter(child.stdout.readline, "")):
            lines.append(line)
            kept.append(svc.restore(a if k % 2 else b))
        child.communicate(timeout=120)
        logged = {f"race {ln.split()[1]}" for ln in lines if ln.startswith("exit ") and ln.split()[2] == "0"}

        def notes(p: Path) -> set[str]:
            con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
            try:
                return {row[0] for row in con.execute("SELECT note FROM doses WHERE note LIKE 'race %'")}
            finally:
                con.close()

        found = notes(path).union(*(notes(p) for p in kept if p is not None))
        tally.add("restore racing log-dose", not (logged - found), f"run {r}: lost {sorted(logged - found)}")


def run(races_n: int) -> int:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="attack-files-") as tmp:
        work = Path(tmp)
        crafted(tally, work)
        companions(tally, work)
        full_disk(tally, work)
        races(tally, work, races_n)
    total = [0, 0]
    for kind, (tried, survived) in tally.kinds.items():
        print(f"{kind:32} tried {tried:4}  survived {survived:4}  failed {tried - survived}")
        total[0] += tried
        total[1] += survived
    print(f"{'all':32} tried {total[0]:4}  survived {total[1]:4}  failed {total[0] - total[1]}")
    for f in tally.failures:
        print("FAILED", f)
    return 0 if not tally.failures else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--races", type=int, default=5)
    raise SystemExit(run(p.parse_args().races))
