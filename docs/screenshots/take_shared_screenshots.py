"""Screenshots of the shared journal in the window: the connect dialog after a real "Test connection"
(a viewer's login), and that viewer's read-only window. Needs a PostgreSQL server to play with:

    export CAREJOURNAL_TEST_PG=$(bash scripts/pg-private.sh start /tmp/pg 55432)
    xvfb-run -a -s "-screen 0 1280x900x24" python docs/screenshots/take_shared_screenshots.py [--out DIR]

It makes (and at the end drops) a database `cj_screenshots` holding the sample journal, a viewer
login `drlee_screens` and a caregiver login `ana_screens`. The clock is fixed as in take_screenshots.py."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from journal.domain import FixedClock
from journal.services.journal import Journal, open_demo
from journal.services.shared_connection import ServerDetails
from journal.ui.dialogs.connect_dialog import ConnectDialog
from journal.ui.shell.main_window import build_window

OUT = Path(__file__).resolve().parent
TZ = ZoneInfo("America/Chicago")
DB = "cj_screenshots"
ROLES = ("drlee_screens", "ana_screens")


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT
    admin_url = os.environ.get("CAREJOURNAL_TEST_PG", "").strip()
    if not admin_url:
        print("set CAREJOURNAL_TEST_PG to a superuser URL of a test server", file=sys.stderr)
        return 2
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
        c.execute(text(f"CREATE DATABASE {DB}"))
    url = make_url(admin_url).set(database=DB).render_as_string(hide_password=False)
    app = QApplication(sys.argv[:1])
    clock = FixedClock(datetime(2026, 11, 23, 14, 40, tzinfo=TZ))
    sample = open_demo(clock)
    try:
        with Journal.open(url, clock) as shared:
            shared.move_in(sample.path)
            shared.init_shared()
            shared.grant(ROLES[0], "viewer", "Dr Lee")
            shared.grant(ROLES[1], "caregiver", "Ana Silva")
        server = make_url(url)
        dlg = ConnectDialog(None)
        dlg.host.setText(server.host or "")
        dlg.port.setText(str(server.port or 5432))
        dlg.database.setText(DB)
        dlg.user.setText(ROLES[0])
        dlg.sslmode.setCurrentIndex(dlg.sslmode.findData("disable"))  # the private test server has no TLS
        dlg.resize(640, dlg.sizeHint().height())
        dlg.show()
        done: list[object] = []
        dlg.test_finished.connect(done.append)
        dlg.run_test()
        while not done:
            app.processEvents()
        settle(app)
        dlg.grab().save(str(out / "connect-dialog.png"))
        details = ServerDetails(server.host or "", server.port or 5432, DB, ROLES[0], "disable")
        viewer = Journal.open(details.url(), clock)
        try:
            window = build_window(viewer, clock, tray_available=False)
            window.resize(1280, 860)
            window.show()
            settle(app)
            window.grab().save(str(out / "shared-viewer.png"))
            window.close()
        finally:
            viewer.close()
    finally:
        sample.close()
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
            for role in (*ROLES, f"{DB}_caregiver", f"{DB}_viewer"):
                c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
