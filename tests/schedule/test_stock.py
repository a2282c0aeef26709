"""Stock on hand, days left (journal/schedule/stock.py) and the stock-low check (rules/stock_low.py),
on medicines with and without a drug profile."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    GivenSummary,
    Medication,
    Patient,
    PatientHistory,
    Quantity,
    Severity,
    StockEvent,
    StockKind,
    Unit,
)
from journal.rules.engine import LOOKBACK, run_checks
from journal.schedule.stock import StockUnknown, describe_days_left, in_stock_unit, stock_level
from tests.rules.support import CHI, at, reg

NOW = at("2026-10-10T12:00")


def levetiracetam(*events: StockEvent, times: list[str] | None = None, dose: Quantity | None = None,
                  as_needed: bool = False, mid: int = 5) -> Medication:
    """A medicine the journal has no profile for: 500 mg tablets, 1 tablet twice a day."""
    r = reg("2026-09-01", times if times is not None else ["08:00", "20:00"], mg=1, unit=Unit.TABLET)
    if dose is not None:
        r.dose = dose
    return Medication("Levetiracetam 500 mg tablets", drug=None, strength=Quantity(500, Unit.MG),
                      regimens=[] if as_needed else [r], as_needed=as_needed, stock=list(events), id=mid)


def ev(kind: StockKind, when: str, value: float, unit: Unit = Unit.TABLET, note: str = "") -> StockEvent:
    return StockEvent(at=at(when), kind=kind, amount=Quantity(value, unit), note=note)


ONE_TABLET = Quantity(1, Unit.TABLET)


def given(med: Medication, when: str, amount: Quantity | None = ONE_TABLET,
          status: DoseStatus = DoseStatus.TAKEN) -> Dose:
    return Dose(med.id or 0, status, given=at(when), amount=amount)


def twice_daily(med: Medication, first: str, last: str) -> list[Dose]:
    """A tablet at 08:00 and 20:00 on every day from first to last (inclusive, local dates)."""
    day = datetime.fromisoformat(first)
    out = []
    while day.date().isoformat() <= last:
        for hour in (8, 20):
            out.append(given(med, day.replace(hour=hour).isoformat()))
        day += timedelta(days=1)
    return out


def alerts_for(med: Medication, doses: list[Dose], now: datetime = NOW) -> list:
    h = PatientHistory(patient=Patient("Alex Moss", id=1), tz=CHI, start=now - LOOKBACK, end=now,
                       medications=[med], doses=[d for d in doses if d.at >= now - LOOKBACK],
                       stock_doses={med.id or 0: doses})
    return [a for a in run_checks(h, now) if a.rule == "stock-low"]


# --- counting --------------------------------------------------------------------------------


def test_a_count_less_the_doses_given_since_is_what_is_on_hand() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 60))
    doses = twice_daily(med, "2026-10-01", "2026-10-09") + [given(med, "2026-10-10T08:00")]
    level = stock_level(med, doses, NOW, CHI)
    assert level is not None
    assert level.doses_given == 19 and level.given == 19 and level.on_hand == 41
    assert level.per_day == 2 and level.days_left == pytest.approx(20.5)
    assert describe_days_left(level) == "about 20 days left"


def test_doses_before_the_count_skipped_doses_and_removed_doses_are_not_taken_off() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-09T07:00", 30))
    before = given(med, "2026-10-08T20:00")
    skipped = Dose(med.id or 0, DoseStatus.SKIPPED, scheduled=at("2026-10-09T08:00"))
    removed = given(med, "2026-10-09T20:00")
    removed.removed = True
    vomited = given(med, "2026-10-10T08:00", status=DoseStatus.VOMITED)  # the tablet was used all the same
    level = stock_level(med, [before, skipped, removed, vomited], NOW, CHI)
    assert level is not None and level.on_hand == 29 and level.doses_given == 1


def test_a_refill_adds_and_a_discard_takes_away_after_the_last_count_only() -> None:
    med = levetiracetam(
        ev(StockKind.RECEIVED, "2026-09-20T10:00", 100),  # before the count: already in it
        ev(StockKind.COUNTED, "2026-10-01T07:00", 10),
        ev(StockKind.RECEIVED, "2026-10-03T16:00", 60),
        ev(StockKind.DISCARDED, "2026-10-04T09:00", 2, note="dropped"),
    )
    level = stock_level(med, twice_daily(med, "2026-10-01", "2026-10-09"), NOW, CHI)
    assert level is not None and level.on_hand == 10 + 60 - 2 - 18
    assert [e.amount.value for e in level.received] == [60]
    assert level.baseline is not None and level.baseline.amount.value == 10


def test_a_new_count_starts_again_from_what_was_counted() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 60), ev(StockKind.COUNTED, "2026-10-09T21:00", 5))
    level = stock_level(med, twice_daily(med, "2026-10-01", "2026-10-10"), NOW, CHI)
    assert level is not None and level.on_hand == 4  # only the 08:00 dose of the 10th comes off


def test_without_a_count_the_first_refill_is_the_start() -> None:
    med = levetiracetam(ev(StockKind.RECEIVED, "2026-10-05T07:00", 30))
    level = stock_level(med, twice_daily(med, "2026-10-01", "2026-10-09"), NOW, CHI)
    assert level is not None and level.baseline is None and level.on_hand == 30 - 10


def test_no_stock_recorded_gives_no_level() -> None:
    assert stock_level(levetiracetam(), [], NOW, CHI) is None
    # a count in the future of the moment asked about is not there yet
    assert stock_level(levetiracetam(ev(StockKind.COUNTED, "2026-10-11T07:00", 60)), [], NOW, CHI) is None


@pytest.mark.parametrize(("amount", "unit", "strength", "expected"), [
    (Quantity(1000, Unit.MG), Unit.TABLET, Quantity(500, Unit.MG), 2),  # mg into tablets
    (Quantity(0.5, Unit.TABLET), Unit.TABLET, Quantity(500, Unit.MG), 0.5),
    (Quantity(10, Unit.MG), Unit.ML, Quantity(5, Unit.MG, Quantity(5, Unit.ML)), 10),  # mg into mL: 1 mg/mL
    (Quantity(2.5, Unit.ML), Unit.ML, None, 2.5),
    (Quantity(2, Unit.TABLET), Unit.MG, Quantity(10, Unit.MG), 20),  # tablets into mg
    (Quantity(500, Unit.MCG), Unit.MG, None, 0.5),
    (Quantity(13800, Unit.MG), Unit.SACHET, Quantity(13800, Unit.MG, Quantity(1, Unit.SACHET)), 1),
])
def test_amounts_are_counted_in_the_unit_of_the_stock(amount: Quantity, unit: Unit, strength: Quantity | None,
                                                      expected: float) -> None:
    assert in_stock_unit(amount, unit, strength) == pytest.approx(expected)


def test_grams_count_against_milligrams() -> None:
    """Unit 'g' (powders) is known by value, so it converts whatever the enum holds."""
    g = next((u for u in Unit if u.value == "g"), None)
    if g is None:
        pytest.skip("this checkout has no unit g yet")
    assert in_stock_unit(Quantity(17, g), Unit.MG, None) == pytest.approx(17000)
    assert in_stock_unit(Quantity(500, Unit.MG), g, None) == pytest.approx(0.5)


@pytest.mark.parametrize(("amount", "unit", "strength"), [
    (Quantity(5, Unit.ML), Unit.TABLET, Quantity(10, Unit.MG)),  # a liquid amount against tablets
    (Quantity(10, Unit.MG), Unit.TABLET, None),  # no strength
    (Quantity(10, Unit.MG), Unit.ML, Quantity(10, Unit.MG)),  # a strength per tablet, stock in mL
    (Quantity(2, Unit.SACHET), Unit.TABLET, Quantity(10, Unit.MG)),  # sachets are not tablets
])
def test_an_amount_that_cannot_be_converted_says_it_cannot_tell(amount: Quantity, unit: Unit,
                                                                 strength: Quantity | None) -> None:
    with pytest.raises(StockUnknown, match="cannot"):
        in_stock_unit(amount, unit, strength)


def test_a_liquid_counted_in_ml_takes_off_doses_in_mg() -> None:
    med = Medication("Baclofen oral solution 5 mg/5 mL", form=Form.SOLUTION, drug="baclofen",
                     strength=Quantity(5, Unit.MG, Quantity(5, Unit.ML)),
                     regimens=[reg("2026-09-01", ["08:00", "20:00"], mg=10)],
                     stock=[ev(StockKind.COUNTED, "2026-10-09T07:00", 150, Unit.ML)], id=7)
    doses = [given(med, "2026-10-09T08:00", Quantity(10, Unit.MG)), given(med, "2026-10-09T20:00", Quantity(10, Unit.ML))]
    level = stock_level(med, doses, NOW, CHI)
    assert level is not None and level.on_hand == 130 and level.per_day == 20 and level.unit is Unit.ML


def test_a_dose_without_an_amount_makes_the_stock_unknown() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 60))
    with pytest.raises(StockUnknown, match="has no amount"):
        stock_level(med, [given(med, "2026-10-02T08:00", amount=None)], NOW, CHI)


def test_every_other_day_halves_the_use_per_day() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-10T07:00", 10))
    med.regimens[0].every_days = 2
    level = stock_level(med, [], NOW, CHI)
    assert level is not None and level.per_day == 1 and level.days_left == 10


def test_as_needed_days_left_follow_recent_use() -> None:
    lax = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 20, Unit.SACHET), as_needed=True)
    lax.strength = None
    doses = [given(lax, f"2026-10-0{d}T09:00", Quantity(1, Unit.SACHET)) for d in (4, 5, 6, 7, 8, 9)]
    doses += [given(lax, "2026-10-10T09:00", Quantity(1, Unit.SACHET))]  # 7 in the last 7 days
    level = stock_level(lax, doses, NOW, CHI)
    assert level is not None and not level.planned and level.on_hand == 13
    assert level.per_day == pytest.approx(1.0) and level.days_left == pytest.approx(13)
    unused = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 20, Unit.SACHET), as_needed=True)
    quiet = stock_level(unused, [], NOW, CHI)
    assert quiet is not None and quiet.days_left is None and describe_days_left(quiet) == ""


# --- the stock-low check -------------------------------------------------------------------------


def counted_at_noon(n: float) -> Medication:
    """Counted `n` tablets right now; 1 tablet twice a day: n/2 days left."""
    return levetiracetam(ev(StockKind.COUNTED, "2026-10-10T12:00", n))


def test_no_alert_without_any_stock_recorded() -> None:
    med = levetiracetam()
    assert alerts_for(med, twice_daily(med, "2026-10-03", "2026-10-09")) == []


@pytest.mark.parametrize(("tablets", "expected"), [
    (15, None),  # 7.5 days
    (14, Severity.INFO),  # 7 days: the boundary is included
    (7, Severity.INFO),  # 3.5 days
    (6, Severity.WARNING),  # 3 days
    (1, Severity.WARNING),  # half a day, but the next dose is still there
    (0.5, Severity.URGENT),  # not enough for the next tablet
    (0, Severity.URGENT),
])
def test_the_three_levels_and_their_boundaries(tablets: float, expected: Severity | None) -> None:
    found = alerts_for(counted_at_noon(tablets), [])
    assert [a.severity for a in found] == ([expected] if expected else [])


def test_the_alert_shows_where_its_number_comes_from() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 20), ev(StockKind.RECEIVED, "2026-10-05T16:00", 8))
    doses = twice_daily(med, "2026-10-01", "2026-10-09") + [given(med, "2026-10-10T08:00")]
    [alert] = alerts_for(med, doses)
    assert alert.severity is Severity.INFO and alert.medication == med.name and alert.medication_id == med.id
    text = "\n".join(alert.evidence)
    assert "counted 20 tablets on 2026-10-01 07:00" in text
    assert "received 8 tablets on 2026-10-05 16:00" in text
    assert "19 doses given since, 19 tablets in all" in text
    assert "on hand now: about 9 tablets" in text and "planned: 2 tablets a day" in text
    assert "about 4 days left" in alert.title
    assert "not medical advice" in alert.advice.lower() and alert.reference == "missed-doses"


def test_a_count_a_refill_and_doses_move_the_alert_over_time() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 24))
    doses = twice_daily(med, "2026-10-01", "2026-10-09")  # 18 given, 6 left: 3 days
    assert [a.severity for a in alerts_for(med, doses)] == [Severity.WARNING]
    med.stock.append(ev(StockKind.RECEIVED, "2026-10-10T09:00", 60))
    assert alerts_for(med, doses) == []


def test_run_out_is_urgent_only_while_doses_are_planned() -> None:
    med = counted_at_noon(0)
    med.regimens[0].end = at("2026-10-09T00:00").date()  # the schedule ended yesterday
    assert alerts_for(med, []) == []


def test_an_as_needed_medicine_used_up_is_a_warning_not_urgent() -> None:
    lax = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 3, Unit.TABLET), as_needed=True)
    doses = [given(lax, "2026-10-03T09:00"), given(lax, "2026-10-06T09:00"), given(lax, "2026-10-09T09:00")]
    [alert] = alerts_for(lax, doses)
    assert alert.severity is Severity.WARNING and "recent as-needed use" in "\n".join(alert.evidence)


def test_a_stock_that_cannot_be_told_raises_no_alert() -> None:
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-10T07:00", 1, Unit.ML))  # mL against a tablet strength
    assert alerts_for(med, []) == []


def test_older_doses_may_come_summed_by_amount() -> None:
    """A count made long ago: the doses before the last week arrive summed; same answer."""
    med = levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 60))
    doses = twice_daily(med, "2026-10-01", "2026-10-09")
    cut = at("2026-10-05T00:00")
    older = [d for d in doses if d.at <= cut]
    summary = GivenSummary(at("2026-10-01T07:00"), cut, ((ONE_TABLET, len(older) - 1), (Quantity(500, Unit.MG), 1)))
    level = stock_level(med, [d for d in doses if d.at > cut], NOW, CHI, earlier=summary)
    assert level is not None and level.on_hand == 42 and level.doses_given == 18
    # a summary that does not start at the count (a newer count since) is not used
    med.stock.append(ev(StockKind.COUNTED, "2026-10-08T07:00", 10))
    newer = stock_level(med, doses, NOW, CHI, earlier=summary)
    assert newer is not None and newer.on_hand == 10 - 4
    # a summed dose without an amount makes the stock unknown, as a single one does
    unknown = GivenSummary(at("2026-10-01T07:00"), cut, ((None, 1),))
    with pytest.raises(StockUnknown):
        stock_level(levetiracetam(ev(StockKind.COUNTED, "2026-10-01T07:00", 60)), [], NOW, CHI, earlier=unknown)
