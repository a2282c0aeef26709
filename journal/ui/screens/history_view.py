"""History: one timeline of doses, symptoms, readings, pump events and notes, filterable, with
corrections shown beside their earlier values. Editing makes a correction that keeps history.

Only a bounded window is loaded (the last N days), never the whole journal.

The correction dialog is ui/dialogs/correction_dialog.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain import (
    Note,
    PatientHistory,
    Revision,
)
from journal.domain.shown import num
from journal.schedule.words import status_label
from journal.services.journal import Settings

from ..dialogs.correction_dialog import CorrectionDialog
from ..operations import DATA, Change, OpChanges, entries
from ..shell.session import Session
from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.catalog import choice_for
from ..widgets.errors import USER_ERRORS, describe
from ..widgets.formatting import amount_text, fmt_datetime, reading_text
from ..widgets.lazy_page import LazyPage
from ..widgets.widgets import Choice, ErrorLabel, heading
from .pump_view import kind_label as pump_label
from .today_view import day_bounds
from .vitals_form import kind_label as reading_label

# The words below are English source texts, shown through _tr() in the window's language.
KINDS = {"all": QT_TRANSLATE_NOOP("history_view", "Everything"), "dose": QT_TRANSLATE_NOOP("history_view", "Doses"),
         "symptom": QT_TRANSLATE_NOOP("history_view", "Symptoms"),
         "observation": QT_TRANSLATE_NOOP("history_view", "Readings"),
         "pump_event": QT_TRANSLATE_NOOP("history_view", "Pump"), "note": QT_TRANSLATE_NOOP("history_view", "Notes")}
PERIODS = [(1, QT_TRANSLATE_NOOP("history_view", "Today")), (7, QT_TRANSLATE_NOOP("history_view", "Last 7 days")),
           (30, QT_TRANSLATE_NOOP("history_view", "Last 30 days")),
           (90, QT_TRANSLATE_NOOP("history_view", "Last 90 days"))]
FIELD_WORDS = {"given": QT_TRANSLATE_NOOP("history_view", "time given"),
               "scheduled": QT_TRANSLATE_NOOP("history_view", "slot"), "at": QT_TRANSLATE_NOOP("history_view", "time"),
               "amount": QT_TRANSLATE_NOOP("history_view", "amount"),
               "status": QT_TRANSLATE_NOOP("history_view", "what happened"),
               "severity": QT_TRANSLATE_NOOP("history_view", "severity"),
               "value": QT_TRANSLATE_NOOP("history_view", "reading"),
               "value2": QT_TRANSLATE_NOOP("history_view", "second value"),
               "note": QT_TRANSLATE_NOOP("history_view", "note"), "text": QT_TRANSLATE_NOOP("history_view", "text"),
               "symptom": QT_TRANSLATE_NOOP("history_view", "symptom"),
               "body_part": QT_TRANSLATE_NOOP("history_view", "body part")}

# What a removed entry is called in the timeline.
REMOVED_WORDS = {"dose": QT_TRANSLATE_NOOP("history_view", "REMOVED dose"),
                 "symptom": QT_TRANSLATE_NOOP("history_view", "REMOVED symptom"),
                 "observation": QT_TRANSLATE_NOOP("history_view", "REMOVED reading"),
                 "pump_event": QT_TRANSLATE_NOOP("history_view", "REMOVED pump"),
                 "note": QT_TRANSLATE_NOOP("history_view", "REMOVED note")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("history_view", text)


@dataclass
class Entry:
    entity: str
    record: Any
    at: datetime
    what: str
    details: str
    revisions: list[Revision]
    medication: Any = None  # the dose's medicine: its concentration is shown when correcting

    @property
    def id(self) -> int:
        return int(self.record.id)


def _changes(rev: Revision) -> str:
    parts = []
    for k, before in rev.before.items():
        after = rev.after.get(k)
        if after != before and k not in ("amount_normalised", "removed", "id"):
            parts.append(QCoreApplication.translate("history_view", "{field} was {value}").format(
                field=_tr(FIELD_WORDS[k]) if k in FIELD_WORDS else k, value=_show(before)))
    return ", ".join(parts)


def _show(v: Any) -> str:
    if isinstance(v, dict) and "value" in v and "unit" in v:
        return f"{num(v['value'])} {v['unit']}"
    if isinstance(v, str) and len(v) >= 16 and v[4] == "-" and "T" in v:
        return v[:16].replace("T", " ")
    return QCoreApplication.translate("history_view", "(empty)") if v in (None, "") else str(v)


@dataclass
class _Removed:
    """Stands in for a removed record in the timeline (it can be read, not edited)."""

    id: int


class TimelineBuilder:
    """Domain records -> timeline entries (pure; no Qt in the logic of what a row says)."""

    def __init__(self, h: PatientHistory, revisions: list[Revision], settings: Settings | None) -> None:
        self.h = h
        self.settings = settings
        self.by_record: dict[tuple[str, int], list[Revision]] = {}
        for r in revisions:
            self.by_record.setdefault((r.entity, r.entity_id), []).append(r)

    def _revs(self, entity: str, rid: int | None) -> list[Revision]:
        return self.by_record.get((entity, rid or -1), [])

    def entries(self) -> list[Entry]:
        h = self.h
        meds = {m.id: m for m in h.medications}
        out: list[Entry] = []
        for d in h.doses:
            m = meds.get(d.medication_id)
            name = m.name if m else QCoreApplication.translate("history_view", "medicine {id}").format(
                id=d.medication_id)
            status = status_label(d.status)
            amount = amount_text(d.amount, m) if (m and d.amount) else ""
            slot = QCoreApplication.translate("history_view", " (for the {time} dose)").format(
                time=d.scheduled.astimezone(h.tz).strftime("%H:%M")) if d.scheduled else ""
            who = QCoreApplication.translate("history_view", " by {name}").format(name=d.by) if d.by else ""
            what = QCoreApplication.translate("history_view", "Dose: {medicine}").format(medicine=name)
            out.append(Entry("dose", d, d.at, what, f"{status}{slot}. {amount}{who}. {d.note}".strip(" ."),
                             self._revs("dose", d.id), medication=m))
        for s in h.symptoms:
            sev = QCoreApplication.translate("history_view", ", severity {n}/10").format(n=s.severity) \
                if s.severity is not None else ""
            what = QCoreApplication.translate("history_view", "Symptom: {name}").format(name=choice_for(s.symptom).label)
            out.append(Entry("symptom", s, s.at, what,
                             f"{sev.lstrip(', ').capitalize()}{'. ' if sev and s.note else ''}{s.note}",
                             self._revs("symptom", s.id)))
        for o in h.observations:
            value = reading_text(o, self.settings)
            part = f" ({o.body_part})" if o.body_part else ""
            what = QCoreApplication.translate("history_view", "Reading: {kind}").format(kind=reading_label(o.kind))
            out.append(Entry("observation", o, o.at, what, f"{value}{part}{'. ' + o.note if o.note else ''}",
                             self._revs("observation", o.id)))
        for p in h.pump_events:
            if p.at < h.start:
                continue
            bits = []
            if p.volume_ml is not None:
                bits.append(f"{num(p.volume_ml)} mL")
            if p.concentration_mcg_per_ml is not None:
                bits.append(f"{num(p.concentration_mcg_per_ml)} mcg/mL")
            if p.daily_dose_mcg is not None:
                bits.append(QCoreApplication.translate("history_view", "{mcg} mcg/day").format(
                    mcg=num(p.daily_dose_mcg)))
            if p.next_refill_due is not None:
                bits.append(QCoreApplication.translate("history_view", "next refill {date}").format(
                    date=p.next_refill_due.isoformat()))
            if p.note:
                bits.append(p.note)
            what = QCoreApplication.translate("history_view", "Pump: {kind}").format(kind=pump_label(p.kind))
            out.append(Entry("pump_event", p, p.at, what, "; ".join(bits), self._revs("pump_event", p.id)))
        for n in h.notes:
            tag = QCoreApplication.translate("history_view", "Question for the doctor") if n.for_doctor \
                else QCoreApplication.translate("history_view", "Note")
            out.append(Entry("note", n, n.at, tag, n.text, self._revs("note", n.id)))
        out.extend(self.removed_entries({(e.entity, e.id) for e in out}))
        out.sort(key=lambda e: e.at, reverse=True)
        return out

    def removed_entries(self, shown: set[tuple[str, int]]) -> list[Entry]:
        """Entries removed in the window: still listed (struck out in words) with who and why, since
        nothing logged is ever lost."""
        out: list[Entry] = []
        for (entity, rid), revs in self.by_record.items():
            if (entity, rid) in shown or entity not in KINDS or not revs or revs[-1].action != "remove":
                continue
            before = revs[-1].before
            stamp = before.get("given") or before.get("at") or before.get("scheduled")
            try:
                at = datetime.fromisoformat(str(stamp))
            except ValueError:
                continue
            if not self.h.start <= at <= self.h.end:
                continue
            what = _tr(REMOVED_WORDS[entity])
            detail = before.get("symptom") or before.get("kind") or before.get("text") or ""
            if entity == "dose":
                meds = {m.id: m.name for m in self.h.medications}
                detail = meds.get(before.get("medication_id"), "")  # type: ignore[call-overload]
            out.append(Entry("removed", _Removed(rid), at, f"{what}: {detail}".strip(),
                             QCoreApplication.translate("history_view", "(not counted any more)"), revs))
        return out

    def correction_text(self, e: Entry) -> str:
        lines = []
        for r in e.revisions:
            when = fmt_datetime(r.changed_at.astimezone(self.h.tz), self.settings)
            who = QCoreApplication.translate("history_view", " by {name}").format(name=r.changed_by) \
                if r.changed_by else ""
            why = f" ({r.reason})" if r.reason else ""
            if r.action == "correct":
                lines.append("\u270e " + QCoreApplication.translate(
                    "history_view", "corrected {when}{who}: {changes}{why}").format(
                        when=when, who=who, changes=_changes(r), why=why))
            elif r.action == "restore":
                lines.append("\u21ba " + QCoreApplication.translate("history_view", "restored {when}{who}{why}").format(
                    when=when, who=who, why=why))
            elif r.action == "remove":
                lines.append("\u2716 " + QCoreApplication.translate("history_view", "removed {when}{who}{why}").format(
                    when=when, who=who, why=why))
        return "\n".join(lines)


class HistoryView(LazyPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.builder: TimelineBuilder | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("History")))
        filters = QHBoxLayout()
        self.kind = Choice()
        self.kind.setAccessibleName(self.tr("Show which entries"))
        for k, label in KINDS.items():
            self.kind.addItem(_tr(label), k)
        self.kind.currentIndexChanged.connect(self._fill)
        self.period = Choice()
        self.period.setAccessibleName(self.tr("Period"))
        for days, label in PERIODS:
            self.period.addItem(_tr(label), days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the text..."))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.textChanged.connect(self._fill)
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.kind)
        filters.addWidget(show_label)
        filters.addWidget(self.kind)
        filters.addWidget(self.period)
        filters.addWidget(self.search, 1)
        lay.addLayout(filters)
        # Two columns: the entry's text (what, its details, any corrections, one per line) wraps
        # in the wide one, so it stays readable at a large font or in a narrow window.
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Entry")])
        self.table.setAccessibleName(self.tr("Timeline"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Row heights follow the width of the Entry column (coalesced: one refit per burst of resizes).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(50)
        self._fit_timer.timeout.connect(self._rows_fit)
        hh.sectionResized.connect(lambda *_a: self._fit_timer.start())
        self.table.doubleClicked.connect(lambda _i: self.correct_selected())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct the selected entry..."))
        self.correct_button.setAccessibleName(self.tr("Correct the selected entry"))
        self.correct_button.clicked.connect(self.correct_selected)
        row.addWidget(self.correct_button)
        self.remove_button = QPushButton(self.tr("Remove the selected entry..."))
        self.remove_button.setAccessibleName(self.tr("Remove the selected entry (kept in the history)"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        note_row = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(self.tr("New note"))
        self.note_edit.setPlaceholderText(self.tr("Add a note (what happened, a question for the doctor...)"))
        self.note_edit.returnPressed.connect(self.add_note)
        self.for_doctor = QCheckBox(self.tr("Question for the doctor"))
        self.for_doctor.setAccessibleName(self.tr("This note is a question for the doctor"))
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.setAccessibleName(self.tr("Add the note"))
        self.note_button.clicked.connect(self.add_note)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.for_doctor)
        note_row.addWidget(self.note_button)
        lay.addLayout(note_row)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self._dirty = True
        session.operation_did_execute.connect(self._on_changed)
        session.patient_changed.connect(lambda _pid: self.mark_dirty())

    def _on_changed(self, changes: OpChanges) -> None:
        if changes.touches(DATA | Change.PEOPLE | Change.SETTINGS):
            self.mark_dirty()

    def refresh(self) -> None:
        self._dirty = False
        pid = self.session.patient_id
        if pid is None:
            self.entries = []
            self._fill()
            return
        now = self.session.now()
        days = int(self.period.currentData())
        _s, end = day_bounds(now.date(), self.session.tz)
        start, _e = day_bounds(now.date() - timedelta(days=days - 1), self.session.tz)
        h = self.session.history(pid, start, end)
        # Corrections of entries in the window happen after the entry (a day of slack for
        # entries dated ahead), so the revisions read are bounded too.
        revisions = self.session.journal.revisions(pid, start - timedelta(days=1), None)
        self.builder = TimelineBuilder(h, revisions, self.session.settings)
        self.entries = self.builder.entries()
        self._fill()

    def _fill(self) -> None:
        kind = self.kind.currentData()
        text = self.search.text().strip().lower()
        self.shown = [e for e in self.entries if (kind == "all" or e.entity == kind
                                                  or (e.entity == "removed" and e.revisions[-1].entity == kind))
                      and (not text or text in f"{e.what} {e.details}".lower())]
        self.table.setRowCount(len(self.shown))
        today = self.session.now().date()
        settings = self.session.settings
        for r, e in enumerate(self.shown):
            corr = self.builder.correction_text(e) if e.revisions and self.builder else ""
            entry = "\n".join(t for t in (e.what, e.details, corr) if t)
            cells = [fmt_datetime(e.at.astimezone(self.session.tz), settings, today), entry]
            for c, v in enumerate(cells):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(r, c, item)
        self._rows_fit()
        self.correct_button.setEnabled(bool(self.shown))
        self.remove_button.setEnabled(bool(self.shown))

    def _rows_fit(self) -> None:
        self.table.resizeRowsToContents()

    def row_texts(self) -> list[str]:
        def cell(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [" | ".join(cell(r, c) for c in range(self.table.columnCount())) for r in range(self.table.rowCount())]

    def correct_selected(self) -> CorrectionDialog | None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.shown):
            self.error.show_error(self.tr("Select an entry in the list first."))
            return None
        e = self.shown[r]
        if e.entity == "removed":
            self.error.show_error(self.tr("This entry was removed; it is kept only as a record."))
            return None
        dlg = CorrectionDialog(e, self.session.tz, self.session.now(), parent=self, settings=self.session.settings)
        pid = self.session.patient_id
        dlg.submit = lambda changes, reason: entries.correct_entry(
            session=self.session, patient_id=pid, entity=e.entity, record_id=e.id, changes=changes,
            by=self.session.by, reason=reason, initiator=self)
        dlg.exec()
        return dlg

    def remove_selected(self) -> bool:
        """Remove an entry logged by mistake; it stays in the file with the reason given."""
        self.error.clear_error()
        r = self.table.currentRow()
        if not 0 <= r < len(self.shown):
            self.error.show_error(self.tr("Select an entry in the list first."))
            return False
        e = self.shown[r]
        if e.entity == "removed":
            self.error.show_error(self.tr("This entry is already removed."))
            return False
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove an entry"),
            self.tr("Why remove \"{entry}\"? (kept with the history)").format(entry=e.what))
        if not ok:
            return False
        if not reason.strip():
            self.error.show_error(self.tr("Say briefly why the entry is removed; nothing was removed."))
            return False
        try:
            entries.remove_entry(session=self.session, patient_id=self.session.patient_id, entity=e.entity,
                                 record_id=e.id, by=self.session.by, reason=reason.strip(), initiator=self)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return False
        return True

    def add_note(self) -> None:
        self.error.clear_error()
        pid = self.session.patient_id
        text = self.note_edit.text().strip()
        if pid is None or not text:
            self.error.show_error(self.tr("Write the note first.") if pid is not None
                                  else self.tr("Choose the person first."))
            return
        note = Note(at=self.session.now(), text=text, for_doctor=self.for_doctor.isChecked(), patient_id=pid)
        try:
            entries.log_note(session=self.session, patient_id=pid, note=note, by=self.session.by, initiator=self,
                             check_later=True)  # the checks follow on the next turn (issue 17)
        except USER_ERRORS as exc:
            self.error.show_error(describe(exc))
            return
        self.note_edit.clear()
        self.for_doctor.setChecked(False)
