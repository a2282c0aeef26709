"""The main window: `MainWindow` and `build_window(journal, clock, ...)`, which makes one for a
journal (the sample's too: `open_sample_window`). Starting the application is shell/launch.py,
the automatic backups shell/auto_backup.py.

Layout: the emergency banner and the reminder banner on top (they cannot be scrolled away), the
person switcher, the tabs on the left and the alerts on the right (always visible).

Over 500 lines (about 570): the window is where every button of the top bar, every keyboard
shortcut and every screen is wired, and what each opens (settings, backups, the shared-journal
switch, About) is a short method tests call on the window. The parts with a life of their own are
out already: starting (launch.py), automatic backups (auto_backup.py), reminders
(window_reminders.py), closing (closing.py), read-only mode (read_only.py), the first-run page
(screens/welcome.py), the guide's window (screens/reference_window.py). Next candidate: the
shared-journal switch (open_connect ... switch_journal), with its words' "MainWindow" context kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Clock

from ..dialogs.settings_dialog import SettingsDialog
from ..operations import Change, OpChanges
from ..operations.files import reopen_after_restore
from ..operations.settings import save_settings
from ..screens.alerts import AlertPanel, EmergencyBanner
from ..screens.history_view import HistoryView
from ..screens.medicines_view import MedicinesView
from ..screens.profile_view import ProfileForm
from ..screens.pump_view import PumpView
from ..screens.reference_window import ReferenceWindow
from ..screens.symptom_form import SymptomForm
from ..screens.today_view import TodayView
from ..screens.vitals_form import VitalsForm
from ..screens.welcome import WelcomePage
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.style import set_scaled_font
from ..widgets.widgets import Choice, undo_now
from .notifier import DesktopNotifications, Notifier, ReminderBanner
from .session import Session
from .window_reminders import WindowReminders

if TYPE_CHECKING:  # imported where used: the window opens before the backup services load
    from journal.services.autostart import Autostart
    from journal.services.backups import BackupService
    from journal.services.journal import Journal


START_CHECKS_LATEST_MS = 250  # everyone's first checks, if the window has not painted by then
ALERT_REFRESH_MS = 60_000
OUTSIDE_CHANGES_MS = 2_000


class MainWindow(QMainWindow):
    """The journal's window for one `Session`; `build_window` makes one for a journal. `backups`:
    the Backups button's service (None for the sample, or a shared journal); `heartbeat_ms` and
    `watch_ms`: how often (ms) the reminders and the watch for outside writes look."""

    def __init__(self, session: Session, *, demo: bool = False, tray_available: bool | None = None,
                 explore_sample: Callable[[], None] | None = None, heartbeat_ms: int = 30_000,
                 monotonic: Callable[[], float] | None = None, backups: BackupService | None = None,
                 watch_ms: int = OUTSIDE_CHANGES_MS,
                 desktop_notifications: DesktopNotifications | bool | None = None) -> None:
        super().__init__()
        self.session = session
        # Start watching for outside writes before any view reads the file: one written while the
        # window is being built then shows at the first poll instead of being taken as the start.
        session.check_for_outside_changes()
        self.backups = backups  # journal.services.backups.BackupService, or None (the sample)
        self.demo = demo
        self.explore_sample = explore_sample
        self.quitting = False
        self.told_about_tray = False
        # Without a tray, closing asks whether to keep reminding (ui/shell/closing); run_app turns it on.
        self.keep_reminding_on_close = False
        # Start at login (journal.services.autostart.Autostart), set by run_app; None: not offered.
        self.autostart: Autostart | None = None
        self.reference: ReferenceWindow | None = None
        # Called when the person chose another journal (run_app: the composition root opens it).
        self.on_switch: Callable[[], None] | None = None
        self.read_only_reason: str | None = None  # a viewer's login on a shared journal
        self.read_only_guard: Any = None
        self._seen_emergencies: set[str] = set()
        self._sized = False
        self.setWindowTitle(self.tr("CareJournal - SAMPLE (not real data)") if demo else "CareJournal")
        central = QWidget()
        outer = QVBoxLayout(central)
        self.emergency = EmergencyBanner(session)
        self.emergency.topic_requested.connect(self.show_topic)
        outer.addWidget(self.emergency)
        self.reminder_banner = ReminderBanner()
        outer.addWidget(self.reminder_banner)
        if demo:
            demo_banner = QLabel("\u2139 " + self.tr("This is a SAMPLE journal with made-up people and entries. "
                                                     "Nothing you do here touches your own journal."))
            demo_banner.setWordWrap(True)
            demo_banner.setStyleSheet("background-color: #ede7f6; color: #311b92; border: 2px dashed #5e35b1;"
                                      " padding: 4px;")
            demo_banner.setAccessibleName(self.tr("Sample journal notice"))
            outer.addWidget(demo_banner)
        self._outer = outer

        self.top_bar = QWidget()
        top = QHBoxLayout(self.top_bar)
        top.setContentsMargins(0, 0, 0, 0)
        person_label = QLabel(self.tr("&Person:"))
        self.person = Choice()
        self.person.setAccessibleName(self.tr("Person you are logging for"))
        self.person.setMinimumContentsLength(14)
        person_label.setBuddy(self.person)
        self.person.currentIndexChanged.connect(self._person_chosen)
        set_scaled_font(self.person, 1.15, bold=True)
        top.addWidget(person_label)
        top.addWidget(self.person)
        self.add_person_button = QPushButton(self.tr("Add a person"))
        self.add_person_button.setAccessibleName(self.tr("Add another person"))
        self.add_person_button.clicked.connect(self.show_add_person)
        top.addWidget(self.add_person_button)
        top.addStretch(1)
        self.report_button = QPushButton(self.tr("Report for the doctor..."))
        self.report_button.setAccessibleName(self.tr("Print or save the report for the doctor"))
        self.report_button.clicked.connect(self.open_report)
        top.addWidget(self.report_button)
        self.guide_button = QPushButton(self.tr("Guide (F1)"))
        self.guide_button.setAccessibleName(self.tr("Open the guide"))
        self.guide_button.clicked.connect(lambda: self.show_topic("when-to-call"))
        top.addWidget(self.guide_button)
        self.backups_button = QPushButton(self.tr("Backups..."))
        self.backups_button.setAccessibleName(self.tr("Backups: make one now, save one to a USB stick, or restore one"))
        self.backups_button.setToolTip(self.tr("Make a backup now, save one to a USB stick, or go back to an earlier one"))
        self.backups_button.clicked.connect(self.open_backups)
        self.backups_button.setVisible(backups is not None)
        top.addWidget(self.backups_button)
        self.settings_button = QPushButton(self.tr("Settings"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.clicked.connect(lambda: self.open_settings())
        top.addWidget(self.settings_button)
        self.about_button = QPushButton(self.tr("About"))
        self.about_button.setAccessibleName(self.tr("About CareJournal: version, where the journal is, licence"))
        self.about_button.clicked.connect(lambda: self.open_about())
        top.addWidget(self.about_button)
        outer.addWidget(self.top_bar)
        self.person_widgets = (person_label, self.person, self.add_person_button, self.report_button)

        self.stack = QStackedWidget()
        self.welcome = WelcomePage(session)
        self.welcome.add_button.clicked.connect(self.show_add_person)
        self.welcome.sample_button.clicked.connect(self._explore_sample)
        self.welcome.sample_button.setVisible(explore_sample is not None)
        self.welcome.zone_button.clicked.connect(lambda: self.open_settings())
        self.welcome.shared_button.clicked.connect(lambda: self.open_connect())
        self.welcome.shared_button.setVisible(not demo)
        self.stack.addWidget(self.welcome)
        self.new_person = ProfileForm(session, new=True)
        self.new_person.saved.connect(self._person_added)
        self.new_person.cancelled.connect(self._show_main_or_welcome)
        self.stack.addWidget(self.new_person)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Sections"))
        self.tabs.tabBar().setAccessibleName(self.tr("Sections"))
        self.today = TodayView(session)
        self.symptom_form = SymptomForm(session)
        self.symptom_form.topic_requested.connect(self.show_topic)
        self.vitals_form = VitalsForm(session)
        self.history = HistoryView(session)
        self.medicines = MedicinesView(session)
        self.pump = PumpView(session)
        self.profile = ProfileForm(session)
        self.tabs.addTab(self.today, self.tr("&Today"))
        self.tabs.addTab(self.symptom_form, self.tr("S&ymptom"))
        self.tabs.addTab(self.vitals_form, self.tr("&Reading"))
        self.tabs.addTab(self.history, self.tr("&History"))
        self.tabs.addTab(self.medicines, self.tr("&Medicines"))
        self.tabs.addTab(self.pump, self.tr("P&ump"))
        self.tabs.addTab(self.profile, self.tr("Pr&ofile"))
        self.alerts = AlertPanel(session)
        self.alerts.topic_requested.connect(self.show_topic)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.alerts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 420])
        self.stack.addWidget(self.splitter)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # The sample journal never notifies the desktop (its made-up doses are not anyone's).
        self.notifier = Notifier(self.reminder_banner, self, tray_available=tray_available,
                                 desktop=False if demo else desktop_notifications)
        self.notifier.activated.connect(self.bring_to_front)
        if self.notifier.tray is not None:
            menu = QMenu(self)
            open_action = QAction(self.tr("Open CareJournal"), self)
            open_action.triggered.connect(self.bring_to_front)
            quit_action = QAction(self.tr("Quit (no more reminders)"), self)
            quit_action.triggered.connect(self.quit)
            menu.addAction(open_action)
            menu.addAction(quit_action)
            self.notifier.tray.setContextMenu(menu)
        self.next_reminder = QLabel()
        self.next_reminder.setAccessibleName(self.tr("Next reminder"))
        self.statusBar().addPermanentWidget(self.next_reminder)
        self.reminders = WindowReminders(session, self.notifier, self.reminder_banner, self.next_reminder,
                                         heartbeat_ms=heartbeat_ms, monotonic=monotonic, parent=self)
        self.scheduler = self.reminders.scheduler
        session.operation_did_execute.connect(self._on_changed)
        self.alert_timer = QTimer(self)
        self.alert_timer.setInterval(ALERT_REFRESH_MS)
        self.alert_timer.timeout.connect(session.refresh_alerts_later)  # on a worker thread
        self.alert_timer.start()
        # Entries written by the command line while the window is open show up within seconds.
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(watch_ms)
        self.watch_timer.timeout.connect(session.check_for_outside_changes)
        self.watch_timer.start()
        self.session.alerts_updated.connect(self._alerts_updated)
        self.session.alerts_updated.connect(lambda _alerts: self.reminders.settle())
        self._shortcuts()
        # Enter presses a focused button anywhere in the window (Qt does that only in dialogs);
        # buttons made later (dose rows, alert cards) set it themselves.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(True)
        self.reload_people()
        # Everyone's checks (and then the reminder plan) start once the window has painted itself
        # (issue 17: run beside the first paint, they held it up to 170 ms at 50 people; after it,
        # no start event is over 50 ms), or after START_CHECKS_LATEST_MS if it is never painted
        # (started minimised or in the tray at login).
        self._start_checks_asked = False
        QTimer.singleShot(START_CHECKS_LATEST_MS, self._start_checks)
        # The reminders start once the first alerts are in (they come from a worker thread): a
        # slot an alert already speaks for is then never also announced as a reminder.
        session.alerts_updated.connect(self.reminders.start_once)
        self.resize(1200, 820)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._start_checks_asked:
            QTimer.singleShot(0, self._start_checks)  # after this paint, on the next turn

    def _start_checks(self) -> None:
        """Everyone's first checks, on a worker thread (once)."""
        if self._start_checks_asked:
            return
        self._start_checks_asked = True
        self.session.refresh_alerts_later()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._sized:
            # Alerts get a generous share: they matter more than white space beside the doses.
            self._sized = True
            total = max(self.splitter.width(), self.width() - 40)
            self.splitter.setSizes([int(total * 0.6), int(total * 0.4)])

    # -- keyboard -----------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        def add(seq: QKeySequence | QKeySequence.StandardKey | str, fn: Callable[[], object]) -> QShortcut:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(fn)
            return sc

        self.shortcut_dose = add("Ctrl+D", self.log_dose)
        self.shortcut_symptom = add("Ctrl+S", self.log_symptom)
        self.shortcut_reading = add("Ctrl+R", self.log_reading)
        add("F1", lambda: self.show_topic("when-to-call"))
        add("Ctrl+,", self.open_settings)
        add("Ctrl+P", self.open_report)
        add("Ctrl+Q", self.quit)
        # A text box with the focus keeps Ctrl+Z for its own text (Qt gives it the key first).
        self.shortcut_undo = add(QKeySequence.StandardKey.Undo, self.undo_last_entry)

    def undo_last_entry(self) -> str:
        """Ctrl+Z: the entry just made (within UNDO_WINDOW) is removed with the reason "undone";
        the sentence saying so (or why not) shows in the status bar and is returned."""
        if self.session.last_entry is None:
            text = self.tr("Nothing to undo: only the entry just made in this window can be undone.")
        else:
            try:
                text = undo_now(self.session)
            except USER_ERRORS as exc:
                text = describe(exc)
        self.statusBar().showMessage(text, 15000)
        return text

    def log_dose(self) -> None:
        if self.stack.currentWidget() is not self.splitter:
            return
        self.tabs.setCurrentWidget(self.today)
        self.today.log_dose_shortcut()

    def log_symptom(self) -> None:
        if self.stack.currentWidget() is not self.splitter:
            return
        self.tabs.setCurrentWidget(self.symptom_form)
        self.symptom_form.symptom.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def log_reading(self) -> None:
        if self.stack.currentWidget() is not self.splitter:
            return
        self.tabs.setCurrentWidget(self.vitals_form)
        self.vitals_form.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- people -------------------------------------------------------------------------------
    def reload_people(self, select: int | None = None) -> None:
        people = self.session.patients()
        current = select if select is not None else self.session.patient_id
        self.person.blockSignals(True)
        self.person.clear()
        for p in people:
            self.person.addItem(p.name, p.id)
        self.person.blockSignals(False)
        self.person.setEnabled(bool(people))
        for w in self.person_widgets:
            w.setVisible(bool(people))
        if not people:
            self.session.set_patient(None)
            self.welcome.show_settings()
            self.stack.setCurrentWidget(self.welcome)
            return
        ids = [p.id for p in people]
        pid = current if current in ids else ids[0]
        self.person.setCurrentIndex(ids.index(pid))
        self.session.set_patient(pid)
        if self.stack.currentWidget() is self.welcome:
            self.stack.setCurrentWidget(self.splitter)

    def _person_chosen(self, index: int) -> None:
        pid = self.person.itemData(index)
        if pid is not None:
            self.session.set_patient(int(pid))

    def show_add_person(self) -> None:
        self.new_person.load()
        self.new_person.name.clear()
        self.stack.setCurrentWidget(self.new_person)
        self.new_person.name.setFocus()

    def _person_added(self, pid: int) -> None:
        self.reload_people(select=pid)
        self.stack.setCurrentWidget(self.splitter)
        self.tabs.setCurrentWidget(self.medicines)

    def _show_main_or_welcome(self) -> None:
        self.stack.setCurrentWidget(self.splitter if self.session.patients() else self.welcome)

    def _explore_sample(self) -> None:
        if self.explore_sample is not None:
            self.explore_sample()

    # -- changes, alerts, reminders ------------------------------------------------------------
    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(Change.PEOPLE):
            self.reload_people()
        if changes.touches(Change.SETTINGS) and self.stack.currentWidget() is self.welcome:
            self.welcome.show_settings()
        if changes.touches(Change.SETTINGS) and self.reference is not None and self.reference.view is not None:
            setter = getattr(self.reference.view, "set_emergency_number", None)
            if setter is not None:
                setter(self.session.emergency_number)
        if changes.touches(Change.DOSES | Change.MEDICINES | Change.PUMP | Change.PEOPLE | Change.SETTINGS):
            self.reminders.replan_later()

    def _alerts_updated(self, alerts: list) -> None:
        if self.emergency.isVisible():
            keys = {a.key for a in self.emergency.emergencies}
            if keys - self._seen_emergencies:
                # A new emergency: raise the window and ask the desktop to flash it.
                self._seen_emergencies |= keys
                first = self.emergency.emergencies[0]
                self.notifier.emergency(self.tr("EMERGENCY: call {number}").format(number=self.session.emergency_number),
                                        f"{first.patient}: {first.title}")

    def show_topic(self, topic: str) -> None:
        if self.reference is None:
            self.reference = ReferenceWindow(self.session, self)
        self.reference.show_topic(topic or "when-to-call")

    def open_report(self) -> QWidget | None:
        pid = self.session.patient_id
        if pid is None:
            return None
        from ..dialogs.report_dialog import open_report_dialog

        return open_report_dialog(self.session.journal, pid, self.session.now, self)

    def open_settings(self, run: bool = True) -> SettingsDialog:
        """Settings (`run=False` returns it unshown, for tests)."""
        journal = self.session.journal
        shared = bool(getattr(journal, "shared", False))
        dlg = SettingsDialog(self.session.settings, self, zone_change_day=journal.zone_change_day,
                             describe_zone_change=journal.describe_timezone_change,
                             start_at_login=None if self.autostart is None else self.autostart.is_enabled(),
                             journal_place=None if self.demo else (shared, str(getattr(journal, "where", ""))),
                             read_only_reason=self.read_only_reason)
        dlg.switch_to_shared.connect(lambda: self._switch_from_settings(dlg, local=False))
        dlg.switch_to_local.connect(lambda: self._switch_from_settings(dlg, local=True))
        if not run:
            return dlg
        if dlg.exec() and dlg.result_settings is not None:
            try:
                save_settings(session=self.session, settings=dlg.result_settings, by=self.session.by,
                              zone_since=dlg.zone_since, initiator=self)
            except USER_ERRORS as exc:  # a full disk or read-only file: say so, change nothing
                QMessageBox.warning(self, self.tr("Settings not saved"), describe(exc))
            if self.autostart is not None and dlg.start_at_login.isChecked() != self.autostart.is_enabled():
                try:
                    self.autostart.set_enabled(dlg.start_at_login.isChecked())
                except OSError as exc:
                    QMessageBox.warning(self, self.tr("Start at login not changed"),
                                        self.tr("It could not be changed: {reason}").format(reason=exc))
        return dlg

    # -- which journal: this computer's, or a shared one on a server ---------------------------------
    def open_connect(self, run: bool = True, parent: QWidget | None = None) -> Any:
        """The "Use a shared journal on a server" dialog; Connect opens that journal in place of this
        one (`run=False` returns it unshown, for tests: then call `connect_chosen(dlg)`)."""
        from ..dialogs.connect_dialog import ConnectDialog

        journal = self.session.journal
        current = journal.path if getattr(journal, "shared", False) else None
        dlg = ConnectDialog(parent or self, current_url=current if isinstance(current, str) else None)
        if run and dlg.exec():
            self.connect_chosen(dlg)
        return dlg

    def connect_chosen(self, dlg: Any) -> bool:
        """After the connect dialog was accepted: open what it chose. True when switching."""
        if dlg.chose_local:
            return self.switch_journal(None)
        return dlg.url is not None and self.switch_journal(dlg.url)

    def _switch_from_settings(self, settings: SettingsDialog, *, local: bool) -> None:
        if local:
            if self.switch_journal(None):
                settings.reject()
            return
        dlg = self.open_connect(run=False, parent=settings)
        if dlg.exec() and self.connect_chosen(dlg):
            settings.reject()

    def switch_journal(self, url: str | None) -> bool:
        """Remember `url` (a shared journal; None: this computer's journal) for every later start, and
        open it now in place of this window. False (and said) when the choice cannot be saved."""
        from journal.services.shared_connection import remember_journal

        try:
            remember_journal(url)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Journal not changed"),
                                self.tr("The choice could not be saved ({reason}); this journal stays open.")
                                .format(reason=exc))
            return False
        if self.on_switch is not None:
            self.on_switch()
        self.quit()
        return True

    def set_read_only(self, reason: str) -> None:
        """A viewer's window: a notice at the top, and every write control disabled saying why."""
        from .read_only import ReadOnlyGuard, notice

        self.read_only_reason = reason
        self.read_only_notice = notice(reason)
        self._outer.insertWidget(2, self.read_only_notice)
        self.read_only_guard = ReadOnlyGuard(self, reason)

    def open_backups(self, run: bool = True) -> QDialog | None:
        """The backups screen: list, back up now, back up to a stick, restore. `run=False` returns
        it unshown (tests drive it)."""
        if self.backups is None:
            return None
        from ..dialogs.recovery import BackupsDialog

        # After a restore, reopen_journal announces that everything changed: the people, the
        # views, the checks and the reminder plan all redraw from the restored file.
        dlg = BackupsDialog(self.backups, close_journal=self.session.close_journal,
                            reopen=self._reopen_after_restore, tz=self.session.tz, parent=self)
        if run:
            dlg.exec()
        return dlg

    def _reopen_after_restore(self) -> None:
        reopen_after_restore(session=self.session, initiator=self)

    def open_about(self, run: bool = True) -> QDialog:
        """The About box (`run=False` returns it unshown, for tests)."""
        from .about import AboutDialog

        backups = self.backups
        dlg = AboutDialog(None if backups is None else backups.journal_path,
                          None if backups is None else backups.folder, self)
        if run:
            dlg.exec()
        return dlg

    def bring_to_front(self) -> None:
        if not self.isVisible():
            self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    # -- closing --------------------------------------------------------------------------------
    def quit(self) -> None:
        self.quitting = True
        self.scheduler.stop()
        if self.notifier.tray is not None:
            self.notifier.tray.hide()
        self.close()
        app = QApplication.instance()
        if app is not None and not self.demo:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.notifier.tray is not None and not self.quitting and not self.demo:
            # Keep reminding from the tray: closing the window is not quitting.
            event.ignore()
            self.hide()
            if not self.told_about_tray:
                self.told_about_tray = True
                self.notifier.tray.showMessage(
                    self.tr("CareJournal is still running"),
                    self.tr("Reminders keep coming. To quit, right-click the tray icon and choose Quit."))
            return
        if self.notifier.tray is None and self.keep_reminding_on_close and not self.quitting:
            from . import closing

            if closing.ask_keep_reminding(self):
                event.ignore()
                self.showMinimized()
                return
        self.scheduler.stop()
        self.alert_timer.stop()
        self.watch_timer.stop()
        super().closeEvent(event)


def build_window(journal: Journal, clock: Clock, *, demo: bool = False, tray_available: bool | None = None,
                 explore_sample: Callable[[], None] | None = None, **kwargs: Any) -> MainWindow:
    from journal.services.shared_connection import read_only_reason

    session = Session(journal, clock)
    window = MainWindow(session, demo=demo, tray_available=tray_available, explore_sample=explore_sample,
                        **kwargs)
    session.setParent(window)
    reason = read_only_reason(journal)  # a viewer's login on a shared journal
    if reason:
        window.set_read_only(reason)
    return window


def open_sample_window(clock: Clock) -> MainWindow:
    """The sample journal in a window of its own, on a temporary copy (removed at exit): nothing
    done there reaches the caregiver's journal."""
    from journal.services.journal import open_demo

    sample = build_window(open_demo(clock), clock, demo=True, tray_available=False)
    sample.show()
    return sample

