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

The package, by what each module holds (each imports only the ones above it; pyproject.toml's
import-linter contract keeps it so):
- style: page sizes, margins, fonts, colours, text shaping (line breaks, emoji presentation);
- layout: the drawing context (Ctx) and the flows: headings, paragraphs, tables (fit_widths);
- charts: doses by day, symptom and reading series, the timeline;
- words: the words for the codes the data carries, dates, times, counts and hours as printed;
- sections: one function per section of the report, in print order (SECTIONS), and build_flows;
- pages: pagination, the header and footer, the PDF (emoji kept in its text), the printer.

Callers use `render.write_pdf`, `render.print_report`, ... from here (a test replaces
`render.write_pdf` on this package, and journal.services.reports looks it up here); every name
the single module had is re-exported, except its module state (the font-registered flag, the
application object), which lives in style and pages.
"""

from .charts import (  # noqa: F401
    LANES,
    MARKERS,
    MONTHS,
    WEEKLY_AFTER_DAYS,
    Axes,
    ChartFlow,
    _hatch_icon,
    _lane,
    _legend_height,
    _line_icon,
    _marker_icon,
    _nice_max,
    _solid_icon,
    _tick_label,
    _ticks,
    by_week,
    doses_chart,
    draw_marker,
    hatch,
    legend,
    points_chart,
    time_axes,
    timeline_chart,
)
from .layout import Cell, Ctx, Flow, Heading, Para, Spacer, Table, fit_widths  # noqa: F401
from .pages import (  # noqa: F401
    _CMAP_RANGE,
    _HEX,
    Placed,
    _cmap_with_emoji,
    _emoji_utf16,
    _footer_height,
    _header_height,
    _paint_footer,
    _paint_header,
    default_page_size,
    ensure_gui_app,
    paginate,
    paint_report,
    print_report,
    restore_emoji_text,
    write_pdf,
)
from .sections import _acknowledged, _gaps_to_show, build_flows, header_lines, summary_lines  # noqa: F401
from .style import (  # noqa: F401
    _EMOJI_BLOCKS,
    _EMOJI_STYLE,
    _TEXT_STYLE,
    BLACK,
    DARK,
    EMOJI_FIRST,
    EMOJI_LAST,
    EMOJI_TWIN,
    FONT_FAMILY,
    LIGHT,
    MARGINS_MM,
    MAX_CELL_CHARS,
    MID,
    NOCLIP,
    PAGE_SIZES,
    SHORT_CELL_CHARS,
    SYMBOL_FAMILY,
    SYMBOL_FONT_FILE,
    SYMBOL_PS_NAME,
    WIDEST_WORD,
    ZEBRA,
    _pictographic,
    font_families,
    line_breaks,
    register_fonts,
    text_presentation,
)
from .words import (  # noqa: F401
    _DATA_WORDS,
    _NOTHING_LOGGED,
    DIRECTION_WORDS,
    SEVERITY_WORDS,
    TIER_WORDS,
    TIMELINE_WORDS,
    _fmt_at,
    _fmt_day,
    _hours,
    _pct,
    _word,
)

__all__ = ["build_flows", "default_page_size", "ensure_gui_app", "paint_report", "print_report", "write_pdf"]
