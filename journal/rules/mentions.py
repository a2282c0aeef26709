"""Does a caregiver's free-text note say that something was taken (alcohol, for now)?

Notes are written as people talk: "had 3 beers", "two glasses of wine at lunch", "gin & tonic".
They also say the opposite: "no alcohol at the party", "didn't drink any wine", "alcohol-free
beer". A word is matched in its common forms (plural, possessive) and counts only when no negation
stands just before it in the same clause, nor a "-free"/"free" right after it. English only, like
the rest of the journal's words today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CLAUSE = re.compile(r"[.;:!?,()\n]|\bbut\b|\bthough\b|\bhowever\b")
NEGATIONS = frozenset({
    "no", "not", "never", "without", "none", "nor", "zero", "didn't", "didnt", "don't", "dont", "doesn't",
    "doesnt", "won't", "wont", "isn't", "wasn't", "avoid", "avoided", "avoiding", "refused", "refuse",
    "declined", "skipped", "stopped", "quit", "instead", "non", "0",
})
# "no more than one beer" and "not much wine" still say something was drunk.
_NOT_NEGATING_NEXT = frozenset({"more", "much", "than", "less", "longer"})
_AFTER_FREE = frozenset({"free"})
NEGATION_REACH = 4  # tokens before the word a negation still governs (judgement)


def _forms(word: str) -> set[str]:
    w = word.lower()
    out = {w, w + "s", w + "es", w + "'s"}
    if w.endswith("y"):
        out.add(w[:-1] + "ies")
    return out


def _phrases(words: Iterable[str]) -> list[list[set[str]]]:
    """Each listed word or phrase as a list of token form-sets (only the last token is inflected)."""
    out = []
    for w in words:
        toks = _TOKEN.findall(w.lower())
        if toks:
            out.append([{t} for t in toks[:-1]] + [_forms(toks[-1])])
    return out


def _negated(tokens: list[str], start: int, end: int) -> bool:
    # "alcohol-free", "alcohol free beer": a "free" right after the word or just before it
    if end < len(tokens) and tokens[end] in _AFTER_FREE or start > 0 and tokens[start - 1] in _AFTER_FREE:
        return True
    for i in range(max(0, start - NEGATION_REACH), start):
        if tokens[i] in NEGATIONS:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _NOT_NEGATING_NEXT:
                continue
            return True
    return False


def mention(text: str, words: Iterable[str]) -> str | None:
    """The first listed word or phrase `text` says was taken (in the form written), or None."""
    return _mention(text, tuple(words))


@lru_cache(maxsize=4096)
def _mention(text: str, words: tuple[str, ...]) -> str | None:
    """`mention`, remembered: a pure function of the text and the words, asked again of the same
    note at every instant a report checks while the note is in its window (issue 17)."""
    phrases = _phrases_of(words)
    for clause in _CLAUSE.split(text.lower().replace("\u2019", "'").replace("-", " ")):
        tokens = _TOKEN.findall(clause)
        for i, tok in enumerate(tokens):
            for ph in phrases:
                if tok not in ph[0]:
                    continue  # the first of the tests below, without starting them
                j = i + len(ph)
                if j <= len(tokens) and all(tokens[i + k] in ph[k] for k in range(len(ph))):
                    if not _negated(tokens, i, j):
                        return " ".join(tokens[i:j])
    return None


@lru_cache(maxsize=64)
def _phrases_of(words: tuple[str, ...]) -> list[list[set[str]]]:
    return _phrases(words)
