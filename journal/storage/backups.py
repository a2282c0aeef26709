"""Consistent copies of a journal file with SQLite's online backup API.

A plain file copy of a live WAL database can miss pages still in the -wal file; the backup API
copies a consistent snapshot. Copies are written to a temporary file next to the destination
and moved into place, so a failed copy never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path


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
    source = sqlite3.connect(uri, uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # A copy is a single self-contained file: no -wal or -shm beside it.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
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


def _fsync(path: Path) -> None:
    """Flush a file to the disk. Opened for writing: Windows refuses to flush a read-only handle."""
    with open(path, "r+b") as f:
        os.fsync(f.fileno())
