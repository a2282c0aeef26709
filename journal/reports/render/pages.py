"""Pages and output: pagination, the header and footer on every page, the PDF (with emoji kept in
its text) and the printer."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from journal.domain.i18n import _

from .._none_guard import keep_none_alive
from ..data import ReportData
from .layout import Ctx, Flow, Spacer
from .sections import build_flows, header_lines
from .style import (
    BLACK,
    DARK,
    EMOJI_FIRST,
    EMOJI_LAST,
    EMOJI_TWIN,
    MARGINS_MM,
    MID,
    NOCLIP,
    PAGE_SIZES,
    SYMBOL_PS_NAME,
)

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
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        with keep_none_alive(reserve=1000):
            # A QApplication (a QGuiApplication that can also hold widgets): a process that made
            # a report first and opens a window later (the tests do) would abort with a plain one.
            _APP = QApplication(["carejournal"])


def default_page_size() -> str:
    """Letter in the US and Canada, A4 elsewhere (from the system locale)."""
    from PySide6.QtCore import QLocale

    return "letter" if QLocale.system().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada) else "a4"

