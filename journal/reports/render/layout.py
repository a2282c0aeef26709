"""The flow layout: a drawing context (Ctx) and the flows placed down a page: headings, paragraphs,
tables that fill the page width exactly (fit_widths) and break between rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from journal.domain.i18n import _

from .style import (
    BLACK,
    FONT_FAMILY,
    LIGHT,
    MAX_CELL_CHARS,
    MID,
    SHORT_CELL_CHARS,
    WIDEST_WORD,
    ZEBRA,
    font_families,
    line_breaks,
    text_presentation,
)


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
            cell = Cell(cell.text[:MAX_CELL_CHARS] + " " + _("[... shortened here; the full text is in the journal]"),
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
