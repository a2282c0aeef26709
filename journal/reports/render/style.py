"""The report's look: page sizes, margins, fonts (DejaVu Sans and the bundled symbol font), colours
and the text shaping every part uses (line breaks, emoji presentation)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt, QTextBoundaryFinder
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QPageSize,
)

log = logging.getLogger(__name__)

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(14, 12, 14, 12)
FONT_FAMILY = "DejaVu Sans"
# Emoji and symbols DejaVu Sans lacks: Symbola cut down and renamed by scripts/make_symbol_font.py.
# It holds no letters, and its line metrics are DejaVu Sans's, so it can be named first: then every
# emoji comes from it, and every letter still from DejaVu Sans (or the system's fallback fonts).
SYMBOL_FONT_FILE = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "CareJournalSymbola.ttf"
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


# ----------------------------------------------------------------------------------------------
# Fonts and text shaping


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
