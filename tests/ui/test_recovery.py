"""The window's recovery offer when the journal file is refused."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from journal.domain import FixedClock  # noqa: E402
from journal.services.backups import BackupService  # noqa: E402
from journal.storage.db import StorageFileError, check_openable  # noqa: E402
from journal.ui.dialogs import recovery  # noqa: E402
from tests.services.support import file_hash  # noqa: E402
from tests.services.test_backups import T0, add_patients, make_journal, names_in  # noqa: E402


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


# -- the backups screen and the one-window lock ---------------------------------------------------

def _real_journal(tmp_path: Path):  # type: ignore[no-untyped-def]
    from journal.services.journal import Journal
    from tests.services.support import valid_document

    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, FixedClock(T0))
    j.import_document(valid_document(days=2, start="2026-11-10"))
    return path, j


def test_backups_screen_restores_with_the_journal_open(qtbot, tmp_path: Path, monkeypatch) -> None:
    from journal.domain import Patient
    from journal.services.journal import Journal

    path, j = _real_journal(tmp_path)
    clock = FixedClock(T0)
    svc = BackupService(path, clock, tz=UTC)
    svc.at_start()
    clock.advance(timedelta(hours=1))
    j.add_patient(Patient(name="Alex Shaw"))
    state = {"journal": j}

    def reopen() -> None:
        state["journal"] = Journal.open(path, clock)

    dialog = recovery.BackupsDialog(svc, close_journal=j.close, reopen=reopen, tz=UTC)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "made automatically" in dialog.list.item(0).text()
    assert "Monday 23 November 2026, 08:00" in dialog.list.item(0).text()
    asked: list[str] = []
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: asked.append(text) or True)
    with qtbot.waitSignal(dialog.restored) as restored:
        dialog.restore_button.click()
    assert "entered again" in asked[0]
    assert [p.name for p in state["journal"].list_patients()] == ["Robin Shaw"]
    kept = restored.args[0]
    assert kept is not None and kept.exists()
    assert "restored" in dialog.status.text()
    assert dialog.list.count() == 2  # the before-restore copy is listed too
    state["journal"].close()


def test_backups_screen_saying_no_changes_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    from tests.services.support import table_dump

    path, j = _real_journal(tmp_path)
    svc = BackupService(path, FixedClock(T0))
    svc.at_start()
    j.close()
    before = table_dump(path)
    dialog = recovery.BackupsDialog(svc)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: False)
    dialog.restore_button.click()
    assert table_dump(path) == before and len(svc.backups()) == 1


def test_back_up_now_and_to_a_stick_from_the_screen(qtbot, tmp_path: Path, monkeypatch) -> None:
    path, j = _real_journal(tmp_path)
    j.close()
    svc = BackupService(path, FixedClock(T0))
    dialog = recovery.BackupsDialog(svc)
    qtbot.addWidget(dialog)
    assert "No backups yet" in dialog.list.item(0).text() and not dialog.restore_button.isEnabled()
    dialog.backup_now_button.click()
    assert dialog.list.count() == 1 and "saved by you" in dialog.list.item(0).text()
    stick = tmp_path / "USB"
    stick.mkdir()
    monkeypatch.setattr(recovery, "choose_folder", lambda parent: stick)
    dialog.backup_to_button.click()
    assert len(list(stick.iterdir())) == 1 and "USB" in dialog.status.text()
    monkeypatch.setattr(recovery, "choose_folder", lambda parent: tmp_path / "unplugged")
    dialog.backup_to_button.click()
    assert "does not exist" in dialog.status.text()


def test_a_second_window_is_told_and_gets_no_lock(qtbot, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "journal.sqlite3"
    first = recovery.claim_window(path, FixedClock(T0))
    assert first is not None
    told: list[str] = []
    monkeypatch.setattr(recovery, "show_message", lambda parent, title, text: told.append(text))
    assert recovery.claim_window(path, FixedClock(T0)) is None
    assert told and "already open in another CareJournal window" in told[0]
    first.release()  # type: ignore[attr-defined]
    again = recovery.claim_window(path, FixedClock(T0))
    assert again is not None
    again.release()  # type: ignore[attr-defined]
