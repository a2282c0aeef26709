"""Fits small screens: windows and dialogs are clamped to the available area of a 1366x768 screen
(1366x728 once a panel takes its share) or smaller, the report dialog's Save and Print stay on
screen, and a size the caregiver gave a window is remembered."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.widgets.screen_fit import FRAME, ScreenFit, clamp_to_screen, fit_size
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs, patient_id  # noqa: F401

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40 px panel


def inside(widget: QWidget, top: QWidget) -> bool:
    corner = widget.mapTo(top, QPoint(0, 0))
    return corner.x() >= 0 and corner.y() >= 0 and corner.x() + widget.width() <= top.width() \
        and corner.y() + widget.height() <= top.height()


def test_fit_size_keeps_what_fits_and_shrinks_what_does_not() -> None:
    assert fit_size(QSize(900, 600), LAPTOP) == QSize(900, 600)
    assert fit_size(QSize(1200, 820), LAPTOP) == QSize(1200, 728 - FRAME.height())
    assert fit_size(QSize(1600, 1000), LAPTOP) == QSize(1366 - FRAME.width(), 728 - FRAME.height())
    # a window's least usable size wins over a screen smaller than it
    assert fit_size(QSize(900, 900), QRect(0, 0, 400, 300), QSize(500, 320)) == QSize(500, 320)


@pytest.fixture
def screen_fit(qapp, tmp_path: Path):  # noqa: ANN001, ANN201
    fit = ScreenFit(QSettings(str(tmp_path / "sizes.ini"), QSettings.Format.IniFormat))
    qapp.installEventFilter(fit)
    yield fit
    qapp.removeEventFilter(fit)


def test_the_main_window_fits_a_laptop_screen(qtbot, journal, clock) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, desktop_notifications=False)
    qtbot.addWidget(w)
    w.show()
    clamp_to_screen(w, LAPTOP)
    assert w.width() <= LAPTOP.width() - FRAME.width() and w.height() <= LAPTOP.height() - FRAME.height()
    for i in range(w.tabs.count()):  # no tab needs more room than the laptop has
        w.tabs.setCurrentIndex(i)
        hint = w.minimumSizeHint()
        assert hint.width() <= w.width() and hint.height() <= w.height(), w.tabs.tabText(i)
    assert LAPTOP.contains(QRect(w.pos(), w.size()))


def test_the_report_dialog_keeps_save_and_print_on_screen(qtbot, journal, clock, screen_fit) -> None:  # noqa: ANN001
    from journal.ui.dialogs.report_dialog import ReportDialog

    dlg = ReportDialog(journal, patient_id(journal), clock.now)
    qtbot.addWidget(dlg)
    assert dlg.height() > 800  # it asks for more than this screen has ...
    dlg.show()
    available = QApplication.primaryScreen().availableGeometry()
    assert dlg.height() <= available.height() - FRAME.height()  # ... and gets what fits
    qtbot.waitUntil(lambda: inside(dlg.save_button, dlg) and inside(dlg.print_button, dlg))
    # and on the laptop
    clamp_to_screen(dlg, LAPTOP)
    dlg.layout().activate()
    assert inside(dlg.save_button, dlg) and inside(dlg.print_button, dlg)
    assert dlg.save_button.isVisible() and dlg.print_button.isVisible()


def test_a_size_given_by_the_caregiver_is_remembered(qtbot, journal, clock, screen_fit) -> None:  # noqa: ANN001
    from journal.ui.dialogs.report_dialog import ReportDialog

    first = ReportDialog(journal, patient_id(journal), clock.now)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 500)
    first.close()
    assert screen_fit.remembered(first) == QSize(640, 500)
    again = ReportDialog(journal, patient_id(journal), clock.now)
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(640, 500)
