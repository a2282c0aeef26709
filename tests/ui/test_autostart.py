"""Start at login on each platform (simulated: a temporary home, XDG_CONFIG_HOME, a fake registry):
the entry starts CareJournal minimised, turning it off removes exactly what was added, it is on by
default once a person is set up, and an "off" from Settings is never undone behind the user's back."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import plistlib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from journal import APP_ID
from journal.services.autostart import RUN_KEY, RUN_VALUE, Autostart, start_command
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs  # noqa: F401

CMD = ["/opt/cj/bin/carejournal-gui", "--db", "/home/sam/My Journal/journal.sqlite3", "--minimised"]


def linux(tmp_path: Path, xdg: str | None = None) -> Autostart:
    env = {} if xdg is None else {"XDG_CONFIG_HOME": xdg}
    return Autostart(CMD, platform="linux", home=tmp_path / "home", env=env, config_dir=tmp_path / "cfg")


def test_linux_entry_goes_to_xdg_autostart_and_starts_minimised(tmp_path: Path) -> None:
    a = linux(tmp_path, xdg=str(tmp_path / "xdg"))
    assert not a.is_enabled()
    a.enable()
    entry = tmp_path / "xdg" / "autostart" / f"{APP_ID}.desktop"
    assert a.entry_path() == entry and a.is_enabled()
    text = entry.read_text()
    assert 'Exec=/opt/cj/bin/carejournal-gui --db "/home/sam/My Journal/journal.sqlite3" --minimised' in text
    assert "X-GNOME-Autostart-enabled=true" in text
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    a.disable()
    assert not entry.exists() and not a.is_enabled()
    assert list((tmp_path / "xdg" / "autostart").iterdir()) == []  # nothing else left behind


def test_linux_without_xdg_config_home_uses_dot_config(tmp_path: Path) -> None:
    assert linux(tmp_path).entry_path() == tmp_path / "home" / ".config" / "autostart" / f"{APP_ID}.desktop"
    # a relative XDG_CONFIG_HOME is invalid per the spec and ignored
    assert linux(tmp_path, xdg="relative/dir").entry_path() == linux(tmp_path).entry_path()


def test_macos_launch_agent_runs_at_load_and_is_removed(tmp_path: Path) -> None:
    a = Autostart(CMD, platform="darwin", home=tmp_path / "home", env={}, config_dir=tmp_path / "cfg")
    a.enable()
    plist = tmp_path / "home" / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    data = plistlib.loads(plist.read_bytes())
    assert data["Label"] == APP_ID and data["RunAtLoad"] is True and data["ProgramArguments"] == CMD
    a.disable()
    assert not plist.exists()


class FakeWinreg:
    """The few winreg calls used, over a dict: {key path: {value name: data}}."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    class _Key:
        def __init__(self, store: dict[str, str]) -> None:
            self.store = store

        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *a: object) -> None:
            return None

    def OpenKey(self, root: str, path: str, reserved: int = 0, access: int = 0):  # noqa: N802, ANN201
        if path not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(self.keys[path])

    def CreateKey(self, root: str, path: str):  # noqa: N802, ANN201
        return self._Key(self.keys.setdefault(path, {}))

    def QueryValueEx(self, key: _Key, name: str):  # noqa: N802, ANN201
        if name not in key.store:
            raise FileNotFoundError(name)
        return key.store[name], self.REG_SZ

    def SetValueEx(self, key: _Key, name: str, reserved: int, kind: int, value: str) -> None:  # noqa: N802
        key.store[name] = value

    def DeleteValue(self, key: _Key, name: str) -> None:  # noqa: N802
        if name not in key.store:
            raise FileNotFoundError(name)
        del key.store[name]


def test_windows_run_key_value_is_set_and_removed(tmp_path: Path) -> None:
    reg = FakeWinreg()
    cmd = [r"C:\Program Files\CareJournal\CareJournal.exe", "--minimised"]
    a = Autostart(cmd, platform="win32", home=tmp_path, env={}, winreg=reg, config_dir=tmp_path / "cfg")
    assert a.entry_path() is None and not a.is_enabled()
    a.enable()
    assert reg.keys[RUN_KEY][RUN_VALUE] == '"C:\\Program Files\\CareJournal\\CareJournal.exe" --minimised'
    assert a.is_enabled()
    a.disable()
    assert reg.keys[RUN_KEY] == {} and not a.is_enabled()


def test_on_by_default_once_a_person_is_set_up_and_off_is_remembered(tmp_path: Path) -> None:
    a = linux(tmp_path, xdg=str(tmp_path / "xdg"))
    assert a.apply_default(has_people=False) is False and not a.is_enabled()
    assert a.apply_default(has_people=True) is True and a.is_enabled()
    a.set_enabled(False)  # the caregiver turns it off in Settings
    assert not a.is_enabled() and a.declined()
    assert a.apply_default(has_people=True) is False and not a.is_enabled()
    a.set_enabled(True)  # and on again
    assert a.is_enabled() and not a.declined()


def test_the_start_command(tmp_path: Path) -> None:
    bindir = tmp_path / "venv" / "bin"
    bindir.mkdir(parents=True)
    python = bindir / "python"
    assert start_command(executable=str(python), frozen=False) == [str(python), "-m", "journal.app", "--minimised"]
    (bindir / "carejournal-gui").write_text("#!/bin/sh\n")
    assert start_command(tmp_path / "j.sqlite3", executable=str(python), frozen=False) == [
        str(bindir / "carejournal-gui"), "--db", str(tmp_path / "j.sqlite3"), "--minimised"]
    assert start_command(executable="/Apps/CareJournal", frozen=True) == ["/Apps/CareJournal", "--minimised"]


# -- the window: Settings and the default ----------------------------------------------------------

@pytest.fixture
def window_with_autostart(qtbot, empty_journal, clock, tmp_path: Path):  # noqa: ANN001, ANN201
    from journal.ui.shell.launch import _offer_start_at_login
    from journal.ui.shell.main_window import build_window

    w = build_window(empty_journal, clock, tray_available=False, desktop_notifications=False)
    qtbot.addWidget(w)
    _offer_start_at_login(w, tmp_path / "journal.sqlite3")
    w.autostart = linux(tmp_path, xdg=str(tmp_path / "xdg"))
    return w


def test_adding_the_first_person_turns_start_at_login_on(qtbot, window_with_autostart, clock) -> None:  # noqa: ANN001
    from journal.domain import Patient

    w = window_with_autostart
    assert not w.autostart.is_enabled()
    w.session.apply(lambda: w.session.journal.add_patient(Patient(name="Robin", birth_date=date(1960, 4, 3))))
    qtbot.waitUntil(w.autostart.is_enabled, timeout=5000)


def test_settings_turns_start_at_login_off_and_on(qtbot, window_with_autostart, monkeypatch) -> None:  # noqa: ANN001
    from journal.ui.dialogs.settings_dialog import SettingsDialog

    w = window_with_autostart
    w.autostart.enable()
    seen: list[bool] = []

    def run(dlg: SettingsDialog, check: bool) -> int:
        seen.append(dlg.start_at_login.isChecked())
        assert not dlg.start_at_login.isHidden()
        dlg.start_at_login.setChecked(check)
        dlg.try_accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", lambda self: run(self, False))
    w.open_settings()
    assert seen == [True] and not w.autostart.is_enabled() and w.autostart.declined()
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: run(self, True))
    w.open_settings()
    assert seen == [True, False] and w.autostart.is_enabled()
