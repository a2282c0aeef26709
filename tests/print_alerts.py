"""Prints every alert the test journals produce (the scenarios of test_rules_review.every_rule_scenarios
plus the sign scenarios of issue 14), for a person to read the words: head against body, pronouns,
causes, offsets. Run from the checkout: `python tests/print_alerts.py`."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from journal.domain import ObservationKind, Patient, PatientHistory, RenalImpairment  # noqa: E402
from tests.rules.support import CHI, adherent, at, baclofen, check, history, obs, reg, steady, symptom  # noqa: E402
from tests.rules.test_safety_scenarios import every_rule_scenarios  # noqa: E402


def sign_scenarios() -> list[tuple[str, PatientHistory]]:
    now = at("2026-10-20T15:00")
    m, doses = steady(now)
    gap_m, gap_doses = steady(now, until=at("2026-10-19T20:01"))
    risen = baclofen(reg("2026-09-01", mg=10, end="2026-10-18"), reg("2026-10-19", mg=15))
    risen_doses = adherent(risen, CHI, now - timedelta(days=9), now)
    hot = obs(ObservationKind.TEMPERATURE, at("2026-10-20T14:00"), 39.5)
    return [
        ("measured fever + rigidity", history(now, [m], doses=doses, observations=[hot],
                                              symptoms=[symptom("rigidity", at("2026-10-20T14:10"))])),
        ("felt fever + rigidity", history(now, [m], doses=doses, symptoms=[
            symptom("high-fever", at("2026-10-20T14:00"), None), symptom("rigidity", at("2026-10-20T14:10"))])),
        ("measured fever after a gap", history(now, [gap_m], doses=gap_doses, observations=[hot])),
        ("new twitching", history(now, [m], doses=doses, symptoms=[symptom("muscle-twitching", at("2026-10-20T14:00"), 2)])),
        ("weak kidneys + confusion", history(now, [m], doses=doses,
                                             patient=Patient("Robin Shaw", renal_impairment=RenalImpairment.SEVERE, id=1),
                                             symptoms=[symptom("confusion", at("2026-10-20T14:00"))])),
        ("low oxygen after a rise", history(now, [risen], doses=risen_doses, observations=[
            obs(ObservationKind.OXYGEN_SATURATION, at("2026-10-20T14:00"), 88)])),
        ("a fall", history(now, [m], doses=doses, symptoms=[symptom("fall", at("2026-10-20T14:00"), None)])),
    ]


def main() -> None:
    now, scenarios = every_rule_scenarios()
    named = [(f"review scenario {i + 1}", h) for i, h in enumerate(scenarios)] + sign_scenarios()
    for name, h in named:
        print(f"=== {name}")
        for a in check(h, now, emergency_number="112"):
            print(f"[{a.severity.value}] {a.rule} ({a.reference})\n  TITLE   {a.title}\n  MESSAGE {a.message}\n"
                  f"  ADVICE  {a.advice}")
            for e in a.evidence:
                print(f"    - {e}")


if __name__ == "__main__":
    main()
