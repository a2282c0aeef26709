"""What a commit costs while the start backup copies a large journal (issue 17's last wall-time wait).

    python -m bench.backup_commits COPY.sqlite3 [FULL|NORMAL]

On a copy (never the bench cache): a worker thread makes the backup as the app does
(`storage.backups.backup_file`), while this thread commits a one-row write every 20 ms on its own
connection (WAL, synchronous=FULL, as the journal). Prints when the copy and its fsync started and
ended, and every commit over 20 ms with when it started."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    import journal.storage.backups as backups

    src = Path(argv[0])
    dest = src.with_name(src.stem + "-backup-probe.sqlite3")
    marks: dict[str, float] = {}
    real_fsync = backups._fsync

    def timed_fsync(p: Path) -> None:
        marks["fsync start"] = time.perf_counter()
        real_fsync(p)
        marks["fsync end"] = time.perf_counter()

    backups._fsync = timed_fsync  # type: ignore[assignment]
    con = sqlite3.connect(src)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={argv[1] if len(argv) > 1 else 'FULL'}")  # NORMAL: no sync per commit
    con.execute("CREATE TABLE IF NOT EXISTS bench_commits(x)")
    con.commit()

    def backup() -> None:
        marks["copy start"] = time.perf_counter()
        backups.backup_file(src, dest)
        marks["copy end"] = time.perf_counter()

    worker = threading.Thread(target=backup)
    t0 = time.perf_counter()
    worker.start()
    commits: list[tuple[float, float]] = []
    while worker.is_alive():
        s = time.perf_counter()
        con.execute("INSERT INTO bench_commits VALUES (1)")
        con.commit()
        commits.append((s - t0, time.perf_counter() - s))
        time.sleep(0.02)
    con.execute("DROP TABLE bench_commits")
    con.commit()
    con.close()
    dest.unlink(missing_ok=True)
    print("  " + ", ".join(f"{k} {v - t0:.2f} s" for k, v in sorted(marks.items(), key=lambda kv: kv[1])))
    slow = [f"{at:.2f} s: {took * 1000:.0f} ms" for at, took in commits if took > 0.02]
    print(f"  {len(commits)} commits, median {sorted(c[1] for c in commits)[len(commits) // 2] * 1000:.1f} ms; "
          f"over 20 ms: {', '.join(slow) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
