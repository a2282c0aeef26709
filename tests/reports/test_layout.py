"""The printed report's layout holds: tables stay inside the page, long medicine names wrap inside
their cells, and an emoji or another script in a name prints (and stays in the PDF's text)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journal.domain import Dose, DoseStatus, Medication, PatientHistory, Quantity, Regimen, Unit
from journal.reports import render
from journal.reports.data import build_report
from tests.reports.support import END, GENERATED, START, TZ, month_alerts, month_history, month_revisions

HYPHENATED = "Carbidopa-levodopa-25/100mg-tablets"
UNBROKEN = "Extendedreleaseoxybutyninchloridetabletsforbladderspasm"  # 55 characters, no break
NAME = "Zoë 🌸 Núñez"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")


def long_names_history(person: str = NAME) -> PatientHistory:
    """The month of test_report_helpers, for a person with an emoji in her name, plus two medicines
    with long names taken twice a day (one dose of each missed, so they show in every table)."""
    h = month_history()
    h.patient = replace(h.patient, name=person)
    for mid, name in ((31, HYPHENATED), (32, UNBROKEN)):
        h.medications.append(Medication(
            name, strength=Quantity(2, Unit.MG), id=mid, patient_id=1,
            regimens=[Regimen(date(2026, 9, 1), Quantity(2, Unit.MG), times=[time(8, 0), time(20, 0)],
                              prescribed_by="Dr Lee", reason=f"started for {name}", id=mid * 10,
                              medication_id=mid)]))
        day = START
        while day <= END:
            for t in (time(8, 0), time(20, 0)):
                slot = datetime.combine(day, t, tzinfo=TZ)
                if (day.day, t.hour) != (15, 20):
                    h.doses.append(Dose(mid, DoseStatus.TAKEN, scheduled=slot, given=slot + timedelta(minutes=3),
                                        amount=Quantity(2, Unit.MG), amount_normalised=Quantity(2, Unit.MG),
                                        by="Ana", id=mid * 1000 + len(h.doses), patient_id=1))
            day += timedelta(days=1)
    h.doses.sort(key=lambda d: d.at)
    return h


def long_names_report(person: str = NAME):  # type: ignore[no-untyped-def]
    return build_report(long_names_history(person), *month_alerts(), month_revisions(), START, END, GENERATED)


# ----------------------------------------------------------------------------------------------
# Column widths


def test_columns_fill_the_width_exactly_and_keep_their_longest_word() -> None:
    widths = render.fit_widths(1000, [2, 1, 1], least=[500, 100, 50], most=[2000, 150, 60])
    assert sum(widths) == pytest.approx(1000)
    assert widths[0] >= 500 and widths[1] >= 100 and widths[2] >= 50


def test_a_column_with_short_text_gives_its_room_to_the_others() -> None:
    widths = render.fit_widths(1000, [1, 1], least=[20, 20], most=[40, 5000])
    assert widths[0] == pytest.approx(40)  # "6" needs no half of the page
    assert widths[1] == pytest.approx(960)


def test_when_the_words_do_not_fit_the_longest_breaks_and_the_short_ones_stay_whole() -> None:
    least = [100, 100, 100, 40, 30]
    widths = render.fit_widths(300, [1] * 5, least=least, most=least)
    assert sum(widths) == pytest.approx(300)
    assert widths[3:] == [40, 30]  # a number and a short title keep their width
    assert widths[:3] == pytest.approx([230 / 3] * 3)  # the three long words break, alike


def test_one_long_word_does_not_take_over_the_table() -> None:
    widths = render.fit_widths(1000, [1, 1, 1, 1], least=[700, 50, 50, 50], most=[700, 300, 300, 300])
    assert widths[0] == pytest.approx(1000 * render.WIDEST_WORD)  # the 55-letter name breaks in two
    assert sum(widths) == pytest.approx(1000)


def test_widths_stay_within_the_page_for_any_mix_of_needs() -> None:
    for least, most, weights in (([0, 0, 0], [0, 0, 0], [1, 2, 3]), ([10, 900], [10, 900], [5, 1]),
                                 ([90, 5, 5], [1000, 1000, 5], [0.5, 1, 4]), ([1] * 11, [300] * 11, [1] * 11)):
        assert sum(render.fit_widths(800, weights, least, most)) == pytest.approx(800)


# ----------------------------------------------------------------------------------------------
# Wrapping inside cells


def lines_of(c: render.Ctx, font: str, text: str, width: float) -> list[tuple[str, float]]:
    lay, _ = c.layout(font, text, width)
    out = []
    for i in range(lay.lineCount()):
        line = lay.lineAt(i)
        out.append((text[line.textStart():line.textStart() + line.textLength()], line.naturalTextWidth()))
    return out


@pytest.fixture
def ctx(qapp: object, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(300)
    yield render.Ctx(writer)
    del writer


def test_a_hyphenated_name_breaks_after_its_hyphens(ctx: render.Ctx) -> None:
    width = ctx.metrics["table-bold"].horizontalAdvance("Carbidopa-levodopa-") * 1.05
    lines = lines_of(ctx, "table-bold", HYPHENATED, width)
    assert len(lines) >= 2
    assert "".join(t for t, _ in lines) == HYPHENATED  # nothing lost or added
    assert all(t.endswith("-") for t, _ in lines[:-1])  # broken at hyphens, not inside a word
    assert all(w <= width + 0.5 for _, w in lines)


def test_a_name_without_any_break_is_broken_where_it_must_be(ctx: render.Ctx) -> None:
    width = ctx.metrics["table"].horizontalAdvance(UNBROKEN) / 3.5
    lines = lines_of(ctx, "table", UNBROKEN, width)
    assert len(lines) >= 4
    assert "".join(t for t, _ in lines) == UNBROKEN
    assert all(w <= width + 0.5 for _, w in lines)


def test_a_short_line_is_not_broken(ctx: render.Ctx) -> None:
    assert len(lines_of(ctx, "table", "Baclofen 10 mg tablets", ctx.mm(60))) == 1


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_cell_of_every_table_holds_its_text(qapp: object, tmp_path: Path, paper: str) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(render.PAGE_SIZES[paper]))
    writer.setResolution(300)
    writer.setPageMargins(render.MARGINS_MM, QPageLayout.Unit.Millimeter)
    c = render.Ctx(writer)
    tables = [f for f in render.build_flows(long_names_report()) if isinstance(f, render.Table)]
    assert len(tables) >= 6
    seen = set()
    for table in tables:
        widths = table._widths(c.width, c)
        assert sum(widths) == pytest.approx(c.width, abs=0.5), table.columns
        pad = table._pad(c)
        for left, w, font, text in table.cell_boxes(c, c.width):
            assert left + w <= c.width + 0.5
            for part, natural in lines_of(c, font, text, w - 2 * pad):
                assert natural <= w - 2 * pad + 0.5, (text, part)
            seen.add(text)
    assert HYPHENATED in seen and UNBROKEN in seen
    del writer


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[tuple[float, float]] = []
        self.words: list[tuple[int, float, float, str]] = []
        self._word: tuple[float, float] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: float(v) for k, v in attrs if v is not None and re.fullmatch(r"-?[\d.]+", v)}
        if tag == "page":
            self.pages.append((a["width"], a["height"]))
        elif tag == "word":
            self._word = (a["xmin"], a["xmax"])

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            self.words.append((len(self.pages), *self._word, data))
            self._word = None


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_word_of_the_printed_report_runs_past_the_margins(qapp: object, tmp_path: Path, paper: str) -> None:
    out = tmp_path / "long.pdf"
    render.write_pdf(long_names_report(), out, paper)
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], check=True, capture_output=True
                          ).stdout.decode("utf-8", "replace")
    parsed = _Words()
    parsed.feed(bbox)
    assert parsed.words
    left = render.MARGINS_MM.left() * 72 / 25.4
    right = render.MARGINS_MM.right() * 72 / 25.4
    for page, x0, x1, word in parsed.words:
        width = parsed.pages[page - 1][0]
        assert x0 >= left - 1.0 and x1 <= width - right + 1.0, (page, word, x0, x1)
    # the long names are there, broken at their hyphens
    text = " ".join(w for *_, w in parsed.words)
    for piece in ("Carbidopa-", "levodopa-", "tablets"):
        assert piece in text


# ----------------------------------------------------------------------------------------------
# Emoji and other scripts


def missing_glyphs(c: render.Ctx, font: str, text: str) -> int:
    """How many glyphs of text would print as an empty box (glyph 0) with the report's fonts."""
    lay, _ = c.layout(font, text, 1e6)
    return sum(1 for run in lay.glyphRuns() for g in run.glyphIndexes() if g == 0)


@pytest.mark.parametrize("font", ["header-bold", "table", "table-bold", "body", "h2"])  # those with names
def test_emoji_and_other_scripts_have_a_glyph(ctx: render.Ctx, font: str) -> None:
    assert render.register_fonts()
    for text in (NAME, "Sam 😀 🙂 👍 💊 ❤ ☀", "Ελένη Παπαδοπούλου", "Анна Иванова", "שרה לוי", "مريم"):
        assert missing_glyphs(ctx, font, text) == 0, text


def test_the_symbol_font_leaves_the_line_height_of_plain_text_as_it_was(qapp: object, ctx: render.Ctx) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    plain = QFont(render.FONT_FAMILY)
    plain.setPointSizeF(ctx.fonts["table"].pointSizeF())
    m = QFontMetricsF(plain, ctx.device)
    assert ctx.metrics["table"].lineSpacing() == pytest.approx(m.lineSpacing())
    assert ctx.metrics["table"].horizontalAdvance("Baclofen 10 mg") == pytest.approx(m.horizontalAdvance("Baclofen 10 mg"))


def pdf_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [re.sub(r"\s+", " ", p) for p in text.split("\f") if p.strip()]


@needs_poppler
def test_the_emoji_in_a_name_prints_on_every_page_and_can_be_searched(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "zoe.pdf"
    pages = render.write_pdf(long_names_report("Zoë 🌸 Núñez 😀"), out)
    texts = pdf_text(out)
    assert len(texts) == pages
    for t in texts:
        assert "Zoë 🌸 Núñez 😀, age" in t  # the header, with the emoji in their place
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    assert "CareJournalSymbola" in fonts  # drawn with the bundled font, embedded


@needs_poppler
def test_a_pdf_from_the_printer_dialog_keeps_the_emoji_too(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    render.print_report(long_names_report(), printer)
    assert NAME in pdf_text(tmp_path / "printed.pdf")[0]


def xref_is_sound(path: Path) -> bool:
    data = path.read_bytes()
    at = int(re.search(rb"startxref\s+(\d+)", data).group(1))  # type: ignore[union-attr]
    head = re.compile(rb"xref\s+0 (\d+)\s*?\n").match(data, at)
    assert head is not None
    for i in range(1, int(head.group(1))):
        entry = data[head.end() + 20 * i:head.end() + 20 * i + 20]
        if entry[17:18] == b"n" and not data[int(entry[:10]):].startswith(b"%d 0 obj" % i):
            return False
    return True


@needs_poppler
def test_restoring_the_emoji_keeps_the_pdf_readable_and_leaves_other_pdfs_alone(qapp: object,
                                                                                 tmp_path: Path) -> None:
    with_emoji = tmp_path / "emoji.pdf"
    render.write_pdf(long_names_report(), with_emoji)
    assert xref_is_sound(with_emoji)
    info = subprocess.run(["pdfinfo", str(with_emoji)], capture_output=True, text=True)
    assert info.returncode == 0 and "Syntax Error" not in info.stderr
    assert render.restore_emoji_text(with_emoji) == 0  # already done: nothing left to change

    plain = tmp_path / "plain.pdf"
    render.write_pdf(long_names_report("Robin Shaw"), plain)
    before = plain.read_bytes()
    assert render.restore_emoji_text(plain) == 0
    assert plain.read_bytes() == before


def test_emoji_are_asked_to_show_as_text_so_they_stay_text_in_the_pdf() -> None:
    assert render.text_presentation("Zoë 🌸 Núñez") == "Zoë 🌸\ufe0e Núñez"
    assert render.text_presentation("❤\ufe0f and 👍🏽") == "❤\ufe0e and 👍\ufe0e🏽\ufe0e"  # VS16 becomes VS15
    assert render.text_presentation("☕\ufe0e") == "☕\ufe0e"  # asked once only
    for plain in ("Baclofen 10 mg, 2×/day – Ελένη", "dose ≤ 20 mg − 5 mg"):
        assert render.text_presentation(plain) == plain


@needs_poppler
def test_with_a_colour_emoji_font_installed_the_emoji_still_prints_as_text(qapp: object, tmp_path: Path) -> None:
    """Qt 6.9+ prefers a system colour emoji font (drawn as a picture, lost from the text)."""
    from PySide6.QtGui import QFontDatabase

    colour = [f for f in QFontDatabase.families() if "Color Emoji" in f or f == "Segoe UI Emoji"]
    if not colour:
        pytest.skip("no colour emoji font on this machine (run with one installed to check this)")
    out = tmp_path / "colour.pdf"
    render.write_pdf(long_names_report(), out)
    assert NAME in pdf_text(out)[0]
    images = subprocess.run(["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) == 2  # the column titles only: no emoji painted as a picture
