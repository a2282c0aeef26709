"""The reference reader in the window, driven as a caregiver would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from journal.ui.screens.reference_view import HTML_ROLE, ReferenceView


@pytest.fixture
def view(qtbot: Any) -> ReferenceView:
    v = ReferenceView(emergency_number="112")
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def click_link(qtbot: Any, view: ReferenceView, text: str) -> None:
    """Click the on-screen link with this text, like a mouse user would."""
    doc = view.browser.document()
    cursor = doc.find(text)
    while not cursor.isNull() and not cursor.charFormat().isAnchor():
        cursor = doc.find(text, cursor)
    assert not cursor.isNull(), f"no link {text!r} in the topic"
    middle = QTextCursor(doc)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    view.browser.setTextCursor(middle)
    view.browser.ensureCursorVisible()
    point = view.browser.cursorRect(middle).center() + QPoint(0, 0)
    qtbot.mouseClick(view.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_opens_on_the_when_to_call_guide_with_the_number_from_settings(view: ReferenceView) -> None:
    assert view.current_topic == "when-to-call"
    assert "Call 112 now" in view.topic_text()
    assert "112" in view.notice.text() and "not medical advice" in view.notice.text()
    assert "{emergency_number}" not in view.topic_text()


def test_typing_in_search_shows_ranked_results_with_highlights(qtbot: Any, view: ReferenceView) -> None:
    qtbot.keyClicks(view.search_box, "pump alarm")
    qtbot.waitUntil(lambda: view.results.count() > 0)
    assert view.result_ids()[0] == "pump-alarms"
    first = view.results.item(0)
    assert "background-color" in first.data(HTML_ROLE)
    assert first.text().startswith("Pump alarms")
    assert view.results.isVisible()


def test_clicking_a_result_opens_its_topic(qtbot: Any, view: ReferenceView) -> None:
    qtbot.keyClicks(view.search_box, "missed dose")
    qtbot.waitUntil(lambda: view.results.count() > 0)
    rect = view.results.visualItemRect(view.results.item(0))
    with qtbot.waitSignal(view.topic_shown) as shown:
        qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == ["missed-doses"]
    assert "Never give a double dose" in view.topic_text()


def test_enter_in_the_search_box_opens_the_best_match(qtbot: Any, view: ReferenceView) -> None:
    qtbot.keyClicks(view.search_box, "withdraw")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert view.current_topic == "withdrawal"


def test_a_search_with_no_match_says_so(qtbot: Any, view: ReferenceView) -> None:
    qtbot.keyClicks(view.search_box, "xylophone")
    assert view.results.count() == 1
    assert "Nothing found" in view.results.item(0).text()
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert view.current_topic == "when-to-call"


def test_following_a_link_opens_the_other_topic_and_back_returns(qtbot: Any, view: ReferenceView) -> None:
    view.show_topic("missed-doses")
    with qtbot.waitSignal(view.topic_shown) as shown:
        click_link(qtbot, view, "withdrawal")
    assert shown.args == ["withdrawal"]
    assert view.topic_text().startswith("Withdrawal: signs and timing")
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.current_topic == "missed-doses"


def test_picking_from_the_topic_list_opens_the_topic(qtbot: Any, view: ReferenceView) -> None:
    row = next(
        i for i in range(view.topic_list.count()) if view.topic_list.item(i).text().startswith("Pump alarms")
    )
    rect = view.topic_list.visualItemRect(view.topic_list.item(row))
    qtbot.mouseClick(view.topic_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_topic == "pump-alarms"
    assert "two tones" in view.topic_text().lower()


def test_an_alert_opens_its_topic_and_an_unknown_id_falls_back_safely(view: ReferenceView) -> None:
    assert view.show_topic("pump-alarms") is True
    assert view.topic_list.currentItem().text().startswith("Pump alarms")
    assert view.show_topic("no-such-topic") is False
    assert view.current_topic == "when-to-call"


def test_changing_the_emergency_number_updates_the_page(view: ReferenceView) -> None:
    view.show_topic("overdose")
    view.set_emergency_number("999")
    assert "call 999" in view.topic_text().lower()
    assert "112" not in view.topic_text()
    assert "999" in view.notice.text()


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: Any, view: ReferenceView) -> None:
    view.activateWindow()
    view.browser.setFocus()
    qtbot.waitUntil(lambda: view.browser.hasFocus())
    qtbot.keyClick(view.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.search_box.hasFocus())


def test_every_control_has_an_accessible_name_and_tab_reaches_them_in_order(view: ReferenceView) -> None:
    controls: list[QWidget] = [
        view.search_box,
        view.results,
        view.topic_list,
        view.browser,
        view.back_button,
        view.print_button,
    ]
    for control in controls:
        assert control.accessibleName(), control
    view.back_button.setEnabled(True)
    order = [view.search_box]
    widget: QWidget = view.search_box
    for _ in range(40):
        widget = widget.nextInFocusChain()
        if widget in controls and widget not in order:
            order.append(widget)
    assert order == controls


def test_text_size_follows_the_system_font(view: ReferenceView) -> None:
    app_size = view.font().pointSizeF()
    assert view.browser.font().pointSizeF() >= app_size
    assert view.browser.font().pixelSize() == -1  # a point size, never a fixed pixel size


class FakePrintDialog:
    def __init__(self, printer: QPrinter, parent: QWidget, *, accept: bool, out: Path) -> None:
        self.printer = printer
        self.accept = accept
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


def test_print_writes_the_topic_when_the_dialog_is_accepted(
    qtbot: Any, view: ReferenceView, tmp_path: Path
) -> None:
    out = tmp_path / "topic.pdf"
    opened: list[FakePrintDialog] = []

    def factory(printer: QPrinter, parent: QWidget) -> FakePrintDialog:
        opened.append(FakePrintDialog(printer, parent, accept=True, out=out))
        return opened[-1]

    view.print_dialog_factory = factory
    view.show_topic("pump-alarms")
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].printer.docName() == "Pump alarms: what each sound means"
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Pump alarms: what each sound means" in text
        assert "112" in text and "Two tones" in text


def test_print_does_nothing_when_cancelled(qtbot: Any, view: ReferenceView, tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    view.print_dialog_factory = lambda printer, parent: FakePrintDialog(
        printer, parent, accept=False, out=out
    )
    assert view.print_topic() is False
    assert not out.exists()
