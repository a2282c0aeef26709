"""An intrathecal pump's programmed daily dose: one answer for every check and screen.

Exchange format (pump events): at any moment the programme is the latest `daily_dose_mcg` given
by the medicine's regimens (from the start of the regimen's first day) or by a `refill` or
`dose-change` pump event (from the moment it was logged), whichever is later. A clinic cut from 400
to 100 mcg a day logged only as a pump event is therefore a dose change like any other.
Pure: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from journal.domain import Medication, PumpEvent, PumpEventKind, QuantityError
from journal.domain.i18n import _

SETTING_KINDS = (PumpEventKind.REFILL, PumpEventKind.DOSE_CHANGE)


@dataclass(frozen=True)
class ProgrammeStep:
    """From `at` on, the pump gives `daily_mcg` a day; `source` says what set it."""

    at: datetime
    daily_mcg: float
    source: str  # "schedule from 2026-10-01", "dose change logged 2026-10-12 09:00", ...


def _day_start(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC).astimezone(tz)


def programme(m: Medication, events: Iterable[PumpEvent], tz: tzinfo) -> list[ProgrammeStep]:
    """Every setting of the pump's daily dose, oldest first (regimen starts and pump events).
    A regimen whose dose is not in mcg or mg is left out (it cannot be compared)."""
    steps: list[ProgrammeStep] = []
    for r in m.regimens:
        try:
            mcg = r.dose.to_mg() * 1000.0
        except QuantityError:
            continue
        steps.append(ProgrammeStep(_day_start(r.start, tz), mcg, _("schedule from {day}").format(day=r.start.isoformat())))
        if r.end is not None and not any(o.start == r.end + timedelta(days=1) for o in m.regimens):
            steps.append(ProgrammeStep(_day_start(r.end + timedelta(days=1), tz), 0.0,
                                       _("schedule ended {day}").format(day=r.end.isoformat())))
    for e in events:
        if e.removed or e.kind not in SETTING_KINDS or e.daily_dose_mcg is None:
            continue
        when = e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        text = (_("refill logged {when}") if e.kind is PumpEventKind.REFILL else _("dose change logged {when}"))
        steps.append(ProgrammeStep(e.at, float(e.daily_dose_mcg), text.format(when=when)))
    steps.sort(key=lambda s: s.at.astimezone(UTC))
    return steps


def daily_mcg_at(steps: list[ProgrammeStep], at: datetime) -> float | None:
    """The programmed daily dose in force at `at` (None before the first setting)."""
    found: float | None = None
    for s in steps:
        if s.at.astimezone(UTC) <= at.astimezone(UTC):
            found = s.daily_mcg
        else:
            break
    return found


def daily_mcg_on(steps: list[ProgrammeStep], day: date, tz: tzinfo) -> float | None:
    """The programme in force at the end of a local day (what that day was left at)."""
    return daily_mcg_at(steps, _day_start(day + timedelta(days=1), tz) - timedelta(microseconds=1))


def changes(steps: list[ProgrammeStep]) -> list[tuple[ProgrammeStep, float]]:
    """Each step that changes the daily dose, with the dose before it."""
    out: list[tuple[ProgrammeStep, float]] = []
    prev: float | None = None
    for s in steps:
        if prev is not None and abs(s.daily_mcg - prev) > 1e-9:
            out.append((s, prev))
        prev = s.daily_mcg
    return out
