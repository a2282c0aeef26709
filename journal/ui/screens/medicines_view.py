"""The Medicines tab: the medicines and their schedules, and the buttons that add one, change a
dose from a date, enter a taper plan as dated steps, stop one, set its as-needed limits or log its
stock. The dialogs are in ui/dialogs/ (medicine_dialog, schedule_change, medicine_limits); the
safety checks' verdict on a change is shown BEFORE it is saved.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Alert, Medication, Quantity, Regimen

from ..dialogs.medicine_dialog import MedicationDialog, form_label
from ..dialogs.medicine_limits import LimitsDialog, StockDialog
from ..dialogs.schedule_change import RegimenDialog, StopDialog
from ..operations import Change, OpChanges, medicines
from ..shell.session import Session
from ..widgets.formatting import amount_text, fmt_date, fmt_time, strength_text
from ..widgets.lazy_page import LazyPage
from ..widgets.med_status import stock_text
from ..widgets.widgets import heading, hint


def regimen_text(r: Regimen, m: Medication, settings: Any) -> str:
    times = ", ".join(fmt_time(t, settings) for t in r.times)
    every = "" if r.every_days == 1 else QCoreApplication.translate("medicines_view", " every {n} days").format(
        n=r.every_days)
    until = QCoreApplication.translate("medicines_view", " until {date}").format(date=fmt_date(r.end, settings)) \
        if r.end else ""
    words = QCoreApplication.translate("medicines_view", "from {start}{until}: {amount} at {times}{every}") if times \
        else QCoreApplication.translate("medicines_view", "from {start}{until}: {amount} as needed{every}")
    return words.format(start=fmt_date(r.start, settings), until=until, amount=amount_text(r.dose, m), times=times,
                        every=every)


class MedicinesView(LazyPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.medications: list[Medication] = []
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Medicines and schedules")))
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Medicines"))
        self.list.currentRowChanged.connect(self._show_details)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.list, 2)
        right = QVBoxLayout()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName(self.tr("Medicine details"))
        right.addWidget(self.details, 1)
        body.addLayout(right, 3)
        lay.addLayout(body, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a medicine..."))
        self.add_button.setAccessibleName(self.tr("Add a medicine"))
        self.add_button.clicked.connect(self.add_medication)
        self.change_button = QPushButton(self.tr("Change the dose..."))
        self.change_button.setAccessibleName(self.tr("Change the dose of the selected medicine"))
        self.change_button.clicked.connect(lambda: self.change_regimen(taper=False))
        self.taper_button = QPushButton(self.tr("Enter a taper plan..."))
        self.taper_button.setAccessibleName(self.tr("Enter a taper plan for the selected medicine"))
        self.taper_button.clicked.connect(lambda: self.change_regimen(taper=True))
        self.stop_button = QPushButton(self.tr("Stop this medicine..."))
        self.stop_button.setAccessibleName(self.tr("Stop the selected medicine"))
        self.stop_button.clicked.connect(self.stop_medication)
        self.limits_button = QPushButton(self.tr("Limits and ceiling..."))
        self.limits_button.setAccessibleName(self.tr("Set the prescribed limits of the selected medicine"))
        self.limits_button.clicked.connect(self.edit_limits)
        self.stock_button = QPushButton(self.tr("Stock: count or refill..."))
        self.stock_button.setAccessibleName(self.tr("Record the stock of the selected medicine"))
        self.stock_button.clicked.connect(self.record_stock)
        # Two by two: one row of four buttons made the window wider than the screen at a large font.
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.change_button, self.taper_button, self.stop_button,
                               self.limits_button, self.stock_button)):
            buttons.addWidget(b, i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        row.addLayout(buttons)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addWidget(hint(self.tr("Change a schedule only as the prescriber told you. Stopping baclofen suddenly "
                           "can be dangerous. This journal is not medical advice.")))
        session.operation_did_execute.connect(
            lambda ch: self.refresh() if ch.touches(Change.MEDICINES | Change.PEOPLE) else None)
        session.patient_changed.connect(lambda _pid: self.mark_dirty())
        self._dirty = False
        self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        pid = self.session.patient_id
        keep = self.list.currentRow()
        self.list.clear()
        self.medications = list(self.session.journal.list_medications(pid)) if pid is not None else []
        today = self.session.now().date()
        for m in self.medications:
            reg = m.regimen_on(today)
            state = "" if reg is not None else self.tr("  (not taken now)")
            item = QListWidgetItem(f"{m.name}{state}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.name}{state}")
            self.list.addItem(item)
        if self.medications:
            self.list.setCurrentRow(min(max(keep, 0), len(self.medications) - 1))
        else:
            self.details.setText(self.tr("No medicines yet. Use \"Add a medicine\" to enter the first one."))
        for b in (self.change_button, self.taper_button, self.stop_button, self.limits_button, self.stock_button):
            b.setEnabled(bool(self.medications))
        self.add_button.setEnabled(pid is not None)

    def current(self) -> Medication | None:
        r = self.list.currentRow()
        return self.medications[r] if 0 <= r < len(self.medications) else None

    def select(self, name: str) -> None:
        for i, m in enumerate(self.medications):
            if m.name == name:
                self.list.setCurrentRow(i)

    def _show_details(self, _row: int) -> None:
        m = self.current()
        if m is None:
            return
        s = self.session.settings
        today = self.session.now().date()
        lines = [m.name, self.tr("Form: {form}").format(form=form_label(m.form)),
                 self.tr("Strength: {strength}").format(strength=strength_text(m))]
        if m.as_needed:
            lines.append(self.tr("Given only when needed."))
        lines += self._limit_lines(m)
        lines.append("")
        lines.append(self.tr("Schedule (oldest first):"))
        for r in m.regimens:
            mark = "  \u25b6 " + self.tr("now") + " " if r.active_on(today) and m.regimen_on(today) is r else \
                "  \u2022 " + self.tr("next") + " " if r.start > today else "  \u2022 " + self.tr("was") + " "
            lines.append(mark + regimen_text(r, m, s))
        self.details.setText("\n".join(lines))

    def _limit_lines(self, m: Medication) -> list[str]:
        """The prescriber's limits and the stock, as the details show them."""
        from journal.reports.data import limits_text

        out = []
        limits = limits_text(m)
        if limits:
            out.append(self.tr("Prescribed limits: {limits}").format(limits=limits))
        current = self._stock_now(m)
        if current:
            out.append(current)
        return out

    def _stock_now(self, m: Medication) -> str:
        if m.id is None or not m.stock:
            return ""
        from journal.schedule.stock import StockUnknown

        try:
            return stock_text(self.session.journal.stock_level(m.id, self.session.now()))
        except StockUnknown as e:
            return self.tr("Stock: cannot tell ({reason})").format(reason=e)

    def edit_limits(self) -> LimitsDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def submit(ceiling: Quantity | None, limits: Any) -> Any:
            return medicines.set_limits(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                        max_daily=ceiling, as_needed_limits=limits, by=self.session.by,
                                        initiator=self)

        dlg = LimitsDialog(m, submit, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Limits saved."))
        return dlg

    def record_stock(self) -> StockDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def submit(event: Any) -> Any:
            return medicines.record_stock(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                          event=event, by=self.session.by, initiator=self)

        def remove(event: Any, reason: str) -> Any:
            return medicines.remove_stock_event(session=self.session, patient_id=m.patient_id, event_id=event.id,
                                                by=self.session.by, reason=reason, initiator=self)

        dlg = StockDialog(m, tz=self.session.tz, now=self.session.now, current=self._stock_now(m), submit=submit,
                          remove=remove, parent=self, settings=self.session.settings)
        if dlg.exec():
            self.status.setText("\u2714 " + self.tr("Stock saved.") + " "
                                + self._stock_now(self.session.journal.get_medication(mid)))
        return dlg

    def add_medication(self) -> MedicationDialog | None:
        pid = self.session.patient_id
        if pid is None:
            return None

        def submit(m: Medication) -> OpChanges:
            m.patient_id = pid
            return medicines.add_medicine(session=self.session, patient_id=pid, medicine=m, by=self.session.by,
                                          initiator=self)

        dlg = MedicationDialog(self.session.now().date(), submit, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Medicine added."))
        return dlg

    def change_regimen(self, taper: bool) -> RegimenDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def preview(steps: list[Regimen]) -> list[Alert]:
            from journal.services import checks

            return list(checks.preview_regimen_change(self.session.journal, mid,
                                                      self._full_plan(m, steps), self.session.clock.now()))

        def submit(steps: list[Regimen]) -> Any:
            plan = steps if len(steps) == 1 and steps[0].end is None else self._full_plan(m, steps)
            return medicines.change_schedule(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                             steps=plan, by=self.session.by, initiator=self)

        dlg = RegimenDialog(m, self.session.now().date(), taper=taper, preview=preview, submit=submit,
                            emergency_number=self.session.emergency_number, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Schedule saved. Today's doses follow it from its start date."))
        return dlg

    def stop_medication(self) -> StopDialog | None:
        m = self.current()
        if m is None or m.id is None:
            return None
        mid = m.id

        def preview(plan: list[Regimen]) -> list[Alert]:
            from journal.services import checks

            return list(checks.preview_regimen_change(self.session.journal, mid, plan, self.session.clock.now()))

        def submit(plan: list[Regimen]) -> Any:
            return medicines.stop_medicine(session=self.session, patient_id=m.patient_id, medication_id=mid,
                                           plan=plan, by=self.session.by, initiator=self)

        dlg = StopDialog(m, self.session.now().date(), preview=preview, submit=submit,
                         emergency_number=self.session.emergency_number, parent=self)
        if dlg.exec():
            self.status.setText(self.tr("\u2714 Stop saved. Doses end after the last day."))
        return dlg

    @staticmethod
    def _full_plan(m: Medication, steps: list[Regimen]) -> list[Regimen]:
        """Earlier regimens kept as history (the one in force ends the day before the first step)."""
        first = steps[0].start
        kept = []
        for r in m.regimens:
            if r.start >= first:
                continue  # replaced by the new plan
            end = r.end if r.end is not None and r.end < first else first - timedelta(days=1)
            kept.append(dataclasses.replace(r, end=end))
        return kept + steps
