"""The window and the command line on one journal: what the command line writes while the window
is open shows in the window within seconds (and the checks run on it), without resetting what the
caregiver is typing; the window's own writes are not mistaken for outside ones."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import subprocess
import sys

from journal.domain import Dose, DoseStatus, Quantity, Unit
from journal.ui.shell.main_window import build_window
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    med_id,
    no_blocking_dialogs,
    patient_id,
)

CLI = "import sys; from journal.app import main; sys.exit(main(sys.argv[1:]))"


def cli(journal, *argv: str) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([sys.executable, "-c", CLI, "--db", str(journal.path), *argv],
                          capture_output=True, text=True, timeout=60, check=False)


def _window(qtbot, journal, clock):  # noqa: ANN001, ANN202
    w = build_window(journal, clock, tray_available=False, watch_ms=50)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.session.journal.store._seen_version is not None)  # watching
    return w


def _slot(w, hh: int):  # noqa: ANN001, ANN202
    return next(r for (_mid, when), r in w.today.rows.items() if when == at(hh).isoformat())


def test_a_dose_logged_from_the_command_line_shows_in_the_open_window(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = _window(qtbot, journal, clock)
    assert "14:03" not in _slot(w, 14).state_label.text()
    done = cli(journal, "log-dose", "--patient", "Robin", "--medication", TABLETS, "--at", "2026-11-23T14:03",
               "--amount", "10mg")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "14:03" in _slot(w, 14).state_label.text(), timeout=5000)


def test_a_double_dose_from_the_command_line_raises_its_alert_in_the_window(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = _window(qtbot, journal, clock)
    assert not any(a.rule == "double-dose" for a in w.session.alerts)
    # 08:05 was given in the window's journal; the command line logs another one at 08:40
    done = cli(journal, "log-dose", "--patient", "Robin", "--medication", TABLETS, "--at", "2026-11-23T08:40",
               "--amount", "10mg")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: any(a.rule == "double-dose" for a in w.session.alerts), timeout=5000)


def test_a_person_added_elsewhere_appears_but_a_profile_being_typed_is_kept(qtbot, journal, clock,  # noqa: ANN001
                                                                             tmp_path) -> None:
    import json

    w = _window(qtbot, journal, clock)
    w.tabs.setCurrentWidget(w.profile)
    w.profile.name.setText("Robin Shaw (typing)")
    done = cli(journal, "log-dose", "--patient", "Robin", "--medication", TABLETS, "--at", "2026-11-23T14:03")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "14:03" in _slot(w, 14).state_label.text(), timeout=5000)
    assert w.profile.name.text() == "Robin Shaw (typing)"  # a dose elsewhere does not reset the form
    doc = {"format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
           "patients": [{"id": "jamie", "name": "Jamie"}]}
    (tmp_path / "jamie.json").write_text(json.dumps(doc))
    done = cli(journal, "import", str(tmp_path / "jamie.json"))
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: w.person.findText("Jamie") >= 0, timeout=5000)
    assert w.person.currentText() == "Robin"  # the person being looked at stays selected


def test_the_windows_own_writes_are_not_taken_for_outside_ones(qtbot, journal, clock) -> None:  # noqa: ANN001
    w = _window(qtbot, journal, clock)
    w.watch_timer.stop()
    pid = patient_id(journal)
    w.session.apply(lambda: journal.log_dose(pid, Dose(
        medication_id=med_id(journal, TABLETS), status=DoseStatus.TAKEN, scheduled=at(14), given=at(14, 1),
        amount=Quantity(10, Unit.MG), by="Sam")), pid)
    assert w.session.check_for_outside_changes() is False
    assert cli(journal, "log-symptom", "--patient", "Robin", "--symptom", "drowsiness", "--severity", "3",
               "--at", "2026-11-23T14:20").returncode == 0
    assert w.session.check_for_outside_changes() is True
    assert w.session.check_for_outside_changes() is False  # reported once
