"""The report dialog: preview, print and save as PDF, with every dialog patched so nothing blocks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from journal.domain import FixedClock
from tests.services.test_reports import NOW, ten_days_doc


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Any]:
    from journal.app import main
    from journal.services.journal import Journal

    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(ten_days_doc()))
    db = tmp_path / "journal.sqlite"
    assert main(["--db", str(db), "import", str(doc)], clock=FixedClock(NOW)) == 0
    j = Journal.open(db, FixedClock(NOW))
    yield j
    j.close()


@pytest.fixture
def dialog(qtbot: Any, journal: Any) -> Any:
    from journal.ui.dialogs.report_dialog import ReportDialog

    d = ReportDialog(journal, journal.find_patient("Robin Shaw").id, lambda: NOW)
    qtbot.addWidget(d)
    return d


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_opens_on_the_last_30_days_with_the_pages_previewed(dialog: Any, qtbot: Any) -> None:
    assert dialog.period() == (date(2026, 9, 12), date(2026, 10, 11))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.pageCount() > 0)
    assert dialog.pages == dialog.preview.pageCount()
    assert dialog.data is not None and dialog.data.header.person == "Robin Shaw"


def test_choosing_other_days_rebuilds_the_report(dialog: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QDate, Qt

    qtbot.waitUntil(lambda: dialog.building is None)  # the first 30 days are in
    dialog.from_edit.setDate(QDate(2026, 10, 1))
    dialog.to_edit.setDate(QDate(2026, 10, 10))
    with qtbot.waitSignal(dialog.ready):
        qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
        assert "Preparing the report for 2026-10-01 to 2026-10-10" in dialog.status.text()
        assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert (dialog.data.header.period_start, dialog.data.header.period_end) == (date(2026, 10, 1), date(2026, 10, 10))
    assert dialog.data.adherence[0].missed_derived == 3


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_save_as_pdf_writes_the_file_the_user_picked(dialog: Any, qtbot: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    target = tmp_path / "for the doctor"  # no extension: .pdf is added
    asked: list[str] = []

    def fake_save(parent: Any, caption: str, directory: str, filt: str) -> tuple[str, str]:
        asked.append(directory)
        return str(target), filt

    monkeypatch.setattr(dialog, "get_save_file_name", fake_save)
    qtbot.waitUntil(dialog.save_button.isEnabled)  # once the report is in
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    out = target.with_suffix(".pdf")
    assert out.exists()
    assert asked and asked[0].endswith("Robin-Shaw-report-2026-09-12-to-2026-10-11.pdf")
    assert "Robin Shaw, age 68" in pdf_text(out)
    assert "Saved" in dialog.status.text() and str(out) in dialog.status.text()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_saving_right_after_changing_the_days_saves_those_days(dialog: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pressing "Show these days" first, the PDF used to hold the 30 days shown before."""
    from PySide6.QtCore import QDate

    names: list[str] = []

    def fake_save(parent: Any, caption: str, directory: str, filt: str) -> tuple[str, str]:
        names.append(Path(directory).name)
        return str(tmp_path / "report.pdf"), filt

    monkeypatch.setattr(dialog, "get_save_file_name", fake_save)
    dialog.from_edit.setDate(QDate(2026, 10, 1))
    dialog.to_edit.setDate(QDate(2026, 10, 10))
    out = dialog.save_pdf()
    assert out is not None
    assert names == ["Robin-Shaw-report-2026-10-01-to-2026-10-10.pdf"]
    assert "2026-10-01 to 2026-10-10" in pdf_text(out)


def test_the_day_and_paper_fields_have_names_and_keys(dialog: Any, qtbot: Any) -> None:
    """A screen reader names each field, and Alt + the underlined letter reaches it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    fields = (dialog.from_edit, dialog.to_edit, dialog.paper)
    assert all(f.accessibleName() for f in fields)
    buddies = {lab.buddy(): lab.text() for lab in dialog.findChildren(QLabel) if lab.buddy() is not None}
    assert [buddies.get(f, "") for f in fields] == ["&From", "&to", "P&aper"]
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.from_edit.setFocus()
    qtbot.waitUntil(dialog.from_edit.hasFocus)
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.to_edit.hasFocus)


def test_cancelling_save_writes_nothing(dialog: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialog, "get_save_file_name", lambda *a: ("", ""))
    assert dialog.save_pdf() is None
    assert dialog.status.text() == ""


class FakePrintDialog:
    def __init__(self, accept: bool) -> None:
        self.accept = accept

    def __call__(self, printer: Any, parent: Any) -> FakePrintDialog:
        self.printer = printer
        return self

    def exec(self) -> Any:
        from PySide6.QtWidgets import QDialog

        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_print_goes_through_the_print_dialog_to_the_printer(dialog: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    monkeypatch.setattr(dialog, "make_print_dialog", FakePrintDialog(accept=False))
    assert dialog.print_report() is False and not out.exists()
    monkeypatch.setattr(dialog, "make_print_dialog", FakePrintDialog(accept=True))
    assert dialog.print_report() is True
    assert "Doses given and missed" in pdf_text(out)
    assert "printer" in dialog.status.text()


def test_paper_choice_sets_the_page_size(dialog: Any) -> None:
    from PySide6.QtGui import QPageSize

    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    assert dialog.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    assert dialog.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


# -- built on a worker (issue 17): the window answers meanwhile, the newest request wins -----------
class HeldBuild:
    """reports.build_for, held on the worker thread until `release` is set (GUI-thread calls,
    the click's own builds, are not held)."""

    def __init__(self, real: Any, fail: Exception | None = None) -> None:
        import threading

        self.real, self.fail = real, fail
        self.started, self.release = threading.Event(), threading.Event()
        self.periods: list[tuple[date, date]] = []

    def __call__(self, journal: Any, pid: int, start: date, end: date, now: Any) -> Any:
        import threading

        if threading.current_thread() is not threading.main_thread():
            self.periods.append((start, end))
            self.started.set()
            self.release.wait(timeout=20)  # a safety net only: the test releases it
            if self.fail is not None:
                raise self.fail
        return self.real(journal, pid, start, end, now=now)


def held_dialog(qtbot: Any, journal: Any, monkeypatch: pytest.MonkeyPatch,
                fail: Exception | None = None) -> tuple[Any, HeldBuild]:
    """The dialog for Robin Shaw with its builds on the worker held (`HeldBuild`); not shown yet."""
    from journal.services import reports
    from journal.ui.dialogs.report_dialog import ReportDialog

    held = HeldBuild(reports.build_for, fail=fail)
    monkeypatch.setattr(reports, "build_for", held)
    d = ReportDialog(journal, journal.find_patient("Robin Shaw").id, lambda: NOW)
    qtbot.addWidget(d)
    return d, held


def test_the_dialog_answers_while_the_report_is_built(qtbot: Any, journal: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QDate, Qt

    d, held = held_dialog(qtbot, journal, monkeypatch)
    d.show()
    qtbot.waitUntil(held.started.is_set)
    try:
        # the build is held on the worker, and the dialog answers: the days can be changed...
        assert "Preparing the report" in d.status.text() and d.data is None
        assert not d.save_button.isEnabled() and not d.print_button.isEnabled()
        paper = d.paper.currentIndex()
        d.paper.setFocus()
        qtbot.keyClick(d.paper, Qt.Key.Key_Down if paper == 0 else Qt.Key.Key_Up)
        assert d.paper.currentIndex() != paper  # the paper can be changed
        d.from_edit.setDate(QDate(2026, 10, 1))
        qtbot.mouseClick(d.update_button, Qt.MouseButton.LeftButton)  # ...and a newer request made
        assert d.building == (date(2026, 10, 1), date(2026, 10, 11))
    finally:
        held.release.set()
    qtbot.waitUntil(lambda: d.building is None)
    # the first request's result (the 30 days) was dropped: the dialog shows the days asked last
    assert held.periods == [(date(2026, 9, 12), date(2026, 10, 11)), (date(2026, 10, 1), date(2026, 10, 11))]
    assert (d.data.header.period_start, d.data.header.period_end) == (date(2026, 10, 1), date(2026, 10, 11))
    assert d.save_button.isEnabled() and d.print_button.isEnabled() and d.status.text() == ""
    qtbot.waitUntil(lambda: d.preview.pageCount() > 0)


def test_a_report_that_fails_on_the_worker_says_so(qtbot: Any, journal: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    d, held = held_dialog(qtbot, journal, monkeypatch, fail=OSError("disk I/O error"))
    held.release.set()  # the build the dialog started on opening fails at once
    with qtbot.waitSignal(d.ready):
        pass
    assert d.data is None and "could not be made" in d.status.text() and "disk I/O error" in d.status.text()
    assert not d.save_button.isEnabled() and not d.print_button.isEnabled()


def test_report_builds_never_take_the_threads_everyones_checks_run_on(qtbot: Any, journal: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds made unwanted by a newer request keep running until done; on Qt's global pool (2
    threads on 2 cores) two of them left none for the safety checks. They have a thread of their
    own, and a build that waited behind a newer request is skipped."""
    import threading

    from PySide6.QtCore import QDate, Qt

    from journal.ui.widgets.off_thread import Posted, run_off_thread

    d, held = held_dialog(qtbot, journal, monkeypatch)
    d.show()
    qtbot.waitUntil(held.started.is_set)
    for day in (1, 2, 3):  # three newer requests while the first build is held
        d.from_edit.setDate(QDate(2026, 10, day))
        qtbot.mouseClick(d.update_button, Qt.MouseButton.LeftButton)
    ran = threading.Event()
    posted = Posted()
    run_off_thread(ran.set, posted, 0)  # as everyone's checks are started: Qt's global pool
    try:
        assert ran.wait(5)  # not held up by the report builds
    finally:
        held.release.set()
    qtbot.waitUntil(lambda: d.building is None)
    # the held build, then only the newest: the two that waited behind it were skipped
    assert held.periods == [(date(2026, 9, 12), date(2026, 10, 11)), (date(2026, 10, 3), date(2026, 10, 11))]
    assert d.data.header.period_start == date(2026, 10, 3)
