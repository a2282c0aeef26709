"""Consistent copies of a journal file with SQLite's online backup API.

A plain file copy of a live WAL database can miss pages still in the -wal file; the backup API
copies a consistent snapshot. Copies are written to a temporary file next to the destination
and moved into place, so a failed copy never leaves half a file behind.

The copy is made in steps of STEP_PAGES pages inside one read transaction on the source (so it is
of one snapshot, and a write by another connection meanwhile does not make SQLite start it over),
and what it has written is synced every SYNC_EVERY_STEPS steps: a commit made beside it (the
window's, synced by `synchronous=FULL`) then waits for a few MiB of the copy, not for the whole file
(issue 17: 53-182 ms beside a 405 MB copy in one step; `python -m bench.backup_commits`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

STEP_PAGES = 1024  # pages a backup step copies (4 MiB with SQLite's default 4 KiB pages)
SYNC_EVERY_STEPS = 4  # the copy is synced every 4 steps (16 MiB)


def backup_file(src: Path | str, dest: Path | str, *, leave_no_trace: bool = False) -> Path:
    """Copy the journal at `src` to `dest` (replaced if it exists). Returns `dest`.

    `leave_no_trace`: when `src` has no -wal file (no program has it open, nothing pending),
    read it as immutable so that SQLite does not create -wal/-shm files beside it (as
    db.inspect_file does); for a look that must change nothing (import --dry-run)."""
    src, dest = Path(src), Path(dest)
    if not src.exists():
        raise FileNotFoundError(f"{src} does not exist")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    create_private(tmp)  # a copy of a health journal is readable by its owner only
    uri = read_only_uri(src)
    if leave_no_trace and not src.with_name(src.name + "-wal").exists():
        uri += "&immutable=1"
    source = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        # One snapshot for the whole copy: the read transaction stays open across the steps.
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        target = sqlite3.connect(tmp)
        try:
            _copy_in_steps(source, target, tmp)
            # A copy is a single self-contained file: no -wal or -shm beside it.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.execute("ROLLBACK")
        _fsync(tmp)  # a full disk can show only here: then no .partial is left either
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        source.close()
    return dest


def restore_file(src: Path | str, dest: Path | str) -> None:
    """Overwrite the journal at `dest` with the content of `src`, through the backup API so the
    destination's WAL and lock files stay consistent. Close every connection to `dest` first."""
    src, dest = Path(src), Path(dest)
    source = sqlite3.connect(read_only_uri(src), uri=True)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target.close()
    finally:
        source.close()


def create_private(path: Path) -> None:
    """Create an empty file only its owner can read and write (SQLite gives its -wal and -shm
    files the same permissions as the database file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens `path` read-only (safe for names with '?' or '#')."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _copy_in_steps(source: sqlite3.Connection, target: sqlite3.Connection, tmp: Path) -> None:
    """SQLite's backup from `source` (a read transaction open) into `target`, STEP_PAGES at a time,
    the copy's file `tmp` synced every SYNC_EVERY_STEPS steps."""
    flush = getattr(os, "fdatasync", os.fsync)
    fd = os.open(tmp, os.O_RDWR)  # for writing: Windows refuses to flush a read-only handle
    steps = 0

    def synced(_status: int, _remaining: int, _total: int) -> None:
        nonlocal steps
        steps += 1
        if steps % SYNC_EVERY_STEPS == 0:
            flush(fd)

    try:
        source.backup(target, pages=STEP_PAGES, progress=synced, sleep=0)
    finally:
        os.close(fd)


def _fsync(path: Path) -> None:
    """Flush a file to the disk. Opened for writing: Windows refuses to flush a read-only handle."""
    with open(path, "r+b") as f:
        os.fsync(f.fileno())
