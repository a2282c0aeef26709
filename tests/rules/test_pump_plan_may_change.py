"""`CheckContext.plan_may_change` for a pump (issue 17): its planned amount follows the regimens and
its logged settings, so the shortcut says "no change" only on days where the amount really is the
day before's. Checked against the amounts themselves, day by day, for every window of 1 to 5 days,
with settings logged at a day's first instant, its last microsecond, inside both DST changes, and
a regimen change."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from journal.domain import PumpEvent, PumpEventKind, Quantity, Regimen, Unit
from journal.knowledge import default_library
from journal.rules.common import CheckContext
from tests.rules.support import CHI, history, pump_med


def _setting(at: datetime, mcg: float) -> PumpEvent:
    return PumpEvent(at=at, kind=PumpEventKind.DOSE_CHANGE, daily_dose_mcg=mcg)


def test_no_change_said_only_where_the_amount_is_the_day_befores() -> None:
    m = pump_med(daily_mcg=400, start="2026-01-01")
    m.regimens.append(Regimen(start=date(2026, 6, 1), dose=Quantity(300, Unit.MCG), times=[]))
    m.regimens[0].end = date(2026, 5, 31)
    events = [
        _setting(datetime(2026, 3, 8, 0, 0, tzinfo=CHI), 350),  # the spring-forward day's first instant
        _setting(datetime(2026, 3, 8, 3, 30, tzinfo=CHI), 360),  # just after the gap
        _setting(datetime(2026, 4, 20, 23, 59, 59, 999999, tzinfo=CHI), 200),  # the day's last microsecond
        _setting(datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=CHI), 250),  # the repeated hour, second time
    ]
    now = datetime(2026, 11, 20, 8, 0, tzinfo=CHI)
    h = history(now, [m], pump=events)
    ctx = CheckContext(h, now, default_library())
    quiet = changed = 0
    for first_day in (date(2026, 3, 1), date(2026, 4, 14), date(2026, 5, 25), date(2026, 10, 26)):
        days = [first_day + timedelta(days=k) for k in range(14)]
        for first in days:
            for n in range(1, 6):
                last = first + timedelta(days=n - 1)
                moves = any(abs(ctx.planned_daily_mg(m, d) - ctx.planned_daily_mg(m, d - timedelta(days=1))) > 1e-12
                            for d in (first + timedelta(days=k) for k in range(n)))
                said = ctx.plan_may_change(m, first, last)
                assert said == moves, (first, last)
                quiet += not said
                changed += said
    assert quiet and changed  # both answers were asked
    assert ctx.plan_may_change(m, date(2026, 4, 20), date(2026, 4, 20))  # the last microsecond is that day's
    assert not ctx.plan_may_change(m, date(2026, 4, 21), date(2026, 4, 25))
