"""Lay the doctor-visit report out on paper with Qt's own print system.

Everything is drawn with QPainter straight onto the QPdfWriter or QPrinter pages, so text stays
text (selectable, searchable) and charts stay vector. A small flow layout places headings,
paragraphs, tables and charts: a heading never ends a page, tables break between rows and repeat
their column titles, and every page gets the same header (person, age, conditions, kidney
function, period, generated, page X of Y). Charts use markers, line styles and hatching, so they
read in black and white.

Tables always fill the page width exactly (fit_widths): a long or hyphenated name wraps inside
its cell, at spaces, hyphens and the other places Unicode allows a break, and inside a word only
when the word alone is wider than its column. Text is set in DejaVu Sans with a bundled symbol
font for emoji (resources/fonts), falling back to the system's fonts for other scripts, as the
window does; emoji stay in the PDF's text (restore_emoji_text, text_presentation).

Every word the page prints goes through gettext (journal.domain.i18n: `_`, `ngettext` for counts,
the month names of the time axes included), in the language in use when the page is laid out;
the codes the report data carries ("increase", "alarm", "red-flag") are put into words here.
"""

from __future__ import annotations

import logging
import math
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QTextBoundaryFinder
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)

from journal.domain.i18n import N_, _, ngettext
from journal.domain.units import SYMBOL
from journal.schedule.words import PENDING_WORD

from ._none_guard import keep_none_alive
from .data import MCG_PER_ML, AckLine, Adherence, DailyDoses, Gap, Point, ReportData, TimelineEvent

log = logging.getLogger(__name__)

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(14, 12, 14, 12)
FONT_FAMILY = "DejaVu Sans"
# Emoji and symbols DejaVu Sans lacks: Symbola cut down and renamed by scripts/make_symbol_font.py.
# It holds no letters, and its line metrics are DejaVu Sans's, so it can be named first: then every
# emoji comes from it, and every letter still from DejaVu Sans (or the system's fallback fonts).
SYMBOL_FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "CareJournalSymbola.ttf"
SYMBOL_FAMILY = "CareJournal Symbola"
SYMBOL_PS_NAME = b"CareJournalSymbola"
# The symbol font maps emoji U+1F000+n also from U+E000+n (see scripts/make_symbol_font.py).
EMOJI_FIRST, EMOJI_LAST, EMOJI_TWIN = 0x1F000, 0x1FAFF, 0xE000
# Never clip (a glyph that overshoots its box by a hair must still show); for one-line labels.
NOCLIP = int(Qt.TextFlag.TextDontClip)
MAX_CELL_CHARS = 2500  # a note longer than this is shortened (with a mark) so a row always fits a page
WIDEST_WORD = 0.35  # of a table's width: a longer word breaks rather than squeeze the other columns
SHORT_CELL_CHARS = 10  # a cell this short ("27 (96%)", "2.5 h") is kept on one line while the table allows

BLACK = QColor(0, 0, 0)
DARK = QColor(60, 60, 60)
MID = QColor(130, 130, 130)
LIGHT = QColor(200, 200, 200)
ZEBRA = QColor(242, 242, 242)
SEVERITY_WORDS = {"emergency": N_("EMERGENCY"), "urgent": N_("URGENT"), "warning": N_("Warning"), "info": N_("Info")}
# Month abbreviations for the charts' time axes (strftime would give the C locale's English).
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))


# ----------------------------------------------------------------------------------------------
# Device units and fonts


_symbol_font_ready: bool | None = None


def register_fonts() -> bool:
    """Add the bundled symbol font to Qt's font database (once; a QGuiApplication must exist).

    Returns whether the report can use it; when the file is missing or unreadable the report
    still prints, with DejaVu Sans and the system's fonts only (an emoji may then be a box)."""
    global _symbol_font_ready
    if QGuiApplication.instance() is None:
        return False
    if _symbol_font_ready is None:
        font_id = QFontDatabase.addApplicationFont(str(SYMBOL_FONT_FILE)) if SYMBOL_FONT_FILE.is_file() else -1
        _symbol_font_ready = font_id >= 0 and SYMBOL_FAMILY in QFontDatabase.applicationFontFamilies(font_id)
        if not _symbol_font_ready:
            log.warning("report: the symbol font %s could not be loaded; emoji may print as boxes", SYMBOL_FONT_FILE)
    return _symbol_font_ready


def font_families() -> list[str]:
    """The report's font families, first choice first (Qt falls back to the system's fonts after)."""
    return [SYMBOL_FAMILY, FONT_FAMILY] if register_fonts() else [FONT_FAMILY]


_TEXT_STYLE = "\ufe0e"  # VS15: show the character before as text (one colour), not as a colour emoji
_EMOJI_STYLE = "\ufe0f"  # VS16: the opposite request


# The blocks that hold emoji (arrows, technical, shapes and dingbats, a few in the supplements);
# not the mathematical operators or box drawing, which are never shown as colour emoji.
_EMOJI_BLOCKS = (("\u2190", "\u21ff"), ("\u2300", "\u23ff"), ("\u25a0", "\u27bf"), ("\u2934", "\u2935"),
                 ("\u2b00", "\u2bff"), (chr(EMOJI_FIRST), chr(EMOJI_LAST)))


def _pictographic(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _EMOJI_BLOCKS)


def text_presentation(text: str) -> str:
    """text with every emoji asked to show as text (VS15 after it, in place of any VS16).

    Qt 6.9 and later draw an emoji with the system's colour emoji font when there is one, ahead
    of the fonts the report names; Qt's PDF writer then paints it as a picture, and the emoji
    drops out of the PDF's text (a name no longer found by searching). Asked to show as text,
    the emoji comes from the bundled symbol font like any other character. The selector itself
    prints nothing and is not in the PDF's text."""
    if text.isascii():
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == _EMOJI_STYLE:
            ch = _TEXT_STYLE
        out.append(ch)
        if _pictographic(ch) and text[i + 1:i + 2] not in (_TEXT_STYLE, _EMOJI_STYLE):
            out.append(_TEXT_STYLE)
    return "".join(out)


def line_breaks(text: str) -> list[str]:
    """The pieces of text between the places a line may break (after a space, a hyphen, a
    slash before a letter, ...), as Qt's layout finds them (Unicode line breaking, UAX #14)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        if end > start:
            pieces.append(text[start:end])
        start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces


class Ctx:
    """The device being painted and the fonts measured against it."""

    def __init__(self, device: QPaintDevice) -> None:
        families = font_families()
        self.device = device
        self.dpi = float(device.logicalDpiY())
        self.width = float(device.width())
        self.height = float(device.height())
        self.fonts: dict[str, QFont] = {}
        self.metrics: dict[str, QFontMetricsF] = {}
        self._heights: dict[tuple[str, str, float], float] = {}
        for name, size, bold, italic in (
            ("title", 15.0, True, False), ("h1", 12.0, True, False), ("h2", 10.0, True, False),
            ("body", 9.0, False, False), ("bold", 9.0, True, False), ("italic", 9.0, False, True),
            ("table", 8.2, False, False), ("table-bold", 8.2, True, False), ("small", 7.4, False, False),
            ("small-bold", 7.4, True, False), ("header", 7.8, False, False), ("header-bold", 8.6, True, False),
        ):
            f = QFont(FONT_FAMILY)
            f.setFamilies(families)
            f.setPointSizeF(size)
            f.setBold(bold)
            f.setItalic(italic)
            f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same widths on paper as measured
            for tag in ("liga", "clig"):  # no "fi" ligatures: searching the PDF for "refill" must find it
                f.setFeature(QFont.Tag(tag), 0)
            self.fonts[name] = f
            self.metrics[name] = QFontMetricsF(f, device)

    def mm(self, v: float) -> float:
        return v * self.dpi / 25.4

    def pt(self, v: float) -> float:
        return v * self.dpi / 72.0

    def layout(self, font: str, text: str, width: float) -> tuple[QTextLayout, float]:
        """Text broken into lines no wider than width (device units): at spaces, hyphens and the
        other places Unicode allows, and inside a word only when the word alone is wider than
        the line. Returns the laid-out text (lines placed from y = 0) and its height."""
        lay = QTextLayout(text_presentation(text).replace("\n", "\u2028"), self.fonts[font], self.device)
        option = QTextOption(Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        lay.setTextOption(option)
        lay.beginLayout()
        y = 0.0
        while (line := lay.createLine()).isValid():
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0.0, y))
            y += line.height()
        lay.endLayout()
        return lay, y

    def text_height(self, font: str, text: str, width: float) -> float:
        key = (font, text, width)
        h = self._heights.get(key)
        if h is None:
            h = math.ceil(self.layout(font, text, width)[1]) + 1.0
            if len(self._heights) < 20000:
                self._heights[key] = h
        return h

    def draw_text(self, p: QPainter, font: str, x: float, y: float, width: float, text: str) -> None:
        """Paint text wrapped as text_height measured it, its first line's top at y."""
        p.setFont(self.fonts[font])
        self.layout(font, text, width)[0].draw(p, QPointF(x, y))

    def min_width(self, font: str, text: str) -> float:
        """The width of the longest piece of text that has no line-break opportunity inside."""
        m = self.metrics[font]
        return max((m.horizontalAdvance(piece.rstrip()) for piece in line_breaks(text_presentation(text))),
                   default=0.0)

    def width_of(self, font: str, text: str) -> float:
        """The width of text on one line, as layout() draws it."""
        return self.metrics[font].horizontalAdvance(text_presentation(text))

    def line(self, font: str) -> float:
        return self.metrics[font].lineSpacing()


# ----------------------------------------------------------------------------------------------
# Flowables


class Flow:
    keep_with_next = False

    def wrap(self, c: Ctx, width: float) -> float:
        raise NotImplementedError

    def min_height(self, c: Ctx, width: float) -> float:
        """The least that must fit under a heading that keeps with this block."""
        return self.wrap(c, width)

    def split(self, c: Ctx, width: float, avail: float) -> tuple[Flow, Flow] | None:
        return None

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        raise NotImplementedError


class Spacer(Flow):
    def __init__(self, mm: float) -> None:
        self.size = mm

    def wrap(self, c: Ctx, width: float) -> float:
        return c.mm(self.size)

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        return None


class Heading(Flow):
    keep_with_next = True

    def __init__(self, text: str, level: int = 1) -> None:
        self.text = text
        self.font = "h1" if level == 1 else "h2"
        self.level = level

    def wrap(self, c: Ctx, width: float) -> float:
        before = c.mm(4.0 if self.level == 1 else 2.5)
        return before + c.text_height(self.font, self.text, width) + c.mm(1.5)

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        before = c.mm(4.0 if self.level == 1 else 2.5)
        h = c.text_height(self.font, self.text, width)
        p.setPen(BLACK)
        c.draw_text(p, self.font, x, y + before, width, self.text)
        if self.level == 1:
            p.setPen(QPen(BLACK, c.pt(0.8)))
            yy = y + before + h + c.mm(0.4)
            p.drawLine(QPointF(x, yy), QPointF(x + width, yy))


class Para(Flow):
    def __init__(self, text: str, font: str = "body", indent_mm: float = 0.0, after_mm: float = 1.2,
                 boxed: bool = False) -> None:
        self.text = text
        self.font = font
        self.indent = indent_mm
        self.after = after_mm
        self.boxed = boxed

    def _inner(self, c: Ctx, width: float) -> float:
        pad = c.mm(2.0) if self.boxed else 0.0
        return width - c.mm(self.indent) - 2 * pad

    def wrap(self, c: Ctx, width: float) -> float:
        pad = c.mm(2.0) if self.boxed else 0.0
        return c.text_height(self.font, self.text, self._inner(c, width)) + 2 * pad + c.mm(self.after)

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        pad = c.mm(2.0) if self.boxed else 0.0
        inner = self._inner(c, width)
        h = c.text_height(self.font, self.text, inner)
        if self.boxed:
            p.setPen(QPen(BLACK, c.pt(0.8)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x + c.mm(self.indent), y, width - c.mm(self.indent), h + 2 * pad))
        p.setPen(BLACK)
        c.draw_text(p, self.font, x + c.mm(self.indent) + pad, y + pad, inner, self.text)


def fit_widths(width: float, weights: Sequence[float], least: Sequence[float], most: Sequence[float]) -> list[float]:
    """Column widths that add up to exactly width (device units).

    Shares go by weight, but a column gets at least its least width (its longest unbreakable
    word, counted as no more than WIDEST_WORD of the table) and, while others need the room, no
    more than its most width (its longest line unwrapped). When the least widths alone do not fit,
    the widest are cut down to one common width, so the longest words break (inside the cell)
    and the short ones (numbers, column titles) stay whole."""
    n = len(weights)
    if n == 0:
        return []
    wt = [max(w, 1e-6) for w in weights]
    lo = [min(max(0.0, v), width * WIDEST_WORD) for v in least]
    if sum(lo) >= width:
        level = width / n  # the common width of the cut-down columns: sum(min(lo, level)) == width
        for i, v in enumerate(sorted(lo)):
            rest = width - sum(sorted(lo)[:i])
            if v * (n - i) >= rest:
                level = rest / (n - i)
                break
        return [min(v, level) for v in lo]
    hi = [max(a, b) for a, b in zip(lo, most, strict=True)]
    fixed: dict[int, float] = {}
    while len(fixed) < n:
        free = [i for i in range(n) if i not in fixed]
        rest = width - sum(fixed.values())
        wsum = sum(wt[i] for i in free)
        share = {i: rest * wt[i] / wsum for i in free}
        under = [i for i in free if share[i] < lo[i] - 1e-6]
        if under:
            fixed.update({i: lo[i] for i in under})
            continue
        over = [i for i in free if share[i] > hi[i] + 1e-6]
        if over and len(over) < len(free):
            fixed.update({i: hi[i] for i in over})
            continue
        fixed.update(share)
    widths = [fixed[i] for i in range(n)]
    spare = width - sum(widths)  # every column held at a bound: share what is left by weight
    return [w + spare * wt[i] / sum(wt) for i, w in enumerate(widths)]


@dataclass
class Cell:
    text: str
    bold: bool = False


@dataclass
class Table(Flow):
    columns: list[tuple[str, float]]  # title, relative width
    rows: list[list[str | Cell]]
    header: bool = True
    font: str = "table"
    zebra: bool = True
    _heights: dict[float, list[float]] = field(default_factory=dict)
    _widths_at: dict[float, list[float]] = field(default_factory=dict)

    keep_with_next = False
    MEASURED_ROWS = 400  # column widths are sized on the first rows; later rows wrap to fit them

    def _widths(self, width: float, c: Ctx) -> list[float]:
        """Widths that fill the line exactly: by weight, widened to the longest unbreakable word
        (or short cell) of a column and narrowed to its longest line (see fit_widths)."""
        if width in self._widths_at:
            return self._widths_at[width]
        pad = 2 * self._pad(c) + c.mm(0.6)
        least, most = [], []
        bold = self.font + "-bold"
        for i, (title, _weight) in enumerate(self.columns):
            lo = c.min_width(bold, title) if self.header else 0.0
            hi = 0.0
            for row in self.rows[:self.MEASURED_ROWS]:
                cell = self._cell(row[i]) if i < len(row) else Cell("")
                font = bold if cell.bold else self.font
                short = len(cell.text) <= SHORT_CELL_CHARS and "\n" not in cell.text
                lo = max(lo, c.width_of(font, cell.text) if short else c.min_width(font, cell.text))
                hi = max([hi, *(c.width_of(font, line) for line in cell.text.split("\n"))])
            least.append(lo + pad)
            most.append(hi + pad)
        widths = fit_widths(width, [w for _t, w in self.columns], least, most)
        self._widths_at[width] = widths
        return widths

    def _pad(self, c: Ctx) -> float:
        return c.mm(1.0)

    @staticmethod
    def _cell(v: str | Cell) -> Cell:
        if isinstance(v, Cell):
            cell = v
        else:
            cell = Cell(v)
        if len(cell.text) > MAX_CELL_CHARS:
            cell = Cell(cell.text[:MAX_CELL_CHARS] + " [... shortened here; the full text is in the journal]",
                        cell.bold)
        return cell

    def _row_height(self, c: Ctx, row: Sequence[str | Cell], widths: list[float], bold: bool = False) -> float:
        pad = self._pad(c)
        h = 0.0
        for v, w in zip(row, widths, strict=False):
            cell = self._cell(v)
            font = self.font + "-bold" if (bold or cell.bold) else self.font
            h = max(h, c.text_height(font, cell.text, w - 2 * pad))
        return h + 2 * pad

    def _header_height(self, c: Ctx, width: float) -> float:
        if not self.header:
            return 0.0
        return self._row_height(c, [t for t, _w in self.columns], self._widths(width, c), bold=True)

    def row_heights(self, c: Ctx, width: float) -> list[float]:
        if width not in self._heights:
            widths = self._widths(width, c)
            self._heights[width] = [self._row_height(c, r, widths) for r in self.rows]
        return self._heights[width]

    def cell_boxes(self, c: Ctx, width: float) -> list[tuple[float, float, str, str]]:
        """Every cell as (left, width, font, text), header first, in device units from the
        table's left edge: what a test checks to know that no text leaves its cell."""
        widths = self._widths(width, c)
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        out = []
        if self.header:
            out += [(lefts[i], widths[i], self.font + "-bold", t) for i, (t, _w) in enumerate(self.columns)]
        for row in self.rows:
            for i, v in enumerate(row[:len(widths)]):
                cell = self._cell(v)
                out.append((lefts[i], widths[i], self.font + "-bold" if cell.bold else self.font, cell.text))
        return out

    def wrap(self, c: Ctx, width: float) -> float:
        return self._header_height(c, width) + sum(self.row_heights(c, width)) + c.mm(2.0)

    def min_height(self, c: Ctx, width: float) -> float:
        rh = self.row_heights(c, width)
        return self._header_height(c, width) + sum(rh[:2]) + c.mm(2.0)

    def split(self, c: Ctx, width: float, avail: float) -> tuple[Flow, Flow] | None:
        rh = self.row_heights(c, width)
        used = self._header_height(c, width) + c.mm(2.0)
        n = 0
        for h in rh:
            if used + h > avail:
                break
            used += h
            n += 1
        if n == 0 or n >= len(self.rows):
            return None
        first = Table(self.columns, self.rows[:n], self.header, self.font, self.zebra)
        rest = Table(self.columns, self.rows[n:], self.header, self.font, self.zebra)
        for part in (first, rest):  # the same column widths on every page
            part._widths_at[width] = self._widths(width, c)
        return first, rest

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        widths = self._widths(width, c)
        pad = self._pad(c)
        yy = y
        if self.header:
            hh = self._header_height(c, width)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(LIGHT)
            p.drawRect(QRectF(x, yy, width, hh))
            p.setPen(BLACK)
            xx = x
            for (title, _w), w in zip(self.columns, widths, strict=False):
                c.draw_text(p, self.font + "-bold", xx + pad, yy + pad, w - 2 * pad, title)
                xx += w
            yy += hh
        for i, (row, rh) in enumerate(zip(self.rows, self.row_heights(c, width), strict=False)):
            if self.zebra and i % 2 == 1:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(ZEBRA)
                p.drawRect(QRectF(x, yy, width, rh))
            xx = x
            for v, w in zip(row, widths, strict=False):
                cell = self._cell(v)
                p.setPen(BLACK)
                c.draw_text(p, self.font + "-bold" if cell.bold else self.font, xx + pad, yy + pad, w - 2 * pad,
                            cell.text)
                xx += w
            yy += rh
            p.setPen(QPen(LIGHT, c.pt(0.5)))
            p.drawLine(QPointF(x, yy), QPointF(x + width, yy))
        p.setPen(QPen(MID, c.pt(0.6)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x, y, width, yy - y))


class ChartFlow(Flow):
    """A chart of fixed height, drawn by a function into its rectangle."""

    def __init__(self, height_mm: float, paint: Callable[[QPainter, Ctx, QRectF], None]) -> None:
        self.height_mm = height_mm
        self.paint = paint

    def wrap(self, c: Ctx, width: float) -> float:
        return c.mm(self.height_mm) + c.mm(2.0)

    def draw(self, p: QPainter, c: Ctx, x: float, y: float, width: float) -> None:
        p.save()
        self.paint(p, c, QRectF(x, y, width, c.mm(self.height_mm)))
        p.restore()


# ----------------------------------------------------------------------------------------------
# Chart drawing (black-and-white safe)

MARKERS = ("circle", "square", "triangle", "diamond", "cross", "down", "plus", "star")


def draw_marker(p: QPainter, c: Ctx, kind: str, at: QPointF, size_mm: float = 1.6, filled: bool = True) -> None:
    r = c.mm(size_mm) / 2
    p.setPen(QPen(BLACK, c.pt(0.7)))
    p.setBrush(QBrush(BLACK) if filled else QBrush(Qt.GlobalColor.white))
    x, y = at.x(), at.y()
    if kind == "circle":
        p.drawEllipse(at, r, r)
    elif kind == "square":
        p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif kind == "triangle":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r * 0.8), QPointF(x - r * 1.1, y + r * 0.8)]))
    elif kind == "down":
        p.drawPolygon(QPolygonF([QPointF(x, y + r * 1.2), QPointF(x + r * 1.1, y - r * 0.8), QPointF(x - r * 1.1, y - r * 0.8)]))
    elif kind == "diamond":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.3), QPointF(x + r, y), QPointF(x, y + r * 1.3), QPointF(x - r, y)]))
    elif kind == "cross":
        p.setPen(QPen(BLACK, c.pt(1.2)))
        p.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        p.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
    elif kind == "plus":
        p.setPen(QPen(BLACK, c.pt(1.2)))
        p.drawLine(QPointF(x - r, y), QPointF(x + r, y))
        p.drawLine(QPointF(x, y - r), QPointF(x, y + r))
    else:  # star: a cross and a plus
        p.setPen(QPen(BLACK, c.pt(1.1)))
        for a in range(4):
            ang = a * math.pi / 4
            p.drawLine(QPointF(x - r * 1.3 * math.cos(ang), y - r * 1.3 * math.sin(ang)),
                       QPointF(x + r * 1.3 * math.cos(ang), y + r * 1.3 * math.sin(ang)))


def hatch(p: QPainter, c: Ctx, rect: QRectF, spacing_mm: float = 0.9, outline: bool = True) -> None:
    """Diagonal lines inside a rectangle: 'scheduled' and 'gap' areas, distinct from solid fills."""
    p.save()
    p.setClipRect(rect)
    p.setPen(QPen(DARK, c.pt(0.45)))
    s = c.mm(spacing_mm)
    x = rect.left() - rect.height()
    while x < rect.right():
        p.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
        x += s
    p.restore()
    if outline:
        p.setPen(QPen(BLACK, c.pt(0.5)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)


@dataclass
class Axes:
    plot: QRectF
    t0: float
    t1: float
    y0: float
    y1: float

    def x(self, t: datetime | float) -> float:
        v = t.timestamp() if isinstance(t, datetime) else t
        return self.plot.left() + (v - self.t0) / max(1.0, self.t1 - self.t0) * self.plot.width()

    def y(self, v: float) -> float:
        return self.plot.bottom() - (v - self.y0) / max(1e-9, self.y1 - self.y0) * self.plot.height()


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    days = max(1, (end - start).days)
    tz = start.tzinfo
    d0 = start.date()
    out: list[datetime] = []
    if days <= 3:
        step_h = 6 if days <= 2 else 12
        t = datetime.combine(d0, datetime.min.time(), tzinfo=tz)
        while t <= end:
            out.append(t)
            t = (t.astimezone(UTC) + timedelta(hours=step_h)).astimezone(tz)
    elif days <= 16:
        step = 2 if days > 8 else 1
        out = [datetime.combine(d0 + timedelta(days=i), datetime.min.time(), tzinfo=tz) for i in range(0, days + 1, step)]
    elif days <= 70:
        # Mondays
        first = d0 + timedelta(days=(7 - d0.weekday()) % 7)
        out = [datetime.combine(first + timedelta(days=i), datetime.min.time(), tzinfo=tz) for i in range(0, days + 1, 7)]
    else:
        step = 1 if days <= 200 else (2 if days <= 420 else 3 if days <= 800 else 6)
        y, m = d0.year, d0.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            if (m - 1) % step:
                continue
            dt = datetime(y, m, 1, tzinfo=tz)
            if dt >= end:
                break
            out.append(dt)
    return [t for t in out if start <= t <= end]


def _tick_label(t: datetime, span_days: int) -> str:
    if span_days <= 3 and (t.hour or t.minute):
        return t.strftime("%H:%M")
    month = _(MONTHS[t.month - 1])
    if span_days > 70:
        return _("{month} {year}").format(month=month, year=t.year) if t.month == 1 or span_days > 420 else month
    return _("{month} {day}").format(month=month, day=t.day)


def time_axes(p: QPainter, c: Ctx, rect: QRectF, start: datetime, end: datetime, y0: float, y1: float,
              title: str, y_ticks: Sequence[float], y_label: Callable[[float], str] = lambda v: f"{v:g}",
              left_mm: float = 11.0) -> Axes:
    """Title, frame, time ticks and y ticks; returns the mapping for the data."""
    title_h = c.text_height("h2", title, rect.width())
    p.setPen(BLACK)
    c.draw_text(p, "h2", rect.left(), rect.top(), rect.width(), title)
    lab_h = c.line("small") * 1.3
    plot = QRectF(rect.left() + c.mm(left_mm), rect.top() + title_h + c.mm(1.5),
                  rect.width() - c.mm(left_mm) - c.mm(3), rect.height() - title_h - c.mm(1.5) - lab_h)
    ax = Axes(plot, start.timestamp(), end.timestamp(), y0, y1)
    p.setFont(c.fonts["small"])
    # y grid and labels
    for v in y_ticks:
        yy = ax.y(v)
        p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
        p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        p.setPen(BLACK)
        p.drawText(QRectF(rect.left(), yy - c.line("small") / 2, c.mm(left_mm) - c.mm(1.2), c.line("small")),
                   NOCLIP | int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), y_label(v))
    # time ticks
    span = (end - start).days
    for t in _ticks(start, end):
        xx = ax.x(t)
        p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
        p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
        p.setPen(BLACK)
        p.drawLine(QPointF(xx, plot.bottom()), QPointF(xx, plot.bottom() + c.mm(0.8)))
        label = _tick_label(t, span)
        w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
        left = min(max(xx - w / 2, plot.left() - c.mm(2)), rect.right() - w)
        p.drawText(QRectF(left, plot.bottom() + c.mm(0.8), w, lab_h), NOCLIP | int(Qt.AlignmentFlag.AlignHCenter), label)
    p.setPen(QPen(BLACK, c.pt(0.7)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    return ax


def legend(p: QPainter, c: Ctx, rect: QRectF, items: Sequence[tuple[Callable[[QPainter, Ctx, QPointF], None], str]]) -> float:
    """A legend row (wrapping) at the top-left of rect; returns its height."""
    p.setFont(c.fonts["small"])
    x, y = rect.left(), rect.top()
    lh = c.line("small") * 1.25
    sw = c.mm(5)
    for paint, text in items:
        w = sw + c.mm(1) + c.metrics["small"].horizontalAdvance(text) + c.mm(4)
        if x + w > rect.right() and x > rect.left():
            x, y = rect.left(), y + lh
        paint(p, c, QPointF(x + sw / 2, y + lh / 2))
        p.setPen(BLACK)
        p.drawText(QRectF(x + sw + c.mm(1), y, w, lh), NOCLIP | int(Qt.AlignmentFlag.AlignVCenter), text)
        x += w
    return y + lh - rect.top()


def _legend_height(c: Ctx, width: float, texts: Sequence[str]) -> float:
    lh = c.line("small") * 1.25
    x, rows = 0.0, 1
    for t in texts:
        w = c.mm(5) + c.mm(1) + c.metrics["small"].horizontalAdvance(t) + c.mm(4)
        if x + w > width and x > 0:
            rows, x = rows + 1, 0.0
        x += w
    return rows * lh


def _marker_icon(kind: str, filled: bool = True) -> Callable[[QPainter, Ctx, QPointF], None]:
    return lambda p, c, at: draw_marker(p, c, kind, at, filled=filled)


def _hatch_icon(p: QPainter, c: Ctx, at: QPointF) -> None:
    hatch(p, c, QRectF(at.x() - c.mm(2), at.y() - c.mm(1.3), c.mm(4), c.mm(2.6)))


def _solid_icon(p: QPainter, c: Ctx, at: QPointF) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(DARK)
    p.drawRect(QRectF(at.x() - c.mm(1.2), at.y() - c.mm(1.3), c.mm(2.4), c.mm(2.6)))


def _line_icon(style: Qt.PenStyle, marker: str) -> Callable[[QPainter, Ctx, QPointF], None]:
    def paint(p: QPainter, c: Ctx, at: QPointF) -> None:
        p.setPen(QPen(BLACK, c.pt(0.9), style))
        p.drawLine(QPointF(at.x() - c.mm(2.4), at.y()), QPointF(at.x() + c.mm(2.4), at.y()))
        draw_marker(p, c, marker, at, 1.3)
    return paint


def _nice_max(v: float) -> tuple[float, list[float]]:
    v = max(1.0, v)
    for step in (1, 2, 5, 10, 20, 50, 100):
        if v / step <= 5:
            top = math.ceil(v / step) * step
            return float(top), [float(i) for i in range(0, int(top) + 1, step)]
    top = math.ceil(v / 100) * 100
    return float(top), [float(i) for i in range(0, int(top) + 1, int(top // 5) or 1)]


def by_week(d: DailyDoses) -> DailyDoses:
    """Seven days to a bar, for long periods (a year of daily bars is too dense to read)."""
    def sums(xs: list[int]) -> list[int]:
        return [sum(xs[i:i + 7]) for i in range(0, len(xs), 7)]
    return DailyDoses(d.medication, d.days[::7], sums(d.scheduled), sums(d.given), sums(d.not_given), sums(d.vomited))


WEEKLY_AFTER_DAYS = 120


def doses_chart(d: DailyDoses, start: datetime, end: datetime) -> Callable[[QPainter, Ctx, QRectF], None]:
    weekly = len(d.days) > WEEKLY_AFTER_DAYS
    if weekly:
        d = by_week(d)

    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        texts = [_("Scheduled (hatched)"), _("Given (solid bar)"), _("Not given: skipped, refused or missed"),
                 _("Vomited")]
        lh = _legend_height(c, rect.width(), texts)
        top, ticks = _nice_max(max([*d.scheduled, *d.given, 1]))
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - lh - c.mm(1))
        ax = time_axes(p, c, body, start, end, 0, top + (0.6 if top <= 5 else top * 0.08),
                       (_("Doses per week: {medicine}") if weekly else _("Doses per day: {medicine}")).format(medicine=d.medication), ticks)
        day_w = ax.plot.width() / max(1, len(d.days))
        for i in range(len(d.days)):
            x0 = ax.plot.left() + i * day_w
            gap = day_w * (0.12 if day_w > c.mm(1.2) else 0.0)
            if d.scheduled[i]:
                hatch(p, c, QRectF(x0 + gap, ax.y(d.scheduled[i]), day_w - 2 * gap, ax.y(0) - ax.y(d.scheduled[i])),
                      outline=day_w > c.mm(0.8))
            if d.given[i]:
                inner = (day_w - 2 * gap) * 0.5
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(DARK)
                p.drawRect(QRectF(x0 + (day_w - inner) / 2, ax.y(d.given[i]), inner, ax.y(0) - ax.y(d.given[i])))
            mark_y = ax.y(max(d.scheduled[i], d.given[i])) - c.mm(1.4)
            if d.not_given[i]:
                draw_marker(p, c, "cross", QPointF(x0 + day_w / 2, mark_y), 1.4)
                mark_y -= c.mm(1.8)
            if d.vomited[i]:
                draw_marker(p, c, "triangle", QPointF(x0 + day_w / 2, mark_y), 1.4, filled=False)
        legend(p, c, QRectF(rect.left() + c.mm(11), rect.bottom() - lh, rect.width() - c.mm(11), lh), [
            (_hatch_icon, texts[0]), (_solid_icon, texts[1]), (_marker_icon("cross"), texts[2]),
            (_marker_icon("triangle", False), texts[3]),
        ])
    return paint


def points_chart(title: str, series: Sequence[tuple[str, Sequence[Point]]], start: datetime, end: datetime,
                 y0: float, y1: float, ticks: Sequence[float], lines: bool, unit: str = "",
                 refs: Sequence[tuple[float, str]] = ()) -> Callable[[QPainter, Ctx, QRectF], None]:
    styles = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]

    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        texts = [name for name, _p in series]
        lh = _legend_height(c, rect.width() - c.mm(11), texts) if len(series) > 1 else 0.0
        body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - lh - (c.mm(1) if lh else 0))
        ax = time_axes(p, c, body, start, end, y0, y1, title, ticks, lambda v: f"{v:g}{unit}")
        for value, label in refs:
            yy = ax.y(value)
            p.setPen(QPen(BLACK, c.pt(0.7), Qt.PenStyle.DashLine))
            p.drawLine(QPointF(ax.plot.left(), yy), QPointF(ax.plot.right(), yy))
            p.setFont(c.fonts["small"])
            w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
            above = yy - c.line("small") - c.mm(0.2) > ax.plot.top()
            p.drawText(QRectF(ax.plot.right() - w - c.mm(1), yy - c.line("small") - c.mm(0.2) if above else yy + c.mm(0.2),
                              w, c.line("small")), NOCLIP | int(Qt.AlignmentFlag.AlignRight), label)
        for i, (_name, pts) in enumerate(series):
            marker = MARKERS[i % len(MARKERS)]
            pts = sorted(pts, key=lambda q: q.at)
            if lines and len(pts) > 1:
                path = QPainterPath()
                path.moveTo(ax.x(pts[0].at), ax.y(pts[0].value))
                for q in pts[1:]:
                    path.lineTo(ax.x(q.at), ax.y(q.value))
                p.setPen(QPen(BLACK, c.pt(0.9), styles[i % len(styles)]))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(path)
            size = 1.5 if len(pts) < 60 else 1.0
            for q in pts:
                v = min(max(q.value, y0), y1)
                draw_marker(p, c, marker, QPointF(ax.x(q.at), ax.y(v)), size, filled=i % 2 == 0)
        if lh:
            legend(p, c, QRectF(rect.left() + c.mm(11), rect.bottom() - lh, rect.width() - c.mm(11), lh),
                   [(_line_icon(styles[i % len(styles)], MARKERS[i % len(MARKERS)]) if lines
                     else _marker_icon(MARKERS[i % len(MARKERS)], i % 2 == 0), name)
                    for i, (name, _p) in enumerate(series)])
    return paint


LANES = (
    (N_("Dose changes"), "dose-change"),
    (N_("Gaps between doses"), "gap"),
    (N_("Red-flag symptoms"), "red-flag"),
    (N_("Call-today symptoms"), "urgent"),
    (N_("Other severe symptoms"), "notable"),
    (N_("Temperature out of range"), "temperature"),
    (N_("Pump events"), "pump"),
)


def _lane(e: TimelineEvent) -> str:
    if e.kind == "symptom":
        return e.level
    return e.kind


def timeline_chart(events: Sequence[TimelineEvent], start: datetime, end: datetime
                   ) -> Callable[[QPainter, Ctx, QRectF], None]:
    def paint(p: QPainter, c: Ctx, rect: QRectF) -> None:
        label_w = c.mm(38)
        title = _("Timeline: dose changes, gaps and symptoms")
        title_h = c.text_height("h2", title, rect.width())
        p.setFont(c.fonts["h2"])
        p.setPen(BLACK)
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), NOCLIP, title)
        lab_h = c.line("small") * 1.3
        legend_texts = [_("dose raised"), _("dose lowered"), _("started or stopped"), _("gap without doses"),
                        _("red flag"), _("call today"), _("other severe"), _("temperature"), _("pump")]
        lgh = _legend_height(c, rect.width() - label_w, legend_texts)
        plot = QRectF(rect.left() + label_w, rect.top() + title_h + c.mm(1.5), rect.width() - label_w - c.mm(3),
                      rect.height() - title_h - c.mm(1.5) - lab_h - lgh - c.mm(1))
        ax = Axes(plot, start.timestamp(), end.timestamp(), 0, len(LANES))
        lane_h = plot.height() / len(LANES)
        p.setFont(c.fonts["small"])
        for i, (name, _colour) in enumerate(LANES):
            yy = plot.top() + i * lane_h
            if i % 2:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(ZEBRA)
                p.drawRect(QRectF(plot.left(), yy, plot.width(), lane_h))
            p.setPen(BLACK)
            p.drawText(QRectF(rect.left(), yy, label_w - c.mm(1.5), lane_h),
                       NOCLIP | int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), _(name))
        span = (end - start).days
        for t in _ticks(start, end):
            xx = ax.x(t)
            p.setPen(QPen(LIGHT, c.pt(0.4), Qt.PenStyle.DotLine))
            p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
            p.setPen(BLACK)
            label = _tick_label(t, span)
            w = c.metrics["small"].horizontalAdvance(label) + c.mm(1)
            p.drawText(QRectF(min(xx - w / 2, rect.right() - w), plot.bottom() + c.mm(0.8), w, lab_h),
                       NOCLIP | int(Qt.AlignmentFlag.AlignHCenter), label)
        lane_index = {key: i for i, (_n, key) in enumerate(LANES)}
        t_lo, t_hi = start.timestamp(), end.timestamp()
        for e in events:
            lane = lane_index.get(_lane(e))
            if lane is None:
                continue
            i = lane
            cy = plot.top() + (i + 0.5) * lane_h
            if e.kind == "dose-change":
                xx = ax.x(max(t_lo, min(t_hi, e.at.timestamp())))
                p.setPen(QPen(MID, c.pt(0.6), Qt.PenStyle.DashLine))
                p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
                kind = {"increase": "triangle", "decrease": "down"}.get(e.level, "plus")
                draw_marker(p, c, kind, QPointF(xx, cy), 2.0)
            elif e.kind == "gap" and e.end is not None:
                x0 = ax.x(max(t_lo, e.at.timestamp()))
                x1 = ax.x(min(t_hi, e.end.timestamp()))
                hatch(p, c, QRectF(x0, cy - lane_h * 0.3, max(c.mm(0.8), x1 - x0), lane_h * 0.6), 0.7)
            else:
                xx = ax.x(max(t_lo, min(t_hi, e.at.timestamp())))
                if e.kind == "pump":
                    draw_marker(p, c, "square", QPointF(xx, cy), 1.8, filled=e.level != "info")
                elif e.kind == "temperature":
                    draw_marker(p, c, "diamond", QPointF(xx, cy), 1.8)
                elif e.level == "red-flag":
                    draw_marker(p, c, "star", QPointF(xx, cy), 2.2)
                else:
                    draw_marker(p, c, "circle", QPointF(xx, cy), 1.7, filled=e.level == "urgent")
        p.setPen(QPen(BLACK, c.pt(0.7)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(plot)
        legend(p, c, QRectF(plot.left(), plot.bottom() + lab_h + c.mm(0.5), plot.width(), lgh), [
            (_marker_icon("triangle"), legend_texts[0]), (_marker_icon("down"), legend_texts[1]),
            (_marker_icon("plus"), legend_texts[2]), (_hatch_icon, legend_texts[3]),
            (_marker_icon("star"), legend_texts[4]), (_marker_icon("circle"), legend_texts[5]),
            (_marker_icon("circle", False), legend_texts[6]), (_marker_icon("diamond"), legend_texts[7]),
            (_marker_icon("square"), legend_texts[8]),
        ])
    return paint


# ----------------------------------------------------------------------------------------------
# The report as a list of flowables


def _fmt_day(data: ReportData, d: date | None) -> str:
    return "" if d is None else d.strftime(data.date_format)


def _fmt_at(data: ReportData, t: datetime | None) -> str:
    if t is None:
        return ""
    tz = data.period_start_at.tzinfo if data.period_start_at else None
    local = t.astimezone(tz) if tz else t
    return local.strftime(f"{data.date_format} {data.time_format}")


def _pct(ad: Adherence, n: int) -> str:
    v = ad.percent(n)
    return f"{n}" if v is None else f"{n} ({v:.0f}%)"


def _hours(h: float) -> str:
    if h >= 48:
        return _("{hours} h ({days} days)").format(hours=f"{h:.0f}", days=f"{h / 24:.1f}")
    return f"{h:.1f} h" if h < 10 else f"{h:.0f} h"


def header_lines(data: ReportData) -> tuple[str, str]:
    h = data.header
    who = (ngettext("{person}, age {age}", "{person}, age {age}", h.age).format(person=h.person, age=h.age)
           if h.age is not None
           else _("{person}, age not recorded").format(person=h.person))
    if h.birth_date:
        who += " " + _("(born {day})").format(day=_fmt_day(data, h.birth_date))
    cond = "; ".join(h.conditions) if h.conditions else _("no conditions recorded")
    kidneys = _("kidney function: {words}").format(words=_word(h.kidney_function))
    line1 = f"{who}  ·  {cond}  ·  {kidneys}"
    period = _("Doctor-visit report for {first} to {last}").format(first=_fmt_day(data, h.period_start),
                                                                    last=_fmt_day(data, h.period_end))
    if not h.generated_zone or h.generated_zone == h.timezone:
        made = _("generated {when} ({zone})").format(when=_fmt_at(data, h.generated_at), zone=h.timezone)
    else:
        made = (_("times in {zone}").format(zone=h.timezone) + "  ·  "
                + _("generated {when} ({zone})").format(when=_fmt_at(data, h.generated_at), zone=h.generated_zone))
    return line1, f"{period}  ·  {made}"


def summary_lines(data: ReportData) -> list[str]:
    out: list[str] = []
    for ad in data.adherence:
        if ad.as_needed or (ad.scheduled == 0 and not ad.pending):
            continue
        given = ad.given_in_slots
        pct = ad.percent(given) or 0.0
        # English says "1 of 1 scheduled doses" (tests and earlier reports); Spanish agrees with n
        text = ngettext("{medicine}: {given} of {n} scheduled doses given ({pct}%);",
                        "{medicine}: {given} of {n} scheduled doses given ({pct}%);", ad.scheduled).format(
            medicine=ad.medication, given=given, n=ad.scheduled, pct=f"{pct:.0f}")
        text += " " + _("{not_given} not given, {vomited} vomited, {late} late.").format(
            not_given=ad.not_given, vomited=ad.vomited, late=ad.late)
        if ad.pending:
            text += " " + _("{n} more not counted yet ({why}).").format(n=ad.pending, why=_(PENDING_WORD))
        if ad.gaps:
            g = ad.gaps[0]
            text += " " + (_("Longest time without a dose: {time} (still going).") if g.open
                           else _("Longest time without a dose: {time}.")).format(time=_hours(g.hours))
        out.append(text)
    if data.pump is not None:
        pm = data.pump
        parts = []
        if pm.daily_dose_mcg is not None:
            parts.append(_("set to {mcg} mcg a day").format(mcg=f"{pm.daily_dose_mcg:g}"))
        if pm.next_refill_due is not None:
            parts.append(_("next refill due {day}").format(day=_fmt_day(data, pm.next_refill_due)))
        alarms = sum(1 for e in data.pump_events if e.kind == "alarm")
        parts.append(ngettext("{n} alarm logged in the period", "{n} alarms logged in the period", alarms).format(n=alarms))
        out.append(_("Pump: {details}.").format(details=", ".join(parts)))
    if data.dose_changes:
        n = len(data.dose_changes)
        out.append(ngettext("{n} dose change in the period.", "{n} dose changes in the period.", n).format(n=n))
    sev: dict[str, int] = {}
    for a in data.alerts:
        sev[a.severity.value] = sev.get(a.severity.value, 0) + 1
    if not data.alerts_checked:
        out.append(_("Safety alerts: the checks could not be run again for this period (see below)."))
    elif data.alerts:
        parts = [_SEVERITY_COUNTS[k](sev[k]) for k in ("emergency", "urgent", "warning", "info") if k in sev]
        out.append(_("Safety alerts raised: {counts}.").format(counts=", ".join(parts)))
    else:
        out.append(_("No safety alerts were raised in the period."))
    red = sum(c.count for c in data.symptom_counts if c.tier == "red-flag")
    if red:
        out.append(ngettext("{n} red-flag symptom entry logged (see the timeline).",
                            "{n} red-flag symptom entries logged (see the timeline).", red).format(n=red))
    if data.doctor_questions:
        n = len(data.doctor_questions)
        out.append(ngettext("{n} question for the doctor below.", "{n} questions for the doctor below.", n).format(n=n))
    return out


# "2 urgent" in the summary's count of alerts (an adjective that agrees with its count in Spanish).
_SEVERITY_COUNTS: dict[str, Callable[[int], str]] = {
    "emergency": lambda n: ngettext("{n} emergency", "{n} emergency", n).format(n=n),
    "urgent": lambda n: ngettext("{n} urgent", "{n} urgent", n).format(n=n),
    "warning": lambda n: ngettext("{n} warning", "{n} warning", n).format(n=n),
    "info": lambda n: ngettext("{n} info", "{n} info", n).format(n=n),
}


def _gaps_to_show(a: Adherence) -> list[Gap]:
    """The gaps clearly longer than the schedule allows (up to 3), else just the longest one."""
    if not a.gaps:
        return []
    if a.expected_longest_hours is None:
        return a.gaps[:1]
    long = [g for g in a.gaps if g.hours > a.expected_longest_hours + 1.0]
    return long[:3] or a.gaps[:1]


def build_flows(data: ReportData) -> list[Flow]:
    f: list[Flow] = []
    start = data.period_start_at
    end = data.period_end_at
    assert start is not None and end is not None
    f.append(Para(_("Doctor-visit report"), "title", after_mm=0.5))
    f.append(Para(_(data.disclaimer), "italic", after_mm=1.5))
    if data.header.contacts:
        f.append(Para(_("Doctor and contacts (from the profile): {contacts}").format(contacts=data.header.contacts),
                      "body", after_mm=1.5))

    f.append(Heading(_("At a glance")))
    for line in summary_lines(data):
        f.append(Para("• " + line, "body", after_mm=0.6))

    if data.doctor_questions:
        f.append(Heading(_("Questions for the doctor")))
        f.append(Table([(_("Written"), 1.2), (_("Question"), 5)],
                       [[_fmt_at(data, n.at), Cell(n.text, bold=True)] for n in data.doctor_questions]))

    f.append(Heading(_("Current medicines and schedules")))
    if data.medicines:
        rows: list[list[str | Cell]] = []
        for m in data.medicines:
            name = m.name + ("" if m.active else " " + _("(not started yet)") if m.starts else " " + _("(stopped)"))
            details = ", ".join(x for x in (_word(m.route), _word(m.form),
                                            _("strength {strength}").format(strength=m.strength) if m.strength else "")
                                if x)
            sched_text = "\n".join(x for x in (m.schedule, m.daily_total, m.limits, m.stock) if x)
            since = (_("since {day}").format(day=_fmt_day(data, m.since)) if m.since else "")
            who = "; ".join(x for x in (since, m.reason,
                                        m.prescribed_by and _("by {prescriber}").format(prescriber=m.prescribed_by))
                            if x)
            conc = m.concentration + (f"\n{m.warning}" if m.warning else "")
            rows.append([Cell(name, bold=True), details, conc, sched_text, who])
        f.append(Table([(_("Medicine"), 2.2), (_("Route, form"), 1.5), (_("Concentration"), 1.6), (_("Schedule"), 2.4),
                        (_("Since, reason, prescriber"), 1.9)], rows))
    else:
        f.append(Para(_("No medicines are recorded.")))
    if data.pump is not None:
        pm = data.pump
        unknown, none_yet = _("not recorded"), _("none recorded")
        kv = [
            [_("Concentration"), f"{pm.concentration_mcg_per_ml:g} {MCG_PER_ML}" if pm.concentration_mcg_per_ml else unknown],
            [_("Daily dose programmed"),
             _("{mcg} mcg a day").format(mcg=f"{pm.daily_dose_mcg:g}") if pm.daily_dose_mcg else unknown],
            [_("Reservoir / low-reservoir alarm"),
             f"{pm.reservoir_ml:g} mL / {pm.low_alarm_ml:g} mL" if pm.reservoir_ml and pm.low_alarm_ml is not None
             else unknown],
            [_("Last refill"), _fmt_at(data, pm.last_refill) or none_yet],
            [_("Next refill due"), _fmt_day(data, pm.next_refill_due) or unknown],
            [_("Last alarm"), _fmt_at(data, pm.last_alarm) or none_yet],
        ]
        f.append(Heading(_("Pump settings (from the latest pump entries)"), 2))
        f.append(Table([(_("Setting"), 1.4), (_("Value"), 3)], [list(r) for r in kv], header=False))

    change_columns = [(_("Date"), 1.1), (_("Medicine"), 1.8), (_("From"), 2.4), (_("To"), 2.4), (_("Change"), 0.9),
                      (_("Reason, prescribed by"), 1.6)]
    f.append(Heading(_("Dose changes in this period")))
    if data.dose_changes:
        f.append(Table(change_columns,
                       [[_fmt_day(data, ch.day), ch.medication, ch.before, ch.after,
                         Cell(_word(DIRECTION_WORDS.get(ch.direction, ch.direction)), bold=True),
                         "; ".join(x for x in (ch.reason, ch.prescribed_by) if x)] for ch in data.dose_changes]))
    else:
        f.append(Para(_("No dose changes in this period.")))
    if data.planned_changes:
        f.append(Heading(_("Planned changes still to come"), 2))
        f.append(Table(change_columns,
                       [[_fmt_day(data, ch.day), ch.medication, ch.before, ch.after,
                         Cell(_word(DIRECTION_WORDS.get(ch.direction, ch.direction)), bold=True),
                         "; ".join(x for x in (ch.reason, ch.prescribed_by) if x)] for ch in data.planned_changes]))

    f.append(Heading(_("Doses given and missed")))
    sched = [a for a in data.adherence if not a.as_needed and a.scheduled]
    if sched:
        f.append(Table(
            [(_("Medicine"), 2.0), (_("Scheduled"), 0.9), (_("On time"), 1.0), (_("Early"), 0.8), (_("Late"), 0.8),
             (_("Skipped"), 0.8), (_("Refused"), 0.8), (_("Vomited"), 0.8), (_("Missed (noted)"), 0.9),
             (_("Missed (nothing logged)"), 1.0), (_("Extra"), 0.6)],
            [[Cell(a.medication, True), str(a.scheduled), _pct(a, a.on_time), _pct(a, a.early), _pct(a, a.late),
              _pct(a, a.skipped), _pct(a, a.refused), _pct(a, a.vomited), _pct(a, a.missed_recorded),
              Cell(_pct(a, a.missed_derived), bold=a.missed_derived > 0), str(a.extra)] for a in sched]))
    prn = [a for a in data.adherence if a.as_needed or not a.scheduled]
    for a in prn:
        if a.given_total:
            f.append(Para(ngettext("{medicine}: given {n} time with no fixed schedule.",
                                   "{medicine}: given {n} times with no fixed schedule.", a.given_total).format(
                medicine=a.medication, n=a.given_total), after_mm=0.6))
    if not sched and not prn:
        if data.pump is not None:
            f.append(Para(_("Baclofen comes from the pump without doses given by hand; see the pump settings "
                            "and the pump events below.")))
        else:
            f.append(Para(_("No doses were scheduled or logged in this period.")))
    gaps = [(a, g) for a in sched for g in _gaps_to_show(a)]
    if gaps:
        f.append(Heading(_("Longest times between given doses"), 2))
        f.append(Table([(_("Medicine"), 2), (_("Last dose before the gap"), 1.6), (_("Next dose"), 1.6), (_("Gap"), 1.2),
                        (_("Schedule's longest interval"), 1.2)],
                       [[a.medication, _fmt_at(data, g.start),
                         _("none yet (gap still open at the end of the period)") if g.open else _fmt_at(data, g.end),
                         Cell(_hours(g.hours), bold=g.expected_hours is not None and g.hours > g.expected_hours + 4),
                         _hours(g.expected_hours) if g.expected_hours else ""] for a, g in gaps]))
    for d in data.charts.daily_doses:
        if any(d.scheduled) or any(d.given):
            f.append(ChartFlow(52, doses_chart(d, start, end)))
    if sched:
        f.append(Para(_("How these are counted: {definitions}").format(definitions=" ".join(data.definitions)),
                      "small", after_mm=1.0))

    f.append(Heading(_("What happened around the gaps and changes")))
    if data.timeline:
        f.append(ChartFlow(62, timeline_chart(data.timeline, start, end)))
        f.append(Table([(_("When"), 1.3), (_("Kind"), 1.1), (_("What"), 6)],
                       [[_fmt_at(data, e.at), Cell(_word(TIMELINE_WORDS.get(e.level, e.level) or e.kind),
                                                   bold=e.level in ("red-flag", "urgent", "gap")), e.text]
                        for e in data.timeline]))
    else:
        f.append(Para(_("No dose changes, long gaps, severe symptoms, fevers or pump problems in this period.")))

    f.append(Heading(_("Safety alerts raised in this period")))
    if not data.alerts_checked:
        f.append(Para(_("The safety checks could not be run again for this period when this report was made, so "
                        "this section is empty. The gaps, missed doses and symptoms above are complete.")))
    elif data.alerts:
        rows = []
        for al in data.alerts:
            ev = "\n".join("– " + e for e in al.evidence)
            acks = "\n".join(_acknowledged(data, k) for k in al.acknowledgements) or _("not acknowledged")
            what = al.title + (f" ({al.medication})" if al.medication and al.medication not in al.title else "")
            rows.append([_fmt_at(data, al.since),
                         Cell(_word(SEVERITY_WORDS.get(al.severity.value, al.severity.value)), True), what, ev, acks])
        f.append(Para(_("Found by running the safety checks again as of the end of every day of the period and at "
                        "the moments a dose became missed or a gap grew long; each situation is listed once, at its "
                        "most severe."), "small"))
        f.append(Table([(_("Since"), 1.2), (_("Severity"), 1.0), (_("Alert"), 2.4), (_("Evidence"), 3.2),
                        (_("Acknowledged"), 1.4)], rows))
    else:
        f.append(Para(_("No safety alerts were raised in this period.")))

    f.append(Heading(_("Symptoms")))
    if data.symptom_counts:
        f.append(Table([(_("Symptom"), 2), (_("Times logged"), 1), (_("Worst severity (0-10)"), 1.2), (_("Triage"), 1.2)],
                       [[s.symptom, str(s.count), "" if s.worst is None else str(s.worst),
                         Cell(_word(TIER_WORDS.get(s.tier, s.tier)), bold=s.tier == "red-flag")]
                        for s in data.symptom_counts]))
        series = data.charts.symptom_severity
        if series:
            shown = series[:7]
            rest = [q for s in series[7:] for q in s.points]
            pairs: list[tuple[str, Sequence[Point]]] = [(s.label, s.points) for s in shown]
            if rest:
                pairs.append((_("other symptoms"), rest))
            f.append(ChartFlow(58, points_chart(_("Symptom severity (0-10)"), pairs, start, end, 0, 10,
                                                [0, 2, 4, 6, 8, 10], lines=False)))
    else:
        f.append(Para(_("No symptoms were logged in this period.")))

    f.append(Heading(_("Spasms, pain and temperature")))
    if data.charts.penn:
        f.append(ChartFlow(46, points_chart(_("Penn spasm frequency (0 none, 4 more than 10 an hour)"),
                                            [(_("Penn score"), data.charts.penn)], start, end, 0, 4.3,
                                            [0, 1, 2, 3, 4], lines=True)))
    if data.charts.pain:
        f.append(ChartFlow(46, points_chart(_("Pain (0-10)"), [(_("Pain"), data.charts.pain)], start, end, 0, 10,
                                            [0, 2, 4, 6, 8, 10], lines=True)))
    if data.charts.temperature:
        vals = [q.value for q in data.charts.temperature]
        fahrenheit = data.temperature_unit == "F"
        lo = min(93.0 if fahrenheit else 34.0, math.floor(min(vals)))
        hi = max(104.0 if fahrenheit else 40.0, math.ceil(max(vals)))
        step = 2 if fahrenheit else 1
        f.append(ChartFlow(46, points_chart(_("Temperature ({unit})").format(unit=SYMBOL[data.temperature_unit]),
                                            [(_("Temperature"), data.charts.temperature)],
                                            start, end, lo, hi, [float(v) for v in range(int(lo), int(hi) + 1, step)],
                                            lines=True, refs=data.charts.temperature_marks)))
    missing = [key for key, pts in (("spasm", data.charts.penn), ("pain", data.charts.pain),
                                    ("temperature", data.charts.temperature)) if not pts]
    if missing:
        f.append(Para(_(_NOTHING_LOGGED[tuple(missing)]), after_mm=1.0))

    if data.pump is not None or data.pump_events:
        f.append(Heading(_("Pump refills, alarms and checks")))
        if data.pump_events:
            f.append(Table([(_("When"), 1.3), (_("Event"), 1.2), (_("Details"), 3), (_("Note"), 3)],
                           [[_fmt_at(data, e.at), Cell(_word(e.kind), bold=e.kind in ("alarm", "catheter problem")),
                             e.details, e.note] for e in data.pump_events]))
        else:
            f.append(Para(_("No pump refills, alarms or checks were logged in this period.")))

    f.append(Heading(_("Caregiver notes")))
    if data.notes:
        f.append(Table([(_("When"), 1.2), (_("Note"), 6)], [[_fmt_at(data, n.at), n.text] for n in data.notes]))
    else:
        f.append(Para(_("No notes in this period.")))

    f.append(Heading(_("Corrections made in this period")))
    if data.corrections:
        f.append(Para(_("Entries are never overwritten: the journal keeps the earlier value. These entries were "
                        "changed during the period."), "small"))
        f.append(Table([(_("Changed"), 1.3), (_("By"), 0.9), (_("Entry"), 2.2), (_("What changed (earlier -> new)"), 3.2),
                        (_("Reason"), 1.5)],
                       [[_fmt_at(data, x.changed_at), x.changed_by, f"{x.what} ({_word(x.action)})", "\n".join(x.changes),
                         x.reason] for x in data.corrections]))
    else:
        f.append(Para(_("No entries were corrected or removed in this period.")))

    f.append(Heading(_("About this report")))
    f.append(Para(_(data.disclaimer) + " " + _("Times are local to {zone}.").format(zone=data.header.timezone), "body", boxed=True,
                  after_mm=1.5))
    return f


def _acknowledged(data: ReportData, k: AckLine) -> str:
    """'2026-10-03 08:10 by Ana: seen, called the clinic' (who and note when given)."""
    text = _fmt_at(data, k.at)
    if k.by:
        text += " " + _("by {who}").format(who=k.by)
    return text + (": " + k.note if k.note else "")


# The words for the codes the report data carries (data.py keeps codes, the page shows words).
DIRECTION_WORDS = {"increase": N_("increase"), "decrease": N_("decrease"), "start": N_("start"),
                   "stop": N_("stop"), "change": N_("change")}
TIMELINE_WORDS = {"red-flag": N_("RED FLAG"), "urgent": N_("call today"), "notable": N_("severe"), "gap": N_("gap"),
                  "increase": N_("dose raised"), "decrease": N_("dose lowered"), "start": N_("started"),
                  "stop": N_("stopped"), "change": N_("changed"), "info": ""}
TIER_WORDS = {"red-flag": N_("red flag"), "urgent": N_("call today"), "notable": N_("severe"),
              "next-visit": N_("mention at the visit"), "": ""}
def _word(code_word: str) -> str:
    """The word for a code the report data carries ("oral", "alarm", "corrected") in the language
    in use; "" stays "" (gettext would give the catalog's header for it)."""
    return _(code_word) if code_word else ""


# Words the report data carries as they are (enum values and data.py's action words), marked here
# for the catalog: routes, forms, pump events, what was done to a corrected entry.
_DATA_WORDS = (N_("oral"), N_("intrathecal"), N_("other"), N_("tablet"), N_("solution"), N_("suspension"),
               N_("granules"), N_("pump"), N_("refill"), N_("alarm"), N_("check"), N_("dose change"),
               N_("catheter problem"), N_("corrected"), N_("removed"), N_("restored"))


# What was not measured in the period, as one sentence (each language joins the list its own way).
_NOTHING_LOGGED = {
    ("spasm",): N_("No spasm scores were logged in this period."),
    ("pain",): N_("No pain scores were logged in this period."),
    ("temperature",): N_("No temperatures were logged in this period."),
    ("spasm", "pain"): N_("No spasm scores or pain scores were logged in this period."),
    ("spasm", "temperature"): N_("No spasm scores or temperatures were logged in this period."),
    ("pain", "temperature"): N_("No pain scores or temperatures were logged in this period."),
    ("spasm", "pain", "temperature"): N_("No spasm scores, pain scores or temperatures were logged in this period."),
}


# ----------------------------------------------------------------------------------------------
# Pagination and painting


@dataclass
class Placed:
    flow: Flow
    y: float


def _header_height(c: Ctx, data: ReportData) -> float:
    l1, l2 = header_lines(data)
    w = c.width - c.mm(28)
    return (c.text_height("header-bold", l1, w) + c.text_height("header", l2 + "  ·  " + _("page {page} of {total}").format(page=99, total=99), w)
            + c.mm(3.5))


def _footer_height(c: Ctx) -> float:
    return c.line("small") + c.mm(2.5)


def paginate(c: Ctx, flows: Sequence[Flow], top: float, bottom: float) -> list[list[Placed]]:
    width = c.width
    pages: list[list[Placed]] = [[]]
    y = top
    queue: deque[Flow] = deque(flows)
    while queue:
        f = queue.popleft()
        h = f.wrap(c, width)
        if f.keep_with_next and queue:
            # the heading and at least the beginning of what it introduces go together
            need = h + queue[0].min_height(c, width)
            if queue[0].keep_with_next and len(queue) > 1:
                need += queue[1].min_height(c, width)
            if y + need > bottom and pages[-1]:
                pages.append([])
                y = top
        if y + h <= bottom:
            pages[-1].append(Placed(f, y))
            y += h
            continue
        if isinstance(f, Spacer):
            continue
        parts = f.split(c, width, bottom - y)
        if parts is None and pages[-1]:
            pages.append([])
            y = top
            if y + h <= bottom:
                pages[-1].append(Placed(f, y))
                y += h
                continue
            parts = f.split(c, width, bottom - y)
        if parts is not None:
            pages[-1].append(Placed(parts[0], y))
            queue.appendleft(parts[1])
            pages.append([])
            y = top
        else:  # taller than a page (cells are capped and charts are fixed, so this should not happen)
            pages[-1].append(Placed(f, y))
            y += h
    if not pages[-1]:
        pages.pop()
    return pages


def _paint_header(p: QPainter, c: Ctx, data: ReportData, page: int, total: int) -> None:
    l1, l2 = header_lines(data)
    w = c.width
    h1 = c.text_height("header-bold", l1, w)
    p.setPen(BLACK)
    c.draw_text(p, "header-bold", 0, 0, w, l1)
    text2 = f"{l2}  ·  " + _("page {page} of {total}").format(page=page, total=total)
    h2 = c.text_height("header", text2, w)
    c.draw_text(p, "header", 0, h1 + c.mm(0.5), w, text2)
    yy = h1 + h2 + c.mm(1.3)
    p.setPen(QPen(BLACK, c.pt(0.6)))
    p.drawLine(QPointF(0, yy), QPointF(w, yy))


def _paint_footer(p: QPainter, c: Ctx, page: int, total: int) -> None:
    y = c.height - c.line("small")
    p.setPen(QPen(MID, c.pt(0.4)))
    p.drawLine(QPointF(0, y - c.mm(1)), QPointF(c.width, y - c.mm(1)))
    p.setFont(c.fonts["small"])
    p.setPen(DARK)
    p.drawText(QRectF(0, y, c.width * 0.75, c.line("small")), NOCLIP | int(Qt.AlignmentFlag.AlignLeft),
               _("A caregiver's record from CareJournal, not a medical document."))
    p.drawText(QRectF(c.width * 0.75, y, c.width * 0.25, c.line("small")), NOCLIP | int(Qt.AlignmentFlag.AlignRight),
               _("Page {page} of {total}").format(page=page, total=total))


def paint_report(data: ReportData, device: QPaintDevice, new_page: Callable[[], bool]) -> int:
    """Lay out and paint the report on a paged device; returns the number of pages."""
    with keep_none_alive() as guard:
        c = Ctx(device)
        flows = build_flows(data)
        top = _header_height(c, data)
        bottom = c.height - _footer_height(c)
        pages = paginate(c, flows, top, bottom)
        guard.top_up()
        p = QPainter()
        if not p.begin(device):
            raise OSError(_("could not start painting the report (is the output file writable?)"))
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for i, page in enumerate(pages, start=1):
                if i > 1:
                    new_page()
                _paint_header(p, c, data, i, len(pages))
                _paint_footer(p, c, i, len(pages))
                for placed in page:
                    placed.flow.draw(p, c, 0.0, placed.y, c.width)
                    guard.top_up()
        finally:
            p.end()
            guard.top_up()
        return len(pages)


# ----------------------------------------------------------------------------------------------
# Emoji in the PDF's text

_CMAP_RANGE = re.compile(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _emoji_utf16(code: int) -> bytes | None:
    """The UTF-16 hex of the emoji whose private-use twin is code (None when code is no twin)."""
    if not EMOJI_TWIN <= code <= EMOJI_TWIN + EMOJI_LAST - EMOJI_FIRST:
        return None
    return chr(EMOJI_FIRST + code - EMOJI_TWIN).encode("utf-16-be").hex().upper().encode()


def _cmap_with_emoji(cmap: bytes) -> bytes:
    """A ToUnicode CMap with every private-use twin replaced by its emoji."""
    def one(m: re.Match[bytes]) -> bytes:
        lo, hi, dst = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
        if dst.startswith(b"["):
            codes = [int(h, 16) for h in _HEX.findall(dst)]
        else:
            first = int(dst[1:-1], 16)
            codes = [first + i for i in range(hi - lo + 1)]
        if not any(_emoji_utf16(code) for code in codes):
            return m.group(0)
        out = [_emoji_utf16(code) or b"%04X" % code for code in codes]
        return b"<%s> <%s> [%s]" % (m.group(1), m.group(2), b" ".join(b"<" + h + b">" for h in out))
    return _CMAP_RANGE.sub(one, cmap)


def restore_emoji_text(path: str | Path) -> int:
    """Make the emoji printed with the symbol font searchable and copyable in the PDF.

    Qt's PDF writer gives a glyph its Unicode value only from code points below U+10000, so it
    labels each emoji with the private-use twin the symbol font maps to the same glyph; this
    rewrites those labels (the font's ToUnicode table) to the emoji themselves and fixes the
    cross-reference table. The PDF is left as it is when it is not laid out the way Qt writes
    one. Returns the number of tables rewritten."""
    path = Path(path)
    if not path.is_file():  # e.g. a print preview, which writes no file
        return 0
    data = path.read_bytes()
    targets = {int(n) for n in re.findall(rb"/BaseFont /(?:[A-Z]{6}\+)?" + SYMBOL_PS_NAME
                                          + rb"\b[^>]*?/ToUnicode (\d+) 0 R", data)}
    start_m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if not targets or start_m is None:
        return 0
    xref_at = int(start_m.group(1))
    head = re.compile(rb"xref\s+0 (\d+)\s*?\n").match(data, xref_at)
    if head is None:
        return 0
    count, entries_at = int(head.group(1)), head.end()
    entries = data[entries_at:entries_at + 20 * count]
    if not re.fullmatch(rb"(\d{10} \d{5} [nf][ \r\n]{2})*", entries) or len(entries) != 20 * count:
        return 0
    offsets = [int(entries[i * 20:i * 20 + 10]) for i in range(count)]
    edits: list[tuple[int, int, bytes]] = []  # (start, end, new bytes), on the old file
    for num in sorted(targets):
        if num >= count:
            return 0
        obj = re.compile(rb"%d 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n" % num).match(data, offsets[num])
        if obj is None:
            return 0
        body_at = obj.end()
        body = data[body_at:body_at + int(obj.group(1))]
        new_body = _cmap_with_emoji(body)
        if new_body != body:
            dict_at = data.index(b"<<", offsets[num])
            edits.append((dict_at, body_at + len(body),
                          b"<< /Length %d >>\nstream\n" % len(new_body) + new_body))
    if not edits:
        return 0
    edits.sort()
    out, pos = bytearray(), 0
    for a, b, new in edits:
        out += data[pos:a] + new
        pos = b
    out += data[pos:xref_at]

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (b - a) for a, b, new in edits if b <= offset)

    new_xref_at = len(out)
    out += data[xref_at:entries_at]
    for i, off in enumerate(offsets):
        entry = entries[i * 20:i * 20 + 20]
        out += (b"%010d" % moved(off) + entry[10:]) if entry[17:18] == b"n" else entry
    tail = data[entries_at + 20 * count:]
    out += re.sub(rb"startxref\s+\d+", b"startxref\n%d" % new_xref_at, tail)
    path.write_bytes(bytes(out))
    return len(edits)



def write_pdf(data: ReportData, path: str | Path, page_size: str = "a4") -> int:
    """Write the report as a PDF (A4 or US Letter); returns the number of pages."""
    key = page_size.lower().replace(" ", "").replace("usletter", "letter")
    if key not in PAGE_SIZES:
        raise ValueError(_("page size {size}: use A4 or Letter").format(size=repr(page_size)))
    with keep_none_alive(reserve=1000):
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(PAGE_SIZES[key]))
        writer.setResolution(300)
        writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        writer.setTitle(_("Doctor-visit report: {person}").format(person=data.header.person))
        writer.setCreator("CareJournal")
        pages = paint_report(data, writer, writer.newPage)
        del writer
    restore_emoji_text(path)
    return pages


def print_report(data: ReportData, printer: object) -> int:
    """Paint the report on a QPrinter (print dialog or print preview); returns the number of pages."""
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    pages = paint_report(data, printer, printer.newPage)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        restore_emoji_text(printer.outputFileName())
    return pages


_APP: object | None = None


def ensure_gui_app() -> None:
    """QPdfWriter and fonts need a QGuiApplication; the command line has none, so make one
    (off-screen when no display is set, so it works on a headless machine too)."""
    global _APP
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        with keep_none_alive(reserve=1000):
            _APP = QGuiApplication(["carejournal"])


def default_page_size() -> str:
    """Letter in the US and Canada, A4 elsewhere (from the system locale)."""
    from PySide6.QtCore import QLocale

    return "letter" if QLocale.system().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada) else "a4"


__all__ = ["build_flows", "default_page_size", "ensure_gui_app", "paint_report", "print_report", "write_pdf"]
