"""A small Markdown subset for the reference topics, rendered to HTML or plain text.

We write our own instead of pulling in a Markdown library: the topics use only headings,
paragraphs, bullet and numbered lists, simple tables, quotes (for call-out boxes), bold
and links to other topics, and the app must run offline with few dependencies.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from journal.domain.i18n import _

PLACEHOLDER = "{emergency_number}"
TOPIC_SCHEME = "topic:"

_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PLACEHOLDER_ANY = re.compile(r"\{[a-z_]+\}")


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap for the terminal without splitting words like "life-threatening" at the hyphen."""
    return textwrap.fill(
        text,
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Quote:
    """A call-out box, written as lines starting with `>`."""

    text: str


Block = Heading | Paragraph | ListBlock | Table | Quote


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    para: list[str] = field(default_factory=list)
    quote: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    ordered: bool = False
    table: list[tuple[str, ...]] = field(default_factory=list)

    def flush(self) -> None:
        if self.para:
            self.blocks.append(Paragraph(" ".join(self.para)))
            self.para = []
        if self.quote:
            self.blocks.append(Quote(" ".join(self.quote)))
            self.quote = []
        if self.items:
            self.blocks.append(ListBlock(self.ordered, tuple(self.items)))
            self.items = []
        if self.table:
            header, *rows = self.table
            self.blocks.append(Table(header, tuple(rows)))
            self.table = []


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return tuple(cell.strip() for cell in inner.split("|"))


def parse(source: str) -> list[Block]:
    """Turn topic Markdown into blocks. Unknown syntax stays as plain paragraph text."""
    b = _Builder()
    for raw in source.splitlines():
        line = raw.rstrip()
        if not line.strip():
            b.flush()
            continue
        if b.table and line.lstrip().startswith("|"):
            if not _TABLE_RULE.match(line):
                b.table.append(_cells(line))
            continue
        heading = _HEADING.match(line)
        if heading:
            b.flush()
            b.blocks.append(Heading(len(heading.group(1)), heading.group(2).strip()))
            continue
        if line.lstrip().startswith("|"):
            b.flush()
            b.table.append(_cells(line))
            continue
        if line.lstrip().startswith(">"):
            if not b.quote:
                b.flush()
            b.quote.append(line.lstrip()[1:].strip())
            continue
        bullet = _BULLET.match(line)
        numbered = None if bullet else _NUMBERED.match(line)
        if bullet or numbered:
            ordered = numbered is not None
            if not b.items or b.ordered != ordered:
                b.flush()
            b.ordered = ordered
            b.items.append((bullet or numbered).group(1).strip())  # type: ignore[union-attr]
            continue
        if b.items and raw.startswith((" ", "\t")):
            b.items[-1] += " " + line.strip()
            continue
        if b.quote:
            b.quote.append(line.strip())
            continue
        if b.items or b.table:
            b.flush()
        b.para.append(line.strip())
    b.flush()
    return b.blocks


def links(blocks: list[Block]) -> list[tuple[str, str]]:
    """Every (text, target) link in the blocks, in order."""
    found: list[tuple[str, str]] = []
    for text in _texts(blocks):
        for m in _INLINE.finditer(text):
            if m.group("target"):
                found.append((m.group("text"), m.group("target")))
    return found


def placeholders(blocks: list[Block]) -> set[str]:
    return {p for text in _texts(blocks) for p in _PLACEHOLDER_ANY.findall(text)}


def _texts(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph | Quote):
            out.append(block.text)
        elif isinstance(block, ListBlock):
            out.extend(block.items)
        elif isinstance(block, Table):
            out.extend(block.header)
            for row in block.rows:
                out.extend(row)
    return out


# ---------------------------------------------------------------- plain text (index, terminal)


def inline_plain(text: str, *, show_targets: bool = False) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group("bold") is not None:
            return m.group("bold")
        target, text = m.group("target"), m.group("text")
        topic_id = target[len(TOPIC_SCHEME) :] if target.startswith(TOPIC_SCHEME) else ""
        if show_targets and topic_id and slug(text) != topic_id:
            return _("{text} (see: {topic})").format(text=text, topic=topic_id)
        return text

    return _INLINE.sub(repl, text)


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def to_index_text(blocks: list[Block]) -> str:
    """Plain words for the search index; the placeholder reads as ordinary words."""
    pieces = [inline_plain(t).strip() for t in _texts(blocks)]
    words = " ".join(p if p[-1:] in ".!?:;)" else p + "." for p in pieces if p)
    return words.replace(PLACEHOLDER, _("the emergency number"))


def to_text(blocks: list[Block], emergency_number: str, width: int = 78) -> str:
    def plain(text: str, show_targets: bool = True) -> str:
        return inline_plain(text, show_targets=show_targets).replace(PLACEHOLDER, emergency_number)

    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            text = plain(block.text, show_targets=False)
            rule = "=" if block.level == 1 else "-"
            out.append(text if block.level > 2 else f"{text}\n{rule * len(text)}")
        elif isinstance(block, Paragraph):
            out.append(wrap(plain(block.text), width))
        elif isinstance(block, Quote):
            body = wrap(plain(block.text), width - 4)
            out.append("\n".join("  | " + line for line in body.splitlines()))
        elif isinstance(block, ListBlock):
            lines = []
            for n, item in enumerate(block.items, 1):
                mark = f"{n}." if block.ordered else "-"
                lines.append(
                    wrap(
                        plain(item),
                        width,
                        initial_indent=f"  {mark} ",
                        subsequent_indent=" " * (len(mark) + 3),
                    )
                )
            out.append("\n".join(lines))
        elif isinstance(block, Table):
            out.append(_text_table(block, width, plain))
    return "\n\n".join(out) + "\n"


def _text_table(table: Table, width: int, plain: Callable[[str], str]) -> str:
    """Tables read best in a terminal as one small card per row."""
    header = [plain(h) for h in table.header]
    cards = []
    for row in table.rows:
        cells = [plain(c) for c in row]
        lines = [wrap(cells[0], width, initial_indent="  * ", subsequent_indent="    ")]
        for name, cell in zip(header[1:], cells[1:], strict=False):
            lines.append(
                wrap(f"{name}: {cell}", width, initial_indent="      ", subsequent_indent="        ")
            )
        cards.append("\n".join(lines))
    title = "  " + " / ".join(header)
    return title + "\n" + "\n".join(cards)


# ---------------------------------------------------------------- HTML (window, print)


def inline_html(text: str) -> str:
    parts: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        parts.append(html.escape(text[pos : m.start()], quote=False))
        if m.group("bold") is not None:
            parts.append(f"<b>{inline_html(m.group('bold'))}</b>")
        else:
            target = html.escape(m.group("target"), quote=True)
            parts.append(f'<a href="{target}">{html.escape(m.group("text"), quote=False)}</a>')
        pos = m.end()
    parts.append(html.escape(text[pos:], quote=False))
    return "".join(parts)


def to_html(blocks: list[Block], emergency_number: str) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(block.level, 4)
            out.append(f"<h{level}>{inline_html(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{inline_html(block.text)}</p>")
        elif isinstance(block, Quote):
            # "Call the emergency number now": red, with a sign, so it is not read as a mere tip.
            urgent = PLACEHOLDER in block.text
            cls, border, sign = ("callout emergency", 2, "\u203c ") if urgent else ("callout", 1, "")
            out.append(
                f'<table class="{cls}" width="100%" cellpadding="8" border="{border}" cellspacing="0">'
                f"<tr><td>{sign}{inline_html(block.text)}</td></tr></table>"
            )
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{inline_html(i)}</li>" for i in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{inline_html(h)}</th>" for h in block.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            out.append(
                '<table class="grid" border="1" cellpadding="6" cellspacing="0" width="100%">'
                f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            )
    number = html.escape(emergency_number, quote=False)
    return "\n".join(out).replace(PLACEHOLDER, f"<b>{number}</b>")
