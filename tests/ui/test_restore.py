"""Restoring from the window: the Backups screen opened from the main window brings back an earlier
state, every view shows it at once, and the journal as it was is kept. Also the refused-file offer
to restore a backup the caregiver saved on a stick."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from journal.domain import Dose, DoseStatus, Patient, Quantity, Unit
from journal.services.backups import BackupService
from journal.ui.dialogs import recovery
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    med_id,
    no_blocking_dialogs,
    patient_id,
)


def _window(qtbot, journal, clock, **kwargs):  # noqa: ANN001, ANN202
    svc = BackupService(journal.path, clock, tz=journal.tz)
    w = build_window(journal, clock, tray_available=False, backups=svc, **kwargs)
    qtbot.addWidget(w)
    w.show()
    return w, svc


def _today_dose_count(w) -> int:  # noqa: ANN001
    return len(w.session.journal.history(w.session.patient_id, at(0), at(23, 59)).doses)


def test_the_window_restores_a_backup_and_every_view_shows_it(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    w, svc = _window(qtbot, journal, clock)
    svc.at_start()  # this morning: Robin only, the 08:00 dose given
    clock.advance(timedelta(minutes=30))
    pid = patient_id(journal)
    w.session.apply(lambda: journal.log_dose(pid, Dose(
        medication_id=med_id(journal, TABLETS), status=DoseStatus.TAKEN, scheduled=at(14), given=at(14, 2),
        amount=Quantity(10, Unit.MG), by="Sam")), pid)
    w.session.apply(lambda: journal.add_patient(Patient(name="Jamie")))
    qtbot.waitUntil(lambda: w.person.count() == 2)
    slot_14 = next(r for (_mid, when), r in w.today.rows.items() if when == at(14).isoformat())
    qtbot.waitUntil(lambda: "14:02" in slot_14.state_label.text())
    assert _today_dose_count(w) == 2

    assert w.backups_button.isVisible() and w.backups_button.accessibleName()
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "made automatically" in dialog.list.item(0).text()
    asked: list[str] = []
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: asked.append(text) or True)
    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert "entered again" in asked[0] and "kept first" in asked[0]
    # The same window now shows the morning's journal: one person, one dose today.
    qtbot.waitUntil(lambda: w.person.count() == 1)
    assert w.person.currentText() == "Robin"
    assert _today_dose_count(w) == 1
    slot_14 = next(r for (_mid, when), r in w.today.rows.items() if when == at(14).isoformat())
    qtbot.waitUntil(lambda: "14:02" not in slot_14.state_label.text())
    assert slot_14.given_button.isEnabled()  # the 14:00 dose shows as not given again
    # The journal as it was before is kept in the backups folder and listed on the screen.
    kept = restored.args[0]
    assert kept is not None and kept.parent == journal.path.parent / "backups"
    assert dialog.list.count() == 2 and any(
        "before a restore" in dialog.list.item(i).text() for i in range(dialog.list.count()))
    assert "restored" in dialog.status.text()
    # The window keeps working on the restored journal: a dose logged now is saved in it.
    journal.log_dose(pid, Dose(medication_id=med_id(journal, TABLETS), status=DoseStatus.TAKEN,
                               scheduled=at(14), given=at(14, 10), amount=Quantity(10, Unit.MG), by="Sam"))
    assert _today_dose_count(w) == 2


def test_restoring_from_a_file_on_a_stick(qtbot, journal, clock, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    w, svc = _window(qtbot, journal, clock)
    stick = tmp_path / "USB"
    stick.mkdir()
    saved = svc.back_up_to(stick, folder=True)
    journal.add_patient(Patient(name="Jamie"))
    w.reload_people()
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(recovery, "choose_file", lambda parent: saved)
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: saved.name in text)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.person.count() == 1)
    assert [p.name for p in journal.list_patients()] == ["Robin"]
    assert saved.exists()  # the stick's copy is read, never moved


def test_a_file_that_is_not_a_backup_is_refused_and_the_window_carries_on(  # noqa: ANN001
        qtbot, journal, clock, tmp_path: Path, monkeypatch) -> None:
    w, _svc = _window(qtbot, journal, clock)
    junk = tmp_path / "holiday-photo.sqlite3"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a journal")
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(recovery, "choose_file", lambda parent: junk)
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: True)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    assert "nothing was changed" in dialog.status.text()
    assert [p.name for p in journal.list_patients()] == ["Robin"]
    assert w.person.currentText() == "Robin" and _today_dose_count(w) == 1
    assert not (journal.path.parent / "backups").exists() or not list((journal.path.parent / "backups").iterdir())


def test_cancelling_the_file_choice_or_the_question_changes_nothing(qtbot, journal, clock, monkeypatch) -> None:  # noqa: ANN001
    w, svc = _window(qtbot, journal, clock)
    svc.at_start()
    journal.add_patient(Patient(name="Jamie"))
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(recovery, "choose_file", lambda parent: None)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(recovery, "confirm", lambda parent, text: False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(journal.list_patients()) == 2 and len(svc.backups()) == 1


def test_the_sample_window_has_no_backups_button(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = build_window(journal, clock, demo=True, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    assert not w.backups_button.isVisible() and w.open_backups(run=False) is None


def test_the_backups_button_is_reachable_from_the_keyboard(qtbot, journal, clock) -> None:  # noqa: ANN001
    w, _svc = _window(qtbot, journal, clock)
    assert w.backups_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    dialog = w.open_backups(run=False)
    qtbot.addWidget(dialog)
    for b in (dialog.backup_now_button, dialog.backup_to_button, dialog.restore_button,
              dialog.restore_file_button, dialog.close_button):
        assert b.accessibleName() and b.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_refused_journal_can_be_restored_from_a_chosen_file(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import FixedClock
    from journal.services.errors import JournalFileError
    from journal.services.journal import Journal
    from tests.services.test_backups import T0

    path = tmp_path / "journal.sqlite3"
    j = Journal.open(path, FixedClock(T0))
    j.add_patient(Patient(name="Robin"))
    stick = tmp_path / "USB"
    stick.mkdir()
    saved = j.backup(stick / "saved.sqlite3")
    j.close()
    for companion in ("-wal", "-shm"):
        Path(str(path) + companion).unlink(missing_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    error = JournalFileError(f"{path} is damaged")
    svc = BackupService(path, FixedClock(T0))
    assert svc.latest_good() is None  # no automatic backup to offer

    def choose_the_stick(dialog: recovery.RecoveryDialog) -> str:
        assert dialog.file_button.isEnabled() and not dialog.restore_button.isEnabled()
        monkeypatch.setattr(recovery, "choose_file", lambda parent: saved)
        dialog.file_button.click()
        return dialog.choice

    monkeypatch.setattr(recovery, "run_dialog", choose_the_stick)
    result = recovery.offer_recovery(None, error, path, svc)
    assert result.restored and "saved.sqlite3" in result.message
    assert result.kept_copy is not None and result.kept_copy.read_bytes().startswith(b"SQLite format 3\x00\x00")
    again = Journal.open(path, FixedClock(T0))
    assert [p.name for p in again.list_patients()] == ["Robin"]
    again.close()
