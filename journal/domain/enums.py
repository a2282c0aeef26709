"""Closed vocabularies shared by every layer (values match the exchange format)."""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)


class Route(StrEnum):
    ORAL = "oral"
    INTRATHECAL = "intrathecal"
    OTHER = "other"


class Form(StrEnum):
    TABLET = "tablet"
    SOLUTION = "solution"
    SUSPENSION = "suspension"
    GRANULES = "granules"
    PUMP = "pump"
    OTHER = "other"

    @property
    def is_liquid(self) -> bool:
        return self in (Form.SOLUTION, Form.SUSPENSION)


class Unit(StrEnum):
    MG = "mg"
    MCG = "mcg"
    G = "g"  # grams: powders and granules (a 13.8 g macrogol sachet)
    ML = "mL"
    TABLET = "tablet"
    SACHET = "sachet"

    @property
    def is_mass(self) -> bool:
        return self in (Unit.MG, Unit.MCG, Unit.G)


class DoseStatus(StrEnum):
    TAKEN = "taken"
    SKIPPED = "skipped"
    REFUSED = "refused"
    VOMITED = "vomited"
    MISSED = "missed"

    @property
    def was_given(self) -> bool:
        """Vomited doses were given but may not have been absorbed; they count as given for
        overdose checks and as interrupted for withdrawal checks (see rules)."""
        return self in (DoseStatus.TAKEN, DoseStatus.VOMITED)


class StockKind(StrEnum):
    """A stock event (exchange format `stock[].kind`): `counted` is what is on hand at that moment;
    `received` and `discarded` add or take away."""

    COUNTED = "counted"
    RECEIVED = "received"
    DISCARDED = "discarded"


class RenalImpairment(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class Severity(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used to sort alerts and to detect escalation."""
        return {"emergency": 3, "urgent": 2, "warning": 1, "info": 0}[self.value]


class PumpEventKind(StrEnum):
    REFILL = "refill"
    ALARM = "alarm"
    CHECK = "check"
    DOSE_CHANGE = "dose-change"
    CATHETER_PROBLEM = "catheter-problem"


class ObservationKind(StrEnum):
    TEMPERATURE = "temperature"
    HEART_RATE = "heart-rate"
    RESPIRATORY_RATE = "respiratory-rate"
    BLOOD_PRESSURE = "blood-pressure"
    OXYGEN_SATURATION = "oxygen-saturation"
    PENN_SPASM_FREQUENCY = "penn-spasm-frequency"
    MODIFIED_ASHWORTH = "modified-ashworth"
    PAIN_NRS = "pain-nrs"
    WEIGHT = "weight"


ASHWORTH_GRADES = ("0", "1", "1+", "2", "3", "4")

# The symptom catalog codes the exchange format requires us to accept.
SYMPTOM_CODES: tuple[str, ...] = (
    "seizure", "breathing-difficulty", "unresponsive", "hallucinations", "confusion", "agitation",
    "extreme-drowsiness", "drowsiness", "dizziness", "fainting", "high-fever", "rigidity", "dystonia",
    "muscle-twitching", "tremor", "rebound-spasticity", "spasms", "itching", "tingling", "weakness",
    "nausea", "vomiting", "headache", "urinary-problems", "constipation", "insomnia", "mood-change",
    "pain", "other",
)
