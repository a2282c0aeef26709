"""Screenshots of the window in Spanish (LANG=es_ES.UTF-8) and in a US locale (LANG=en_US.UTF-8):
the first-run screen with the emergency number guessed from the country, and the sample journal
with the settings a new journal would take from that locale (units, clock, decimals): every tab
(today, symptom, reading, history, medicines, pump, profile), Settings, a dose dialog and the
backups screen, each as `<screen>-es.png` / `<screen>-us.png`.

    LANG=es_ES.UTF-8 xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python docs/screenshots/take_locale_screenshots.py es
    LANG=en_US.UTF-8 xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python docs/screenshots/take_locale_screenshots.py us
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from journal.domain import FixedClock, Observation, ObservationKind
from journal.services.journal import REGIONAL_SETTINGS, Journal, open_demo
from journal.services.regional import chosen_language, regional_defaults
from journal.ui.dialogs.dose_dialog import DoseDialog
from journal.ui.shell.main_window import build_window
from journal.ui.dialogs.settings_dialog import SettingsDialog
from journal.ui.shell.translation import install_language

OUT = Path(__file__).resolve().parent


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "us"
    app = QApplication(sys.argv[:1])
    install_language(app, chosen_language())
    tz = ZoneInfo("Europe/Madrid" if name == "es" else "America/Chicago")
    clock = FixedClock(datetime(2026, 11, 23, 14, 40, tzinfo=tz))
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Journal.open(Path(tmp) / "new.sqlite3", clock)
        first = build_window(fresh, clock, tray_available=False, explore_sample=lambda: None)
        first.resize(1240, 860)
        first.show()
        settle(app)
        first.grab().save(str(OUT / f"first-run-{name}.png"))
        first.close()
        fresh.close()
    clock = FixedClock(datetime(2026, 11, 23, 14, 40, tzinfo=ZoneInfo("America/Chicago")))
    journal = open_demo(clock)
    settings = journal.get_settings()
    guess = regional_defaults(settings.timezone)
    for key in REGIONAL_SETTINGS:  # what a new journal in this locale starts with
        setattr(settings, key, getattr(guess, key))
    journal.save_settings(settings)
    person = journal.list_patients()[0]
    journal.log_observation(person.id, Observation(at=clock.now().replace(hour=13, minute=55),
                                                   kind=ObservationKind.TEMPERATURE, value=38.6))
    window = build_window(journal, clock, tray_available=False)
    window.resize(1240, 860)
    window.show()
    window.session.set_patient(person.id)
    settle(app)
    for tab, shot in ((window.history, "history"), (window.today, "today"), (window.symptom_form, "symptoms"),
                      (window.vitals_form, "reading"), (window.medicines, "medicines"), (window.pump, "pump"),
                      (window.profile, "profile")):
        window.tabs.setCurrentWidget(tab)
        settle(app)
        window.grab().save(str(OUT / f"{shot}-{name}.png"))
    window.tabs.setCurrentWidget(window.vitals_form)
    window.vitals_form.value.setText("101.3" if name == "es" else "38.6")  # the other unit: refused, said why
    window.vitals_form.save()
    settle(app)
    window.grab().save(str(OUT / f"reading-refused-{name}.png"))
    dialogs = [(SettingsDialog(window.session.settings, window,
                               zone_change_day=journal.zone_change_day,
                               describe_zone_change=journal.describe_timezone_change), "settings")]
    meds = journal.list_medications(person.id)
    dialogs.append((DoseDialog(  # the "Other time / not given..." dialog
        meds[0], tz=window.session.tz, now=clock.now(), default_time=clock.now(), amount=None, scheduled=None,
        submit=lambda dose: None, by="", parent=window, choices=meds), "dose-dialog"))
    for dialog, shot in dialogs:
        dialog.show()
        settle(app)
        dialog.grab().save(str(OUT / f"{shot}-{name}.png"))
        dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
