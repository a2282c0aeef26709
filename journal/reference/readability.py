"""Flesch-Kincaid grade of the reference topics: are we writing for a tired non-specialist?

grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Front matter and markup are stripped. A sentence ends at . ! ? or :, and every heading,
list item and table cell is its own unit, because that is how a reader takes them in.
Syllables come from a simple heuristic (vowel groups, minus a silent final e), which is
close enough to compare topics and to track the level over time. A number counts as one
word of one syllable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journal.reference import markup
from journal.reference.topics import Topic

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Readability:
    topic_id: str
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words / max(1, self.sentences) + 11.8 * self.syllables / self.words - 15.59


def syllables(word: str) -> int:
    w = word.lower()
    if not w.isalpha():
        return 1
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith(("ed", "es")) and not w.endswith(
        ("ted", "ded", "ses", "zes", "ces", "ges", "shes", "ches", "xes")
    ):
        count = max(1, count - 1) if count > 1 else count
    return max(1, count)


def units(topic: Topic, *, prose_only: bool = False) -> list[str]:
    """The readable pieces of a topic: one string per heading, paragraph, list item or table cell.

    With `prose_only`, only paragraphs and call-out boxes: a stricter figure, since short list
    items and table cells pull the whole-topic grade down.
    """
    out: list[str] = [] if prose_only else [topic.title]
    for block in topic.blocks:
        if isinstance(block, markup.Paragraph | markup.Quote):
            out.append(block.text)
        elif prose_only:
            continue
        elif isinstance(block, markup.Heading):
            out.append(block.text)
        elif isinstance(block, markup.ListBlock):
            out.extend(block.items)
        elif isinstance(block, markup.Table):
            out.extend(block.header)
            for row in block.rows:
                out.extend(row)
    return [markup.inline_plain(u).replace(markup.PLACEHOLDER, "911") for u in out if u.strip()]


def measure(topic: Topic, *, prose_only: bool = False) -> Readability:
    words = sentences = syl = 0
    for unit in units(topic, prose_only=prose_only):
        tokens = _WORD.findall(unit)
        if not tokens:
            continue
        words += len(tokens)
        syl += sum(syllables(t) for t in tokens)
        sentences += max(1, sum(1 for part in _SENTENCE_END.split(unit) if _WORD.search(part)))
    return Readability(topic.id, words, sentences, syl)
