"""The window's recovery offer when the journal file is refused."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from test_robust_backups import T0, add_patients, make_journal, names_in  # noqa: E402
from test_robust_support import file_hash  # noqa: E402

from journal.domain import FixedClock  # noqa: E402
from journal.services.backups import BackupService  # noqa: E402
from journal.storage.db import StorageFileError, check_openable  # noqa: E402
from journal.ui import recovery  # noqa: E402


class Refused(Exception):
    def __init__(self, reason: str, text: str) -> None:
        super().__init__(text)
        self.reason = reason


@pytest.mark.parametrize("reason, words", [
    ("corrupt", "is damaged"),
    ("not-a-journal", "is not a CareJournal journal"),
    ("newer-version", "newer version of CareJournal"),
])
def test_message_is_plain_and_says_the_file_was_left_alone(qtbot, reason: str, words: str) -> None:
    err = Refused(reason, "")
    dialog = recovery.RecoveryDialog(err, Path("/x/journal.sqlite3"), None)
    qtbot.addWidget(dialog)
    text = dialog.message.text()
    assert words in text
    assert "left exactly as it was" in text
    assert "Traceback" not in text
    assert not dialog.restore_button.isEnabled()  # no backup to offer
    assert "No earlier backup" in dialog.offer.text()


def test_reason_is_read_from_the_storage_message_too(tmp_path: Path) -> None:
    bad = tmp_path / "j.sqlite3"
    bad.write_text("a shopping list")
    with pytest.raises(StorageFileError) as refused:
        check_openable(bad)
    assert recovery.refusal_reason(refused.value) == recovery.NOT_A_JOURNAL


def test_restoring_the_latest_good_backup_from_the_dialog(qtbot, tmp_path: Path, monkeypatch) -> None:
    journal = make_journal(tmp_path / "journal.sqlite3", ["Robin"])
    clock = FixedClock(T0)
    svc = BackupService(journal, clock)
    svc.back_up()
    clock.advance(timedelta(days=1))
    add_patients(journal, ["Alex"])
    svc.back_up()
    # the file gets damaged
    data = bytearray(journal.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)
    journal.write_bytes(bytes(data))
    damaged = file_hash(journal)

    seen: list[recovery.RecoveryDialog] = []

    def click_restore(dialog: recovery.RecoveryDialog) -> str:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        assert dialog.restore_button.isEnabled() and dialog.restore_button.isDefault()
        dialog.restore_button.click()
        return dialog.choice

    monkeypatch.setattr(recovery, "run_dialog", click_restore)
    result = recovery.offer_recovery(None, Refused("corrupt", "database disk image is malformed"),
                                     journal, svc, tz=UTC)
    assert result.restored
    assert names_in(journal) == ["Robin", "Alex"]  # the newest good one
    assert result.kept_copy is not None and file_hash(result.kept_copy) == damaged
    assert "Tuesday 24 November 2026" in seen[0].offer.text()


def test_closing_the_dialog_changes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    journal = make_journal(tmp_path / "journal.sqlite3", ["Robin"])
    svc = BackupService(journal, FixedClock(T0))
    svc.back_up()
    journal.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    before = file_hash(journal)

    def click_close(dialog: recovery.RecoveryDialog) -> str:
        qtbot.addWidget(dialog)
        dialog.close_button.click()
        return dialog.choice

    monkeypatch.setattr(recovery, "run_dialog", click_close)
    result = recovery.offer_recovery(None, Refused("corrupt", ""), journal, svc)
    assert not result.restored and file_hash(journal) == before
    assert len(svc.backups()) == 1


def test_newer_version_does_not_make_restore_the_default(qtbot) -> None:
    class B:
        taken_at = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
        path = Path("/b/journal-auto-20261120-080000.sqlite3")

    dialog = recovery.RecoveryDialog(Refused("newer-version", ""), Path("/x/journal.sqlite3"), B())
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled() and not dialog.restore_button.isDefault()
    assert dialog.close_button.isDefault()
    assert "install the newer CareJournal" in dialog.message.text()


def test_a_failed_restore_is_reported_not_raised(qtbot, tmp_path: Path, monkeypatch) -> None:
    class Broken:
        def latest_good(self):  # type: ignore[no-untyped-def]
            class B:
                taken_at = T0
                path = tmp_path / "gone.sqlite3"
            return B()

        def restore(self, src: Path) -> Path | None:
            raise OSError("the stick was pulled out")

    monkeypatch.setattr(recovery, "run_dialog", lambda d: recovery.RESTORE)
    result = recovery.offer_recovery(None, Refused("corrupt", ""), tmp_path / "j.sqlite3", Broken())
    assert not result.restored and "nothing was changed" in result.message
