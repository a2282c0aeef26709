"""A bounded slice of one person's journal, the input of the safety checks and views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from .models import Dose, Medication, Note, Observation, Patient, PumpEvent, SymptomEntry


@dataclass
class PatientHistory:
    """Everything recorded for one person between `start` and `end` (removed entries excluded),
    plus all of their medications with their full regimen history (small, and needed to see
    schedule changes). Pump events include the latest refill and alarm before `start` too."""

    patient: Patient
    tz: ZoneInfo
    start: datetime
    end: datetime
    medications: list[Medication] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)  # sorted by .at
    symptoms: list[SymptomEntry] = field(default_factory=list)  # sorted by .at
    observations: list[Observation] = field(default_factory=list)  # sorted by .at
    pump_events: list[PumpEvent] = field(default_factory=list)  # sorted by .at
    notes: list[Note] = field(default_factory=list)  # sorted by .at
    # The last given dose per medication id, even if it is before `start` (for long gaps).
    last_given: dict[int, Dose] = field(default_factory=dict)
    # When the journal began for this person: their first entry of any kind (dose, symptom,
    # reading, pump event, note), even if before `start`; None when nothing is logged at all.
    first_entry: datetime | None = None
    # The first dose record (any status) of each medication id, even if before `start`.
    first_dose: dict[int, datetime] = field(default_factory=dict)

    def medication(self, medication_id: int) -> Medication | None:
        for m in self.medications:
            if m.id == medication_id:
                return m
        return None

    def doses_of(self, medication_id: int) -> list[Dose]:
        return [d for d in self.doses if d.medication_id == medication_id]
