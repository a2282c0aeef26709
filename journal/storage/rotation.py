"""Which backup files to keep: 7 daily + 4 weekly, newest first.

Pure selection logic (no I/O) plus the naming scheme of backup files, so the rules can be tested
at any instant with an injected `now`. The file operations live in `journal/services/backups.py`.

Naming: ``<stem>-<kind>-YYYYMMDD-HHMMSS[-N].sqlite3`` with the time in UTC, e.g.
``journal-auto-20261123-083500.sqlite3``. Kinds: ``auto`` (rotated), ``before-restore`` and
``before-migration`` (safety copies, the newest few kept), ``manual`` (never pruned here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

SUFFIX = ".sqlite3"
AUTO = "auto"
BEFORE_RESTORE = "before-restore"
BEFORE_MIGRATION = "before-migration"
MANUAL = "manual"
KINDS = (AUTO, BEFORE_RESTORE, BEFORE_MIGRATION, MANUAL)

DAILY_KEPT = 7
WEEKLY_KEPT = 4
SAFETY_COPIES_KEPT = 5

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>auto|before-restore|before-migration|manual)-"
    r"(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?" + re.escape(SUFFIX) + "$"
)


@dataclass(frozen=True, order=True)
class BackupFile:
    """One backup file, as told by its name."""

    taken_at: datetime  # aware, UTC
    kind: str
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(stem: str, kind: str, at: datetime, n: int = 0) -> str:
    """The file name of a backup taken at `at` (aware). `n` tells apart two taken in one second."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if at.tzinfo is None:
        raise ValueError("backup times must be aware")
    stamp = at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    extra = f"-{n}" if n else ""
    return f"{stem}-{kind}-{stamp}{extra}{SUFFIX}"


def parse_backup_name(path: Path, stem: str | None = None) -> BackupFile | None:
    """The backup a file name describes, or None for any other file (never guess)."""
    m = _NAME.match(path.name)
    if m is None or (stem is not None and m.group("stem") != stem):
        return None
    try:
        at = datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    n = int(m.group("n") or 0)
    # Same-second copies sort after the first one.
    return BackupFile(at + timedelta(microseconds=min(n, 999_999)), m.group("kind"), path)


def list_backups(names: Iterable[Path], stem: str | None = None) -> list[BackupFile]:
    """Backups among `names`, newest first."""
    found = [b for b in (parse_backup_name(p, stem) for p in names) if b is not None]
    return sorted(found, reverse=True)


def _local_day(b: BackupFile, tz: tzinfo) -> date:
    return b.taken_at.astimezone(tz).date()


def _week(b: BackupFile, tz: tzinfo) -> tuple[int, int]:
    iso = _local_day(b, tz).isocalendar()
    return (iso[0], iso[1])


def select_keep(
    backups: Iterable[BackupFile],
    now: datetime,
    *,
    tz: tzinfo = UTC,
    daily: int = DAILY_KEPT,
    weekly: int = WEEKLY_KEPT,
    safety_copies: int = SAFETY_COPIES_KEPT,
) -> set[BackupFile]:
    """The backups to keep.

    - automatic: the newest of each of the `daily` most recent days that have one, then the
      newest of each of the `weekly` most recent (ISO, Monday-first) weeks that hold none of
      those days (so the reach is about a week of days plus a month of weeks, at most
      daily + weekly files);
    - before-restore / before-migration: the newest `safety_copies` of each kind;
    - manual: always kept;
    - anything stamped later than `now` (a clock that was wrong, or moved back) is kept: it is
      not ours to judge, and it never pushes a real one out, since the days and weeks are
      counted on the ones that are not in the future.
    Days and weeks are counted in the journal's time zone `tz`.
    """
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    items = sorted(set(backups), reverse=True)
    keep: set[BackupFile] = set()

    autos: list[BackupFile] = []
    by_kind: dict[str, list[BackupFile]] = {}
    for b in items:
        if b.kind == MANUAL or b.taken_at > now:
            keep.add(b)
        elif b.kind == AUTO:
            autos.append(b)
        else:
            by_kind.setdefault(b.kind, []).append(b)

    for group in by_kind.values():
        keep.update(group[:safety_copies])

    days_seen: set[date] = set()
    rest: list[BackupFile] = []
    for b in autos:  # newest first
        day = _local_day(b, tz)
        if day in days_seen:
            continue
        if len(days_seen) < daily:
            days_seen.add(day)
            keep.add(b)
        else:
            rest.append(b)

    # Weeks that already hold a kept daily one are covered: the weekly slots reach further back.
    covered = {(d.isocalendar()[0], d.isocalendar()[1]) for d in days_seen}
    weeks_seen: set[tuple[int, int]] = set()
    for b in rest:
        wk = _week(b, tz)
        if wk in weeks_seen or wk in covered:
            continue
        if len(weeks_seen) >= weekly:
            break
        weeks_seen.add(wk)
        keep.add(b)
    return keep


def select_prune(backups: Iterable[BackupFile], now: datetime, *, tz: tzinfo = UTC) -> list[BackupFile]:
    """The backups `select_keep` does not keep, oldest first."""
    items = set(backups)
    keep = select_keep(items, now, tz=tz)
    return sorted(items - keep)


def automatic_due(backups: Iterable[BackupFile], now: datetime, every: timedelta = timedelta(days=1)) -> bool:
    """True when no automatic backup was taken within `every` before `now` (the daily one while open)."""
    recent = [b.taken_at for b in backups if b.kind == AUTO and b.taken_at <= now]
    return not recent or now - max(recent) >= every
