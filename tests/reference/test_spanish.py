"""The reference in Spanish (issue 19): every English topic has its Spanish page with the same
structure (headings, lists, tables, call-out boxes, links, related topics, sources), the same
numbers and the same emergency-number places; the Spanish library is the one shown when Spanish
is in use, search finds Spanish words typed with or without accents, and `reference show` prints
the Spanish page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journal.knowledge.rule_topics import RULE_TOPICS
from journal.reference import ReferenceLibrary, default_library, markup
from journal.reference.topics import DEFAULT_DIRECTORY, Topic, load_topics, parse_topic

ROOT = Path(__file__).resolve().parents[2]
SPANISH_DIR = DEFAULT_DIRECTORY / "es"
ENGLISH = load_topics()


@pytest.fixture(scope="module")
def es() -> ReferenceLibrary:
    return ReferenceLibrary(language="es")


def spanish_topic(topic_id: str) -> Topic:
    path = SPANISH_DIR / f"{topic_id}.md"
    return parse_topic(path.read_text(encoding="utf-8"), path)


def shape(topic: Topic) -> list[tuple[object, ...]]:
    """The topic's skeleton: each block's kind and size, without its words."""
    out: list[tuple[object, ...]] = []
    for b in topic.blocks:
        if isinstance(b, markup.Heading):
            out.append(("heading", b.level))
        elif isinstance(b, markup.ListBlock):
            out.append(("list", b.ordered, len(b.items)))
        elif isinstance(b, markup.Table):
            out.append(("table", len(b.header), len(b.rows), tuple(len(r) for r in b.rows)))
        else:
            out.append((type(b).__name__.lower(),))
    return out


def numbers(text: str) -> set[str]:
    """The numbers a page states ("1,000" and "1000", "38.5" and "38,5" read the same)."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # an English thousands comma
    return {n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", text)}


def placeholders_by_block(topic: Topic) -> list[int]:
    return [markup.inline_plain(_block_text(b)).count(markup.PLACEHOLDER) for b in topic.blocks]


def _block_text(b: markup.Block) -> str:
    if isinstance(b, markup.ListBlock):
        return " ".join(b.items)
    if isinstance(b, markup.Table):
        return " ".join([*b.header, *(c for r in b.rows for c in r)])
    return b.text


# -- every topic, the same structure -------------------------------------------------------------

def test_every_english_topic_has_its_spanish_page_and_no_more() -> None:
    assert {p.stem for p in SPANISH_DIR.glob("*.md")} == set(ENGLISH)


@pytest.mark.parametrize("topic_id", sorted(ENGLISH))
def test_the_spanish_page_has_the_structure_of_the_english_one(topic_id: str) -> None:
    en, es_topic = ENGLISH[topic_id], spanish_topic(topic_id)
    assert es_topic.id == en.id
    assert es_topic.title != en.title  # translated, not copied
    assert es_topic.sources == en.sources
    assert es_topic.related == en.related
    assert es_topic.links == en.links  # the same links, in the same places of the text
    assert shape(es_topic) == shape(en)
    # the emergency number is named in the same blocks, as often
    assert placeholders_by_block(es_topic) == placeholders_by_block(en)


@pytest.mark.parametrize("topic_id", sorted(ENGLISH))
def test_the_spanish_page_states_every_number_of_the_english_one(topic_id: str) -> None:
    en, es_topic = ENGLISH[topic_id], spanish_topic(topic_id)
    english_numbers = numbers(en.plain_text + " " + en.title)
    spanish_numbers = numbers(es_topic.plain_text + " " + es_topic.title)
    assert english_numbers - spanish_numbers == set()


@pytest.mark.parametrize("topic_id", sorted(ENGLISH))
def test_the_spanish_page_says_it_is_not_medical_advice_and_never_orders_a_dose_change(topic_id: str) -> None:
    text = spanish_topic(topic_id).plain_text.lower()
    assert "no es consejo médico" in text
    assert not re.search(r"\b(suba|baje|aumente|reduzca|duplique) (la|una|su) dosis\b(?! por su cuenta)", text)


@pytest.mark.parametrize("topic_id", sorted(ENGLISH))
def test_the_spanish_page_keeps_its_sentences_short(topic_id: str) -> None:
    """Plain words at 2 a.m.: the English pages are held to school grade 8 (test_reference_content);
    the Spanish ones to short sentences, at most 16 words on average in their paragraphs and boxes
    (Spanish runs about a tenth longer than the English, which averages 7 to 12)."""
    from journal.reference.readability import units

    pieces = units(spanish_topic(topic_id), prose_only=True)
    words = sum(len(re.findall(r"[^\W\d_]+", u)) for u in pieces)
    sentences = sum(max(1, len([x for x in re.split(r"[.!?]+\s", u) if x.strip()])) for u in pieces)
    assert words / sentences <= 16


def test_every_rule_opens_its_topic_in_spanish(es: ReferenceLibrary) -> None:
    for rule, topic_id in RULE_TOPICS.items():
        topic = es.topic_for_rule(rule)
        assert topic.id == topic_id and topic.path is not None and topic.path.parent == SPANISH_DIR, rule


# -- the library in use follows the language -----------------------------------------------------------

def test_the_library_in_use_is_the_spanish_one_while_spanish_is_chosen(spanish: None) -> None:
    lib = default_library()
    assert lib.get("withdrawal").title == "Abstinencia: señales y plazos"
    text = lib.render_text("withdrawal", "112")
    assert "Llame ya al 112" in text and "{emergency_number}" not in text
    assert "Vea también:" in text and "De dónde vienen estos datos:" in text
    assert "See also" not in text and "Where these facts come from" not in text
    html = lib.render_html("withdrawal", "112")
    assert "Vea también:" in html and "<b>112</b>" in html


@pytest.mark.parametrize("topic_id", sorted(ENGLISH))
def test_no_english_words_of_the_reader_are_left_on_a_spanish_page(spanish: None, topic_id: str) -> None:
    """The reader's own lines (links, see also, sources) are Spanish too; the pages are checked
    above. The journal/reference modules' other texts are HTML or errors for whoever edits a
    topic file, which a caregiver never sees (the shipped files are checked by these tests)."""
    es = default_library()
    text = es.render_text(topic_id, "112")
    html = es.render_html(topic_id, "112", standalone=True)
    for english in ("See also", "Where these facts come from", "(see:", "prescribing label", "Article:",
                    "the emergency number", "{emergency_number}"):
        assert english not in text and english not in html, english
    assert "De dónde vienen estos datos:" in text


def test_english_stays_as_it_was() -> None:
    lib = default_library()
    assert lib.get("withdrawal").title == "Withdrawal: signs and timing"
    text = lib.render_text("withdrawal", "911")
    assert "See also: when-to-call" in text and "Where these facts come from: " in text


# -- search in Spanish ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "topic_id"),
    [
        ("abstinencia", "withdrawal"),
        ("dosis olvidada", "missed-doses"),
        ("dosis doble", "missed-doses"),
        ("alarma de la bomba", "pump-alarms"),
        ("rellenado", "pump"),
        ("riñones", "kidneys-and-age"),
        ("rinones", "kidneys-and-age"),
        ("diálisis", "kidneys-and-age"),
        ("sobredosis", "overdose"),
        ("distonía", "dystonia"),
        ("distonia", "dystonia"),
        ("alcohol", "interactions"),
        ("bajada gradual", "stopping-safely"),
        ("cuándo pedir ayuda", "when-to-call"),
        ("sacudidas", "twitches"),
        ("efectos secundarios", "side-effects"),
        ("hipo", "other-uses"),
        ("escala de penn", "spasticity-scales"),
        ("visita médica", "doctor-visit"),
        ("levetiracetam", "sudden-stop"),
        ("jarabe", "forms"),
        ("se acabaron las pastillas", "missed-doses"),
        ("no despierta", "overdose"),
    ],
)
def test_spanish_words_find_their_topic_first(es: ReferenceLibrary, words: str, topic_id: str) -> None:
    hits = es.search(words)
    assert hits and hits[0].topic_id == topic_id, [h.topic_id for h in hits[:3]]


def test_accents_can_be_left_out_or_typed(es: ReferenceLibrary) -> None:
    with_accents = [h.topic_id for h in es.search("síntomas")]
    without = [h.topic_id for h in es.search("sintomas")]
    assert with_accents and with_accents == without
    assert [h.topic_id for h in es.search("convulsion")] == [h.topic_id for h in es.search("convulsión")]
    assert es.search("convulsion")


# -- `reference show` from the command line ----------------------------------------------------------

def _run(*args: str, db: Path) -> str:
    env = dict(os.environ, LANG="es_ES.UTF-8", PYTHONPATH=str(ROOT))
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_reference_show_prints_the_spanish_page_from_lang(tmp_path: Path) -> None:
    out = _run("reference", "show", "missed-doses", db=tmp_path / "j.sqlite3")
    assert "DOSIS OLVIDADAS Y DOSIS DOBLES" in out
    assert "No dé nunca una dosis doble." in out and "llame al 112" in out
    assert "Vea también:" in out and "De dónde vienen estos datos:" in out


# -- the guide in the window -------------------------------------------------------------------------

def test_the_windows_guide_shows_and_searches_the_spanish_pages(qtbot, spanish: None) -> None:  # noqa: ANN001
    """Spanish chosen: the Guide opens on the Spanish 'when to call' page with the number from the
    settings, and typing an unaccented Spanish word finds its page."""
    from journal.ui.screens.reference_view import ReferenceView

    view = ReferenceView(emergency_number="112")
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.current_topic == "when-to-call"
    assert "Llame ya al 112" in view.topic_text() and "{emergency_number}" not in view.topic_text()
    qtbot.keyClicks(view.search_box, "alarma de la bomba")
    qtbot.waitUntil(lambda: view.results.count() > 0)
    assert view.result_ids()[0] == "pump-alarms"
    assert view.results.item(0).text().startswith("Alarmas de la bomba")
