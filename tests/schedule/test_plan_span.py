"""A plan made from slots expanded once (`plan_medicine(slots=SlotSpan)`, what the report's checks
do at every instant) is the plan made by expanding them: which dose answers which slot, each
slot's outcome and timing, and the extra doses, whatever the drug's matching window."""

from __future__ import annotations

from datetime import UTC, date, timedelta

from journal.domain import DoseStatus
from journal.schedule import PlanTiming, SlotSpan, plan_medicine
from tests.schedule.test_plan import CHI, at, given, med, reg


def _shape(p):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202
    return ([(st.slot, [id(d) for d in st.doses], st.outcome, st.timing) for st in p.slots],
            [id(d) for d in p.extra])


def test_a_plan_from_slots_expanded_once_is_the_plan_expanded_for_its_window() -> None:
    # Two schedules with different gaps (2 h: a window of 1 h; 12 h: the drug's window), then loose
    # doses at distances that fall inside one window and outside another.
    m = med(reg(["08:00", "10:00", "20:00"], start=date(2026, 10, 1)),
            reg(["08:00", "20:00"], start=date(2026, 10, 6)))
    doses = [given(at(d, 8, 0) + timedelta(minutes=k)) for d in (3, 4, 5, 6, 7, 8) for k in (50, 130)]
    doses += [given(at(4, 21, 40)), given(at(7, 18, 10)), given(at(8, 22, 35)), given(at(5, 10), at(5, 10)),
              given(at(6, 20), at(6, 20), DoseStatus.REFUSED), given(at(8, 8, 20), at(8, 8))]
    span = SlotSpan(m, CHI)
    for match_hours in (0.5, 1.5, 3.0, 0.5):  # the same span asked with wider matching windows, and again
        timing = PlanTiming(match_window=timedelta(hours=match_hours))
        for day in range(3, 9):
            start, end, now = at(day, 0), at(day + 1, 0), at(day + 1, 1)
            from_span = plan_medicine(m, CHI, start, end, doses, now, timing, slots=span)
            expanded = plan_medicine(m, CHI, start, end, doses, now, timing)
            assert _shape(from_span) == _shape(expanded)
            assert [st.slot.at_utc for st in from_span.slots] == [st.at.astimezone(UTC) for st in expanded.slots]
    # the windows differ, so the answers do: a dose 50 min after 08:00 is extra with a 30 min window
    late = doses[0]
    narrow = plan_medicine(m, CHI, at(3, 0), at(4, 0), doses, at(4, 1), PlanTiming(timedelta(minutes=30)), slots=span)
    wide = plan_medicine(m, CHI, at(3, 0), at(4, 0), doses, at(4, 1), PlanTiming(timedelta(hours=3)), slots=span)
    assert late in narrow.extra and late not in wide.extra
