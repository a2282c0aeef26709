"""`SlotSpan.window` gives what `expand` gives for the same window, whatever windows were asked
before: the first one as asked (one check's few days), then windows moving forwards, backwards,
nested or far away (the report's instants), across both DST changes, with schedules that change
and every-N-days schedules. The span's growth (issue 17: a check expanded 136 days for a few) must
never change which slots a window holds."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.schedule import SlotSpan, expand
from tests.schedule.test_plan import CHI, med, reg

BASE = datetime(2026, 1, 1, tzinfo=CHI)  # the year holds both of Chicago's DST changes (Mar 8, Nov 1)


def medicine():  # noqa: ANN201
    every_other = replace(reg(["09:00", "21:00"], start=date(2026, 4, 1)), every_days=2)
    return med(reg(["02:30", "08:00", "14:00", "20:00"], start=date(2025, 12, 1)),  # 02:30: in the spring gap
               every_other,
               reg(["01:30", "13:00"], start=date(2026, 10, 20)))  # 01:30: twice on the autumn night


# (start, length) in minutes over the year: any minute, windows from empty to 40 days
windows = st.lists(st.tuples(st.integers(0, 365 * 24 * 60), st.integers(0, 40 * 24 * 60)), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(windows)
def test_any_sequence_of_windows_gives_what_expanding_each_gives(asked: list[tuple[int, int]]) -> None:
    m = medicine()
    span = SlotSpan(m, CHI)
    for start_min, length_min in asked:
        start = BASE + timedelta(minutes=start_min)
        end = start + timedelta(minutes=length_min)
        slots, keys = span.window(start, end)
        want = expand(m, CHI, start, end)
        assert [(s.at, s.wall_time, s.regimen) for s in slots] == [(s.at, s.wall_time, s.regimen) for s in want]
        assert keys == [s.at.astimezone(UTC) for s in want]


def test_one_check_expands_only_the_days_it_asks() -> None:
    m = medicine()
    span = SlotSpan(m, CHI)
    now = datetime(2026, 6, 10, 12, tzinfo=CHI)
    span.window(now - timedelta(days=8), now)
    assert span._hi - span._lo == timedelta(days=8)  # noqa: SLF001 - what was expanded is the point
    span.window(now - timedelta(days=7), now + timedelta(days=1))  # a day on: grows by what it holds
    assert span._hi - now == timedelta(days=9)  # noqa: SLF001 - (it grew by 64 days either side)
    # a window moving day by day grows the span by as much as it holds, up to GROW: a few expansions
    for day in range(1, 120):
        span.window(now - timedelta(days=8) + timedelta(days=day), now + timedelta(days=day))
    assert span._hi - now <= timedelta(days=119) + SlotSpan.GROW  # noqa: SLF001


def test_a_window_at_the_spring_gap_and_the_autumn_repeat() -> None:
    m = medicine()
    span = SlotSpan(m, CHI)
    span.window(datetime(2026, 3, 9, tzinfo=CHI), datetime(2026, 3, 10, tzinfo=CHI))  # after the gap first
    spring = span.window(datetime(2026, 3, 8, tzinfo=CHI), datetime(2026, 3, 9, tzinfo=CHI))[0]
    assert [s.at for s in spring] == [s.at for s in expand(m, CHI, datetime(2026, 3, 8, tzinfo=CHI),
                                                          datetime(2026, 3, 9, tzinfo=CHI))]
    assert time(2, 30) in [s.wall_time for s in spring]  # the 02:30 dose is kept, moved by the gap
    autumn = span.window(datetime(2026, 11, 1, tzinfo=CHI), datetime(2026, 11, 2, tzinfo=CHI))[0]
    assert [s.at for s in autumn] == [s.at for s in expand(m, CHI, datetime(2026, 11, 1, tzinfo=CHI),
                                                          datetime(2026, 11, 2, tzinfo=CHI))]
