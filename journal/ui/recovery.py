"""What the window shows when the journal file is refused (not a journal, damaged, or from a newer
version): a plain explanation, and an offer to bring back the latest good backup.

The refused file is never changed by opening it. Restoring keeps a copy of it first (see
`journal.services.backups.BackupService.restore`), so nothing is thrown away either way.

Tests replace `run_dialog` (or drive `RecoveryDialog` with qtbot) so nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class _Backup(Protocol):
    @property
    def taken_at(self) -> datetime: ...

    @property
    def path(self) -> Path: ...


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
        first = (f"The journal file {name} was last saved by a newer version of CareJournal than "
                 "this one. To keep its entries safe, this version will not open it.")
        then = "The best fix is to install the newer CareJournal again."
    elif kind == DAMAGED:
        first = (f"The journal file {name} is damaged, so it cannot be read safely. This can "
                 "happen after a power cut or a disk problem.")
        then = ""
    elif kind == NOT_A_JOURNAL:
        first = f"The file {name} is not a CareJournal journal, so it cannot be opened as one."
        then = ""
    else:
        first = f"The journal file {name} could not be opened."
        then = ""
    detail = str(error).strip()
    lines = [first, "It has been left exactly as it was: nothing in it was changed."]
    if then:
        lines.append(then)
    if detail and detail not in first:
        lines.append(f"Details: {detail}")
    return "\n\n".join(lines)


def offer_text(backup: _Backup | None, tz: tzinfo | None = None) -> str:
    if backup is None:
        return ("No earlier backup of this journal was found. You can pick a backup file you "
                "saved yourself (for example on a USB stick), or close CareJournal and ask for help.")
    when = backup.taken_at.astimezone(tz) if tz is not None else backup.taken_at.astimezone()
    return (f"The latest good backup was made on {when:%A %d %B %Y at %H:%M}. Restoring it brings "
            "the journal back to how it was then: anything entered after that time will need to "
            "be entered again. A copy of the current file is kept first, so it is not lost.")


RESTORE = "restore"
CLOSE = "close"


class RecoveryDialog(QDialog):
    """The explanation, and two buttons: restore the latest good backup, or close."""

    def __init__(self, error: BaseException, journal_path: Path, backup: _Backup | None,
                 tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("The journal could not be opened")
        self.choice = CLOSE
        layout = QVBoxLayout(self)
        self.message = QLabel(explain(error, journal_path))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.offer = QLabel(offer_text(backup, tz))
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton("Restore the latest backup")
        self.restore_button.setEnabled(backup is not None)
        self.close_button = QPushButton("Close without changing anything")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
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
    if choice != RESTORE or latest is None:
        return RecoveryResult(False, "Nothing was changed.")
    try:
        kept = backups.restore(latest.path)
    except Exception as e:  # the journal stays as it was; say so rather than crash
        return RecoveryResult(False, f"The backup could not be restored, and nothing was changed. ({e})")
    return RecoveryResult(True, "The journal was restored from the latest backup.", kept)
