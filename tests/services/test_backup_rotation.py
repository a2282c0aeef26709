"""Which automatic backups are kept: 7 daily + 4 weekly, tested with an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.storage.rotation import (
    AUTO,
    BEFORE_RESTORE,
    MANUAL,
    BackupFile,
    automatic_due,
    backup_name,
    list_backups,
    parse_backup_name,
    select_keep,
    select_prune,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def auto(at: datetime, kind: str = AUTO) -> BackupFile:
    return parse_backup_name(Path("/b") / backup_name("journal", kind, at))  # type: ignore[return-value]


def test_names_round_trip_and_other_files_are_ignored() -> None:
    at = datetime(2026, 11, 23, 8, 35, 1, tzinfo=UTC)
    name = backup_name("journal", AUTO, at)
    assert name == "journal-auto-20261123-083501.sqlite3"
    b = parse_backup_name(Path(name))
    assert b is not None and b.taken_at == at and b.kind == AUTO
    for other in ["journal.sqlite3", "notes.txt", "journal-auto-2026-1123.sqlite3",
                  "journal-auto-20261399-083501.sqlite3", "journal-daily-20261123-083501.sqlite3"]:
        assert parse_backup_name(Path(other)) is None
    # another journal's backups in the same folder are not ours
    assert parse_backup_name(Path("other-auto-20261123-083501.sqlite3"), stem="journal") is None
    assert len(list_backups([Path(name), Path("x.txt")], stem="journal")) == 1


def test_a_month_of_backups_every_six_hours_keeps_7_daily_and_4_weekly() -> None:
    backups = [auto(NOW - timedelta(hours=6 * i)) for i in range(4 * 60)]  # 60 days
    keep = select_keep(backups, NOW)
    assert len(keep) == 11
    days = sorted({b.taken_at.date() for b in keep}, reverse=True)
    # the newest of each of the last 7 days
    assert days[:7] == [(NOW - timedelta(days=i)).date() for i in range(7)]
    for d in days[:7]:
        same_day = [b for b in backups if b.taken_at.date() == d]
        assert max(same_day) in keep
    # then one per week, reaching back about a month more
    weekly = sorted(keep)[:4]
    weeks = {b.taken_at.isocalendar()[:2] for b in weekly}
    assert len(weeks) == 4
    assert min(b.taken_at for b in keep) < NOW - timedelta(days=28)
    assert min(b.taken_at for b in keep) > NOW - timedelta(days=7 + 5 * 7)
    # the newest backup is always kept
    assert max(backups) in keep


def test_fewer_backups_than_slots_are_all_kept() -> None:
    backups = [auto(NOW - timedelta(days=i)) for i in range(5)]
    assert select_keep(backups, NOW) == set(backups)
    assert select_prune(backups, NOW) == []


def test_days_with_gaps_count_days_that_have_a_backup() -> None:
    # used only every third day: 7 dailies reach back three weeks, not one
    backups = [auto(NOW - timedelta(days=3 * i)) for i in range(20)]
    keep = select_keep(backups, NOW)
    dailies = sorted(keep, reverse=True)[:7]
    assert dailies == sorted(backups, reverse=True)[:7]
    assert len(keep) == 11


def test_days_are_counted_in_the_journal_time_zone() -> None:
    chicago = ZoneInfo("America/Chicago")
    # 23:30 and 00:30 local on consecutive local days; 05:30 and 06:30 UTC on the same UTC day
    late = datetime(2026, 11, 20, 23, 30, tzinfo=chicago)
    early = late + timedelta(hours=1)
    backups = [auto(late), auto(early)]
    assert select_keep(backups, NOW, tz=chicago) == set(backups)
    # in UTC they fall on one day, only the newest of that day is kept among daily slots
    # (both still fit in the weekly ones, so use daily=1, weekly=0 to see the day rule)
    assert select_keep(backups, NOW, tz=UTC, daily=1, weekly=0) == {auto(early)}


def test_manual_backups_are_never_pruned_and_safety_copies_keep_the_newest_five() -> None:
    manual = [auto(NOW - timedelta(days=400 + i), MANUAL) for i in range(3)]
    safety = [auto(NOW - timedelta(days=i), BEFORE_RESTORE) for i in range(9)]
    keep = select_keep(manual + safety, NOW)
    assert set(manual) <= keep
    assert {b for b in keep if b.kind == BEFORE_RESTORE} == set(sorted(safety, reverse=True)[:5])


def test_a_backup_from_the_future_is_kept_and_does_not_push_real_ones_out() -> None:
    future = [auto(NOW + timedelta(days=300 + i)) for i in range(10)]
    real = [auto(NOW - timedelta(days=i)) for i in range(7)]
    keep = select_keep(future + real, NOW)
    assert set(real) <= keep
    assert set(future) <= keep


def test_same_second_copies_are_told_apart() -> None:
    at = NOW - timedelta(days=1)
    a = parse_backup_name(Path(backup_name("journal", AUTO, at)))
    b = parse_backup_name(Path(backup_name("journal", AUTO, at, n=1)))
    assert a is not None and b is not None and b > a
    assert select_keep([a, b], NOW) == {b}


def test_daily_backup_is_due_after_a_day_without_one() -> None:
    assert automatic_due([], NOW)
    b = [auto(NOW - timedelta(hours=23))]
    assert not automatic_due(b, NOW)
    assert automatic_due(b, NOW + timedelta(hours=1))
    # safety copies do not count as the daily backup
    assert automatic_due([auto(NOW - timedelta(hours=1), BEFORE_RESTORE)], NOW)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        select_keep([], datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        backup_name("journal", AUTO, datetime(2026, 1, 1))


# -- properties over random sets of backups ---------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KINDS_ST = st.sampled_from([AUTO, AUTO, AUTO, MANUAL, BEFORE_RESTORE, "before-migration"])
OFFSETS = st.integers(min_value=-3 * 24 * 60, max_value=400 * 24 * 60)  # minutes before NOW (<0: future)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(OFFSETS, KINDS_ST), max_size=80))
def test_rotation_invariants(items: list[tuple[int, str]]) -> None:
    backups = {auto(NOW - timedelta(minutes=m), kind) for m, kind in items}
    keep = select_keep(backups, NOW)
    assert keep <= backups
    past_autos = [b for b in backups if b.kind == AUTO and b.taken_at <= NOW]
    kept_autos = [b for b in keep if b.kind == AUTO and b.taken_at <= NOW]
    assert len(kept_autos) <= 11
    if past_autos:
        assert max(past_autos) in keep  # the newest automatic backup is never pruned
    assert {b for b in backups if b.kind == MANUAL} <= keep
    assert {b for b in backups if b.taken_at > NOW} <= keep
    for kind in (BEFORE_RESTORE, "before-migration"):
        group = sorted((b for b in backups if b.kind == kind and b.taken_at <= NOW), reverse=True)
        assert set(group[:5]) <= keep and not (set(group[5:]) & keep)
    # pruning is stable: running it again on what was kept prunes nothing more
    assert select_keep(keep, NOW) == keep
    # at most one automatic backup per day is kept
    days = [b.taken_at.date() for b in kept_autos]
    assert len(days) == len(set(days))
