"""The report's longest gaps between given doses (issue 17: made without a Gap per pair of a year's
doses): the three longest, longest first, equal ones in time order, the gap still open at the end
of the period among them."""

from __future__ import annotations

import pytest

from journal.reports.data import _gaps
from tests.rules.support import at, baclofen, history, reg, taken


def test_three_longest_gaps_longest_first_and_equal_ones_in_time_order() -> None:
    m = baclofen(reg("2026-09-01", ["08:00", "16:00"], mg=10))
    start = at("2026-10-10T00:00")
    cutoff = at("2026-10-12T23:00")
    given = ["2026-10-10T08:00", "2026-10-10T16:00", "2026-10-11T00:00", "2026-10-11T10:00",  # 8, 8, 10 h
             "2026-10-11T18:00", "2026-10-12T02:00"]  # 8, 8 h; open until 23:00: 21 h
    doses = [taken(m, at(t), mg=10, scheduled=False) for t in given]
    h = history(cutoff, [m], doses=doses)
    gaps, expected = _gaps(h, m, doses, start, cutoff)
    assert [(g.start, g.hours, g.open) for g in gaps] == [
        (at("2026-10-12T02:00"), pytest.approx(21.0), True),
        (at("2026-10-11T00:00"), pytest.approx(10.0), False),
        (at("2026-10-10T08:00"), pytest.approx(8.0), False),  # the first of the four 8-hour gaps
    ]
    assert expected == pytest.approx(16.0)
