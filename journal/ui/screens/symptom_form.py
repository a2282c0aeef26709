"""Quick symptom entry from the catalog, with severity and time. An emergency-tier symptom shows
what to do and the emergency number the moment it is chosen, before anything is saved.

The tier is the one the checks will give (`SymptomCatalog.triage` over the person's journal around
the chosen time): a high fever with confusion already logged shows as an emergency here too."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Severity, SymptomEntry
from journal.domain.clock import later_than_this_minute
from journal.domain.units import temperature_text
from journal.knowledge import default_catalog

from ..operations import Change, entries
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.catalog import SymptomChoice, symptom_catalog
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import fmt_datetime
from ..widgets.style import look, set_scaled_font
from ..widgets.widgets import Choice, ErrorLabel, UndoButton, WhenEdit, heading, hint, scroll_page

# English source texts, shown through QCoreApplication.translate("symptom_form", ...) in the window's language.
_NONE, _MILD = QT_TRANSLATE_NOOP("symptom_form", "none"), QT_TRANSLATE_NOOP("symptom_form", "mild")
_MODERATE, _SEVERE = QT_TRANSLATE_NOOP("symptom_form", "moderate"), QT_TRANSLATE_NOOP("symptom_form", "severe")
SEVERITY_WORDS = {0: _NONE, 1: _MILD, 2: _MILD, 3: _MILD, 4: _MODERATE, 5: _MODERATE, 6: _MODERATE,
                  7: _SEVERE, 8: _SEVERE, 9: _SEVERE, 10: QT_TRANSLATE_NOOP("symptom_form", "worst imaginable")}
TIER_WORDS = {"emergency": QT_TRANSLATE_NOOP("symptom_form", "emergency"),
              "urgent": QT_TRANSLATE_NOOP("symptom_form", "call today")}


class TriageBox(QFrame):
    """What to do for the chosen symptom's tier (shown before saving)."""

    topic_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("triageBox")
        self.setAccessibleName(self.tr("What to do for this symptom"))
        lay = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        self.read_button = QPushButton(self.tr("When to call for help (guidance)"))
        self.read_button.setAccessibleName(self.tr("Open the guidance on when to call for help"))
        self.topic: str = "when-to-call"
        self.read_button.clicked.connect(lambda: self.topic_requested.emit(self.topic))
        lay.addWidget(self.read_button)
        self.tier = ""
        self.setVisible(False)

    def show_for(self, choice: SymptomChoice | None, severity: int | None = None, tier: str | None = None,
                 why: str = "") -> None:
        """Show what to do for `choice` at `severity`; `tier` (with `why` it is raised, in words) when
        the caller triaged it with the journal around it, else the catalog's tier for the sign alone."""
        self.tier = (tier if tier is not None else choice.tier_for(severity)) if choice else ""
        number = self.session.emergency_number
        if choice is None or self.tier not in ("emergency", "urgent"):
            self.setVisible(False)
            return
        sev = Severity.EMERGENCY if self.tier == "emergency" else Severity.URGENT
        lk = look(sev)
        self.setStyleSheet(
            f"QFrame#triageBox {{ background-color: {lk.background}; border: 3px solid {lk.border};"
            f" border-radius: 6px; }} QFrame#triageBox QLabel {{ color: {lk.foreground}; }}"
        )
        if sev is Severity.EMERGENCY:
            text = f"{lk.icon} " + self.tr(
                "EMERGENCY SIGN: {sign}.\nCall {number} now. Stay with the person, keep them safe, and tell the "
                "operator they take baclofen and when the last dose was. Log it here afterwards.").format(
                    sign=choice.label + (", " + why if why else ""), number=number)
            set_scaled_font(self.label, 1.25, bold=True)
        else:
            text = f"{lk.icon} " + self.tr(
                "Call the doctor or clinic today about: {sign}.\nIf it gets worse quickly, or breathing or waking "
                "is affected, call {number}.").format(sign=choice.label + (", " + why if why else ""), number=number)
            set_scaled_font(self.label, 1.1, bold=True)
        self.topic = choice.reference or "when-to-call"
        self.label.setText(text)
        self.setVisible(True)


class SymptomForm(QWidget):
    """Log one symptom for the selected person."""

    logged = Signal(object)  # Outcome
    topic_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.catalog = symptom_catalog()
        lay = scroll_page(self)
        lay.addWidget(heading(self.tr("Log a symptom")))
        form = QFormLayout()
        self.symptom = Choice()
        self.symptom.setAccessibleName(self.tr("Symptom"))
        self.symptom.addItem(self.tr("Choose a symptom..."), None)
        for c in self.catalog:
            tier = QCoreApplication.translate("symptom_form", TIER_WORDS[c.tier]) if c.tier in TIER_WORDS else ""
            self.symptom.addItem(f"{c.label}  ({tier})" if tier else c.label, c.code)
        self.symptom.currentIndexChanged.connect(self._symptom_changed)
        form.addRow(self.tr("&Symptom:"), self.symptom)
        self.severity = Choice()
        self.severity.setAccessibleName(self.tr("Severity from 0 to 10"))
        self.severity.addItem(self.tr("not rated"), None)
        for n in range(11):
            self.severity.addItem(f"{n} - {QCoreApplication.translate('symptom_form', SEVERITY_WORDS[n])}", n)
        self.severity.currentIndexChanged.connect(self._symptom_changed)
        form.addRow(self.tr("Se&verity (0-10):"), self.severity)
        self.when = WhenEdit(session.tz, settings=session.settings)
        session.operation_did_execute.connect(
            lambda ch: self.when.follow_clock_setting(session.settings) if ch.touches(Change.SETTINGS) else None)
        form.addRow(self.tr("&When:"), self.when)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note about the symptom"))
        self.note.setPlaceholderText(self.tr("what you saw, how long it lasted"))
        form.addRow(self.tr("&Note:"), self.note)
        lay.addLayout(form)
        self.triage = TriageBox(session)
        self.triage.topic_requested.connect(self.topic_requested)
        lay.addWidget(self.triage)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result = QLabel()
        self.undo_button = UndoButton(session)
        self.undo_button.clicked.connect(lambda: self.result.setText(self.undo_button.undone_text))
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result"))
        lay.addWidget(self.result)
        lay.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Log symptom"))
        self.save_button.setAccessibleName(self.tr("Log this symptom"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        set_scaled_font(self.save_button, 1.15, bold=True)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.footer = hint("")
        lay.addWidget(self.footer)
        session.operation_did_execute.connect(
            lambda ch: self._number_changed() if ch.touches(Change.SETTINGS) else None)
        self.reset()

    def _number_changed(self) -> None:
        self.footer.setText(self.tr("This journal is not medical advice. If you are worried, call the doctor, "
                                    "or {number} in an emergency.").format(number=self.session.emergency_number))
        self._show_triage()

    def _show_triage(self, choice: SymptomChoice | None = None, severity: int | None = None) -> None:
        choice = choice if choice is not None else self.current_choice()
        severity = severity if choice is not None and severity is not None else self.severity.currentData()
        tier, why = self.triage_in_context(choice, severity)
        self.triage.show_for(choice, severity, tier, why)

    def triage_in_context(self, choice: SymptomChoice | None, severity: int | None) -> tuple[str | None, str]:
        """The tier the checks would give this sign at the chosen time, with the person's other signs,
        readings and vomited doses of the day around it; (None, "") when that cannot be told."""
        pid = self.session.patient_id
        if choice is None or pid is None or not choice.tier:
            return None, ""
        try:
            at = self.when.value()
            catalog = default_catalog()
            history = self.session.history(pid, at - timedelta(days=1), at + timedelta(days=1))
            t = catalog.triage_with(SymptomEntry(at=at, symptom=choice.code, severity=severity, patient_id=pid),
                                    history)
        except Exception:  # noqa: BLE001 - the journal cannot be read now: the sign's own tier still shows
            return None, ""
        why = ""
        if t.raised_by == "with" and t.reading_c is not None:
            why = self.tr("together with a temperature of {temperature} measured near that time").format(
                temperature=temperature_text(t.reading_c, getattr(self.session.settings, "temperature_unit", "C")))
        elif t.raised_by == "with":
            why = self.tr("together with {sign} logged near that time").format(sign=catalog.label(t.companion).lower())
        elif t.raised_by == "vomited":
            why = self.tr("a dose came back up that day")
        return t.tier or None, why

    def reset(self) -> None:
        self._number_changed()
        self.symptom.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.note.clear()
        self.when.tz = self.session.tz
        self.when.follow_now(self.session.now)
        self.error.clear_error()

    def choose(self, code: str) -> None:
        i = self.symptom.findData(code)
        if i >= 0:
            self.symptom.setCurrentIndex(i)

    def current_choice(self) -> SymptomChoice | None:
        code = self.symptom.currentData()
        return next((c for c in self.catalog if c.code == code), None)

    def _symptom_changed(self) -> None:
        self.error.clear_error()
        self.result.clear()
        self._show_triage()

    def save(self) -> None:
        self.error.clear_error()
        pid = self.session.patient_id
        choice = self.current_choice()
        if pid is None:
            self.error.show_error(self.tr("Choose or add the person first."))
            return
        if choice is None:
            self.error.show_error(self.tr("Choose which symptom to log."))
            self.symptom.setFocus()
            return
        at = self.when.value()
        if later_than_this_minute(at, self.session.now()):
            self.error.show_error(self.tr("That time is in the future. Enter when it happened."))
            self.when.setFocus()
            return
        entry = SymptomEntry(at=at, symptom=choice.code, severity=self.severity.currentData(),
                             note=self.note.text().strip(), patient_id=pid)
        try:
            # The entry shows at once; the person's checks follow on the next turn (issue 17).
            outcome = entries.log_symptom(session=self.session, patient_id=pid, entry=entry, by=self.session.by,
                                          initiator=self, check_later=True)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        what = f"{choice.label}, {fmt_datetime(at, self.session.settings, self.session.now().date())}"
        self.session.remember_entry("symptom", outcome, what, pid)
        self.logged.emit(outcome)
        severity = entry.severity
        self.reset()
        self.result.setText("\u2714 " + self.tr("Logged: {what}.").format(what=what))
        self._show_triage(choice, severity)  # the advice stays in view after saving
