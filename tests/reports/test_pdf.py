"""The PDF a caregiver hands over: every section there, readable text, a header on every page."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain import Note
from journal.reports import render
from journal.reports.data import ReportData, build_report
from tests.reports.support import (
    END,
    GENERATED,
    START,
    month_alerts,
    month_history,
    month_revisions,
    pump_history,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


def month_report() -> ReportData:
    alerts, acks = month_alerts()
    return build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_size_pts(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert m is not None
    return float(m.group(1)), float(m.group(2))


@pytest.fixture
def month_pdf(qapp: object, tmp_path: Path) -> tuple[Path, int]:
    out = tmp_path / "month.pdf"
    return out, render.write_pdf(month_report(), out, "a4")


def test_every_section_is_in_the_pdf_as_text(month_pdf: tuple[Path, int]) -> None:
    path, pages = month_pdf
    text = flat(" ".join(pdf_pages(path)))
    for heading in ("Doctor-visit report", "At a glance", "Questions for the doctor", "Current medicines and schedules",
                    "Dose changes in this period", "Doses given and missed", "Longest times between given doses",
                    "Doses per day: Baclofen 10 mg tablets", "What happened around the gaps and changes",
                    "Safety alerts raised in this period", "Symptoms", "Symptom severity",
                    "Penn spasm frequency", "Pain (0-10)", "Temperature", "Caregiver notes",
                    "Corrections made in this period", "About this report"):
        assert heading in text, heading
    # the facts a doctor looks for
    assert "Could the evening dose be moved earlier?" in text
    assert "increase" in text and "titration" in text and "Dr Lee" in text
    assert "30 h" in text and "2026-10-12 08:05" in text  # the longest gap and when it began
    assert "EMERGENCY" in text and "URGENT" in text and "Clinic called back" in text
    assert "hallucinations" in text and "RED FLAG" in text
    assert "amount: 10 mg -> 15 mg" in text and "typed the old dose" in text
    assert "not a medical document" in text
    assert "within 1 h of the planned time" in text  # what "on time" means
    # pulse, blood pressure and oxygen: the lowest and highest with when
    assert "Pulse, blood pressure, breathing and oxygen" in text
    assert "136/86 mmHg (2026-10-13 09:02)" in text and "72/min (2026-10-27 09:00)" in text and "97 %" in text
    assert pages == len(pdf_pages(path)) and pages >= 3


def test_every_page_has_the_header_and_page_x_of_y(month_pdf: tuple[Path, int]) -> None:
    path, pages = month_pdf
    for i, page in enumerate(pdf_pages(path), start=1):
        t = flat(page)
        assert "Robin Shaw, age 68" in t
        assert "multiple sclerosis" in t and "kidney function: moderately reduced" in t
        assert "2026-10-01 to 2026-10-30" in t and "generated 2026-10-31 09:00" in t
        assert f"page {i} of {pages}" in t


def test_a4_and_letter_page_sizes(qapp: object, tmp_path: Path) -> None:
    data = month_report()
    render.write_pdf(data, tmp_path / "a4.pdf", "A4")
    render.write_pdf(data, tmp_path / "letter.pdf", "Letter")
    w, h = page_size_pts(tmp_path / "a4.pdf")
    assert (round(w), round(h)) == (595, 842)
    w, h = page_size_pts(tmp_path / "letter.pdf")
    assert (round(w), round(h)) == (612, 792)
    with pytest.raises(ValueError):
        render.write_pdf(data, tmp_path / "x.pdf", "A5")


def test_a_long_table_breaks_across_pages_and_repeats_its_column_titles(qapp: object, tmp_path: Path) -> None:
    h = month_history()
    base = datetime(2026, 10, 2, 12, 0, tzinfo=h.tz)
    h.notes = [Note(base + timedelta(hours=i * 6), f"Note number {i}: slept well, ate lunch, walked a little.", id=i)
               for i in range(110)]
    data = build_report(h, [], [], [], START, END, GENERATED)
    out = tmp_path / "notes.pdf"
    render.write_pdf(data, out, "letter")
    pages = [flat(p) for p in pdf_pages(out)]
    with_notes = [p for p in pages if "Note number" in p]
    assert len(with_notes) >= 2
    for p in with_notes:
        assert "When Note" in p  # the column titles again on each page
    numbers = [int(n) for p in pages for n in re.findall(r"Note number (\d+):", p)]
    assert numbers == list(range(110))  # nothing lost or repeated at the breaks


def test_no_page_ends_with_a_lone_heading(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    h = month_history()
    base = datetime(2026, 10, 2, 12, 0, tzinfo=h.tz)
    for n in range(0, 60, 7):  # many lengths of notes move the section breaks around
        h.notes = [Note(base + timedelta(hours=i), f"Note {i}", id=i) for i in range(n)]
        data = build_report(h, *month_alerts(), month_revisions(), START, END, GENERATED)
        writer = QPdfWriter(str(tmp_path / "probe.pdf"))
        writer.setResolution(300)
        c = render.Ctx(writer)
        flows = render.build_flows(data)
        top = render._header_height(c, data)
        pages = render.paginate(c, flows, top, c.height - render._footer_height(c))
        for page in pages:
            assert not isinstance(page[-1].flow, render.Heading), f"{n} notes: page ends with a heading"
            for placed in page:  # nothing runs into the footer
                assert placed.y + placed.flow.wrap(c, c.width) <= c.height - render._footer_height(c) + 1
        del writer


def test_the_pump_report_shows_settings_refills_and_alarms(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "pump.pdf"
    render.write_pdf(build_report(pump_history(), [], [], [], START, END, GENERATED), out)
    text = flat(" ".join(pdf_pages(out)))
    assert "Pump settings" in text and "500 mcg/mL" in text and "325 mcg a day" in text
    assert "2026-11-28" in text  # next refill due
    assert "Pump refills, alarms and checks" in text and "single tone every hour" in text
    assert "300 mcg a day" in text  # the rate before the change


def test_printing_to_a_qprinter_paints_the_same_pages(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = render.print_report(month_report(), printer)
    assert pages >= 3
    assert "Doctor-visit report" in flat(" ".join(pdf_pages(tmp_path / "printed.pdf")))


def test_an_empty_period_still_makes_a_clear_report(qapp: object, tmp_path: Path) -> None:
    h = month_history()
    h.doses, h.symptoms, h.observations, h.notes = [], [], [], []
    data = build_report(h, [], [], [], START, END, GENERATED)
    out = tmp_path / "empty.pdf"
    render.write_pdf(data, out)
    text = flat(" ".join(pdf_pages(out)))
    assert "No symptoms were logged in this period." in text
    assert "No spasm scores, pain scores or temperatures were logged in this period." in text
    assert "0 of 90 scheduled doses given" in text  # nothing logged: all derived missed, said plainly
