"""Start at login: CareJournal starts minimised and keeps reminding after the computer restarts.

Where the entry goes (each removed again when turned off):
- Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop` (XDG Autostart
  Specification 0.5; `~/.config` when XDG_CONFIG_HOME is unset or not absolute);
- Windows: the value "CareJournal" under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run;
- macOS: `~/Library/LaunchAgents/<APP_ID>.plist` with RunAtLoad (launchd.plist(5)).

The setting is on by default once a person is set up (`apply_default`); a caregiver who turns it
off is remembered (a marker file in the app's config folder), so it is never turned on again
behind their back. Nothing here starts or stops a process; it only writes or removes the entry.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from journal import APP_ID
from journal.domain.i18n import _

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "CareJournal"
DECLINED_MARKER = "autostart-declined"


def start_command(db_path: Path | None = None, *, executable: str | None = None,
                  frozen: bool | None = None) -> list[str]:
    """The command that starts the window minimised: the installed `carejournal-gui` launcher
    beside this Python when there is one, the bundle itself when frozen (PyInstaller), else
    `python -m journal.app`. `--db PATH` is added for a journal that is not the default one."""
    exe = executable or sys.executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        cmd = [exe]
    else:
        bindir = Path(exe).parent
        launcher = next((bindir / n for n in ("carejournal-gui", "carejournal-gui.exe") if (bindir / n).exists()),
                        None)
        cmd = [str(launcher)] if launcher is not None else [exe, "-m", "journal.app"]
    if db_path is not None:
        cmd += ["--db", str(db_path)]
    return [*cmd, "--minimised"]


def _desktop_exec(cmd: Sequence[str]) -> str:
    # Desktop Entry Specification: arguments quoted with double quotes; "%" doubled.
    def quote(arg: str) -> str:
        if arg and all(c.isalnum() or c in "-_./=:+," for c in arg):
            return arg.replace("%", "%%")
        escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return '"' + escaped.replace("%", "%%") + '"'

    return " ".join(quote(a) for a in cmd)


def _windows_command(cmd: Sequence[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(list(cmd))


class Autostart:
    """The start-at-login entry of this user on this computer.

    `platform` ("linux", "win32", "darwin"), `home`, `env` and `winreg` are injectable so every
    platform can be tested anywhere. `config_dir` holds the "turned off by the caregiver" marker.
    Errors: OSError when the entry cannot be written (e.g. a read-only home folder)."""

    def __init__(self, command: Sequence[str], *, platform: str | None = None, home: Path | None = None,
                 env: Mapping[str, str] | None = None, winreg: ModuleType | Any = None,
                 config_dir: Path | None = None) -> None:
        self.command = list(command)
        self.platform = platform or sys.platform
        self.home = Path(home) if home is not None else Path.home()
        self.env = env if env is not None else os.environ
        self._winreg = winreg
        if config_dir is None:
            from platformdirs import user_config_dir

            config_dir = Path(user_config_dir("CareJournal", appauthor=False))
        self.config_dir = Path(config_dir)

    # -- where -------------------------------------------------------------------------------
    @property
    def is_windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def is_macos(self) -> bool:
        return self.platform == "darwin"

    def entry_path(self) -> Path | None:
        """The file written (None on Windows, where it is a registry value)."""
        if self.is_windows:
            return None
        if self.is_macos:
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        xdg = self.env.get("XDG_CONFIG_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else self.home / ".config"
        return base / "autostart" / f"{APP_ID}.desktop"

    def _registry(self) -> Any:
        if self._winreg is None:
            import winreg  # type: ignore[import-not-found, unused-ignore]  # Windows only

            self._winreg = winreg
        return self._winreg

    # -- state -------------------------------------------------------------------------------
    def is_enabled(self) -> bool:
        if self.is_windows:
            reg = self._registry()
            try:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    reg.QueryValueEx(key, RUN_VALUE)
                return True
            except OSError:
                return False
        path = self.entry_path()
        return path is not None and path.is_file()

    def enable(self) -> None:
        """Write the entry (replacing an older one) and forget an earlier "off"."""
        if self.is_windows:
            reg = self._registry()
            with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, _windows_command(self.command))
        else:
            path = self.entry_path()
            assert path is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            if self.is_macos:
                tmp.write_bytes(plistlib.dumps({
                    "Label": APP_ID, "ProgramArguments": self.command, "RunAtLoad": True,
                    "ProcessType": "Interactive"}))
            else:
                tmp.write_text(self.desktop_entry(), encoding="utf-8")
            os.replace(tmp, path)
        with contextlib.suppress(FileNotFoundError):
            (self.config_dir / DECLINED_MARKER).unlink()

    def disable(self) -> None:
        """Remove what `enable` added, and remember that the caregiver turned it off."""
        if self.is_windows:
            reg = self._registry()
            with contextlib.suppress(OSError), reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0,
                                                           reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, RUN_VALUE)
        else:
            path = self.entry_path()
            if path is not None:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        self.config_dir.mkdir(parents=True, exist_ok=True)
        (self.config_dir / DECLINED_MARKER).write_text("Start at login was turned off in Settings.\n",
                                                       encoding="utf-8")

    def declined(self) -> bool:
        return (self.config_dir / DECLINED_MARKER).exists()

    def set_enabled(self, on: bool) -> None:
        if on:
            self.enable()
        elif self.is_enabled() or not self.declined():
            self.disable()

    def apply_default(self, has_people: bool) -> bool:
        """On by default once a person is set up, unless the caregiver turned it off.
        Returns True when it turned it on now."""
        if not has_people or self.declined() or self.is_enabled():
            return False
        self.enable()
        return True

    def desktop_entry(self) -> str:
        return "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            "Name=CareJournal",
            # Shown by the desktop's list of programs started at login, in the language in use.
            "Comment=" + _("Medication reminders for the person you care for"),
            f"Exec={_desktop_exec(self.command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ])


def for_this_computer(db_path: Path | None = None) -> Autostart:
    """The entry for this user, starting the journal at `db_path` (None: the default journal)."""
    return Autostart(start_command(db_path))


__all__ = ["APP_ID", "Autostart", "for_this_computer", "start_command"]
