"""The window, started the way `carejournal --db DB` starts it, with the clock fixed at bench.common.AT.

Reports (as `RESULT {json}`):
- visible_parent: seconds from the parent spawning this process (BENCH_SPAWN_T) to the first window
  shown and painted (the first paint's frame, journal.ui.shell.first_paint, when there is one);
- full_parent: the same, to the full window shown and painted (the journal loaded);
- ready_parent: the same, once the events queued at start (alerts, reminders) were processed;
- today: median seconds from clicking a due slot's "Given" button in Today to the slot showing
  "given" (the dose logged, the view refreshed), over up to 3 slots;
- idle: the same, until the event queue is empty again (alerts re-checked, views refreshed);
- tabs: seconds to visit every tab of the window once (so the peak memory includes them);
- gui_events: per phase (start, given now, symptom, minute tick, switch person, tabs, all) the
  GUI thread's events: how many, median, 95th percentile and longest (ms, wall and the thread's
  cpu), which event was longest, how many took over 50 ms, the most CPU one event took and which
  (`max_cpu_any_ms`, `max_cpu_event`: wall also counts waiting, for the GIL, the disk or a CPU,
  while a worker thread runs the checks or the start backup) with how many took over 50 ms of CPU, and the longest stretch without waiting
  (`EventClock`). BENCH_TRACE=1 prints each step to stderr.
The parent reads the process's peak memory from wait4. With BENCH_PROFILE=FILE set, cProfile
stats of the whole probe are written to FILE (read them with `python -m pstats FILE`).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .common import AT, median

TRACE = bool(os.environ.get("BENCH_TRACE"))


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _dismiss_modal(app: Any, state: dict[str, Any]) -> None:
    """A dialog nobody answers would hang the probe: note it and close it."""
    modal = app.activeModalWidget()
    if modal is not None:
        state.setdefault("modal_while_measuring", []).append(modal.windowTitle() or type(modal).__name__)
        modal.close()


class EventClock:
    """Times every event the GUI thread handles (the issue's 50 ms per event): `notify` of the
    application, outermost events only (an event sent from inside another belongs to it), wall time
    with perf_counter and the GUI thread's own CPU with thread_time. Each is filed under the phase
    running then (`phase`); `stretches` are the times the GUI thread worked without going back to
    wait for events (QAbstractEventDispatcher awake -> aboutToBlock), which also covers work done
    outside any event (the window built before the event loop starts)."""

    def __init__(self) -> None:
        self.phase = "start"
        self.depth = 0
        self.events: dict[str, list[tuple[float, float, str]]] = {}
        self.stretches: dict[str, list[float]] = {}
        self.count = 0
        self._awake: float | None = None
        self._awake_phase = "start"
        self.driver: object | None = None  # the probe's own timer: its events are labelled by step
        self.step = ""
        self.last = time.perf_counter()
        self.recent: Counter[str] = Counter()

    def begin(self) -> tuple[float, float]:
        self.depth += 1
        return time.perf_counter(), time.thread_time()

    def end(self, started: tuple[float, float], receiver: Any, kind: Any) -> None:
        self.depth -= 1
        if receiver is not self.driver:
            self.count += 1
            self.last = time.perf_counter()
            if TRACE:
                self.recent[f"{getattr(kind, 'name', kind)} {type(receiver).__name__}"] += 1
        if self.depth:
            return
        wall, cpu = time.perf_counter() - started[0], time.thread_time() - started[1]
        if wall < 0.001:
            self.events.setdefault(self.phase, []).append((wall, cpu, ""))
            return
        if receiver is self.driver:
            what = f"probe step: {self.step}"
        else:
            name = getattr(kind, "name", None) or str(kind)
            what = f"{name} to {type(receiver).__name__}"
            import shiboken6

            # (the receiver may be gone: a DeferredDelete deletes it)
            obj_name = receiver.objectName() if shiboken6.isValid(receiver) else ""
            if obj_name:
                what += f" '{obj_name}'"
        self.events.setdefault(self.phase, []).append((wall, cpu, what))

    def awake(self) -> None:
        if self._awake is None:
            self._awake, self._awake_phase = time.perf_counter(), self.phase

    def about_to_block(self) -> None:
        if self._awake is not None:
            self.stretches.setdefault(self._awake_phase, []).append(time.perf_counter() - self._awake)
            self._awake = None

    def summary(self) -> dict[str, Any]:
        """Per phase: events, median, 95th percentile and longest (ms, wall and the GUI thread's
        cpu), which event was longest, and the longest stretch without waiting."""
        out: dict[str, Any] = {}
        every: list[tuple[float, float, str, str]] = []
        for phase, rows in self.events.items():
            walls = sorted(r[0] for r in rows)
            top = max(rows, key=lambda r: r[0])
            every += [(w, c, what, phase) for w, c, what in rows]
            out[phase] = {
                "events": len(rows), "median_ms": 1000 * median(walls), "p95_ms": 1000 * _pct(walls, 0.95),
                "max_ms": 1000 * top[0], "max_cpu_ms": 1000 * top[1], "max_event": top[2],
                "over_50ms": sum(1 for w in walls if w > 0.05),
                # by the GUI thread's CPU (wall also counts waiting: the GIL, the disk, other programs)
                "max_cpu_any_ms": 1000 * max(r[1] for r in rows),
                "max_cpu_event": max(rows, key=lambda r: r[1])[2],
                "over_50ms_cpu": sum(1 for r in rows if r[1] > 0.05),
                "stretch_max_ms": 1000 * max(self.stretches.get(phase, [0.0])),
                "top": [f"{1000 * w:.0f} ms (cpu {1000 * c:.0f}): {what}"
                        for w, c, what in sorted(rows, key=lambda r: -r[0])[:4] if w > 0.01],
            }
        if every:
            walls = sorted(r[0] for r in every)
            top = max(every, key=lambda r: r[0])
            out["all"] = {"events": len(every), "median_ms": 1000 * median(walls), "p95_ms": 1000 * _pct(walls, 0.95),
                          "max_ms": 1000 * top[0], "max_cpu_ms": 1000 * top[1], "max_event": f"{top[3]}: {top[2]}",
                          "over_50ms": sum(1 for w in walls if w > 0.05),
                          "max_cpu_any_ms": 1000 * max(r[1] for r in every),
                          "over_50ms_cpu": sum(1 for r in every if r[1] > 0.05),
                          "stretch_max_ms": 1000 * max((x for v in self.stretches.values() for x in v), default=0.0)}
        return out


def _pct(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def _timed_app(clock: EventClock) -> Any:
    """The QApplication, with `notify` timing each event (the probe only; the app itself never does this)."""
    from PySide6.QtWidgets import QApplication

    class TimedApplication(QApplication):
        def notify(self, receiver: Any, event: Any) -> bool:  # noqa: N802 (Qt name)
            started = clock.begin()
            kind = event.type()
            try:
                return super().notify(receiver, event)
            finally:
                clock.end(started, receiver, kind)

    return TimedApplication([sys.argv[0]])


def probe_window(db: str, t0: float) -> int:
    import json

    from PySide6.QtCore import QAbstractEventDispatcher, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    from journal.domain import FixedClock

    spawn = float(os.environ.get("BENCH_SPAWN_T", "0")) or None
    profile_to = os.environ.get("BENCH_PROFILE")  # a file for cProfile stats of start-up and the dose
    prof = None
    if profile_to:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    clock = EventClock()
    app = QApplication.instance() or _timed_app(clock)
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is not None:
        dispatcher.awake.connect(clock.awake)
        dispatcher.aboutToBlock.connect(clock.about_to_block)
    state: dict[str, Any] = {}

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
        driver.start()

    def full_window() -> Any:
        full = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
                and hasattr(w, "session")]
        return full[0] if full else None

    def settled() -> bool:
        """Nothing but the probe's own timer handled for 100 ms, and no checks running."""
        session = getattr(win_ref.get("win"), "session", None)
        busy = session is not None and getattr(session, "checking_in_background", False)
        return not busy and time.perf_counter() - clock.last > 0.1

    win_ref: dict[str, Any] = {}
    alerts_seen = {"n": 0}

    def script() -> Any:
        """The probe's steps; each `yield` gives a condition to wait for (checked every 2 ms)."""
        clock.step = "wait for the full window"
        yield lambda: full_window() is not None or bool(_dismiss_modal(app, state))
        win = win_ref["win"] = full_window()
        win.repaint()
        state["full_parent"] = time.time() - spawn if spawn else None
        state["full_cpu"] = time.process_time()
        session = win.session
        session.alerts_updated.connect(lambda _a: alerts_seen.__setitem__("n", alerts_seen["n"] + 1))
        clock.step = "wait for the first alerts"
        # Ready: the first alerts shown (everyone's checks run on a worker thread) and the queue empty.
        # (the window starts its reminders on the first alerts: `reminders.started`)
        started = (lambda: getattr(win.reminders, "started", True)) if hasattr(win, "reminders") \
            else (lambda: getattr(win, "_reminders_started", True))
        yield lambda: (alerts_seen["n"] > 0 or started()) and not session.checking_in_background
        state["ready_parent"] = time.time() - spawn if spawn else None
        state["ready_cpu"] = time.process_time()
        yield settled
        clock.phase = "given now"
        today_times: list[float] = []
        today_cpu: list[float] = []
        idle_times: list[float] = []
        from journal.ui.screens.today_view import TodayView

        views = win.findChildren(TodayView)
        if not views:
            state["today_error"] = "no TodayView in the window"
        else:
            view = views[0]
            soon = datetime.fromisoformat(AT) + timedelta(minutes=15)  # later slots ask "give early?"
            for _ in range(3):
                due = [r for r in view.rows.values() if r.given_button.isEnabled()
                       and r.sv.state in ("due", "overdue") and r.sv.slot.at <= soon]
                if not due:
                    break
                row = due[0]
                name, hhmm = row.sv.medication.name, row.sv.slot.at.strftime("%H:%M")
                clock.step = f"click Given on {name} {hhmm}"
                s, c = time.perf_counter(), time.process_time()
                view.slot_button(name, hhmm).click()
                yield lambda n=name, h=hhmm: view.slot_state(n, h) in ("given", "vomited")  # type: ignore[misc]
                today_times.append(time.perf_counter() - s)
                today_cpu.append(time.process_time() - c)
                clock.step = "after Given"
                yield settled
                idle_times.append(time.perf_counter() - s)
        state["today"] = median(today_times) if today_times else None
        state["today_min"] = min(today_times) if today_times else None
        state["today_cpu"] = median(today_cpu) if today_cpu else None
        state["idle"] = median(idle_times) if idle_times else None
        clock.phase = "symptom"
        from journal.ui.screens.symptom_form import SymptomForm

        forms = win.findChildren(SymptomForm)
        if forms:
            form = forms[0]
            form.symptom.setCurrentIndex(1)
            clock.step = "click Log symptom"
            form.save_button.click()
            if form.error.isVisible():
                state["symptom_error"] = form.error.text()
            yield settled
        clock.phase = "minute tick"
        clock.step = "minute tick (the alert timer and the reminder heartbeat)"
        session.refresh_alerts_later()
        win.scheduler.tick()
        yield settled
        clock.phase = "switch person"
        clock.step = "choose the next person"
        win.person.setCurrentIndex((win.person.currentIndex() + 1) % max(1, win.person.count()))
        yield settled
        clock.phase = "tabs"
        s = time.perf_counter()
        state["tab_count"] = max((t.count() for t in win.findChildren(QTabWidget)), default=0)
        for tabs in win.findChildren(QTabWidget):
            for i in range(tabs.count()):
                clock.step = f"open tab {tabs.tabText(i)!r}"
                tabs.setCurrentIndex(i)
                yield settled
        state["tabs"] = time.perf_counter() - s
        clock.phase = "end"
        state["gui_events"] = clock.summary()
        _emit("RESULT " + json.dumps(state))
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(profile_to))
        os._exit(0)

    steps = script()
    waiting: list[Any] = [lambda: True]
    guard_at = {"t": time.perf_counter()}

    def on_tick() -> None:
        if time.perf_counter() - guard_at["t"] > 0.2:
            guard_at["t"] = time.perf_counter()
            _dismiss_modal(app, state)
            if os.environ.get("BENCH_TRACE") and win_ref.get("win") is not None:
                se = win_ref["win"].session
                sys.stderr.write(f"probe: bg={se._background} gen={se._generation} again={se._again} "
                                 f"n={alerts_seen['n']} "
                                 f"{clock.recent.most_common(4)}\n")
                clock.recent.clear()
        if waiting[0]():
            waiting[0] = next(steps)
            if os.environ.get("BENCH_TRACE"):
                sys.stderr.write(f"probe: {clock.phase}: {clock.step}\n")

    driver = QTimer()
    driver.setInterval(2)
    driver.timeout.connect(on_tick)
    clock.driver = driver
    QTimer.singleShot(0, measure)
    from journal.app import main

    try:
        main(["--db", str(Path(db)), "gui"], clock=FixedClock(datetime.fromisoformat(AT)))
    except SystemExit:
        pass
    _emit("SKIP the window closed before it was measured: " + json.dumps(state))
    return 0
