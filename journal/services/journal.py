"""The journal service: every read and write the window and the command line make.

One short storage transaction per call; every write is one transaction; reads return domain
dataclasses. Corrections never overwrite: the earlier version is kept as a revision, and a removal
is a reversible mark with a reason. Each write re-runs the safety checks and returns an `Outcome`
naming what a view must refresh.

Journal is a facade (issue 20): the one entry point for the window and the command line, each
public method a one-line delegation to a small manager that holds the body, with the journal's
store and clock: `settings_store.py` (settings, zones, reminder marks), `people.py`,
`medicines.py` (schedules, limits, stock), `entries.py` (logging), `corrections.py` (corrections,
removals, revisions), `journal_files.py` (backup, restore, move-in), `history_reads.py` (the
histories the checks read); what they share is in `journal_types.py` (Settings, Outcome,
add_revision, ...; re-exported here) and opening the store in `store_opening.py`. Kept here: opening and reopening, shared-journal access, reading a
history, the checks after a write, import/export entry points and the sample journal.

Over 500 lines: the facade's ~65 public methods keep their signatures and docstrings here (callers
and tests patch `Journal.<method>`); the checks after a write and acknowledgements are still in
this module (they read or set the facade's own state), a possible next split.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload
from zoneinfo import ZoneInfo

from journal.domain import (
    Acknowledgement,
    Alert,
    AsNeededLimits,
    Clock,
    Dose,
    Medication,
    Note,
    Observation,
    Patient,
    PatientHistory,
    PumpEvent,
    Quantity,
    Regimen,
    Revision,
    StockEvent,
    SymptomEntry,
    SystemClock,
)
from journal.domain.i18n import _
from journal.domain.zones import JournalZone, ZonePeriod

from . import timezones as zone_store
from .corrections import Corrections
from .entries import Entries
from .errors import JournalFileError, NotFound, ValidationError
from .history_reads import HistoryReads
from .journal_files import BACKUP_TABLES as BACKUP_TABLES  # re-exported
from .journal_files import JournalFiles
from .journal_types import ALL_CHANGED as ALL_CHANGED
from .journal_types import CHANGED as CHANGED
from .journal_types import ENTITIES as ENTITIES
from .journal_types import (
    REGIONAL_SETTINGS as REGIONAL_SETTINGS,  # re-exported: callers import them from here
)
from .journal_types import REMINDER_MARKS_KEY as REMINDER_MARKS_KEY
from .journal_types import Outcome as Outcome
from .journal_types import Record as Record
from .journal_types import ReminderMark as ReminderMark
from .journal_types import Settings as Settings
from .journal_types import jsonable as jsonable
from .medicines import Medicines
from .people import People
from .regional import RegionalDefaults
from .settings_store import SettingsStore
from .store_opening import open_store
from .validation import (
    RESOURCES,
)
from .validation import local_timezone_name as local_timezone_name  # re-exported: older callers

if TYPE_CHECKING:
    from journal.schedule.stock import StockLevel
    from journal.storage.repository import Store

    from .exchange import ImportSummary

SAMPLE_JOURNAL = RESOURCES / "sample-journal.json"



# Setting on a shared journal: database role -> the person's name (written by `grant`).
PEOPLE_BY_ROLE = "shared_people"


class Journal:
    """One open journal: a file, or a shared journal on a PostgreSQL server (`path` is then the
    URL, a str). Create with `Journal.open(path_or_url, clock)`."""

    def __init__(self, store: Store, path: Path | str, clock: Clock) -> None:
        self.store = store
        self.path = path
        self.clock = clock
        self.settings_store = SettingsStore(self)
        self.people = People(self)
        self.medicines = Medicines(self)
        self.entries = Entries(self)
        self.corrections = Corrections(self)
        self.files = JournalFiles(self)
        self.history_reads = HistoryReads(self)
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
        journal = cls(open_store(target, clock.now()), target, clock)
        journal._pin_zone()
        return journal

    @property
    def read_only(self) -> bool:
        """True when the journal was opened read-only (its place cannot be written: read-only
        media); every write then fails with "the journal file cannot be written here"."""
        return self.store.read_only

    def snapshot(self) -> contextlib.AbstractContextManager[object]:
        """Everything read in the block (this thread) comes from one snapshot of the journal: a
        write made meanwhile elsewhere (the window, while a report is built on a worker) is in
        all of it or in none (`store.read`: SQLite's read transaction, REPEATABLE READ on
        PostgreSQL)."""
        return self.store.read()

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
        self.settings_store.forget()

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
            self.settings_store.forget()
        return changed

    def reopen(self) -> None:
        """Open the file again after it was replaced on disk (a restore from the window). The same
        object stays in use, so whoever holds it sees the restored journal. A refused file raises
        JournalFileError; the window then says so and asks for a restart (the old engine would
        reconnect to whatever file is there if used again)."""
        self.store.dispose()
        self.settings_store.forget()
        self.store = open_store(self.path, self.now())
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

    # settings and time zones: SettingsStore (settings_store.py) -----------------------------
    def get_settings(self) -> Settings:
        return self.settings_store.get_settings()

    def regional_guess(self) -> tuple[RegionalDefaults, bool]:
        """The defaults guessed from the locale and the journal's zone, and whether the emergency
        number was saved by a person (True) or is still that guess (False: first run asks)."""
        return self.settings_store.regional_guess()

    def timezone_is_set(self) -> bool:
        """True once a person chose the zone (or an import brought it), not just this computer's."""
        return self.settings_store.timezone_is_set()

    def save_settings(self, s: Settings, *, zone_since: date | None = None) -> Outcome:
        """Saves the settings. A new `timezone` applies from local date `zone_since` (default
        `zone_change_day`); the days before keep their zone (see `change_timezone`)."""
        return self.settings_store.save_settings(s, zone_since=zone_since)

    def reminder_marks(self) -> dict[str, ReminderMark]:
        """The reminders already shown, by key (see ui/shell/reminders.py). Entries that cannot be read
        are left out (the worst outcome is a reminder shown twice, never one not shown)."""
        return self.settings_store.reminder_marks()

    def save_reminder_marks(self, marks: dict[str, ReminderMark], *, forget_before: datetime) -> None:
        """Replace the stored marks with `marks`, without those whose slot is before
        `forget_before` (aware). One small write; announces nothing (no record changed).
        Raises what the storage raises when the file cannot be written."""
        self.settings_store.save_reminder_marks(marks, forget_before=forget_before)

    @property
    def tz(self) -> JournalZone:
        """The journal's zone over time, a tzinfo: each local day in the zone in force that day
        (domain/zones.py). Use `.zone_on(day)` or `.name_at(instant)` for one IANA zone."""
        return self.settings_store.tz

    def zone_periods(self) -> tuple[ZonePeriod, ...]:
        return self.settings_store.zone_periods()

    def zone_change_day(self, zone: str) -> date:
        """The day a change to `zone` applies from unless another is chosen: today where the
        family now is (in `zone`), and never before the latest change."""
        return self.settings_store.zone_change_day(zone)

    def describe_timezone_change(self, zone: str, since: date | None = None) -> str:
        """What changing to `zone` from `since` would do, in words, before it is saved."""
        return self.settings_store.describe_timezone_change(zone, since)

    def change_timezone(self, zone: str, since: date | None = None) -> Outcome:
        """The journal's zone is `zone` from local date `since` (default `zone_change_day`): days
        before it keep the zone they had, so nothing already planned, logged or reported moves.
        ValidationError naming "timezone" (unknown zone) or "since" (before the latest change)."""
        return self.settings_store.change_timezone(zone, since)

    # people: People (people.py) ---------------------------------------------------------
    def list_patients(self) -> list[Patient]:
        return self.people.list_patients()

    def get_patient(self, patient_id: int) -> Patient:
        return self.people.get_patient(patient_id)

    def find_patient(self, name: str) -> Patient:
        """By name, ignoring case, extra spaces and Unicode form (`validation.name_key`); a unique
        beginning of the name is enough."""
        return self.people.find_patient(name)

    def add_patient(self, p: Patient) -> Outcome:
        return self.people.add_patient(p)

    def update_patient(self, p: Patient, by: str = "") -> Outcome:
        return self.people.update_patient(p, by)

    # medicines: Medicines (medicines.py) --------------------------------------------------
    def list_medications(self, patient_id: int, include_inactive: bool = True) -> list[Medication]:
        return self.medicines.list_medications(patient_id, include_inactive)

    def get_medication(self, medication_id: int) -> Medication:
        return self.medicines.get_medication(medication_id)

    def find_medication(self, patient_id: int, name: str) -> Medication:
        """By name, ignoring case, extra spaces and Unicode form (`validation.name_key`); a part of
        the name is enough when only one medicine matches."""
        return self.medicines.find_medication(patient_id, name)

    def add_medication(self, patient_id: int, m: Medication) -> Outcome:
        return self.medicines.add_medication(patient_id, m)

    def change_regimen(self, medication_id: int, new: Regimen, by: str = "") -> Outcome:
        """A new schedule from `new.start`: the one in force then ends the day before; steps that
        were planned to start on or after that day are removed (kept in the history)."""
        return self.medicines.change_regimen(medication_id, new, by)

    def set_regimens(self, medication_id: int, regimens: list[Regimen], by: str = "") -> Outcome:
        """Replace the schedule from the first new step on (a taper or titration plan)."""
        return self.medicines.set_regimens(medication_id, regimens, by)

    def set_limits(self, medication_id: int, *, max_daily: Quantity | None,
                   as_needed_limits: AsNeededLimits | None, by: str = "", reason: str = "") -> Outcome:
        """Set (or clear, with None) a medicine's daily ceiling and its as-needed limits, in one
        transaction; the earlier values are kept as a revision. Raises ValidationError naming the
        field (`max_daily`, `as_needed_limits/...`); nothing is changed then."""
        return self.medicines.set_limits(medication_id, max_daily=max_daily, as_needed_limits=as_needed_limits, by=by, reason=reason)

    def record_stock(self, medication_id: int, event: StockEvent, by: str = "") -> Outcome:
        """Record a stock event (counted on hand, received, discarded) for a medicine. Raises
        ValidationError naming the field (`kind`, `at`, `amount`); nothing is saved then."""
        return self.medicines.record_stock(medication_id, event, by)

    def stock_level(self, medication_id: int, at: datetime | None = None) -> StockLevel | None:
        """The medicine's stock now (or at `at`): a `journal.schedule.stock.StockLevel`, or None
        when no stock was recorded. Raises `StockUnknown` when it cannot be told."""
        return self.medicines.stock_level(medication_id, at)


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

    # logging: Entries (entries.py) -----------------------------------------------------------
    def prepare_dose(self, patient_id: int, dose: Dose, by: str = "") -> Dose:
        """The dose as it will be stored: times filled in, amount normalised, plausibility checked."""
        return self.entries.prepare_dose(patient_id, dose, by)

    def clock_doubt(self, patient_id: int, at: datetime | None = None) -> str | None:
        """Plain words when `at` (default: now by the computer's clock) is far from the person's
        last entry, so the clock may be wrong (`validation.clock_doubt`); None when it looks right.
        The window asks before saving "Given now", the command line refuses without --at."""
        return self.entries.clock_doubt(patient_id, at)

    def log_dose(self, patient_id: int, dose: Dose, by: str = "", *, claim_slot: bool = False) -> Outcome:
        """Store one dose. With `claim_slot` ("Given now" on a planned dose: `dose.scheduled` is
        the slot) at most one given dose is stored for the slot, however many caregivers press
        at once on however many computers: the second is refused with AlreadyGiven ("already
        given by Ana at 08:01") and nothing is saved. The database's unique index on claimed
        slots decides the race (storage migration 0003), not a check followed by a write."""
        return self.entries.log_dose(patient_id, dose, by, claim_slot=claim_slot)

    def log_symptom(self, patient_id: int, entry: SymptomEntry, by: str = "") -> Outcome:
        return self.entries.log_symptom(patient_id, entry, by)

    def log_observation(self, patient_id: int, obs: Observation, by: str = "") -> Outcome:
        return self.entries.log_observation(patient_id, obs, by)

    def log_pump_event(self, patient_id: int, event: PumpEvent, by: str = "") -> Outcome:
        return self.entries.log_pump_event(patient_id, event, by)

    def add_note(self, patient_id: int, note: Note, by: str = "") -> Outcome:
        return self.entries.add_note(patient_id, note, by)

    # corrections: Corrections (corrections.py) ------------------------------------------------
    def correct(self, entity: str, entity_id: int, changes: dict[str, object], by: str, reason: str = "") -> Outcome:
        """Change fields of a record; the earlier version is kept as a revision."""
        return self.corrections.correct(entity, entity_id, changes, by, reason)

    def remove(self, entity: str, entity_id: int, by: str, reason: str) -> Outcome:
        """Mark a record removed (it stays in the file and can be brought back)."""
        return self.corrections.remove(entity, entity_id, by, reason)

    def unremove(self, entity: str, entity_id: int, by: str, reason: str = "") -> Outcome:
        return self.corrections.unremove(entity, entity_id, by, reason)

    def revisions(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Revision]:
        return self.corrections.revisions(patient_id, start, end)

    def revisions_of(self, entity: str, entity_id: int) -> list[Revision]:
        """Every earlier version of one record, oldest first."""
        return self.corrections.revisions_of(entity, entity_id)

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
        return self.corrections.get_record(entity, entity_id)

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
        return self.history_reads.histories(patient_ids, start, end, stock_at=stock_at)

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
        self.settings_store.forget()
        return summary

    def import_stream(self, head: dict[str, Any], people: Any) -> ImportSummary:
        """Import a document read one person at a time (journal.services.exchange.import_stream)."""
        from .exchange import import_stream

        summary = import_stream(self, head, people)
        self.settings_store.forget()
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
        return self.files.backup(dest)

    def move_in(self, src: Path | str) -> dict[str, int]:
        """Copy the journal file (or shared journal URL) `src` whole into this (empty) journal: every record with its
        history of corrections and removals, the acknowledgements and the settings. The usual way
        into a shared journal: `carejournal --db postgresql://... move-in FILE`. Returns rows
        copied per table. Raises ValidationError("FILE", ...) when this journal already holds
        people or `src` is missing; JournalFileError when `src` is not a journal."""
        return self.files.move_in(src)

    def restore(self, src: Path | str) -> Outcome:
        """Replace the journal with a backup. The current file is kept first as a before-restore
        copy in the backups folder (`Outcome.saved_copy`), named and rotated like every backup.
        A shared journal is restored only when it is empty, from a shared backup (exchange format)
        through `import`: on a server several caregivers use, nothing is overwritten."""
        return self.files.restore(src)


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
