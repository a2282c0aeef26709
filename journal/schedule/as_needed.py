"""As-needed (PRN) medicines: which limits are in force, and where one stands against them.

One answer for the checks (`as-needed-too-soon`, `as-needed-over-limit`), Today ("next allowed
from 14:30", "2 of 3 in 24 h") and the report. Pure: no Qt, no SQL, no clock (`now` is passed in).

Limits, in order of precedence (each `AsNeededLimit` field says where its number came from):
- what the prescriber set for this medicine (`Medication.as_needed_limits`, exchange format
  `as_needed_limits`);
- for a drug with a profile and no prescribed interval: half its usual dosing interval
  (`timing.usual_interval_hours`; clinical-facts.md, `as-needed-too-soon`), and the profile's
  `timing.as_needed_max_doses_per_day` where it gives one;
- otherwise none: nothing is made up.
Counts are over a rolling window (`window`, 24 h by default: "no more than 3 in 24 hours" is how
labels put it), so four doses between 18:00 and 08:00 count together across midnight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from journal.domain import Dose, Medication, Quantity, QuantityError, normalise
from journal.domain.i18n import N_, _

PRESCRIBED = N_("as prescribed")


@dataclass(frozen=True)
class AsNeededLimit:
    """The limits in force for one as-needed medicine. Each `*_source` is a short phrase for the
    evidence ("as prescribed", "half the usual 8 h interval (label)")."""

    window: timedelta = timedelta(hours=24)
    max_doses: int | None = None
    max_doses_source: str = ""
    min_interval: timedelta | None = None
    min_interval_source: str = ""
    max_amount: Quantity | None = None  # as prescribed, in any unit the doses convert to
    max_amount_mg: float | None = None  # the same in mg, when it converts

    @property
    def any(self) -> bool:
        return self.max_doses is not None or self.min_interval is not None or self.max_amount is not None


@dataclass(frozen=True)
class ProfileNumbers:
    """What a drug profile says about as-needed use, with each number's source key (None: none)."""

    usual_interval_hours: float | None = None
    usual_interval_source: str = ""
    max_doses_per_day: float | None = None
    max_doses_source: str = ""
    window_hours: float = 24.0


def limits_for(m: Medication, profile: ProfileNumbers | None = None) -> AsNeededLimit:
    """The limits in force for `m` (see the module docstring for precedence)."""
    prof = profile or ProfileNumbers()
    presc = m.as_needed_limits
    max_doses: int | None = None
    max_doses_source = ""
    min_interval: timedelta | None = None
    min_interval_source = ""
    max_amount: Quantity | None = None
    if presc is not None:
        if presc.max_doses_per_day is not None:
            max_doses, max_doses_source = presc.max_doses_per_day, _(PRESCRIBED)
        if presc.min_interval_hours is not None:
            min_interval, min_interval_source = timedelta(hours=presc.min_interval_hours), _(PRESCRIBED)
        max_amount = presc.max_amount_per_day
    if min_interval is None and prof.usual_interval_hours:
        min_interval = timedelta(hours=prof.usual_interval_hours / 2)
        min_interval_source = _("half the usual {hours} h between doses of this drug ({source})").format(
            hours=f"{prof.usual_interval_hours:g}", source=prof.usual_interval_source)
    if max_doses is None and prof.max_doses_per_day:
        max_doses = int(prof.max_doses_per_day)
        max_doses_source = _("the usual most in a day for this drug ({source})").format(source=prof.max_doses_source)
    max_mg: float | None = None
    if max_amount is not None:
        try:
            max_mg = normalise(max_amount, m.strength).to_mg()
        except QuantityError:
            max_mg = None
    return AsNeededLimit(timedelta(hours=prof.window_hours), max_doses, max_doses_source, min_interval,
                         min_interval_source, max_amount, max_mg)


def dose_mg(m: Medication, d: Dose, tz: tzinfo) -> float | None:
    """A dose's amount in mg: as normalised when stored, else converted with the strength, else
    (nothing entered, or not convertible) the amount the regimen in force that day plans; None
    when it cannot be told."""
    if d.amount_normalised is not None and d.amount_normalised.unit.is_mass:
        return d.amount_normalised.to_mg()
    for q in (d.amount, _planned_amount(m, d, tz)):
        if q is None:
            continue
        try:
            return normalise(q, m.strength).to_mg()
        except QuantityError:
            continue
    return None


def _planned_amount(m: Medication, d: Dose, tz: tzinfo) -> Quantity | None:
    reg = m.regimen_on(d.at.astimezone(tz).date())
    return None if reg is None else reg.dose


@dataclass(frozen=True)
class PrnStatus:
    """Where one as-needed medicine stands at `now`.

    `given`: doses given (taken or vomited) in the window ending at `now`, oldest first.
    `amount_mg`: their total in mg (None when one of them cannot be converted).
    `next_allowed`: the first instant another dose stays within the interval and the count limit
    (None when no such limit is set); at or before `now` means a dose is allowed now."""

    limit: AsNeededLimit
    given: list[Dose] = field(default_factory=list)
    amount_mg: float | None = None
    last: Dose | None = None
    next_allowed: datetime | None = None

    @property
    def count(self) -> int:
        return len(self.given)


def _given(doses: list[Dose], medication_id: int | None, now: datetime) -> list[Dose]:
    return sorted((d for d in doses if d.medication_id == medication_id and not d.removed and d.status.was_given
                   and d.given is not None and d.given.astimezone(UTC) <= now.astimezone(UTC)),
                  key=lambda d: d.at.astimezone(UTC))


def prn_status(m: Medication, doses: list[Dose], now: datetime, limit: AsNeededLimit, tz: tzinfo) -> PrnStatus:
    """`m`'s as-needed standing at `now` from the logged `doses` (any medicines; others ignored)."""
    given = _given(doses, m.id, now)
    start = now.astimezone(UTC) - limit.window
    in_window = [d for d in given if d.at.astimezone(UTC) > start]
    amounts = [dose_mg(m, d, tz) for d in in_window]
    total = None if any(a is None for a in amounts) else sum(a for a in amounts if a is not None)
    last = given[-1] if given else None
    candidates: list[datetime] = []
    if limit.min_interval is not None and last is not None:
        candidates.append(last.at.astimezone(UTC) + limit.min_interval)
    if limit.max_doses is not None and len(in_window) >= limit.max_doses:
        # The window must drop enough doses to leave room for one more.
        oldest_to_go = in_window[len(in_window) - limit.max_doses]
        candidates.append(oldest_to_go.at.astimezone(UTC) + limit.window)
    nxt = max(candidates).astimezone(tz) if candidates else None
    return PrnStatus(limit, in_window, total, last, nxt)


@dataclass(frozen=True)
class TooSoon:
    """A dose given less than the minimum interval after the one before."""

    before: Dose
    after: Dose
    apart: timedelta


def too_soon(m: Medication, doses: list[Dose], now: datetime, limit: AsNeededLimit) -> list[TooSoon]:
    """Consecutive given doses of `m` (up to `now`) closer than the minimum interval, oldest first."""
    if limit.min_interval is None:
        return []
    given = _given(doses, m.id, now)
    out = []
    for a, b in zip(given, given[1:], strict=False):
        apart = b.at.astimezone(UTC) - a.at.astimezone(UTC)
        if apart < limit.min_interval:
            out.append(TooSoon(a, b, apart))
    return out


@dataclass(frozen=True)
class OverLimit:
    """The doses of one rolling window that go past the count or amount limit, ending at `at`."""

    at: datetime
    doses: list[Dose]
    count_over: bool
    amount_mg: float | None
    amount_over: bool


def over_limit(m: Medication, doses: list[Dose], now: datetime, limit: AsNeededLimit, tz: tzinfo,
               since: datetime) -> list[OverLimit]:
    """Windows ending at a dose given in (since, now] that hold more doses, or more amount, than the
    limit allows; the fullest window per run of overlapping ones (oldest first)."""
    if limit.max_doses is None and limit.max_amount_mg is None:
        return []
    given = _given(doses, m.id, now)
    out: list[OverLimit] = []
    for i, b in enumerate(given):
        end = b.at.astimezone(UTC)
        if end <= since.astimezone(UTC):
            continue
        window = [d for d in given[:i + 1] if d.at.astimezone(UTC) > end - limit.window]
        amounts = [dose_mg(m, d, tz) for d in window]
        total = None if any(a is None for a in amounts) else sum(a for a in amounts if a is not None)
        count_over = limit.max_doses is not None and len(window) > limit.max_doses
        amount_over = (limit.max_amount_mg is not None and total is not None
                       and total > limit.max_amount_mg + 1e-9)
        if not (count_over or amount_over):
            continue
        hit = OverLimit(b.at, window, count_over, total, amount_over)
        if out and any(d is out[-1].doses[-1] for d in window):
            out[-1] = hit  # the same run of doses: keep the latest window
        else:
            out.append(hit)
    return out
