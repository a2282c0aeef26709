"""Loading, checking and rendering topics: what a broken topic or a hostile setting would do."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.reference import ReferenceLibrary, TopicError, UnknownTopic, load_topics, markup, parse_topic

GOOD = """---
id: {id}
title: {title}
keywords: alpha, beta
sources: NHS
{extra}---

# Heading one

A **bold** word and a [link]({target}).

- first item
- second item
  continued

1. step one
2. step two

| Sign | Left | Right |
|---|---|---|
| Fever | high | low |

> **Call {{emergency_number}} now** if it is bad.

Not medical advice.
"""


def write(
    folder: Path, topic_id: str, *, target: str = "topic:b", title: str = "Title", extra: str = ""
) -> None:
    (folder / f"{topic_id}.md").write_text(
        GOOD.format(id=topic_id, title=title, target=target, extra=extra), encoding="utf-8"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "a", target="topic:b", title="Alpha topic")
    write(tmp_path, "b", target="topic:a", title="Beta topic", extra="related: a\n")
    return tmp_path


def test_a_small_library_loads_and_renders(folder: Path) -> None:
    lib = ReferenceLibrary(folder)
    assert [t.id for t in lib.topics()] == ["a", "b"]
    html = lib.render_html("a", "112")
    assert "<h1>Alpha topic</h1>" in html
    assert "<h1>Heading one</h1>" in html
    assert "<b>bold</b>" in html
    assert '<a href="topic:b">link</a>' in html
    assert "<ul><li>first item</li><li>second item continued</li></ul>" in html
    assert "<ol><li>step one</li><li>step two</li></ol>" in html
    assert "<th>Sign</th>" in html and "<td>Fever</td>" in html
    assert "<b>Call <b>112</b> now</b>" in html
    assert "Where these facts come from: NHS" in html


def test_see_also_links_to_related_topics_by_title(folder: Path) -> None:
    html = ReferenceLibrary(folder).render_html("b")
    assert '<a href="topic:a">Alpha topic</a>' in html


def test_terminal_text_has_no_markup_left(folder: Path) -> None:
    text = ReferenceLibrary(folder).render_text("a", "000")
    assert "**" not in text and "](" not in text and "<" not in text
    assert "Call 000 now" in text
    assert "link (see: b)" in text
    assert "  - first item" in text and "  1. step one" in text


def test_a_standalone_page_is_a_full_html_document(folder: Path) -> None:
    page = ReferenceLibrary(folder).render_html("a", standalone=True)
    assert page.startswith("<!DOCTYPE html>") and "<title>Alpha topic</title>" in page
    assert "px" not in page  # sizes stay relative so the system font size rules


def test_the_emergency_number_cannot_inject_markup(folder: Path) -> None:
    html = ReferenceLibrary(folder).render_html("a", "<script>x</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_html_special_characters_in_text_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "c.md").write_text(
        "---\nid: c\ntitle: C & D\nkeywords: k\nsources: NHS\n---\nIf the next dose is < 2 h away & more.\n",
        encoding="utf-8",
    )
    html = ReferenceLibrary(tmp_path).render_html("c")
    assert "&lt; 2 h away &amp; more" in html and "C &amp; D" in html


def test_unknown_topic_is_a_clear_error(folder: Path) -> None:
    with pytest.raises(UnknownTopic) as err:
        ReferenceLibrary(folder).get("nope")
    assert "nope" in str(err.value)


def test_a_link_to_a_missing_topic_stops_loading(tmp_path: Path) -> None:
    write(tmp_path, "a", target="topic:missing")
    with pytest.raises(TopicError, match="missing"):
        load_topics(tmp_path)


def test_a_related_topic_that_does_not_exist_stops_loading(tmp_path: Path) -> None:
    write(tmp_path, "a", target="topic:a", extra="related: ghost\n")
    with pytest.raises(TopicError, match="ghost"):
        load_topics(tmp_path)


def test_web_links_are_refused_because_the_reader_is_offline(tmp_path: Path) -> None:
    write(tmp_path, "a", target="https://example.org")
    with pytest.raises(TopicError, match="topic"):
        load_topics(tmp_path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("no front matter", "front matter"),
        ("---\nid: a\ntitle: T\nkeywords: k\n---\nbody\n", "sources"),
        ("---\nid: a\ntitle: T\nkeywords: k\nsources: WIKI\n---\nbody\n", "unknown source"),
        ("---\nid: a\ntitle: T\nkeywords: k\nsources: NHS\ncolour: red\n---\nbody\n", "unknown front matter"),
        ("---\nid: Bad Id\ntitle: T\nkeywords: k\nsources: NHS\n---\nbody\n", "lower-case"),
        ("---\nid: a\ntitle: T\nkeywords: k\nsources: NHS\n---\nCall {emergency} now.\n", "placeholder"),
        ("---\nid: a\ntitle: T\nkeywords: k\nsources: NHS\n---\n\n", "no text"),
        ("---\nid: a\ntitle: T\n", "not closed"),
    ],
)
def test_broken_front_matter_is_reported(text: str, problem: str) -> None:
    with pytest.raises(TopicError, match=problem):
        parse_topic(text)


def test_the_file_name_must_match_the_id(tmp_path: Path) -> None:
    write(tmp_path, "a")
    (tmp_path / "a.md").rename(tmp_path / "other.md")
    with pytest.raises(TopicError, match="file name"):
        load_topics(tmp_path)


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TopicError, match="no topics"):
        load_topics(tmp_path)


def test_parser_keeps_lists_tables_and_quotes_apart() -> None:
    blocks = markup.parse("Intro line\nsecond line\n- a\n- b\n\n| x | y |\n|--|--|\n| 1 | 2 |\n> note\n")
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "ListBlock", "Table", "Quote"]
    assert blocks[0] == markup.Paragraph("Intro line second line")
    assert blocks[2] == markup.Table(("x", "y"), (("1", "2"),))


def test_the_search_index_is_built_only_when_first_needed(folder: Path) -> None:
    lib = ReferenceLibrary(folder)
    assert lib._db is None
    assert lib.search("alpha")[0].topic_id == "a"
    assert lib._db is not None


def test_a_call_the_emergency_number_box_stands_out_and_a_tip_does_not() -> None:
    blocks = markup.parse("> **Call {emergency_number} now** if it is bad.\n\n> Keep the pump card handy.\n")
    html = markup.to_html(blocks, "112")
    assert html.count('class="callout emergency"') == 1 and html.count('class="callout"') == 1
    assert "\u203c <b>Call <b>112</b> now</b>" in html
    lib = ReferenceLibrary()
    assert 'class="callout emergency"' in lib.render_html("when-to-call", "112")
    # on paper it is black on white with a heavy border (a dark fill may not print)
    printed = lib.render_html("when-to-call", "112", standalone=True)
    assert "table.emergency { background-color: #ffffff; color: #000000" in printed
