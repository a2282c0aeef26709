"""Alerts: most severe first, colour + icon + words, evidence and advice, guidance link,
acknowledging with a note, and the emergency banner that stays until acknowledged."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal.domain import Alert, Severity
from tests.ui.conftest import at, clock, empty_journal, journal, no_blocking_dialogs, patient_id, window  # noqa: F401


def alert(rule: str, sev: Severity, title: str, pid: int = 1) -> Alert:
    return Alert(rule=rule, severity=sev, patient="Robin", since=at(14), title=title,
                 message=f"{title} (message)", advice=f"{title} (advice)",
                 evidence=[f"evidence {i}" for i in range(6)], reference="when-to-call", patient_id=pid)


@pytest.fixture
def fixed_alerts(journal, monkeypatch):  # noqa: ANN001, ANN201
    """The journal's checks replaced by a fixed list (acknowledged ones filtered like the service)."""
    pid = patient_id(journal)
    alerts = [alert("missed-dose", Severity.WARNING, "A dose was missed", pid),
              alert("red-flag-symptom", Severity.EMERGENCY, "Seizure logged", pid),
              alert("pump-refill-due", Severity.INFO, "Pump refill soon", pid),
              alert("abrupt-stop", Severity.URGENT, "No baclofen for 20 hours", pid)]

    def check(now=None, patient_id=None):  # noqa: ANN001, ANN202
        acked = {a.alert_key for a in journal.acknowledgements(None)}
        return [a for a in alerts if a.key not in acked]

    monkeypatch.setattr(journal, "check", check)
    return alerts


@pytest.fixture
def loaded(qtbot, fixed_alerts, window):  # noqa: ANN001, ANN201
    """The window once its first check has run (the checks run just after it shows)."""
    qtbot.waitUntil(lambda: len(window.alerts.cards) == 4)
    return window


def test_most_severe_first_with_icon_and_words(qtbot, fixed_alerts, window) -> None:  # noqa: ANN001
    panel = window.alerts
    qtbot.waitUntil(lambda: len(panel.cards) == 4)
    assert panel.card_titles() == ["Seizure logged", "No baclofen for 20 hours", "A dose was missed",
                                   "Pump refill soon"]
    headings = [c.heading.text() for c in panel.cards]
    assert headings[0].startswith("\u203c EMERGENCY")
    assert headings[1].startswith("\u26a0 Urgent")
    assert headings[2].startswith("\u25b2 Warning")
    assert "1 emergency, 1 urgent, 1 warning, 1 note" in panel.summary.text()


def test_card_shows_evidence_and_what_to_do(qtbot, loaded, window) -> None:  # noqa: ANN001
    card = window.alerts.cards[1]
    assert "What to do: No baclofen for 20 hours (advice)" in card.todo.text()
    assert "call 911" in card.todo.text()
    assert "evidence 0" in card.evidence.text() and "and 2 more" in card.evidence.text()


def test_guidance_link_opens_the_topic(qtbot, loaded, window) -> None:  # noqa: ANN001
    opened: list[str] = []
    window.alerts.topic_requested.connect(opened.append)
    qtbot.mouseClick(window.alerts.cards[2].read_button, Qt.MouseButton.LeftButton)
    assert opened == ["when-to-call"]
    assert window.reference is not None and window.reference.isVisible()


def test_emergency_banner_cannot_be_missed(qtbot, fixed_alerts, window) -> None:  # noqa: ANN001
    banner = window.emergency
    qtbot.waitUntil(banner.isVisible)
    assert "EMERGENCY: call 911 now" in banner.headline.text()
    assert "Seizure logged" in banner.headline.text()
    # moving between tabs does not hide it
    window.tabs.setCurrentIndex(3)
    assert banner.isVisible()


def test_emergency_needs_a_note_to_acknowledge(qtbot, fixed_alerts, window, journal) -> None:  # noqa: ANN001
    banner = window.emergency
    qtbot.waitUntil(banner.isVisible)
    qtbot.mouseClick(banner.ack_button, Qt.MouseButton.LeftButton)
    assert banner.isVisible()
    assert "few words" in banner.note_edit.placeholderText()
    assert journal.acknowledgements(None) == []


def test_the_emergency_card_also_needs_a_note(qtbot, loaded, window, journal) -> None:  # noqa: ANN001
    """The card in the Alerts list is no way round the banner's note: an empty one is refused."""
    qtbot.waitUntil(window.emergency.isVisible)
    card = next(c for c in window.alerts.cards if c.alert.severity is Severity.EMERGENCY)
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.confirm_button, Qt.MouseButton.LeftButton)
    assert journal.acknowledgements(None) == []
    assert window.emergency.isVisible()
    assert "Seizure logged" in window.alerts.card_titles()
    assert "few words" in card.note_edit.placeholderText()
    qtbot.keyClicks(card.note_edit, "called 911, ambulance here")
    qtbot.keyClick(card.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.emergency.isVisible())
    assert [a.note for a in journal.acknowledgements(None)] == ["called 911, ambulance here"]


def test_acknowledging_the_emergency_hides_the_banner(qtbot, fixed_alerts, window, journal) -> None:  # noqa: ANN001
    banner = window.emergency
    qtbot.waitUntil(banner.isVisible)
    qtbot.keyClicks(banner.note_edit, "called 911 at 15:32, ambulance on the way")
    qtbot.keyClick(banner.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not banner.isVisible())
    acks = journal.acknowledgements(None)
    assert [(a.rule, a.note) for a in acks] == [("red-flag-symptom", "called 911 at 15:32, ambulance on the way")]
    assert "Seizure logged" not in window.alerts.card_titles()


def test_acknowledging_a_card_with_a_note(qtbot, loaded, window, journal) -> None:  # noqa: ANN001
    card = next(c for c in window.alerts.cards if c.alert.rule == "missed-dose")
    assert not card.ack_box.isVisible()
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    assert card.ack_box.isVisible()
    qtbot.keyClicks(card.note_edit, "gave it late at 16:40")
    qtbot.mouseClick(card.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "A dose was missed" not in window.alerts.card_titles())
    assert [a.note for a in journal.acknowledgements(None)] == ["gave it late at 16:40"]


def test_no_alerts_says_so_calmly(qtbot, window) -> None:  # noqa: ANN001
    window.session.alerts_updated.emit([])
    assert "Nothing needs your attention" in window.alerts.summary.text()
    assert not window.emergency.isVisible()


def test_logging_a_seizure_raises_the_emergency_banner(qtbot, window, journal) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(window.symptom_form)
    form = window.symptom_form
    form.choose("seizure")
    form.when.set_value(at(15, 25))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.emergency.isVisible, timeout=3000)
    assert "call 911 now" in window.emergency.headline.text()
    qtbot.keyClicks(window.emergency.note_edit, "called 911")
    qtbot.mouseClick(window.emergency.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.emergency.isVisible(), timeout=3000)




def test_a_note_being_typed_survives_a_recheck(qtbot, loaded, window) -> None:  # noqa: ANN001
    card = next(c for c in window.alerts.cards if c.alert.rule == "pump-refill-due")
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.note_edit, "booked for Friday")
    window.session.refresh_alerts()  # the minute timer does this
    same = next(c for c in window.alerts.cards if c.alert.rule == "pump-refill-due")
    assert same is card and same.note_edit.text() == "booked for Friday"


def test_checks_that_fail_are_not_silent(qtbot, window, journal, monkeypatch) -> None:  # noqa: ANN001
    def broken(now=None, patient_id=None):  # noqa: ANN001, ANN202
        raise RuntimeError("drug data unreadable")

    monkeypatch.setattr(journal, "check", broken)
    window.session.refresh_alerts()
    assert window.alerts.card_titles() == ["The safety checks could not run"]
    assert "Nothing needs your attention" not in window.alerts.summary.text()


def test_a_low_oxygen_reading_raises_an_alert_at_once(qtbot, window) -> None:  # noqa: ANN001
    from journal.domain import ObservationKind

    window.tabs.setCurrentWidget(window.vitals_form)
    form = window.vitals_form
    form.choose_kind(ObservationKind.OXYGEN_SATURATION)
    form.when.set_value(at(15, 20))
    qtbot.keyClicks(form.value, "85")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(c.alert.rule == "abnormal-vital" for c in window.alerts.cards), timeout=3000)
    card = next(c for c in window.alerts.cards if c.alert.rule == "abnormal-vital")
    assert card.alert.severity in (Severity.EMERGENCY, Severity.URGENT)
    assert window.alerts.cards[0].alert.severity.rank >= card.alert.severity.rank


def test_an_acknowledgement_the_disk_refuses_keeps_the_banner_and_the_note(qtbot, fixed_alerts, window,  # noqa: ANN001
                                                                           journal, monkeypatch) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    def disk_full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise sqlite3.OperationalError("database or disk is full")

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    monkeypatch.setattr(journal, "acknowledge", disk_full)
    banner = window.emergency
    qtbot.waitUntil(banner.isVisible)
    qtbot.keyClicks(banner.note_edit, "called 911")
    qtbot.keyClick(banner.note_edit, Qt.Key.Key_Return)
    assert told and "disk is full" in told[0] and "Not saved" in told[0]
    assert banner.isVisible() and banner.note_edit.text() == "called 911"
    card = next(c for c in window.alerts.cards if c.alert.rule == "missed-dose")
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.note_edit, "gave it late")
    qtbot.mouseClick(card.confirm_button, Qt.MouseButton.LeftButton)
    assert len(told) == 2 and "A dose was missed" in window.alerts.card_titles()


def many(n_warnings: int, pid: int, tag: str = "") -> list[Alert]:
    """n warnings for two people and one emergency given last (the panel sorts it first)."""
    out = [Alert(rule=f"missed-dose{tag}{i}", severity=Severity.WARNING, patient=("Robin", "Sam")[i % 2],
                 since=at(14), title=f"Warning {tag}{i}", message="m", advice="a", evidence=["e"],
                 reference="when-to-call", patient_id=pid) for i in range(n_warnings)]
    return [*out, alert("red-flag-symptom", Severity.EMERGENCY, "Seizure logged", pid)]


@pytest.fixture
def quiet_panel(qtbot, loaded, window):  # noqa: ANN001, ANN201
    """The window's alert list once its own first checks are shown (nothing else comes after)."""
    return window.alerts


def test_48_alerts_show_the_emergency_and_the_count_at_once_then_the_rest(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    from journal.ui.screens.alerts import CARDS_PER_TURN

    panel = quiet_panel
    panel.show_alerts(many(47, patient_id(journal)))
    # The first turn: the emergency on top, the full count in the title and the summary.
    assert panel.cards[0].alert.title == "Seizure logged" and panel.cards[0].isVisibleTo(panel)
    assert 0 < len(panel.cards) <= CARDS_PER_TURN and panel.pending == 48 - len(panel.cards)
    assert panel.title.text() == "Alerts (48)"
    assert "1 emergency, 47 warnings" in panel.summary.text()
    qtbot.waitUntil(lambda: panel.pending == 0)
    assert panel.card_titles() == ["Seizure logged"] + [f"Warning {i}" for i in range(47)]
    assert all(c.isVisibleTo(panel) for c in panel.cards)


def test_tab_goes_through_the_cards_in_the_list_order(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    panel = quiet_panel
    pid = patient_id(journal)
    panel.show_alerts(many(10, pid)[5:])  # some cards made now ...
    qtbot.waitUntil(lambda: panel.pending == 0)
    panel.show_alerts(many(10, pid))  # ... the others on later turns, between and before them
    qtbot.waitUntil(lambda: panel.pending == 0)
    order = [c.ack_button for c in panel.cards]
    seen = []
    w = panel.cards[0].read_button
    for _ in range(4 * len(panel.cards)):
        if w in order:
            seen.append(w)
        w = w.nextInFocusChain()
    assert seen == order
    # and every control there has a name a screen reader says
    assert all(c.ack_button.accessibleName() and c.read_button.accessibleName() for c in panel.cards)


def test_a_newer_list_replaces_one_still_being_laid_out(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    panel = quiet_panel
    pid = patient_id(journal)
    panel.show_alerts(many(47, pid, tag="old "))
    assert panel.pending > 0
    newer = many(6, pid, tag="new ")[:6]  # no emergency any more
    panel.show_alerts(newer)
    # Nothing of the older list is shown as current, not even for a turn.
    assert all(t.startswith("Warning new") for t in panel.card_titles())
    assert panel.title.text() == "Alerts (6)" and "6 warnings" in panel.summary.text()
    qtbot.waitUntil(lambda: panel.pending == 0)
    assert panel.card_titles() == [f"Warning new {i}" for i in range(6)]
    assert "emergency" not in panel.summary.text()


def test_an_alert_list_during_the_turns_keeps_a_card_acknowledgeable(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    """The cards shown on the first turn work before the rest are laid out."""
    panel = quiet_panel
    panel.show_alerts(many(47, patient_id(journal)))
    card = panel.cards[0]
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    assert card.ack_box.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.pending == 0)
    assert panel.cards[0] is card and card.ack_box.isVisibleTo(panel)


def test_the_summary_counts_with_plurals(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    panel = quiet_panel
    pid = patient_id(journal)
    two = [alert("a", Severity.URGENT, "U1", pid), alert("b", Severity.URGENT, "U2", pid),
           alert("c", Severity.INFO, "N1", pid), alert("d", Severity.INFO, "N2", pid),
           alert("e", Severity.WARNING, "W1", pid)]
    panel.show_alerts(two)
    assert "Most serious first: 2 urgent, 1 warning, 2 notes." in panel.summary.text()


def test_a_card_grows_when_its_note_box_opens(qtbot, quiet_panel, journal) -> None:  # noqa: ANN001
    """Cards remember their height per width (a long list is laid out fast): a card whose content
    changes is measured again, so the note box is never squeezed out of sight."""
    panel = quiet_panel
    panel.show_alerts(many(11, patient_id(journal)))
    qtbot.waitUntil(lambda: panel.pending == 0)
    card = panel.cards[3]
    qtbot.waitUntil(lambda: card.height() >= card.layout().heightForWidth(card.width()) > 0)
    before = card.height()
    qtbot.mouseClick(card.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.height() > before + card.note_edit.sizeHint().height() // 2)
    assert card.note_edit.height() > 0 and card.note_edit.geometry().bottom() <= card.ack_box.height()


def test_a_read_only_window_disables_cards_laid_out_on_later_turns(qtbot, quiet_panel, window, journal) -> None:  # noqa: ANN001
    window.set_read_only("Read-only: drlee is a viewer of this shared journal.")
    quiet_panel.show_alerts(many(20, patient_id(journal)))
    assert quiet_panel.pending > 0
    qtbot.waitUntil(lambda: quiet_panel.pending == 0)
    assert all(not c.ack_button.isEnabled() and not c.confirm_button.isEnabled() for c in quiet_panel.cards)
    assert all(c.read_button.isEnabled() for c in quiet_panel.cards)  # reading the guidance is fine
