"""Take the README screenshots of the main screens from a throw-away copy of the sample journal.

    xvfb-run -a -s "-screen 0 1280x900x24" /work/venv/bin/python docs/screenshots/take_screenshots.py
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2560x1800x24" \
        /work/venv/bin/python docs/screenshots/take_screenshots.py --scaled
    xvfb-run -a -s "-screen 0 1280x900x24" /work/venv/bin/python docs/screenshots/take_screenshots.py --font 16

--all takes every screen in the chosen mode, --out DIR writes somewhere else (for a look).

The clock is fixed (the day after the sample's last entry), so the pictures are repeatable."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from journal.domain import FixedClock, SymptomEntry
from journal.services.journal import open_demo
from journal.ui.shell.main_window import build_window

OUT = Path(__file__).resolve().parent
TZ = ZoneInfo("America/Chicago")


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _arg(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


def main() -> int:
    global OUT
    scaled = "--scaled" in sys.argv
    OUT = Path(_arg("--out") or OUT)  # --out DIR: somewhere else (for a look without touching these)
    app = QApplication(sys.argv[:1])
    font_pt = _arg("--font")  # --font 18: a large system font
    if font_pt:
        font = app.font()
        font.setPointSizeF(float(font_pt))
        app.setFont(font)
    clock = FixedClock(datetime(2026, 11, 23, 14, 40, tzinfo=TZ))
    journal = open_demo(clock)
    # The real window has a Backups button; give the sample copy backups of its own (in its
    # throw-away folder) so the pictures show what a caregiver sees.
    from journal.services.backups import BackupService

    backups = BackupService(journal.path, FixedClock(clock.now() - timedelta(days=2)), tz=TZ)
    backups.back_up()
    backups.clock = FixedClock(clock.now() - timedelta(days=1, hours=2))
    backups.back_up("manual")
    backups.clock = clock
    backups.at_start()
    window = build_window(journal, clock, tray_available=False, backups=backups)
    window.resize(1240, 860)
    window.show()
    settle(app)
    if font_pt and "--all" not in sys.argv:
        window.reminder_banner.hide()
        settle(app)
        window.grab().save(str(OUT / "today-large-font.png"))
        return 0
    if scaled and "--all" not in sys.argv:
        window.grab().save(str(OUT / "today-200pct.png"))
        window.tabs.setCurrentWidget(window.symptom_form)
        window.symptom_form.choose("seizure")
        settle(app)
        window.grab().save(str(OUT / "symptoms-200pct.png"))
        return 0
    window.reminder_banner.hide()
    settle(app)  # lay the window out again without the banner, or its space stays as an empty band
    window.grab().save(str(OUT / "today.png"))
    window.tabs.setCurrentWidget(window.vitals_form)
    settle(app)
    window.grab().save(str(OUT / "reading.png"))
    window.tabs.setCurrentWidget(window.symptom_form)
    window.symptom_form.choose("confusion")
    window.symptom_form.severity.setCurrentIndex(window.symptom_form.severity.findData(8))
    settle(app)
    window.grab().save(str(OUT / "symptoms.png"))
    window.tabs.setCurrentWidget(window.history)
    settle(app)
    window.grab().save(str(OUT / "history.png"))
    window.tabs.setCurrentWidget(window.medicines)
    settle(app)
    window.grab().save(str(OUT / "medicines.png"))
    # A dose change checked before saving (the dialog is shown without blocking).
    from datetime import date

    from journal.ui.dialogs.schedule_change import RegimenDialog
    from journal.ui.screens.today_view import TodayView

    window.medicines.select("Baclofen 10 mg tablets")
    RegimenDialog.exec = lambda self: self.show()  # type: ignore[method-assign]
    dlg = window.medicines.change_regimen(taper=False)
    assert dlg is not None
    dlg.set_step(0, start=date(2026, 11, 24), dose="5 mg", times="08:00, 20:00")
    dlg.reason.setText("spasms better, Dr Lee said to go down")
    dlg.run_check()
    dlg.resize(760, 640)
    settle(app)
    dlg.grab().save(str(OUT / "change-checked.png"))
    dlg.close()
    # Back-filling a dose: the dose dialog.
    from journal.ui.dialogs.dose_dialog import DoseDialog

    DoseDialog.exec = lambda self: self.show()  # type: ignore[method-assign]
    view: TodayView = window.today
    dd = view.open_any_dialog()
    assert dd is not None
    dd.when.set_value(clock.now() - timedelta(minutes=50))
    settle(app)
    dd.grab().save(str(OUT / "dose-dialog.png"))
    dd.close()
    leo = next(p for p in journal.list_patients() if p.name.startswith("Leo"))
    window.person.setCurrentIndex(window.person.findData(leo.id))
    window.tabs.setCurrentWidget(window.pump)
    settle(app)
    window.grab().save(str(OUT / "pump.png"))
    # An emergency: a seizure logged a few minutes ago.
    marta = next(p for p in journal.list_patients() if p.name.startswith("Marta"))
    window.person.setCurrentIndex(window.person.findData(marta.id))
    window.session.apply(lambda: journal.log_symptom(
        marta.id, SymptomEntry(at=clock.now() - timedelta(minutes=5), symptom="seizure", severity=8,
                               note="shaking of both arms, about two minutes")))
    window.session.refresh_alerts()
    window.tabs.setCurrentWidget(window.today)
    settle(app)
    window.grab().save(str(OUT / "emergency.png"))
    # The backups screen (Backups... in the top bar).
    from journal.ui.dialogs.recovery import BackupsDialog

    bd = window.open_backups(run=False)
    assert isinstance(bd, BackupsDialog)
    bd.resize(760, 420)
    bd.show()
    settle(app)
    bd.grab().save(str(OUT / "backups.png"))
    bd.close()
    # First run: an empty journal.
    from journal.services.journal import Journal

    empty = Journal.open(Path(journal.path).with_name("empty.sqlite3"), clock)
    first = build_window(empty, clock, tray_available=False, explore_sample=lambda: None)
    first.resize(1240, 860)
    first.show()
    settle(app)
    first.grab().save(str(OUT / "first-run.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
