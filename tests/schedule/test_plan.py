"""The plan (journal.schedule.plan): which dose answers which slot, what became of each slot, and
the doses that answer none. Today, the checks and the report all read these answers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    Medication,
    Patient,
    PatientHistory,
    Quantity,
    Regimen,
    Unit,
)
from journal.schedule import (
    DEFAULT_GRACE,
    DEFAULT_MATCH_WINDOW,
    Outcome,
    PlanTiming,
    Timing,
    journal_began,
    plan_medicine,
)
from journal.schedule.words import OUTCOME_WORDS, STATUS_WORDS, outcome_label, status_label

CHI = ZoneInfo("America/Chicago")


def med(*regimens: Regimen, mid: int = 1, as_needed: bool = False) -> Medication:
    return Medication("Baclofen 10 mg tablets", form=Form.TABLET, drug="baclofen", strength=Quantity(10, Unit.MG),
                      regimens=list(regimens), id=mid, as_needed=as_needed)


def reg(times: list[str], start: date = date(2026, 10, 1)) -> Regimen:
    return Regimen(start=start, dose=Quantity(10, Unit.MG), times=[time.fromisoformat(t) for t in times])


def at(day: int, h: int, m: int = 0) -> datetime:
    return datetime(2026, 10, day, h, m, tzinfo=CHI)


def given(when: datetime, slot: datetime | None = None, status: DoseStatus = DoseStatus.TAKEN, mid: int = 1,
          removed: bool = False) -> Dose:
    return Dose(mid, status, scheduled=slot, given=when if status.was_given else None, removed=removed)


def day_plan(m: Medication, doses: list[Dose], now: datetime, day: int = 5, timing: PlanTiming | None = None,
             counted_from: datetime | None = None):  # noqa: ANN201
    return plan_medicine(m, CHI, at(day, 0), at(day + 1, 0), doses, now, timing, counted_from)


def outcomes(p) -> dict[str, str]:  # noqa: ANN001
    return {st.at.astimezone(CHI).strftime("%H:%M"): st.outcome.value for st in p.slots}


def test_a_dose_that_names_its_slot_answers_it_with_its_timing() -> None:
    m = med(reg(["08:00", "14:00", "20:00"]))
    p = day_plan(m, [given(at(5, 9, 30), at(5, 8)), given(at(5, 13, 30), at(5, 14))], at(5, 23))
    assert outcomes(p) == {"08:00": "given", "14:00": "given", "20:00": "unlogged"}
    assert [st.timing for st in p.slots[:2]] == [Timing.LATE, Timing.ON_TIME]
    assert p.extra == []


def test_timing_boundary_is_one_hour_either_side() -> None:
    m = med(reg(["08:00", "20:00"]))
    p = day_plan(m, [given(at(5, 7, 0), at(5, 8)), given(at(5, 21, 1), at(5, 20))], at(5, 23))
    assert [st.timing for st in p.slots] == [Timing.ON_TIME, Timing.LATE]
    p = day_plan(m, [given(at(5, 6, 59), at(5, 8))], at(5, 23))
    assert p.slots[0].timing is Timing.EARLY


def test_a_loose_dose_answers_the_nearest_open_slot_within_the_window() -> None:
    m = med(reg(["08:00", "14:00", "20:00"]))
    p = day_plan(m, [given(at(5, 8, 5), at(5, 8)), given(at(5, 14, 40))], at(5, 23))
    assert outcomes(p)["14:00"] == "given" and p.extra == []


def test_the_window_is_narrowed_to_half_the_shortest_gap() -> None:
    # four doses 4 h apart: the window is 2 h, so 09:30 (2.5 h before 12:00, 08:00 already given) is extra
    m = med(reg(["08:00", "12:00", "16:00", "20:00"]))
    loose = given(at(5, 9, 30))
    p = day_plan(m, [given(at(5, 8, 2), at(5, 8)), loose], at(5, 23))
    assert outcomes(p)["12:00"] == "unlogged"
    assert p.extra == [loose]
    # 10:00 is 2 h before 12:00: inside the window, so it answers 12:00 (early)
    p = day_plan(m, [given(at(5, 8, 2), at(5, 8)), given(at(5, 10, 0))], at(5, 23))
    assert outcomes(p)["12:00"] == "given" and p.slot_at(at(5, 12)).timing is Timing.EARLY


def test_the_window_comes_from_the_profile_else_the_default() -> None:
    class Profile:
        def __init__(self, values: dict[str, float]) -> None:
            self.values = values

        def get(self, path: str) -> float | None:
            return self.values.get(path)

    assert PlanTiming.of(None) == PlanTiming(DEFAULT_MATCH_WINDOW, DEFAULT_GRACE)
    assert PlanTiming.of(Profile({})) == PlanTiming(timedelta(hours=3), timedelta(hours=2))
    t = PlanTiming.of(Profile({"timing.dose_match_window_hours": 1.5, "timing.missed_dose_grace_hours": 4}))
    assert t == PlanTiming(timedelta(hours=1.5), timedelta(hours=4))
    # once a day: nothing to narrow; a 1.5 h window leaves a dose 2 h late as an extra
    m = med(reg(["08:00"]))
    p = day_plan(m, [given(at(5, 10, 0))], at(5, 23), timing=t)
    assert outcomes(p) == {"08:00": "unlogged"} and len(p.extra) == 1


def test_unanswered_slots_are_due_then_overdue_then_nothing_logged_after_the_grace() -> None:
    m = med(reg(["08:00", "14:00", "20:00"]))
    p = day_plan(m, [], at(5, 15, 30))
    assert outcomes(p) == {"08:00": "unlogged", "14:00": "overdue", "20:00": "due"}
    # the boundary: exactly the grace after the slot is still overdue; a minute more is not
    assert outcomes(day_plan(m, [], at(5, 16, 0)))["14:00"] == "overdue"
    assert outcomes(day_plan(m, [], at(5, 16, 1)))["14:00"] == "unlogged"
    assert Outcome.DUE.pending and Outcome.OVERDUE.pending and not Outcome.UNLOGGED.pending


def test_recorded_statuses_become_outcomes() -> None:
    m = med(reg(["08:00", "12:00", "16:00", "20:00"]))
    doses = [given(at(5, 8), at(5, 8), DoseStatus.SKIPPED), given(at(5, 12), at(5, 12), DoseStatus.REFUSED),
             given(at(5, 16, 5), at(5, 16), DoseStatus.VOMITED), given(at(5, 20), at(5, 20), DoseStatus.MISSED)]
    p = day_plan(m, doses, at(5, 23))
    assert outcomes(p) == {"08:00": "skipped", "12:00": "refused", "16:00": "vomited", "20:00": "missed"}
    assert p.slots[2].given and not p.slots[2].taken


def test_a_slot_logged_twice_is_given_once_and_the_second_is_a_repeat() -> None:
    m = med(reg(["08:00", "20:00"]))
    a, b = given(at(5, 8, 1), at(5, 8)), given(at(5, 8, 30), at(5, 8))
    p = day_plan(m, [a, b], at(5, 23))
    st = p.slots[0]
    assert st.outcome is Outcome.GIVEN and st.answer is a and st.repeats == [b]


def test_a_refused_then_given_slot_is_given() -> None:
    m = med(reg(["08:00"]))
    p = day_plan(m, [given(at(5, 8), at(5, 8), DoseStatus.REFUSED), given(at(5, 8, 40), at(5, 8))], at(5, 23))
    assert p.slots[0].outcome is Outcome.GIVEN and p.slots[0].timing is Timing.ON_TIME


def test_a_late_bedtime_dose_after_midnight_belongs_to_its_day_in_every_span() -> None:
    m = med(reg(["08:00", "23:00"]))
    late = given(at(6, 0, 40))  # logged without the slot, 1 h 40 after 23:00
    doses = [given(at(5, 8), at(5, 8)), late, given(at(6, 8), at(6, 8))]
    first = day_plan(m, doses, at(6, 12), day=5)
    second = day_plan(m, doses, at(6, 12), day=6)
    assert outcomes(first) == {"08:00": "given", "23:00": "given"}
    assert first.slots[1].answer is late and first.slots[1].timing is Timing.LATE
    assert second.extra == []  # not an extra dose on the next day
    both = plan_medicine(m, CHI, at(5, 0), at(7, 0), doses, at(6, 12))
    assert [st.outcome for st in both.slots[:2]] == [st.outcome for st in first.slots]


def test_removed_and_other_medicines_doses_answer_nothing_and_later_doses_are_not_seen() -> None:
    m = med(reg(["08:00"]))
    doses = [given(at(5, 8), at(5, 8), removed=True), given(at(5, 8), mid=2)]
    assert outcomes(day_plan(m, doses, at(5, 23))) == {"08:00": "unlogged"}
    # as of 09:00, a dose given at 10:00 is not known yet
    assert outcomes(day_plan(m, [given(at(5, 10), at(5, 8))], at(5, 9))) == {"08:00": "overdue"}


def test_a_slot_marked_skipped_ahead_of_its_time_is_skipped() -> None:
    m = med(reg(["08:00", "20:00"]))
    p = day_plan(m, [given(at(5, 20), at(5, 20), DoseStatus.SKIPPED)], at(5, 15))
    assert outcomes(p) == {"08:00": "unlogged", "20:00": "skipped"}


def test_as_needed_medicines_have_no_slots_and_every_dose_is_extra() -> None:
    m = med(reg(["08:00"]), as_needed=True)
    p = day_plan(m, [given(at(5, 9))], at(5, 23))
    assert p.slots == [] and len(p.extra) == 1


def test_nothing_before_the_journal_began_is_counted() -> None:
    m = med(reg(["08:00", "20:00"], start=date(2025, 1, 1)))
    first = given(at(5, 20, 5), at(5, 20))
    h = PatientHistory(Patient("A"), CHI, at(1, 0), at(9, 0), [m], [first], first_entry=at(5, 20, 5),
                       first_dose={1: at(5, 20, 5)})
    began = journal_began(h, m)
    assert began == at(5, 20, 5)
    p = plan_medicine(m, CHI, at(1, 0), at(7, 0), [first], at(6, 23), counted_from=began)
    assert [st.at for st in p.slots] == [at(5, 20), at(6, 8), at(6, 20)]
    assert [st.outcome for st in p.slots] == [Outcome.GIVEN, Outcome.UNLOGGED, Outcome.UNLOGGED]


def test_a_medicine_never_logged_counts_from_when_the_journal_began() -> None:
    baclofen = med(reg(["08:00"], start=date(2025, 1, 1)))
    other = med(reg(["09:00"], start=date(2025, 1, 1)), mid=2)
    h = PatientHistory(Patient("A"), CHI, at(1, 0), at(9, 0), [baclofen, other], first_entry=at(3, 8),
                       first_dose={1: at(3, 8)})
    assert journal_began(h, other) == at(3, 8)


def test_a_medicine_started_after_the_journal_began_counts_from_its_first_planned_dose() -> None:
    new = med(reg(["08:00", "14:00"], start=date(2026, 10, 5)), mid=2)
    h = PatientHistory(Patient("A"), CHI, at(1, 0), at(9, 0), [new], first_entry=at(1, 8),
                       first_dose={2: at(5, 20)})
    assert journal_began(h, new) is None  # 08:00 and 14:00 of its first day are missed if not given
    assert journal_began(PatientHistory(Patient("A"), CHI, at(1, 0), at(9, 0), [new]), new) is None


def test_one_set_of_words_for_statuses_and_outcomes() -> None:
    assert set(STATUS_WORDS) == set(DoseStatus)
    assert set(OUTCOME_WORDS) == set(Outcome)
    assert outcome_label(Outcome.UNLOGGED) == "Nothing logged"
    assert status_label(DoseStatus.VOMITED) == "Given, then vomited"
    # a status and the outcome it leads to read the same
    assert OUTCOME_WORDS[Outcome.REFUSED] == STATUS_WORDS[DoseStatus.REFUSED]
