"""The doctor-visit report in the window: pick the days, look at the pages, print or save as PDF.

The pages in the preview are painted by the same code as the PDF (journal.reports.render), so
what is previewed is what is printed. The file and print dialogs are attributes so tests can
replace them and nothing ever blocks.

The report's data is built on a worker thread when the dialog opens and on "Show these days"
(issue 17: a year of a care-home journal takes about a second of reading and checks); the dialog
says it is preparing the report meanwhile, and the window keeps answering. Save and Print for
days not built yet build them in the click, under a busy cursor: the user asked for that file or
that paper now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.reports import render
from journal.reports.data import ReportData
from journal.services import reports
from journal.services.journal import Journal

from ..shell.translation import QT_TRANSLATE_NOOP
from ..widgets.off_thread import Posted, own_pool, run_off_thread
from ..widgets.widgets import pydate, qdate

PAPER = (("A4", "a4"), (QT_TRANSLATE_NOOP("ReportDialog", "US Letter"), "letter"))




class ReportDialog(QDialog):
    """Preview, print and save the report for one person. `ready` is emitted each time the
    report for the chosen days is in (`data`, or None with the reason in `status`) and previewed."""

    ready = Signal()

    # Replaced in tests: (parent, caption, directory, filter) -> (path, selected filter)
    get_save_file_name: Callable[..., tuple[str, str]] = staticmethod(QFileDialog.getSaveFileName)
    # Replaced in tests: (printer, parent) -> an object with exec() returning QDialog.DialogCode
    make_print_dialog: Callable[..., Any] = QPrintDialog

    def __init__(self, journal: Journal, patient_id: int, now: Callable[[], datetime],
                 parent: QWidget | None = None, *, days: int = reports.DEFAULT_DAYS) -> None:
        super().__init__(parent)
        self.journal = journal
        self.patient_id = patient_id
        self.now = now
        self.data: ReportData | None = None
        self.built_period: tuple[date, date] | None = None  # the days self.data covers
        # The newest request's number, in a list the worker reads too: a result of an older one is
        # dropped (`_built`), and an older build still waiting for the thread is skipped.
        self._latest = [0]
        self.building: tuple[date, date] | None = None  # the days being built, None when idle
        self._posted = Posted(self)
        self._posted.done.connect(self._built)
        self.pages = 0
        self.setWindowTitle(self.tr("Report for the doctor"))
        self.resize(900, 1000)

        today = now().astimezone(journal.tz).date()
        self.from_edit = QDateEdit(qdate(today - timedelta(days=days - 1)))
        self.to_edit = QDateEdit(qdate(today))
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.setMaximumDate(qdate(today))
        self.paper = QComboBox()
        for label, key in PAPER:
            self.paper.addItem(self.tr(label), key)
        self.paper.setCurrentIndex(1 if render.default_page_size() == "letter" else 0)
        self.update_button = QPushButton(self.tr("S&how these days"))
        self.update_button.clicked.connect(self.rebuild)
        self.paper.currentIndexChanged.connect(self._paper_changed)

        self.from_edit.setAccessibleName(self.tr("First day of the report"))
        self.to_edit.setAccessibleName(self.tr("Last day of the report"))
        self.paper.setAccessibleName(self.tr("Paper size"))
        top = QHBoxLayout()
        for text, field in ((self.tr("&From"), self.from_edit), (self.tr("&to"), self.to_edit),
                            (self.tr("P&aper"), self.paper)):
            buddy = QLabel(text)  # Alt + the underlined letter goes to the field
            buddy.setBuddy(field)
            top.addWidget(buddy)
            top.addWidget(field)
        top.addWidget(self.update_button)
        top.addStretch(1)

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._apply_paper(self.printer)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)

        note = QLabel(self.tr("A caregiver's record to take to the appointment: it is not a medical document "
                      "and not medical advice."))
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(note)
        lay.addWidget(self.preview, 1)
        lay.addLayout(bottom)
        self.rebuild()

    # ------------------------------------------------------------------------------------------
    @property
    def page_size(self) -> str:
        return str(self.paper.currentData())

    def period(self) -> tuple[date, date]:
        return pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def rebuild(self) -> None:
        """Build the report's data for the chosen days on a worker thread; the preview follows
        when it is in (`ready`). Print and Save wait for it (they are off meanwhile); a newer
        request replaces one still being built."""
        start, end = self.period()
        self._latest[0] += 1
        self.building = (start, end)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText("\u25f7 " + self.tr("Preparing the report for {start} to {end}\u2026").format(
            start=start.isoformat(), end=end.isoformat()))
        journal, pid, now = self.journal, self.patient_id, self.now()
        latest = self._latest
        request = latest[0]

        def build() -> Any:
            if latest[0] != request:  # a newer request was made while this one waited: skip it
                return None
            return reports.build_for(journal, pid, start, end, now=now)

        # On the reports' own thread: a build never holds up everyone's safety checks (issue 17).
        run_off_thread(build, self._posted, request, pool=own_pool("reports"))

    def _built(self, request: int, result: Any) -> None:
        if request != self._latest[0] or self.building is None:
            return  # a newer request is being built, or the days were built in a click meanwhile
        self._take(self.building, result)

    def _build_now(self) -> None:
        """Build the chosen days here and now (Save or Print asked for them)."""
        start, end = self.period()
        self._latest[0] += 1  # a build still running on the worker is not wanted any more
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            try:
                result: Any = reports.build_for(self.journal, self.patient_id, start, end, now=self.now())
            except Exception as e:  # noqa: BLE001 - shown in the dialog, the window stays usable
                result = e
            self._take((start, end), result)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _take(self, period: tuple[date, date], result: Any) -> None:
        """Show the report built for `period` (`result`: ReportData, or the Exception that stopped it)."""
        self.building = None
        self.built_period = period
        if isinstance(result, Exception):
            self.data = None
            self.status.setText(self.tr("The report could not be made: {reason}").format(reason=result))
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)
        else:
            self.data = result
            self.print_button.setEnabled(True)
            self.save_button.setEnabled(True)
            self.status.setText("")
            self.preview.updatePreview()
        self.ready.emit()

    def _apply_paper(self, printer: QPrinter) -> None:
        size = QPageSize.PageSizeId.Letter if self.page_size == "letter" else QPageSize.PageSizeId.A4
        printer.setPageSize(QPageSize(size))
        printer.setPageMargins(render.MARGINS_MM, QPageLayout.Unit.Millimeter)

    def _paper_changed(self) -> None:
        self._apply_paper(self.printer)
        self.preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        if self.data is not None:
            self.pages = render.print_report(self.data, printer)

    def default_file_name(self) -> str:
        if self.data is None:
            return "report.pdf"
        h = self.data.header
        safe = "".join(ch if ch.isalnum() else "-" for ch in h.person).strip("-") or "report"
        return f"{safe}-report-{h.period_start.isoformat()}-to-{h.period_end.isoformat()}.pdf"

    def _for_the_chosen_days(self) -> bool:
        """Days changed without "Show these days": make the report for them first, so the PDF or
        the paper holds the days in the boxes, not the ones chosen before."""
        if self.built_period != self.period() or self.building is not None:
            self._build_now()
        return self.data is not None

    def save_pdf(self) -> Path | None:
        if not self._for_the_chosen_days() or self.data is None:
            return None
        path, _ = self.get_save_file_name(self, self.tr("Save the report as PDF"),
                                          str(Path.home() / self.default_file_name()), self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(out.suffix + ".pdf") if out.suffix else out.with_suffix(".pdf")
        try:  # the service checks the place (not the journal's own files) and that the PDF came out whole
            pages = reports.write_pdf(self.data, out, self.page_size, journal_path=self.journal.path)
        except Exception as e:  # noqa: BLE001 - shown in the dialog
            self.status.setText(self.tr("The PDF could not be saved: {reason}").format(reason=e))
            return None
        saved = self.tr("Saved 1 page to {path}") if pages == 1 else self.tr("Saved {n} pages to {path}")
        self.status.setText(saved.format(n=pages, path=out))
        return out

    def print_report(self) -> bool:
        if not self._for_the_chosen_days() or self.data is None:
            return False
        dialog = self.make_print_dialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        pages = render.print_report(self.data, self.printer)
        self.status.setText(self.tr("Sent 1 page to the printer.") if pages == 1
                            else self.tr("Sent {n} pages to the printer.").format(n=pages))
        return True


def open_report_dialog(journal: Journal, patient_id: int, now: Callable[[], datetime],
                       parent: QWidget | None = None) -> ReportDialog:
    """Show the report dialog (not modal) and return it."""
    dialog = ReportDialog(journal, patient_id, now, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
