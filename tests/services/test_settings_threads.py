"""The settings are read from worker threads too (everyone's checks, the report, issue 17): a read
that began before a save must never put the old settings back into the cache after the save."""
# ruff: noqa: F811  (pytest fixtures are imported from conftest)

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.ui.conftest import clock, empty_journal  # noqa: F401


def test_a_worker_read_from_before_a_save_does_not_bring_the_old_settings_back(
        empty_journal: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN401
    import journal.services.settings_store as store

    j = empty_journal
    j.settings_store.forget()
    real = store.journal_zone
    worker_read, saved = threading.Event(), threading.Event()

    def slow_zone(*a: Any, **k: Any) -> Any:  # noqa: ANN401
        if threading.current_thread() is not threading.main_thread():
            worker_read.set()  # the worker has read the settings as they were...
            saved.wait(10)  # ...and is held while the GUI thread saves new ones
        return real(*a, **k)

    monkeypatch.setattr(store, "journal_zone", slow_zone)
    got: list[str] = []
    t = threading.Thread(target=lambda: got.append(j.get_settings().emergency_number))
    t.start()
    assert worker_read.wait(10)
    s = j.get_settings()
    old = s.emergency_number
    s.emergency_number = "112"
    j.save_settings(s)
    saved.set()
    t.join(10)
    assert got == [old]  # the worker's own answer is what it read...
    assert j.get_settings().emergency_number == "112"  # ...but the cache holds the saved settings
    assert j.tz.current.key == j.get_settings().timezone
