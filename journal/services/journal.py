"""The journal service: every read and write the window and the command line make.

One short storage transaction per call; every write is one transaction; reads return domain
dataclasses. Corrections never overwrite: the earlier version is kept as a revision, and a removal
is a reversible mark with a reason. Each write re-runs the safety checks and returns an `Outcome`
naming what a view must refresh.

Over 500 lines: the Journal facade, the one entry point for the window and the command line;
delegating to small managers (people, medicines, entries, corrections, settings) is issue 20's
open part (not done yet).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import enum
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload
from zoneinfo import ZoneInfo

from journal.domain import (
    Acknowledgement,
    Alert,
    AsNeededLimits,
    Clock,
    Dose,
    DoseStatus,
    Form,
    GivenSummary,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PatientHistory,
    PumpEvent,
    PumpEventKind,
    Quantity,
    QuantityError,
    Regimen,
    RenalImpairment,
    Revision,
    Route,
    StockEvent,
    StockKind,
    SymptomEntry,
    SystemClock,
    parse_quantity,
)
from journal.domain.i18n import LANGUAGES, _
from journal.domain.zones import JournalZone, ZonePeriod, journal_zone

from . import timezones as zone_store
from .errors import AlreadyGiven, JournalFileError, NotFound, ValidationError, plain_failure
from .regional import RegionalDefaults, regional_defaults
from .symptoms import symptom_code
from .validation import (
    RESOURCES,
    check_aware,
    check_limits,
    check_medication,
    check_not_future,
    check_observation,
    check_patient,
    check_pump_event,
    check_regimen,
    check_stock_event,
    check_symptom,
    check_texts,
    clean_name,
    clock_doubt,
    name_key,
    normalise_amount,
    valid_timezone,
)
from .validation import local_timezone_name as local_timezone_name  # re-exported: older callers

if TYPE_CHECKING:
    from journal.schedule.stock import StockLevel
    from journal.storage.repository import Store, Tx

    from .exchange import ImportSummary

SAMPLE_JOURNAL = RESOURCES / "sample-journal.json"

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


# --- the service --------------------------------------------------------------------------------


# Setting on a shared journal: database role -> the person's name (written by `grant`).
PEOPLE_BY_ROLE = "shared_people"
# A shared journal's backup is an exchange document with every table beside it under this key
# (storage.transfer.dump_tables): the history of corrections, removals and acknowledgements that
# the exchange format does not carry. `restore` puts those back exactly; `import` reads the records.
BACKUP_TABLES = "journal_tables"


class Journal:
    """One open journal: a file, or a shared journal on a PostgreSQL server (`path` is then the
    URL, a str). Create with `Journal.open(path_or_url, clock)`."""

    def __init__(self, store: Store, path: Path | str, clock: Clock) -> None:
        self.store = store
        self.path = path
        self.clock = clock
        self._settings: Settings | None = None
        self._zone: JournalZone | None = None
        self._watching = False  # changed_elsewhere() was called: keep watching across reopen()
        self._person: str | None = None  # shared journal: the connected role's person, once read
        self._checks_left = 0  # > 0 inside checks_left_to_caller()

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None) -> Journal:
        from journal.storage.engines import is_database_url

        clock = clock or SystemClock()
        if is_database_url(path):
            target: Path | str = str(path).strip()
        else:
            target = Path(path).resolve()  # a link to the journal is the journal (locks, backups, restore)
        journal = cls(_open_store(target, clock.now()), target, clock)
        journal._pin_zone()
        return journal

    @property
    def read_only(self) -> bool:
        """True when the journal was opened read-only (its place cannot be written: read-only
        media); every write then fails with "the journal file cannot be written here"."""
        return self.store.read_only

    def _pin_zone(self) -> None:
        """The first time a journal is opened its zone is written down (the one it had, else this
        computer's), so that opening it on a computer elsewhere changes nothing."""
        if self.read_only:  # nothing can be written down; the machine's zone is used meanwhile
            return
        with self.store.read() as tx:
            if zone_store.ZONES_KEY in tx.settings():
                return
        with self.store.transaction() as tx:
            zone_store.pin(tx, self.now())
        self._settings = None

    def close(self) -> None:
        from journal.storage.engines import engine_for

        self.store.dispose()
        engine_for(self.path).closed()  # a file: so the next open need not read the whole file

    @property
    def shared(self) -> bool:
        """True for a journal on a PostgreSQL server (several computers, several caregivers)."""
        return isinstance(self.path, str)

    @property
    def where(self) -> str:
        """The file's path, or the shared journal's URL without its password, for messages."""
        from journal.storage.engines import redact

        return redact(self.path) if isinstance(self.path, str) else str(self.path)

    def changed_elsewhere(self) -> bool:
        """True when another program (the command line, say) wrote to the journal since the last
        call; cached settings are dropped then. Cheap enough to call every few seconds. The first
        call only starts watching and returns False."""
        changed = self.store.changed_elsewhere()
        self._watching = True
        if changed:
            self._settings = None
        return changed

    def reopen(self) -> None:
        """Open the file again after it was replaced on disk (a restore from the window). The same
        object stays in use, so whoever holds it sees the restored journal. A refused file raises
        JournalFileError; the window then says so and asks for a restart (the old engine would
        reconnect to whatever file is there if used again)."""
        self.store.dispose()
        self._settings = None
        self.store = _open_store(self.path, self.now())
        self._pin_zone()
        if self._watching:  # watch from the state the views now redraw from, not from the next poll
            from journal.storage.engines import WatchError

            try:
                self.store.changed_elsewhere()
            except (sqlite3.Error, WatchError):
                pass  # the next poll starts watching

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self.clock.now()

    # settings -------------------------------------------------------------------------------
    def get_settings(self) -> Settings:
        if self._settings is None:
            with self.store.read() as tx:
                raw = tx.settings()
            known = {f.name for f in fields(Settings)}
            values = {k: v for k, v in raw.items() if k in known}
            self._zone = journal_zone(zone_store.periods_in(raw, self.now().date()))
            values["timezone"] = self._zone.current.key
            regional = regional_defaults(values["timezone"])
            for key in REGIONAL_SETTINGS:
                values.setdefault(key, getattr(regional, key))
            self._settings = Settings(**values)
        return dataclasses.replace(self._settings)

    def regional_guess(self) -> tuple[RegionalDefaults, bool]:
        """The defaults guessed from the locale and the journal's zone, and whether the emergency
        number was saved by a person (True) or is still that guess (False: first run asks)."""
        with self.store.read() as tx:
            saved = "emergency_number" in tx.settings()
        return regional_defaults(self.tz.current.key), saved

    def timezone_is_set(self) -> bool:
        """True once a person chose the zone (or an import brought it), not just this computer's."""
        with self.store.read() as tx:
            return tx.settings().get(zone_store.ORIGIN_KEY) != "machine"

    def save_settings(self, s: Settings, *, zone_since: date | None = None) -> Outcome:
        """Saves the settings. A new `timezone` applies from local date `zone_since` (default
        `zone_change_day`); the days before keep their zone (see `change_timezone`)."""
        check_texts(s)
        if not valid_timezone(s.timezone):
            raise ValidationError("timezone", _('"{timezone}" is not a known time zone (e.g. Europe/London)').format(timezone=s.timezone))
        if not s.emergency_number.strip():
            raise ValidationError("emergency_number", _("the emergency number cannot be empty"))
        if s.temperature_unit not in ("C", "F"):
            raise ValidationError("temperature_unit", _('"{temperature_unit}" is not C or F').format(temperature_unit=s.temperature_unit))
        if s.weight_unit not in ("kg", "lb"):
            raise ValidationError("weight_unit", _('"{weight_unit}" is not kg or lb').format(weight_unit=s.weight_unit))
        if s.language and s.language not in LANGUAGES:
            raise ValidationError("language", _('"{language}" is not one of {value}').format(language=s.language, value=", ".join(sorted(LANGUAGES))))
        if s.decimal_separator not in (".", ","):
            raise ValidationError("decimal_separator", _('"{decimal_separator}" is not "." or ","').format(decimal_separator=s.decimal_separator))
        if not isinstance(s.reminder_lead_minutes, int) or not 0 <= s.reminder_lead_minutes <= 24 * 60:
            raise ValidationError("reminder_lead_minutes", _("use a number of minutes from 0 to 1440"))
        since = zone_since or self.zone_change_day(s.timezone)
        with self.store.transaction() as tx:
            for f in fields(Settings):
                if f.name != "timezone":
                    tx.set_setting(f.name, getattr(s, f.name))
            zone_store.change(tx, s.timezone, since)
        self._settings = None
        return Outcome(frozenset({"settings", "alerts"}), self._alerts(None))

    def reminder_marks(self) -> dict[str, ReminderMark]:
        """The reminders already shown, by key (see ui/shell/reminders.py). Entries that cannot be read
        are left out (the worst outcome is a reminder shown twice, never one not shown)."""
        with self.store.read() as tx:
            raw = tx.settings().get(REMINDER_MARKS_KEY)
        out: dict[str, ReminderMark] = {}
        if not isinstance(raw, dict):
            return out
        for key, value in raw.items():
            try:
                at = datetime.fromisoformat(value[0])
                if at.tzinfo is None:
                    continue
                out[str(key)] = ReminderMark(at, bool(value[1]))
            except (TypeError, ValueError, IndexError, KeyError):
                continue
        return out

    def save_reminder_marks(self, marks: dict[str, ReminderMark], *, forget_before: datetime) -> None:
        """Replace the stored marks with `marks`, without those whose slot is before
        `forget_before` (aware). One small write; announces nothing (no record changed).
        Raises what the storage raises when the file cannot be written."""
        kept = {k: [m.at.isoformat(), m.closed] for k, m in marks.items() if m.at >= forget_before}
        with self.store.transaction() as tx:
            tx.set_setting(REMINDER_MARKS_KEY, kept)

    # time zones -----------------------------------------------------------------------------
    @property
    def tz(self) -> JournalZone:
        """The journal's zone over time, a tzinfo: each local day in the zone in force that day
        (domain/zones.py). Use `.zone_on(day)` or `.name_at(instant)` for one IANA zone."""
        if self._settings is None or self._zone is None:
            self.get_settings()
        assert self._zone is not None
        return self._zone

    def zone_periods(self) -> tuple[ZonePeriod, ...]:
        return self.tz.periods

    def zone_change_day(self, zone: str) -> date:
        """The day a change to `zone` applies from unless another is chosen: today where the
        family now is (in `zone`), and never before the latest change."""
        tz = self.tz
        today = self.now().astimezone(ZoneInfo(zone) if valid_timezone(zone) else tz).date()
        return max(today, tz.periods[-1].since)

    def describe_timezone_change(self, zone: str, since: date | None = None) -> str:
        """What changing to `zone` from `since` would do, in words, before it is saved."""
        with self.store.read() as tx:
            has_entries = bool(tx.patients(include_removed=True))
        return zone_store.describe_change(self.tz, zone, since or self.zone_change_day(zone),
                                          has_entries=has_entries)

    def change_timezone(self, zone: str, since: date | None = None) -> Outcome:
        """The journal's zone is `zone` from local date `since` (default `zone_change_day`): days
        before it keep the zone they had, so nothing already planned, logged or reported moves.
        ValidationError naming "timezone" (unknown zone) or "since" (before the latest change)."""
        since = since or self.zone_change_day(zone)
        with self.store.transaction() as tx:
            zone_store.change(tx, zone, since)
        self._settings = None
        return Outcome(frozenset({"settings", "alerts"}), self._alerts(None))

    # people ---------------------------------------------------------------------------------
    def list_patients(self) -> list[Patient]:
        with self.store.read() as tx:
            return tx.patients()

    def get_patient(self, patient_id: int) -> Patient:
        with self.store.read() as tx:
            got = tx.get("patient", patient_id)
        if got is None or got[1]:
            raise NotFound(_("no person with id {patient_id} in the journal").format(patient_id=patient_id), "patient")
        return got[0]  # type: ignore[no-any-return]

    def find_patient(self, name: str) -> Patient:
        """By name, ignoring case, extra spaces and Unicode form (`validation.name_key`); a unique
        beginning of the name is enough."""
        wanted = name_key(name)
        people = self.list_patients()
        exact = [p for p in people if name_key(p.name) == wanted]
        if exact:
            return exact[0]
        start = [p for p in people if wanted and name_key(p.name).startswith(wanted)]
        if len(start) == 1:
            return start[0]
        known = ", ".join(p.name for p in people) or "nobody yet"
        raise NotFound(_('no one named "{name}" in the journal (people: {known})').format(name=name, known=known), "--patient")

    def add_patient(self, p: Patient) -> Outcome:
        p = dataclasses.replace(p, name=clean_name(p.name))
        self._check_patient(p, None)
        with self.store.transaction() as tx:
            new_id = tx.insert("patient", p)
        return Outcome(frozenset({"patients"}), [], new_id)

    def update_patient(self, p: Patient, by: str = "") -> Outcome:
        pid = p.id
        if pid is None:
            raise ValidationError("id", _("the person has not been saved yet"))
        p = dataclasses.replace(p, name=clean_name(p.name))
        self._check_patient(p, pid)
        with self.store.transaction() as tx:
            got = tx.get("patient", pid)
            if got is None:
                raise NotFound(_("no person with id {id} in the journal").format(id=pid), "patient")
            before = got[0]
            tx.update("patient", pid, p)
            self._revision(tx, "patient", pid, "correct", before, p, by, "", pid)
        return Outcome(frozenset({"patients", "alerts"}), self._alerts(pid), pid)

    def _check_patient(self, p: Patient, own_id: int | None) -> None:
        check_patient(p, self.now())
        for other in self.list_patients():
            if other.id != own_id and name_key(other.name) == name_key(p.name):
                raise ValidationError("name", _('"{name}" is already in the journal').format(name=p.name))

    # medicines ------------------------------------------------------------------------------
    def list_medications(self, patient_id: int, include_inactive: bool = True) -> list[Medication]:
        with self.store.read() as tx:
            meds = tx.medications(patient_id)
        if include_inactive:
            return meds
        today = self.now().astimezone(self.tz).date()
        return [m for m in meds if m.regimen_on(today) is not None or (m.as_needed and not m.regimens)]

    def get_medication(self, medication_id: int) -> Medication:
        with self.store.read() as tx:
            got = tx.get("medication", medication_id)
        if got is None or got[1]:
            raise NotFound(_("no medicine with id {medication_id} in the journal").format(medication_id=medication_id), "medication")
        return got[0]  # type: ignore[no-any-return]

    def find_medication(self, patient_id: int, name: str) -> Medication:
        """By name, ignoring case, extra spaces and Unicode form (`validation.name_key`); a part of
        the name is enough when only one medicine matches."""
        wanted = name_key(name)
        meds = self.list_medications(patient_id)
        exact = [m for m in meds if name_key(m.name) == wanted]
        if exact:
            return exact[0]
        partial = [m for m in meds if wanted and wanted in name_key(m.name)]
        if len(partial) == 1:
            return partial[0]
        known = ", ".join(m.name for m in meds) or "none yet"
        if len(partial) > 1:
            raise NotFound(_('"{name}" matches more than one medicine ({known}); give more of the name').format(name=name, known=known), "--medication")
        raise NotFound(_('no medicine named "{name}" (medicines: {known})').format(name=name, known=known), "--medication")

    def add_medication(self, patient_id: int, m: Medication) -> Outcome:
        self.get_patient(patient_id)
        m = dataclasses.replace(m, patient_id=patient_id, regimens=list(m.regimens), name=clean_name(m.name))
        check_medication(m)
        if any(name_key(o.name) == name_key(m.name) for o in self.list_medications(patient_id)):
            raise ValidationError("name", _('"{name}" is already on the list').format(name=m.name))
        for i, e in enumerate(m.stock):
            check_stock_event(e, dataclasses.replace(m, stock=m.stock[:i]), f"stock/{i}/")
        with self.store.transaction() as tx:
            new_id = tx.insert("medication", m)
            for r in sorted(m.regimens, key=lambda r: r.start):
                tx.insert("regimen", dataclasses.replace(r, medication_id=new_id))
            for e in m.stock:
                tx.insert("stock_event", dataclasses.replace(e, medication_id=new_id, id=None))
        return Outcome(frozenset({"medications", "alerts"}), self._alerts(patient_id), new_id)

    def change_regimen(self, medication_id: int, new: Regimen, by: str = "") -> Outcome:
        """A new schedule from `new.start`: the one in force then ends the day before; steps that
        were planned to start on or after that day are removed (kept in the history)."""
        return self.set_regimens(medication_id, [new], by)

    def set_regimens(self, medication_id: int, regimens: list[Regimen], by: str = "") -> Outcome:
        """Replace the schedule from the first new step on (a taper or titration plan)."""
        if not regimens:
            raise ValidationError("regimens", _("give at least one step"))
        med = self.get_medication(medication_id)
        steps = sorted(regimens, key=lambda r: r.start)
        for i, r in enumerate(steps):
            check_regimen(r, med, f"regimens/{i}/")
            if i + 1 < len(steps):
                nxt = steps[i + 1]
                if nxt.start <= r.start:
                    raise ValidationError(f"regimens/{i + 1}/start", _("two steps start on the same day"))
                if r.end is None or r.end >= nxt.start:
                    steps[i] = dataclasses.replace(r, end=nxt.start - timedelta(days=1))
        first = steps[0].start
        now = self.now()
        with self.store.transaction() as tx:
            for old in tx.regimens(medication_id):
                assert old.id is not None
                if old.start >= first:
                    tx.set_removed("regimen", old.id, True)
                    tx.add_revision(Revision("regimen", old.id, now, by, "remove", dict(jsonable(old), removed=False),
                                             dict(jsonable(old), removed=True), "replaced by a new schedule"),
                                    med.patient_id)
                elif old.end is None or old.end >= first:
                    ended = dataclasses.replace(old, end=first - timedelta(days=1))
                    tx.update("regimen", old.id, ended)
                    self._revision(tx, "regimen", old.id, "correct", old, ended, by, "schedule changed",
                                   med.patient_id, now)
            ids = [tx.insert("regimen", dataclasses.replace(r, medication_id=medication_id, id=None)) for r in steps]
        return Outcome(frozenset({"medications", "alerts"}), self._alerts(med.patient_id), ids[0])

    def set_limits(self, medication_id: int, *, max_daily: Quantity | None,
                   as_needed_limits: AsNeededLimits | None, by: str = "", reason: str = "") -> Outcome:
        """Set (or clear, with None) a medicine's daily ceiling and its as-needed limits, in one
        transaction; the earlier values are kept as a revision. Raises ValidationError naming the
        field (`max_daily`, `as_needed_limits/...`); nothing is changed then."""
        med = self.get_medication(medication_id)
        limits = None if as_needed_limits is None or as_needed_limits.empty else as_needed_limits
        after = dataclasses.replace(med, max_daily=max_daily, as_needed_limits=limits)
        check_limits(after)
        if after.max_daily == med.max_daily and after.as_needed_limits == med.as_needed_limits:
            return Outcome(frozenset(), [], medication_id)
        with self.store.transaction() as tx:
            tx.update("medication", medication_id, after)
            self._revision(tx, "medication", medication_id, "correct", med, after, by or self._by(), reason,
                           med.patient_id)
        return Outcome(frozenset({"medications", "alerts"}), self._alerts(med.patient_id), medication_id)

    def record_stock(self, medication_id: int, event: StockEvent, by: str = "") -> Outcome:
        """Record a stock event (counted on hand, received, discarded) for a medicine. Raises
        ValidationError naming the field (`kind`, `at`, `amount`); nothing is saved then."""
        med = self.get_medication(medication_id)
        e = dataclasses.replace(event, medication_id=medication_id, id=None, removed=False,
                                by=event.by or by or self.caregiver())
        if not isinstance(e.kind, StockKind):
            try:
                e.kind = StockKind(e.kind)
            except ValueError:
                raise ValidationError("kind", _("{kind} is not one of: counted, received, discarded").format(kind=f"{e.kind!r}")) from None
        check_stock_event(e, med)
        check_not_future(e.at, self.now(), "at")
        with self.store.transaction() as tx:
            new_id = tx.insert("stock_event", e)
        return Outcome(frozenset({"medications", "alerts"}), self._alerts(med.patient_id), new_id)

    def stock_level(self, medication_id: int, at: datetime | None = None) -> StockLevel | None:
        """The medicine's stock now (or at `at`): a `journal.schedule.stock.StockLevel`, or None
        when no stock was recorded. Raises `StockUnknown` when it cannot be told."""
        from journal.schedule.stock import stock_level

        at = at or self.now()
        with self.store.read() as tx:
            got = tx.get("medication", medication_id)
            if got is None or got[1]:
                raise NotFound(_("no medicine with id {medication_id} in the journal").format(medication_id=medication_id), "medication")
            med = got[0]
            doses, earlier = _stock_reads(tx, med, at)
        return stock_level(med, doses, at, self.tz, earlier=earlier)

    def _by(self) -> str:
        return self.caregiver()

    def caregiver(self) -> str:
        """Who is writing, for "by" when none is given: on a shared journal the person the
        connected database role was granted for (`grant --person`), else the caregiver's name
        from the settings."""
        if isinstance(self.path, str):
            if self._person is None:
                from journal.storage.roles import connected_role

                with self.store.read() as tx:
                    role = connected_role(tx.s)
                    people = tx.settings().get(PEOPLE_BY_ROLE, {})
                self._person = str(people.get(role, "")) if isinstance(people, dict) else ""
            if self._person:
                return self._person
        return self.get_settings().caregiver_name

    # shared journals: set-up and access ---------------------------------------------------------
    def init_shared(self) -> list[str]:
        """On a shared journal (the schema is already created or upgraded by opening it): create
        the database's caregiver and viewer group roles and grant them their rights. Run as the
        database's owner. Returns the group roles' names. ValidationError("--db") on a file."""
        from journal.storage.roles import setup_roles

        if not isinstance(self.path, str):
            raise ValidationError("--db", _("init sets up a shared journal; give its postgresql:// URL"))
        with self.store.transaction() as tx:
            return setup_roles(tx.s)

    def grant(self, login: str, access: str, person: str) -> bool:
        """Let the database role `login` use this shared journal as `access` ("caregiver": read
        and write; "viewer": read only), writing as `person` (the default "by"). Creates the role
        (without a password) when missing; returns True then. Enforced by PostgreSQL's grants."""
        from journal.storage.roles import RoleError, grant

        if not isinstance(self.path, str):
            raise ValidationError("--db", _("grant is for a shared journal; give its postgresql:// URL"))
        if not person.strip():
            raise ValidationError("--person", _("give the name this person signs entries with"))
        try:
            with self.store.transaction() as tx:
                new = grant(tx.s, login, access)
                people = tx.settings().get(PEOPLE_BY_ROLE, {})
                people = dict(people) if isinstance(people, dict) else {}
                people[login] = person.strip()
                tx.set_setting(PEOPLE_BY_ROLE, people)
        except RoleError as e:
            raise ValidationError("ROLE" if "role name" in str(e) else "--access", str(e)) from None
        return new

    # logging --------------------------------------------------------------------------------
    def _medication_of(self, patient_id: int, medication_id: int) -> Medication:
        try:
            med = self.get_medication(medication_id)
        except NotFound:
            raise ValidationError("medication", _("no medicine with id {medication_id}").format(medication_id=medication_id)) from None
        if med.patient_id != patient_id:
            raise ValidationError("medication", _("{name} is not on this person's list").format(name=med.name))
        return med

    def prepare_dose(self, patient_id: int, dose: Dose, by: str = "") -> Dose:
        """The dose as it will be stored: times filled in, amount normalised, plausibility checked."""
        med = self._medication_of(patient_id, dose.medication_id)
        now = self.now()
        try:
            status = DoseStatus(dose.status)
        except ValueError:
            raise ValidationError("status", _('"{status}" is not one of: {value}').format(status=dose.status, value=", ".join(s.value for s in DoseStatus))) from None
        d = dataclasses.replace(dose, patient_id=patient_id, status=status)
        check_texts(d)
        check_aware(d.given, "given")
        check_aware(d.scheduled, "scheduled")
        if d.given is None and d.scheduled is None:
            if d.status.was_given:
                d.given = now
            else:
                d.scheduled = now
        if d.amount is None and d.status.was_given and med.form is not Form.PUMP:
            reg = med.regimen_on(d.at.astimezone(self.tz).date())
            if reg is not None:
                d.amount = reg.dose
        if d.amount is not None:
            d.amount_normalised = normalise_amount(d.amount, med.strength, "amount", med.form, d.status.was_given)
        else:
            d.amount_normalised = None
        check_not_future(d.given, now, "given")
        if not d.by:
            d.by = by or self.caregiver()
        return d

    def clock_doubt(self, patient_id: int, at: datetime | None = None) -> str | None:
        """Plain words when `at` (default: now by the computer's clock) is far from the person's
        last entry, so the clock may be wrong (`validation.clock_doubt`); None when it looks right.
        The window asks before saving "Given now", the command line refuses without --at."""
        at = at or self.now()
        with self.store.read() as tx:
            last = tx.last_entry(patient_id)
        tz = self.tz
        return clock_doubt(at.astimezone(tz), last.astimezone(tz) if last is not None else None)

    def log_dose(self, patient_id: int, dose: Dose, by: str = "", *, claim_slot: bool = False) -> Outcome:
        """Store one dose. With `claim_slot` ("Given now" on a planned dose: `dose.scheduled` is
        the slot) at most one given dose is stored for the slot, however many caregivers press
        at once on however many computers: the second is refused with AlreadyGiven ("already
        given by Ana at 08:01") and nothing is saved. The database's unique index on claimed
        slots decides the race (storage migration 0003), not a check followed by a write."""
        d = self.prepare_dose(patient_id, dose, by)
        if claim_slot and d.scheduled is not None and d.status.was_given:
            return self._log_slot_dose(patient_id, d)
        with self.store.transaction() as tx:
            new_id = tx.insert("dose", d)
        return Outcome(frozenset({"doses", "alerts"}), self._alerts(patient_id), new_id)

    def _log_slot_dose(self, patient_id: int, d: Dose) -> Outcome:
        from journal.storage.repository import SlotTaken

        assert d.scheduled is not None
        self._refuse_if_given(d)  # the friendly answer when the dose was logged some time ago
        try:
            with self.store.transaction() as tx:
                new_id = tx.insert_slot_dose(d)
        except SlotTaken:
            self._refuse_if_given(d)  # the race lost: say who won
            raise AlreadyGiven(_("the {slot} dose was already logged; nothing was saved").format(slot=self._hm(d.scheduled)),
                               None) from None
        return Outcome(frozenset({"doses", "alerts"}), self._alerts(patient_id), new_id)

    def _hm(self, at: datetime) -> str:
        return at.astimezone(self.tz).strftime("%H:%M")

    def _refuse_if_given(self, d: Dose) -> None:
        assert d.scheduled is not None
        with self.store.read() as tx:
            there = [x for x in tx.slot_doses(d.medication_id, d.scheduled) if x.status.was_given]
        if there:
            first = there[0]
            who = f" by {first.by}" if first.by else ""
            when = f" at {self._hm(first.given)}" if first.given is not None else ""
            raise AlreadyGiven(_("the {slot} dose was already given{who}{when}; nothing was saved").format(slot=self._hm(d.scheduled), who=who, when=when),
                               first)

    def log_symptom(self, patient_id: int, entry: SymptomEntry, by: str = "") -> Outcome:
        self.get_patient(patient_id)
        # A plain name the catalog lists (`twitching`) is stored as its code (`muscle-twitching`).
        e = dataclasses.replace(entry, patient_id=patient_id, symptom=symptom_code(entry.symptom),
                                by=entry.by or by or self.caregiver())
        check_symptom(e)
        check_not_future(e.at, self.now(), "at")
        with self.store.transaction() as tx:
            new_id = tx.insert("symptom", e)
        return Outcome(frozenset({"symptoms", "alerts"}), self._alerts(patient_id), new_id)

    def log_observation(self, patient_id: int, obs: Observation, by: str = "") -> Outcome:
        self.get_patient(patient_id)
        o = dataclasses.replace(obs, patient_id=patient_id, by=obs.by or by or self.caregiver())
        try:
            o.kind = ObservationKind(o.kind)
        except ValueError:
            raise ValidationError("kind", _('"{kind}" is not a known kind of measurement').format(kind=o.kind)) from None
        check_observation(o)
        check_not_future(o.at, self.now(), "at")
        with self.store.transaction() as tx:
            new_id = tx.insert("observation", o)
        return Outcome(frozenset({"observations", "alerts"}), self._alerts(patient_id), new_id)

    def log_pump_event(self, patient_id: int, event: PumpEvent, by: str = "") -> Outcome:
        self.get_patient(patient_id)
        e = dataclasses.replace(event, patient_id=patient_id, by=event.by or by or self.caregiver())
        try:
            e.kind = PumpEventKind(e.kind)
        except ValueError:
            raise ValidationError("kind", _('"{kind}" is not a kind of pump event').format(kind=e.kind)) from None
        check_pump_event(e)
        check_not_future(e.at, self.now(), "at")
        with self.store.transaction() as tx:
            new_id = tx.insert("pump_event", e)
        return Outcome(frozenset({"pump", "alerts"}), self._alerts(patient_id), new_id)

    def add_note(self, patient_id: int, note: Note, by: str = "") -> Outcome:
        self.get_patient(patient_id)
        n = dataclasses.replace(note, patient_id=patient_id, by=note.by or by or self.caregiver())
        check_aware(n.at, "at")
        check_texts(n)
        if not n.text.strip():
            raise ValidationError("text", _("the note is empty"))
        with self.store.transaction() as tx:
            new_id = tx.insert("note", n)
        # Notes count for the checks too (e.g. alcohol taken is recorded as a note).
        return Outcome(frozenset({"notes", "alerts"}), self._alerts(patient_id), new_id)

    # corrections ----------------------------------------------------------------------------
    def correct(self, entity: str, entity_id: int, changes: dict[str, object], by: str, reason: str = "") -> Outcome:
        """Change fields of a record; the earlier version is kept as a revision."""
        self._check_entity(entity)
        with self.store.read() as tx:
            got = tx.get(entity, entity_id)
        if got is None:
            raise NotFound(_("no {entity} with id {entity_id}").format(entity=entity.replace('_', ' '), entity_id=entity_id), entity)
        before, _removed = got
        allowed = {f.name for f in fields(before)} - {"id", "patient_id", "removed", "regimens", "stock",
                                                      "amount_normalised"}
        for key in changes:
            if key not in allowed:
                raise ValidationError(key, _("cannot be changed on a {entity}").format(entity=entity.replace('_', ' ')))
        coerced: dict[str, Any] = {}
        for k, v in changes.items():
            try:
                coerced[k] = _coerce(entity, k, v)
            except ValueError as e:
                raise ValidationError(k, _("{v} is not allowed here ({e})").format(v=f"{v!r}", e=e)) from None
        after = dataclasses.replace(before, **coerced)
        after, patient_id = self._validate_corrected(entity, after)
        with self.store.transaction() as tx:
            tx.update(entity, entity_id, after)
            self._revision(tx, entity, entity_id, "correct", before, after, by, reason, patient_id)
        if entity == "patient":
            self._settings = None
        return Outcome(frozenset({CHANGED[entity], "alerts"}), self._alerts(patient_id), entity_id)

    def _validate_corrected(self, entity: str, obj: Any) -> tuple[Any, int | None]:
        """The corrected record as it will be stored, and whose it is; raises ValidationError."""
        if entity == "dose":
            d = self.prepare_dose(obj.patient_id, obj)  # renormalises the amount
            return d, int(obj.patient_id)
        return obj, self._validate_other(entity, obj)

    def _validate_other(self, entity: str, obj: Any) -> int | None:
        if entity == "symptom":
            check_symptom(obj)
        elif entity == "observation":
            check_observation(obj)
        elif entity == "pump_event":
            check_pump_event(obj)
        elif entity == "note":
            check_aware(obj.at, "at")
            check_texts(obj)
        elif entity == "patient":
            obj.name = clean_name(obj.name)
            self._check_patient(obj, obj.id)
            return int(obj.id)
        elif entity == "medication":
            obj.regimens = []
            obj.name = clean_name(obj.name)
            check_medication(obj)
            if any(o.id != obj.id and name_key(o.name) == name_key(obj.name)
                   for o in self.list_medications(obj.patient_id)):
                raise ValidationError("name", _('"{name}" is already on the list').format(name=obj.name))
            return int(obj.patient_id)
        elif entity == "stock_event":
            med = self.get_medication(obj.medication_id)
            check_stock_event(obj, med)
            return med.patient_id
        elif entity == "regimen":
            med = self.get_medication(obj.medication_id)
            check_regimen(obj, med)
            return med.patient_id
        return int(obj.patient_id)

    def remove(self, entity: str, entity_id: int, by: str, reason: str) -> Outcome:
        """Mark a record removed (it stays in the file and can be brought back)."""
        if not reason.strip():
            raise ValidationError("reason", _("say why the entry is removed (kept with the history)"))
        return self._set_removed(entity, entity_id, True, by, reason)

    def unremove(self, entity: str, entity_id: int, by: str, reason: str = "") -> Outcome:
        return self._set_removed(entity, entity_id, False, by, reason)

    def _set_removed(self, entity: str, entity_id: int, removed: bool, by: str, reason: str) -> Outcome:
        self._check_entity(entity)
        with self.store.transaction() as tx:
            got = tx.get(entity, entity_id)
            if got is None:
                raise NotFound(_("no {entity} with id {entity_id}").format(entity=entity.replace('_', ' '), entity_id=entity_id), entity)
            obj, was_removed = got
            if was_removed == removed:
                return Outcome(frozenset(), [], entity_id)
            patient_id = self._patient_of(tx, entity, obj)
            tx.set_removed(entity, entity_id, removed)
            before = dict(jsonable(obj), removed=was_removed)
            after = dict(jsonable(obj), removed=removed)
            tx.add_revision(
                Revision(entity, entity_id, self.now(), by, "remove" if removed else "restore", before, after, reason),
                patient_id,
            )
        if entity == "patient":
            self._settings = None
        return Outcome(frozenset({CHANGED[entity], "alerts"}), self._alerts(patient_id), entity_id)

    def revisions(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Revision]:
        with self.store.read() as tx:
            return tx.revisions(patient_id, start, end)

    def revisions_of(self, entity: str, entity_id: int) -> list[Revision]:
        """Every earlier version of one record, oldest first."""
        with self.store.read() as tx:
            return tx.revisions(None, entity=entity, entity_id=entity_id)

    @overload
    def get_record(self, entity: Literal["dose"], entity_id: int) -> Dose: ...
    @overload
    def get_record(self, entity: Literal["symptom"], entity_id: int) -> SymptomEntry: ...
    @overload
    def get_record(self, entity: Literal["observation"], entity_id: int) -> Observation: ...
    @overload
    def get_record(self, entity: Literal["pump_event"], entity_id: int) -> PumpEvent: ...
    @overload
    def get_record(self, entity: Literal["note"], entity_id: int) -> Note: ...
    @overload
    def get_record(self, entity: Literal["stock_event"], entity_id: int) -> StockEvent: ...
    @overload
    def get_record(self, entity: str, entity_id: int) -> Record: ...
    def get_record(self, entity: str, entity_id: int) -> Record:
        """One record (a removed one too: check its `removed`). NotFound when there is none,
        ValidationError("entity") for an entity not in ENTITIES."""
        self._check_entity(entity)
        with self.store.read() as tx:
            got = tx.get(entity, entity_id)
        if got is None:
            raise NotFound(_("no {entity} with id {entity_id}").format(entity=entity.replace('_', ' '), entity_id=entity_id), entity)
        record: Record = got[0]  # storage gives the domain object of the entity's row
        return record

    def _check_entity(self, entity: str) -> None:
        if entity not in ENTITIES:
            raise ValidationError("entity", _('"{entity}" is not one of {value}').format(entity=entity, value=", ".join(ENTITIES)))

    def _patient_of(self, tx: Tx, entity: str, obj: Any) -> int | None:
        if entity == "patient":
            return int(obj.id)
        if entity in ("regimen", "stock_event"):
            got = tx.get("medication", obj.medication_id)
            return got[0].patient_id if got else None
        return int(obj.patient_id)

    def _revision(
        self, tx: Tx, entity: str, entity_id: int, action: str, before: Any, after: Any, by: str, reason: str,
        patient_id: int | None, at: datetime | None = None,
    ) -> None:
        tx.add_revision(
            Revision(entity, entity_id, at or self.now(), by, action, jsonable(before), jsonable(after), reason),
            patient_id,
        )

    # reading --------------------------------------------------------------------------------
    def history(self, patient_id: int, start: datetime, end: datetime, *,
                stock_at: datetime | None = None) -> PatientHistory:
        """One person's records with start <= at <= end (bounded, indexed queries), all their
        medicines with regimens, the last given dose of each medicine, and the latest pump event
        of each kind before `start`; for each medicine with stock, the doses given since its last
        count up to `stock_at` (default `end`; for the stock on hand; older than a week, summed).
        A wide read with `stock_at` now can be cut down (`PatientHistory.narrowed`) to the
        checks' window ending now and equal a read of that window. Raises NotFound for a removed
        or unknown person. See `histories` for the statements it takes."""
        found = self.histories([patient_id], start, end, stock_at=stock_at)
        if patient_id not in found:
            raise NotFound(_("no person with id {patient_id} in the journal").format(patient_id=patient_id), "patient")
        return found[patient_id]

    def histories(self, patient_ids: Sequence[int], start: datetime, end: datetime, *,
                  stock_at: datetime | None = None) -> dict[int, PatientHistory]:
        """`history` for several people at once, by person id (unknown or removed people are left
        out). About 15 SQL statements however many people, plus two per medicine with a stock
        count: each person's part is an indexed lookup, so the cost per person is the rows read,
        not the statements (issue 17: the checks for 50 people)."""
        tz = self.tz
        stock_end = stock_at or end
        ids = list(dict.fromkeys(patient_ids))
        with self.store.read() as tx:
            people = tx.patients_by_id(ids)
            ids = [i for i in ids if i in people]
            if not ids:
                return {}
            meds_of = tx.medications_of(ids)
            all_meds = [m for pid in ids for m in meds_of.get(pid, [])]
            last_given = tx.last_given_of([m.id for m in all_meds if m.id is not None])
            doses_of = tx.series_of("dose", ids, start, end)
            symptoms_of = tx.series_of("symptom", ids, start, end)
            observations_of = tx.series_of("observation", ids, start, end)
            notes_of = tx.series_of("note", ids, start, end)
            pump_before = tx.latest_pump_events_before_of(ids, start)
            pump_of = tx.series_of("pump_event", ids, start, end)
            firsts = tx.first_entries_of(ids)
            out: dict[int, PatientHistory] = {}
            for pid in ids:
                meds = meds_of.get(pid, [])
                med_ids = {m.id for m in meds}
                stock_doses: dict[int, list[Dose]] = {}
                stock_given: dict[int, GivenSummary] = {}
                for m in meds:
                    if m.id is not None and m.stock:
                        doses_since, earlier = _stock_reads(tx, m, stock_end)
                        stock_doses[m.id] = doses_since
                        if earlier is not None:
                            stock_given[m.id] = earlier
                first_entry, first_dose = firsts.get(pid, (None, {}))
                out[pid] = PatientHistory(
                    patient=people[pid], tz=tz, start=start, end=end, medications=meds,
                    doses=[d for d in doses_of[pid] if d.medication_id in med_ids],
                    symptoms=symptoms_of[pid], observations=observations_of[pid],
                    pump_events=pump_before[pid] + pump_of[pid], notes=notes_of[pid],
                    last_given={mid: d for mid, d in last_given.items() if mid in med_ids},
                    stock_doses=stock_doses, stock_given=stock_given,
                    first_entry=first_entry, first_dose=first_dose,
                )
            return out

    # alerts -----------------------------------------------------------------------------------
    def check(self, now: datetime | None = None, patient_id: int | None = None) -> list[Alert]:
        """Every safety check (journal.services.checks), most severe first."""
        from . import checks  # here, not at the top: checks is a use case over this module's Journal

        return checks.run(self, now or self.now(), patient_id)

    def alerts_after_write(self, patient_id: int | None) -> list[Alert]:
        """The alerts as a write leaves them (the checks for one person, or everyone with None);
        a failing check is an alert of its own, never silence."""
        return self._alerts(patient_id)

    @contextlib.contextmanager
    def checks_left_to_caller(self) -> Iterator[None]:
        """Within it, a write does not run the checks (its Outcome.alerts is empty): the caller
        runs them once itself after the write, on the one history it reads (the window's named
        operations, journal.ui.operations), instead of every write and view reading its own."""
        self._checks_left += 1
        try:
            yield
        finally:
            self._checks_left -= 1

    def _alerts(self, patient_id: int | None) -> list[Alert]:
        """The alerts after a write. The write is already saved, so a failing check must not
        hide it; it is reported as an alert of its own so that it is never silent."""
        if self._checks_left:
            return []
        try:
            return self.check(self.now(), patient_id)
        except Exception as e:  # noqa: BLE001 - shown to the caregiver, see docstring
            from .checks import checks_failed

            return [checks_failed(e, self.now(), patient_id)]

    def acknowledge(self, alert: Alert, note: str, by: str = "") -> Outcome:
        ack = Acknowledgement(
            alert_key=alert.key, rule=alert.rule, severity=alert.severity, at=self.now(), note=note,
            by=by or self.caregiver(), evidence=list(alert.evidence),
            patient_id=alert.patient_id,
        )
        with self.store.transaction() as tx:
            new_id = tx.add_acknowledgement(ack)
        return Outcome(frozenset({"alerts"}), [], new_id)

    def acknowledgements(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Acknowledgement]:
        with self.store.read() as tx:
            return tx.acknowledgements(patient_id, start, end)

    # exchange and files -----------------------------------------------------------------------
    def import_document(self, doc: dict[str, Any]) -> ImportSummary:
        from .exchange import import_document

        if isinstance(doc, dict) and BACKUP_TABLES in doc:  # a shared backup: its records, as any document's
            doc = {k: v for k, v in doc.items() if k != BACKUP_TABLES}
        summary = import_document(self, doc)
        self._settings = None
        return summary

    def import_stream(self, head: dict[str, Any], people: Any) -> ImportSummary:
        """Import a document read one person at a time (journal.services.exchange.import_stream)."""
        from .exchange import import_stream

        summary = import_stream(self, head, people)
        self._settings = None
        return summary

    def export_document(self, patient_name: str | None = None) -> dict[str, Any]:
        from .exchange import export_document

        return export_document(self, patient_name)

    def write_export(self, write: Callable[[str], Any], patient_name: str | None = None) -> int:
        """The exchange document written through `write` one person at a time; returns the number
        of people (journal.services.exchange.write_export)."""
        from .exchange import write_export

        return write_export(self, write, patient_name)

    def export_csv(self, out_dir: Path | str, patient_name: str | None = None) -> list[Path]:
        from .exchange import export_csv
        from .output import check_output_path

        return export_csv(self, check_output_path(out_dir, self.path, folder=True), patient_name)

    def export_xlsx(self, out: Path | str, patient_name: str | None = None) -> dict[str, int]:
        """The CSV export's tables as sheets of one workbook; returns {sheet: rows}."""
        from .spreadsheet import export_xlsx

        return export_xlsx(self, Path(out), patient_name)

    def backup(self, dest: Path | str) -> Path:
        """A consistent copy of the journal at `dest` (a file, or a folder for a dated copy).
        ValidationError("OUT") for a place that would destroy something (output.check_output_path);
        OutputError when the copy cannot be written whole (a full disk), the old file left as it was.
        Of a file: a SQLite copy (SQLite's backup API). Of a shared journal: the whole journal in
        exchange format v1 with every table beside it (`BACKUP_TABLES`: the history of corrections
        and removals, the acknowledgements, the settings), all read in one REPEATABLE READ
        transaction: a JSON file `restore` puts back whole into an empty shared journal, and whose
        records `import` brings into any journal. Returns the file written."""
        if isinstance(self.path, str):
            return self._backup_shared(Path(dest).expanduser())
        from journal.storage.backups import backup_file

        from .backups import check_backup
        from .output import OutputError, atomic_output, check_output_path
        from .validation import check_output_path as check_plain_output

        typed = str(dest)
        dest = Path(dest).expanduser()
        if dest.is_dir():  # a folder (a USB stick): a dated copy inside it
            dest = dest / f"carejournal-backup-{self.now().astimezone(self.tz).strftime('%Y-%m-%d-%H%M%S')}.sqlite3"
        elif typed.endswith(("/", os.sep)) or not dest.parent.is_dir():
            # Never made here: a USB stick that is not plugged in would get a folder on the
            # computer's own disk, and the caregiver would believe the copy is on the stick.
            missing = dest if typed.endswith(("/", os.sep)) else dest.parent
            raise ValidationError("OUT", _("the folder {missing} does not exist (is the USB stick or drive plugged in?); nothing was written").format(missing=missing))
        dest = check_output_path(dest, self.path)
        check_plain_output(dest, "OUT")  # a link, pipe or device, an odd name
        try:
            with atomic_output(dest, check=check_backup) as tmp:
                backup_file(self.path, tmp)
        except sqlite3.Error as e:
            if "full" in str(e).lower():
                raise OutputError(_("not enough free space on the disk holding {parent}, so {name} was not written (any earlier file of that name was left as it was)").format(parent=dest.parent, name=dest.name)) from e
            raise
        return dest

    def move_in(self, src: Path | str) -> dict[str, int]:
        """Copy the journal file (or shared journal URL) `src` whole into this (empty) journal: every record with its
        history of corrections and removals, the acknowledgements and the settings. The usual way
        into a shared journal: `carejournal --db postgresql://... move-in FILE`. Returns rows
        copied per table. Raises ValidationError("FILE", ...) when this journal already holds
        people or `src` is missing; JournalFileError when `src` is not a journal."""
        from journal.storage.engines import is_database_url
        from journal.storage.transfer import TargetNotEmpty, copy_journal

        source_at: Path | str
        if is_database_url(src):  # another shared journal
            source_at = str(src).strip()
            if source_at == self.path:
                raise ValidationError("FILE", _("that is this journal itself"))
        else:
            source_at = Path(src).expanduser()
            if not source_at.is_file():
                raise ValidationError("FILE", _("{src} does not exist").format(src=src))
            if isinstance(self.path, Path) and source_at.resolve() == self.path.resolve():
                raise ValidationError("FILE", _("that is this journal itself"))
        source = _open_store(source_at, self.now())  # upgraded first if older (a copy is kept)
        try:
            copied = copy_journal(source.engine, self.store.engine)
        except TargetNotEmpty:
            raise ValidationError("FILE", _("this journal already holds people; move a journal in only into an empty one (nothing was changed)")) from None
        finally:
            source.dispose()
        self._settings = None
        return copied

    def _restore_tables(self, src: Path, dump: Any) -> None:
        """Every table of a shared backup, with its ids, into this empty shared journal (as
        `move_in` copies a file): the records, their corrections and removals, the acknowledgements."""
        from journal.storage.transfer import DumpError, TargetNotEmpty, load_tables

        try:
            load_tables(self.store.engine, dump)
        except TargetNotEmpty:
            raise ValidationError("FILE", _("a shared journal is restored only into an empty one; nothing was changed (create an empty database, init it, then restore)")) from None
        except DumpError as e:
            raise ValidationError("FILE", _("{src} cannot be restored with its history ({reason}); nothing was changed. Its records alone can be brought in with: carejournal import FILE").format(src=src, reason=e)) from None
        self._settings = None
        self._zone = None
        self._person = None

    def _backup_shared(self, dest: Path) -> Path:
        import os

        from journal.storage.backups import create_private

        if dest.is_dir():
            stamp = self.now().astimezone(self.tz).strftime("%Y-%m-%d-%H%M%S")
            dest = dest / f"carejournal-shared-backup-{stamp}.json"
        if not dest.parent.is_dir():
            raise ValidationError("OUT", _("the folder {parent} does not exist").format(parent=dest.parent))
        from journal.storage.transfer import dump_tables

        with self.store.read() as tx:  # one snapshot: the tables and the document agree
            doc = self.export_document()
            doc[BACKUP_TABLES] = dump_tables(tx.s)
        tmp = dest.with_name(dest.name + ".partial")
        tmp.unlink(missing_ok=True)
        create_private(tmp)  # a copy of a health journal is readable by its owner only
        try:
            with tmp.open("w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return dest

    def restore(self, src: Path | str) -> Outcome:
        """Replace the journal with a backup. The current file is kept first as a before-restore
        copy in the backups folder (`Outcome.saved_copy`), named and rotated like every backup.
        A shared journal is restored only when it is empty, from a shared backup (exchange format)
        through `import`: on a server several caregivers use, nothing is overwritten."""
        from .backups import BackupError, BackupService

        src = Path(src)
        if not src.is_file():
            raise ValidationError("FILE", _("{src} does not exist").format(src=src))
        if isinstance(self.path, str):
            if self.list_patients():
                raise ValidationError("FILE", _("a shared journal is restored only into an empty one; nothing was changed (create an empty database, init it, then restore)"))
            try:
                doc = json.loads(src.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise ValidationError("FILE", _("{src} is not a shared journal's backup (exchange format JSON); to move a journal file in, export it and import that").format(src=src)) from None
            if isinstance(doc, dict) and BACKUP_TABLES in doc:
                self._restore_tables(src, doc[BACKUP_TABLES])
            else:  # an exchange document (an export, or a backup from before the tables were kept)
                self.import_document(doc)
            return Outcome(ALL_CHANGED, self._alerts(None))
        if src.resolve() == self.path.resolve():
            raise ValidationError("FILE", _("that is the journal itself, not a backup of it"))
        # BackupService.restore checks the backup (a journal, not empty, undamaged) before anything.
        service = BackupService(self.path, self.clock, tz=self.tz)
        closed = False

        def close() -> None:
            nonlocal closed
            closed = True
            self.store.dispose()

        try:
            kept = service.restore(src, close_journal=close)
        except BackupError as e:
            raise JournalFileError(str(e)) from None
        finally:
            if closed:  # a backup refused before the file was touched leaves the journal open as it was
                self.reopen()
        return Outcome(ALL_CHANGED, self._alerts(None), saved_copy=kept)


def _stock_reads(tx: Tx, med: Medication, at: datetime) -> tuple[list[Dose], GivenSummary | None]:
    """What a stock at `at` needs from the file: the doses given since the medicine's last count,
    one by one for the last week and summed by amount before that (a count made years ago is
    thousands of doses, read at every check)."""
    from journal.schedule.stock import DOSES_READ_SINGLY, baseline_of

    base = baseline_of(med.stock, at)
    if base is None or med.id is None:
        return [], None
    cut = max(base.at, at - DOSES_READ_SINGLY)
    earlier = tx.given_summary(med.id, base.at, cut) if cut > base.at else None
    doses = [d for d in tx.given_since(med.id, cut) if d.given is not None and d.given <= at]
    return doses, earlier


def _open_store(path: Path | str, now: datetime) -> Store:
    """The storage engine for the journal file at `path` or the shared journal at a PostgreSQL
    URL (upgraded if older), or JournalFileError for one that is not a journal, is damaged, comes
    from a newer version or cannot be reached. A journal file whose place cannot be written
    (read-only media) is opened read-only (`Store.read_only`)."""
    from journal.storage.db import open_engine
    from journal.storage.repository import Store

    try:
        engine = open_engine(path, now)
        engine.connect().close()  # the first connection sets WAL up: on read-only media it fails here
    except Exception as e:
        engine = _read_only_fallback(e, path) if isinstance(path, Path) else None
        if engine is None:
            raise _refusal(e, path) from None
        store = Store(engine, too_long=lambda e: ValidationError(e.field, e.message))
        store.read_only = True
        return store
    return Store(engine, too_long=lambda e: ValidationError(e.field, e.message))


def _read_only_fallback(e: BaseException, path: Path) -> Any:
    """A read-only engine when the journal exists but its place cannot be written (read-only media:
    SQLite cannot make the -wal/-shm files there), else None."""
    from journal.storage.db import StorageFileError, open_read_only_engine

    orig = getattr(e, "orig", None) or e
    if isinstance(e, StorageFileError) or not isinstance(orig, sqlite3.OperationalError) or not path.is_file():
        return None
    words = plain_failure(orig) or ""
    if "cannot be opened there" not in words and "cannot be written" not in words:
        return None
    if os.access(path.parent, os.W_OK):  # a writable place: the failure is something else
        return None
    try:
        return open_read_only_engine(path)
    except (StorageFileError, sqlite3.Error):
        return None


def _refusal(e: BaseException, path: Path | str) -> BaseException:
    """The JournalFileError for a journal that could not be opened (`e` itself when it is not
    about the file)."""
    from journal.storage.db import StorageFileError

    if isinstance(e, StorageFileError):
        return JournalFileError(_not_damaged(e, path) or str(e))
    if isinstance(e, sqlite3.DatabaseError):
        return JournalFileError(_not_damaged(e, path) or _("{path} is damaged or not a journal: {problem}").format(
            path=path, problem=e))
    orig = getattr(e, "orig", None)  # SQLAlchemy wraps sqlite3 errors in its own classes
    if isinstance(orig, sqlite3.DatabaseError):
        return JournalFileError(_not_damaged(orig, path) or _("{path} is damaged or not a journal: {problem}").format(
            path=path, problem=orig))
    return e


def _not_damaged(e: BaseException, path: Path | str) -> str | None:
    """Plain words when opening failed for the disk's sake (full, read-only, busy, unreadable
    drive), not the file's: such a journal must not be called damaged. None otherwise."""
    words = plain_failure(e)
    if words is None or "damaged" in words:
        return None
    return f"{path}: {words}"


def _coerce(entity: str, key: str, value: Any) -> Any:
    """Accept plain values from forms and the command line for the common fields."""
    if key == "status":
        return DoseStatus(value)
    if key == "kind" and entity == "observation":
        return ObservationKind(value)
    if key == "kind" and entity == "pump_event":
        return PumpEventKind(value)
    if key == "renal_impairment":
        return RenalImpairment(value)
    if key == "kind" and entity == "stock_event":
        return StockKind(value)
    if key in ("amount", "dose", "strength", "max_daily") and isinstance(value, str):
        try:
            return parse_quantity(value)
        except QuantityError as e:
            raise ValidationError(key, str(e)) from None
    if key in ("route",):
        return Route(value)
    if key in ("form",):
        return Form(value)
    return value


# The sample journal is written as seen on this day: its last entries are the evening before.
SAMPLE_DAY = date(2026, 11, 23)
_SAMPLE_MOMENTS = frozenset({"given", "scheduled", "at"})
_SAMPLE_DATES = frozenset({"start", "end", "next_refill_due"})  # not birth_date: ages stay as written


def shift_sample(doc: dict[str, Any], days: int) -> dict[str, Any]:
    """A copy of the sample document moved `days` days later, so whenever it is opened it looks as
    it did on SAMPLE_DAY (yesterday's doses given, this morning's due), not weeks out of date.
    Moments keep their wall-clock time in the document's zone (across a DST change too)."""
    if days == 0:
        return doc
    tz = ZoneInfo(str(doc.get("timezone") or "UTC"))
    step = timedelta(days=days)

    def moment(text: str) -> str:
        local = datetime.fromisoformat(text).astimezone(tz)
        return (local.replace(tzinfo=None) + step).replace(tzinfo=tz).isoformat(timespec="minutes")

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(v) for v in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, v in value.items():
            if isinstance(v, str) and key in _SAMPLE_MOMENTS:
                out[key] = moment(v)
            elif isinstance(v, str) and key in _SAMPLE_DATES:
                out[key] = (date.fromisoformat(v) + step).isoformat()
            else:
                out[key] = walk(v)
        return out

    shifted: dict[str, Any] = walk(doc)
    return shifted


def open_demo(clock: Clock | None = None, sample: Path | None = None) -> Journal:
    """A throw-away journal holding the sample journal (removed when the program ends), moved in
    time so that its "today" is the clock's today."""
    sample = sample or SAMPLE_JOURNAL
    if not sample.exists():
        raise JournalFileError(_("the sample journal is missing ({sample})").format(sample=sample))
    clock = clock or SystemClock()
    doc = json.loads(sample.read_text(encoding="utf-8"))
    zone = ZoneInfo(str(doc.get("timezone") or "UTC"))
    doc = shift_sample(doc, (clock.now().astimezone(zone).date() - SAMPLE_DAY).days)
    folder = Path(tempfile.mkdtemp(prefix="carejournal-demo-"))
    atexit.register(shutil.rmtree, folder, True)
    journal = Journal.open(folder / "demo.sqlite3", clock)
    journal.import_document(doc)
    return journal
