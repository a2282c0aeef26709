"""Keep Python's `None` alive while painting with PySide6 6.12 on Python 3.11.

PySide6 6.12 returns `None` from every void method without taking a reference to it. On Python
3.12+ `None` is immortal and nothing happens; on 3.11 each call (QPainter.drawLine, setPen, ...)
takes one reference away, and after a few thousand calls the interpreter aborts with
"none_dealloc". A report paints tens of thousands of shapes, so while painting we hold a reserve
of references and give back, for good, as many as the calls took (Py_IncRef). No-op on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager

NEEDED = sys.version_info < (3, 12)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
given_back = 0  # how many references were handed back (for tests and curiosity)


class NoneGuard:
    def __init__(self, reserve: int) -> None:
        self._spare: list[None] = [None] * reserve if NEEDED else []
        self._base = sys.getrefcount(None)

    def top_up(self) -> None:
        """Give back the references taken since the last call."""
        global given_back
        if not NEEDED:
            return
        lost = self._base - sys.getrefcount(None)
        # Real increments (not a list of Nones): they must outlive interpreter shutdown too.
        for _ in range(max(0, lost)):
            _incref(None)
        given_back += max(0, lost)

    def close(self) -> None:
        self.top_up()
        self._spare = []


@contextmanager
def keep_none_alive(reserve: int = 300_000) -> Iterator[NoneGuard]:
    guard = NoneGuard(reserve)
    try:
        yield guard
    finally:
        guard.close()
