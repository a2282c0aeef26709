"""Any OS: the one-window lock, the machine zone, the backups and the window start run with the
POSIX-only calls removed, as on Windows (no fcntl module, no os.pwrite, no os.fchmod), and the
lock's liveness check never calls os.kill on Windows. (Underneath, `filelock` runs its own
operating-system layer: its Unix one here, its Windows one on Windows.)"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=ZoneInfo("America/Chicago"))


@pytest.fixture
def as_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The calls Windows does not have fail the test when CareJournal's own code uses them:
    `import fcntl`, os.pwrite, os.fchmod, os.fork, and os.kill (a liveness probe that would end
    the process on Windows). Libraries underneath (filelock) keep their own POSIX layer here, as
    they use their Windows one there."""
    import builtins

    def ours(frame_globals: dict) -> bool:
        return str(frame_globals.get("__name__", "")).startswith("journal")

    real_import = builtins.__import__

    def guarded_import(name: str, globals: dict | None = None, *args: object, **kwargs: object):  # noqa: A002, ANN202
        if name == "fcntl" and globals is not None and ours(globals):
            raise AssertionError(f"{globals.get('__name__')} imports fcntl, which Windows does not have")
        return real_import(name, globals, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", guarded_import)
    for name in ("pwrite", "fchmod", "fork", "kill"):
        real = getattr(os, name, None)
        if real is None:
            continue

        def guard(*a: object, _name: str = name, _real: object = real, **k: object) -> object:
            caller = sys._getframe(1).f_globals
            if ours(caller):
                raise AssertionError(f"os.{_name} called by {caller.get('__name__')}: not on Windows")
            return _real(*a, **k)  # type: ignore[operator]

        monkeypatch.setattr(os, name, guard)


def test_the_window_lock_works_without_posix_calls(tmp_path: Path, as_on_windows: None) -> None:
    from journal.storage.lock import JournalLocked, WindowLock

    journal = tmp_path / "journal.sqlite3"
    first = WindowLock(journal)
    first.acquire(since="2026-11-23T08:00")
    assert first.held and first.read_holder() is not None
    with pytest.raises(JournalLocked):
        WindowLock(journal).acquire()
    first.release()
    with WindowLock(journal) as again:
        assert again.held


def test_liveness_on_windows_asks_windows_not_os_kill(monkeypatch: pytest.MonkeyPatch) -> None:
    import journal.storage.lock as lockmod

    asked: list[int] = []
    monkeypatch.setattr(lockmod, "_windows_pid_alive", lambda pid: asked.append(pid) or False)
    monkeypatch.setattr(os, "kill", lambda pid, sig: pytest.fail("os.kill would end the process on Windows"))
    monkeypatch.setattr(lockmod.os, "name", "nt")
    assert lockmod.pid_alive(4242) is False
    assert asked == [4242]


def test_the_machine_zone_is_read_without_posix_calls(as_on_windows: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    from journal.services.timezones import machine_zone_name

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Europe/Berlin")
    assert machine_zone_name() == "Europe/Berlin"
    # a Windows zone that tzlocal cannot map reads as the fallback, not as an error
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "W. Europe Standard Time")
    assert machine_zone_name() == "UTC"


def test_backups_flush_on_a_handle_open_for_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to fsync a read-only handle: every flush uses a writable one."""
    from journal.storage import backups as storage_backups

    real_fsync = os.fsync
    modes: list[int] = []

    def checked_fsync(fd: int) -> None:
        import fcntl

        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        modes.append(flags & os.O_ACCMODE)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", checked_fsync)
    f = tmp_path / "copy.sqlite3"
    f.write_bytes(b"x")
    storage_backups._fsync(f)
    assert modes and all(m != os.O_RDONLY for m in modes)


def test_the_window_starts_without_posix_calls(qtbot, tmp_path: Path, as_on_windows: None) -> None:  # noqa: ANN001
    from journal.services.backups import BackupService, take_window_lock
    from journal.services.journal import Journal
    from journal.ui.shell.main_window import build_window

    clock = FixedClock(NOW)
    path = tmp_path / "journal.sqlite3"
    lock = take_window_lock(path, clock)
    journal = Journal.open(path, clock)
    try:
        backups = BackupService(path, clock, tz=journal.tz)
        w = build_window(journal, clock, tray_available=False, desktop_notifications=False, backups=backups)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(w.scheduler.timer.isActive)
        assert w.welcome.isVisible()  # a new journal opens on the first-run screen
        made = backups.at_start()
        assert made is None or Path(made).exists()
        w.quit()
    finally:
        journal.close()
        lock.release()


def test_the_simulation_catches_our_code_using_a_posix_call(as_on_windows: None) -> None:
    ours = {"__name__": "journal.storage.example", "os": os}
    with pytest.raises(AssertionError, match="fcntl"):
        exec("import fcntl", ours)
    with pytest.raises(AssertionError, match="os.fchmod"):
        exec("os.fchmod(0, 0o600)", ours)
    with pytest.raises(AssertionError, match="os.kill"):
        exec("os.kill(1, 0)", ours)
