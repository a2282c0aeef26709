"""The automatic backups while the window is open: one at start and one whenever due (hourly
check), each on a worker thread (issue 17: the copy of a large journal takes seconds), its
failure shown in the window's status bar until a backup succeeds, never fatal.

`run_app` (shell/launch.py) starts them; the backup services themselves are
journal.services.backups (a local file) and journal.services.shared_backups (a shared journal).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:  # imported where used: the window opens before the backup services load
    from journal.services.backups import BackupService
    from journal.services.shared_backups import SharedBackups

    from .main_window import MainWindow


def start_backup(backups: BackupService | SharedBackups, window: MainWindow | None = None) -> None:
    """The start backup, here and now (run_app makes it on a worker: `automatic_backup_later`)."""
    automatic_backup(backups.at_start, window)


def backup_if_due(backups: BackupService | SharedBackups, window: MainWindow | None = None) -> None:
    """A backup if one is due, here and now (run_app checks hourly, on a worker)."""
    automatic_backup(backups.if_due, window)


def automatic_backup(make: Callable[[], object], window: MainWindow | None) -> None:
    """Reported in the window (a GUI launcher has no terminal), never fatal."""
    report_backup(window, try_backup(make))


def try_backup(make: Callable[[], object]) -> str | None:
    """None when the backup was made, else the reason it failed (also said on stderr)."""
    try:
        make()
    except Exception as exc:  # noqa: BLE001 - reported, never fatal
        print(f"carejournal: automatic backup failed: {exc}", file=sys.stderr)
        return str(exc).strip() or type(exc).__name__
    return None


def report_backup(window: MainWindow | None, failure: str | None) -> None:
    from .failures import clear_backup_failure, show_backup_failure

    if window is None:
        return
    if failure is not None:
        show_backup_failure(window, failure)
    else:
        clear_backup_failure(window)


class BackupReport(QObject):
    """Carries a worker thread's backup outcome to the window (a queued signal: this object
    lives in the GUI thread, which shows or clears the failure)."""

    done = Signal(object)  # None, or the failure's reason

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done.connect(self._show)

    def _show(self, failure: str | None) -> None:
        report_backup(self._window, failure)


def automatic_backup_later(make: Callable[[], object], window: MainWindow) -> None:
    """`automatic_backup` on a worker thread (issue 17: the copy of a large journal takes
    seconds); its outcome is shown in the window when it is done."""
    report = window.findChild(BackupReport) or BackupReport(window)

    def work() -> None:
        failure = try_backup(make)
        try:
            report.done.emit(failure)
        except RuntimeError:  # the window closed while the copy ran: nobody left to tell
            if failure:
                print(f"carejournal: automatic backup failed: {failure}", file=sys.stderr)

    QThreadPool.globalInstance().start(work)
