"""Pump urgency and words that agree (issue 14): with an intrathecal pump, early withdrawal signs
after a pump problem mean "call the pump clinic now; if you cannot reach them quickly, call the
emergency number", and no urgent head says "today" next to a body that says "now"."""

from __future__ import annotations

from datetime import date

from journal.domain import PumpEvent, PumpEventKind, Severity
from tests.rules.support import at, check, history, only, pump_med, symptom


def test_early_signs_after_a_pump_alarm_say_call_the_pump_clinic_now() -> None:
    now = at("2026-10-20T15:00")
    alarm = PumpEvent(at("2026-10-20T09:00"), PumpEventKind.ALARM, note="two-tone")
    h = history(now, [pump_med()], pump=[alarm], symptoms=[symptom("itching", at("2026-10-20T13:00"))])
    alerts = check(h, now, emergency_number="112")
    w = only(alerts, "withdrawal-signs")
    assert w.severity is Severity.URGENT
    assert w.advice.startswith("Call the pump clinic now; if you cannot reach them quickly, call 112.")
    assert "today" not in w.advice.lower()
    a = only(alerts, "pump-alarm")
    assert a.advice.startswith("Call the pump clinic now; if you cannot reach them quickly, call 112.")
    assert "today" not in a.advice.lower()


def test_early_signs_after_missed_tablets_still_say_today() -> None:
    """Not a pump: the urgent head stays "call the doctor or clinic today"."""
    from tests.rules.support import steady

    now = at("2026-10-20T15:00")
    m, doses = steady(now, until=at("2026-10-19T20:01"))
    h = history(now, [m], doses=doses, symptoms=[symptom("itching", at("2026-10-20T14:00"))])
    w = only(check(h, now), "withdrawal-signs")
    assert w.severity is Severity.URGENT and w.advice.startswith("Call the doctor or clinic today.")


def test_the_reference_pages_that_list_the_signs_say_pump_clinic_now() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "resources" / "reference"
    for page in ("withdrawal", "when-to-call", "pump", "worse-spasticity"):
        text = (root / f"{page}.md").read_text(encoding="utf-8")
        assert "pump clinic now" in text and "{emergency_number}" in text, page


def test_a_pump_alarm_answered_by_a_check_is_quiet() -> None:
    now = at("2026-10-20T15:00")
    alarm = PumpEvent(at("2026-10-20T09:00"), PumpEventKind.ALARM)
    seen = PumpEvent(at("2026-10-20T11:00"), PumpEventKind.CHECK, next_refill_due=date(2026, 12, 1))
    alerts = check(history(now, [pump_med()], pump=[alarm, seen]), now)
    assert "pump-alarm" not in {a.rule for a in alerts}
