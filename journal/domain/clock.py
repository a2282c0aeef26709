"""Time comes from a clock object so every rule and view can be tested at any instant."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class FixedClock:
    """A clock for tests and for `check --at`: stands still until moved."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def advance(self, delta: timedelta) -> None:
        self._at = self._at + delta


def later_than_this_minute(at: datetime, now: datetime) -> bool:
    """True when `at` falls after the minute `now` is in: what the forms refuse as "in the future"
    (a time typed to the minute may be this very minute)."""
    return at > now.replace(second=59, microsecond=999999)
