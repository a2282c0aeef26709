"""Which reference topic explains each check's alert (mirrors docs/contracts.md): one answer for the
checks (`rules.common.REFERENCE`) and the reference reader (`reference.RULE_TOPICS`)."""

from __future__ import annotations

RULE_TOPICS: dict[str, str] = {
    "missed-dose": "missed-doses",
    "double-dose": "missed-doses",
    "abrupt-stop": "withdrawal",
    "withdrawal-signs": "withdrawal",
    "fast-taper": "stopping-safely",
    "fast-titration": "dosing",
    "over-max-daily": "dosing",
    "over-max-dose": "dosing",
    "over-prescribed": "dosing",
    "red-flag-symptom": "when-to-call",
    "abnormal-vital": "when-to-call",
    "toxicity-signs": "overdose",
    "paradoxical-worsening": "worse-spasticity",
    "cns-depressant": "interactions",
    "renal-caution": "kidneys-and-age",
    "age-caution": "kidneys-and-age",
    "liquid-concentration": "forms",
    "pump-refill-due": "pump",
    "pump-refill-overdue": "pump",
    "pump-alarm": "pump-alarms",
    "as-needed-too-soon": "dosing",
    "as-needed-over-limit": "dosing",
    "stock-low": "missed-doses",
    "close-planned-doses": "dosing",
}
