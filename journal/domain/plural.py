"""Counted words in plain English: "1 time", "2 times", "1 question", "no alarms" - never "time(s)".

One home for plural forms, so a count reads right wherever it is shown (window, report, command
line). `many` defaults to `one` + "s"; give it for irregular words ("1 dose change", "2 dose
changes" is regular; "1 person", "2 people" is not)."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 time", "3 times", "0 times"; `n` is shown as given (an int)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def listed(names: list[str] | tuple[str, ...]) -> str:
    """"a", "a and b", "a, b and c" (an empty list gives "")."""
    items = [str(x) for x in names]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""
