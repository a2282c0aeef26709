"""Starting the application: `run_app(ctx, demo=False)`, called by journal/app.py.

It makes the QApplication (icon, log file, exception hook), claims the journal for one window
(a second launch brings the open one to the front), opens the journal (the recovery screen for a
refused file, the connect dialog for a shared journal that cannot be reached), builds the main
window (shell/main_window.py), offers start at login and starts the automatic backups
(shell/auto_backup.py), then runs the event loop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from journal.domain import Clock
from journal.services.regional import chosen_language

from ..operations import Change, OpChanges
from .auto_backup import automatic_backup_later
from .first_paint import close_frame
from .main_window import MainWindow, build_window, open_sample_window
from .translation import install_language

if TYPE_CHECKING:  # imported where used: the window opens before the backup services load
    from journal.services.backups import BackupService
    from journal.services.journal import Journal
    from journal.services.shared_backups import SharedBackups


class WindowContext(Protocol):
    """What the window needs of the command line's Context (journal.cli.Context is one; the
    window may not import the command line, its sibling layer)."""

    db_path: Path | None
    clock: Clock
    minimised: bool
    switch_requested: bool  # set when the person chose another journal (journal.app opens it)

    def journal(self) -> Journal: ...

    def forget_journal(self) -> None: ...


def _open_journal(ctx: WindowContext) -> Journal | None:
    """Open the journal; a refused file gets the recovery screen (restore the last good backup)."""
    from journal.services.errors import JournalFileError

    try:
        return ctx.journal()
    except JournalFileError as error:
        if ctx.db_path is None:
            url = getattr(ctx, "shared_url", None)
            if not url:
                raise
            _reconnect(ctx, url, str(error))
            return None
        from journal.services.backups import BackupService

        from ..dialogs.recovery import offer_recovery

        result = offer_recovery(None, error, ctx.db_path, BackupService(ctx.db_path, ctx.clock))
        if not result.restored:
            QMessageBox.information(None, QCoreApplication.translate("main_window", "CareJournal"), result.message)
            return None
        ctx.forget_journal()  # the restored file is opened afresh
        return ctx.journal()


def _reconnect(ctx: WindowContext, url: str, problem: str, dialog: Callable[..., Any] | None = None) -> bool:
    """The shared journal could not be opened (server unreachable, password not kept, ...): the
    connect dialog, filled in, says why in words; Connect (or "Use this computer's journal") is
    remembered and opened (`ctx.switch_requested`). Returns True when something was chosen."""
    from journal.services.shared_connection import explain_open_failure, remember_journal

    from ..dialogs.connect_dialog import ConnectDialog

    make = dialog or ConnectDialog
    dlg = make(None, current_url=url, problem=explain_open_failure(problem, url), offer_local=True)
    if not dlg.exec():
        return False
    try:
        remember_journal(None if dlg.chose_local else dlg.url)
    except OSError as exc:
        QMessageBox.warning(None, "CareJournal", QCoreApplication.translate(
            "MainWindow", "The choice could not be saved ({reason}).").format(reason=exc))
        return False
    ctx.switch_requested = True
    return True


def run_app(ctx: WindowContext, demo: bool = False, frame: QMainWindow | None = None) -> int:
    """Create the application and the window, show it, and run until quit. `frame`: the first
    paint's frame (journal.ui.shell.first_paint), closed once the window is shown."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("CareJournal")
    app.setApplicationDisplayName("CareJournal")
    previous_hook = sys.excepthook
    fit = _identify(app)
    try:
        return _claim_and_run(app, ctx, demo, frame)
    finally:
        close_frame(frame)
        sys.excepthook = previous_hook
        app.removeEventFilter(fit)


def _claim_and_run(app: QApplication, ctx: WindowContext, demo: bool, frame: QMainWindow | None = None) -> int:
    lock = None
    doorbell_name = ""
    if not demo and ctx.db_path is not None:
        # One window per journal: a second launch brings the open one to the front.
        from journal.ui.dialogs.recovery import HANDED_OVER, claim_window

        from .single_instance import ask_running_window_to_show, server_name

        doorbell_name = server_name(ctx.db_path)
        lock = claim_window(ctx.db_path, ctx.clock,
                            hand_over=lambda: ask_running_window_to_show(doorbell_name))
        if lock is HANDED_OVER:
            print("carejournal: the open CareJournal window was brought to the front", file=sys.stderr)
            return 0
        if lock is None:
            return 1
    try:
        return _run_window(app, ctx, demo, doorbell_name, frame)
    finally:
        if lock is not None:
            lock.release()  # type: ignore[attr-defined]


def _run_window(app: QApplication, ctx: WindowContext, demo: bool, doorbell_name: str = "",
                frame: QMainWindow | None = None) -> int:
    install_language(app, chosen_language())  # the recovery screen too speaks the computer's language
    journal = _open_journal(ctx)
    if journal is None:
        return 1
    install_language(app, chosen_language(journal.get_settings().language))
    windows: list[MainWindow] = []

    def explore_sample() -> None:
        windows.append(open_sample_window(ctx.clock))

    backups: BackupService | SharedBackups | None = None
    if not demo and ctx.db_path is not None:
        try:
            from journal.services.backups import BackupService

            backups = BackupService(ctx.db_path, ctx.clock, tz=journal.tz)
        except Exception as exc:  # noqa: BLE001 - a failed backup must not stop the window
            print(f"carejournal: automatic backup failed: {exc}", file=sys.stderr)
    window = build_window(journal, ctx.clock, demo=demo, explore_sample=None if demo else explore_sample,
                          backups=backups)
    window.keep_reminding_on_close = not demo

    def switching() -> None:
        ctx.switch_requested = True

    window.on_switch = switching
    if not demo and ctx.db_path is not None:
        _offer_start_at_login(window, ctx.db_path)
    windows.append(window)
    if doorbell_name:
        from .single_instance import WindowDoorbell

        doorbell = WindowDoorbell(doorbell_name, window)
        doorbell.show_requested.connect(window.bring_to_front)
        doorbell.listen()  # if it cannot listen, a second launch says "already open" as before
    if not demo and backups is None and journal.shared:
        # A shared journal: a daily local copy (exchange format) besides the server's own backups.
        from journal.services.shared_backups import SharedBackups

        backups = SharedBackups(journal, ctx.clock)
    if backups is not None:
        timer = QTimer(window)
        timer.setInterval(3_600_000)
        timer.timeout.connect(lambda: automatic_backup_later(backups.if_due, window))
        timer.start()
    app.setQuitOnLastWindowClosed(window.notifier.tray is None or demo)
    if ctx.minimised and not demo:
        # Started at login: reminding, out of the way (in the tray, or minimised in the taskbar).
        if window.notifier.tray is None:
            window.showMinimized()
    else:
        window.show()
    close_frame(frame)
    from .failures import log

    log.info("window shown (version %s)", __import__("journal").__version__)
    if backups is not None:
        start_backup_after_start(window, backups.at_start)
    return int(app.exec())


# The start backup waits at most this long for the window's start (first alerts, reminders).
START_BACKUP_LATEST_MS = 10_000


def start_backup_after_start(window: MainWindow, make: Callable[[], object]) -> None:
    """The start backup, on a worker thread (a copy of the whole file: seconds for a large
    journal), once the window's start is done: its first paint, everyone's first checks and
    everyone's reminders planned and announced (`WindowReminders.start_done`), or after
    START_BACKUP_LATEST_MS. Issue 17: copying 405 MB beside the start made the reminders' saves
    wait 80-190 ms each on the disk (each commit is synced). SQLite's backup copy is consistent: an entry made while it runs is either in the copy
    or in the next one."""
    done = False

    def go() -> None:
        nonlocal done
        if not done:
            done = True
            automatic_backup_later(make, window)

    if window.reminders.start_is_done:
        go()
        return
    window.reminders.start_done.connect(go)
    QTimer.singleShot(START_BACKUP_LATEST_MS, window, go)


def _identify(app: QApplication) -> QObject:
    """The icon, the desktop entry it belongs to (Wayland and docks match windows by it), the
    log file and the exception hook."""
    from journal import APP_ID

    from ..widgets.screen_fit import install
    from .about import app_icon
    from .failures import install_excepthook, setup_logging

    app.setWindowIcon(app_icon())
    fit = install(app)  # every window and dialog fits the screen and remembers its size
    QGuiApplication.setDesktopFileName(APP_ID)
    try:
        log_path: Any = setup_logging()
    except OSError as exc:
        print(f"carejournal: no log file ({exc})", file=sys.stderr)
        log_path = None
    install_excepthook(QApplication.activeWindow, log_path)
    return fit


def _offer_start_at_login(window: MainWindow, db_path: Path) -> None:
    """Start at login is on by default once a person is set up (unless turned off in Settings)."""
    from journal.services.autostart import for_this_computer

    window.autostart = for_this_computer(db_path)

    def apply_default() -> None:
        if window.autostart is None:  # never, once set above (tests may put their own in its place)
            return
        try:
            window.autostart.apply_default(bool(window.session.patients()))
        except OSError as exc:  # never fatal: Settings shows it is off, and the log says why
            print(f"carejournal: start at login could not be set up: {exc}", file=sys.stderr)

    def on_changed(changes: OpChanges) -> None:
        if changes.touches(Change.PEOPLE):
            apply_default()

    apply_default()
    window.session.operation_did_execute.connect(on_changed)

