"""The window, started the way `carejournal --db DB` starts it, with the clock fixed at bench.common.AT.

Reports (as `RESULT {json}`):
- visible_parent: seconds from the parent spawning this process (BENCH_SPAWN_T) to the first window
  shown and painted (the first paint's frame, journal.ui.shell.first_paint, when there is one);
- full_parent: the same, to the full window shown and painted (the journal loaded);
- ready_parent: the same, once the events queued at start (alerts, reminders) were processed;
- today: median seconds from clicking a due slot's "Given" button in Today to the slot showing
  "given" (the dose logged, the view refreshed), over up to 3 slots;
- idle: the same, until the event queue is empty again (alerts re-checked, views refreshed);
- tabs: seconds to visit every tab of the window once (so the peak memory includes them).
The parent reads the process's peak memory from wait4. With BENCH_PROFILE=FILE set, cProfile
stats of the whole probe are written to FILE (read them with `python -m pstats FILE`).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .common import AT, median


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _dismiss_modal(app: Any, state: dict[str, Any]) -> None:
    """A dialog nobody answers would hang the probe: note it and close it."""
    modal = app.activeModalWidget()
    if modal is not None:
        state.setdefault("modal_while_measuring", []).append(modal.windowTitle() or type(modal).__name__)
        modal.close()


def probe_window(db: str, t0: float) -> int:
    import json

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QTabWidget

    from journal.domain import FixedClock

    spawn = float(os.environ.get("BENCH_SPAWN_T", "0")) or None
    profile_to = os.environ.get("BENCH_PROFILE")  # a file for cProfile stats of start-up and the dose
    prof = None
    if profile_to:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    state: dict[str, Any] = {}

    def process(until: float = 0.0) -> None:
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    def measure() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
        modal = app.activeModalWidget()
        if modal is not None:
            state["modal"] = modal.windowTitle() or type(modal).__name__
            modal.close()
        if not windows:
            QTimer.singleShot(10, measure)
            return
        win = windows[0]
        # Shown is not yet seen: lay out and paint the whole window now, then stop the clock.
        win.repaint()
        visible_at = time.time()
        state["visible_parent"] = visible_at - spawn if spawn else None
        state["visible_self"] = time.perf_counter() - t0
        state["visible_cpu"] = time.process_time()
        # The first paint may be the frame the full window replaces once the journal is loaded
        # (journal.ui.shell.first_paint): the rest is measured on the full window, when it is shown.
        state["first_paint"] = win.objectName() or type(win).__name__
        QTimer.singleShot(0, loaded)

    def loaded() -> None:
        full = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
                and hasattr(w, "session")]
        if not full:
            _dismiss_modal(app, state)
            QTimer.singleShot(10, loaded)
            return
        win = full[0]
        win.repaint()
        state["full_parent"] = time.time() - spawn if spawn else None
        state["full_cpu"] = time.process_time()
        # Ready: what the window queued for right after showing (alerts, reminders) is done too.
        for _ in range(5):
            process()
        # Everyone's checks run on a worker thread: ready is when their alerts are shown.
        session = getattr(win, "session", None)
        while session is not None and getattr(session, "checking_in_background", False):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        state["ready_parent"] = time.time() - spawn if spawn else None
        state["ready_cpu"] = time.process_time()
        today_times: list[float] = []
        today_cpu: list[float] = []
        idle_times: list[float] = []
        try:
            from journal.ui.screens.today_view import TodayView

            views = win.findChildren(TodayView)
            if views:
                view = views[0]
                now = datetime.fromisoformat(AT)
                soon = now + timedelta(minutes=15)  # a later slot asks "give this dose early?"
                guard = QTimer()
                guard.timeout.connect(lambda: _dismiss_modal(app, state))
                guard.start(200)
                for _ in range(3):
                    due = [r for r in view.rows.values() if r.given_button.isEnabled()
                           and r.sv.state in ("due", "overdue") and r.sv.slot.at <= soon]
                    if not due:
                        break
                    row = due[0]
                    name, hhmm = row.sv.medication.name, row.sv.slot.at.strftime("%H:%M")
                    button: QPushButton = view.slot_button(name, hhmm)
                    s = time.perf_counter()
                    c = time.process_time()
                    button.click()
                    while view.slot_state(name, hhmm) not in ("given", "vomited"):
                        process()
                        if time.perf_counter() - s > 5:
                            raise TimeoutError(f"{name} {hhmm} not shown as given after 5 s")
                    today_times.append(time.perf_counter() - s)
                    today_cpu.append(time.process_time() - c)
                    process()
                    idle_times.append(time.perf_counter() - s)
            else:
                state["today_error"] = "no TodayView in the window"
        except Exception as exc:  # report, do not hide, what went wrong
            state["today_error"] = f"{type(exc).__name__}: {exc}"
        state["today"] = median(today_times) if today_times else None
        state["today_min"] = min(today_times) if today_times else None
        state["today_cpu"] = median(today_cpu) if today_cpu else None
        state["idle"] = median(idle_times) if idle_times else None
        s = time.perf_counter()
        state["tab_count"] = max((t.count() for t in win.findChildren(QTabWidget)), default=0)
        for tabs in win.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                process()
        state["tabs"] = time.perf_counter() - s
        _emit("RESULT " + json.dumps(state))
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(profile_to))
        os._exit(0)

    QTimer.singleShot(0, measure)
    from journal.app import main

    try:
        main(["--db", str(Path(db)), "gui"], clock=FixedClock(datetime.fromisoformat(AT)))
    except SystemExit:
        pass
    _emit("SKIP the window closed before it was measured: " + json.dumps(state))
    return 0
