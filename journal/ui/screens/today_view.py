"""Today: each medicine's dose slots (due, overdue, given, skipped), one "Given now" action per
slot, back-filling at another time, and as-needed medicines with what was given today.

Each slot's state is the plan's answer (journal.schedule.plan, the same as the checks and the
report); doses come from a bounded history window (the day shown, and half a day either side so a
dose given after midnight answers its evening slot). The view redraws rows in place so keyboard focus
survives a refresh.

Over 500 lines: the Today tab's slots and the "Given now" path (the dose check, the early-slot
question, the dose dialog) belong together; the as-needed boxes are ui/widgets/as_needed.py. The
slot rows (SlotView, SlotRow) could follow into ui/widgets/ next (issue 20).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Dose, DoseStatus, Medication, PatientHistory
from journal.domain.shown import num
from journal.rules.common import plan_timing
from journal.schedule import CONTEXT, Outcome, Slot, journal_began, local_instant, plan_medicine
from journal.schedule.words import outcome_label, outcome_word, status_word

from ..dialogs import dose_warning
from ..dialogs.dose_dialog import DoseDialog
from ..operations import Change, OpChanges
from ..operations import doses as ops_doses
from ..shell.session import Session
from ..widgets.as_needed import AsNeededBox, as_needed_text
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import (
    amount_text,
    fmt_datetime,
    fmt_time,
    form_plural,
    long_day,
    strength_text,
)
from ..widgets.med_status import MedicineNotes, medicine_notes
from ..widgets.style import set_scaled_font
from ..widgets.widgets import ErrorLabel, UndoButton, heading, hint

log = logging.getLogger(__name__)

# "Given now" on a slot further ahead than this asks first: an easy slip of the finger at night.
EARLY_CONFIRM = timedelta(hours=2)

# How each outcome of journal.schedule.plan looks: (icon, colour). The words come from
# journal.schedule.words, the same as everywhere; the colour only helps.
STATE_LOOK: dict[Outcome, tuple[str, str]] = {
    Outcome.GIVEN: ("\u2714", "#1b5e20"),
    Outcome.VOMITED: ("\u2714", "#8a4b00"),
    Outcome.SKIPPED: ("\u2716", "#555555"),
    Outcome.REFUSED: ("\u2716", "#555555"),
    Outcome.MISSED: ("\u2716", "#8a0000"),
    Outcome.DUE: ("\u25f7", "#0d47a1"),
    Outcome.OVERDUE: ("\u26a0", "#b00020"),
    Outcome.UNLOGGED: ("\u26a0", "#b00020"),
}


def state_words(outcome: Outcome) -> str:
    """The outcome's words; "OVERDUE" in capitals, to stand out on the page."""
    return outcome_word(outcome).upper() if outcome is Outcome.OVERDUE else outcome_label(outcome)


def day_bounds(day: date, tz) -> tuple[datetime, datetime]:  # noqa: ANN001 (ZoneInfo)
    return local_instant(day, time(0), tz), local_instant(day + timedelta(days=1), time(0), tz)

@dataclass
class SlotView:
    medication: Medication
    slot: Slot
    state: str  # the plan's Outcome value: "given", "overdue", "unlogged", ...
    doses: list[Dose]
    answer: Dose | None = None  # the record that decides the state

def _slot_key(sv: SlotView) -> tuple[int, str]:
    """The key of a slot's row in `TodayView.rows`."""
    return (sv.medication.id or 0, sv.slot.at.isoformat())


class SlotRow:
    """The widgets of one slot inside its medicine's grid."""

    def __init__(self, view: TodayView, grid: QGridLayout, row: int, sv: SlotView) -> None:
        self.view = view
        self.sv = sv
        settings = view.session.settings
        when = fmt_time(sv.slot.at, settings)
        self.time_label = QLabel(when)
        set_scaled_font(self.time_label, 1.25, bold=True)
        self.amount_label = QLabel(amount_text(sv.slot.dose, sv.medication))
        self.amount_label.setWordWrap(True)
        self.state_label = QLabel()
        set_scaled_font(self.state_label, 1.1, bold=True)
        self.given_button = QPushButton(QCoreApplication.translate("SlotRow", "Given now"))
        self.given_button.clicked.connect(lambda: view.give_now(self.sv))
        self.other_button = QPushButton(QCoreApplication.translate("SlotRow", "Other time / not given..."))
        self.other_button.clicked.connect(lambda: view.open_dose_dialog(self.sv.medication, self.sv))
        for b in (self.given_button, self.other_button):
            b.setAutoDefault(True)  # Enter presses a focused button, not only Space (Ctrl+D, then Enter)
        self.grid = grid
        self.row = row
        grid.addWidget(self.time_label, 2 * row, 0)
        self.second_line = QHBoxLayout()  # empty (and taking no room) on one line
        grid.addLayout(self.second_line, 2 * row + 1, 0, 1, 3)
        self.place(view.two_lines)
        self._shown: tuple[str, str, bool] = ("", "", False)
        self.update(sv)

    def place(self, two_lines: bool) -> None:
        """One line (time, amount, state, buttons) or, for a large font or a narrow window,
        two: the state and the buttons go under the amount, so the amount is not squeezed
        into a column one word wide. The same widgets move, so keyboard focus stays."""
        moving: tuple[QWidget, ...] = (self.amount_label, self.state_label, self.given_button,
                                       self.other_button)
        for w in moving:
            self.grid.removeWidget(w)
            self.second_line.removeWidget(w)
        r = 2 * self.row
        self.state_label.setWordWrap(two_lines)  # "Given 08:05 by Sam" wraps, the buttons stay whole
        if two_lines:
            self.grid.addWidget(self.amount_label, r, 1, 1, 2)
            self.second_line.addWidget(self.state_label, 1)
            self.second_line.addWidget(self.given_button)
            self.second_line.addWidget(self.other_button)
        else:
            for col, widget in enumerate(moving, start=1):
                self.grid.addWidget(widget, r, col)

    def update(self, sv: SlotView) -> None:
        self.sv = sv
        outcome = Outcome(sv.state)
        icon, colour = STATE_LOOK[outcome]
        settings = self.view.session.settings
        text = f"{icon} {state_words(outcome)}"
        if sv.answer is not None:
            d = sv.answer
            if d.given is not None:
                text += f" {fmt_time(d.given, settings)}"
            if d.amount is not None and d.amount != sv.slot.dose:
                text += f" ({amount_text(d.amount, sv.medication)})"
            if d.by:
                text += f" by {d.by}"
        saving = self.view.saving(sv)
        if (text, colour, saving) == self._shown:
            return  # nothing changed: no restyling (a refresh runs after every logged dose)
        self._shown = (text, colour, saving)
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {colour};")
        when = fmt_time(sv.slot.at, settings)
        spoken = f"{sv.medication.name} {when}, {self.amount_label.text()}: {text.lstrip(icon).strip()}"
        self.state_label.setAccessibleName(f"{sv.medication.name} {when}: {text}")
        done = sv.state in ("given", "vomited")
        self.given_button.setEnabled(not done and not saving)
        past = self.view.day_offset != 0
        self.given_button.setText(QCoreApplication.translate("TodayView", "Already given") if done else
                                  QCoreApplication.translate("TodayView", "Saving\u2026") if saving else
                                  (QCoreApplication.translate("TodayView", "Given at {when}...").format(when=when) if past
                                   else QCoreApplication.translate("TodayView", "Given now")))
        # A screen reader hears the state with the button (the coloured label is not focusable).
        self.given_button.setAccessibleName(f"{spoken}. {self.given_button.text().rstrip('.')}")
        self.other_button.setAccessibleName(
            QCoreApplication.translate("TodayView", "{slot}. Log at another time, skipped, refused or vomited").format(
                slot=spoken))

class TodayView(QWidget):
    """Doses for the selected person, today."""

    dose_logged = Signal(object)  # operations.OpChanges

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.history: PatientHistory | None = None
        self.day: tuple[datetime, datetime] = (session.now(), session.now())  # the day on screen
        self.extras: dict[int | None, list[Dose]] = {}  # medication id -> doses answering no slot that day
        self.rows: dict[tuple[int, str], SlotRow] = {}
        self.prn_labels: dict[int, QLabel] = {}
        self.info_labels: dict[int, QLabel] = {}
        self.notes = MedicineNotes()  # as-needed limits and stock, today only (med_status.py)
        self._ahead: ops_doses.LookAhead | None = None  # the checks' look-ahead of the dose being saved
        # "Given now" presses whose dose is written on the next event-loop turn: slot key -> person
        self._pending: dict[tuple[int, str], int] = {}
        self._layout_key: tuple = ()
        self._logged_what = ""  # the last logged entry in a few words (for Undo)
        self.day_offset = 0  # 0 today, -1 yesterday (back-filling after midnight)
        self.two_lines = False  # each slot on two lines (words, then buttons) when space is short
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = heading(self.tr("Today"))
        self.title.setAccessibleName(self.tr("Today"))
        head.addWidget(self.title, 1)
        self.day_button = QPushButton(self.tr("\u25c0 Yesterday"))
        self.day_button.setAccessibleName(self.tr("Show yesterday's doses"))
        self.day_button.clicked.connect(self.toggle_day)
        head.addWidget(self.day_button)
        outer.addLayout(head)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Last action"))
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        self.undo_button = UndoButton(session)
        self.undo_button.clicked.connect(lambda: self.status.setText(self.undo_button.undone_text))
        status_row.addWidget(self.undo_button)
        outer.addLayout(status_row)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons inside
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area, 1)
        self.body: QWidget | None = None
        self.minute = QTimer(self)
        self.minute.setInterval(60_000)
        self.minute.timeout.connect(self.refresh)
        self.minute.start()
        session.operation_did_execute.connect(self._on_changed)
        session.patient_changed.connect(lambda _pid: self.refresh())
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(Change.SETTINGS):
            self._layout_key = ()  # time format may have changed: redraw every row
        if changes.touches(Change.DOSES | Change.MEDICINES | Change.PEOPLE | Change.SETTINGS):
            self.refresh()

    def toggle_day(self) -> None:
        self.day_offset = -1 if self.day_offset == 0 else 0
        self.day_button.setText(self.tr("Back to today \u25b6") if self.day_offset else self.tr("\u25c0 Yesterday"))
        self.day_button.setAccessibleName(self.tr("Back to today's doses") if self.day_offset
                                          else self.tr("Show yesterday's doses"))
        self.refresh()

    def slot_views(self) -> list[SlotView]:
        h = self.history
        self.extras = {}
        if h is None:
            return []
        now = self.session.now()
        out: list[SlotView] = []
        for m in h.medications:
            if m.as_needed or m.id is None:
                continue
            start, end = self.day
            plan = plan_medicine(m, h.tz, start, end, h.doses_of(m.id), now, plan_timing(m), journal_began(h, m))
            out.extend(SlotView(m, st.slot, st.outcome.value, st.doses, st.answer) for st in plan.slots)
            self.extras[m.id] = [d for d in plan.extra if d.status.was_given]
        return out

    def extra_text(self, m: Medication) -> str:
        """The doses of the day that answer no planned time (the checks and the report call them
        extra too): shown so a caregiver sees a dose logged at 09:30 did not count for 12:00."""
        extra = self.extras.get(m.id or 0, [])
        if not extra:
            return ""
        settings = self.session.settings
        parts = [f"{fmt_time(d.given or d.at, settings)} {status_word(d.status)}"
                 + (self.tr(" by {name}").format(name=d.by) if d.by else "") for d in extra]
        return "\u26a0 " + self.tr("Also logged, not for any planned time (an extra dose, as the safety checks and "
                                    "the doctor's report count it too): {doses}.").format(doses="; ".join(parts))

    def refresh(self) -> None:
        pid = self.session.patient_id
        now = self.session.now()
        if pid is None:
            self.history = None
            self._rebuild([], [])
            self.title.setText(self.tr("Today"))
            return
        day = now.date() + timedelta(days=self.day_offset)
        start, end = day_bounds(day, self.session.tz)
        self.day = (start, end)
        # The plan reads the doses of the day before and after too (a 23:00 dose given at 00:40).
        self.history = self.session.history(pid, start - CONTEXT, end + CONTEXT)
        self.notes = self._medicine_notes(pid, now)
        patient = self.history.patient
        title = self.tr("Yesterday, {day}: {person}") if self.day_offset else self.tr("Today, {day}: {person}")
        self.title.setText(title.format(day=long_day(day), person=patient.name))
        views = self.slot_views()
        prn = [m for m in self.history.medications if m.as_needed and m.id is not None
               and (m.regimen_on(day) is not None or not m.regimens)]
        key = (pid, day, self.day_offset, tuple((v.medication.id, v.slot.at) for v in views),
               tuple(m.id for m in prn), tuple(m.name for m in self.history.medications),
               tuple((mid, tuple(d.id for d in ds)) for mid, ds in self.extras.items() if ds))
        if key != self._layout_key:
            self._layout_key = key
            self._rebuild(views, prn)
        else:
            for v in views:
                self.rows[(v.medication.id or 0, v.slot.at.isoformat())].update(v)
            for m in prn:
                self.prn_labels[m.id or 0].setText(self._prn_text(m))
            for mid, info in self.info_labels.items():
                info.setText(self._med_info(next(m for m in self.history.medications if m.id == mid)))
        self._fit_rows()  # the words may have grown ("Given 14:01 by Daniel")

    def one_line_width(self) -> int:
        """About how wide a slot needs to be to fit on one line without squeezing the amount
        (from the font, so it follows the system font size, and from the words shown: "Given
        14:01 (2 tablets = 20 mg) by Daniel" or "Already given" need more than "OVERDUE")."""
        fm = self.fontMetrics()
        ch = max(1, fm.averageCharWidth())
        buttons = fm.horizontalAdvance(self.tr("Given now")) + fm.horizontalAdvance(self.tr("Other time / not given..."))
        state = int(1.3 * fm.horizontalAdvance("\u26a0 " + state_words(Outcome.OVERDUE)))
        for r in self.rows.values():
            buttons = max(buttons, r.given_button.fontMetrics().horizontalAdvance(r.given_button.text())
                          + r.other_button.fontMetrics().horizontalAdvance(r.other_button.text()))
            state = max(state, r.state_label.fontMetrics().horizontalAdvance(r.state_label.text()) + 2 * ch)
        return buttons + 6 * ch + int(1.5 * fm.horizontalAdvance("00:00")) + state + 22 * ch + 8 * ch

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt name)
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Two lines per slot when one line would not fit (else the buttons are pushed out of
        sight and the amount is squeezed to a word a line)."""
        two = self.width() < self.one_line_width()
        if two != self.two_lines:
            self.two_lines = two
            for r in self.rows.values():
                r.place(two)

    def _medicine_notes(self, pid: int, now: datetime) -> MedicineNotes:
        """As-needed standing and stock lines for today's page (none on yesterday's)."""
        if self.day_offset != 0 or self.history is None:
            return MedicineNotes()
        return medicine_notes(self.session.reads, pid, now, self.session.settings, self.history.medications)

    def _rebuild(self, views: list[SlotView], prn: list[Medication]) -> None:
        self.rows = {}
        self.prn_labels = {}
        self.info_labels = {}
        body = QWidget()
        lay = QVBoxLayout(body)
        if self.session.patient_id is None:
            lay.addWidget(hint(self.tr("Add or choose the person you care for to see today's doses.")))
        elif not views and not prn:
            lay.addWidget(hint(self.tr("No doses are scheduled today. Add medicines and their times under "
                               "\"Medicines\".")))
        by_med: dict[int, list[SlotView]] = {}
        meds: dict[int, Medication] = {}
        for v in views:
            by_med.setdefault(v.medication.id or 0, []).append(v)
            meds[v.medication.id or 0] = v.medication
        for mid, rows in by_med.items():
            m = meds[mid]
            box = QGroupBox(m.name)
            box.setAccessibleName(self.tr("Doses of {medicine}").format(medicine=m.name))
            set_scaled_font(box, 1.1, bold=True)
            inner = QVBoxLayout(box)
            info = QLabel(self._med_info(m))
            info.setWordWrap(True)
            info.setFont(self.font())
            inner.addWidget(info)
            self.info_labels[mid] = info
            grid = QGridLayout()
            grid.setColumnStretch(1, 1)
            for i, v in enumerate(rows):
                r = SlotRow(self, grid, i, v)
                for w in (r.amount_label, r.given_button, r.other_button):
                    w.setFont(self.font())
                self.rows[(mid, v.slot.at.isoformat())] = r
            inner.addLayout(grid)
            extra = self.extra_text(m)
            if extra:
                label = QLabel(extra)
                label.setWordWrap(True)
                label.setFont(self.font())
                label.setStyleSheet("color: #8a4b00;")
                label.setAccessibleName(self.tr("Extra doses of {medicine}").format(medicine=m.name))
                inner.addWidget(label)
            lay.addWidget(box)
        for m in prn:
            prn_box = AsNeededBox(m, self._prn_text(m), self.font())
            prn_box.log_requested.connect(lambda med: self.open_dose_dialog(med, None))
            self.prn_labels[m.id or 0] = prn_box.label
            lay.addWidget(prn_box)
        if self.session.patient_id is not None and self.history is not None and self.history.medications:
            other = QPushButton(self.tr("Log any dose at another time..."))
            other.setAccessibleName(self.tr("Log a dose of any medicine at another time"))
            other.clicked.connect(self.open_any_dialog)
            other.setAutoDefault(True)
            row = QHBoxLayout()
            row.addWidget(other)
            row.addStretch(1)
            lay.addLayout(row)
        lay.addStretch(1)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(body)
        self.body = body

    def _med_info(self, m: Medication) -> str:
        parts = []
        if m.form.is_liquid:
            parts.append(self.tr("Liquid: {strength}").format(strength=strength_text(m)))
        elif m.strength is not None:
            parts.append(self.tr("{forms} of {strength}").format(forms=form_plural(m.form.value), strength=m.strength))
        reg = m.regimen_on(self.session.now().date())
        if reg is not None and reg.times:
            n = len(reg.times)
            parts.append({1: self.tr("once a day"), 2: self.tr("twice a day")}.get(
                n, self.tr("{n} times a day").format(n=n)))
        if self.notes.stock.get(m.id or 0):
            parts.append(self.notes.stock[m.id or 0])
        return " \u2022 ".join(parts)

    def _prn_text(self, m: Medication) -> str:
        assert self.history is not None
        start, end = self.day
        given = [d for d in self.history.doses_of(m.id or 0) if d.status.was_given and start <= d.at < end]
        return as_needed_text(m, given, on=self.session.now().date(), yesterday=bool(self.day_offset),
                              settings=self.session.settings, notes=self.notes)

    # -- actions ----------------------------------------------------------------------------
    def give_now(self, sv: SlotView) -> None:
        pid = self.session.patient_id
        if pid is None:
            return
        if sv.state in ("given", "vomited"):
            self.error.show_error(self.tr("The {time} dose of {medicine} is already logged as given.").format(
                time=fmt_time(sv.slot.at, self.session.settings), medicine=sv.medication.name))
            return
        if self.day_offset != 0:
            self.open_dose_dialog(sv.medication, sv)  # yesterday: the real time is asked for
            return
        if self.saving(sv):
            return  # pressed again while this very dose is being saved: one dose, one question
        now = self.session.now()
        early = sv.slot.at - now
        if early > EARLY_CONFIRM:
            hours = early.total_seconds() / 3600
            answer = QMessageBox.question(
                self, self.tr("Give this dose early?"),
                self.tr("The {time} dose of {medicine} is not due for another {hours} hours.\n\n"
                        "Log it as given now anyway?").format(time=fmt_time(sv.slot.at, self.session.settings),
                                                             medicine=sv.medication.name, hours=num(hours, ".0f")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        if not self.clock_looks_right(pid, now):
            return
        dose = Dose(medication_id=sv.medication.id or 0, status=DoseStatus.TAKEN, scheduled=sv.slot.at,
                    given=now, amount=sv.slot.dose, by=self.session.by, patient_id=pid)
        warning = self.dose_warning(dose)
        if warning is not None and not dose_warning.ask_save_anyway(self, warning):
            self.status.setText(self.tr("Not saved (you chose Cancel when the safety checks warned about this dose)."))
            return
        self._save_next_turn(pid, dose, sv, self._ahead)

    def saving(self, sv: SlotView) -> bool:
        """Whether this slot's "Given now" is being saved (its button says so and does nothing)."""
        return _slot_key(sv) in self._pending

    def _save_next_turn(self, pid: int, dose: Dose, sv: SlotView, ahead: ops_doses.LookAhead | None) -> None:
        """The press was one event (the look-ahead: the person's history read and the dose rules);
        the write and the redraw are the next one (issue 17: each GUI event short at 50 people).
        The person, the dose and its look-ahead are the ones of the press: switching person in
        between does not move the dose. Meanwhile the button says "Saving..." and does nothing."""
        key = _slot_key(sv)
        self._pending[key] = pid
        row = self.rows.get(key)
        if row is not None:
            row.update(row.sv)
        # (with the view as context: nothing runs if the window was destroyed in between)
        QTimer.singleShot(0, self, lambda: self._save_pending(key, pid, dose, sv.medication, ahead))

    def _save_pending(self, key: tuple[int, str], pid: int, dose: Dose, m: Medication,
                      ahead: ops_doses.LookAhead | None) -> None:
        try:
            # Claims the slot: another caregiver's "Given now" a moment ago elsewhere is refused,
            # not stored twice ("already given by Ana at 08:01").
            self._submit(dose, m, claim_slot=True, pid=pid, ahead=ahead)
        finally:
            self._pending.pop(key, None)
            row = self.rows.get(key)
            if row is not None:
                row.update(row.sv)

    def clock_looks_right(self, pid: int, now: datetime) -> bool:
        """"Given now" far from the journal's last entry: ask whether the computer's clock is
        right before saving (a wrong clock would show a false gap to the checks). True to go on."""
        doubt = self.session.journal.clock_doubt(pid, now)
        if doubt is None:
            return True
        answer = QMessageBox.question(
            self, self.tr("Is the computer's clock right?"),
            f"{doubt[0].upper()}{doubt[1:]}.\n\n" + self.tr(
                "If the clock is wrong, choose No and use \"Other time / not given...\" to enter the real time "
                "(or correct the computer's clock first).\n\nLog this dose as given now anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def dose_warning(self, dose: Dose) -> str | None:
        """What the safety checks would warn about if `dose` were saved (warn before, not after),
        or None. A dose the journal would refuse is left to the save, which says why."""
        pid = self.session.patient_id
        if pid is None:
            return None
        self._ahead = None
        try:
            self._ahead = ops_doses.look_ahead(session=self.session, patient_id=pid, dose=dose)
            preview = self._ahead.preview
        except USER_ERRORS:
            return None
        except Exception:  # noqa: BLE001 - a failed look-ahead must not stop a dose being recorded;
            log.exception("the check before saving a dose failed")  # the checks after saving still run
            return None
        if not preview.alerts:
            return None
        return dose_warning.warning_text(preview.alerts, preview.counted_for(self.session.tz),
                                         self.session.emergency_number)

    def _submit(self, dose: Dose, m: Medication, claim_slot: bool = False, *, pid: int | None = None,
                ahead: ops_doses.LookAhead | None = None) -> OpChanges | None:
        pid = pid if pid is not None else self.session.patient_id
        if pid is None:  # no person chosen: there is no dose to give
            return None
        self.error.clear_error()
        try:
            # "Given now": the dose shows at once, the person's checks follow on the next turn.
            outcome = ops_doses.give_dose(session=self.session, patient_id=pid, dose=dose, by=self.session.by,
                                          initiator=self, claim_slot=claim_slot, ahead=ahead or self._ahead,
                                          check_later=claim_slot)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return None
        self._logged(m, dose, outcome, pid)
        return outcome

    def _logged(self, m: Medication, dose: Dose, outcome: OpChanges, pid: int | None) -> None:
        text = self.logged_text(m, dose)
        if pid is not None and pid != self.session.patient_id:  # the person was switched since the press
            try:
                name = self.session.journal.get_patient(pid).name
            except Exception:  # noqa: BLE001 - the words only; the dose is saved
                name = ""
            if name:
                text += " " + self.tr("(for {person})").format(person=name)
        self.status.setText(text)
        self.session.remember_entry("dose", outcome, self._logged_what, pid)
        self.dose_logged.emit(outcome)

    def _dialog_submit(self, first: Medication):  # noqa: ANN202
        def submit(dose: Dose) -> OpChanges | None:
            pid = self.session.patient_id
            if pid is None:  # no person chosen: there is no dose to give
                return None
            m = next((x for x in self.history.medications if x.id == dose.medication_id), first) \
                if self.history else first
            # The dialog's dose (another time, skipped, refused, vomited, as needed) shows at once;
            # the person's checks follow on the next turn (issue 17).
            outcome = ops_doses.give_dose(session=self.session, patient_id=pid, dose=dose, by=self.session.by,
                                          initiator=self, ahead=self._ahead, check_later=True)
            self._logged(m, dose, outcome, pid)
            return outcome
        return submit

    def logged_text(self, m: Medication, dose: Dose) -> str:
        """What was just logged, with the day when it is not the day on screen (a dose
        back-filled for yesterday evening does not show on today's page)."""
        now = self.session.now()
        shown = now.date() + timedelta(days=self.day_offset)
        local = dose.at.astimezone(self.session.tz)
        when = fmt_datetime(local, self.session.settings, now.date())
        what = status_word(dose.status)
        self._logged_what = f"{m.name}, {what}, {when}"
        text = "\u2714 " + self.tr("Logged: {what}.").format(what=self._logged_what)
        if local.date() != shown:
            if local.date() == now.date():
                text += " " + self.tr("It shows on today's page (\"Back to today\").")
            elif local.date() == now.date() - timedelta(days=1):
                text += " " + self.tr("It shows on yesterday's page (\"\u25c0 Yesterday\").")
            else:
                text += " " + self.tr("It shows in the History tab.")
        return text

    def open_dose_dialog(self, m: Medication, sv: SlotView | None,
                         choices: list[Medication] | None = None) -> DoseDialog:
        now = self.session.now()
        reg = m.regimen_on(now.date())
        default = sv.slot.at if sv is not None and sv.slot.at <= now else now
        dlg = DoseDialog(m, tz=self.session.tz, now=now, default_time=default,
                         amount=sv.slot.dose if sv is not None else (reg.dose if reg else None),
                         scheduled=sv.slot.at if sv is not None else None,
                         submit=self._dialog_submit(m), by=self.session.by, parent=self, choices=choices,
                         preview=self.dose_warning, settings=self.session.settings)
        dlg.exec()
        return dlg

    def open_any_dialog(self) -> DoseDialog | None:
        """Back-fill any medicine at any time (yesterday too): the entry answers the nearest slot."""
        if not self.history or not self.history.medications:
            return None
        today = self.session.now().date()
        meds = [m for m in self.history.medications if m.regimen_on(today) is not None] or \
            list(self.history.medications)
        return self.open_dose_dialog(meds[0], None, choices=meds)

    def log_dose_shortcut(self) -> None:
        """Ctrl+D: the first slot that is due or overdue gets the focus (Enter gives it)."""
        for r in self.rows.values():
            if r.given_button.isEnabled():
                r.given_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                self.scroll_area.ensureWidgetVisible(r.given_button)
                return

    # -- for tests and screen readers ---------------------------------------------------------
    def _row(self, medication: str, hhmm: str) -> SlotRow:
        for r in self.rows.values():
            if r.sv.medication.name == medication and r.sv.slot.at.strftime("%H:%M") == hhmm:
                return r
        raise KeyError(f"no slot {medication} {hhmm}")

    def slot_button(self, medication: str, hhmm: str) -> QPushButton:
        return self._row(medication, hhmm).given_button

    def other_button(self, medication: str, hhmm: str) -> QPushButton:
        return self._row(medication, hhmm).other_button

    def slot_state(self, medication: str, hhmm: str) -> str:
        return self._row(medication, hhmm).sv.state

    def slot_text(self, medication: str, hhmm: str) -> str:
        r = self._row(medication, hhmm)
        return f"{r.amount_label.text()} | {r.state_label.text()}"
