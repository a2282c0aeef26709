"""The export's fast paths write exactly what the generic ones write (issue 17: 50 people and ten
years within 15 s): each stored time shown as `astimezone(tz).isoformat()` shows it (both DST
changes, offsets of half and quarter hours, a change at half past the hour, a journal that moved),
and each dose line as the generic JSON encoder writes its record (quotes, backslashes, control
characters, unicode; a lone surrogate is kept in the text exactly as the encoder keeps it, and
writing it as UTF-8 is refused the same way)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain import Unit
from journal.domain.zones import ZonePeriod, journal_zone
from journal.services.exchange import _dose_doc, _DoseLines, _encode, _stamp, _StoredStamp
from journal.storage.models import to_db_text

ZONES: list[tzinfo] = [
    ZoneInfo("America/Chicago"),
    ZoneInfo("Asia/Kolkata"),  # +05:30
    ZoneInfo("Asia/Kathmandu"),  # +05:45
    ZoneInfo("America/St_Johns"),  # -03:30 / -02:30
    ZoneInfo("Australia/Lord_Howe"),  # +10:30 / +11, changing at half past a UTC hour
    ZoneInfo("UTC"),
    journal_zone([ZonePeriod(date(2020, 1, 1), "America/Chicago")]),
    journal_zone([ZonePeriod(date(2020, 1, 1), "America/Chicago"), ZonePeriod(date(2026, 11, 26), "Europe/London")]),
    journal_zone([ZonePeriod(date(2020, 1, 1), "Asia/Kolkata"), ZonePeriod(date(2024, 6, 10), "America/Chicago"),
                  ZonePeriod(date(2025, 3, 2), "Australia/Lord_Howe")]),
]

instants = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC))
whole_minutes = instants.map(lambda d: d.replace(second=0, microsecond=0))


@settings(max_examples=400, deadline=None)
@given(at=st.one_of(instants, whole_minutes), zone=st.sampled_from(ZONES))
def test_a_stored_time_is_shown_as_astimezone_shows_it(at: datetime, zone: tzinfo) -> None:
    stamp = _StoredStamp(zone)
    text = to_db_text(at)
    for _ in range(2):  # learnt, then remembered
        assert stamp(text) == _stamp(at, zone) == at.astimezone(zone).isoformat()
        assert stamp.json(text) == json.dumps(_stamp(at, zone))


@pytest.mark.parametrize("zone", ZONES, ids=repr)
@pytest.mark.parametrize("around", [datetime(2026, 3, 8, 8, tzinfo=UTC), datetime(2026, 11, 1, 7, tzinfo=UTC),
                                    datetime(2026, 10, 3, 15, 30, tzinfo=UTC), datetime(2026, 4, 4, 15, tzinfo=UTC),
                                    datetime(2026, 11, 26, 6, tzinfo=UTC), datetime(2024, 6, 9, 18, 30, tzinfo=UTC),
                                    datetime(2025, 3, 1, 13, 30, tzinfo=UTC)])
def test_every_minute_around_each_change_is_shown_as_astimezone_shows_it(zone: tzinfo, around: datetime) -> None:
    stamp = _StoredStamp(zone)
    for k in range(-150, 150):
        at = around + timedelta(minutes=k, microseconds=(k % 3) * 250_000)
        assert stamp(to_db_text(at)) == at.astimezone(zone).isoformat(), at


def test_none_and_texts_not_as_stored_go_the_generic_way() -> None:
    stamp = _StoredStamp(ZONES[0])
    assert stamp(None) is None and stamp.json(None) == "null"
    assert stamp("2026-03-08 08:30:00") == "2026-03-08T03:30:00-05:00"  # no fraction: read as a datetime
    with pytest.raises(ValueError):
        stamp("2026-13-08 08:30:00.000000")  # refused as the generic path refuses it


awkward = st.text(alphabet=st.characters(codec=None, categories=None, exclude_characters="")
                  | st.sampled_from(['"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "\u2028", "é", "💊", "\ud800", "\udfff"]),
                  max_size=12)
REFS = {7: "m1", 8: 'm"2', 9: "m3\u00e9"}


@settings(max_examples=400, deadline=None)
@given(mid=st.sampled_from(sorted(REFS)), scheduled=st.one_of(st.none(), instants), given_at=st.one_of(st.none(), instants),
       value=st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-10**6, 10**6).map(float),
                       st.sampled_from([0.0, -0.0, 0.5, 1e16, 2.0**53, 1e-7])),
       unit=st.one_of(st.none(), st.sampled_from([u.value for u in Unit])),
       status=st.one_of(st.sampled_from(["given", "skipped", "missed", "refused", "vomited"]), awkward),
       by=st.one_of(st.none(), awkward), note=st.one_of(st.none(), awkward), zone=st.sampled_from(ZONES))
def test_a_dose_line_is_the_generic_encoding_of_its_record(mid: int, scheduled: datetime | None, given_at: datetime | None,
                                                          value: float | None, unit: str | None, status: str,
                                                          by: str | None, note: str | None, zone: tzinfo) -> None:
    stamp = _StoredStamp(zone)
    row = (mid, None if scheduled is None else to_db_text(scheduled), None if given_at is None else to_db_text(given_at),
           value, unit, status, by, note)
    lines = _DoseLines(REFS, stamp)
    try:
        expected = _encode(_dose_doc(row, REFS[mid], stamp))
    except Exception as e:  # an amount the generic way refuses is refused the same way
        with pytest.raises(type(e)):
            lines(row)
        return
    assert lines(row) == expected
    assert lines(row) == expected  # from the remembered parts too
    surrogate = any("\ud800" <= c <= "\udfff" for c in expected)
    if surrogate:
        with pytest.raises(UnicodeEncodeError):
            lines(row).encode("utf-8")
    else:
        assert json.loads(lines(row)) == json.loads(expected)
