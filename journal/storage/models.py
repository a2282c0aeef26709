"""SQLAlchemy 2 typed tables of one journal file.

Every datetime is stored in UTC (see `UTCDateTime`); amounts keep the value and unit as entered
next to the amount in mg or mcg. Nothing is ever deleted: corrected or removed records keep their
earlier versions in `revisions`, and removal is a flag.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# "CJRN": written to PRAGMA application_id so a journal file can be recognised.
APPLICATION_ID = 0x434A524E
APP_NAME = "carejournal"

class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as fixed-width UTC text that sorts."""

    impl = String(26)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        return to_db_text(value)

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return from_db_text(value)


def from_db_text(value: str | None) -> datetime | None:
    """The aware UTC datetime of a stored text (None stays None). The stored text has no offset;
    "+00:00" is added to it rather than `replace(tzinfo=UTC)` afterwards: one call, and several
    times faster (every time read by the checks comes through here: issue 17)."""
    if value is None:
        return None
    if len(value) == 26:  # what to_db_text writes
        return datetime.fromisoformat(value + "+00:00")
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def to_db_text(value: datetime) -> str:
    """The stored text of an aware datetime (for bulk inserts that skip the type machinery)."""
    if value.tzinfo is None:
        raise ValueError(f"refusing to store a datetime without a time zone: {value!r}")
    # Same text as strftime("%Y-%m-%d %H:%M:%S.%f"), several times faster.
    return value.astimezone(UTC).isoformat(sep=" ", timespec="microseconds")[:26]


SLOT_CLAIMED = "slot_claim AND NOT removed"


class Base(DeclarativeBase):
    pass


class ColumnTooLong(ValueError):
    """A text longer than its column holds. PostgreSQL refuses it and SQLite would keep it, so
    both engines refuse it here, before the write. `field` is the column's name."""

    def __init__(self, field: str, limit: int, length: int) -> None:
        super().__init__(f"{field}: {length} characters is too long; at most {limit} fit")
        self.field = field
        self.limit = limit
        self.length = length
        self.message = f"{length} characters is too long; at most {limit} fit"


def check_lengths(table: type[Base], values: dict[str, object]) -> None:
    """Raise ColumnTooLong for the first text value longer than its String(n) column allows."""
    for column, limit in text_limits(table).items():
        value = values.get(column)
        if isinstance(value, str) and len(value) > limit:
            raise ColumnTooLong(column, limit, len(value))


_LIMITS: dict[type[Base], dict[str, int]] = {}


def text_limits(table: type[Base]) -> dict[str, int]:
    """Column name -> the most characters it holds, for the table's String(n) columns."""
    found = _LIMITS.get(table)
    if found is None:
        found = {
            c.name: int(c.type.length)
            for c in table.__table__.columns
            if isinstance(c.type, String) and c.type.length and not isinstance(c.type, UTCDateTime)
        }
        _LIMITS[table] = found
    return found


class Meta(Base):
    """Identifies the file as a CareJournal journal (with PRAGMA application_id)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class PatientRow(Base):
    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    renal_impairment: Mapped[str] = mapped_column(String(16), default="none")
    conditions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    notes: Mapped[str] = mapped_column(Text, default="")
    contacts: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class MedicationRow(Base):
    __tablename__ = "medications"
    __table_args__ = (Index("ix_medications_patient", "patient_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    name: Mapped[str] = mapped_column(String(200))
    drug: Mapped[str | None] = mapped_column(String(100))
    route: Mapped[str] = mapped_column(String(16))
    form: Mapped[str] = mapped_column(String(16))
    strength_value: Mapped[float | None] = mapped_column(Float)
    strength_unit: Mapped[str | None] = mapped_column(String(8))
    strength_per_value: Mapped[float | None] = mapped_column(Float)
    strength_per_unit: Mapped[str | None] = mapped_column(String(8))
    as_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The prescriber's daily ceiling as entered (was prescribed_max_daily_mg, in mg, before 0002).
    max_daily_value: Mapped[float | None] = mapped_column(Float)
    max_daily_unit: Mapped[str | None] = mapped_column(String(8))
    # As-needed limits (each None when not prescribed).
    prn_max_doses_per_day: Mapped[int | None] = mapped_column(Integer)
    prn_min_interval_hours: Mapped[float | None] = mapped_column(Float)
    prn_max_amount_value: Mapped[float | None] = mapped_column(Float)
    prn_max_amount_unit: Mapped[str | None] = mapped_column(String(8))
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class RegimenRow(Base):
    __tablename__ = "regimens"
    __table_args__ = (Index("ix_regimens_medication_start", "medication_id", "start"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medications.id"))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    dose_value: Mapped[float] = mapped_column(Float)
    dose_unit: Mapped[str] = mapped_column(String(8))
    times: Mapped[str] = mapped_column(Text, default="")  # "08:00,14:00"
    every_days: Mapped[int] = mapped_column(Integer, default=1)
    prescribed_by: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class StockEventRow(Base):
    """Counted on hand, received or discarded, for one medication (amount as entered)."""

    __tablename__ = "stock_events"
    __table_args__ = (Index("ix_stock_events_medication_at", "medication_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medications.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16))
    amount_value: Mapped[float] = mapped_column(Float)
    amount_unit: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(Text, default="", server_default="")  # who recorded it (migration 0004)


class DoseRow(Base):
    __tablename__ = "doses"
    __table_args__ = (
        Index("ix_doses_patient_at", "patient_id", "at"),
        Index("ix_doses_medication_given", "medication_id", "given"),
        Index("ix_doses_medication_scheduled", "medication_id", "scheduled"),
        # One "Given now" per planned slot (migration 0003): only the first claim can commit.
        Index("ux_doses_slot_claim", "medication_id", "scheduled", unique=True,
              sqlite_where=text(SLOT_CLAIMED), postgresql_where=text(SLOT_CLAIMED)),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    medication_id: Mapped[int] = mapped_column(ForeignKey("medications.id"))
    status: Mapped[str] = mapped_column(String(16))
    scheduled: Mapped[datetime | None] = mapped_column(UTCDateTime)
    given: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # given, else scheduled: the moment the entry is about (the time-series key).
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    amount_value: Mapped[float | None] = mapped_column(Float)
    amount_unit: Mapped[str | None] = mapped_column(String(8))
    normalised_value: Mapped[float | None] = mapped_column(Float)
    normalised_unit: Mapped[str | None] = mapped_column(String(8))
    by: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Logged by "Given now" for its planned slot (`scheduled`): at most one such dose per slot.
    slot_claim: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SymptomRow(Base):
    __tablename__ = "symptoms"
    __table_args__ = (Index("ix_symptoms_patient_at", "patient_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    symptom: Mapped[str] = mapped_column(String(64))
    severity: Mapped[int | None] = mapped_column(Integer)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(Text, default="", server_default="")  # who recorded it (migration 0004)


class ObservationRow(Base):
    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_patient_at", "patient_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    value_number: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(String(16))  # Ashworth grades ("1+")
    value2: Mapped[float | None] = mapped_column(Float)
    body_part: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(Text, default="", server_default="")  # who recorded it (migration 0004)


class PumpEventRow(Base):
    __tablename__ = "pump_events"
    __table_args__ = (Index("ix_pump_events_patient_at", "patient_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    volume_ml: Mapped[float | None] = mapped_column(Float)
    concentration_mcg_per_ml: Mapped[float | None] = mapped_column(Float)
    daily_dose_mcg: Mapped[float | None] = mapped_column(Float)
    reservoir_ml: Mapped[float | None] = mapped_column(Float)
    low_alarm_ml: Mapped[float | None] = mapped_column(Float)
    next_refill_due: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(Text, default="", server_default="")  # who recorded it (migration 0004)


class NoteRow(Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_patient_at", "patient_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    for_doctor: Mapped[bool] = mapped_column(Boolean, default=False)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    by: Mapped[str] = mapped_column(Text, default="", server_default="")  # who recorded it (migration 0004)


class RevisionRow(Base):
    """An earlier version of a corrected or removed record (before/after as JSON)."""

    __tablename__ = "revisions"
    __table_args__ = (
        Index("ix_revisions_patient_changed", "patient_id", "changed_at"),
        Index("ix_revisions_entity", "entity", "entity_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    changed_by: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str] = mapped_column(Text, default="{}")
    after: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")


class AcknowledgementRow(Base):
    __tablename__ = "acknowledgements"
    __table_args__ = (
        Index("ix_acknowledgements_patient_at", "patient_id", "at"),
        Index("ix_acknowledgements_key", "alert_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    alert_key: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
