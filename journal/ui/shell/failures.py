"""Failures are seen: a rotating log file, an exception hook with a plain dialog, and a failed
automatic backup shown in the window (a GUI launcher has no terminal for stderr).

The log holds what a helper needs to find a bug and nothing about the people in the journal:
times, levels, the kind of failure and where in the code it happened (file, line, function).
Exception messages are NOT written to it (they can quote a name or a note); the dialog's
"Copy details" shows them to the caregiver, who decides what to send to whom."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LOGGER = "carejournal"
LOG_FILE = "carejournal.log"
LOG_BYTES = 1_000_000  # each file; with LOG_KEEP old ones, at most ~4 MB on disk
LOG_KEEP = 3

log = logging.getLogger(LOGGER)


def log_dir() -> Path:
    """The platform's log folder for the app (platformdirs: ~/.local/state/CareJournal/log on
    Linux, %LOCALAPPDATA%\\CareJournal\\Logs on Windows, ~/Library/Logs/CareJournal on macOS)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("CareJournal", appauthor=False))


def setup_logging(folder: Path | None = None) -> Path:
    """Send the app's log to a rotating file in `folder` (default `log_dir()`). Returns its path.
    Calling it again with the same folder changes nothing. Raises OSError if the folder cannot
    be made (the caller carries on without a log)."""
    folder = Path(folder) if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    for h in log.handlers:
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_KEEP, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def where_it_failed(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The kind of failure and the code path, without the exception's message (see above)."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return f"{exc_type.__module__}.{exc_type.__qualname__}\n" + "\n".join(lines)


def full_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    from journal import __version__

    return (f"CareJournal {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
            + "".join(traceback.format_exception(exc_type, exc, tb)))


class FailureDialog(QDialog):
    """A plain message and a "Copy details" button (the details are for whoever helps)."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CareJournal: something went wrong"))
        lay = QVBoxLayout(self)
        where = " " + self.tr("A note was written to {path}.").format(path=log_path) if log_path is not None else ""
        self.message = QLabel(self.tr(
            "Something went wrong inside CareJournal. Entries already saved are safe in the journal. "
            "If what you were doing did not finish, please check it and try again.") + where)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details for whoever helps you"))
        self.details.setVisible(False)
        lay.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy the details to the clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.details.setVisible(True)
        self.copy_button.setText(self.tr("Copied"))


def _run(dialog: FailureDialog) -> None:
    dialog.exec()


# Replaced in tests so nothing blocks.
run_dialog: Callable[[FailureDialog], None] = _run


def install_excepthook(parent: Callable[[], QWidget | None] = lambda: None,
                       log_path: Path | None = None) -> Callable[..., None]:
    """An uncaught exception in the window writes where it failed to the log and shows the plain
    dialog instead of vanishing into a terminal nobody sees. Returns the hook installed."""
    shown = {"open": False}

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected failure: %s", where_it_failed(exc_type, tb))
        if shown["open"]:  # one dialog at a time, even if failures repeat
            return
        shown["open"] = True
        try:
            run_dialog(FailureDialog(full_details(exc_type, exc, tb), log_path, parent()))
        finally:
            shown["open"] = False

    sys.excepthook = hook
    return hook


BACKUP_FAILED = "backupFailure"


def show_backup_failure(window: QMainWindow, reason: str) -> QLabel:
    """A failed automatic backup, shown in the window's status bar until a backup succeeds.
    The reason goes to the window only; the log says that it failed, not the file names."""
    log.warning("automatic backup failed")
    label = window.findChild(QLabel, BACKUP_FAILED)
    if label is None:
        label = QLabel()
        label.setObjectName(BACKUP_FAILED)
        label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        label.setAccessibleName(QCoreApplication.translate("failures", "Automatic backup failed"))
        label.setWordWrap(True)
        window.statusBar().addWidget(label, 1)
    label.setText("\u26a0 " + QCoreApplication.translate(
        "failures", "The automatic backup failed: {reason} Open Backups... to make one.").format(reason=reason))
    label.setVisible(True)
    return label


def clear_backup_failure(window: QMainWindow) -> None:
    label = window.findChild(QLabel, BACKUP_FAILED)
    if label is not None:
        label.setVisible(False)
