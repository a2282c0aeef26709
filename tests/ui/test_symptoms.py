"""Symptoms and readings: triage shown before saving, severity raising the tier, inline checks."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain import ObservationKind
from journal.ui.operations.settings import save_settings
from journal.ui.screens.symptom_form import SymptomForm
from journal.ui.screens.vitals_form import VitalsForm, parse_reading
from tests.ui.conftest import at, clock, empty_journal, journal, no_blocking_dialogs, patient_id, session  # noqa: F401


def make_form(qtbot, session, cls):  # noqa: ANN001, ANN201
    form = cls(session)
    qtbot.addWidget(form)
    form.show()
    return form


def test_emergency_symptom_shows_what_to_do_before_saving(qtbot, session) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    assert not form.triage.isVisible()
    form.choose("seizure")
    qtbot.waitUntil(form.triage.isVisible)
    text = form.triage.label.text()
    assert "EMERGENCY" in text and "Call 911 now" in text
    assert form.triage.tier == "emergency"


def test_emergency_number_follows_the_settings(qtbot, session, journal) -> None:  # noqa: ANN001
    s = journal.get_settings()
    s.emergency_number = "112"
    save_settings(session=session, settings=s, by="")
    form = make_form(qtbot, session, SymptomForm)
    form.choose("breathing-difficulty")
    assert "Call 112 now" in form.triage.label.text()


def test_severity_can_raise_the_tier(qtbot, session) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    form.choose("confusion")
    assert form.triage.tier == "urgent"
    assert "doctor or clinic today" in form.triage.label.text()
    form.severity.setCurrentIndex(form.severity.findData(8))
    qtbot.waitUntil(lambda: form.triage.tier == "emergency")


def test_a_mild_symptom_shows_no_alarm(qtbot, session) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    form.choose("constipation")
    assert not form.triage.isVisible()


def test_logging_a_symptom_keeps_the_advice_in_view(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    form.choose("seizure")
    form.when.set_value(at(15, 10))
    qtbot.keyClicks(form.note, "about two minutes, both arms")
    with qtbot.waitSignal(form.logged):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Logged: Seizure" in form.result.text()
    assert form.triage.isVisible() and form.triage.tier == "emergency"
    h = journal.history(patient_id(journal), at(0), at(23, 59))
    assert [(s.symptom, s.note) for s in h.symptoms] == [("seizure", "about two minutes, both arms")]


def test_choosing_nothing_is_explained(qtbot, session) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Choose which symptom" in form.error.message


def test_symptom_in_the_future_is_refused(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, SymptomForm)
    form.choose("headache")
    form.when.set_value(at(18, 0))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "future" in form.error.message
    assert journal.history(patient_id(journal), at(0), at(23, 59)).symptoms == []


def test_temperature_in_fahrenheit_is_caught_not_clamped(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.TEMPERATURE)
    qtbot.keyClicks(form.value, "101.3")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Fahrenheit" in form.error.message and "38.5" in form.error.message
    assert journal.history(patient_id(journal), at(0), at(23, 59)).observations == []


def test_temperature_logged(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.TEMPERATURE)
    qtbot.keyClicks(form.value, "38,6")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Logged: Temperature" in form.result.text())
    obs = journal.history(patient_id(journal), at(0), at(23, 59)).observations
    assert [(o.kind, o.value) for o in obs] == [(ObservationKind.TEMPERATURE, 38.6)]


def test_blood_pressure_needs_both_numbers(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.BLOOD_PRESSURE)
    qtbot.keyClicks(form.value, "120")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "both numbers" in form.error.message
    form.value.clear()
    qtbot.keyClicks(form.value, "128 / 84")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    obs = journal.history(patient_id(journal), at(0), at(23, 59)).observations
    assert [(o.value, o.value2) for o in obs] == [(128.0, 84.0)]


def test_oxygen_above_100_is_refused(qtbot, session) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.OXYGEN_SATURATION)
    qtbot.keyClicks(form.value, "120")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "outside" in form.error.message


def test_ashworth_is_per_body_part(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.MODIFIED_ASHWORTH)
    assert form.body_part.isVisible() and not form.value.isVisible()
    form.choice.setCurrentIndex(form.choice.findData("1+"))
    form.body_part.setCurrentText("right knee")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    obs = journal.history(patient_id(journal), at(0), at(23, 59)).observations
    assert [(o.value, o.body_part) for o in obs] == [("1+", "right knee")]


def test_penn_scale_choices_are_described(qtbot, session, journal) -> None:  # noqa: ANN001
    form = make_form(qtbot, session, VitalsForm)
    form.choose_kind(ObservationKind.PENN_SPASM_FREQUENCY)
    labels = [form.choice.itemText(i) for i in range(form.choice.count())]
    assert len(labels) == 5 and labels[3].startswith("3 - ")
    form.choice.setCurrentIndex(3)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    obs = journal.history(patient_id(journal), at(0), at(23, 59)).observations
    assert [(o.kind, o.value) for o in obs] == [(ObservationKind.PENN_SPASM_FREQUENCY, 3.0)]


def test_parse_reading_rejects_nonsense() -> None:
    import pytest

    with pytest.raises(ValueError, match="not a number"):
        parse_reading(ObservationKind.HEART_RATE, "fast")
    with pytest.raises(ValueError, match="higher than the bottom"):
        parse_reading(ObservationKind.BLOOD_PRESSURE, "80/120")
    assert parse_reading(ObservationKind.HEART_RATE, "72") == (72.0, None)


def test_a_fever_with_confusion_logged_that_morning_shows_as_the_emergency_the_checks_call_it(
        qtbot, session, journal) -> None:  # noqa: ANN001
    from journal.domain import SymptomEntry

    pid = patient_id(journal)
    form = make_form(qtbot, session, SymptomForm)
    form.choose("high-fever")
    form.when.set_value(at(15, 10))
    qtbot.waitUntil(lambda: form.triage.tier == "urgent")  # a fever alone: call today
    journal.log_symptom(pid, SymptomEntry(at=at(15, 8), symptom="confusion", severity=4))
    form.choose("seizure")
    form.choose("high-fever")
    qtbot.waitUntil(lambda: form.triage.tier == "emergency")
    assert "together with confused" in form.triage.label.text()
    form.choose("confusion")  # confusion alone, with nothing around it: call today
    qtbot.waitUntil(lambda: form.triage.tier == "urgent")


def test_confusion_after_a_measured_fever_shows_the_emergency_the_checks_will_raise(
        qtbot, session, journal) -> None:  # noqa: ANN001
    from journal.domain import Observation, SymptomEntry

    pid = patient_id(journal)
    journal.log_observation(pid, Observation(at(15, 9), ObservationKind.TEMPERATURE, 38.4))
    form = make_form(qtbot, session, SymptomForm)
    form.when.set_value(at(15, 10))
    form.choose("confusion")
    qtbot.waitUntil(lambda: form.triage.tier == "urgent")  # 38.4 is under the fever limit
    journal.log_observation(pid, Observation(at(15, 9), ObservationKind.TEMPERATURE, 38.5))
    form.choose("seizure")
    form.choose("confusion")
    qtbot.waitUntil(lambda: form.triage.tier == "emergency")
    assert "temperature of 38.5 °C" in form.triage.label.text()
    # and the checks say the same once it is saved
    out = journal.log_symptom(pid, SymptomEntry(at=at(15, 10), symptom="confusion", severity=4))
    assert "emergency" in {a.severity.value for a in out.alerts}
