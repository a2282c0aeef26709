"""Installed like an app: the desktop entry and AppStream metadata validate, the icon exists in
every size, the window has the icon and names its desktop entry, the About box says the version,
where the journal and backups are and the licence, the licence is decided, only
PySide6-Essentials is required, the migrations are package data, and failures are seen (log file
without personal details, a plain dialog with "Copy details", a failed backup in the window)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from journal import APP_ID, __version__
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "data" / f"{APP_ID}.desktop"
METAINFO = ROOT / "data" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "journal" / "ui" / "icons"


def test_the_desktop_entry_validates() -> None:
    text = DESKTOP.read_text()
    assert "Exec=carejournal-gui" in text and f"Icon={APP_ID}" in text
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt install desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_appstream_metainfo_validates() -> None:
    text = METAINFO.read_text()
    assert f"<id>{APP_ID}</id>" in text and f'<release version="{__version__}"' in text
    assert "<project_license>MIT</project_license>" in text
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (apt install appstream)")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_icon_comes_as_svg_and_png_sizes(qapp) -> None:  # noqa: ANN001
    assert (ICONS / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ICONS / f"{APP_ID}-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_the_licence_is_decided_and_the_same_everywhere() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    from journal.ui.shell.about import LICENCE_NAME

    assert LICENCE_NAME == "MIT"


def test_only_pyside6_essentials_is_required() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = " ".join(project["dependencies"])
    assert "PySide6-Essentials" in deps and "Addons" not in deps and "PySide6>" not in deps
    from journal import version

    assert project["version"] == version() == __version__  # one version, in pyproject.toml


def test_the_migrations_are_found_as_package_data() -> None:
    from importlib.resources import files

    from journal.storage import db

    assert db.MIGRATIONS == Path(str(files("journal.storage.migrations")))
    assert (db.MIGRATIONS / "env.py").is_file() and (db.MIGRATIONS / "versions").is_dir()


def test_version_on_the_command_line() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0 and result.stdout.strip() == f"carejournal {__version__}"


def test_the_window_has_the_icon_and_names_its_desktop_entry(qtbot, tmp_path: Path, clock, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from journal.app import make_context
    from journal.ui.shell.launch import run_app
    from journal.ui.shell.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    ctx = make_context(tmp_path / "journal.sqlite3", clock=clock)
    before = set(QApplication.topLevelWidgets())
    try:
        assert run_app(ctx) == 0
        assert QGuiApplication.desktopFileName() == APP_ID
        w = next(x for x in QApplication.topLevelWidgets() if isinstance(x, MainWindow) and x not in before)
        assert not w.windowIcon().isNull() and w.windowIcon().availableSizes()
    finally:
        for x in QApplication.topLevelWidgets():
            if isinstance(x, MainWindow):
                x.quitting = True
                x.close()
        ctx.close()


def test_the_about_box_says_version_places_and_licence(qtbot, empty_journal, clock, tmp_path: Path) -> None:  # noqa: ANN001
    from journal.services.backups import BackupService
    from journal.ui.shell.main_window import build_window

    path = tmp_path / "journal.sqlite3"
    w = build_window(empty_journal, clock, tray_available=False, desktop_notifications=False,
                     backups=BackupService(path, clock))
    qtbot.addWidget(w)
    dlg = w.open_about(run=False)
    qtbot.addWidget(dlg)
    text = dlg.facts.text()
    assert f"CareJournal {__version__}" in dlg.findChildren(type(dlg.facts))[0].text()
    assert str(path) in text and str(tmp_path / "backups") in text
    assert "MIT" in text and "Permission is hereby granted" in dlg.licence.toPlainText()
    assert "not medical advice" in text


# -- failures are seen ---------------------------------------------------------------------------

def test_the_log_rotates_in_its_folder_and_keeps_no_personal_details(tmp_path: Path) -> None:
    from logging.handlers import RotatingFileHandler

    from journal.ui.shell import failures

    path = failures.setup_logging(tmp_path / "log")
    try:
        assert path == tmp_path / "log" / "carejournal.log"
        assert failures.setup_logging(tmp_path / "log") == path  # no second handler
        handlers = [h for h in failures.log.handlers if isinstance(h, RotatingFileHandler)]
        assert len([h for h in handlers if Path(h.baseFilename) == path]) == 1
        assert handlers[-1].maxBytes == failures.LOG_BYTES and handlers[-1].backupCount == failures.LOG_KEEP
        try:
            raise ValueError("Robin: seizure after a missed dose, note 'fell in the kitchen'")
        except ValueError:
            hook = failures.install_excepthook(log_path=path)
            shown: list[failures.FailureDialog] = []
            old_run = failures.run_dialog
            failures.run_dialog = shown.append
            try:
                hook(*sys.exc_info())
            finally:
                failures.run_dialog = old_run
                sys.excepthook = sys.__excepthook__
        for h in handlers:
            h.flush()
        logged = path.read_text()
        assert "ValueError" in logged and "test_installed.py" in logged
        assert "Robin" not in logged and "seizure" not in logged and "kitchen" not in logged
        # the dialog offers the full details to copy
        assert len(shown) == 1 and "Robin" in shown[0].details.toPlainText()
    finally:
        for h in list(failures.log.handlers):
            if isinstance(h, RotatingFileHandler) and Path(h.baseFilename).parent == tmp_path / "log":
                failures.log.removeHandler(h)
                h.close()


def test_copy_details_puts_the_trace_on_the_clipboard(qtbot) -> None:  # noqa: ANN001
    from journal.ui.shell.failures import FailureDialog

    dlg = FailureDialog("Traceback: boom", None)
    qtbot.addWidget(dlg)
    assert "Entries already saved are safe" in dlg.message.text()
    dlg.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback: boom"
    assert not dlg.details.isHidden() and dlg.copy_button.text() == "Copied"


def test_a_failed_automatic_backup_is_shown_in_the_window(qtbot, empty_journal, clock, caplog) -> None:  # noqa: ANN001
    from journal.ui.shell.auto_backup import backup_if_due, start_backup
    from journal.ui.shell.main_window import build_window

    class FailingBackups:
        def at_start(self) -> None:
            raise OSError("there is not enough free space on the disk")

        def if_due(self) -> None:
            return None

    w = build_window(empty_journal, clock, tray_available=False, desktop_notifications=False)
    qtbot.addWidget(w)
    w.show()
    with caplog.at_level(logging.WARNING, logger="carejournal"):
        start_backup(FailingBackups(), w)
    from PySide6.QtWidgets import QLabel

    label = w.findChild(QLabel, "backupFailure")
    assert label is not None and label.isVisible()
    assert "automatic backup failed" in label.text() and "not enough free space" in label.text()
    assert any("automatic backup failed" in r.getMessage() for r in caplog.records)
    backup_if_due(FailingBackups(), w)  # the next one works: the warning goes away
    assert not label.isVisible()
