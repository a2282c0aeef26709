"""Work off the GUI thread, its result carried back to it (issue 17: no GUI event waits on the
journal for long at care-home scale).

`Posted` lives in the GUI thread; a worker emits its `done` signal, which Qt queues to the GUI
thread. `run_off_thread` runs a function on Qt's global thread pool and posts what it returned,
or the exception it raised, with a tag the receiver uses to drop results that are out of date
(a newer request was made meanwhile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class Posted(QObject):
    """Carries a worker thread's result back to the GUI thread (a queued signal: the receiver
    lives in the GUI thread). `done(tag, result)`: `tag` as given to `run_off_thread`, `result`
    what the work returned or the Exception it raised."""

    done = Signal(int, object)


_POOLS: dict[str, QThreadPool] = {}


def own_pool(name: str) -> QThreadPool:
    """A pool of one thread of its own for one kind of work (e.g. the report dialog's builds), so
    that work never takes the global pool's threads from everyone's safety checks (2 on a
    2-core machine). Lives as long as the application; never waited for on closing a dialog."""
    pool = _POOLS.get(name)
    if pool is None:
        pool = _POOLS[name] = QThreadPool()
        pool.setMaxThreadCount(1)
    return pool


def run_off_thread(work: Callable[[], Any], posted: Posted, tag: int, pool: QThreadPool | None = None) -> None:
    """Run `work()` on a worker thread (of `pool`, default Qt's global pool) and emit
    `posted.done(tag, result)`; an exception raised by `work` is the result (the receiver shows
    it: a failure is never silent). If `posted` is gone by then (its window closed while the work
    ran) nobody is left to tell, and that is not an error."""

    def job() -> None:
        try:
            result: Any = work()
        except Exception as exc:  # noqa: BLE001 - carried to the GUI thread and shown there
            result = exc
        try:
            posted.done.emit(tag, result)
        except RuntimeError:  # "Signal source has been deleted": the window closed meanwhile
            pass

    (pool or QThreadPool.globalInstance()).start(job)
