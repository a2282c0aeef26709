"""Counted words: "1 time", "2 times", "1 question" - never "time(s)" - in the language in use
("1 vez", "2 veces").

One home for plural forms, so a count reads right wherever it is shown (window, report, command
line). `many` defaults to `one` + "s"; give it for irregular words ("1 dose change", "2 dose
changes" is regular; "1 person", "2 people" is not). The plural comes from the catalog's plural
rule for the language (gettext's ngettext), so every word counted must be listed in COUNTED_WORDS,
which `make translations` puts in the catalog (a test finds every counted() call's words there)."""

from __future__ import annotations

from collections.abc import Iterable

from .enums import Severity
from .i18n import _, ngettext

# Every (one, many) pair counted() is called with, in English: the catalog holds "{n} time" /
# "{n} times" for each, with its Spanish forms.
COUNTED_WORDS: tuple[tuple[str, str], ...] = (
    ("time", "times"), ("concern", "concerns"), ("more emergency alert", "more emergency alerts"),
    ("alarm", "alarms"), ("dose change", "dose changes"), ("question", "questions"),
)


def counted_message(one: str, many: str | None = None) -> tuple[str, str]:
    """The catalog's (singular, plural) message ids for a counted word: ("{n} time", "{n} times")."""
    return "{n} " + one, "{n} " + (many or one + "s")


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 time", "3 times", "0 times" (Spanish: "1 vez", "3 veces", "0 veces"); `n` is shown as
    given (an int). A word missing from COUNTED_WORDS stays in English, with the English plural."""
    singular, plural = counted_message(one, many)
    return ngettext(singular, plural, n).format(n=n)


def listed(names: list[str] | tuple[str, ...]) -> str:
    """"a", "a and b", "a, b and c" (Spanish "a, b y c"); an empty list gives ""."""
    items = [str(x) for x in names]
    if len(items) <= 1:
        return items[0] if items else ""
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def severity_counts(severities: Iterable[Severity]) -> str:
    """How many alerts of each severity, most severe first, each counted in the language in use:
    "1 emergency, 2 urgent, 3 warnings, 1 note" (Spanish "1 de emergencia, 2 urgentes, ..."); a
    severity with no alert is left out, and no alerts give "". One answer for the window's alert
    list and the doctor's report."""
    counts: dict[Severity, int] = {}
    for s in severities:
        counts[Severity(s)] = counts.get(Severity(s), 0) + 1
    words = {
        Severity.EMERGENCY: lambda n: ngettext("{n} emergency", "{n} emergencies", n),
        Severity.URGENT: lambda n: ngettext("{n} urgent", "{n} urgent", n),
        Severity.WARNING: lambda n: ngettext("{n} warning", "{n} warnings", n),
        Severity.INFO: lambda n: ngettext("{n} note", "{n} notes", n),
    }
    return ", ".join(words[s](n).format(n=n) for s, n in sorted(counts.items(), key=lambda x: -x[0].rank))
