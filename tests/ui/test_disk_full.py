"""A full disk or a read-only journal while the window is open: each form says so in plain words,
keeps what was typed (so it can be saved again once there is room) and nothing is half-written.

Simulated inside SQLite as in test_robust_disk.py (root ignores permission bits): `query_only`
makes every write fail as on a read-only file; a full disk is the driver's own error raised at
the moment of writing."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event

from journal.domain import ObservationKind
from journal.ui.dialogs.dose_dialog import DoseDialog
from tests.ui.conftest import (  # noqa: F401
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    patient_id,
    window,
)


def _break_writes(journal: Any, kind: str) -> None:
    engine = journal.store.engine
    engine.dispose()  # new connections only from here on, each refusing writes

    if kind == "read-only":
        @event.listens_for(engine, "connect")
        def _ro(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA query_only=ON")
    else:
        @event.listens_for(engine, "before_cursor_execute")
        def _full(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
                raise sqlite3.OperationalError("database or disk is full")


def _counts(journal: Any) -> tuple[int, int, int]:
    h = journal.history(patient_id(journal), at(0), at(23, 59))
    return len(h.doses), len(h.symptoms), len(h.observations)


WORDS = {"read-only": "cannot be written", "full": "disk is full"}


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_given_now_says_why_and_the_slot_stays_open(qtbot, window, journal, kind: str) -> None:  # noqa: ANN001
    before = _counts(journal)
    _break_writes(journal, kind)
    row = next(r for (_m, when), r in window.today.rows.items() if when == at(14).isoformat())
    row.given_button.click()
    # (the press is the look-ahead; the write is tried on the next turn)
    qtbot.waitUntil(lambda: "Not saved" in window.today.error.message)
    assert WORDS[kind] in window.today.error.message
    assert row.given_button.isEnabled()  # still offered: it can be given once the disk is fixed
    assert _counts(journal) == before


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_the_dose_dialog_keeps_what_was_typed(qtbot, window, journal, monkeypatch, kind: str) -> None:  # noqa: ANN001
    before = _counts(journal)
    _break_writes(journal, kind)
    seen: dict[str, Any] = {}

    def fill_and_save(dialog: DoseDialog) -> int:
        dialog.amount.setText("15 mg")
        dialog.note.setText("with yoghurt")
        dialog.save_button.click()
        seen.update(open=dialog.result() != DoseDialog.DialogCode.Accepted, amount=dialog.amount.text(),
                    note=dialog.note.text(), error=dialog.error.text())
        return int(dialog.result())

    monkeypatch.setattr(DoseDialog, "exec", fill_and_save)
    window.today.open_any_dialog()
    assert seen["open"] and seen["amount"] == "15 mg" and seen["note"] == "with yoghurt"
    assert WORDS[kind] in seen["error"] and "still here" in seen["error"]
    assert _counts(journal) == before


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_symptom_and_reading_forms_keep_their_entries(qtbot, window, journal, kind: str) -> None:  # noqa: ANN001
    before = _counts(journal)
    _break_writes(journal, kind)
    sf = window.symptom_form
    sf.choose("drowsiness")
    sf.note.setText("hard to wake after lunch")
    sf.save_button.click()
    assert WORDS[kind] in sf.error.message
    assert sf.current_choice() is not None and sf.current_choice().code == "drowsiness"
    assert sf.note.text() == "hard to wake after lunch"
    vf = window.vitals_form
    vf.choose_kind(ObservationKind.TEMPERATURE)
    vf.value.setText("38.9")
    vf.save_button.click()
    assert WORDS[kind] in vf.error.message and vf.value.text() == "38.9"
    assert _counts(journal) == before


@pytest.mark.parametrize("kind", ["read-only", "full"])
def test_settings_the_disk_refuses_are_reported_and_unchanged(qtbot, window, journal, monkeypatch,  # noqa: ANN001
                                                              kind: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.dialogs.settings_dialog import SettingsDialog

    def run(self) -> int:  # noqa: ANN001
        self.emergency.setCurrentText("112")
        self.save_button.click()
        return int(self.result())

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    monkeypatch.setattr(SettingsDialog, "exec", run)
    _break_writes(journal, kind)
    window.settings_button.click()
    assert told and WORDS[kind] in told[0]
    assert window.session.settings.emergency_number == "911"
