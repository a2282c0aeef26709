"""The offline reference: topics, full-text search (SQLite FTS5) and rendering."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from journal.domain.i18n import SOURCE_LANGUAGE, _, current_language
from journal.knowledge.rule_topics import RULE_TOPICS as RULE_TOPICS  # one map for checks and reader
from journal.reference import markup
from journal.reference.markup import wrap
from journal.reference.topics import DEFAULT_DIRECTORY, SOURCES, Topic, TopicError, load_topics, parse_topic

#: Marks around matched words in `Hit.snippet`; control characters never occur in topic text.
MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"

#: The reading order of the topic list; topics not named here follow, by title.
READING_ORDER = (
    "when-to-call",
    "what-is-baclofen",
    "forms",
    "dosing",
    "missed-doses",
    "stopping-safely",
    "withdrawal",
    "overdose",
    "withdrawal-vs-toxicity",
    "twitches",
    "dystonia",
    "worse-spasticity",
    "pump",
    "pump-alarms",
    "kidneys-and-age",
    "interactions",
    "side-effects",
    "other-uses",
    "spasticity-scales",
    "doctor-visit",
    "about",
)


# Column weights for bm25: id (not indexed), title, keywords, body.
_WEIGHTS = (0.0, 10.0, 6.0, 1.0)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


# FTS5's bm25 gives a word no weight at all once it occurs in half the rows or more. With about
# twenty topics, words like "withdrawal" or "dose" are in most of them, so ranking would fall back
# to chance. Neutral rows (one filler word, average lengths, never returned) keep every real
# word's weight above zero without changing the average lengths bm25 compares against.
_PAD_FACTOR = 3
_PAD_WORD = "zzpadding"


def _padding(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str]]:
    def avg(col: int) -> int:
        return max(1, round(sum(len(_WORD.findall(r[col])) for r in rows) / len(rows)))

    title, keywords, body = ((" " + _PAD_WORD) * avg(c) for c in (1, 2, 3))
    return [(title, keywords, body)] * (_PAD_FACTOR * len(rows))


def _name_bonus(topic_id: str, words: list[str]) -> float:
    """A query that names a topic ("withdrawal", "pump", "missed dose") puts that topic ahead of
    its neighbours ("withdrawal-vs-toxicity", "pump-alarms"): every word of the id must be typed."""
    parts = [p for p in topic_id.split("-") if len(p) > 3]
    typed = [w for w in words if len(w) > 2]
    named = bool(parts) and all(any(p.startswith(w) or w.startswith(p) for w in typed) for p in parts)
    return _NAME_BONUS if named else 0.0


_NAME_BONUS = 2.0


class UnknownTopic(KeyError):
    """No topic has this id."""

    def __init__(self, topic_id: str) -> None:
        super().__init__(topic_id)
        self.topic_id = topic_id

    def __str__(self) -> str:
        return _("no reference topic called {topic}").format(topic=repr(self.topic_id))


@dataclass(frozen=True)
class Hit:
    topic_id: str
    title: str
    score: float  # higher is a better match
    snippet: str  # matched words wrapped in MARK_START ... MARK_END

    def snippet_text(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)

    def snippet_html(self) -> str:
        import html

        return html.escape(self.snippet, quote=False).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def _variants(word: str) -> list[str]:
    """The word, plus a shorter stem where prefix matching and stemming miss each other
    ("itchy" is stored as "itchi", but the text says "itching", stored as "itch")."""
    out = [word]
    for suffix, keep in (("ies", 5), ("ing", 6), ("ed", 5), ("y", 5), ("s", 5)):
        if word.endswith(suffix) and len(word) >= keep:
            out.append(word[: -len(suffix)])
            break
    return out


def search_query(terms: str | list[str] | tuple[str, ...], *, any_word: bool = False) -> str:
    """An FTS5 query from what a person typed: each word (or a shorter stem of it) matches as a
    prefix; every word must match unless `any_word`. Punctuation never reaches FTS5 syntax."""
    text = " ".join(terms) if isinstance(terms, list | tuple) else terms
    groups = []
    for word in (w.lower() for w in _WORD.findall(text)):
        alternatives = " OR ".join(f'"{v}"*' for v in _variants(word))
        groups.append(f"({alternatives})" if " OR " in alternatives else alternatives)
    return (" OR " if any_word else " AND ").join(groups)


class ReferenceLibrary:
    """The topics of one reference folder. The search index is built on first use."""

    def __init__(self, directory: Path | None = None, language: str | None = None) -> None:
        """`language` ("es"): topics in `directory/<language>/` replace the English ones with the
        same id (each checked like the others, and it may link only to topics that exist); a
        topic not translated yet stays in English."""
        self.directory = directory or DEFAULT_DIRECTORY
        self._topics = load_topics(self.directory)
        self.language = language or "en"
        translated = self.directory / self.language
        if language and translated.is_dir():
            for path in sorted(translated.glob("*.md")):
                topic = parse_topic(path.read_text(encoding="utf-8"), path)
                if topic.id not in self._topics:
                    raise TopicError(f"{path}: translates {topic.id!r}, which has no English page")
                for target in [*topic.links, *topic.related]:
                    if target not in self._topics:
                        raise TopicError(f"{path}: links to unknown topic {target!r}")
                self._topics[topic.id] = topic
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    # -- topics

    def topics(self) -> list[Topic]:
        order = {tid: n for n, tid in enumerate(READING_ORDER)}
        return sorted(self._topics.values(), key=lambda t: (order.get(t.id, len(order)), t.title.lower()))

    def get(self, topic_id: str) -> Topic:
        try:
            return self._topics[topic_id]
        except KeyError:
            raise UnknownTopic(topic_id) from None

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._topics

    def topic_for_rule(self, rule_id: str) -> Topic:
        """The topic that explains a check's alert; the triage guide when the rule is new to us."""
        return self.get(RULE_TOPICS.get(rule_id, "when-to-call"))

    # -- search

    def _index(self) -> sqlite3.Connection:
        if self._db is None:
            db = sqlite3.connect(":memory:", check_same_thread=False)
            db.execute(
                "CREATE VIRTUAL TABLE topic USING fts5("
                "id UNINDEXED, title, keywords, body, tokenize = 'porter unicode61 remove_diacritics 2')"
            )
            rows = [(t.id, t.title, " , ".join(t.keywords), t.plain_text) for t in self._topics.values()]
            db.executemany("INSERT INTO topic (id, title, keywords, body) VALUES (?, ?, ?, ?)", rows)
            db.executemany(
                "INSERT INTO topic (id, title, keywords, body) VALUES (NULL, ?, ?, ?)", _padding(rows)
            )
            db.commit()
            self._db = db
        return self._db

    def search(self, terms: str | list[str] | tuple[str, ...], limit: int = 10) -> list[Hit]:
        """Topics matching all the words (or, failing that, any of them), best first."""
        hits = self._run(search_query(terms), limit)
        if not hits:
            hits = self._run(search_query(terms, any_word=True), limit)
        return hits

    def _run(self, query: str, limit: int) -> list[Hit]:
        if not query or limit <= 0:
            return []
        sql = (
            "SELECT id, title, bm25(topic, ?, ?, ?, ?) AS rank, "
            "snippet(topic, 3, ?, ?, ?, 14) FROM topic WHERE topic MATCH ? AND id IS NOT NULL "
            "ORDER BY rank LIMIT ?"
        )
        with self._lock:
            rows = (
                self._index().execute(sql, (*_WEIGHTS, MARK_START, MARK_END, ELLIPSIS, query, -1)).fetchall()
            )
        words = [w.lower() for w in _WORD.findall(query)]
        hits = [
            Hit(topic_id=r[0], title=r[1], score=-float(r[2]) + _name_bonus(r[0], words), snippet=r[3])
            for r in rows
        ]
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]

    # -- rendering

    def render_text(self, topic_id: str, emergency_number: str = "911", width: int = 78) -> str:
        topic = self.get(topic_id)
        title = topic.title.upper()
        body = markup.to_text(list(topic.blocks), emergency_number, width)
        tail = []
        if topic.related:
            tail.append(_("See also: {topics}").format(topics=", ".join(topic.related)))
        tail.append(self._sources_line(topic))
        footer = "\n".join(wrap(line, width) for line in tail)
        return f"{title}\n{'=' * len(title)}\n\n{body}\n{footer}\n"

    def render_html(self, topic_id: str, emergency_number: str = "911", *, standalone: bool = False) -> str:
        import html

        topic = self.get(topic_id)
        parts = [
            f"<h1>{html.escape(topic.title, quote=False)}</h1>",
            markup.to_html(list(topic.blocks), emergency_number),
        ]
        if topic.related:
            links = ", ".join(
                f'<a href="{markup.TOPIC_SCHEME}{r}">{html.escape(self.get(r).title, quote=False)}</a>'
                for r in topic.related
            )
            parts.append('<p class="related">' + html.escape(_("See also: {topics}"), quote=False).format(topics=links)
                         + "</p>")
        parts.append(
            f'<p class="sources"><small>{html.escape(self._sources_line(topic), quote=False)}</small></p>'
        )
        fragment = "\n".join(parts)
        if not standalone:
            return fragment
        return (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            f"<title>{html.escape(topic.title)}</title><style>{STYLE}{PRINT_STYLE}</style></head>"
            f"<body>{fragment}</body></html>"
        )

    def _sources_line(self, topic: Topic) -> str:
        return _("Where these facts come from: {sources}.").format(sources="; ".join(_(SOURCES[s]) for s in topic.sources))


#: Styling for the HTML view: sizes are relative, so the text follows the system font size; where
#: we set a background we set the text colour too, so a dark system theme stays readable.
STYLE = """
body { line-height: 140%; }
h1 { font-size: x-large; }
h2 { font-size: large; margin-top: 1em; }
h3 { font-size: medium; }
table.grid th { background-color: #e8eef5; color: #000000; text-align: left; }
table.callout { background-color: #fff4d6; color: #000000; border-color: #c9a227; }
table.emergency { background-color: #b00020; color: #ffffff; border-color: #6d0014; font-size: large; }
p.sources { color: #555555; }
"""
# On paper (often black and white, backgrounds sometimes dropped): black on white, heavy border.
PRINT_STYLE = """
table.emergency { background-color: #ffffff; color: #000000; border-color: #000000; }
"""


def default_library() -> ReferenceLibrary:
    """The reference shipped with the app in the language in use (domain.i18n), loaded once per
    process and language."""
    return _library_in(current_language())


@lru_cache(maxsize=4)
def _library_in(language: str) -> ReferenceLibrary:
    return ReferenceLibrary(language=None if language == SOURCE_LANGUAGE else language)
