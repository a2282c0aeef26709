"""Automatic local backups of a shared journal, taken by the window.

A shared journal lives on a server (whose own backups are its administrator's business); each
window also keeps a daily copy on its own computer, so a care team is never left with nothing if
the server is lost. Each copy is the whole journal in exchange format read in one snapshot
(`Journal.backup`), in `<user data folder>/backups/shared/<server>-<database>/`, readable by the
user only; the newest KEEP are kept. One is taken when the window opens if the newest is a day
old or more (or there is none), and again each day it stays open.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from journal.domain import Clock

from .journal import Journal

KEEP = 14
EVERY = timedelta(days=1)
_STAMP = re.compile(r"carejournal-shared-backup-(\d{4}-\d{2}-\d{2}-\d{6})\.json$")


def default_folder(journal: Journal) -> Path:
    """`<user data folder>/backups/shared/<host>-<database>` for the journal's URL."""
    from platformdirs import user_data_dir

    where = journal.where.split("@")[-1].split("?")[0]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", where).strip("-") or "shared"
    return Path(user_data_dir("CareJournal", appauthor=False)) / "backups" / "shared" / name


class SharedBackups:
    """`at_start()` and `if_due()` for the window's timers (the same calls as BackupService's)."""

    def __init__(self, journal: Journal, clock: Clock, folder: Path | None = None) -> None:
        self.journal = journal
        self.clock = clock
        self.folder = folder or default_folder(journal)

    def copies(self) -> list[tuple[datetime, Path]]:
        """The copies in the folder, oldest first, with when each was taken (journal's zone)."""
        if not self.folder.is_dir():
            return []
        found = []
        for p in self.folder.iterdir():
            m = _STAMP.match(p.name)
            if m:
                when = datetime.strptime(m.group(1), "%Y-%m-%d-%H%M%S").replace(tzinfo=self.journal.tz)
                found.append((when, p))
        return sorted(found)

    def if_due(self) -> Path | None:
        """Take a copy when the newest is EVERY old or more; returns it, or None when none was due."""
        have = self.copies()
        if have and self.clock.now() - have[-1][0] < EVERY:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        dest = self.journal.backup(self.folder)
        for _when, old in self.copies()[:-KEEP]:
            old.unlink(missing_ok=True)
        return dest

    at_start = if_due
