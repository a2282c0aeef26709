"""The main window and `run_app(ctx, demo=False)`, called by journal/app.py.

Layout: the emergency banner and the reminder banner on top (they cannot be scrolled away), the
person switcher, the tabs on the left and the alerts on the right (always visible).

Over 500 lines: the window and the application shell (run_app, first-run, backups on a worker);
ui/ is now grouped (this module is in shell/); moving run_app and the backups into a module of
their own in shell/ is the split still to do (issue 20).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from journal.services.regional import chosen_language

from ..dialogs.settings_dialog import SettingsDialog, valid_emergency_number
from ..operations import Change, OpChanges
from ..operations.files import reopen_after_restore
from ..operations.settings import save_settings
from ..screens.alerts import AlertPanel, EmergencyBanner
from ..screens.history_view import HistoryView
from ..screens.medicines_view import MedicinesView
from ..screens.profile_view import ProfileForm
from ..screens.pump_view import PumpView
from ..screens.symptom_form import SymptomForm
from ..screens.today_view import TodayView
from ..screens.vitals_form import VitalsForm
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_datetime
from ..widgets.style import set_scaled_font
from ..widgets.widgets import Choice, ErrorLabel, hint, undo_now
from .due import DuePlan, handed_over, settled_keys
from .first_paint import close_frame
from .notifier import DesktopNotifications, Note, Notifier, ReminderBanner, compose
from .reminders import DueItem, ReminderMarks, ReminderScheduler
from .session import Session
from .translation import install_language

if TYPE_CHECKING:  # imported where used: the window opens before the backup services load
    from journal.services.autostart import Autostart
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

ALERT_REFRESH_MS = 60_000
OUTSIDE_CHANGES_MS = 2_000


class WelcomePage(QWidget):
    """First run: an empty journal greets the caregiver with two clear choices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("Welcome to CareJournal"))
        set_scaled_font(title, 2.0, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        sub = QLabel(self.tr("Keep track of medicines, symptoms and the pump, and get a clear picture for the "
                             "doctor.\nEverything stays on this computer."))
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setWordWrap(True)
        set_scaled_font(sub, 1.15)
        lay.addWidget(sub)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add the person you care for"))
        self.add_button.setAccessibleName(self.tr("Add the person you care for"))
        self.sample_button = QPushButton(self.tr("Explore a sample journal"))
        self.sample_button.setAccessibleName(self.tr("Explore a sample journal (a separate copy, not your data)"))
        for b in (self.add_button, self.sample_button):
            set_scaled_font(b, 1.3, bold=True)
            b.setMinimumHeight(b.fontMetrics().height() * 3)
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + b.fontMetrics().height() * 3)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        note = hint(self.tr("The sample opens in its own window with made-up entries. It is never mixed with "
                            "your journal and disappears when you close it."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(note)
        # A care team's journal on a server instead of this computer's (issue 18).
        shared_row = QHBoxLayout()
        shared_row.addStretch(1)
        self.shared_button = QPushButton(self.tr("Use a shared journal on a server..."))
        self.shared_button.setAccessibleName(self.tr("Use a shared journal on a server (a care team's journal)"))
        self.shared_button.setToolTip(self.tr("For a care team that keeps one journal on a PostgreSQL server"))
        shared_row.addWidget(self.shared_button)
        shared_row.addStretch(1)
        lay.addLayout(shared_row)
        # The journal's time zone, taken from this computer when the journal was created: confirm it.
        lay.addSpacing(note.fontMetrics().height())
        zone_row = QHBoxLayout()
        zone_row.addStretch(1)
        self.zone_label = QLabel()
        self.zone_label.setWordWrap(True)
        self.zone_label.setAccessibleName(self.tr("The journal's time zone"))
        zone_row.addWidget(self.zone_label, 4)
        self.zone_button = QPushButton(self.tr("Change time zone..."))
        self.zone_button.setAccessibleName(self.tr("Change the journal's time zone"))
        zone_row.addWidget(self.zone_button)
        zone_row.addStretch(1)
        lay.addLayout(zone_row)
        # The emergency number, guessed from the country: confirm or correct it before anything else.
        number_row = QHBoxLayout()
        number_row.addStretch(1)
        self.number_label = QLabel()
        self.number_label.setWordWrap(True)
        self.number_label.setAccessibleName(self.tr("The emergency number this journal will show"))
        number_row.addWidget(self.number_label, 3)
        self.number_edit = QLineEdit()
        self.number_edit.setAccessibleName(self.tr("Emergency number"))
        self.number_edit.setMaximumWidth(self.number_edit.fontMetrics().horizontalAdvance("0000000") * 2)
        self.number_label.setBuddy(self.number_edit)
        number_row.addWidget(self.number_edit)
        self.number_button = QPushButton(self.tr("Use this &number"))
        self.number_button.setAccessibleName(self.tr("Use this emergency number"))
        number_row.addWidget(self.number_button)
        number_row.addStretch(1)
        lay.addLayout(number_row)
        self.number_error = ErrorLabel()
        lay.addWidget(self.number_error, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(2)

    def show_number(self, number: str, *, country: str | None, confirmed: bool) -> None:
        """Shows the emergency number alerts and guide pages will name, and where it came from."""
        if confirmed:
            why = self.tr("Alerts and the guide tell you to call this number in an emergency.")
        elif country:
            why = self.tr("The usual emergency number where you are ({country}). Please check it: alerts and "
                          "the guide tell you to call it.").format(country=country)
        else:
            why = self.tr("Your country could not be told from this computer. Please enter the number you "
                          "would call.")
        self.number_label.setText(self.tr("&Emergency number: {why}").format(why=why))
        self.number_edit.setText(number)
        self.number_button.setText(self.tr("Saved") if confirmed else self.tr("Use this &number"))
        self.number_error.clear_error()

    def show_zone(self, zone: str, *, from_computer: bool) -> None:
        """Says which zone the journal keeps its times in (to confirm on first run)."""
        text = (self.tr("Times in this journal are kept in {zone} (this computer's time zone).") if from_computer
                else self.tr("Times in this journal are kept in {zone}."))
        self.zone_label.setText(text.format(zone=zone) + " " + self.tr(
            "Every day is planned and shown in it; if you move, a new zone can apply from a chosen day and the "
            "days before stay as they were."))


class ReferenceWindow(QDialog):
    """The offline guide in its own window, so it can stay open beside the journal."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CareJournal guide (not medical advice)"))
        self.setModal(False)
        lay = QVBoxLayout(self)
        from ..screens.reference_view import ReferenceView  # here: the guide loads when first opened

        self.view = ReferenceView(emergency_number=session.emergency_number)
        lay.addWidget(self.view)
        self.resize(820, 640)

    def show_topic(self, topic: str) -> None:
        self.view.show_topic(topic)
        self.show()
        self.raise_()
        self.activateWindow()


class MainWindow(QMainWindow):
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
        self._replan_pending = False
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
        self.welcome = WelcomePage()
        self.welcome.add_button.clicked.connect(self.show_add_person)
        self.welcome.sample_button.clicked.connect(self._explore_sample)
        self.welcome.sample_button.setVisible(explore_sample is not None)
        self.welcome.zone_button.clicked.connect(lambda: self.open_settings())
        self.welcome.shared_button.clicked.connect(lambda: self.open_connect())
        self.welcome.shared_button.setVisible(not demo)
        self.welcome.number_button.clicked.connect(self._confirm_number)
        self.welcome.number_edit.returnPressed.connect(self._confirm_number)
        self.welcome.number_edit.textEdited.connect(
            lambda _t: self.welcome.number_button.setText(self.welcome.tr("Use this &number")))
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
        kwargs: dict[str, Any] = {} if monotonic is None else {"monotonic": monotonic}
        # Which slots were already reminded survives a restart (kept in the settings store).
        # Re-plans only the person written to after a write (issue 17: everyone's plan is seconds at 50 people).
        self.due_plan = DuePlan(session.reads, lambda: session.settings)
        self.scheduler = ReminderScheduler(
            session.clock, self.due_plan,
            lambda: timedelta(minutes=int(getattr(session.settings, "reminder_lead_minutes", 15))),
            heartbeat_ms=heartbeat_ms, marks=ReminderMarks(session.journal), parent=self, **kwargs)
        self.due_plan.more = self._plan_more
        self.scheduler.reminders_due.connect(self.remind)
        self.scheduler.replanned.connect(self._replanned)
        self.reminder_banner.dismissed.connect(lambda keys: self.scheduler.marks.close(keys, session.clock.now()))
        self.next_reminder = QLabel()
        self.next_reminder.setAccessibleName(self.tr("Next reminder"))
        self.statusBar().addPermanentWidget(self.next_reminder)
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
        self.session.alerts_updated.connect(lambda _alerts: self._settle_reminders())
        self._shortcuts()
        # Enter presses a focused button anywhere in the window (Qt does that only in dialogs);
        # buttons made later (dose rows, alert cards) set it themselves.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(True)
        self.reload_people()
        # The checks and the reminder plan run right after the window first shows (a large
        # journal then opens at once; alerts follow a moment later).
        QTimer.singleShot(0, session.refresh_alerts_later)
        # The reminders start once the first alerts are in (they come from a worker thread): a
        # slot an alert already speaks for is then never also announced as a reminder.
        self._reminders_started = False
        session.alerts_updated.connect(self._start_reminders_once)
        self.resize(1200, 820)

    def _start_reminders_once(self, _alerts: list) -> None:
        if not self._reminders_started:
            self._reminders_started = True
            self.scheduler.start()

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
            self._show_welcome_zone()
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

    def _show_welcome_zone(self) -> None:
        journal = self.session.journal
        settings = journal.get_settings()
        self.welcome.show_zone(settings.timezone, from_computer=not journal.timezone_is_set())
        guess, saved = journal.regional_guess()
        self.welcome.show_number(settings.emergency_number, country=guess.country, confirmed=saved)

    def _confirm_number(self) -> None:
        """First run: the emergency number as shown (or corrected) is saved as the person's choice."""
        text = self.welcome.number_edit.text().strip()
        problem = valid_emergency_number(text)
        if problem:
            self.welcome.number_error.show_error(problem)
            self.welcome.number_edit.setFocus()
            return
        settings = self.session.journal.get_settings()
        settings.emergency_number = text
        save_settings(session=self.session, settings=settings, by=self.session.by, initiator=self)

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
            self._show_welcome_zone()
        if changes.touches(Change.SETTINGS) and self.reference is not None and self.reference.view is not None:
            setter = getattr(self.reference.view, "set_emergency_number", None)
            if setter is not None:
                setter(self.session.emergency_number)
        if changes.touches(Change.PEOPLE | Change.SETTINGS):
            self.due_plan.forget()
        else:
            self.due_plan.forget(changes.patient_id)  # None: everyone (another program's writes, a restore)
        if (changes.touches(Change.DOSES | Change.MEDICINES | Change.PUMP | Change.PEOPLE | Change.SETTINGS)
                and not self._replan_pending):
            # Deferred and coalesced: the view that logged something redraws first.
            self._replan_pending = True
            QTimer.singleShot(0, self._replan)

    def _replan(self) -> None:
        self._replan_pending = False
        self.scheduler.replan("data")

    def _plan_more(self) -> None:
        # The reminder plan goes on with the people left for this turn (DuePlan), then reminds
        # at once of what is due among them, as the start does.
        self.scheduler.replan("more")
        self.scheduler.tick()

    def _alerts_updated(self, alerts: list) -> None:
        if self.emergency.isVisible():
            keys = {a.key for a in self.emergency.emergencies}
            if keys - self._seen_emergencies:
                # A new emergency: raise the window and ask the desktop to flash it.
                self._seen_emergencies |= keys
                first = self.emergency.emergencies[0]
                self.notifier.emergency(self.tr("EMERGENCY: call {number}").format(number=self.session.emergency_number),
                                        f"{first.patient}: {first.title}")

    def remind(self, items: list[DueItem]) -> None:
        """One notification for everything that came due at once (after a sleep: every slot
        that passed meanwhile), a line each in the banner (notifier.compose words it)."""
        if not items:
            return
        now = self.session.clock.now()
        lines = {i.key: f"{i.title_at(now)}: {i.text}" if i.text else i.title_at(now) for i in items}
        summary, body = compose([Note(i.title_at(now), i.text) for i in items])
        self.notifier.notify(summary, body, lines)
        # Said once; in the banner only what no alert speaks for yet.
        self._settle_reminders()
        self._show_next_reminder()

    def _replanned(self, why: str) -> None:
        if why == "start":
            self._restore_reminders()
        elif why == "clock-jump":
            # Back from sleep: the checks look again too, so the alerts say what was missed.
            QTimer.singleShot(0, self.session.refresh_alerts)
        self._settle_reminders()
        self._show_next_reminder()

    def _restore_reminders(self) -> None:
        """On opening: the reminders shown before the app was closed and still open come back
        into the banner quietly (they were announced then; no second notification)."""
        now = self.session.clock.now()
        again = self.scheduler.marks.open_shown()
        lines = {i.key: f"{i.title_at(now)}: {i.text}" for i in self.scheduler.items
                 if i.key in again and i.kind == "dose" and not handed_over(i, self.session.alerts, now)}
        if lines:
            self.reminder_banner.add_lines(lines, None)

    def _settle_reminders(self) -> None:
        """Reminder lines whose slot was answered, or that the missed-dose alert now speaks
        for, leave the banner, and are remembered as settled."""
        now = self.session.clock.now()
        done = settled_keys(set(self.reminder_banner.entries), self.scheduler.items, self.session.alerts, now)
        if done:
            self.reminder_banner.remove(done)
            self.scheduler.marks.close(done, now)

    def _show_next_reminder(self) -> None:
        nxt = self.scheduler.next
        if nxt is None:
            self.next_reminder.setText(self.tr("No reminders planned."))
            return
        when = fmt_datetime(nxt.fire_at.astimezone(self.session.tz), self.session.settings,
                            self.session.now().date())
        where = self.notifier.routes_description()
        self.next_reminder.setText(self.tr("Next reminder {when} ({where}): {what}").format(
                when=when, where=where, what=nxt.item.title))

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
        timer.timeout.connect(lambda: _automatic_backup_later(backups.if_due, window))
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
        # The start backup runs on a worker thread (a copy of the whole file: seconds for a large
        # journal); the window answers meanwhile. SQLite's backup copy is consistent: an entry
        # made while it runs is either in the copy or in the next one.
        _automatic_backup_later(backups.at_start, window)
    return int(app.exec())


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


def _start_backup(backups: BackupService | SharedBackups, window: MainWindow | None = None) -> None:
    _automatic_backup(backups.at_start, window)


def _backup_if_due(backups: BackupService | SharedBackups, window: MainWindow | None = None) -> None:
    _automatic_backup(backups.if_due, window)


def _automatic_backup(make: Callable[[], object], window: MainWindow | None) -> None:
    """Reported in the window (a GUI launcher has no terminal), never fatal."""
    _report_backup(window, _try_backup(make))


def _try_backup(make: Callable[[], object]) -> str | None:
    """None when the backup was made, else the reason it failed (also said on stderr)."""
    try:
        make()
    except Exception as exc:  # noqa: BLE001 - reported, never fatal
        print(f"carejournal: automatic backup failed: {exc}", file=sys.stderr)
        return str(exc).strip() or type(exc).__name__
    return None


def _report_backup(window: MainWindow | None, failure: str | None) -> None:
    from .failures import clear_backup_failure, show_backup_failure

    if window is None:
        return
    if failure is not None:
        show_backup_failure(window, failure)
    else:
        clear_backup_failure(window)


class _BackupReport(QObject):
    """Carries a worker thread's backup outcome to the window (a queued signal: this object
    lives in the GUI thread, which shows or clears the failure)."""

    done = Signal(object)  # None, or the failure's reason

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done.connect(self._show)

    def _show(self, failure: str | None) -> None:
        _report_backup(self._window, failure)


def _automatic_backup_later(make: Callable[[], object], window: MainWindow) -> None:
    """`_automatic_backup` on a worker thread (issue 17: the copy of a large journal takes
    seconds); its outcome is shown in the window when it is done."""
    report = window.findChild(_BackupReport) or _BackupReport(window)

    def work() -> None:
        failure = _try_backup(make)
        try:
            report.done.emit(failure)
        except RuntimeError:  # the window closed while the copy ran: nobody left to tell
            if failure:
                print(f"carejournal: automatic backup failed: {failure}", file=sys.stderr)

    QThreadPool.globalInstance().start(work)
