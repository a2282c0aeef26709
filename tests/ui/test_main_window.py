"""The window as a whole: first run, people, settings, keyboard shortcuts, history, pump."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog

from journal.domain import PumpEvent, PumpEventKind
from journal.ui.dialogs.correction_dialog import CorrectionDialog
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.operations import Change, OpChanges
from journal.ui.operations.settings import save_settings
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    window,
)


def test_first_run_greets_and_adds_the_person(qtbot, empty_journal, clock) -> None:  # noqa: ANN001
    opened: list[bool] = []
    w = build_window(empty_journal, clock, tray_available=False, explore_sample=lambda: opened.append(True))
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.welcome
    assert w.welcome.add_button.text() == "Add the person you care for"
    qtbot.mouseClick(w.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    qtbot.mouseClick(w.welcome.add_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.new_person
    qtbot.keyClicks(w.new_person.name, "Alex")
    qtbot.keyClicks(w.new_person.birth, "2011-02-30")
    qtbot.mouseClick(w.new_person.save_button, Qt.MouseButton.LeftButton)
    assert "not a date" in w.new_person.error.message
    w.new_person.birth.clear()
    qtbot.keyClicks(w.new_person.birth, "2011-02-28")
    qtbot.mouseClick(w.new_person.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.splitter)
    assert [p.name for p in empty_journal.list_patients()] == ["Alex"]
    assert w.person.currentText() == "Alex"
    assert w.tabs.currentWidget() is w.medicines


def test_person_switcher_changes_today(qtbot, window, journal) -> None:  # noqa: ANN001
    from journal.domain import Patient

    journal.add_patient(Patient(name="Jamie"))
    window.reload_people()
    assert window.person.count() == 2
    assert "Robin" in window.today.title.text()
    window.person.setCurrentIndex(window.person.findText("Jamie"))
    qtbot.waitUntil(lambda: "Jamie" in window.today.title.text())
    assert window.today.rows == {}


def test_switching_person_reads_the_hidden_tabs_when_they_are_shown(qtbot, window, journal,  # noqa: ANN001
                                                                    monkeypatch) -> None:
    """Switching person redraws what is on screen; History and Medicines read the new
    person when their tab is opened, never showing the one before (issue 17: one switch, one read)."""
    from journal.domain import Medication, Patient, Quantity, Unit

    jamie = journal.add_patient(Patient(name="Jamie", notes="likes tea")).record_id
    journal.add_medication(jamie, Medication(name="Gabapentin 300 mg capsules", drug="gabapentin",
                                             strength=Quantity(300, Unit.MG)))
    window.reload_people()
    reads: list[str] = []
    for view in (window.history, window.medicines):
        monkeypatch.setattr(view, "refresh", (lambda f, n: lambda: (reads.append(n), f())[1])(view.refresh,
                                                                                          type(view).__name__))
    window.person.setCurrentIndex(window.person.findText("Jamie"))
    qtbot.waitUntil(lambda: "Jamie" in window.today.title.text())
    assert reads == []  # hidden tabs: nothing read yet
    window.tabs.setCurrentWidget(window.medicines)
    assert reads == ["MedicinesView"]
    assert [m.name for m in window.medicines.medications] == ["Gabapentin 300 mg capsules"]
    window.tabs.setCurrentWidget(window.profile)
    assert window.profile.name.text() == "Jamie" and window.profile.notes.text() == "likes tea"
    window.tabs.setCurrentWidget(window.history)
    assert reads == ["MedicinesView", "HistoryView"]
    # on screen, a switch redraws at once
    window.person.setCurrentIndex(window.person.findText("Robin"))
    assert reads[-1] == "HistoryView" and len(reads) == 3


def test_a_tab_opened_in_a_window_not_shown_yet_shows_the_switched_person(qtbot, journal, clock) -> None:  # noqa: ANN001
    """The tab widget shows a page without a show event while the window is hidden (the tray,
    a start minimised): the page still reads the person chosen before it was opened."""
    from journal.domain import Medication, Patient, Quantity, Unit
    from journal.ui.shell.main_window import build_window

    jamie = journal.add_patient(Patient(name="Jamie")).record_id
    journal.add_medication(jamie, Medication(name="Gabapentin 300 mg capsules", drug="gabapentin",
                                             strength=Quantity(300, Unit.MG)))
    w = build_window(journal, clock, tray_available=False)
    qtbot.addWidget(w)
    w.person.setCurrentIndex(w.person.findText("Jamie"))
    w.tabs.setCurrentWidget(w.medicines)
    assert [m.name for m in w.medicines.medications] == ["Gabapentin 300 mg capsules"]
    w.tabs.setCurrentWidget(w.history)
    assert w.history.session.patient_id == jamie and not w.history._dirty


def test_settings_change_the_emergency_number_everywhere(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    def run(self) -> int:  # noqa: ANN001
        self.emergency.setCurrentText("abc")
        self.save_button.click()
        assert "digits only" in self.error.message
        self.emergency.setCurrentText("112")
        self.lead.setValue(30)
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", run)
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert window.session.settings.emergency_number == "112"
    assert window.session.settings.reminder_lead_minutes == 30
    qtbot.waitUntil(lambda: "112" in window.alerts.footer.text())


def test_ctrl_d_goes_to_the_next_due_dose(qtbot, window) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(window.history)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.today
    assert QApplication.focusWidget() is window.today.slot_button(TABLETS, "14:00")


def test_shortcuts_exist_for_dose_and_symptom(qtbot, window) -> None:  # noqa: ANN001
    assert window.shortcut_dose.key().toString() == "Ctrl+D"
    assert window.shortcut_symptom.key().toString() == "Ctrl+S"
    window.shortcut_symptom.activated.emit()
    assert window.tabs.currentWidget() is window.symptom_form


def test_every_control_has_words_for_screen_readers(qtbot, window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
    )

    unnamed = []
    for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTableWidget, QListWidget):
        for w in window.findChildren(cls):
            if w.objectName().startswith("qt_") or isinstance(w.parent(), QComboBox | QAbstractSpinBox):
                continue  # Qt's own parts of a control
            text = w.text().replace("&", "").strip() if isinstance(w, QAbstractButton) else ""
            if not (w.accessibleName() or text):
                unnamed.append(f"{type(w).__name__} in {type(w.parent()).__name__}")
    assert unnamed == []


def test_history_shows_a_correction_with_the_earlier_value(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(window.history)
    hv = window.history
    qtbot.waitUntil(lambda: any("Dose: " + TABLETS in r for r in hv.row_texts()))
    row = next(i for i, e in enumerate(hv.shown) if e.entity == "dose")
    hv.table.selectRow(row)

    def run(self: CorrectionDialog) -> int:
        self.amount.clear()
        qtbot.keyClicks(self.amount, "5 mg")
        self.save_button.click()
        assert "why" in self.error.message.lower()
        qtbot.keyClicks(self.reason, "half a tablet, not a whole one")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(CorrectionDialog, "exec", run)
    qtbot.mouseClick(hv.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("amount was 10 mg" in r for r in hv.row_texts()))
    text = next(r for r in hv.row_texts() if "amount was 10 mg" in r)
    assert "5 mg" in text and "half a tablet" in text


def test_history_filter_and_note(qtbot, window) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(window.history)
    hv = window.history
    qtbot.keyClicks(hv.note_edit, "Ask about the evening spasms")
    hv.for_doctor.setChecked(True)
    qtbot.mouseClick(hv.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("Question for the doctor" in r for r in hv.row_texts()))
    hv.kind.setCurrentIndex(hv.kind.findData("dose"))
    assert hv.row_texts() and all("Dose:" in r for r in hv.row_texts())
    hv.kind.setCurrentIndex(hv.kind.findData("note"))
    assert len(hv.row_texts()) == 1


def test_pump_refill_countdown(qtbot, window, journal) -> None:  # noqa: ANN001
    pv = window.pump
    window.tabs.setCurrentWidget(pv)
    assert "No pump recorded" in pv.countdown.text()
    pv.kind.setCurrentIndex(pv.kind.findData(PumpEventKind.REFILL))
    pv.when.set_value(at(11, 0))
    qtbot.keyClicks(pv.volume, "20")
    qtbot.keyClicks(pv.concentration, "2000")
    qtbot.keyClicks(pv.daily, "40000")
    qtbot.mouseClick(pv.save_button, Qt.MouseButton.LeftButton)
    assert "daily dose" in pv.error.message
    pv.daily.clear()
    qtbot.keyClicks(pv.daily, "400")
    due = date(2026, 12, 5)
    from PySide6.QtCore import QDate

    pv.next_refill.setDate(QDate(due.year, due.month, due.day))
    qtbot.mouseClick(pv.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Next refill in 12 days" in pv.countdown.text())


def test_pump_overdue_countdown(qtbot, journal, clock) -> None:  # noqa: ANN001
    pid = patient_id(journal)
    journal.log_pump_event(pid, PumpEvent(at=at(10) - timedelta(days=90), kind=PumpEventKind.REFILL, volume_ml=20,
                                          concentration_mcg_per_ml=500, daily_dose_mcg=300,
                                          next_refill_due=date(2026, 11, 20)))
    w = build_window(journal, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentWidget(w.pump)
    qtbot.waitUntil(lambda: "OVERDUE by 3 days" in w.pump.countdown.text())
    assert "Refill" in w.pump.last.text()  # the refill from 90 days ago is still known


def test_a_clinic_dose_change_does_not_move_the_refill_date(qtbot, journal, clock) -> None:  # noqa: ANN001
    """Logging the clinic's reprogramming without a new date keeps the refill date the clinic set
    (it used to save a made-up date 90 days ahead, and the refill warning went away)."""
    pid = patient_id(journal)
    journal.log_pump_event(pid, PumpEvent(at=at(10) - timedelta(days=60), kind=PumpEventKind.REFILL, volume_ml=20,
                                          concentration_mcg_per_ml=500, daily_dose_mcg=300,
                                          next_refill_due=date(2026, 11, 30)))
    w = build_window(journal, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    pv = w.pump
    w.tabs.setCurrentWidget(pv)
    qtbot.waitUntil(lambda: "Next refill in 7 days" in pv.countdown.text())
    pv.kind.setCurrentIndex(pv.kind.findData(PumpEventKind.DOSE_CHANGE))
    assert "no new date" in pv.next_refill.text()
    qtbot.keyClicks(pv.daily, "325")
    qtbot.mouseClick(pv.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Logged: Dose change" in pv.result.text())
    assert "Next refill in 7 days" in pv.countdown.text()
    change = [e for e in journal.history(pid, at(0), at(23, 59)).pump_events if e.kind is PumpEventKind.DOSE_CHANGE]
    assert [e.next_refill_due for e in change] == [None]


def test_a_refill_asks_for_the_next_refill_date_instead_of_guessing(qtbot, window, journal) -> None:  # noqa: ANN001
    pv = window.pump
    window.tabs.setCurrentWidget(pv)
    pv.kind.setCurrentIndex(pv.kind.findData(PumpEventKind.REFILL))
    assert "printout" in pv.next_refill.text()
    pv.when.set_value(at(11, 0))
    qtbot.keyClicks(pv.volume, "20")
    qtbot.keyClicks(pv.concentration, "2000")
    qtbot.keyClicks(pv.daily, "400")
    qtbot.mouseClick(pv.save_button, Qt.MouseButton.LeftButton)
    assert "next refill date" in pv.error.message
    assert journal.history(patient_id(journal), at(0), at(23, 59)).pump_events == []
    field = pv.next_refill
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2))
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)  # opens on the refill's month
    calendar.window().hide()
    pv.note.setFocus()
    assert "printout" in field.text()  # nothing picked: still says so
    pv.next_refill.setFocus()  # by keyboard: the arrows step a day at a time from the refill's day
    qtbot.waitUntil(pv.next_refill.hasFocus)
    assert pv.next_refill.text() == "2026-11-23"
    for _ in range(3):
        qtbot.keyClick(pv.next_refill, Qt.Key.Key_Up)
    assert pv.refill_date() == date(2026, 11, 26)
    qtbot.mouseClick(pv.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Next refill in 3 days" in pv.countdown.text())
    assert "printout" in pv.next_refill.text()  # ready for the next event, no date carried over


def test_dialog_cancel_changes_nothing(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected.value))
    before = journal.get_settings()
    window.open_settings()
    assert journal.get_settings() == before


def test_guide_opens_on_the_topic(qtbot, window) -> None:  # noqa: ANN001
    qtbot.keyClick(window, Qt.Key.Key_F1)
    window.show_topic("missed-doses")
    ref = window.reference
    assert ref is not None and ref.isVisible()
    assert ref.view.current_topic == "missed-doses"
    assert "dose" in ref.view.topic_text().lower()


def test_report_dialog_opens_for_the_person(qtbot, window) -> None:  # noqa: ANN001
    dlg = window.open_report()
    assert dlg is not None
    qtbot.addWidget(dlg)
    assert dlg.isVisible()
    dlg.close()


def test_closing_keeps_running_in_the_tray(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = build_window(journal, clock, tray_available=True)
    qtbot.addWidget(w)
    w.show()
    assert w.notifier.uses_tray
    qtbot.waitUntil(w.scheduler.timer.isActive)
    w.close()
    assert not w.isVisible()
    assert w.scheduler.timer.isActive()  # still reminding from the tray
    w.notifier.activated.emit()  # clicking the tray icon brings it back
    qtbot.waitUntil(w.isVisible)
    w.quit()
    assert not w.isVisible() and not w.scheduler.timer.isActive()


def test_settings_refuse_an_unknown_time_zone(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    def run(self) -> int:  # noqa: ANN001
        self.timezone.setCurrentText("Mars/Olympus")
        self.save_button.click()
        assert "not a time zone" in self.error.message
        self.timezone.setCurrentText("Europe/London")
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.open_settings()
    assert window.session.journal.get_settings().timezone == "Europe/London"


def test_removing_an_entry_needs_a_reason(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    window.tabs.setCurrentWidget(window.history)
    hv = window.history
    qtbot.waitUntil(lambda: bool(hv.shown))
    hv.table.selectRow(next(i for i, e in enumerate(hv.shown) if e.entity == "dose"))
    answers = iter([("", True), ("logged for the wrong person", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    qtbot.mouseClick(hv.remove_button, Qt.MouseButton.LeftButton)
    assert "nothing was removed" in hv.error.message
    qtbot.mouseClick(hv.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(e.entity == "dose" for e in hv.shown))
    removed = [r for r in hv.row_texts() if "REMOVED dose" in r]
    assert len(removed) == 1 and "logged for the wrong person" in removed[0] and TABLETS in removed[0]
    revs = journal.revisions(patient_id(journal))
    assert [(r.action, r.reason) for r in revs] == [("remove", "logged for the wrong person")]
    # 08:00 is past its grace at 15:30: nothing logged, as the missed-dose check says
    assert window.today.slot_state(TABLETS, "08:00") == "unlogged"


def test_sample_journal_opens_apart_from_the_real_one(qtbot, empty_journal, clock) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import open_sample_window

    sample = open_sample_window(clock)
    qtbot.addWidget(sample)
    assert sample.demo and "SAMPLE" in sample.windowTitle()
    assert sample.session.journal.path != empty_journal.path
    assert sample.person.count() >= 1
    assert empty_journal.list_patients() == []


def test_profile_keeps_kidney_function_and_contacts(qtbot, window, journal) -> None:  # noqa: ANN001
    from journal.domain import RenalImpairment

    pf = window.profile
    window.tabs.setCurrentWidget(pf)
    assert pf.name.text() == "Robin"
    pf.kidney.setCurrentIndex(pf.kidney.findData(RenalImpairment.MODERATE))
    pf.contacts.setPlainText("Dr Lee 555-0100\nPump clinic 555-0199 (day and night)")
    qtbot.keyClicks(pf.conditions, "multiple sclerosis")
    qtbot.mouseClick(pf.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in pf.result.text()
    p = journal.get_patient(patient_id(journal))
    assert p.renal_impairment is RenalImpairment.MODERATE
    assert p.conditions == ["multiple sclerosis"] and "555-0199" in p.contacts


def test_twelve_hour_times_follow_the_settings(qtbot, window, journal) -> None:  # noqa: ANN001
    s = journal.get_settings()
    s.time_format = "%I:%M %p"
    save_settings(session=window.session, settings=s, by="")
    qtbot.waitUntil(lambda: "Given 8:05 AM" in window.today.slot_text(TABLETS, "08:00"))
    assert window.today._row(TABLETS, "14:00").time_label.text() == "2:00 PM"


def test_given_now_is_reachable_with_the_tab_key(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.person.setFocus()
    target = window.today.slot_button(TABLETS, "14:00")
    for _ in range(60):
        if QApplication.focusWidget() is target:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target
    qtbot.keyClick(target, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.today.slot_state(TABLETS, "14:00") == "given")


def test_views_refresh_only_what_a_change_affects(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    calls: list[str] = []
    monkeypatch.setattr(window.today, "refresh", lambda: calls.append("today"))
    window.session.operation_did_execute.emit(OpChanges(Change.SYMPTOMS | Change.ALERTS))
    assert calls == []
    window.session.operation_did_execute.emit(OpChanges(Change.DOSES | Change.ALERTS))
    assert calls == ["today"]


def test_history_stays_readable_at_a_large_font(qtbot, journal, clock) -> None:  # noqa: ANN001
    """At a large system font every entry's text wraps inside the visible table: nothing is pushed
    off to the right and no row grows into a tall sliver."""
    from PySide6.QtGui import QFont

    app = QApplication.instance()
    normal = QFont(app.font())
    big = QFont(normal)
    big.setPointSizeF(18)
    app.setFont(big)
    try:
        w = build_window(journal, clock, tray_available=False)
        qtbot.addWidget(w)
        w.resize(1240, 860)
        w.show()
        w.tabs.setCurrentWidget(w.history)
        hv = w.history
        qtbot.waitUntil(lambda: hv.table.rowCount() > 0)
        qtbot.wait(100)  # the row refit after the columns settle
        viewport = hv.table.viewport().width()
        header = hv.table.horizontalHeader()
        assert header.sectionPosition(1) + header.sectionSize(1) <= viewport + 1
        assert header.sectionSize(1) >= viewport // 2  # the text gets most of the width
        line = hv.table.fontMetrics().lineSpacing()
        for r in range(hv.table.rowCount()):
            lines = hv.table.item(r, 1).text().count("\n") + 1
            assert hv.table.rowHeight(r) <= (lines * 2 + 1) * line, hv.table.item(r, 1).text()
    finally:
        app.setFont(normal)


def test_the_pump_countdown_counts_days_in_plain_words() -> None:
    from datetime import date as d

    from journal.ui.screens.pump_view import countdown_text

    today = d(2026, 11, 23)
    assert countdown_text(d(2026, 11, 24), today, None)[0].startswith("Next refill in 1 day:")
    assert countdown_text(d(2026, 11, 22), today, None)[0].startswith("Refill OVERDUE by 1 day ")
    assert countdown_text(d(2026, 11, 30), today, None)[0].startswith("Next refill in 7 days:")
