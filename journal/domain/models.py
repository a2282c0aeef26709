"""The journal's records as plain dataclasses (no Qt, no SQL).

Every datetime here is timezone-aware. `id` is the journal's own key (None until stored).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from .enums import (
    DoseStatus,
    Form,
    ObservationKind,
    PumpEventKind,
    RenalImpairment,
    Route,
    Severity,
    StockKind,
)
from .quantity import Quantity


def saved_id(record_id: int | None) -> int:
    """The id of a record read back from the journal, where it is always set (the dataclasses
    allow None only for a record not yet saved). Raises ValueError for such an unsaved record:
    a mistake in the calling code, never bad input."""
    if record_id is None:
        raise ValueError("the record has not been saved in the journal yet")
    return record_id


@dataclass
class Patient:
    name: str
    birth_date: date | None = None
    renal_impairment: RenalImpairment = RenalImpairment.NONE
    conditions: list[str] = field(default_factory=list)
    notes: str = ""
    # Not part of exchange format v1; kept in the journal only (profile screen).
    contacts: str = ""
    id: int | None = None

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


@dataclass
class Regimen:
    start: date
    dose: Quantity
    end: date | None = None
    times: list[time] = field(default_factory=list)
    every_days: int = 1
    prescribed_by: str = ""
    reason: str = ""
    id: int | None = None
    medication_id: int | None = None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class AsNeededLimits:
    """As prescribed for an as-needed (PRN) medication (exchange format `as_needed_limits`).

    Any field may be None (not prescribed). `max_amount_per_day` is a Quantity in any unit the
    medication's doses can be converted to."""

    max_doses_per_day: int | None = None
    min_interval_hours: float | None = None
    max_amount_per_day: Quantity | None = None

    @property
    def empty(self) -> bool:
        return self.max_doses_per_day is None and self.min_interval_hours is None and self.max_amount_per_day is None


@dataclass
class StockEvent:
    """One stock event of a medication (exchange format `stock[]`). Doses given after the last
    `counted` event are taken off by the journal; they are never stored as stock events."""

    at: datetime
    kind: StockKind
    amount: Quantity
    note: str = ""
    id: int | None = None
    medication_id: int | None = None
    removed: bool = False
    by: str = ""  # who recorded it (the caregiver, or the person a shared journal's role writes as)


@dataclass
class Medication:
    name: str
    route: Route = Route.ORAL
    form: Form = Form.TABLET
    drug: str | None = None
    strength: Quantity | None = None
    as_needed: bool = False
    regimens: list[Regimen] = field(default_factory=list)  # oldest first
    # The prescriber's ceiling for one day's total (exchange format `max_daily`), where it differs
    # from the drug's usual maximum. Stored as entered (mg, mcg, tablet, mL, ...).
    max_daily: Quantity | None = None
    as_needed_limits: AsNeededLimits | None = None  # only meaningful when as_needed
    stock: list[StockEvent] = field(default_factory=list)  # oldest first
    id: int | None = None
    patient_id: int | None = None

    @property
    def prescribed_max_daily_mg(self) -> float | None:
        """`max_daily` in mg (converted with the strength), or None when unset or not convertible."""
        if self.max_daily is None:
            return None
        from .quantity import QuantityError, normalise
        try:
            return normalise(self.max_daily, self.strength).to_mg()
        except QuantityError:
            return None

    def regimen_on(self, day: date) -> Regimen | None:
        """The regimen in force on a day (the latest-starting one if periods overlap)."""
        found = None
        for r in self.regimens:
            if r.active_on(day) and (found is None or r.start >= found.start):
                found = r
        return found


@dataclass
class Dose:
    medication_id: int
    status: DoseStatus
    scheduled: datetime | None = None
    given: datetime | None = None
    amount: Quantity | None = None  # as entered
    amount_normalised: Quantity | None = None  # mg or mcg
    by: str = ""
    note: str = ""
    id: int | None = None
    patient_id: int | None = None
    removed: bool = False

    @property
    def at(self) -> datetime:
        """The moment this entry is about: when given, else the slot it answers."""
        t = self.given or self.scheduled
        assert t is not None, "a dose has a given or a scheduled time"
        return t


@dataclass
class SymptomEntry:
    at: datetime
    symptom: str
    severity: int | None = None
    duration_minutes: int | None = None
    note: str = ""
    id: int | None = None
    patient_id: int | None = None
    removed: bool = False
    by: str = ""  # who recorded it (the caregiver, or the person a shared journal's role writes as)


@dataclass
class Observation:
    at: datetime
    kind: ObservationKind
    value: float | str
    value2: float | None = None
    body_part: str = ""
    note: str = ""
    id: int | None = None
    patient_id: int | None = None
    removed: bool = False
    by: str = ""  # who recorded it (the caregiver, or the person a shared journal's role writes as)


@dataclass
class PumpEvent:
    at: datetime
    kind: PumpEventKind
    volume_ml: float | None = None
    concentration_mcg_per_ml: float | None = None
    daily_dose_mcg: float | None = None
    reservoir_ml: float | None = None
    low_alarm_ml: float | None = None
    next_refill_due: date | None = None
    note: str = ""
    id: int | None = None
    patient_id: int | None = None
    removed: bool = False
    by: str = ""  # who recorded it (the caregiver, or the person a shared journal's role writes as)


@dataclass
class Note:
    at: datetime
    text: str
    # Journal-only: a question to bring to the doctor (own section in the report).
    for_doctor: bool = False
    id: int | None = None
    patient_id: int | None = None
    removed: bool = False
    by: str = ""  # who recorded it (the caregiver, or the person a shared journal's role writes as)


@dataclass
class Revision:
    """An earlier version of a record, kept when it was corrected or removed."""

    entity: str  # "dose", "symptom", "observation", "pump_event", "note", "regimen", ...
    entity_id: int
    changed_at: datetime
    changed_by: str
    action: str  # "correct", "remove", "restore"
    before: dict[str, object]
    after: dict[str, object]
    reason: str = ""
    id: int | None = None


@dataclass
class Alert:
    rule: str
    severity: Severity
    patient: str
    since: datetime
    title: str
    message: str
    advice: str
    evidence: list[str]
    reference: str
    medication: str | None = None
    patient_id: int | None = None
    medication_id: int | None = None

    @property
    def key(self) -> str:
        """Identifies 'the same situation' across runs, for acknowledgement."""
        return f"{self.rule}|{self.patient_id or self.patient}|{self.medication_id or self.medication or ''}|{self.since.isoformat()}"


@dataclass
class Acknowledgement:
    alert_key: str
    rule: str
    severity: Severity
    at: datetime
    note: str = ""
    by: str = ""
    # What the caregiver saw when acknowledging; a later, worse picture brings the alert back.
    evidence: list[str] = field(default_factory=list)
    patient_id: int | None = None
    id: int | None = None
