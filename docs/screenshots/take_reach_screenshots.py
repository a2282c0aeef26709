"""Screenshots for issue 16 (reach the caregiver), on a 1366x768 screen, from the sample journal:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_reach_screenshots.py

- notification-route.png: two reminders due together, sent as one desktop notification (a private
  D-Bus session with the tests' fake notification server stands in for the desktop's; what it
  received is printed) and listed in the window's banner; the status bar names the routes;
- keep-reminding.png: closing the window on a desktop without a tray;
- about.png: the About box;
- laptop-1366x768.png and report-1366x768.png: the window and the report dialog fitted to the screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
TZ = ZoneInfo("America/Chicago")


def private_bus() -> tuple[subprocess.Popen, subprocess.Popen, str]:
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    address = daemon.stdout.readline().strip()  # type: ignore[union-attr]
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "fixtures" / "fake_notification_server.py"),
                               "--seconds", "60"], stdout=subprocess.PIPE, text=True, env=env)
    assert server.stdout is not None and server.stdout.readline().strip() == "ready"
    return daemon, server, address


def main() -> int:
    import tempfile

    # remembered window sizes and the log go to a throw-away folder, not the user's
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cj-shots-")
    daemon, server, address = private_bus()
    from PySide6.QtCore import QTimer
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtWidgets import QApplication, QMessageBox

    from journal.domain import FixedClock
    from journal.services.backups import BackupService
    from journal.services.journal import open_demo
    from journal.ui.shell import closing
    from journal.ui.shell.about import app_icon
    from journal.ui.shell.main_window import build_window
    from journal.ui.shell.notifier import DesktopNotifications, Note
    from journal.ui.dialogs.report_dialog import ReportDialog
    from journal.ui.widgets.screen_fit import install

    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    install(app)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    clock = FixedClock(datetime(2026, 11, 23, 19, 50, tzinfo=TZ))
    journal = open_demo(clock)
    bus = QDBusConnection.connectToBus(address, "screenshots")
    backups = BackupService(journal.path, clock, tz=TZ)
    window = build_window(journal, clock, tray_available=False, backups=backups,
                          desktop_notifications=DesktopNotifications(bus))
    window.resize(1600, 1000)  # more than the screen: the filter fits it
    window.show()
    settle()
    window.grab().save(str(OUT / "laptop-1366x768.png"))
    print("window", window.size().width(), "x", window.size().height(), "on", app.primaryScreen().availableGeometry())

    window.reminder_banner.dismiss()
    routes = window.notifier.notify_many([Note("Baclofen 10 mg tablets at 20:00", "Marta Example"),
                                          Note("Gabapentin 300 mg at 20:00", "Marta Example")])
    window.reminders.show_next()
    settle()
    window.grab().save(str(OUT / "notification-route.png"))
    print("routes", routes)
    while True:
        line = server.stdout.readline().strip()  # type: ignore[union-attr]
        if '2 reminders"' in line:
            print("the notification service received:", line)
            break

    about = window.open_about(run=False)
    about.show()
    settle()
    about.grab().save(str(OUT / "about.png"))
    about.close()

    def grab_question() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        box.grab().save(str(OUT / "keep-reminding.png"))
        box.escapeButton().click()

    QTimer.singleShot(300, grab_question)
    closing.ask_keep_reminding(window)

    report = ReportDialog(journal, window.session.patient_id, window.session.now, window)
    report.show()
    settle()
    report.grab().save(str(OUT / "report-1366x768.png"))
    print("report", report.size().width(), "x", report.size().height())
    report.close()
    window.quit()
    server.terminate()
    daemon.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
