"""The journal's time zone in the window: confirmed on the first-run screen, and a change in
Settings that says what it does before it is saved (issue 12)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzlocal
from PySide6.QtCore import QDate, Qt

from journal.domain.zones import ZonePeriod
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import (  # noqa: F401
    NOW,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    window,
)


def test_first_run_shows_the_computers_zone_to_confirm(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.services.journal import Journal

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Australia/Perth")
    j = Journal.open(tmp_path / "new.sqlite3", clock)
    try:
        w = build_window(j, clock, tray_available=False)
        qtbot.addWidget(w)
        w.show()
        assert w.stack.currentWidget() is w.welcome
        assert "Australia/Perth (this computer's time zone)" in w.welcome.zone_label.text()

        def choose_london(self: SettingsDialog) -> int:
            assert self.timezone.currentText() == "Australia/Perth"
            self.timezone.setCurrentText("Europe/London")
            assert "Nothing is logged yet" in self.zone_note.text()
            self.save_button.click()
            return int(self.result())

        monkeypatch.setattr(SettingsDialog, "exec", choose_london)
        qtbot.mouseClick(w.welcome.zone_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "kept in Europe/London." in w.welcome.zone_label.text())
        assert j.zone_periods() == (ZonePeriod(NOW.astimezone(tzinfo_of("Australia/Perth")).date(), "Europe/London"),)
    finally:
        j.close()


def tzinfo_of(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def test_settings_say_from_when_a_new_zone_applies_and_keep_the_days_before(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    seen: dict[str, object] = {}

    def run(self: SettingsDialog) -> int:
        assert not self.zone_since_edit.isVisible() and not self.zone_note.isVisible()  # nothing changes yet
        self.timezone.setCurrentText("Europe/London")
        assert self.zone_since_edit.isVisibleTo(self)
        # NOW is 15:30 in Chicago on Monday 23 November: 21:30 in London, the same day.
        assert self.chosen_zone_since() == date(2026, 11, 23)
        self.zone_since_edit.setDate(QDate(2026, 11, 24))
        seen["note"] = self.zone_note.text()
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", run)
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    note = str(seen["note"])
    assert "From Tuesday 24 November 2026 on" in note and "Europe/London" in note
    assert "stay in America/Chicago" in note
    journal = window.session.journal
    assert journal.zone_periods()[-1] == ZonePeriod(date(2026, 11, 24), "Europe/London")
    # Today (the 23rd) is still a Chicago day: its 14:00 dose is still 14:00.
    shown = datetime(2026, 11, 23, 20, 0, tzinfo=UTC).astimezone(journal.tz)
    assert shown.strftime("%H:%M") == "14:00"
    assert window.session.settings.timezone == "Europe/London"


def test_settings_cannot_date_a_change_before_the_last_one(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    window.session.journal.change_timezone("Europe/London", date(2026, 11, 22))

    def run(self: SettingsDialog) -> int:
        self.timezone.setCurrentText("Asia/Tokyo")
        self.zone_since_edit.setDate(QDate(2026, 11, 1))
        assert self.chosen_zone_since() == date(2026, 11, 22)  # the earliest the field allows
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.session._settings = None
    window.open_settings()


@pytest.mark.parametrize("zone", ["America/Chicago"])
def test_keeping_the_zone_shows_no_change(qtbot, window, monkeypatch, zone: str) -> None:  # noqa: ANN001
    def run(self: SettingsDialog) -> int:
        self.timezone.setCurrentText("Europe/London")
        self.timezone.setCurrentText(zone)
        assert not self.zone_note.isVisibleTo(self) and not self.zone_since_edit.isVisibleTo(self)
        self.save_button.click()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", run)
    before = window.session.journal.zone_periods()
    window.open_settings()
    assert window.session.journal.zone_periods() == before


def test_times_on_screen_keep_the_zone_of_their_day(window) -> None:  # noqa: ANN001
    from journal.ui.widgets.formatting import fmt_datetime

    session = window.session
    session.journal.change_timezone("Europe/London", date(2026, 11, 23))
    session._settings = None  # as after the change's "settings" notice
    sunday_8pm = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Sunday 20:00 in Chicago
    monday_9am = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday 09:00 in London
    assert fmt_datetime(sunday_8pm, session.settings) == "2026-11-22 20:00"
    assert fmt_datetime(monday_9am, session.settings) == "2026-11-23 09:00"
