"""Reading and writing the journal's records as domain dataclasses.

The services never see SQLAlchemy: they open a `Tx` (one short session, one transaction) and call
its methods with domain objects. Rows are mapped to dataclasses here and nowhere else.

Over 500 lines: every read and write of the records in one place (the `Tx` the services use);
its batch reads for many people (issue 17) and per-engine SQL sit beside the single reads they mirror.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Date, and_, bindparam, func, select, union_all, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from journal.domain import (
    Acknowledgement,
    AsNeededLimits,
    Dose,
    DoseStatus,
    Form,
    GivenSummary,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PumpEvent,
    PumpEventKind,
    Quantity,
    Regimen,
    RenalImpairment,
    Revision,
    Route,
    Severity,
    StockEvent,
    StockKind,
    SymptomEntry,
    Unit,
)

from .engines import Watch, WatchError
from .lock import write_lock
from .models import (
    AcknowledgementRow,
    Base,
    ColumnTooLong,
    DoseRow,
    MedicationRow,
    NoteRow,
    ObservationRow,
    PatientRow,
    PumpEventRow,
    RegimenRow,
    RevisionRow,
    SettingRow,
    StockEventRow,
    SymptomRow,
    UTCDateTime,
    check_lengths,
    from_db_text,
    text_limits,
    to_db_text,
)


def _utc_text(value: str | None) -> datetime | None:
    """A stored UTCDateTime text read back (raw SQL skips the type machinery)."""
    return from_db_text(value)


DOSE_EXPORT_COLUMNS = ("medication_id", "scheduled", "given", "amount_value", "amount_unit", "status", "by", "note")

ROWS: dict[str, type[Base]] = {
    "patient": PatientRow,
    "medication": MedicationRow,
    "regimen": RegimenRow,
    "dose": DoseRow,
    "symptom": SymptomRow,
    "observation": ObservationRow,
    "pump_event": PumpEventRow,
    "note": NoteRow,
    "stock_event": StockEventRow,
}
SERIES = ("dose", "symptom", "observation", "pump_event", "note")
_ENTITY_OF: dict[type, str] = {
    Patient: "patient", Medication: "medication", Regimen: "regimen", Dose: "dose", SymptomEntry: "symptom",
    Observation: "observation", PumpEvent: "pump_event", Note: "note", StockEvent: "stock_event",
}


def text_limits_of(record: object) -> dict[str, int]:
    """Field name -> the most characters it can hold, for a domain record's text fields kept in a
    String(n) column of the same name ({} for a record that is not stored as such). Lets the
    layers above refuse a text too long before any write, naming the field where they found it
    (an import names its JSON pointer)."""
    entity = _ENTITY_OF.get(type(record))
    return text_limits(ROWS[entity]) if entity is not None else {}


# --- mapping ------------------------------------------------------------------------------


def _quantity(value: float | None, unit: str | None) -> Quantity | None:
    # Quantities are frozen, and journals repeat the same few amounts: share them (every dose
    # read by the checks has one or two: issue 17).
    if value is None or unit is None:
        return None
    return _shared_quantity(value, unit)


@lru_cache(maxsize=4096)
def _shared_quantity(value: float, unit: str) -> Quantity:
    return Quantity(value, Unit(unit))


def _times_text(times: Sequence[time]) -> str:
    return ",".join(t.strftime("%H:%M") for t in times)


def _times(text: str) -> list[time]:
    return list(_parsed_times(text))


@lru_cache(maxsize=1024)
def _parsed_times(text: str) -> tuple[time, ...]:
    return tuple(time.fromisoformat(t) for t in text.split(",") if t)


def values_of(entity: str, obj: Any) -> dict[str, Any]:
    """Column values of a domain object (without id)."""
    if entity == "patient":
        p: Patient = obj
        return {
            "name": p.name, "birth_date": p.birth_date, "renal_impairment": p.renal_impairment.value,
            "conditions": json.dumps(list(p.conditions)), "notes": p.notes, "contacts": p.contacts,
        }
    if entity == "medication":
        m: Medication = obj
        s = m.strength
        return {
            "patient_id": m.patient_id, "name": m.name, "drug": m.drug, "route": m.route.value,
            "form": m.form.value,
            "strength_value": s.value if s else None, "strength_unit": s.unit.value if s else None,
            "strength_per_value": s.per.value if s and s.per else None,
            "strength_per_unit": s.per.unit.value if s and s.per else None,
            "as_needed": m.as_needed,
            "max_daily_value": m.max_daily.value if m.max_daily else None,
            "max_daily_unit": m.max_daily.unit.value if m.max_daily else None,
            **_limits_values(m.as_needed_limits),
        }
    if entity == "regimen":
        r: Regimen = obj
        return {
            "medication_id": r.medication_id, "start": r.start, "end": r.end,
            "dose_value": r.dose.value, "dose_unit": r.dose.unit.value, "times": _times_text(r.times),
            "every_days": r.every_days, "prescribed_by": r.prescribed_by, "reason": r.reason,
        }
    if entity == "dose":
        d: Dose = obj
        return {
            "patient_id": d.patient_id, "medication_id": d.medication_id, "status": d.status.value,
            "scheduled": d.scheduled, "given": d.given, "at": d.at,
            "amount_value": d.amount.value if d.amount else None,
            "amount_unit": d.amount.unit.value if d.amount else None,
            "normalised_value": d.amount_normalised.value if d.amount_normalised else None,
            "normalised_unit": d.amount_normalised.unit.value if d.amount_normalised else None,
            "by": d.by, "note": d.note, "removed": d.removed, "slot_claim": False,
        }
    if entity == "symptom":
        s2: SymptomEntry = obj
        return {
            "patient_id": s2.patient_id, "at": s2.at, "symptom": s2.symptom, "severity": s2.severity,
            "duration_minutes": s2.duration_minutes, "note": s2.note, "removed": s2.removed, "by": s2.by,
        }
    if entity == "observation":
        o: Observation = obj
        text = o.value if isinstance(o.value, str) else None
        return {
            "patient_id": o.patient_id, "at": o.at, "kind": o.kind.value,
            "value_number": None if text is not None else float(o.value), "value_text": text,
            "value2": o.value2, "body_part": o.body_part, "note": o.note, "removed": o.removed, "by": o.by,
        }
    if entity == "pump_event":
        e: PumpEvent = obj
        return {
            "patient_id": e.patient_id, "at": e.at, "kind": e.kind.value, "volume_ml": e.volume_ml,
            "concentration_mcg_per_ml": e.concentration_mcg_per_ml, "daily_dose_mcg": e.daily_dose_mcg,
            "reservoir_ml": e.reservoir_ml, "low_alarm_ml": e.low_alarm_ml,
            "next_refill_due": e.next_refill_due, "note": e.note, "removed": e.removed, "by": e.by,
        }
    if entity == "note":
        n: Note = obj
        return {
            "patient_id": n.patient_id, "at": n.at, "text": n.text, "for_doctor": n.for_doctor,
            "removed": n.removed, "by": n.by,
        }
    if entity == "stock_event":
        se: StockEvent = obj
        return {
            "medication_id": se.medication_id, "at": se.at, "kind": se.kind.value,
            "amount_value": se.amount.value, "amount_unit": se.amount.unit.value, "note": se.note,
            "removed": se.removed, "by": se.by,
        }
    raise KeyError(entity)


def _limits_values(limits: AsNeededLimits | None) -> dict[str, Any]:
    most = limits.max_amount_per_day if limits is not None else None
    return {
        "prn_max_doses_per_day": limits.max_doses_per_day if limits is not None else None,
        "prn_min_interval_hours": limits.min_interval_hours if limits is not None else None,
        "prn_max_amount_value": most.value if most is not None else None,
        "prn_max_amount_unit": most.unit.value if most is not None else None,
    }


def _limits(row: Any) -> AsNeededLimits | None:
    limits = AsNeededLimits(
        max_doses_per_day=row.prn_max_doses_per_day, min_interval_hours=row.prn_min_interval_hours,
        max_amount_per_day=_quantity(row.prn_max_amount_value, row.prn_max_amount_unit),
    )
    return None if limits.empty else limits


@lru_cache(maxsize=64)
def _record_type(columns: tuple[str, ...]) -> Any:
    return namedtuple("Record", columns, rename=True)  # noqa: PYI024


def from_row(entity: str, row: Any) -> Any:
    """A domain object from a row (ORM object or Core row with the same attribute names)."""
    if entity == "patient":
        return Patient(
            name=row.name, birth_date=row.birth_date, renal_impairment=RenalImpairment(row.renal_impairment),
            conditions=list(json.loads(row.conditions or "[]")), notes=row.notes, contacts=row.contacts,
            id=row.id,
        )
    if entity == "medication":
        strength = None
        if row.strength_value is not None and row.strength_unit is not None:
            per = _quantity(row.strength_per_value, row.strength_per_unit)
            strength = Quantity(row.strength_value, Unit(row.strength_unit), per)
        return Medication(
            name=row.name, route=Route(row.route), form=Form(row.form), drug=row.drug, strength=strength,
            as_needed=row.as_needed, id=row.id, max_daily=_quantity(row.max_daily_value, row.max_daily_unit),
            as_needed_limits=_limits(row), patient_id=row.patient_id,
        )
    if entity == "regimen":
        return Regimen(
            start=row.start, end=row.end, dose=_shared_quantity(row.dose_value, row.dose_unit),
            times=_times(row.times), every_days=row.every_days, prescribed_by=row.prescribed_by,
            reason=row.reason, id=row.id, medication_id=row.medication_id,
        )
    if entity == "dose":
        return Dose(
            medication_id=row.medication_id, status=DoseStatus(row.status), scheduled=row.scheduled,
            given=row.given, amount=_quantity(row.amount_value, row.amount_unit),
            amount_normalised=_quantity(row.normalised_value, row.normalised_unit), by=row.by,
            note=row.note, id=row.id, patient_id=row.patient_id, removed=row.removed,
        )
    if entity == "symptom":
        return SymptomEntry(
            at=row.at, symptom=row.symptom, severity=row.severity, duration_minutes=row.duration_minutes,
            note=row.note, id=row.id, patient_id=row.patient_id, removed=row.removed, by=row.by,
        )
    if entity == "observation":
        value: float | str = row.value_text if row.value_text is not None else row.value_number
        return Observation(
            at=row.at, kind=ObservationKind(row.kind), value=value, value2=row.value2,
            body_part=row.body_part, note=row.note, id=row.id, patient_id=row.patient_id,
            removed=row.removed, by=row.by,
        )
    if entity == "pump_event":
        return PumpEvent(
            at=row.at, kind=PumpEventKind(row.kind), volume_ml=row.volume_ml,
            concentration_mcg_per_ml=row.concentration_mcg_per_ml, daily_dose_mcg=row.daily_dose_mcg,
            reservoir_ml=row.reservoir_ml, low_alarm_ml=row.low_alarm_ml,
            next_refill_due=row.next_refill_due, note=row.note, id=row.id, patient_id=row.patient_id,
            removed=row.removed, by=row.by,
        )
    if entity == "note":
        return Note(
            at=row.at, text=row.text, for_doctor=row.for_doctor, id=row.id, patient_id=row.patient_id,
            removed=row.removed, by=row.by,
        )
    if entity == "stock_event":
        return StockEvent(
            at=row.at, kind=StockKind(row.kind), amount=Quantity(row.amount_value, Unit(row.amount_unit)),
            note=row.note, id=row.id, medication_id=row.medication_id, removed=row.removed, by=row.by,
        )
    raise KeyError(entity)


def _iso_date(value: Any) -> str:
    return str(value.isoformat())


# Columns that identify "the same record" when a document is imported again.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "dose": ("medication_id", "scheduled", "given"),
    "symptom": ("at", "symptom"),
    "observation": ("at", "kind", "body_part"),
    "pump_event": ("at", "kind"),
    "note": ("at",),
    "stock_event": ("medication_id", "at", "kind"),
}


def record_key(entity: str, obj: Any) -> tuple[Any, ...]:
    """The matching key of a domain record, in the stored form (times as stored text)."""
    values = values_of(entity, obj)
    return tuple(
        to_db_text(v) if isinstance(v, datetime) else v for v in (values[c] for c in KEY_COLUMNS[entity])
    )


class SlotTaken(Exception):
    """Another dose already claims this medication's planned slot."""

    def __init__(self, medication_id: int, scheduled: datetime) -> None:
        super().__init__(f"the {scheduled.isoformat()} dose of medication {medication_id} is already logged")
        self.medication_id = medication_id
        self.scheduled = scheduled


# --- store and transactions -----------------------------------------------------------------


class Store:
    """The journal file's engine and its short sessions."""

    read_only = False  # set when the file was opened read-only (read-only media)

    def __init__(self, engine: Engine, too_long: Callable[[ColumnTooLong], Exception] | None = None) -> None:
        """`too_long` turns a text too long for its column into the caller's own error."""
        from .engines import backend_of

        self._too_long = too_long
        self.engine = engine
        self.backend = backend_of(engine)
        self.shared = self.backend.shared
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._watch: Watch | None = None
        self._seen_version: int | None = None
        self._reading = threading.local()  # .tx: the read transaction open in this thread

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        before: int | None = None
        with self._write_lock(), self._sessions() as session, session.begin():
            try:
                yield Tx(session)
            except ColumnTooLong as e:
                if self._too_long is None:
                    raise
                raise self._too_long(e) from None
            if self._watch is not None and not self.shared:
                # Our writes now hold SQLite's write lock, so nobody else can commit until ours:
                # what the watch sees here is everything others committed before it. (On
                # PostgreSQL the watch counts only other writers' notifications: our own commit
                # never moves it, so there is nothing to step over, and no lock to rely on.)
                session.flush()
                before = self._version_or_none()
        if before is not None and before == self._seen_version:
            # Nothing from elsewhere was pending: our own commit is not news. If something was,
            # the last seen version is left as it is, so the next call still reports it.
            after = self._version_or_none()
            if after is not None:
                self._seen_version = after

    def _write_lock(self) -> contextlib.AbstractContextManager[None]:
        """The journal's write lock (journal.storage.lock): a restore waits for this write to end,
        and this write waits for a restore to finish keeping and replacing the file."""
        database = self.engine.url.database
        if self.shared or not database or database == ":memory:":
            return contextlib.nullcontext()  # a shared journal: the server orders the writes
        return write_lock(Path(database))

    # -- changes made by another program (the command line while the window is open) -----------
    def _data_version(self) -> int:
        if self._watch is None:
            self._watch = self.backend.watch(self.engine)
        return self._watch.version()

    def _version_or_none(self) -> int | None:
        try:
            return self._data_version()
        except WatchError:  # a committed write is not undone by a watch that cannot look
            return None

    def changed_elsewhere(self) -> bool:
        """True when another connection committed since the last call or since this program's
        own last write (the first call only starts watching). SQLite's data_version, read on a
        connection of its own (one cheap pragma, no table read), or on PostgreSQL the
        notifications other writers' commits sent (engines.py). Raises WatchError when it
        cannot look."""
        version = self._data_version()
        seen, self._seen_version = self._seen_version, version
        return seen is not None and version != seen

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """One read transaction: everything read in the block comes from one snapshot (SQLite's
        read transaction; REPEATABLE READ on PostgreSQL), so an export is consistent. A read
        opened inside another one (same thread) is the same transaction: a shared backup reads
        its tables and the exchange document from one snapshot."""
        outer = getattr(self._reading, "tx", None)
        if outer is not None:
            yield outer
            return
        with self._sessions() as session:
            if self.shared:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            tx = Tx(session)
            self._reading.tx = tx
            try:
                yield tx
            finally:
                self._reading.tx = None
                session.rollback()

    def dispose(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
            self._seen_version = None
        self.engine.dispose()


class _BatchStatements(NamedTuple):
    last_given: Any
    pump_before: Any
    first_entries: Any
    first_doses: Any
    last_entries: Any


@lru_cache(maxsize=1)
def _batch_statements() -> _BatchStatements:
    """The batch reads of every history read (`Tx.last_given_of`, `latest_pump_events_before_of`,
    `first_entries_of`) and `Tx.last_entry`, built once with bound parameters ("ids", "before"): building their
    correlated subqueries anew was most of their cost (issue 17: about 8 ms of each history read
    at 50 people, the "Given now" click's biggest part). Plain Core tables, so the column types
    still convert the values read."""
    ids: Any = bindparam("ids", expanding=True)
    medication = MedicationRow.__table__
    patient = PatientRow.__table__
    dose = DoseRow.__table__
    inner = dose.alias("inner_dose")
    last = (select(inner.c.id)
            .where(inner.c.medication_id == medication.c.id, inner.c.given.is_not(None),
                   inner.c.status.in_([s.value for s in DoseStatus if s.was_given]), inner.c.removed.is_(False))
            .order_by(inner.c.given.desc(), inner.c.id.desc()).limit(1).correlate(medication).scalar_subquery())
    last_given = select(dose).where(dose.c.id.in_(select(last).where(medication.c.id.in_(ids))))
    pump = PumpEventRow.__table__
    pump_inner = pump.alias("inner_pump")
    picks = [
        select(
            select(pump_inner.c.id)
            .where(pump_inner.c.patient_id == patient.c.id, pump_inner.c.at < bindparam("before"),
                   pump_inner.c.kind == kind.value, pump_inner.c.removed.is_(False))
            .order_by(pump_inner.c.at.desc(), pump_inner.c.id.desc()).limit(1).correlate(patient).scalar_subquery()
        ).where(patient.c.id.in_(ids))
        for kind in PumpEventKind
    ]
    pump_before = select(pump).where(pump.c.id.in_(union_all(*picks))).order_by(pump.c.at, pump.c.id)
    firsts = []
    for entity in SERIES:
        t = ROWS[entity].__table__.alias(f"first_{entity}")
        firsts.append(select(t.c.at).where(t.c.patient_id == patient.c.id, t.c.removed.is_(False))
                      .order_by(t.c.at).limit(1).correlate(patient).scalar_subquery())
    first_entries = select(patient.c.id, *firsts).where(patient.c.id.in_(ids))
    given, scheduled = dose.alias("first_given"), dose.alias("first_slot")
    first_given = (select(given.c.given).where(given.c.medication_id == medication.c.id, given.c.given.is_not(None),
                                               given.c.removed.is_(False))
                   .order_by(given.c.given).limit(1).correlate(medication).scalar_subquery())
    first_slot = (select(scheduled.c.scheduled)
                  .where(scheduled.c.medication_id == medication.c.id, scheduled.c.scheduled.is_not(None),
                         scheduled.c.removed.is_(False))
                  .order_by(scheduled.c.scheduled).limit(1).correlate(medication).scalar_subquery())
    first_doses = select(medication.c.patient_id, medication.c.id, first_given, first_slot).where(
        medication.c.patient_id.in_(ids))
    latest = []
    for entity in SERIES:
        table: Any = ROWS[entity].__table__
        latest.append(select(table.c.at).where(table.c.patient_id == bindparam("pid"), table.c.removed.is_(False))
                      .order_by(table.c.at.desc()).limit(1).scalar_subquery())
    last_entries = select(*latest)
    return _BatchStatements(last_given, pump_before, first_entries, first_doses, last_entries)


class Tx:
    def __init__(self, session: Session) -> None:
        self.s = session
        # The driver's placeholder for the few statements run straight on it: "?" for sqlite3,
        # "%s" for psycopg.
        self.p = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"

    def _records(self, q: Any, params: dict[str, Any] | None = None) -> Iterator[Any]:
        """The rows of a Core select as named tuples: the same attribute names as the rows, read
        several times faster (SQLAlchemy's Row looks each name up; a checks run reads thousands)."""
        result = self.s.connection().execute(q, params or {})  # Core: no ORM loading step for plain rows
        make = _record_type(tuple(result.keys()))._make
        return (make(r) for r in result.fetchall())  # one fetch, not a driver call per row

    # settings
    def settings(self) -> dict[str, Any]:
        return {r.key: json.loads(r.value) for r in self.s.scalars(select(SettingRow))}

    def set_setting(self, key: str, value: Any) -> None:
        row = self.s.get(SettingRow, key)
        if row is None:
            self.s.add(SettingRow(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        self.s.flush()

    # generic records
    def insert(self, entity: str, obj: Any) -> int:
        values = values_of(entity, obj)
        check_lengths(ROWS[entity], values)
        row = ROWS[entity](**values)
        self.s.add(row)
        self.s.flush()
        return int(row.id)  # type: ignore[attr-defined]

    def insert_slot_dose(self, dose: Dose) -> int:
        """Insert a dose that claims its planned slot (`dose.scheduled`). Raises SlotTaken when
        another not-removed dose already claims it: the unique index decides, so of two
        caregivers racing for one slot exactly one commits (the other's transaction is rolled
        back by the caller's block ending in the exception)."""
        from sqlalchemy.exc import IntegrityError

        if dose.scheduled is None:
            raise ValueError("a dose claiming a slot needs its scheduled time")
        values = values_of("dose", dose)
        check_lengths(DoseRow, values)
        values["slot_claim"] = True
        try:
            with self.s.begin_nested():
                row = DoseRow(**values)
                self.s.add(row)
                self.s.flush()
        except IntegrityError:
            raise SlotTaken(dose.medication_id, dose.scheduled) from None
        return int(row.id)

    def slot_doses(self, medication_id: int, scheduled: datetime) -> list[Dose]:
        """The not-removed doses logged for one planned slot, given ones first, earliest first."""
        q = (select(DoseRow)
             .where(DoseRow.medication_id == medication_id, DoseRow.scheduled == scheduled,
                    DoseRow.removed.is_(False))
             .order_by(DoseRow.slot_claim.desc(), DoseRow.given, DoseRow.id))
        return [from_row("dose", r) for r in self.s.scalars(q)]

    def get(self, entity: str, id_: int) -> tuple[Any, bool] | None:
        """(domain object, removed) or None."""
        row = self.s.get(ROWS[entity], id_)
        if row is None:
            return None
        obj = from_row(entity, row)
        if entity == "medication":
            obj.regimens = self.regimens(id_)
            obj.stock = self.stock_events([id_]).get(id_, [])
        return obj, bool(row.removed)  # type: ignore[attr-defined]

    def update(self, entity: str, id_: int, obj: Any) -> None:
        values = values_of(entity, obj)
        values.pop("removed", None)
        values.pop("slot_claim", None)  # a correction keeps the dose's claim on its slot
        table = ROWS[entity]
        check_lengths(table, values)
        self.s.execute(update(table).where(table.id == id_).values(**values))  # type: ignore[attr-defined]

    def set_removed(self, entity: str, id_: int, removed: bool) -> None:
        table = ROWS[entity]
        self.s.execute(update(table).where(table.id == id_).values(removed=removed))  # type: ignore[attr-defined]

    def bulk_insert(self, entity: str, objs: Iterable[Any]) -> int:
        """Many records in one executemany (the import path). Returns how many.

        The statement is built once from the table and run straight on the driver with tuples:
        per-row parameter processing is most of the cost of a large import otherwise."""
        table: Any = ROWS[entity].__table__
        columns = [c.name for c in table.columns if c.name != "id"]
        timed = {c.name for c in table.columns if isinstance(c.type, UTCDateTime)}
        dated = {c.name for c in table.columns if isinstance(c.type, Date)}
        convert = [(i, to_db_text if c in timed else _iso_date) for i, c in enumerate(columns) if c in timed | dated]
        rows: list[tuple[Any, ...]] = []
        for o in objs:
            values = values_of(entity, o)
            check_lengths(ROWS[entity], values)
            row = [values[c] for c in columns]
            for i, fn in convert:
                if row[i] is not None:
                    row[i] = fn(row[i])
            rows.append(tuple(row))
        if not rows:
            return 0
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(self.p for _ in columns)})"
        self.s.connection().exec_driver_sql(sql, rows)
        return len(rows)

    # people and medicines
    def patients(self, include_removed: bool = False) -> list[Patient]:
        q = select(PatientRow).order_by(PatientRow.id)
        if not include_removed:
            q = q.where(PatientRow.removed.is_(False))
        return [from_row("patient", r) for r in self.s.scalars(q)]

    def regimens(self, medication_id: int) -> list[Regimen]:
        q = (
            select(RegimenRow)
            .where(RegimenRow.medication_id == medication_id, RegimenRow.removed.is_(False))
            .order_by(RegimenRow.start, RegimenRow.id)
        )
        return [from_row("regimen", r) for r in self.s.scalars(q)]

    def medications(self, patient_id: int, include_removed: bool = False) -> list[Medication]:
        q = select(MedicationRow).where(MedicationRow.patient_id == patient_id).order_by(MedicationRow.id)
        if not include_removed:
            q = q.where(MedicationRow.removed.is_(False))
        meds = [from_row("medication", r) for r in self.s.scalars(q)]
        if meds:
            by_id = {m.id: m for m in meds}
            rq = (
                select(RegimenRow.__table__)
                .where(RegimenRow.medication_id.in_(list(by_id)), RegimenRow.removed.is_(False))
                .order_by(RegimenRow.start, RegimenRow.id)
            )
            for r in self._records(rq):
                by_id[r.medication_id].regimens.append(from_row("regimen", r))
            for med_id, events in self.stock_events(list(by_id)).items():
                by_id[med_id].stock = events
        return meds

    def stock_events(self, medication_ids: Sequence[int], include_removed: bool = False) -> dict[int, list[StockEvent]]:
        """Stock events of these medications by medication id, oldest first."""
        if not medication_ids:
            return {}
        q = select(StockEventRow).where(StockEventRow.medication_id.in_(list(medication_ids)))
        if not include_removed:
            q = q.where(StockEventRow.removed.is_(False))
        out: dict[int, list[StockEvent]] = {}
        for r in self.s.scalars(q.order_by(StockEventRow.at, StockEventRow.id)):
            out.setdefault(r.medication_id, []).append(from_row("stock_event", r))
        return out

    def stock_event_keys(self, medication_id: int) -> list[tuple[Any, ...]]:
        """Matching keys (see KEY_COLUMNS) of every stock event of one medication, removed ones included."""
        sql = f"SELECT medication_id, at, kind FROM stock_events WHERE medication_id = {self.p}"
        return [tuple(r) for r in self.s.connection().exec_driver_sql(sql, (medication_id,))]

    def given_summary(self, medication_id: int, since: datetime, until: datetime) -> GivenSummary:
        """Doses of one medication given in (since, until], counted by amount as entered (one
        grouped query over the (medication_id, given) index, however many doses)."""
        given = [s.value for s in DoseStatus if s.was_given]
        p = self.p
        sql = (
            "SELECT amount_value, amount_unit, COUNT(*) FROM doses "
            f"WHERE medication_id = {p} AND given > {p} AND given <= {p} AND status IN ({', '.join(self.p for _ in given)}) "
            "AND removed = FALSE GROUP BY amount_value, amount_unit ORDER BY COUNT(*) DESC"
        )
        rows = self.s.connection().exec_driver_sql(
            sql, (medication_id, to_db_text(since), to_db_text(until), *given)).fetchall()
        return GivenSummary(since, until, tuple((_quantity(v, u), int(n)) for v, u, n in rows))

    def given_since(self, medication_id: int, since: datetime) -> list[Dose]:
        """Doses of one medication given (taken or vomited) after `since`, oldest first: what has
        come out of the stock since it was last counted. Uses the (medication_id, given) index.

        A count made long ago can leave thousands of doses, read at every check: only the columns
        a stock needs are read, straight from the driver (no type machinery). The doses carry
        their id, medication, status, given time and amount as entered, nothing else."""
        given = [s.value for s in DoseStatus if s.was_given]
        p = self.p
        sql = (
            "SELECT id, status, given, amount_value, amount_unit FROM doses "
            f"WHERE medication_id = {p} AND given > {p} AND status IN ({', '.join(self.p for _ in given)}) "
            "AND removed = FALSE ORDER BY given, id"
        )
        rows = self.s.connection().exec_driver_sql(sql, (medication_id, to_db_text(since), *given)).fetchall()
        return [
            Dose(medication_id, DoseStatus(status), given=from_db_text(at),
                 amount=_quantity(value, unit), id=id_)
            for id_, status, at, value, unit in rows
        ]

    # time series
    def series(
        self, entity: str, patient_id: int, start: datetime | None = None, end: datetime | None = None,
        include_removed: bool = False,
    ) -> list[Any]:
        """Records of one person with start <= at <= end, oldest first (uses the (patient_id, at) index)."""
        table: Any = ROWS[entity]
        conds = [table.patient_id == patient_id]
        if start is not None:
            conds.append(table.at >= start)
        if end is not None:
            conds.append(table.at <= end)
        if not include_removed:
            conds.append(table.removed.is_(False))
        # Core rows, not ORM objects: several times faster for long periods.
        q = select(table.__table__).where(and_(*conds)).order_by(table.at, table.id)
        return [from_row(entity, r) for r in self._records(q)]

    def export_rows(self, entity: str, patient_id: int, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """`series(entity, patient_id)` for the export: the named columns of every record of one
        person (removed ones left out), oldest first, as the driver's own tuples read in batches;
        "at" and the other times as stored (UTC text, see models.to_db_text). KeyError for a
        column the table does not have. No domain objects and no SQLAlchemy rows: ten years of 50
        people are half a million symptoms and readings (issue 17)."""
        table: Any = ROWS[entity].__table__
        names = [table.c[c].name for c in columns]  # KeyError for an unknown column
        quoted = ", ".join(f'"{n}"' for n in names)
        sql = (f"SELECT {quoted} FROM {table.name} "
               f"WHERE patient_id = {self.p} AND removed = FALSE ORDER BY at, id")
        cursor = self.s.connection().connection.cursor()
        try:
            cursor.arraysize = 4096
            cursor.execute(sql, (patient_id,))
            rows: list[tuple[Any, ...]] = []
            while batch := cursor.fetchmany():
                rows += batch
            return rows
        finally:
            cursor.close()

    def dose_export_rows(self, patient_id: int) -> list[tuple[Any, ...]]:
        """Every dose of one person for the export (`export_rows`): (medication_id, scheduled,
        given, amount_value, amount_unit, status, by, note), the times as stored (UTC text; None
        when not set). The same values SQLAlchemy gives for these columns on both engines: none
        of them has a result conversion but the times, read here as their text."""
        return self.export_rows("dose", patient_id, DOSE_EXPORT_COLUMNS)

    def existing_keys(self, entity: str, patient_id: int) -> list[tuple[Any, ...]]:
        """Matching keys of every record of one person, removed ones included."""
        table: Any = ROWS[entity].__table__
        cols = ", ".join(KEY_COLUMNS[entity])
        sql = f"SELECT {cols} FROM {table.name} WHERE patient_id = {self.p}"
        return [tuple(r) for r in self.s.connection().exec_driver_sql(sql, (patient_id,))]

    def first_entries(self, patient_id: int) -> tuple[datetime | None, dict[int, datetime]]:
        """When the journal began for a person (their earliest entry of any kind, removed ones left
        out) and, for each of their medications with a dose record, the earliest time a record
        names (when it was given or the slot it was for, whichever is earlier). Two statements of
        index lookups (ORDER BY ... LIMIT 1 on the (patient_id, at) and (medication_id,
        given/scheduled) indexes): the cost does not grow with the journal."""
        conn = self.s.connection()
        firsts = " UNION ALL ".join(
            f"SELECT (SELECT at FROM {ROWS[e].__tablename__} WHERE patient_id = {self.p} AND removed = FALSE "
            f"ORDER BY at LIMIT 1) AS x" for e in SERIES)
        row = conn.exec_driver_sql(f"SELECT MIN(x) FROM ({firsts}) AS firsts", tuple(patient_id for _ in SERIES)).first()
        first = _utc_text(row[0]) if row is not None else None
        doses = DoseRow.__tablename__
        meds = MedicationRow.__tablename__
        sql = (f"SELECT m.id, "
               f"(SELECT given FROM {doses} WHERE medication_id = m.id AND given IS NOT NULL AND removed = FALSE "
               f"ORDER BY given LIMIT 1), "
               f"(SELECT scheduled FROM {doses} WHERE medication_id = m.id AND scheduled IS NOT NULL AND removed = FALSE "
               f"ORDER BY scheduled LIMIT 1) "
               f"FROM {meds} m WHERE m.patient_id = {self.p}")
        by_med: dict[int, datetime] = {}
        for mid, given, scheduled in conn.exec_driver_sql(sql, (patient_id,)):
            found = [t for t in (_utc_text(given), _utc_text(scheduled)) if t is not None]
            if found:
                by_med[int(mid)] = min(found)
        return first, by_med

    # several people at once: a fixed number of statements however many people (the checks for
    # everyone, the window's reminders), each an indexed lookup per person or medicine
    def patients_by_id(self, patient_ids: Sequence[int]) -> dict[int, Patient]:
        """The people with these ids that are not removed."""
        q = select(PatientRow.__table__).where(PatientRow.id.in_(list(patient_ids)), PatientRow.removed.is_(False))
        return {int(r.id): from_row("patient", r) for r in self._records(q)}

    def medications_of(self, patient_ids: Sequence[int]) -> dict[int, list[Medication]]:
        """Each person's medications (not removed) with their regimens and stock, by person id
        (three statements for any number of people)."""
        # Core rows, not ORM objects (the same attribute names, several times faster to read)
        q = (select(MedicationRow.__table__).where(MedicationRow.patient_id.in_(list(patient_ids)),
                                                   MedicationRow.removed.is_(False)).order_by(MedicationRow.id))
        meds = [from_row("medication", r) for r in self._records(q)]
        out: dict[int, list[Medication]] = {int(pid): [] for pid in patient_ids}
        if meds:
            by_id = {m.id: m for m in meds}
            rq = (
                select(RegimenRow.__table__)
                .where(RegimenRow.medication_id.in_(list(by_id)), RegimenRow.removed.is_(False))
                .order_by(RegimenRow.start, RegimenRow.id)
            )
            for r in self._records(rq):
                by_id[r.medication_id].regimens.append(from_row("regimen", r))
            for med_id, events in self.stock_events(list(by_id)).items():
                by_id[med_id].stock = events
        for m in meds:
            out.setdefault(int(m.patient_id or 0), []).append(m)
        return out

    def series_of(self, entity: str, patient_ids: Sequence[int], start: datetime, end: datetime) -> dict[int, list[Any]]:
        """Records of these people with start <= at <= end, oldest first, by person id (one
        statement; each person's part uses the (patient_id, at) index)."""
        table: Any = ROWS[entity]
        q = (select(table.__table__)
             .where(table.patient_id.in_(list(patient_ids)), table.at >= start, table.at <= end,
                    table.removed.is_(False))
             .order_by(table.at, table.id))
        out: dict[int, list[Any]] = {int(pid): [] for pid in patient_ids}
        for r in self._records(q):
            out[int(r.patient_id)].append(from_row(entity, r))
        return out

    def last_given_of(self, medication_ids: Sequence[int]) -> dict[int, Dose]:
        """`last_given` of several medications in one statement (medication id -> its latest
        given dose; of two given at the same moment, the one entered last): a lookup per medicine
        on the (medication_id, given) index, so the cost does not grow with the history."""
        if not medication_ids:
            return {}
        q = _batch_statements().last_given
        return {int(r.medication_id): from_row("dose", r) for r in self._records(q, {"ids": list(medication_ids)})}

    def latest_pump_events_before_of(self, patient_ids: Sequence[int], before: datetime) -> dict[int, list[PumpEvent]]:
        """For each person, the latest pump event of each kind before a moment (of two at the same
        moment, the one entered last), oldest first. One statement: a lookup per person and kind
        on the (patient_id, at) index."""
        out: dict[int, list[PumpEvent]] = {int(pid): [] for pid in patient_ids}
        if not patient_ids:
            return out
        q = _batch_statements().pump_before
        for r in self._records(q, {"ids": list(patient_ids), "before": before}):
            out[int(r.patient_id)].append(from_row("pump_event", r))
        return out

    def first_entries_of(self, patient_ids: Sequence[int]) -> dict[int, tuple[datetime | None, dict[int, datetime]]]:
        """`first_entries` for several people in two statements (index lookups, as there)."""
        out: dict[int, tuple[datetime | None, dict[int, datetime]]] = {}
        if not patient_ids:
            return out
        ids = {"ids": list(patient_ids)}
        statements = _batch_statements()
        conn = self.s.connection()
        for pid, *ats in conn.execute(statements.first_entries, ids):
            found = [at for at in ats if at is not None]
            out[int(pid)] = (min(found) if found else None, {})
        for pid, mid, at_given, at_slot in conn.execute(statements.first_doses, ids):
            found = [t for t in (at_given, at_slot) if t is not None]
            if found:
                out.setdefault(int(pid), (None, {}))[1][int(mid)] = min(found)
        return out

    def last_entry(self, patient_id: int) -> datetime | None:
        """The latest time of any entry of one person (dose, symptom, measurement, pump event,
        note; removed ones left out), or None: one statement of an indexed lookup per kind (asked
        in every "Given now" click, issue 17)."""
        row = self.s.connection().execute(_batch_statements().last_entries, {"pid": patient_id}).one()
        found = [at for at in row if at is not None]
        return max(found) if found else None

    def last_given(self, medication_id: int) -> Dose | None:
        q = (
            select(DoseRow)
            .where(
                DoseRow.medication_id == medication_id,
                DoseRow.given.is_not(None),
                DoseRow.status.in_([s.value for s in DoseStatus if s.was_given]),
                DoseRow.removed.is_(False),
            )
            .order_by(DoseRow.given.desc())
            .limit(1)
        )
        row = self.s.scalars(q).first()
        return from_row("dose", row) if row is not None else None

    def latest_pump_events_before(self, patient_id: int, before: datetime) -> list[PumpEvent]:
        """The latest event of each kind before a moment (of two at the same moment, the one
        entered last), oldest first. One statement whatever the number of kinds: on a shared
        journal every statement is a round trip to the server."""
        table = PumpEventRow.__table__
        latest = func.row_number().over(
            partition_by=table.c.kind, order_by=(table.c.at.desc(), table.c.id.desc())).label("latest")
        ranked = (
            select(table, latest)
            .where(
                table.c.patient_id == patient_id,
                table.c.at < before,
                table.c.kind.in_([k.value for k in PumpEventKind]),
                table.c.removed.is_(False),
            )
            .subquery()
        )
        rows = self.s.execute(select(ranked).where(ranked.c.latest == 1))
        return sorted((from_row("pump_event", r) for r in rows), key=lambda e: e.at)

    def count(self, entity: str, patient_id: int | None = None) -> int:
        table: Any = ROWS[entity]
        q = select(func.count()).select_from(table).where(table.removed.is_(False))
        if patient_id is not None:
            q = q.where(table.patient_id == patient_id)
        return int(self.s.scalar(q) or 0)

    # history of changes
    def add_revision(self, rev: Revision, patient_id: int | None) -> int:
        row = RevisionRow(
            patient_id=patient_id, entity=rev.entity, entity_id=rev.entity_id, changed_at=rev.changed_at,
            changed_by=rev.changed_by, action=rev.action, before=json.dumps(rev.before, sort_keys=True),
            after=json.dumps(rev.after, sort_keys=True), reason=rev.reason,
        )
        self.s.add(row)
        self.s.flush()
        return int(row.id)

    def revisions(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None,
        entity: str | None = None, entity_id: int | None = None,
    ) -> list[Revision]:
        q = select(RevisionRow)
        if patient_id is not None:
            q = q.where(RevisionRow.patient_id == patient_id)
        if start is not None:
            q = q.where(RevisionRow.changed_at >= start)
        if end is not None:
            q = q.where(RevisionRow.changed_at <= end)
        if entity is not None:
            q = q.where(RevisionRow.entity == entity)
        if entity_id is not None:
            q = q.where(RevisionRow.entity_id == entity_id)
        q = q.order_by(RevisionRow.changed_at, RevisionRow.id)
        return [
            Revision(
                entity=r.entity, entity_id=r.entity_id, changed_at=r.changed_at, changed_by=r.changed_by,
                action=r.action, before=json.loads(r.before), after=json.loads(r.after), reason=r.reason,
                id=r.id,
            )
            for r in self.s.scalars(q)
        ]

    # acknowledgements
    def add_acknowledgement(self, ack: Acknowledgement) -> int:
        row = AcknowledgementRow(
            patient_id=ack.patient_id, alert_key=ack.alert_key, rule=ack.rule, severity=ack.severity.value,
            at=ack.at, note=ack.note, by=ack.by, evidence=json.dumps(list(ack.evidence)),
        )
        self.s.add(row)
        self.s.flush()
        return int(row.id)

    def acknowledgements(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Acknowledgement]:
        q = select(AcknowledgementRow)
        if patient_id is not None:
            q = q.where(AcknowledgementRow.patient_id == patient_id)
        if start is not None:
            q = q.where(AcknowledgementRow.at >= start)
        if end is not None:
            q = q.where(AcknowledgementRow.at <= end)
        q = q.order_by(AcknowledgementRow.at, AcknowledgementRow.id)
        return [
            Acknowledgement(
                alert_key=r.alert_key, rule=r.rule, severity=Severity(r.severity), at=r.at, note=r.note,
                by=r.by, evidence=list(json.loads(r.evidence)), patient_id=r.patient_id, id=r.id,
            )
            for r in self.s.scalars(q)
        ]

