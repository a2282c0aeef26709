"""Plural forms read right everywhere: no "time(s)" in any text a person reads (issue 19)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from journal.domain.plural import counted, listed

ROOT = Path(__file__).resolve().parents[2]
HALF_PLURAL = re.compile(r"[A-Za-z]\(s\)")


def test_counted_words() -> None:
    assert counted(1, "time") == "1 time"
    assert counted(2, "time") == "2 times"
    assert counted(0, "alarm") == "0 alarms"
    assert counted(3, "person", "people") == "3 people"
    assert listed(["a"]) == "a" and listed(["a", "b", "c"]) == "a, b and c" and listed([]) == ""


def test_no_text_in_the_code_or_the_resources_says_s_in_brackets() -> None:
    found = []
    for path in sorted((ROOT / "journal").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HALF_PLURAL.search(node.value):
                if not node.value.startswith(('"""', "Counted words")):  # the helper's own docstring
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.suffix in (".md", ".json") and HALF_PLURAL.search(path.read_text(encoding="utf-8")):
            found.append(str(path.relative_to(ROOT)))
    assert found == []


def test_the_report_counts_read_right(qapp) -> None:  # noqa: ANN001
    from journal.reports import render
    from journal.reports.data import build_report
    from tests.reports.support import END, GENERATED, START, month_alerts, month_history, month_revisions

    alerts, acks = month_alerts()
    data = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)
    text = " ".join(render.summary_lines(data))
    n = len(data.dose_changes)
    assert n >= 1 and counted(n, "dose change") + " in the period." in text
    assert "(s)" not in text
    one = build_report(month_history(), alerts, acks, month_revisions(), START, END, GENERATED)
    one.dose_changes = one.dose_changes[:1]
    assert "1 dose change in the period." in render.summary_lines(one)
