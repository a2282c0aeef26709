"""The sample journal (`--demo`, "Explore a sample journal") looks the same whenever it is opened:
it is moved in time so its last entries are always yesterday evening, not weeks ago (which would
bury the sample under missed-dose and abrupt-stop alerts that mean nothing)."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock
from journal.services.journal import SAMPLE_DAY, SAMPLE_JOURNAL, open_demo, shift_sample

TZ = ZoneInfo("America/Chicago")


def _alerts(when: datetime) -> tuple[list[tuple[str, str, str]], list[datetime]]:
    j = open_demo(FixedClock(when))
    try:
        alerts = sorted((a.rule, a.severity.value, a.patient) for a in j.check(now=when, patient_id=None))
        given = []
        for p in j.list_patients():
            h = j.history(p.id or 0, when - timedelta(days=60), when + timedelta(days=60))
            given += [d.given for d in h.doses if d.given is not None]
        return alerts, given
    finally:
        j.close()


@pytest.mark.parametrize("later", [timedelta(days=0), timedelta(days=9), timedelta(days=200), timedelta(days=800)])
def test_the_sample_raises_the_same_alerts_whenever_it_is_opened(later: timedelta) -> None:
    seen_on_the_day, _ = _alerts(datetime.combine(SAMPLE_DAY, time(14, 40), TZ))
    when = datetime.combine(SAMPLE_DAY + later, time(14, 40), TZ)
    alerts, given = _alerts(when)
    assert alerts == seen_on_the_day
    assert not any(rule in ("abrupt-stop", "fast-taper") and sev in ("urgent", "emergency")
                   for rule, sev, _who in alerts)
    # the last dose given is yesterday evening, and nothing is dated in the future
    assert max(given).astimezone(TZ).date() == when.date() - timedelta(days=1)
    assert max(given) <= when


def test_shifting_keeps_the_wall_clock_time_across_daylight_saving() -> None:
    doc = json.loads(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    untouched = json.dumps(doc)
    moved = shift_sample(doc, 200)  # from November (CST) into June (CDT)
    first = doc["patients"][0]["doses"][-1]
    after = moved["patients"][0]["doses"][-1]
    before_at = datetime.fromisoformat(first["given"]).astimezone(TZ)
    after_at = datetime.fromisoformat(after["given"]).astimezone(TZ)
    assert after_at.time() == before_at.time()
    assert (after_at.date() - before_at.date()).days == 200
    assert after["given"].endswith("-05:00") and first["given"].endswith("-06:00")
    # birth dates are not moved (ages stay as written); the original document is left alone
    assert moved["patients"][0]["birth_date"] == doc["patients"][0]["birth_date"]
    assert json.dumps(doc) == untouched and shift_sample(doc, 0) is doc
