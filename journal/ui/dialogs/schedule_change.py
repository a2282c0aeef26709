"""Changing a medicine's schedule, checked before it is saved: the dose from a date or a taper plan
of dated steps (RegimenDialog), and a stop (StopDialog). Both share CheckThenSaveDialog: "1. Check"
shows the safety checks' verdict on exactly the proposed schedules, "2. Save" stores what was checked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Alert, Medication, QuantityError, Regimen
from journal.services.journal import Outcome

from ..widgets.errors import USER_ERRORS
from ..widgets.formatting import amount_text
from ..widgets.verdict import VerdictBox
from ..widgets.widgets import ErrorLabel, heading, hint, pydate, qdate
from .form_dialog import REFUSALS, FormDialog
from .medicine_forms import parse_dose, parse_times


class CheckThenSaveDialog(FormDialog):
    """A schedule change's dialog: "1. Check" runs the safety checks on the proposed schedules
    (`proposed()`), shows their verdict and enables "2. Save" (`checked_text(alerts)`); Save
    stores exactly what was checked. Subclasses set `preview`, `submit`, `checked_for`,
    `emergency_number` and the buttons (add_check_then_save)."""

    focus_save_after_check = False
    preview: Callable[[list[Regimen]], list[Alert]]
    submit: Callable[[list[Regimen]], Outcome]
    checked_for: list[Regimen] | None
    emergency_number: str
    verdict: VerdictBox
    save_button: QPushButton

    def proposed(self) -> list[Regimen]:
        raise NotImplementedError

    def checked_text(self, alerts: list[Alert]) -> str:
        raise NotImplementedError

    def run_check(self) -> None:
        self.error.clear_error()
        try:
            proposed = self.proposed()
            alerts = self.preview(proposed)
        except REFUSALS as exc:
            self.show_refusal(exc)
            return
        self.verdict.show_verdict(alerts, self.emergency_number)
        self.checked_for = proposed
        self.save_button.setEnabled(True)
        self.save_button.setText(self.checked_text(alerts))
        if self.focus_save_after_check:
            self.save_button.setFocus()

    def try_save(self) -> None:
        if self.checked_for is None:
            self.run_check()
            return
        try:
            self.outcome = self.submit(self.checked_for)
        except USER_ERRORS as exc:
            self.show_refusal(exc)
            return
        self.accept()


def add_check_then_save(dialog: CheckThenSaveDialog, lay: QVBoxLayout, *, check_name: str, save_text: str,
                        save_name: str) -> tuple[ErrorLabel, VerdictBox, QPushButton, QPushButton]:
    """The error line (the FormDialog's), the checks' verdict and the "1. Check, 2. Save" buttons every
    schedule change ends with: Save stays disabled until the change has been checked."""
    dialog.add_error_line(lay)
    error = dialog.error
    verdict = VerdictBox()
    lay.addWidget(verdict)
    lay.addStretch(1)
    row = QHBoxLayout()
    check_button = QPushButton(QCoreApplication.translate("medicines_view", "1. Check this change"))
    check_button.setAccessibleName(check_name)
    check_button.clicked.connect(dialog.run_check)
    save_button = QPushButton(save_text)
    save_button.setAccessibleName(save_name)
    save_button.setEnabled(False)
    save_button.clicked.connect(dialog.try_save)
    cancel = QPushButton(QCoreApplication.translate("medicines_view", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    row.addWidget(check_button)
    row.addWidget(save_button)
    row.addStretch(1)
    row.addWidget(cancel)
    lay.addLayout(row)
    return error, verdict, check_button, save_button


class RegimenDialog(CheckThenSaveDialog):
    """Change the dose from a date, or a taper plan of dated steps. Two steps: check, then save."""

    focus_save_after_check = True

    def __init__(self, medication: Medication, today: date, *, taper: bool,
                 preview: Callable[[list[Regimen]], list[Alert]],
                 submit: Callable[[list[Regimen]], Outcome], emergency_number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._built = False  # edits made while the dialog is being filled in need no new check
        self.medication = medication
        self.today = today
        self.taper = taper
        self.preview = preview
        self.submit = submit
        self.emergency_number = emergency_number
        self.checked_for: list[Regimen] | None = None
        self.outcome: Any = None
        self.setWindowTitle((self.tr("Taper plan for {medicine}") if taper else self.tr("Change the dose of {medicine}"))
                            .format(medicine=medication.name))
        lay = QVBoxLayout(self)
        current = medication.regimen_on(today)
        if current is None:
            cur_text = self.tr("No schedule in force today.")
        elif current.times:
            cur_text = self.tr("Now: {amount} at {times}").format(
                amount=amount_text(current.dose, medication), times=", ".join(t.strftime("%H:%M") for t in current.times))
        else:
            cur_text = self.tr("Now: {amount} as needed").format(amount=amount_text(current.dose, medication))
        lay.addWidget(heading(medication.name, 1.2))
        lay.addWidget(QLabel(cur_text))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Starts on (YYYY-MM-DD)"), self.tr("Each dose"), self.tr("Times")])
        self.table.setAccessibleName(self.tr("Schedule steps"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = 6 if taper else 2
        self.table.setMaximumHeight(header.sizeHint().height() + self.table.fontMetrics().height() * 2 * rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._edited)
        lay.addWidget(self.table)
        times = ", ".join(t.strftime("%H:%M") for t in current.times) if current else ""
        dose = str(current.dose) if current else ""
        self.add_step(today + timedelta(days=1), dose, times)
        row = QHBoxLayout()
        if taper:
            lay.insertWidget(2, hint(self.tr("Enter each step of the plan the prescriber gave you: the date it "
                                     "starts, the dose and the times. Tick the box below if the medicine "
                                     "stops after the last step.")))
            self.add_button = QPushButton(self.tr("Add a step"))
            self.add_button.setAccessibleName(self.tr("Add a taper step"))
            self.add_button.clicked.connect(self._add_next_step)
            row.addWidget(self.add_button)
            self.remove_button = QPushButton(self.tr("Remove the selected step"))
            self.remove_button.setAccessibleName(self.tr("Remove the selected taper step"))
            self.remove_button.clicked.connect(self._remove_step)
            row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        stop_row = QHBoxLayout()
        self.stop_after = QCheckBox(self.tr("The medicine stops after the last step, on:"))
        self.stop_after.setAccessibleName(self.tr("The medicine stops after the last step"))
        self.stop_date = QDateEdit(qdate(today + timedelta(days=14)))
        self.stop_date.setCalendarPopup(True)
        self.stop_date.setDisplayFormat("yyyy-MM-dd")
        self.stop_date.setAccessibleName(self.tr("Last day of the last step"))
        self.stop_after.toggled.connect(self._edited)
        self.stop_date.dateChanged.connect(self._edited)
        stop_row.addWidget(self.stop_after)
        stop_row.addWidget(self.stop_date)
        stop_row.addStretch(1)
        if taper:
            lay.addLayout(stop_row)
        else:
            self.stop_after.setVisible(False)
            self.stop_date.setVisible(False)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Who asked for this change and why"))
        self.reason.setPlaceholderText(self.tr("for example: Dr Lee, spasms better, reducing slowly"))
        form = QFormLayout()
        form.addRow(self.tr("&Why / who asked:"), self.reason)
        lay.addLayout(form)
        self.error, self.verdict, self.check_button, self.save_button = add_check_then_save(
            self, lay, check_name=self.tr("Check this change with the safety checks"),
            save_text=self.tr("2. Save change"), save_name=self.tr("Save the change"))
        self._built = True
        self.resize(720, 520)

    def add_step(self, start: date, dose: str, times: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, v in enumerate((start.isoformat(), dose, times)):
            self.table.setItem(r, c, QTableWidgetItem(v))

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def set_step(self, row: int, start: date | None = None, dose: str | None = None,
                 times: str | None = None) -> None:
        for c, v in enumerate((start.isoformat() if start else None, dose, times)):
            if v is not None:
                self.table.setItem(row, c, QTableWidgetItem(v))

    def _add_next_step(self) -> None:
        r = self.table.rowCount()
        last = self._cell(r - 1, 0) if r else self.today.isoformat()
        try:
            nxt = date.fromisoformat(last) + timedelta(days=7)
        except ValueError:
            nxt = self.today + timedelta(days=7)
        self.add_step(nxt, self._cell(r - 1, 1) if r else "", self._cell(r - 1, 2) if r else "")

    def _remove_step(self) -> None:
        r = self.table.currentRow()
        if r >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(r)
            self._edited()

    def _edited(self, *_args: object) -> None:
        # Any edit after a check needs a new check before saving.
        if not self._built:
            return
        self.checked_for = None
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("2. Save change"))
        self.verdict.setVisible(False)

    def steps(self) -> list[Regimen]:
        """The new regimens the table describes (each step ends the day before the next)."""
        steps: list[Regimen] = []
        for r in range(self.table.rowCount()):
            cells = [self._cell(r, c) for c in range(3)]
            try:
                start = date.fromisoformat(cells[0])
            except ValueError:
                raise ValueError(self.tr("Step {n}: {text} is not a date; write it as YYYY-MM-DD.").format(
                    n=r + 1, text=repr(cells[0]))) from None
            try:
                dose = parse_dose(cells[1])
            except QuantityError as exc:
                raise ValueError(self.tr("Step {n}: {problem}").format(n=r + 1, problem=exc)) from None
            try:
                times = [] if self.medication.as_needed else parse_times(cells[2])
            except ValueError as exc:
                raise ValueError(self.tr("Step {n}: {problem}").format(n=r + 1, problem=exc)) from None
            if not self.medication.as_needed and not times:
                raise ValueError(self.tr("Step {n}: enter the dose times, like 08:00, 20:00.").format(n=r + 1))
            steps.append(Regimen(start=start, dose=dose, times=times, reason=self.reason.text().strip(),
                                 medication_id=self.medication.id))
        steps.sort(key=lambda s: s.start)
        for a, b in zip(steps, steps[1:], strict=False):
            if a.start == b.start:
                raise ValueError(self.tr("Two steps start on {date}; give each step its own date.").format(
                    date=a.start.isoformat()))
            a.end = b.start - timedelta(days=1)
        if steps and self.stop_after.isChecked():
            end = pydate(self.stop_date.date())
            if end < steps[-1].start:
                raise ValueError(self.tr("The stop date is before the last step starts."))
            steps[-1].end = end
        return steps

    def proposed(self) -> list[Regimen]:
        return self.steps()

    def checked_text(self, alerts: list[Alert]) -> str:
        return (self.tr("2. Save anyway (the prescriber asked for it)") if alerts
                else self.tr("2. Save change"))


class StopDialog(CheckThenSaveDialog):
    """End a medicine's schedule on a date; the checks say first what a sudden stop means."""

    def __init__(self, medication: Medication, today: date, *,
                 preview: Callable[[list[Regimen]], list[Alert]], submit: Callable[[list[Regimen]], Outcome],
                 emergency_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.medication = medication
        self.preview = preview
        self.submit = submit
        self.emergency_number = emergency_number
        self.checked_for: list[Regimen] | None = None
        self.outcome: Any = None
        self.setWindowTitle(self.tr("Stop {medicine}").format(medicine=medication.name))
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Stop {medicine}").format(medicine=medication.name), 1.2))
        lay.addWidget(hint(self.tr("Only when the prescriber said so. Baclofen taken for a while should be lowered "
                           "step by step (use \"Enter a taper plan\" for that).")))
        form = QFormLayout()
        self.last_day = QDateEdit(qdate(today))
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("yyyy-MM-dd")
        self.last_day.setAccessibleName(self.tr("Last day of doses"))
        self.last_day.dateChanged.connect(self._edited)
        form.addRow(self.tr("&Last day of doses:"), self.last_day)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Who asked for the stop and why"))
        form.addRow(self.tr("&Why / who asked:"), self.reason)
        lay.addLayout(form)
        self.error, self.verdict, self.check_button, self.save_button = add_check_then_save(
            self, lay, check_name=self.tr("Check the stop with the safety checks"),
            save_text=self.tr("2. Save the stop"), save_name=self.tr("Save the stop"))

    def _edited(self, *_args: object) -> None:
        self.checked_for = None
        self.save_button.setEnabled(False)
        self.verdict.setVisible(False)

    def plan(self) -> list[Regimen]:
        last = pydate(self.last_day.date())
        kept: list[Regimen] = []
        for r in self.medication.regimens:
            if r.start > last:
                continue  # a planned step after the stop is dropped
            end = r.end if r.end is not None and r.end <= last else last
            kept.append(dataclasses.replace(r, end=end, reason=r.reason if r.end is not None and r.end <= last
                                            else (self.reason.text().strip() or r.reason)))
        if not kept:
            raise ValueError(self.tr("The medicine has no schedule before that day; nothing to stop."))
        return kept

    def proposed(self) -> list[Regimen]:
        return self.plan()

    def checked_text(self, alerts: list[Alert]) -> str:
        return (self.tr("2. Save anyway (the prescriber asked for it)") if alerts
                else self.tr("2. Save the stop"))

