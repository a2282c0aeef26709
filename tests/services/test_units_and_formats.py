"""Units, the emergency number and formats that fit the person (issue 19): chosen from the locale
(or the journal's zone for the number), kept in Settings, used in forms, alerts and the report."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import time, timedelta
from pathlib import Path

import pytest

from journal.domain import Observation, ObservationKind
from journal.domain.units import temperature_text, weight_text
from journal.knowledge.regions import REGIONS_FILE, load_regions
from journal.reports import render
from journal.reports.data import build_report
from journal.services.journal import Journal
from journal.services.regional import country_of_zone, parse_locale, regional_defaults
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.operations.settings import save_settings
from journal.ui.screens.history_view import TimelineBuilder
from journal.ui.screens.vitals_form import VitalsForm, parse_reading
from journal.ui.screens.welcome import WelcomePage
from journal.ui.widgets.formatting import fmt_time, reading_text
from tests.reports.support import END, GENERATED, START, month_alerts, month_history, month_revisions
from tests.ui.conftest import at, clock, empty_journal, journal, no_blocking_dialogs, session  # noqa: F401

T, W = ObservationKind.TEMPERATURE, ObservationKind.WEIGHT


# -- the guess: locale first, then the journal's zone -------------------------------------------

@pytest.mark.parametrize(("lang", "number"), [
    ("en_US.UTF-8", "911"), ("en_GB.UTF-8", "999"), ("de_DE.UTF-8", "112"), ("en_AU.UTF-8", "000"),
    ("fr_CA.UTF-8", "911"), ("es_ES.UTF-8", "112"), ("en_NZ.UTF-8", "111"),
])
def test_the_emergency_number_follows_the_locales_country(lang: str, number: str) -> None:
    assert regional_defaults("UTC", {"LANG": lang}).emergency_number == number


@pytest.mark.parametrize(("zone", "number"), [
    ("America/Chicago", "911"), ("Europe/London", "999"), ("Europe/Berlin", "112"), ("Australia/Sydney", "000"),
])
def test_without_a_locale_country_the_journals_zone_gives_the_number(zone: str, number: str) -> None:
    guess = regional_defaults(zone, {"LANG": "C.UTF-8"})
    assert guess.emergency_number == number
    # ... but units and the clock follow only the locale: a "C" computer keeps C, kg and 24 h.
    assert (guess.temperature_unit, guess.weight_unit, guess.time_format) == ("C", "kg", "%H:%M")


def test_an_unknown_place_keeps_the_fallback_number() -> None:
    assert country_of_zone("UTC") is None
    assert regional_defaults("UTC", {}).emergency_number == "911"


def test_lc_all_wins_over_lang_and_c_means_no_country() -> None:
    assert parse_locale("C.UTF-8") == (None, None)
    assert parse_locale("POSIX") == (None, None)
    assert parse_locale("es_ES.UTF-8@euro") == ("es", "ES")
    assert regional_defaults("UTC", {"LC_ALL": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}).emergency_number == "999"


def test_us_gets_fahrenheit_pounds_12_hour_and_month_first_germany_a_decimal_comma() -> None:
    us = regional_defaults("UTC", {"LANG": "en_US.UTF-8"})
    assert (us.temperature_unit, us.weight_unit, us.time_format, us.date_format, us.decimal_separator) == \
        ("F", "lb", "%I:%M %p", "%m/%d/%Y", ".")
    de = regional_defaults("UTC", {"LANG": "de_DE.UTF-8"})
    assert (de.temperature_unit, de.weight_unit, de.time_format, de.decimal_separator) == ("C", "kg", "%H:%M", ",")
    gb = regional_defaults("UTC", {"LANG": "en_GB.UTF-8"})
    assert (gb.temperature_unit, gb.time_format) == ("C", "%H:%M")


def test_the_regions_file_names_a_source_for_every_list(tmp_path: Path) -> None:
    bad = tmp_path / "regions.json"
    doc = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    doc["emergency_numbers"]["GB"]["source"] = "a page somewhere"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="emergency_numbers.GB.source"):
        load_regions(bad)


def test_a_new_journal_follows_the_locale_until_settings_are_saved(tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    j = Journal.open(tmp_path / "j.sqlite3", clock)
    s = j.get_settings()
    assert (s.emergency_number, s.temperature_unit, s.weight_unit, s.time_format) == ("911", "F", "lb", "%I:%M %p")
    assert j.regional_guess()[1] is False
    s.temperature_unit = "C"
    j.save_settings(s)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # a choice once saved is kept whatever the locale says
    j2 = Journal.open(tmp_path / "j.sqlite3", clock)
    assert (j2.get_settings().temperature_unit, j2.get_settings().emergency_number) == ("C", "911")
    assert j2.regional_guess()[1] is True
    j.close()
    j2.close()


def test_settings_refuse_a_unit_that_is_not_one(empty_journal) -> None:  # noqa: ANN001
    s = empty_journal.get_settings()
    s.temperature_unit = "K"
    with pytest.raises(ValueError, match="temperature_unit"):
        empty_journal.save_settings(s)


# -- conversion shown and typed ------------------------------------------------------------------

def test_fahrenheit_and_pounds_are_typed_and_stored_in_celsius_and_kg() -> None:
    assert parse_reading(T, "101.3", "F") == (38.5, None)  # exactly the 38.5 °C fever line
    assert parse_reading(T, "101,3 °F", "F") == (38.5, None)
    assert parse_reading(W, "154", "C", "lb") == (69.853, None)
    assert parse_reading(T, "37,2") == (37.2, None)  # a decimal comma is accepted
    with pytest.raises(ValueError, match="looks like Celsius"):
        parse_reading(T, "38.5", "F")
    with pytest.raises(ValueError, match="looks like Fahrenheit.*°F in Settings"):
        parse_reading(T, "101.3", "C")
    with pytest.raises(ValueError, match="°F is outside"):
        parse_reading(T, "120", "F")
    assert temperature_text(38.5, "F") == "101.3 °F"
    assert weight_text(69.853, "lb") == "154 lb"
    assert temperature_text(38.5, "C", ",") == "38,5 °C"


def test_the_reading_form_takes_fahrenheit_when_settings_say_so(qtbot, session, journal) -> None:  # noqa: ANN001
    patient_id = journal.list_patients()[0].id
    s = journal.get_settings()
    s.temperature_unit, s.weight_unit = "F", "lb"
    save_settings(session=session, settings=s, by="")
    form = VitalsForm(session)
    qtbot.addWidget(form)
    form.show()
    form.choose_kind(T)
    assert form.unit.text() == "°F"
    assert "99" in form.value.placeholderText()
    form.when.set_value(at(15, 0))
    qtbot.keyClicks(form.value, "101.3")
    with qtbot.waitSignal(form.logged):
        form.save_button.click()
    obs = journal.history(patient_id, at(14), at(16)).observations
    assert [o.value for o in obs] == [38.5]
    rows = TimelineBuilder(journal.history(patient_id, at(14), at(16)), [], session.settings).entries()
    assert any("101.3 °F" in r.details for r in rows if r.entity == "observation")


def test_the_units_show_up_in_the_settings_dialog(qtbot) -> None:  # noqa: ANN001
    from journal.services.journal import Settings

    dialog = SettingsDialog(Settings(temperature_unit="F", weight_unit="lb", decimal_separator=","))
    qtbot.addWidget(dialog)
    assert dialog.values()["temperature_unit"] == "F"
    dialog.weight_unit.setCurrentIndex(dialog.weight_unit.findData("kg"))
    assert (dialog.values()["weight_unit"], dialog.values()["decimal_separator"]) == ("kg", ",")


def test_an_alert_names_the_temperature_in_fahrenheit(journal) -> None:  # noqa: ANN001
    patient_id = journal.list_patients()[0].id
    s = journal.get_settings()
    s.temperature_unit = "F"
    journal.save_settings(s)
    out = journal.log_observation(patient_id, Observation(at=at(15, 0), kind=T, value=39.5))
    texts = " ".join(a.title + " " + a.message + " " + " ".join(a.evidence) for a in out.alerts)
    assert "103.1 °F" in texts and "°C" not in texts


def test_the_report_shows_temperatures_in_fahrenheit(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    alerts, acks = month_alerts()
    r = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED, temperature_unit="F")
    assert any("101.7 °F" in e.text for e in r.timeline if e.kind == "temperature")  # 38.7 °C
    assert r.charts.temperature_marks[0] == (101.3, "fever 101.3 °F")
    assert all(p.value > 90 for p in r.charts.temperature)
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    out = tmp_path / "f.pdf"
    render.write_pdf(r, out, "letter")
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "Temperature (°F)" in text and "101.7 °F" in re.sub(r"\s+", " ", text)


def test_reading_text_uses_the_decimal_comma() -> None:
    from journal.services.journal import Settings

    o = Observation(at=GENERATED - timedelta(hours=1), kind=T, value=37.3)
    assert reading_text(o, Settings(decimal_separator=",")) == "37,3 °C"
    assert reading_text(o, Settings(temperature_unit="F")) == "99.1 °F"


def test_12_and_24_hour_clock_follow_the_locale(tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    for lang, shown in (("en_US.UTF-8", "2:05 PM"), ("en_GB.UTF-8", "14:05"), ("de_DE.UTF-8", "14:05")):
        monkeypatch.setenv("LANG", lang)
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        j = Journal.open(tmp_path / f"{lang}.sqlite3", clock)
        assert fmt_time(time(14, 5), j.get_settings()) == shown
        j.close()


# -- the first-run screen confirms the number -----------------------------------------------------

def test_the_first_run_screen_shows_the_guessed_number_and_saves_it(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import MainWindow
    from journal.ui.shell.session import Session

    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    j = Journal.open(tmp_path / "new.sqlite3", clock)
    window = MainWindow(Session(j, clock), tray_available=False)
    qtbot.addWidget(window)
    window.show()
    page: WelcomePage = window.welcome
    assert window.stack.currentWidget() is page
    assert page.number_edit.text() == "000"
    assert "(AU)" in page.number_label.text()
    page.number_edit.clear()
    qtbot.keyClicks(page.number_edit, "12a")
    page.number_button.click()
    assert "digits" in page.number_error.text()
    page.number_edit.clear()
    qtbot.keyClicks(page.number_edit, "112")
    page.number_button.click()
    qtbot.waitUntil(lambda: j.get_settings().emergency_number == "112")
    assert j.regional_guess()[1] is True
    j.close()
