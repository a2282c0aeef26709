"""Dataclasses and enums every layer shares. Knows nothing of Qt or SQL."""

from .clock import Clock, FixedClock, SystemClock
from .enums import (
    ASHWORTH_GRADES,
    SYMPTOM_CODES,
    DoseStatus,
    Form,
    ObservationKind,
    PumpEventKind,
    RenalImpairment,
    Route,
    Severity,
    StockKind,
    Unit,
)
from .history import GivenSummary, PatientHistory
from .models import (
    Acknowledgement,
    Alert,
    AsNeededLimits,
    Dose,
    Medication,
    Note,
    Observation,
    Patient,
    PumpEvent,
    Regimen,
    Revision,
    StockEvent,
    SymptomEntry,
    saved_id,
)
from .quantity import Quantity, QuantityError, normalise, parse_quantity, parse_unit

__all__ = [
    "ASHWORTH_GRADES", "SYMPTOM_CODES", "Acknowledgement", "Alert", "AsNeededLimits", "Clock", "Dose", "DoseStatus",
    "FixedClock", "Form", "GivenSummary", "Medication", "Note", "Observation", "ObservationKind", "Patient",
    "PatientHistory", "PumpEvent", "PumpEventKind", "Quantity", "QuantityError", "Regimen",
    "RenalImpairment", "Revision", "Route", "Severity", "StockEvent", "StockKind", "SymptomEntry", "SystemClock", "Unit",
    "normalise", "parse_quantity", "parse_unit", "saved_id",
]
