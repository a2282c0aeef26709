"""Stock on hand and days left: one answer for Today, the report and the `stock-low` check.

Stock on hand at an instant `now`:

    on hand = baseline + received - discarded - given

- baseline: the last `counted` event at or before `now` (what was on hand then). With no count
  yet, the stock starts at nothing just before the first stock event, so a first `received`
  works as a count of what arrived.
- received / discarded: events after the baseline, up to `now`.
- given: every dose given (taken or vomited) strictly after the baseline, up to `now`, turned
  into the stock's unit (see `in_stock_unit`). Doses are never stored as stock events.

Days left, at the current plan (`per_day`, in the stock's unit):
- a scheduled medicine: the regimen in force on `now`'s local day: dose x times a day / every N
  days. No regimen in force (or no times): no plan, no days left.
- an as-needed medicine has no plan; its days left are judged at its recent use instead: what
  was given over the last `RECENT_USE_DAYS` days (or since the baseline, if that is shorter but at
  least one day), per day. No use in that time: no days left.

Everything that cannot be converted raises `StockUnknown` with a sentence saying why, so a
screen can say "cannot tell" rather than show a wrong number. Amounts are floats in the stock
event's unit (tablets, sachets, mL, g, mg or mcg); days are floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from journal.domain import (
    Dose,
    GivenSummary,
    Medication,
    PatientHistory,
    Quantity,
    QuantityError,
    StockEvent,
    StockKind,
    Unit,
    normalise,
)
from journal.domain.i18n import _, ngettext

# As-needed medicines: days left are judged at the average use over this many days (judgement:
# a week covers the usual ups and downs of as-needed use without reaching far into the past).
RECENT_USE_DAYS = 7
# The doses of the last this-many days are read one by one (recent use needs their times); older
# ones since the count may come summed (GivenSummary), so a count made years ago stays cheap.
DOSES_READ_SINGLY = timedelta(days=RECENT_USE_DAYS + 1)
# Rounding of amounts, so that 0.1 + 0.2 tablets is not "less than 0.3 tablets".
_PLACES = 6

# mg in one unit of each mass unit (by value: "g" is known to the exchange format).
_MG_IN = {"mg": 1.0, "mcg": 0.001, "g": 1000.0}


class StockUnknown(ValueError):
    """The stock cannot be told: an amount cannot be converted into the stock's unit."""


@dataclass(frozen=True)
class StockLevel:
    """One medication's stock at `at`. Amounts are in `unit`; `per_day` is in `unit` a day."""

    at: datetime
    unit: Unit
    baseline: StockEvent | None  # the last count; None when counting from the first event
    received: tuple[StockEvent, ...]  # after the baseline (the first event too, with no count)
    discarded: tuple[StockEvent, ...]
    doses_given: int  # doses taken off since the baseline
    given: float  # their total, in `unit`
    on_hand: float  # may be below 0 when more was logged than was counted
    per_day: float | None  # planned (or, as needed, recent) use a day; None when there is none
    planned: bool  # per_day comes from a schedule (not from recent as-needed use)
    dose_size: float | None  # one planned dose, in `unit` (None as needed)

    @property
    def days_left(self) -> float | None:
        """How many days the stock lasts at `per_day` (0 when nothing is left); None without use."""
        if self.per_day is None or self.per_day <= 0:
            return None
        return max(0.0, self.on_hand) / self.per_day

    @property
    def run_out(self) -> bool:
        """Not enough left for the next planned dose (judgement: a part of a dose cannot be given)."""
        if not self.planned or self.per_day is None or self.per_day <= 0:
            return False
        need = self.dose_size if self.dose_size else 0.0
        return self.on_hand <= 0 or round(self.on_hand, _PLACES) < round(need, _PLACES)

    def amount(self, value: float) -> Quantity:
        return Quantity(round(max(0.0, value), 2), self.unit)


def in_stock_unit(amount: Quantity, unit: Unit, strength: Quantity | None) -> float:
    """`amount` expressed in `unit`, using the medication's strength where the two differ in kind.

    Tablets and sachets from a mass: mass / strength per tablet (or sachet); mL from a mass:
    mass / concentration (mg per mL); a mass from tablets, sachets or mL: through the strength;
    g, mg and mcg into each other directly. Raises StockUnknown when there is no way (no
    strength, or a strength per another unit)."""
    if amount.unit is unit:
        return float(amount.value)
    if amount.unit.value in _MG_IN and unit.value in _MG_IN:
        return amount.value * _MG_IN[amount.unit.value] / _MG_IN[unit.value]
    if amount.unit.value not in _MG_IN and unit.value not in _MG_IN:
        # Tablets, sachets and mL are different things: one strength cannot turn one into another.
        raise StockUnknown(_("{amount} cannot be counted in {units}").format(amount=amount, units=_plural(unit)))
    try:
        mass = amount if amount.unit.value in _MG_IN else normalise(amount, strength)
    except QuantityError as e:
        raise StockUnknown(_("{amount} cannot be counted in {units}: {problem}").format(
            amount=amount, units=_plural(unit), problem=e)) from None
    mg = mass.value * _MG_IN[mass.unit.value]
    if unit.value in _MG_IN:
        return mg / _MG_IN[unit.value]
    if strength is None:
        raise StockUnknown(_("{amount} cannot be counted in {units}: the medicine has no strength recorded").format(
            amount=amount, units=_plural(unit)))
    per = strength.per.unit if strength.per is not None else (unit if unit in (Unit.TABLET, Unit.SACHET) else None)
    if per is not unit:
        raise StockUnknown(_("{amount} cannot be counted in {units} with a strength of {strength}").format(
            amount=amount, units=_plural(unit), strength=strength))
    each = strength.per_unit_mass
    each_mg = each.value * _MG_IN[each.unit.value]
    if each_mg <= 0:
        raise StockUnknown(_("a strength of {strength} cannot turn {amount} into {units}").format(
            strength=strength, amount=amount, units=_plural(unit)))
    return mg / each_mg


def _plural(unit: Unit) -> str:
    return {"tablet": _("tablets"), "sachet": _("sachets")}.get(unit.value, unit.value)


def baseline_of(events: Sequence[StockEvent], now: datetime) -> StockEvent | None:
    """The event the count starts from at `now`: the last `counted` at or before it, else the first
    event at or before it (None when there is none)."""
    past = [e for e in _live(events) if e.at <= now]
    counts = [e for e in past if e.kind is StockKind.COUNTED]
    if counts:
        return counts[-1]
    return past[0] if past else None


def _live(events: Sequence[StockEvent]) -> list[StockEvent]:
    return sorted((e for e in events if not e.removed), key=lambda e: (e.at.astimezone(UTC), e.id or 0))


def level_in(history: PatientHistory, medication: Medication, now: datetime | None = None) -> StockLevel | None:
    """`stock_level` of a medication of `history` at `now` (default: the history's end), from the
    doses (and the summary of older ones) the history read for it."""
    if medication.id is None:
        return None
    return stock_level(medication, history.stock_doses_of(medication.id), now or history.end, history.tz,
                       earlier=history.stock_given.get(medication.id))


def stock_level(medication: Medication, doses: Sequence[Dose], now: datetime, tz: tzinfo, *,
                earlier: GivenSummary | None = None) -> StockLevel | None:
    """The stock of `medication` at `now`, or None when it has no stock events up to `now`.

    `doses`: the medication's doses (every one given after the baseline, or after
    `earlier.until`; others are ignored). `earlier`: the doses given from the baseline to its
    `until`, summed (used when it starts at the baseline and ends by `now`). Days are local days
    in `tz`. Raises StockUnknown when an amount cannot be converted into the stock's unit (the
    unit is that of the baseline event)."""
    base = baseline_of(medication.stock, now)
    if base is None:
        return None
    unit = base.amount.unit
    strength = medication.strength
    live = _live(medication.stock)
    # Events after the baseline in journal order (time, then entry): a refill logged in the same
    # minute as the count, after it, still adds.
    start_at = next(i for i, e in enumerate(live) if e is base)
    after = [e for e in live[start_at:] if e.at <= now]
    received = tuple(e for e in after if e.kind is StockKind.RECEIVED)
    discarded = tuple(e for e in after if e.kind is StockKind.DISCARDED)
    start = base.amount.value if base.kind is StockKind.COUNTED else 0.0
    total_in = sum(in_stock_unit(e.amount, unit, strength) for e in received)
    total_out = sum(in_stock_unit(e.amount, unit, strength) for e in discarded)
    use_earlier = (earlier is not None and earlier.since == base.at
                   and earlier.until.astimezone(UTC) <= now.astimezone(UTC))
    given_doses = [d for d in doses if _given_between(d, earlier.until if use_earlier and earlier else base.at, now)]
    given = 0.0
    count = len(given_doses)
    if use_earlier and earlier is not None:
        for amount, n in earlier.amounts:
            if amount is None:
                raise StockUnknown(_("a dose given since the count has no amount, so the stock cannot be "
                                     "counted down; count what is on hand"))
            given += in_stock_unit(amount, unit, strength) * n
        count += earlier.count
    for d in given_doses:
        if d.amount is None:
            raise StockUnknown(_("the dose given {when} has no amount, so the stock cannot be counted down; count "
                                 "what is on hand").format(when=f"{d.at.astimezone(tz):%Y-%m-%d %H:%M}"))
        given += in_stock_unit(d.amount, unit, strength)
    on_hand = round(start + total_in - total_out - given, _PLACES)
    per_day, dose_size, planned = _planned_use(medication, now, tz, unit)
    if not planned and medication.as_needed:
        per_day = _recent_use(given_doses, base.at, now, unit, strength)
    return StockLevel(
        at=now, unit=unit, baseline=base if base.kind is StockKind.COUNTED else None, received=received,
        discarded=discarded, doses_given=count, given=round(given, _PLACES), on_hand=on_hand,
        per_day=per_day, planned=planned, dose_size=dose_size,
    )


def _given_between(d: Dose, start: datetime, end: datetime) -> bool:
    return (not d.removed and d.status.was_given and d.given is not None
            and start.astimezone(UTC) < d.given.astimezone(UTC) <= end.astimezone(UTC))


def _planned_use(medication: Medication, now: datetime, tz: tzinfo, unit: Unit) -> tuple[float | None, float | None, bool]:
    """(per day, one dose, planned) from the regimen in force on `now`'s local day."""
    if medication.as_needed:
        return None, None, False
    reg = medication.regimen_on(now.astimezone(tz).date())
    if reg is None or not reg.times:
        return None, None, False
    each = in_stock_unit(reg.dose, unit, medication.strength)
    return each * len(reg.times) / max(1, reg.every_days), each, True


def _recent_use(given: Sequence[Dose], since: datetime, now: datetime, unit: Unit,
                strength: Quantity | None) -> float | None:
    """Average use a day over the last RECENT_USE_DAYS days (since the baseline if that is shorter,
    but at least a day of record), or None."""
    span = min(timedelta(days=RECENT_USE_DAYS), now.astimezone(UTC) - since.astimezone(UTC))
    if span < timedelta(days=1):
        return None
    first = now.astimezone(UTC) - span
    used = sum(in_stock_unit(d.amount, unit, strength) for d in given
               if d.amount is not None and d.given is not None and d.given.astimezone(UTC) > first)
    if used <= 0:
        return None
    return used / (span.total_seconds() / 86400.0)


def describe_stock(level: StockLevel) -> str:
    """'about 41 tablets on hand, about 20 days left' (the days part only when it can be told)."""
    left = describe_days_left(level)
    return _("about {amount} on hand").format(amount=level.amount(level.on_hand)) + (f", {left}" if left else "")


def describe_days_left(level: StockLevel) -> str:
    """'about 12 days left', 'less than a day left', 'run out', or '' when it cannot be told."""
    if level.run_out or (level.on_hand <= 0 and level.per_day is not None):
        return _("run out")
    days = level.days_left
    if days is None:
        return ""
    if days < 1:
        return _("less than a day left")
    whole = int(days)
    return ngettext("about {n} day left", "about {n} days left", whole).format(n=whole)
