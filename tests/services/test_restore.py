"""Review findings on restore: what the caregiver is told when the restored journal cannot be
opened again, and the command line's words for a --db that is a folder or under a file."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.backups import BackupService
from journal.services.errors import JournalFileError
from journal.ui.dialogs import recovery
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401

NOW_UTC = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def test_a_restore_whose_journal_cannot_be_opened_again_says_so(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    svc = BackupService(journal.path, clock, tz=journal.tz)
    w = build_window(journal, clock, tray_available=False, backups=svc)
    qtbot.addWidget(w)
    svc.back_up("manual")
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: True)

    def refused(changes: object = None) -> None:
        raise JournalFileError("the disk could not be read")

    monkeypatch.setattr(w.session, "reopen_journal", refused)
    dialog.restore_selected()
    assert "could not be opened again" in dialog.status.text()
    assert "the disk could not be read" in dialog.status.text()


@pytest.fixture
def saved_backup(tmp_path: Path, clock) -> Path:  # noqa: ANN001
    from journal.services.journal import Journal

    with Journal.open(tmp_path / "made.sqlite3", clock) as j:
        return BackupService(j.path, clock).back_up_to(tmp_path / "copy.sqlite3")


def _restore(db: Path, src: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), "restore", str(src)], clock=FixedClock(NOW_UTC))
    return code, capsys.readouterr().err


def test_restore_into_a_db_that_is_a_folder_names_the_folder(tmp_path: Path, saved_backup: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journals"
    folder.mkdir()
    code, err = _restore(folder, saved_backup, capsys)
    assert code == 2 and "--db" in err and "is a folder" in err, err
    assert not (tmp_path / "backups").exists()  # nothing was made beside it


def test_restore_into_a_db_under_a_file_says_what_is_wrong(tmp_path: Path, saved_backup: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes").write_text("a file, not a folder")
    code, err = _restore(tmp_path / "notes" / "journal.sqlite3", saved_backup, capsys)
    assert code == 2 and "--db" in err and "a file has that name" in err, err
