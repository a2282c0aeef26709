"""What the window shows when the journal file is refused (not a journal, damaged, or from a newer
version): a plain explanation, and an offer to bring back the latest good backup.

The refused file is never changed by opening it. Restoring keeps a copy of it first (see
`journal.services.backups.BackupService.restore`), so nothing is thrown away either way.

Tests replace `run_dialog` (or drive `RecoveryDialog` with qtbot) so nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Clock

from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.formatting import long_day
from ..widgets.style import set_scaled_font


class _Backup(Protocol):
    @property
    def taken_at(self) -> datetime: ...

    @property
    def path(self) -> Path: ...


class _ListedBackup(_Backup, Protocol):
    @property
    def kind(self) -> str: ...


class BackupSource(Protocol):
    """What this screen needs from `journal.services.backups.BackupService`."""

    def latest_good(self) -> _Backup | None: ...

    def restore(self, src: Path) -> Path | None: ...


# The reasons a journal file is refused, as `JournalFileError.reason` names them.
NOT_A_JOURNAL = "not-a-journal"
DAMAGED = "corrupt"
NEWER = "newer-version"
UNREADABLE = "unreadable"


def refusal_reason(error: BaseException) -> str:
    """The kind of refusal, from the error's `reason` attribute or, failing that, its text."""
    reason = str(getattr(error, "reason", "") or "").lower()
    text = str(error).lower()
    for known in (NEWER, DAMAGED, NOT_A_JOURNAL, UNREADABLE):
        if reason == known:
            return known
    if "newer" in reason or "newer" in text:
        return NEWER
    if "corrupt" in reason or "damaged" in text or "corrupt" in text or "malformed" in text:
        return DAMAGED
    if "not a journal" in text or "not a carejournal" in text or "not-a-journal" in reason:
        return NOT_A_JOURNAL
    return UNREADABLE


def explain(error: BaseException, journal_path: Path) -> str:
    """Why the journal cannot be opened, in plain words. Always says the file was left as it was."""
    name = journal_path.name
    kind = refusal_reason(error)
    if kind == NEWER:
        first = QCoreApplication.translate(
            "recovery", "The journal file {name} was last saved by a newer version of CareJournal than this one. "
            "To keep its entries safe, this version will not open it.").format(name=name)
        then = QCoreApplication.translate("recovery", "The best fix is to install the newer CareJournal again.")
    elif kind == DAMAGED:
        first = QCoreApplication.translate(
            "recovery", "The journal file {name} is damaged, so it cannot be read safely. This can happen after a "
            "power cut or a disk problem.").format(name=name)
        then = ""
    elif kind == NOT_A_JOURNAL:
        first = QCoreApplication.translate(
            "recovery", "The file {name} is not a CareJournal journal, so it cannot be opened as one.").format(name=name)
        then = ""
    else:
        first = QCoreApplication.translate("recovery", "The journal file {name} could not be opened.").format(name=name)
        then = ""
    detail = str(error).strip()
    lines = [first, QCoreApplication.translate("recovery", "It has been left exactly as it was: nothing in it was changed.")]
    if then:
        lines.append(then)
    if detail and detail not in first:
        lines.append(QCoreApplication.translate("recovery", "Details: {detail}").format(detail=detail))
    return "\n\n".join(lines)


def offer_text(backup: _Backup | None, tz: tzinfo | None = None) -> str:
    if backup is None:
        return QCoreApplication.translate(
            "recovery", "No earlier backup of this journal was found. You can pick a backup file you "
            "saved yourself (for example on a USB stick), or close CareJournal and ask for help.")
    when = backup.taken_at.astimezone(tz) if tz is not None else backup.taken_at.astimezone()
    return QCoreApplication.translate(
        "recovery", "The latest good backup was made on {day} at {time}. Restoring it brings "
        "the journal back to how it was then: anything entered after that time will need to "
        "be entered again. A copy of the current file is kept first, so it is not lost.").format(
            day=long_day(when.date(), year=True), time=f"{when:%H:%M}")


RESTORE = "restore"
RESTORE_FILE = "restore-file"
CLOSE = "close"


def _choose_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("recovery", "Choose a CareJournal backup"), "",
        QCoreApplication.translate("recovery", "CareJournal backups (*.sqlite3 *.db);;All files (*)"))
    return Path(name) if name else None


# Replaced in tests so nothing blocks.
choose_file: Callable[[QWidget | None], Path | None] = _choose_file


class RecoveryDialog(QDialog):
    """The explanation, and two buttons: restore the latest good backup, or close."""

    def __init__(self, error: BaseException, journal_path: Path, backup: _Backup | None,
                 tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The journal could not be opened"))
        self.choice = CLOSE
        layout = QVBoxLayout(self)
        self.message = QLabel(explain(error, journal_path))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.offer = QLabel(offer_text(backup, tz))
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QDialogButtonBox()
        self.chosen_file: Path | None = None
        self.restore_button = QPushButton(self.tr("Restore the latest backup"))
        self.restore_button.setEnabled(backup is not None)
        self.file_button = QPushButton(self.tr("Choose a backup file..."))
        self.file_button.setAccessibleName(self.tr("Choose a backup file you saved, for example on a USB stick"))
        self.close_button = QPushButton(self.tr("Close without changing anything"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.file_button.clicked.connect(self._restore_file)
        # Newer version: updating is the better fix, so restoring is not the default action.
        if backup is not None and refusal_reason(error) != NEWER:
            self.restore_button.setDefault(True)
        else:
            self.close_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        self.choice = RESTORE
        self.accept()

    def _restore_file(self) -> None:
        chosen = choose_file(self)
        if chosen is None:
            return
        self.chosen_file = chosen
        self.choice = RESTORE_FILE
        self.accept()


def _exec(dialog: RecoveryDialog) -> str:
    dialog.exec()
    return dialog.choice


# Replaced in tests so no dialog blocks.
run_dialog: Callable[[RecoveryDialog], str] = _exec


@dataclass(frozen=True)
class RecoveryResult:
    restored: bool
    message: str
    kept_copy: Path | None = None  # where the refused file was kept before restoring


def offer_recovery(parent: QWidget | None, error: BaseException, journal_path: Path,
                   backups: BackupSource, tz: tzinfo | None = None) -> RecoveryResult:
    """Show the dialog; restore the latest good backup if asked. Never raises for a failed
    restore: the message says what happened and the file is left as it was."""
    latest = backups.latest_good()
    dialog = RecoveryDialog(error, journal_path, latest, tz, parent)
    choice = run_dialog(dialog)
    if choice == RESTORE and latest is not None:
        source, done = latest.path, QCoreApplication.translate("recovery",
                                                               "The journal was restored from the latest backup.")
    elif choice == RESTORE_FILE and dialog.chosen_file is not None:
        source, done = dialog.chosen_file, QCoreApplication.translate(
            "recovery", "The journal was restored from {name}.").format(name=dialog.chosen_file.name)
    else:
        return RecoveryResult(False, QCoreApplication.translate("recovery", "Nothing was changed."))
    try:
        kept = backups.restore(source)
    except Exception as e:  # the journal stays as it was; say so rather than crash
        return RecoveryResult(False, QCoreApplication.translate(
            "recovery", "The backup could not be restored, and nothing was changed. ({reason})").format(reason=e))
    return RecoveryResult(True, done, kept)


# -- one window per journal ----------------------------------------------------------------------

def _show_message(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


# Replaced in tests so nothing blocks.
show_message: Callable[[QWidget | None, str, str], None] = _show_message


# claim_window's answer when the window already open on this journal was brought to the front.
HANDED_OVER = object()


def claim_window(journal_path: Path, clock: Clock, parent: QWidget | None = None,
                 hand_over: Callable[[], bool] | None = None) -> object | None:
    """Take the one-window-per-journal lock before the window opens. Returns the lock (keep it
    while the window is open; call its `release()` on close); HANDED_OVER when another window
    holds it and `hand_over()` brought that window to the front; or None after telling the
    caregiver that the journal is already open in another window (then do not open a second one)."""
    from journal.services.backups import JournalLocked, take_window_lock

    try:
        return take_window_lock(journal_path, clock)
    except JournalLocked as e:
        if hand_over is not None and hand_over():
            return HANDED_OVER
        show_message(parent, QCoreApplication.translate("recovery", "CareJournal is already open"), str(e))
        return None


# -- the backups screen --------------------------------------------------------------------------

KIND_WORDS = {  # English source texts, shown through QCoreApplication.translate("recovery", ...)
    "auto": QT_TRANSLATE_NOOP("recovery", "made automatically"),
    "manual": QT_TRANSLATE_NOOP("recovery", "saved by you"),
    "before-restore": QT_TRANSLATE_NOOP("recovery", "the journal as it was before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("recovery", "the journal as it was before an update"),
}


class BackupManager(Protocol):
    """What the backups screen needs from `journal.services.backups.BackupService`."""

    folder: Path

    def backups(self) -> Sequence[_ListedBackup]: ...

    def back_up(self, kind: str = ...) -> Path: ...

    def back_up_to(self, dest: Path, *, folder: bool = ...) -> Path: ...

    def restore(self, src: Path, close_journal: Callable[[], None] | None = None) -> Path | None: ...


def _confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("recovery", "Restore this backup?"), text)
    return bool(answer == QMessageBox.StandardButton.Yes)


def _choose_folder(parent: QWidget | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("recovery", "Choose where to save the backup (for example a USB stick)"))
    return Path(folder) if folder else None


# Replaced in tests so nothing blocks.
confirm: Callable[[QWidget | None, str], bool] = _confirm
choose_folder: Callable[[QWidget | None], Path | None] = _choose_folder


class BackupsDialog(QDialog):
    """List the backups, make one now, save one to a stick, restore one.

    `close_journal` is called just before the file is replaced (close the journal's connections
    there) and `reopen` right after, whether the restore worked or not (open it again there and
    refresh every view). Messages appear in `status`; nothing here raises."""

    restored = Signal(object)  # Path | None: where the previous journal was kept

    def __init__(self, backups: BackupManager, *, close_journal: Callable[[], None] | None = None,
                 reopen: Callable[[], None] | None = None, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.backups = backups
        self._close_journal = close_journal
        self._reopen = reopen
        self._tz = tz
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "CareJournal makes a backup each time it opens and once a day while it stays open. It keeps "
            "one for each of the last 7 days and one for each of the 4 weeks before that. "
            "They are kept in {folder}, readable only by you.").format(folder=backups.folder))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        set_scaled_font(self.list, 1.15)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.backup_now_button = QPushButton(self.tr("Back up now"))
        self.backup_to_button = QPushButton(self.tr("Back up to a folder or USB stick..."))
        self.restore_button = QPushButton(self.tr("Restore the selected backup..."))
        self.restore_file_button = QPushButton(self.tr("Restore from a file..."))
        self.close_button = QPushButton(self.tr("Close"))
        self.list.setAccessibleName(self.tr("Backups of this journal, newest first"))
        self.backup_now_button.setAccessibleName(self.tr("Back up now"))
        self.backup_to_button.setAccessibleName(self.tr("Back up to a folder or USB stick"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected backup"))
        self.restore_file_button.setAccessibleName(self.tr("Restore from a backup file, for example on a USB stick"))
        self.close_button.setAccessibleName(self.tr("Close the backups screen"))
        for b in (self.backup_now_button, self.backup_to_button):
            row.addWidget(b)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        for b in (self.restore_button, self.restore_file_button):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(self.close_button)
        layout.addLayout(row2)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.backup_now_button.clicked.connect(self.back_up_now)
        self.backup_to_button.clicked.connect(self.back_up_to)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.close_button.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.refresh()

    def describe(self, b: _ListedBackup) -> str:
        when = b.taken_at.astimezone(self._tz) if self._tz is not None else b.taken_at.astimezone()
        kind = QCoreApplication.translate("recovery", KIND_WORDS[b.kind]) if b.kind in KIND_WORDS else b.kind
        return f"{long_day(when.date(), year=True)}, {when:%H:%M}: {kind}"

    def refresh(self) -> None:
        self.list.clear()
        try:
            found = self.backups.backups()
        except OSError as e:
            found = []
            self.status.setText(self.tr("The backups folder could not be read: {reason}").format(reason=e.strerror or e))
        for b in found:
            item = QListWidgetItem(self.describe(b))
            item.setData(Qt.ItemDataRole.UserRole, b)
            self.list.addItem(item)
        if not found:
            self.list.addItem(QListWidgetItem(self.tr("No backups yet.")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> _ListedBackup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        try:
            made = self.backups.back_up("manual")
        except Exception as e:  # noqa: BLE001 - shown to the caregiver; nothing was changed
            self.status.setText(str(e))
            return
        self.status.setText(self.tr("Backup saved: {name}").format(name=made.name))
        self.refresh()

    def back_up_to(self) -> None:
        folder = choose_folder(self)
        if folder is None:
            return
        try:
            made = self.backups.back_up_to(folder, folder=True)
        except Exception as e:  # noqa: BLE001 - shown to the caregiver; nothing was changed
            self.status.setText(str(e))
            return
        self.status.setText(self.tr("Backup saved to {path}. Keep the stick somewhere safe.").format(path=made))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._restore(chosen.path, self.tr("how it was on {backup}").format(backup=self.describe(chosen)))

    def restore_from_file(self) -> None:
        chosen = choose_file(self)
        if chosen is None:
            return
        self._restore(chosen, self.tr("the copy in {name}").format(name=chosen.name))

    def _restore(self, source: Path, what: str) -> None:
        text = self.tr("The journal will go back to {what}. Anything entered after that copy was made will "
                       "need to be entered again. A copy of the journal as it is now is kept first, so you "
                       "can come back to it.").format(what=what)
        if not confirm(self, text):
            return
        try:
            kept = self.backups.restore(source, close_journal=self._close_journal)
        except Exception as e:  # noqa: BLE001 - shown to the caregiver; the journal was left as it was
            problem = self._reopen_journal()
            self.status.setText(str(e) if problem is None else f"{e} {problem}")
            return
        problem = self._reopen_journal()
        if problem is None:
            self.status.setText(self.tr("The journal was restored. The previous version was kept as a backup "
                                "(it is in the list above)."))
        else:  # the file was replaced, but this window cannot show it: do not say all is well
            self.status.setText(self.tr("The backup was put in place, but {problem} Close CareJournal and open it "
                                        "again.").format(problem=problem[0].lower() + problem[1:]))
        self.refresh()
        self.restored.emit(kept)

    def _reopen_journal(self) -> str | None:
        """Open the journal again; None when that worked, else what to tell the caregiver."""
        if self._reopen is not None:
            try:
                self._reopen()
            except Exception as e:  # noqa: BLE001 - say it, do not crash the window
                return self.tr("The journal could not be opened again: {reason}.").format(reason=str(e).rstrip("."))
        return None
