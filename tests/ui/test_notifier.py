"""Reminders reach the person: a real D-Bus notification service (a fake one on a private session
bus) receives them; several due at once are one notification listing all; an emergency is critical
and flashes the taskbar; without the service the tray carries it; the window banner always does."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from journal.domain import Medication, Quantity, Regimen, Unit
from journal.ui.shell.notifier import DesktopNotifications, Note, compose
from tests.ui.conftest import TABLETS, at, clock, empty_journal, journal, no_blocking_dialogs, patient_id  # noqa: F401

FAKE_SERVER = Path(__file__).parents[1] / "fixtures" / "fake_notification_server.py"


# -- composing one notification ------------------------------------------------------------------

def test_one_reminder_is_its_own_title_and_text() -> None:
    assert compose([Note("Baclofen 10 mg at 14:00", "Robin")]) == ("Baclofen 10 mg at 14:00", "Robin")


def test_several_reminders_are_listed_in_one_notification() -> None:
    summary, body = compose([Note("Baclofen at 20:00", "Robin"), Note("Gabapentin at 20:00", "Robin"),
                             Note("Pump refill due", "")])
    assert summary == "CareJournal: 3 reminders"
    assert body.splitlines() == ["Baclofen at 20:00", "Gabapentin at 20:00", "Pump refill due"]


def test_a_long_list_is_cut_with_how_many_more() -> None:
    summary, body = compose([Note(f"Dose {i}") for i in range(8)])
    assert summary == "CareJournal: 8 reminders"
    assert body.splitlines()[-1] == "... and 3 more: see Today." and len(body.splitlines()) == 6


def test_composing_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        compose([])


# -- a private session bus with a fake notification server -----------------------------------------

def _read_line(proc: subprocess.Popen, timeout: float = 10.0) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise AssertionError("the fake notification server said nothing")
    return proc.stdout.readline().strip()  # type: ignore[union-attr]


@pytest.fixture
def private_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (apt install dbus)")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    try:
        address = _read_line(daemon)
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)


@pytest.fixture
def fake_server(private_bus: str) -> Iterator[subprocess.Popen]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus}
    proc = subprocess.Popen([sys.executable, str(FAKE_SERVER), "--seconds", "120"], stdout=subprocess.PIPE,
                            text=True, env=env)
    try:
        assert _read_line(proc) == "ready"
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def desktop(private_bus: str, qapp) -> DesktopNotifications:  # noqa: ANN001
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(private_bus, f"test-{id(private_bus)}")
    assert bus.isConnected()
    return DesktopNotifications(bus)


def received(proc: subprocess.Popen) -> dict:
    return json.loads(_read_line(proc))


def test_a_reminder_reaches_the_notification_service(qtbot, journal, clock, fake_server, desktop) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    # A second medicine due at 20:00 too: both come due on the same tick.
    pid = patient_id(journal)
    journal.add_medication(pid, Medication(
        name="Gabapentin 300 mg", drug="gabapentin", strength=Quantity(300, Unit.MG),
        regimens=[Regimen(start=date(2026, 10, 1), dose=Quantity(300, Unit.MG), times=[time(20)])]))
    w = build_window(journal, clock, tray_available=False, desktop_notifications=desktop, heartbeat_ms=20)
    qtbot.addWidget(w)
    w.show()
    # On opening at 15:30 the overdue 14:00 dose is reminded at once, on the desktop.
    qtbot.waitUntil(lambda: bool(w.notifier.last_routes), timeout=5000)
    first = received(fake_server)
    assert first["app"] == "CareJournal" and "14:00" in first["summary"] and first["urgency"] == 1
    assert first["timeout"] == 0  # stays until the caregiver closes it
    assert "desktop" in w.notifier.last_routes and "window" in w.notifier.last_routes
    assert "on the desktop" in w.next_reminder.text()
    # At 19:50 both 20:00 doses are due: ONE notification lists them both.
    clock.set(at(19, 50))
    w.scheduler.tick()
    both = received(fake_server)
    assert both["summary"] == "CareJournal: 2 reminders"
    assert TABLETS in both["body"] and "Gabapentin 300 mg" in both["body"]
    assert len(both["body"].splitlines()) == 2
    # and the window banner keeps each of them as well
    assert TABLETS in w.reminder_banner.label.text() and "Gabapentin" in w.reminder_banner.label.text()
    w.quit()


def test_an_emergency_is_critical_and_flashes_the_taskbar(qtbot, journal, clock, fake_server, desktop,  # noqa: ANN001
                                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.ui.shell.main_window import build_window

    flashed: list[object] = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda widget, ms=0: flashed.append(widget)))
    w = build_window(journal, clock, tray_available=False, desktop_notifications=desktop, heartbeat_ms=20)
    qtbot.addWidget(w)
    w.hide()
    routes = w.notifier.emergency("EMERGENCY: call 911", "Robin: high fever with stiff muscles")
    note = received(fake_server)
    while "EMERGENCY" not in note["summary"]:  # skip the ordinary reminder of the opening
        note = received(fake_server)
    assert note["urgency"] == 2 and note["body"] == "Robin: high fever with stiff muscles"
    assert flashed == [w] and w.isVisible()
    assert routes == ["window", "desktop", "taskbar"]
    w.quit()


def test_without_the_service_the_tray_carries_the_reminder(qtbot, journal, clock, private_bus, desktop,  # noqa: ANN001
                                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from journal.ui.shell.main_window import build_window

    shown: list[tuple] = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *a: shown.append(a))
    w = build_window(journal, clock, tray_available=True, desktop_notifications=desktop, heartbeat_ms=20)
    qtbot.addWidget(w)
    assert not desktop.available() and "notification service" in desktop.last_error
    routes = w.notifier.notify_many([Note("Baclofen at 20:00", "Robin"), Note("Gabapentin at 20:00", "Robin")])
    assert routes == ["window", "tray"]
    assert shown[-1][0] == "CareJournal: 2 reminders" and "Gabapentin at 20:00" in shown[-1][1]
    assert "in the tray" in w.notifier.routes_description()
    w.quit()


def test_without_any_desktop_route_the_window_still_says_it(qtbot, journal, clock) -> None:  # noqa: ANN001
    from journal.ui.shell.main_window import build_window

    w = build_window(journal, clock, tray_available=False, desktop_notifications=False)
    qtbot.addWidget(w)
    w.show()
    assert w.notifier.notify("Pump refill due in 3 days", "") == ["window"]
    assert w.reminder_banner.isVisible() and "Pump refill" in w.reminder_banner.label.text()
    assert w.notifier.routes_description() == "in this window"


def test_no_session_bus_means_no_desktop_route(qapp) -> None:  # noqa: ANN001
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "nowhere")
    d = DesktopNotifications(bus)
    assert d.show("x", "y") == 0 and d.last_error == "no session bus"
