"""Issue 19: the 12-hour clock of a US journal reaches the boxes where a time is typed, not only
the times shown (the pictures docs/screenshots/*-us.png had "14:40" in every "When" box next to
"2:00 PM" on the page)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from journal.ui.dialogs.dose_dialog import DoseDialog
from journal.ui.widgets.widgets import WhenEdit
from tests.ui.conftest import TABLETS, clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401


def _use_clock(window, pattern: str) -> None:  # noqa: ANN001
    s = window.session.journal.get_settings()
    s.time_format = pattern
    from journal.ui.operations.settings import save_settings

    save_settings(session=window.session, settings=s, by="")


def test_when_boxes_show_the_24_hour_clock_by_default(window) -> None:  # noqa: ANN001
    assert window.symptom_form.when.text() == "2026-11-23  15:30"
    assert window.vitals_form.when.text() == "2026-11-23  15:30"


def test_a_12_hour_journal_types_times_with_am_and_pm_everywhere(qtbot, window) -> None:  # noqa: ANN001
    _use_clock(window, "%I:%M %p")
    qtbot.waitUntil(lambda: window.symptom_form.when.text() == "2026-11-23  3:30 PM")
    assert window.vitals_form.when.text() == "2026-11-23  3:30 PM"
    assert window.pump.when.displayFormat() == "yyyy-MM-dd  h:mm AP"  # (its time is set when the tab is shown)
    opened: list[DoseDialog] = []
    DoseDialog.exec = lambda self: opened.append(self) or 0  # type: ignore[method-assign]
    try:
        window.today.open_any_dialog()
    finally:
        del DoseDialog.exec
    assert opened and opened[0].when.text() == "2026-11-23  3:30 PM"
    # Typed in the 12-hour box, the time is the same instant as before.
    assert window.symptom_form.when.value() == window.session.now().replace(second=0, microsecond=0)
    _use_clock(window, "%H:%M")  # and back
    qtbot.waitUntil(lambda: window.symptom_form.when.text() == "2026-11-23  15:30")


def test_a_when_box_without_settings_keeps_the_24_hour_clock(qtbot) -> None:  # noqa: ANN001
    from zoneinfo import ZoneInfo

    box = WhenEdit(ZoneInfo("America/Chicago"))
    qtbot.addWidget(box)
    assert box.displayFormat() == "yyyy-MM-dd  HH:mm"
