"""Readings and scales: temperature, heart rate, breathing rate, blood pressure, oxygen,
Penn spasm frequency, Modified Ashworth (per body part), pain 0-10, weight.

Typed numbers are checked inline: a value outside what a body can show is refused with a
sentence saying why (never clamped silently, never a crash)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from journal.domain import ASHWORTH_GRADES, Observation, ObservationKind
from journal.domain.clock import later_than_this_minute
from journal.domain.readings import celsius_to_fahrenheit, fahrenheit_to_celsius, to_stored_unit
from journal.domain.shown import decimal_mark, num
from journal.domain.units import SYMBOL, from_stored_unit, shown_unit

from ..operations import Change, entries
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_datetime
from ..widgets.style import set_scaled_font
from ..widgets.widgets import Choice, ErrorLabel, UndoButton, WhenEdit, heading, hint, scroll_page


@dataclass(frozen=True)
class Measure:
    label: str
    unit: str
    low: float
    high: float
    example: str
    integer: bool = False


# Plausible ranges for typed readings (entry checks, not alarm thresholds).
MEASURES: dict[ObservationKind, Measure] = {
    ObservationKind.TEMPERATURE: Measure(QT_TRANSLATE_NOOP("vitals_form", "Temperature"), "\u00b0C", 30.0, 44.0,
                                         "37.2"),
    ObservationKind.HEART_RATE: Measure(QT_TRANSLATE_NOOP("vitals_form", "Heart rate"),
                                        QT_TRANSLATE_NOOP("vitals_form", "beats a minute"), 20, 250, "80", True),
    ObservationKind.RESPIRATORY_RATE: Measure(QT_TRANSLATE_NOOP("vitals_form", "Breathing rate"),
                                              QT_TRANSLATE_NOOP("vitals_form", "breaths a minute"), 2, 80, "16", True),
    ObservationKind.BLOOD_PRESSURE: Measure(QT_TRANSLATE_NOOP("vitals_form", "Blood pressure"), "mmHg", 40, 300,
                                            "120 / 80", True),
    ObservationKind.OXYGEN_SATURATION: Measure(QT_TRANSLATE_NOOP("vitals_form", "Oxygen"), "%", 50, 100, "97", True),
    ObservationKind.WEIGHT: Measure(QT_TRANSLATE_NOOP("vitals_form", "Weight"), "kg", 1, 400, "62.5"),
}
# The words in these tables are English source texts, shown through _tr() in the window's language.
CHOICE_KINDS: dict[ObservationKind, list[tuple[str, str]]] = {
    ObservationKind.PENN_SPASM_FREQUENCY: [
        ("0", QT_TRANSLATE_NOOP("vitals_form", "0 - no spasms")),
        ("1", QT_TRANSLATE_NOOP("vitals_form", "1 - mild spasms only when touched or moved")),
        ("2", QT_TRANSLATE_NOOP("vitals_form", "2 - full spasms, less than once an hour")),
        ("3", QT_TRANSLATE_NOOP("vitals_form", "3 - full spasms, more than once an hour")),
        ("4", QT_TRANSLATE_NOOP("vitals_form", "4 - full spasms, more than ten times an hour")),
    ],
    ObservationKind.MODIFIED_ASHWORTH: [(g, g) for g in ASHWORTH_GRADES],
    ObservationKind.PAIN_NRS: [(str(n), f"{n}" + {0: QT_TRANSLATE_NOOP("vitals_form", " - no pain"),
                                                  10: QT_TRANSLATE_NOOP("vitals_form", " - worst imaginable")}.get(n, ""))
                               for n in range(11)],
}
KIND_LABELS: dict[ObservationKind, str] = {
    ObservationKind.TEMPERATURE: QT_TRANSLATE_NOOP("vitals_form", "Temperature"),
    ObservationKind.HEART_RATE: QT_TRANSLATE_NOOP("vitals_form", "Heart rate (pulse)"),
    ObservationKind.RESPIRATORY_RATE: QT_TRANSLATE_NOOP("vitals_form", "Breathing rate"),
    ObservationKind.BLOOD_PRESSURE: QT_TRANSLATE_NOOP("vitals_form", "Blood pressure"),
    ObservationKind.OXYGEN_SATURATION: QT_TRANSLATE_NOOP("vitals_form", "Oxygen level (SpO2)"),
    ObservationKind.PENN_SPASM_FREQUENCY: QT_TRANSLATE_NOOP("vitals_form",
                                                            "Spasm frequency (Penn scale, past 24 hours)"),
    ObservationKind.MODIFIED_ASHWORTH: QT_TRANSLATE_NOOP("vitals_form", "Muscle tone (Modified Ashworth)"),
    ObservationKind.PAIN_NRS: QT_TRANSLATE_NOOP("vitals_form", "Pain (0-10)"),
    ObservationKind.WEIGHT: QT_TRANSLATE_NOOP("vitals_form", "Weight"),
}
KIND_HINTS: dict[ObservationKind, str] = {
    ObservationKind.BLOOD_PRESSURE: QT_TRANSLATE_NOOP("vitals_form", "Top number / bottom number, for example 120 / 80."),
    ObservationKind.PENN_SPASM_FREQUENCY: QT_TRANSLATE_NOOP("vitals_form", "Think of the past 24 hours."),
    ObservationKind.MODIFIED_ASHWORTH: QT_TRANSLATE_NOOP("vitals_form", "A therapist's test: record it only if you were "
                                                         "shown how. 0 is normal tone, 4 is rigid."),
    ObservationKind.PAIN_NRS: QT_TRANSLATE_NOOP("vitals_form", "0 is no pain, 10 the worst pain imaginable."),
}
BODY_PARTS = [QT_TRANSLATE_NOOP("vitals_form", "left arm"), QT_TRANSLATE_NOOP("vitals_form", "right arm"),
              QT_TRANSLATE_NOOP("vitals_form", "left leg"), QT_TRANSLATE_NOOP("vitals_form", "right leg"),
              QT_TRANSLATE_NOOP("vitals_form", "left elbow"), QT_TRANSLATE_NOOP("vitals_form", "right elbow"),
              QT_TRANSLATE_NOOP("vitals_form", "left knee"), QT_TRANSLATE_NOOP("vitals_form", "right knee"),
              QT_TRANSLATE_NOOP("vitals_form", "left ankle"), QT_TRANSLATE_NOOP("vitals_form", "right ankle"),
              QT_TRANSLATE_NOOP("vitals_form", "trunk")]


def _tr(text: str) -> str:
    return QCoreApplication.translate("vitals_form", text)


def kind_label(kind: ObservationKind) -> str:
    """What was measured, in the window's language ("Temperature", "Pain (0-10)")."""
    return _tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind.value


def choice_label(label: str) -> str:
    """A score's words in the window's language ("3 - full spasms, ...", "0 - no pain")."""
    head, sep, tail = label.partition(" - ")
    if not sep:
        return label
    whole = _tr(label)
    return whole if whole != label else head + _tr(" - " + tail)


def entry_unit(kind: ObservationKind, temperature_unit: str = "C", weight_unit: str = "kg") -> str:
    """The unit shown beside the box for `kind` ("°F", "lb", "beats a minute", ...)."""
    if kind in (ObservationKind.TEMPERATURE, ObservationKind.WEIGHT):
        return SYMBOL[shown_unit(kind, temperature_unit, weight_unit)]
    return _tr(MEASURES[kind].unit)


def example(kind: ObservationKind, temperature_unit: str = "C", weight_unit: str = "kg") -> str:
    """The placeholder example in the person's unit and decimal mark ("99" for °F, "137.8" for lb)."""
    m = MEASURES[kind]
    unit = shown_unit(kind, temperature_unit, weight_unit)
    if kind in (ObservationKind.TEMPERATURE, ObservationKind.WEIGHT) and unit in ("F", "lb"):
        return num(from_stored_unit(kind, float(m.example), unit))
    return m.example.replace(".", decimal_mark())


def parse_reading(kind: ObservationKind, text: str, temperature_unit: str = "C",
                  weight_unit: str = "kg") -> tuple[float, float | None]:
    """(value, value2) from typed text, in the stored unit (°C, kg), or ValueError with a sentence
    for the caregiver. A temperature is typed in `temperature_unit` ("C" or "F") and a weight in
    `weight_unit` ("kg" or "lb"), as Settings say; a decimal comma is accepted as well as a point."""
    m = MEASURES[kind]
    t = text.strip().replace(",", ".")
    unit = shown_unit(kind, temperature_unit, weight_unit)
    if not t:
        raise ValueError(QCoreApplication.translate("vitals_form", "Enter the {what} (for example {example}).").format(
            what=_tr(m.label).lower(), example=example(kind, temperature_unit, weight_unit)))
    if kind is ObservationKind.BLOOD_PRESSURE:
        parts = [p.strip() for p in t.replace("\\", "/").split("/")]
        if len(parts) != 2:
            raise ValueError(QCoreApplication.translate("vitals_form",
                                                        "Enter both numbers with a slash, for example 120 / 80."))
        try:
            top, bottom = float(parts[0]), float(parts[1])
        except ValueError:
            raise ValueError(QCoreApplication.translate("vitals_form",
                                                        "Blood pressure needs two numbers, for example 120 / 80.")) from None
        for v in (top, bottom):
            if not 20 <= v <= 300:
                raise ValueError(QCoreApplication.translate(
                    "vitals_form", "{value} mmHg is not a possible blood pressure; please check the reading.").format(
                        value=num(v)))
        if bottom >= top:
            raise ValueError(QCoreApplication.translate(
                "vitals_form", "The top number should be higher than the bottom number (like 120 / 80)."))
        return top, bottom
    try:
        typed = float(t.rstrip("%").rstrip("cCfF").rstrip("\u00b0 ").removesuffix("kg").removesuffix("lb").strip())
    except ValueError:
        raise ValueError(QCoreApplication.translate("vitals_form", "'{text}' is not a number. Example: {example}.").format(
            text=text.strip(), example=example(kind, temperature_unit, weight_unit))) from None
    if kind is ObservationKind.TEMPERATURE and unit == "C" and 86 <= typed <= 111:
        raise ValueError(QCoreApplication.translate(
            "vitals_form", "{value} looks like Fahrenheit. In Celsius that is {celsius}; please enter the Celsius "
            "value, or choose \u00b0F in Settings.").format(
                value=num(typed), celsius=num(fahrenheit_to_celsius(typed), ".1f")))
    if kind is ObservationKind.TEMPERATURE and unit == "F" and 30 <= typed <= 44:
        raise ValueError(QCoreApplication.translate(
            "vitals_form", "{value} looks like Celsius. In Fahrenheit that is {fahrenheit}; please enter the "
            "Fahrenheit value, or choose \u00b0C in Settings.").format(
                value=num(typed), fahrenheit=num(celsius_to_fahrenheit(typed), ".1f")))
    value = to_stored_unit(kind, typed, unit) if unit in ("F", "lb") else typed
    if not m.low <= value <= m.high:
        low = from_stored_unit(kind, m.low, unit)
        high = from_stored_unit(kind, m.high, unit)
        raise ValueError(QCoreApplication.translate(
            "vitals_form", "{value} {unit} is outside what a reading can be ({low} to {high}); please check it.").format(
                value=num(typed), unit=entry_unit(kind, temperature_unit, weight_unit), low=num(low),
                high=num(high)))
    if m.integer and value != int(value):
        raise ValueError(QCoreApplication.translate("vitals_form", "Enter a whole number for the {what}.").format(
            what=_tr(m.label).lower()))
    return value, None


class VitalsForm(QWidget):
    logged = Signal(object)  # Outcome

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        lay = scroll_page(self)
        lay.addWidget(heading(self.tr("Log a reading")))
        form = QFormLayout()
        self.kind = Choice()
        self.kind.setAccessibleName(self.tr("What you measured"))
        for k in KIND_LABELS:
            self.kind.addItem(kind_label(k), k)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("&Measured:"), self.kind)
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Reading"))
        self.value.returnPressed.connect(self.save)
        self.unit = QLabel()
        value_row = QHBoxLayout()
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.unit)
        self.value_label = QLabel(self.tr("&Reading:"))
        self.value_label.setBuddy(self.value)
        form.addRow(self.value_label, value_row)
        self.choice = Choice()
        self.choice.setAccessibleName(self.tr("Score"))
        self.choice_label = QLabel(self.tr("S&core:"))
        self.choice_label.setBuddy(self.choice)
        form.addRow(self.choice_label, self.choice)
        self.body_part = Choice()
        self.body_part.setEditable(True)
        self.body_part.addItems([_tr(part) for part in BODY_PARTS])
        self.body_part.setAccessibleName(self.tr("Body part"))
        self.body_label = QLabel(self.tr("&Body part:"))
        self.body_label.setBuddy(self.body_part)
        form.addRow(self.body_label, self.body_part)
        self.when = WhenEdit(session.tz, settings=session.settings)
        session.operation_did_execute.connect(
            lambda ch: self.when.follow_clock_setting(session.settings) if ch.touches(Change.SETTINGS) else None)
        form.addRow(self.tr("&When:"), self.when)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the reading"))
        form.addRow(self.tr("&Note:"), self.note)
        lay.addLayout(form)
        self.hint = hint("")
        lay.addWidget(self.hint)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result = QLabel()
        self.undo_button = UndoButton(session)
        self.undo_button.clicked.connect(lambda: self.result.setText(self.undo_button.undone_text))
        self.result.setAccessibleName(self.tr("Result"))
        lay.addWidget(self.result)
        lay.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Log reading"))
        self.save_button.setAccessibleName(self.tr("Log this reading"))
        self.save_button.clicked.connect(self.save)
        set_scaled_font(self.save_button, 1.15, bold=True)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self._kind_changed()
        self.when.follow_now(session.now)
        # Units chosen in Settings apply at once (the label and example beside the box).
        session.operation_did_execute.connect(
            lambda ch: self._kind_changed() if ch.touches(Change.SETTINGS) else None)

    def current_kind(self) -> ObservationKind:
        return ObservationKind(self.kind.currentData())

    def choose_kind(self, kind: ObservationKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        k = self.current_kind()
        numeric = k in MEASURES
        widgets: list[tuple[QWidget, bool]] = [
            (self.value, numeric), (self.unit, numeric), (self.value_label, numeric),
            (self.choice, not numeric), (self.choice_label, not numeric),
            (self.body_part, k is ObservationKind.MODIFIED_ASHWORTH),
            (self.body_label, k is ObservationKind.MODIFIED_ASHWORTH)]
        for w, shown in widgets:
            w.setVisible(shown)
        if numeric:
            s = self.session.settings
            units = (s.temperature_unit, s.weight_unit)
            self.unit.setText(entry_unit(k, *units))
            self.value.setPlaceholderText(self.tr("for example {example}").format(
                example=example(k, *units)))
        else:
            self.choice.clear()
            for value, label in CHOICE_KINDS[k]:
                self.choice.addItem(choice_label(label), value)
        self.hint.setText(_tr(KIND_HINTS[k]) if k in KIND_HINTS else "")
        self.error.clear_error()

    def save(self) -> None:
        self.error.clear_error()
        self.result.clear()
        pid = self.session.patient_id
        if pid is None:
            self.error.show_error(self.tr("Choose or add the person first."))
            return
        k = self.current_kind()
        value2: float | None = None
        value: float | str
        body = ""
        if k in MEASURES:
            try:
                s = self.session.settings
                value, value2 = parse_reading(k, self.value.text(), s.temperature_unit, s.weight_unit)
            except ValueError as exc:
                self.error.show_error(str(exc))
                self.value.setFocus()
                return
        elif k is ObservationKind.MODIFIED_ASHWORTH:
            value = str(self.choice.currentData())
            body = self.body_part.currentText().strip()
            if not body:
                self.error.show_error(self.tr("Say which body part was tested (for example: left leg)."))
                return
        else:
            value = float(self.choice.currentData())
        at = self.when.value()
        if later_than_this_minute(at, self.session.now()):
            self.error.show_error(self.tr("That time is in the future. Enter when you measured it."))
            return
        obs = Observation(at=at, kind=k, value=value, value2=value2, body_part=body,
                          note=self.note.text().strip(), patient_id=pid)
        try:
            # The entry shows at once; the person's checks follow on the next turn (issue 17).
            outcome = entries.log_reading(session=self.session, patient_id=pid, reading=obs, by=self.session.by,
                                          initiator=self, check_later=True)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        what = f"{kind_label(k)}, {fmt_datetime(at, self.session.settings, self.session.now().date())}"
        self.result.setText("\u2714 " + self.tr("Logged: {what}.").format(what=what))
        self.session.remember_entry("observation", outcome, what, pid)
        self.value.clear()
        self.note.clear()
        self.logged.emit(outcome)
