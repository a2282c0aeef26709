"""Second look at the window: what a tired caregiver at 2 a.m., a keyboard-only user and a
screen-reader user ran into, each fixed and pinned here."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea

from journal.domain import DoseStatus, ObservationKind, PumpEventKind
from journal.ui.dialogs.dose_dialog import DoseDialog
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.screens.symptom_form import SymptomForm
from journal.ui.screens.today_view import TodayView
from journal.ui.screens.vitals_form import VitalsForm
from tests.ui.conftest import (  # noqa: F401
    LIQUID,
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    session,
    window,
)


def fake_exec(fill):  # noqa: ANN001, ANN201
    def run(self) -> int:  # noqa: ANN001
        fill(self)
        self.save_button.click()
        return int(self.result())
    return run


def set_emergency_number(window, monkeypatch, number: str) -> None:  # noqa: ANN001
    def run(self) -> int:  # noqa: ANN001
        self.emergency.setCurrentText(number)
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", run)
    qtbot_click(window.settings_button)


def qtbot_click(button: QAbstractButton) -> None:
    button.click()


# -- a form left open for hours stamps entries with the real time ------------------------------

def test_a_symptom_logged_hours_after_opening_gets_the_real_time(qtbot, session, journal, clock) -> None:  # noqa: ANN001
    form = SymptomForm(session)
    qtbot.addWidget(form)
    form.show()
    assert form.when.value() == at(15, 30)
    clock.set(at(23, 50))  # the window stayed open all evening
    form.choose("seizure")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    entries = journal.history(patient_id(journal), at(0), at(23, 59)).symptoms
    assert [e.at for e in entries] == [at(23, 50)]
    assert "23:50" in form.result.text()


def test_a_time_typed_by_hand_is_kept_until_the_page_is_left(qtbot, session, journal, clock) -> None:  # noqa: ANN001
    form = VitalsForm(session)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.when.setFocus()
    qtbot.keyClicks(form.when, "2026112313")  # year, month, day, hour: 13:xx
    assert not form.when.following
    typed = form.when.value()
    assert typed.hour == 13
    clock.set(at(16, 10))
    form.choose_kind(ObservationKind.HEART_RATE)
    qtbot.keyClicks(form.value, "88")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    obs = journal.history(patient_id(journal), at(0), at(23, 59)).observations
    assert [o.at for o in obs] == [typed]
    # leave the page and come back later: "when" is now again
    form.hide()
    clock.set(at(18, 0))
    form.show()
    assert form.when.value() == at(18, 0)


# -- keyboard and screen reader ------------------------------------------------------------------

def test_tab_leaves_the_history_timeline(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.history)
    qtbot.waitUntil(lambda: window.history.table.rowCount() > 0)
    window.history.table.setFocus()
    qtbot.keyClick(window.history.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.history.correct_button


def test_every_tab_stop_has_words_and_none_is_an_empty_scroll_area(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.person.setFocus()
    stops = []
    for _ in range(80):
        w = QApplication.focusWidget()
        stops.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.person:
            break
    assert QApplication.focusWidget() is window.person, "Tab never came back round"
    assert not [w for w in stops if isinstance(w, QScrollArea)]
    unnamed = [type(w).__name__ for w in stops
               if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))]
    assert unnamed == []
    # the order follows the screen: person, sections, today's doses, then the alerts
    assert stops.index(window.tabs.tabBar()) < stops.index(window.today.slot_button(TABLETS, "14:00"))


def test_a_screen_reader_hears_the_state_with_the_dose_button(qtbot, session) -> None:  # noqa: ANN001
    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()
    name = view.slot_button(TABLETS, "14:00").accessibleName()
    assert name.startswith(f"{TABLETS} 14:00") and "OVERDUE" in name and "Given now" in name
    qtbot.mouseClick(view.slot_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.slot_state(TABLETS, "14:00") == "given")
    # the "Given now" button is disabled then; the other button still says what happened
    assert "Given 15:30" in view.other_button(TABLETS, "14:00").accessibleName()
    assert view.slot_button(TABLETS, "14:00").accessibleName().endswith("Already given")


# -- back-filling --------------------------------------------------------------------------------

def test_back_filling_yesterday_evening_after_midnight_says_where_it_is(qtbot, session, journal, clock,
                                                                        monkeypatch) -> None:  # noqa: ANN001
    clock.set(at(1, 10) + timedelta(days=1))  # 01:10 on Tuesday
    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()

    def fill(dlg: DoseDialog) -> None:
        dlg.set_medicine(TABLETS)
        dlg.when.set_value(at(20, 40))  # Monday evening

    monkeypatch.setattr(DoseDialog, "exec", fake_exec(fill))
    view.open_any_dialog()
    text = view.status.text()
    assert f"{TABLETS}, given, yesterday 20:40" in text
    assert "yesterday's page" in text
    qtbot.mouseClick(view.day_button, Qt.MouseButton.LeftButton)
    assert view.slot_state(TABLETS, "20:00") == "given"
    assert "Given 20:40" in view.slot_text(TABLETS, "20:00")


def test_a_refused_dose_shows_at_once_in_plain_words(qtbot, session, monkeypatch) -> None:  # noqa: ANN001
    view = TodayView(session)
    qtbot.addWidget(view)
    view.show()

    def fill(dlg: DoseDialog) -> None:
        dlg.set_status(DoseStatus.REFUSED)

    monkeypatch.setattr(DoseDialog, "exec", fake_exec(fill))
    qtbot.mouseClick(view.other_button(TABLETS, "14:00"), Qt.MouseButton.LeftButton)
    assert view.slot_state(TABLETS, "14:00") == "refused"
    assert "Refused" in view.slot_text(TABLETS, "14:00")
    assert "refused, today 14:00" in view.status.text()
    assert "page" not in view.status.text()  # it is on the page being looked at


# -- the emergency number, everywhere it is shown ----------------------------------------------

def test_the_open_guide_and_the_pump_alarm_advice_follow_the_emergency_number(qtbot, window,
                                                                              monkeypatch) -> None:  # noqa: ANN001
    window.show_topic("when-to-call")
    guide = window.reference
    assert guide is not None and guide.view is not None
    assert "911" in guide.view.notice.text()
    window.tabs.setCurrentWidget(window.pump)
    window.pump.kind.setCurrentIndex(window.pump.kind.findData(PumpEventKind.ALARM))
    assert "call 911" in window.pump.alarm_hint.text()
    set_emergency_number(window, monkeypatch, "112")
    assert "112" in guide.view.notice.text() and "911" not in guide.view.notice.text()
    assert "call 112" in window.pump.alarm_hint.text()
    assert "112" in window.symptom_form.footer.text()
    qtbot.waitUntil(lambda: "112" in window.alerts.footer.text())


def test_alert_cards_redraw_with_the_new_emergency_number(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import Alert, Severity

    urgent = Alert(rule="abrupt-stop", severity=Severity.URGENT, patient="Robin", since=at(14),
                   title="No baclofen for 20 hours", message="m", advice="Call the doctor today.",
                   evidence=["e"], reference="withdrawal", patient_id=patient_id(journal))
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [urgent])
    window.session.refresh_alerts()
    qtbot.waitUntil(lambda: len(window.alerts.cards) == 1)
    assert "call 911" in window.alerts.cards[0].todo.text()
    set_emergency_number(window, monkeypatch, "999")
    qtbot.waitUntil(lambda: "call 999" in window.alerts.cards[0].todo.text())


# -- reminders without a tray ----------------------------------------------------------------------

def test_a_reminder_is_not_lost_when_the_window_is_hidden(qtbot, window) -> None:  # noqa: ANN001
    banner = window.reminder_banner
    window.notifier.notify("Pump refill due in 3 days", "Check the appointment is booked.")
    window.hide()
    window.show()
    window.notifier.notify(f"{TABLETS} at 20:00", "Robin")
    text = banner.label.text()
    assert "Pump refill due in 3 days" in text and "20:00" in text
    assert banner.isVisible()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    window.notifier.notify("Next one", "")
    assert "Pump refill" not in banner.label.text()


# -- a large system font -------------------------------------------------------------------------

def test_a_large_system_font_fits_the_screen_without_clipped_text(qtbot, journal, clock) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from journal.domain import Alert, Severity
    from journal.ui.shell.main_window import build_window

    app = QApplication.instance()
    normal = app.font()
    big = app.font()
    big.setPointSizeF(normal.pointSizeF() * 1.8)
    long_text = "Several sentences of evidence and advice that wrap over many lines in a narrow panel. " * 4
    urgent = Alert(rule="abrupt-stop", severity=Severity.URGENT, patient="Robin", since=at(14),
                   title="No baclofen for 20 hours", message=long_text, advice=long_text,
                   evidence=["e1", "e2"], reference="withdrawal", patient_id=patient_id(journal))
    journal.check = lambda now=None, patient_id=None: [urgent]  # type: ignore[method-assign]
    app.setFont(big)
    try:
        w = build_window(journal, clock, tray_available=False)
        qtbot.addWidget(w)
        w.resize(1240, 860)
        w.show()
        qtbot.waitUntil(lambda: len(w.alerts.cards) == 1)
        assert w.minimumSizeHint().width() <= 1280  # the window still fits a 1280-wide screen
        qtbot.waitUntil(lambda: w.today.two_lines)  # buttons under the words, amount not squeezed

        def amount_fits() -> bool:
            amount = w.today._row(TABLETS, "14:00").amount_label
            return amount.width() >= amount.fontMetrics().horizontalAdvance(amount.text())

        def clipped() -> list[str]:
            return [lab.text()[:30] for lab in w.alerts.findChildren(QLabel)
                    if lab.isVisible() and lab.wordWrap() and lab.text()
                    and lab.height() < lab.heightForWidth(lab.width())]

        qtbot.waitUntil(amount_fits)
        qtbot.waitUntil(lambda: not w.today.scroll_area.horizontalScrollBar().isVisible())
        row = w.today._row(TABLETS, "14:00")
        assert row.other_button.width() >= row.other_button.sizeHint().width()
        qtbot.waitUntil(lambda: not clipped())
    finally:
        app.setFont(normal)


def test_at_the_usual_font_each_dose_fits_on_one_line(qtbot, window) -> None:  # noqa: ANN001
    window.resize(1240, 860)
    qtbot.waitUntil(lambda: window.today.width() > 600)
    assert not window.today.two_lines
    row = window.today._row(TABLETS, "14:00")
    qtbot.waitUntil(lambda: row.given_button.y() == row.amount_label.y() or  # once laid out again
                    abs(row.given_button.geometry().center().y() - row.amount_label.geometry().center().y()) < 20)


def test_a_long_given_line_does_not_push_the_buttons_out_of_sight(qtbot, window, journal) -> None:  # noqa: ANN001
    """ "Given 14:05 (20 mg = 2 tablets of 10 mg) by Alexandra" is longer than "OVERDUE": the slot
    goes onto two lines instead of hiding "Other time / not given..." behind a sideways scroll
    (as on the Yesterday page, where every dose reads like that)."""
    from journal.domain import Dose, Quantity, Unit

    pid = patient_id(journal)
    tablets = journal.find_medication(pid, TABLETS)
    window.resize(1240, 860)
    qtbot.waitUntil(lambda: window.today.width() > 600)
    window.session.apply(lambda: journal.log_dose(pid, Dose(
        medication_id=tablets.id, status=DoseStatus.TAKEN, scheduled=at(14), given=at(14, 5),
        amount=Quantity(20, Unit.MG), by="Alexandra")))
    today = window.today
    qtbot.waitUntil(lambda: "by Alexandra" in today.slot_text(TABLETS, "14:00"))
    row = today._row(TABLETS, "14:00")
    qtbot.waitUntil(lambda: not today.scroll_area.horizontalScrollBar().isVisible())
    assert row.other_button.width() >= row.other_button.sizeHint().width()
    right = row.other_button.mapTo(today.scroll_area.viewport(), row.other_button.rect().topRight()).x()
    assert right <= today.scroll_area.viewport().width()
    assert row.amount_label.width() >= row.amount_label.fontMetrics().horizontalAdvance(row.amount_label.text())
    today.toggle_day()  # yesterday: every slot says "Already given" / "Given at ..." and who gave it
    qtbot.waitUntil(lambda: not today.scroll_area.horizontalScrollBar().isVisible())


def test_correcting_a_liquid_dose_shows_the_concentration_beside_the_ml(qtbot, window, journal,
                                                                         monkeypatch) -> None:  # noqa: ANN001
    from journal.domain import Dose, Quantity, Unit
    from journal.ui.dialogs.correction_dialog import CorrectionDialog

    pid = patient_id(journal)
    liquid = journal.find_medication(pid, LIQUID)
    window.session.apply(lambda: journal.log_dose(pid, Dose(
        medication_id=liquid.id, status=DoseStatus.TAKEN, given=at(13, 0), amount=Quantity(5, Unit.ML))))
    hv = window.history
    window.tabs.setCurrentWidget(hv)
    qtbot.waitUntil(lambda: any(f"Dose: {LIQUID}" in r for r in hv.row_texts()))
    hv.table.selectRow(next(i for i, e in enumerate(hv.shown) if e.what == f"Dose: {LIQUID}"))
    seen: list[str] = []

    def run(self: CorrectionDialog) -> int:
        seen.append(self.amount_check.text())
        self.amount.clear()
        qtbot.keyClicks(self.amount, "2.5 mL")
        seen.append(self.amount_check.text())
        return 0

    monkeypatch.setattr(CorrectionDialog, "exec", run)
    qtbot.mouseClick(hv.correct_button, Qt.MouseButton.LeftButton)
    assert seen == ["Check: 5 mL of 5 mg per 5 mL = 5 mg", "Check: 2.5 mL of 5 mg per 5 mL = 2.5 mg"]


def test_a_new_emergency_is_announced_to_a_screen_reader_once(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAccessible

    from journal.domain import Alert, Severity

    said: list[str] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        staticmethod(lambda e: said.append(e.message()) if hasattr(e, "message") else None))
    seizure = Alert(rule="red-flag-symptom", severity=Severity.EMERGENCY, patient="Robin", since=at(15),
                    title="Seizure logged", message="m", advice="Call now.", evidence=["e"],
                    reference="when-to-call", patient_id=patient_id(journal))
    monkeypatch.setattr(journal, "check", lambda now=None, patient_id=None: [seizure])
    window.session.refresh_alerts()
    qtbot.waitUntil(window.emergency.isVisible)
    assert said == ["EMERGENCY: call 911 now - Robin: Seizure logged"]
    window.session.refresh_alerts()  # the checks run again every minute: not said again
    assert said == ["EMERGENCY: call 911 now - Robin: Seizure logged"]


def test_a_reading_back_filled_for_yesterday_says_yesterday(qtbot, session, journal) -> None:  # noqa: ANN001
    form = VitalsForm(session)
    qtbot.addWidget(form)
    form.show()
    form.when.set_value(at(21, 15) - timedelta(days=1))
    qtbot.keyClicks(form.value, "37.9")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Temperature, yesterday 21:15" in form.result.text()


def test_a_reminder_in_the_window_is_read_out_politely(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAccessible

    said: list[tuple[str, object]] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(
        lambda e: said.append((e.message(), e.politeness())) if hasattr(e, "message") else None))
    window.notifier.notify(f"{TABLETS} at 20:00", "Robin")
    assert said == [(f"Reminder: {TABLETS} at 20:00: Robin", QAccessible.AnnouncementPoliteness.Polite)]


def test_ctrl_d_then_enter_gives_the_dose(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    button = window.today.slot_button(TABLETS, "14:00")
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.today.slot_state(TABLETS, "14:00") == "given")
