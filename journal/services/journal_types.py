"""What the journal service's calls return and keep, shared by the Journal facade and its managers:
the settings, a write's `Outcome`, the reminder marks, and `jsonable` (how a record is written
into a revision). Re-exported by journal.services.journal, where callers import them from."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain import (
    Alert,
    Dose,
    Medication,
    Note,
    Observation,
    Patient,
    PumpEvent,
    Quantity,
    Regimen,
    Revision,
    StockEvent,
    SymptomEntry,
)

if TYPE_CHECKING:
    from journal.storage.repository import Tx



@dataclass
class Settings:
    timezone: str = "UTC"
    emergency_number: str = "911"
    reminder_lead_minutes: int = 15
    date_format: str = "%Y-%m-%d"
    time_format: str = "%H:%M"
    caregiver_name: str = ""
    temperature_unit: str = "C"  # "C" or "F": how temperatures are typed and shown (stored in C)
    weight_unit: str = "kg"  # "kg" or "lb" (stored in kg)
    decimal_separator: str = "."  # "." or ",": how decimals are shown (both are accepted when typed)
    language: str = ""  # "" follows the computer's language; else a code of domain.i18n.LANGUAGES


# Settings that, until a person saves them, follow the locale (and the zone for the number).
REGIONAL_SETTINGS = ("emergency_number", "temperature_unit", "weight_unit", "time_format", "date_format",
                     "decimal_separator")


@dataclass(frozen=True)
class ReminderMark:
    """A reminder the window has shown: the instant of its slot (aware) and whether it is settled
    (answered, handed over to an alert, or dismissed). Kept in the settings store, not in the
    journal's records: it says what the window told, not what happened."""

    at: datetime
    closed: bool = False


REMINDER_MARKS_KEY = "reminders_shown"


@dataclass(frozen=True)
class Outcome:
    """What a write changed (names of views to refresh), the alerts after it, and the new id."""

    changed: frozenset[str]
    alerts: list[Alert] = field(default_factory=list)
    record_id: int | None = None
    saved_copy: Path | None = None  # restore: where the journal as it was before was kept


# --- revisions as JSON ------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    if isinstance(value, Quantity):
        out: dict[str, Any] = {"value": value.value, "unit": value.unit.value}
        if value.per is not None:
            out["per"] = jsonable(value.per)
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: jsonable(getattr(value, f.name))
            for f in fields(value)
            if f.name not in ("regimens", "stock")
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


# One record of the journal, as `get_record` and `correct` name it by its entity.
Record = Patient | Medication | Regimen | Dose | SymptomEntry | Observation | PumpEvent | Note | StockEvent
ENTITIES = ("dose", "symptom", "observation", "pump_event", "note", "regimen", "patient", "medication", "stock_event")
CHANGED = {
    "dose": "doses", "symptom": "symptoms", "observation": "observations", "pump_event": "pump",
    "note": "notes", "regimen": "medications", "medication": "medications", "patient": "patients",
    "stock_event": "medications",
}
ALL_CHANGED = frozenset(
    {"doses", "symptoms", "observations", "pump", "notes", "medications", "patients", "alerts", "settings"}
)


def add_revision(
    tx: Tx, entity: str, entity_id: int, action: str, before: Any, after: Any, by: str, reason: str,
    patient_id: int | None, at: datetime,
) -> None:
    """Keep the earlier version of a record (`before`) beside the new one (`after`), both as
    `jsonable` dicts, inside the write's transaction `tx`; `action` is "correct", "remove" or
    "restore", `at` the instant of the change (aware)."""
    tx.add_revision(
        Revision(entity, entity_id, at, by, action, jsonable(before), jsonable(after), reason),
        patient_id,
    )
