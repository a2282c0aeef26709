"""Issue 19, Keyboard: every key the window answers to is listed in the Guide ("About this guide",
"Keys you can use"), and the buttons that have a key say it in their label ("Guide (F1)",
"Undo (Ctrl+Z)"). A shortcut added without a line in the Guide fails here, naming the key."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "resources" / "reference" / "about.md"


def guide_keys(path: Path = GUIDE) -> set[str]:
    """The keys listed under "## Keys you can use" ("- Ctrl+D: ..." lines)."""
    text = path.read_text(encoding="utf-8")
    section = text.split("## Keys you can use", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- (\S+?):", section, flags=re.MULTILINE))


def window_keys(root) -> set[str]:  # noqa: ANN001 - a QWidget
    keys: set[str] = set()
    for sc in root.findChildren(QShortcut):
        keys |= {k.toString(QKeySequence.SequenceFormat.PortableText) for k in sc.keys() if not k.isEmpty()}
    for action in root.findChildren(QAction):
        keys |= {k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()}
    return keys


def test_the_guide_section_is_read() -> None:
    assert {"Ctrl+D", "Ctrl+S", "Ctrl+R", "Ctrl+Z", "F1"} <= guide_keys()


def test_every_key_of_the_window_and_the_guide_is_listed_in_the_guide(window) -> None:  # noqa: ANN001
    window.show_topic("when-to-call")  # the guide window has keys of its own (search, back)
    keys = window_keys(window) | window_keys(window.reference)
    assert {"Ctrl+D", "Ctrl+Z", "F1", "Ctrl+F"} <= keys  # the shortcuts are really found
    assert sorted(keys - guide_keys()) == []


def test_buttons_with_a_key_say_it_in_their_label(window) -> None:  # noqa: ANN001
    assert "(F1)" in window.guide_button.text()
    assert "F1" in guide_keys()
    from journal.ui.widgets.widgets import UndoButton

    undo = window.findChildren(UndoButton)
    assert undo and all("(Ctrl+Z)" in b.text() for b in undo)
