"""Links: a `backups/` folder that is a link keeps its target's permissions; a journal reached
through a link is the real file for the one-window lock, the backups and restore (the link stays a
link, and the real path cannot bypass a window's lock)."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock
from journal.services.backups import BackupService, JournalLocked, take_window_lock
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def real(tmp_path: Path) -> Path:
    path = tmp_path / "real" / "journal.sqlite3"
    path.parent.mkdir()
    with Journal.open(path, FixedClock(NOW)) as j:
        j.import_document(valid_document(days=2, start="2026-11-20"))
    return path


def test_a_linked_backups_folder_keeps_its_targets_permissions(real: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-drive"
    shared.mkdir()
    os.chmod(shared, 0o755)
    (real.parent / "backups").symlink_to(shared, target_is_directory=True)
    made = BackupService(real, FixedClock(NOW)).back_up()
    assert made.parent.resolve() == shared
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE(made.stat().st_mode) == 0o600  # the copy itself is still private


def test_the_window_lock_taken_through_a_link_holds_for_the_real_path(real: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    lock = take_window_lock(link, FixedClock(NOW))
    try:
        with pytest.raises(JournalLocked):
            take_window_lock(real, FixedClock(NOW)).release()
    finally:
        lock.release()


def test_restore_refused_through_the_real_path_while_a_window_holds_the_link(real: Path, tmp_path: Path,
                                                                             capsys: Any) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    copy = Journal.open(real, FixedClock(NOW)).backup(tmp_path / "copy.sqlite3")
    lock = take_window_lock(link, FixedClock(NOW))
    try:
        code = app.main(["--db", str(real), "restore", str(copy)], clock=FixedClock(NOW))
    finally:
        lock.release()
    assert code == 1
    assert "open in a CareJournal window" in capsys.readouterr().err


def test_restore_through_a_link_replaces_the_real_file_and_keeps_the_link(real: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    with Journal.open(real, FixedClock(NOW)) as j:
        copy = j.backup(tmp_path / "copy.sqlite3")
    assert app.main(["--db", str(link), "restore", str(copy)], clock=FixedClock(NOW)) == 0
    assert link.is_symlink() and link.resolve() == real
    assert (real.parent / "backups").is_dir()  # the kept copy is beside the real file
    with Journal.open(link, FixedClock(NOW)) as j:
        assert j.path == real
        assert [p.name for p in j.list_patients()] == ["Robin Shaw"]
