"""docs/where-things-go.md, worked example 1, kept true: a check is one module in journal/rules with
its RULE id, listed in the engine's RULES, with its reference topic in knowledge/rule_topics.py, a
row in journal/rules/README.md and a topic file that exists. A rule added anywhere else, or missing
one of these places, fails here naming what is missing. (Its words' Spanish is checked by the
translation tests, which read every module of journal/rules.)"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import journal.rules
from journal.knowledge.rule_topics import RULE_TOPICS
from journal.rules.engine import RULE_IDS, RULES, SCHEDULE_RULES

ROOT = Path(journal.rules.__file__).resolve().parents[2]
# Modules of journal/rules that are not checks: the engine, what the checks share, acknowledgements.
NOT_RULES = {"engine", "common", "ack", "mentions"}


def _rule_modules() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(journal.rules.__path__):
        if info.name in NOT_RULES:
            continue
        found[info.name] = importlib.import_module(f"journal.rules.{info.name}")
    return found


def test_every_rule_module_declares_its_id_named_like_its_file_and_is_run_by_the_engine() -> None:
    modules = _rule_modules()
    assert modules, "no rule modules found"
    problems = []
    for name, module in modules.items():
        rule = getattr(module, "RULE", None)
        if rule != name.replace("_", "-"):
            problems.append(f"journal/rules/{name}.py: RULE is {rule!r}, expected {name.replace('_', '-')!r}")
        if module not in RULES:
            problems.append(f"journal/rules/{name}.py is not in RULES (journal/rules/engine.py)")
    assert problems == []
    assert set(SCHEDULE_RULES) <= set(RULES)
    assert len(RULE_IDS) == len(set(RULE_IDS)) == len(modules)


def test_every_rule_has_a_topic_that_exists_and_a_row_in_the_rules_readme() -> None:
    readme = (ROOT / "journal" / "rules" / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z-]+)` \|", readme, flags=re.M))
    topics = {p.stem for p in (ROOT / "resources" / "reference").glob("*.md")}
    problems = []
    for rule in RULE_IDS:
        topic = RULE_TOPICS.get(rule)
        if topic is None:
            problems.append(f"{rule}: no topic in journal/knowledge/rule_topics.py")
        elif topic not in topics:
            problems.append(f"{rule}: topic {topic!r} has no resources/reference/{topic}.md")
        if rule not in rows:
            problems.append(f"{rule}: no row in journal/rules/README.md")
    assert problems == []
    assert set(RULE_TOPICS) == set(RULE_IDS), "rule_topics.py names a rule the engine does not run"


def test_the_guard_notices_a_rule_left_out_of_the_engine(monkeypatch) -> None:  # noqa: ANN001
    """The check above can fail: a module dropped from RULES is named."""
    import journal.rules.engine as engine

    monkeypatch.setattr(engine, "RULES", tuple(r for r in RULES if r.RULE != "stock-low"))
    missing = [name for name, m in _rule_modules().items() if m not in engine.RULES]
    assert missing == ["stock_low"]


def test_the_pages_worked_examples_name_files_that_exist_and_the_rule_it_adds() -> None:
    """The two worked examples list the files a real change touched: each must still exist, and the
    rule the first one adds is one the engine runs, so the page cannot drift into fiction."""
    page = (ROOT / "docs" / "where-things-go.md").read_text(encoding="utf-8")
    examples = page[page.index("## Worked example 1"):]
    paths = set(re.findall(r"`((?:journal|tests|scripts|docs|resources)/[\w./-]+\.(?:py|md|json))`", examples))
    assert len(paths) >= 12
    missing = sorted(p for p in paths if not (ROOT / p).is_file())
    assert missing == []
    added = re.search(r'RULE = "([a-z-]+)"', examples)
    assert added is not None and added.group(1) in RULE_IDS


def test_every_module_over_500_lines_says_at_its_top_why() -> None:
    """Issue 20: no module of ours over about 500 lines without a reason written at its top (in its
    docstring: "Over 500 lines: ..."), so the next engineer knows whether to split it."""
    silent = []
    for path in sorted((ROOT / "journal").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > 500 and not any("over 500 lines" in line.lower() for line in lines[:30]):
            silent.append(f"{path.relative_to(ROOT)} ({len(lines)} lines)")
    assert silent == []
