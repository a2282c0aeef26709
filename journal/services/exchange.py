"""Exchange format v1 (spec/exchange-format.md): import, export and CSV.

Import is: schema (resources/exchange-format-v1.schema.json) -> meaning (real dates, known zone,
units that convert, medication references, plausible values) -> one transaction. The first
problem found rejects the whole document with a message naming the record by JSON pointer.
Re-importing a document adds nothing: people match by name, medicines by person and name,
regimens by start day, and records by person, medicine and time.

Over 500 lines: the exchange format's import (whole and streamed) and export, which must refuse
and write exactly the same things; the streamed and whole readers are kept side by side on purpose.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache, partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from journal.domain import (
    AsNeededLimits,
    Dose,
    DoseStatus,
    Form,
    Medication,
    Note,
    Observation,
    ObservationKind,
    Patient,
    PumpEvent,
    PumpEventKind,
    Quantity,
    QuantityError,
    Regimen,
    RenalImpairment,
    Route,
    StockEvent,
    StockKind,
    SymptomEntry,
    Unit,
)
from journal.domain.i18n import N_, _, ngettext
from journal.domain.zones import (
    JournalZone,
    ZoneError,
    ZonePeriod,
    journal_zone,
    periods_from_json,
    steady_offset,
)

from . import timezones as zone_store
from .drug_names import check_drug_name
from .errors import ValidationError
from .validation import (
    RESOURCES,
    check_document_text,
    check_lengths,
    check_limits,
    check_not_future,
    check_observation,
    check_patient,
    check_plausible_day,
    check_plausible_time,
    check_pump_event,
    check_regimen,
    check_stock_event,
    check_strength,
    check_symptom,
    clean_name,
    local_timezone_name,
    name_key,
    normalise_amount,
    symptom_codes,
    valid_timezone,
)

if TYPE_CHECKING:
    from journal.storage.repository import Store, Tx


class _ZoneSetting(Protocol):
    @property
    def timezone(self) -> str: ...


class Journal(Protocol):
    """What import and export need of the journal service (`journal.Journal` is one).

    A protocol, so that this module never imports `journal.py`, which imports this one."""

    @property
    def store(self) -> Store: ...

    @property
    def tz(self) -> JournalZone: ...

    @property
    def path(self) -> Path | str: ...

    def now(self) -> datetime: ...

    def find_patient(self, name: str) -> Patient: ...

    def get_settings(self) -> _ZoneSetting: ...

FORMAT = "caregiver-medication-journal"
VERSION = 1
SCHEMA_PATH = RESOURCES / "exchange-format-v1.schema.json"

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}([.,]\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^\d{2}:\d{2}$")


# --- formats ------------------------------------------------------------------------------------


def is_datetime(s: str) -> bool:
    if not _DATETIME.match(s):
        return False
    try:
        datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def is_date(s: str) -> bool:
    if not _DATE.match(s):
        return False
    try:
        date.fromisoformat(s)
    except ValueError:
        return False
    return True


def is_clock(s: str) -> bool:
    if not _CLOCK.match(s):
        return False
    try:
        time.fromisoformat(s)
    except ValueError:
        return False
    return True


FORMATS: dict[str, Callable[[str], bool]] = {"date-time": is_datetime, "date": is_date, "clock-time": is_clock}
FORMAT_NAMES = {"date-time": N_("date-time"), "date": N_("date (YYYY-MM-DD)"), "clock-time": N_("time of day (HH:MM)")}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _fast_validator() -> Callable[[Any], Any]:
    import fastjsonschema

    return fastjsonschema.compile(schema(), formats=FORMATS)


def reference_validator() -> Any:
    """The jsonschema validator of the same schema (used to explain errors and in tests)."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=())
    for name, func in FORMATS.items():
        checker.checks(name)(lambda value, f=func: not isinstance(value, str) or f(value))
    return Draft202012Validator(schema(), format_checker=checker)


class _Object(dict[str, Any]):
    """A JSON object as decoded, remembering a key it held twice (JSON keeps only the last)."""

    twice: str | None = None


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    for key, value in pairs:
        if key in obj and obj.twice is None:
            obj.twice = key
        obj[key] = value
    return obj


def _first_repeated_key(node: Any, path: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    if isinstance(node, _Object) and node.twice is not None:
        return (*path, node.twice)
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        found = _first_repeated_key(value, (*path, key))
        if found is not None:
            return found
    return None


def parse_document(text: str, source: str = "document") -> Any:
    """Decode an exchange document from JSON text. Raises ValidationError: `source` when the text
    is not JSON (with the line and column); the JSON pointer of a key written twice in one object,
    since JSON would silently keep only its last value and drop data."""
    try:
        doc = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as e:
        raise ValidationError(source, _("is not valid JSON (line {lineno}, column {colno}: {msg})").format(lineno=e.lineno, colno=e.colno, msg=e.msg)) from None
    except RecursionError:
        raise ValidationError(source, _("is nested too deeply to be a journal document")) from None
    _refuse_repeated_key(doc)
    return doc


def _refuse_repeated_key(node: Any, path: tuple[Any, ...] = ()) -> None:
    """ValidationError naming the JSON pointer of the first key written twice in one object of
    `node` (decoded with `_object`; `path`: where `node` sits in the document)."""
    repeated = _first_repeated_key(node, path)
    if repeated is not None:
        raise ValidationError(pointer(repeated), _("{show} is written twice in the same object; keep one (JSON would silently drop the other)").format(show=_show(repeated[-1])))


def pointer(path: Iterable[Any]) -> str:
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else "/"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_TYPE_WORDS = {"string": N_("text"), "number": N_("a number"), "integer": N_("a whole number"),
               "boolean": N_("true or false"), "array": N_("a list"), "object": N_("an object"), "null": N_("null")}


def _describe_error(rule: str, value: Any, rule_value: Any, definition: dict[str, Any], path: list[Any]) -> tuple[str, str]:
    """(pointer, message) for one schema violation."""
    where = pointer(path)
    if rule == "additionalProperties" and isinstance(value, dict):
        extra = sorted(k for k in value if k not in definition.get("properties", {}))
        if extra:
            return pointer([*path, extra[0]]), _('unknown field "{field}" (check the spelling)').format(field=extra[0])
    if rule == "required" and isinstance(value, dict):
        missing = [k for k in rule_value if k not in value]
        if missing:
            return pointer([*path, missing[0]]), _("is required but missing")
    if rule == "format":
        return where, _("{value} is not a {kind}").format(value=_show(value),
                                                         kind=_(FORMAT_NAMES.get(rule_value, rule_value)))
    if rule == "type":
        kinds = rule_value if isinstance(rule_value, list) else [rule_value]
        return where, _("{value} is not {kinds}").format(
            value=_show(value), kinds=_(" or ").join(_(_TYPE_WORDS.get(str(k), str(k))) for k in kinds))
    if rule == "enum":
        return where, _("{value} is not one of: {choices}").format(value=_show(value),
                                                                  choices=", ".join(str(v) for v in rule_value))
    if rule == "const":
        return where, _("{value} should be {expected}").format(value=_show(value), expected=_show(rule_value))
    if rule in ("minimum", "exclusiveMinimum"):
        return where, _("{value} is below the lowest allowed value {limit}").format(value=_show(value), limit=rule_value)
    if rule in ("maximum", "exclusiveMaximum"):
        return where, _("{value} is above the highest allowed value {limit}").format(value=_show(value), limit=rule_value)
    if rule == "minLength":
        return where, _("cannot be empty")
    if rule == "anyOf":
        return _explain_any_of(value, rule_value, path)
    return where, _("{value} is not valid here ({rule})").format(value=_show(value), rule=rule)


def _explain_any_of(value: Any, options: list[dict[str, Any]], path: list[Any]) -> tuple[str, str]:
    """A nullable object (e.g. a quantity): say what is wrong inside it, not just 'no match'."""
    non_null = [o for o in options if o.get("type") != "null"]
    if value is not None and len(non_null) == 1:
        validator = reference_validator()
        sub = validator.evolve(schema=non_null[0])
        errors = sorted(sub.iter_errors(value), key=lambda e: _path_key(list(e.absolute_path)))
        if errors:
            e = errors[0]
            return _describe_error(str(e.validator), e.instance, e.validator_value, e.schema,
                                   [*path, *e.absolute_path])
    return pointer(path), _("{value} is not valid here").format(value=_show(value))


def _path_key(path: list[Any]) -> tuple[tuple[int, Any], ...]:
    return tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in path)


def validate_schema(doc: Any) -> None:
    """Raise ValidationError(pointer, message) for the first schema violation."""
    import fastjsonschema

    try:
        _fast_validator()(doc)
    except fastjsonschema.JsonSchemaValueException as e:
        path = [int(p) if p.isdigit() else p for p in (e.path or ["data"])[1:]]
        where, message = _describe_error(str(e.rule), e.value, e.rule_definition, e.definition or {}, path)
        raise ValidationError(where, message) from None


# --- import ---------------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import added (and how many records were already in the journal)."""

    patients: int = 0
    medications: int = 0
    regimens: int = 0
    doses: int = 0
    symptoms: int = 0
    observations: int = 0
    pump_events: int = 0
    notes: int = 0
    stock_events: int = 0
    already_there: int = 0
    names: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return (self.patients + self.medications + self.regimens + self.doses + self.symptoms
                + self.observations + self.pump_events + self.notes + self.stock_events)

    def describe(self, would: bool = False) -> str:
        """"Added 1 person, 3 doses." (with `would`: "Would add ...", for a dry run)."""
        parts = [
            (self.patients, ngettext("{n} person", "{n} people", self.patients)),
            (self.medications, ngettext("{n} medicine", "{n} medicines", self.medications)),
            (self.regimens, ngettext("{n} schedule period", "{n} schedule periods", self.regimens)),
            (self.doses, ngettext("{n} dose", "{n} doses", self.doses)),
            (self.symptoms, ngettext("{n} symptom", "{n} symptoms", self.symptoms)),
            (self.observations, ngettext("{n} measurement", "{n} measurements", self.observations)),
            (self.pump_events, ngettext("{n} pump event", "{n} pump events", self.pump_events)),
            (self.notes, ngettext("{n} note", "{n} notes", self.notes)),
            (self.stock_events, ngettext("{n} stock entry", "{n} stock entries", self.stock_events)),
        ]
        added = ", ".join(text.format(n=n) for n, text in parts if n)
        text = ((_("Would add {what}") if would else _("Added {what}")).format(what=added) if added
                else _("Nothing new to add"))
        if self.already_there:
            text += "; " + _("{n} already in the journal").format(n=self.already_there)
        return text + "."


@dataclass
class _Person:
    pointer: str
    patient: Patient
    medications: list[tuple[str, Medication]]  # (pointer, medication)
    doses: list[Dose]
    symptoms: list[SymptomEntry]
    observations: list[Observation]
    pump_events: list[PumpEvent]
    notes: list[Note]
    dose_med_index: list[int]  # index into medications for each dose


_STATUS = {s.value: s for s in DoseStatus}


class _Reader:
    """Turns the validated document into domain objects, checking what the schema cannot."""

    def __init__(self, tz: tzinfo, now: datetime) -> None:
        self.tz = tz
        self.now = now
        self.codes = symptom_codes()
        self._quantities: dict[tuple[Any, ...], Quantity] = {}
        self._normalised: dict[tuple[Quantity, Quantity | None, Form, bool], Quantity] = {}

    def when(self, text: str, where: str) -> datetime:
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(where, _("{show} is not a date-time").format(show=_show(text))) from None
        value = value if value.tzinfo is not None else value.replace(tzinfo=self.tz)
        check_plausible_time(value, where)
        return value

    def day(self, text: str | None, where: str) -> date | None:
        if text is None:
            return None
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(where, _("{show} is not a date (YYYY-MM-DD)").format(show=_show(text))) from None
        check_plausible_day(day, where)
        return day

    def quantity(self, q: dict[str, Any] | None, where: str) -> Quantity | None:
        if q is None:
            return None
        per = q.get("per")
        key = (q["value"], q["unit"], per["value"] if per else None, per["unit"] if per else None)
        found = self._quantities.get(key)
        if found is None:  # Quantity is frozen: the few amounts a journal repeats are shared
            try:
                found = Quantity(q["value"], Unit(q["unit"]),
                                 Quantity(per["value"], Unit(per["unit"])) if per else None)
            except QuantityError as e:  # NaN or Infinity (JSON allows them, the schema cannot say no)
                raise ValidationError(where + "/value", str(e)) from None
            self._quantities[key] = found
        return found

    def normalised(self, amount: Quantity, med: Medication, given: bool, where: str) -> Quantity:
        key = (amount, med.strength, med.form, given)
        found = self._normalised.get(key)
        if found is None:
            found = normalise_amount(amount, med.strength, where, med.form, given)
            self._normalised[key] = found
        return found

    def person(self, p: dict[str, Any], where: str) -> _Person:
        patient = Patient(
            name=clean_name(p["name"]), birth_date=self.day(p.get("birth_date"), where + "/birth_date"),
            renal_impairment=RenalImpairment(p.get("renal_impairment", "none")),
            conditions=list(p.get("conditions", [])), notes=p.get("notes", ""),
        )
        if not patient.name:
            raise ValidationError(where + "/name", _("cannot be empty"))
        check_patient(patient, self.now, where + "/")
        meds: list[tuple[str, Medication]] = []
        by_ref: dict[str, int] = {}
        for i, m in enumerate(p.get("medications", [])):
            mw = f"{where}/medications/{i}"
            med = self.medication(m, mw)
            if "id" in m:
                if m["id"] in by_ref:
                    raise ValidationError(mw + "/id", _("{show} is used by two medicines").format(show=_show(m['id'])))
                by_ref[m["id"]] = len(meds)
            if any(name_key(o.name) == name_key(med.name) for _w, o in meds):
                raise ValidationError(mw + "/name", _("{show} is listed twice for this person").format(show=_show(med.name)))
            meds.append((mw, med))
        doses: list[Dose] = []
        med_index: list[int] = []
        for i, d in enumerate(p.get("doses", [])):
            dw = f"{where}/doses/{i}"
            idx = by_ref.get(d["medication"])
            if idx is None:
                raise ValidationError(dw + "/medication", _("{show} is not the id of one of this person's medicines").format(show=_show(d['medication'])))
            doses.append(self.dose(d, dw, meds[idx][1]))
            med_index.append(idx)
        symptoms = []
        for i, s in enumerate(p.get("symptoms", [])):
            sw = f"{where}/symptoms/{i}"
            if s["symptom"] not in self.codes:
                raise ValidationError(sw + "/symptom", _("{show} is not a code of the symptom catalog").format(show=_show(s['symptom'])))
            entry = SymptomEntry(
                at=self.when(s["at"], sw + "/at"), symptom=s["symptom"], severity=s.get("severity"),
                duration_minutes=s.get("duration_minutes"), note=s.get("note", ""),
            )
            check_symptom(entry, self.codes, sw + "/")
            check_not_future(entry.at, self.now, sw + "/at")
            symptoms.append(entry)
        observations = []
        for i, o in enumerate(p.get("observations", [])):
            ow = f"{where}/observations/{i}"
            if o.get("value") is None:
                raise ValidationError(ow + "/value", _("is missing: a measurement needs its value"))
            obs = Observation(
                at=self.when(o["at"], ow + "/at"), kind=ObservationKind(o["kind"]), value=o["value"],
                value2=o.get("value2"), body_part=o.get("body_part", ""), note=o.get("note", ""),
            )
            check_observation(obs, ow + "/")
            check_not_future(obs.at, self.now, ow + "/at")
            observations.append(obs)
        pump = []
        for i, e in enumerate(p.get("pump_events", [])):
            ew = f"{where}/pump_events/{i}"
            if e.get("kind") is None:  # never guessed: an unknown kind could be an alarm
                raise ValidationError(ew + "/kind", _("is missing: say what happened (refill, alarm, check, dose-change or catheter-problem)"))
            ev = PumpEvent(
                at=self.when(e["at"], ew + "/at"), kind=PumpEventKind(e["kind"]), volume_ml=e.get("volume_ml"),
                concentration_mcg_per_ml=e.get("concentration_mcg_per_ml"), daily_dose_mcg=e.get("daily_dose_mcg"),
                reservoir_ml=e.get("reservoir_ml"), low_alarm_ml=e.get("low_alarm_ml"),
                next_refill_due=self.day(e.get("next_refill_due"), ew + "/next_refill_due"), note=e.get("note", ""),
            )
            check_pump_event(ev, ew + "/")
            check_not_future(ev.at, self.now, ew + "/at")
            pump.append(ev)
        notes = []
        for i, n in enumerate(p.get("notes_log", [])):
            note = Note(at=self.when(n["at"], f"{where}/notes_log/{i}/at"), text=n["text"])
            notes.append(note)
        return _Person(where, patient, meds, doses, symptoms, observations, pump, notes, med_index)

    def medication(self, m: dict[str, Any], where: str) -> Medication:
        med = Medication(
            name=clean_name(m["name"]), route=Route(m.get("route", "oral")), form=Form(m.get("form", "tablet")),
            drug=m.get("drug"), strength=self.quantity(m.get("strength"), where + "/strength"), as_needed=m.get("as_needed", False),
        )
        if not med.name:
            raise ValidationError(where + "/name", _("cannot be empty"))
        check_lengths(med, where + "/")
        check_drug_name(med.drug, where + "/drug")
        check_strength(med.strength, where + "/strength/value", where + "/strength/per/value")
        for i, r in enumerate(m.get("regimens", [])):
            rw = f"{where}/regimens/{i}"
            if r.get("dose") is None:
                raise ValidationError(rw + "/dose", _("is missing: a schedule period needs its dose"))
            reg = Regimen(
                start=self.day(r["start"], rw + "/start"),  # type: ignore[arg-type]
                end=self.day(r.get("end"), rw + "/end"), dose=self.quantity(r["dose"], rw + "/dose"),  # type: ignore[arg-type]
                times=[time.fromisoformat(t) for t in r.get("times", [])], every_days=r.get("every_days", 1),
                prescribed_by=r.get("prescribed_by", ""), reason=r.get("reason", ""),
            )
            check_regimen(reg, med, rw + "/")
            med.regimens.append(reg)
        med.max_daily = self.quantity(m.get("max_daily"), where + "/max_daily")
        limits = m.get("as_needed_limits")
        if limits is not None:
            lw = where + "/as_needed_limits"
            found = AsNeededLimits(
                max_doses_per_day=limits.get("max_doses_per_day"), min_interval_hours=limits.get("min_interval_hours"),
                max_amount_per_day=self.quantity(limits.get("max_amount_per_day"), lw + "/max_amount_per_day"),
            )
            med.as_needed_limits = None if found.empty else found
        check_limits(med, where + "/")
        for i, e in enumerate(m.get("stock", [])):
            sw = f"{where}/stock/{i}"
            event = StockEvent(at=self.when(e["at"], sw + "/at"), kind=StockKind(e["kind"]),
                               amount=self.quantity(e["amount"], sw + "/amount"), note=e.get("note", ""))  # type: ignore[arg-type]
            check_stock_event(event, med, sw + "/")
            check_not_future(event.at, self.now, sw + "/at")
            med.stock.append(event)
        return med

    def dose(self, d: dict[str, Any], where: str, med: Medication) -> Dose:
        scheduled = d.get("scheduled")
        given = d.get("given")
        if scheduled is None and given is None:
            raise ValidationError(where, _("a dose needs a scheduled or a given time"))
        dose = Dose(
            medication_id=0, status=_STATUS[d.get("status") or ("taken" if given is not None else "missed")],
            scheduled=self.when(scheduled, where + "/scheduled") if scheduled is not None else None,
            given=self.when(given, where + "/given") if given is not None else None,
            amount=self.quantity(d.get("amount"), where + "/amount"), by=d.get("by", ""), note=d.get("note", ""),
        )
        if dose.amount is not None:
            dose.amount_normalised = self.normalised(dose.amount, med, dose.status.was_given, where + "/amount")
        check_not_future(dose.given, self.now, where + "/given")
        return dose


def _new_only(incoming: list[Any], existing_keys: list[Any], key: Callable[[Any], Any]) -> tuple[list[Any], int]:
    """Incoming records not already in the journal (counting duplicates: two identical entries in
    the document and one in the journal add one)."""
    have = Counter(existing_keys)
    fresh = []
    for r in incoming:
        k = key(r)
        if have[k] > 0:
            have[k] -= 1
        else:
            fresh.append(r)
    return fresh, len(incoming) - len(fresh)


def import_document(journal: Journal, doc: Any) -> ImportSummary:
    """Import a whole document (all or nothing). ValidationError names the field of the first
    problem; nothing is written then."""
    check_document_text(doc)
    validate_schema(doc)
    head = {k: v for k, v in doc.items() if k != "patients"}
    return _import_people(journal, head, iter(doc.get("patients", [])), validated=True)


def import_stream(journal: Journal, head: dict[str, Any], people: Iterable[Any]) -> ImportSummary:
    """Import a document given as its top-level fields (`head`, without "patients") and its
    people one at a time (`people`, e.g. read from a file by `read_document`), so memory holds one
    person, not the file (issue 17). Still all or nothing: every person is checked and written in
    one transaction, and a problem with any of them (ValidationError naming /patients/i/...)
    undoes all of it. The people are refused for what `parse_document` and `import_document`
    refuse in a whole document (a key written twice at any depth, a broken character, a schema
    error), with the same message and field; the head's keys were read by `read_document`, which
    gives up on a key written twice there."""
    _refuse_repeated_key(head)
    check_document_text(head)
    validate_schema({**head, "patients": []})
    return _import_people(journal, head, iter(people), validated=False)


def _validate_person(head: dict[str, Any], person: Any, i: int) -> None:
    _refuse_repeated_key(person, ("patients", i))
    check_document_text(person, f"/patients/{i}")
    try:
        validate_schema({**head, "patients": [person]})
    except ValidationError as e:
        field = e.field
        if field.startswith("/patients/0"):
            field = f"/patients/{i}" + field[len("/patients/0"):]
        raise ValidationError(field, e.message) from None


def _import_people(journal: Journal, head: dict[str, Any], people: Iterator[Any], *, validated: bool) -> ImportSummary:
    tz_name = head.get("timezone") or None
    if tz_name is not None and not valid_timezone(tz_name):
        raise ValidationError("/timezone", _("{show} is not a known time zone (e.g. America/Chicago)").format(show=_show(tz_name)))
    zones = _document_zones(head, tz_name)
    tz: tzinfo = journal_zone(zones) if zones else ZoneInfo(tz_name or local_timezone_name())
    reader = _Reader(tz, journal.now())
    seen_ids: set[str] = set()
    seen_names: set[str] = set()

    def read(i: int, p: Any) -> _Person:
        where = f"/patients/{i}"
        if not validated:
            _validate_person(head, p, i)
        if "id" in p:
            if p["id"] in seen_ids:
                raise ValidationError(where + "/id", _("{show} is used by two people").format(show=_show(p['id'])))
            seen_ids.add(p["id"])
        person = reader.person(p, where)
        if name_key(person.patient.name) in seen_names:
            raise ValidationError(where + "/name", _("{show} appears twice in the document").format(show=_show(person.patient.name)))
        seen_names.add(name_key(person.patient.name))
        return person

    summary = ImportSummary()
    if validated:  # the whole document is in memory already: check everyone before writing
        checked = [read(i, p) for i, p in enumerate(people)]
        people_in: Iterable[_Person] = checked
    else:  # one person at a time, checked then written; a later problem rolls all of it back
        people_in = (read(i, p) for i, p in enumerate(people))
    with journal.store.transaction() as tx:
        existing_people = {name_key(p.name): p for p in tx.patients()}
        # A journal whose zone nobody chose takes the document's (so a copy exports the same).
        if zones or tz_name is not None:  # before the people: "nobody in it yet" is asked of the journal
            zone_store.adopt(tx, zones or [ZonePeriod(journal.now().date(), tz_name or "")], dated=bool(zones))
        for person in people_in:
            _import_person(tx, person, existing_people.get(name_key(person.patient.name)), summary)
    return summary


class NotStreamable(Exception):
    """The file is not laid out for reading one person at a time (read it whole instead)."""


class _Buffer:
    """What `read_document` has read and not used yet."""

    def __init__(self) -> None:
        self.buf = ""
        self.pos = 0
        self.eof = False


def read_document(f: Any, chunk: int = 1 << 23) -> tuple[dict[str, Any], Iterator[Any]] | None:
    """Read an exchange document from the text file `f` one person at a time: (the top-level
    fields, an iterator over the people), or None when the file is not a JSON object whose
    "patients" come after "format", "version" and "timezone" (read it whole then; any JSON error is reported by that
    whole read). The iterator raises NotStreamable for a document that goes wrong later. The file
    is read `chunk` characters at a time (8 MB: a person of ten years is about 5 MB, and a person
    cut by a chunk's end is decoded again once more text is in)."""
    decoder = json.JSONDecoder(object_pairs_hook=_object)  # as parse_document: remembers a key written twice
    state = _Buffer()

    def more() -> bool:
        if state.eof:
            return False
        got = f.read(chunk)
        if not got:
            state.eof = True
            return False
        state.buf = state.buf[state.pos:] + got
        state.pos = 0
        return True

    def skip_ws() -> str:
        while True:
            buf, pos = state.buf, state.pos
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            state.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not more():
                return ""

    def value() -> Any:
        skip_ws()
        while True:
            try:
                v, end = decoder.raw_decode(state.buf, state.pos)
            except json.JSONDecodeError:
                if more():
                    continue
                raise NotStreamable from None
            except RecursionError:  # nested too deeply: the whole read says so
                raise NotStreamable from None
            if end >= len(state.buf) and not state.eof and more():
                continue  # a number cut at the chunk's end: decode it again with what follows
            state.pos = end
            return v

    def expect(ch: str) -> None:
        if skip_ws() != ch:
            raise NotStreamable
        state.pos += 1

    try:
        if skip_ws() == "\ufeff":
            state.pos += 1
        expect("{")
        head: dict[str, Any] = {}
        while True:
            c = skip_ws()
            if c == "}" and not head:
                return None
            key = value()
            if not isinstance(key, str):
                return None
            expect(":")
            if key in head:
                return None  # a key written twice: the whole read refuses it, naming it
            if key == "patients":
                if not {"format", "version", "timezone"} <= head.keys():
                    return None  # fields the people are read with may come later: read it whole
                break
            head[key] = value()
            c = skip_ws()
            if c != ",":
                return None  # no patients at all, or not an object: read it whole
            state.pos += 1
        if skip_ws() != "[":
            return None
        state.pos += 1
    except NotStreamable:
        return None

    def people() -> Iterator[Any]:
        if skip_ws() == "]":
            state.pos += 1
        else:
            while True:
                yield value()
                c = skip_ws()
                state.pos += 1
                if c == "]":
                    break
                if c != ",":
                    raise NotStreamable
        if skip_ws() != "}":
            raise NotStreamable  # fields after the people (a time zone, say): read it whole
        state.pos += 1
        if skip_ws() != "":
            raise NotStreamable

    return head, people()


def _document_zones(doc: dict[str, Any], tz_name: str | None) -> tuple[ZonePeriod, ...]:
    """The document's `timezones` (empty when it has none), checked: known zones, dates in order,
    and `timezone` naming the last one. ValidationError naming /timezones/i/... or /timezones."""
    raw = doc.get("timezones")
    if raw is None:
        return ()
    try:
        zones = periods_from_json(raw, "/timezones")
    except ZoneError as e:
        raise ValidationError(e.field, e.message) from None
    if tz_name is not None and tz_name != zones[-1].zone:
        raise ValidationError("/timezones", _("the last entry is {show} but /timezone is {show2}; they must be the same zone (the one in force now)").format(show=_show(zones[-1].zone), show2=_show(tz_name)))
    return zones


def _import_stock(tx: Tx, med: Medication, med_id: int, existed: bool, summary: ImportSummary) -> None:
    """The medication's stock events not already in the journal (matched on medicine, time, kind)."""
    from journal.storage.repository import record_key

    events = med.stock
    for e in events:
        e.medication_id = med_id
    if existed and events:
        events, skipped = _new_only(events, tx.stock_event_keys(med_id), partial(record_key, "stock_event"))
        summary.already_there += skipped
    summary.stock_events += tx.bulk_insert("stock_event", events)


def _import_person(tx: Tx, person: _Person, existing: Patient | None, summary: ImportSummary) -> None:
    summary.names.append(person.patient.name)
    if existing is None:
        patient_id = tx.insert("patient", person.patient)
        summary.patients += 1
        current_meds: dict[str, Medication] = {}
    else:
        assert existing.id is not None
        patient_id = existing.id
        summary.already_there += 1
        current_meds = {name_key(m.name): m for m in tx.medications(patient_id, include_removed=True)}
    med_ids: list[int] = []
    for _where, med in person.medications:
        found = current_meds.get(name_key(med.name))
        if found is None:
            med.patient_id = patient_id
            med_id = tx.insert("medication", med)
            summary.medications += 1
            known_starts: set[date] = set()
        else:
            assert found.id is not None
            med_id = found.id
            known_starts = {r.start for r in tx.regimens(med_id)}
            summary.already_there += 1
        for reg in med.regimens:
            if reg.start in known_starts:
                summary.already_there += 1
                continue
            reg.medication_id = med_id
            tx.insert("regimen", reg)
            summary.regimens += 1
        _import_stock(tx, med, med_id, found is not None, summary)
        med_ids.append(med_id)

    for dose, idx in zip(person.doses, person.dose_med_index, strict=True):
        dose.medication_id = med_ids[idx]
        dose.patient_id = patient_id
    from journal.storage.repository import record_key

    records: list[tuple[str, list[Any]]] = [
        ("dose", person.doses), ("symptom", person.symptoms), ("observation", person.observations),
        ("pump_event", person.pump_events), ("note", person.notes),
    ]
    counts = {}
    for entity, items in records:
        for item in items:
            item.patient_id = patient_id
        if existing is not None and items:
            items, skipped = _new_only(items, tx.existing_keys(entity, patient_id), partial(record_key, entity))
            summary.already_there += skipped
        counts[entity] = tx.bulk_insert(entity, items)
    summary.doses += counts["dose"]
    summary.symptoms += counts["symptom"]
    summary.observations += counts["observation"]
    summary.pump_events += counts["pump_event"]
    summary.notes += counts["note"]


# --- export ---------------------------------------------------------------------------------------


def _num(v: float | int) -> float | int:
    """Whole numbers as integers (10, not 10.0), the rest unchanged."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _qty(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    out: dict[str, Any] = {"value": _num(q.value), "unit": q.unit.value}
    if q.per is not None:
        out["per"] = {"value": _num(q.per.value), "unit": q.per.unit.value}
    return out


def _stamp(at: datetime | None, tz: tzinfo) -> str | None:
    if at is None:
        return None
    # isoformat()'s default ("auto") is seconds, or microseconds when there are any
    return at.astimezone(tz).isoformat()


class _StoredStamp:
    """`_stamp` of a time given as stored (UTC text "YYYY-MM-DD HH:MM:SS.ffffff", as
    `storage.models.to_db_text` writes it): the same text, without a datetime per time.

    The offset shown is asked once per UTC day, or per UTC hour on a day it changes
    (`zones.steady_offset`, which asks the journal's zone itself), and remembered per UTC hour
    used, for the whole export (at most about 88,000 hours in ten years). With a whole number of hours the local
    text is that hour's local date and hour followed by the stored minutes, seconds and fraction
    (the fraction left out when it is zero, as `isoformat()` does), else the stored time plus the
    offset. An hour whose offset changes inside it (a DST change or a zone switch mid-hour), and
    any other text, go through `_stamp`. The export shows 2.9 million times for 50 people and
    10 years (issue 17)."""

    def __init__(self, tz: Any) -> None:
        from journal.storage.models import from_db_text

        self._tz = tz
        self._read = from_db_text
        # UTC "YYYY-MM-DD HH" -> (local "YYYY-MM-DDTHH", None, suffix) for a whole-hour offset,
        # (None, offset, suffix) for another steady one, None when it changes within the hour
        self._hours: dict[str, tuple[str | None, timedelta | None, str] | None] = {}
        self._days: dict[str, timedelta | None] = {}  # UTC "YYYY-MM-DD" -> its offset when steady all day
        self._suffixes: dict[timedelta, str] = {}

    def _learn(self, key: str) -> None:
        """Work out `_hours[key]` (None when `key` is not a UTC hour as stored)."""
        try:
            start = datetime.fromisoformat(key + ":00:00+00:00")
        except ValueError:
            self._hours[key] = None
            return
        day = key[:10]
        if day not in self._days:
            midnight = start.replace(hour=0)
            try:
                self._days[day] = steady_offset(self._tz, midnight, midnight + timedelta(days=1))
            except OverflowError:
                self._days[day] = None
        offset = self._days[day]
        if offset is None:
            try:
                offset = steady_offset(self._tz, start, start + timedelta(hours=1))
            except OverflowError:
                offset = None
        self._hours[key] = None if offset is None else self._shown(start, offset)

    def _shown(self, start: datetime, offset: timedelta) -> tuple[str | None, timedelta | None, str]:
        suffix = self._suffixes.get(offset)
        if suffix is None:  # "+HH:MM" as isoformat writes it
            suffix = self._suffixes[offset] = start.astimezone(self._tz).isoformat()[19:]
        if offset % timedelta(hours=1):
            return None, offset, suffix
        return (start.replace(tzinfo=None) + offset).isoformat()[:13], None, suffix

    def __call__(self, text: str | None) -> str | None:
        if text is None:
            return None
        if len(text) != 26 or text[19] != ".":
            return _stamp(self._read(text), self._tz)
        key = text[:13]
        try:
            hour = self._hours[key]
        except KeyError:
            self._learn(key)
            hour = self._hours.get(key)  # None for a text that is not as stored: _stamp decides
        if hour is None:
            return _stamp(self._read(text), self._tz)
        local, offset, suffix = hour
        if local is None:
            assert offset is not None
            return (datetime.fromisoformat(text) + offset).isoformat() + suffix
        fraction = text[19:]
        if fraction == ".000000":
            return f"{local}{text[13:19]}{suffix}"
        return f"{local}{text[13:]}{suffix}"

    def json(self, text: str | None) -> str:
        """The stamp as JSON text: quoted (it holds no character JSON escapes), or null. The
        same steps as `__call__`, written out: this is the export's busiest line."""
        if text is None:
            return "null"
        hour = self._hours.get(text[:13]) if len(text) == 26 and text[19] == "." else None
        if hour is None or hour[0] is None:
            return f'"{self(text)}"'
        local, _offset, suffix = hour
        if text[19:] == ".000000":
            return f'"{local}{text[13:19]}{suffix}"'
        return f'"{local}{text[13:]}{suffix}"'


def _amount_doc(value: float | None, unit: str | None) -> dict[str, Any] | None:
    """`_qty` of an amount given as its columns (a new dict each time: the document is the caller's)."""
    if value is None or unit is None:
        return None
    got = _amount_docs(value, unit)
    return dict(got)


@lru_cache(maxsize=1024)
def _amount_docs(value: float, unit: str) -> dict[str, Any]:
    return _qty(Quantity(value, Unit(unit)))  # type: ignore[return-value]


def _opt(v: float | None) -> float | int | None:
    return None if v is None else _num(v)


_PUMP_NUMBERS = ("volume_ml", "concentration_mcg_per_ml", "daily_dose_mcg", "reservoir_ml", "low_alarm_ml")


def _present(record: dict[str, Any], *optional: str) -> dict[str, Any]:
    """Leaves out the named fields when absent: the format gives them no null."""
    for key in optional:
        if record.get(key) is None:
            del record[key]
    return record


@lru_cache(maxsize=64)
def _observation_kind(stored: str) -> str:
    """A stored reading kind as the document writes it (ValueError for one the journal does not know)."""
    return ObservationKind(stored).value


def _limits_doc(limits: AsNeededLimits | None) -> dict[str, Any] | None:
    if limits is None or limits.empty:
        return None
    return {"max_doses_per_day": limits.max_doses_per_day, "min_interval_hours": _opt(limits.min_interval_hours),
            "max_amount_per_day": _qty(limits.max_amount_per_day)}


def _stock_doc(e: StockEvent, tz: tzinfo) -> dict[str, Any]:
    return {"at": _stamp(e.at, tz), "kind": e.kind.value, "amount": _qty(e.amount), "note": e.note}


DoseRow = tuple[Any, ...]  # storage's dose_export_rows: (medication_id, scheduled, given, value, unit, status, by, note)


def _dose_doc(row: DoseRow, ref: str, stamp: _StoredStamp) -> dict[str, Any]:
    """One dose record of the document, from its stored columns (`ref`: its medication's id)."""
    _mid, scheduled, given, value, unit, status, by, note = row
    return {"medication": ref, "scheduled": stamp(scheduled), "given": stamp(given),
            "amount": _amount_doc(value, unit), "status": status, "by": by, "note": note}


def _text_json(value: Any) -> str:
    """`_encode(value)` of a text column's value: the same characters, escapes and refusals."""
    if value is None:
        return "null"
    if value.__class__ is str:
        return encode_basestring(value)  # what _encode calls for a str (ensure_ascii=False)
    return _encode(value)


# The JSON text around a dose record's values, in the order `_dose_doc` gives its keys, with the
# generic encoder's separators (", " and ": ").
_DOSE_KEYS = ('{"medication": ', ', "scheduled": ', ', "given": ', ', "amount": ', ', "status": ', ', "by": ',
              ', "note": ', "}")


class _DoseLines:
    """Each dose record as its JSON text, exactly `_encode(_dose_doc(row, ref, stamp))` (the
    generic encoder's separators, key order, numbers, escapes; `test_export_lines.py` proves it on
    random rows) but put together from parts encoded once: the medication's id, each amount,
    each status, the stamps (text without escapes); only `by` and `note` are encoded per row.
    One call per dose, a million of them for 50 people and 10 years (issue 17)."""

    def __init__(self, refs: dict[int, str], stamp: _StoredStamp) -> None:
        self._heads = {mid: _DOSE_KEYS[0] + _encode(ref) + _DOSE_KEYS[1] for mid, ref in refs.items()}
        self._stamp = stamp
        self._amounts: dict[tuple[Any, Any], str] = {}
        self._statuses: dict[Any, str] = {}

    def __call__(self, row: DoseRow) -> str:
        mid, scheduled, given, value, unit, status, by, note = row
        key = (value, unit)
        amount = self._amounts.get(key)
        if amount is None:
            amount = self._amounts[key] = _encode(_amount_doc(value, unit))
        shown = self._statuses.get(status)
        if shown is None:
            shown = self._statuses[status] = _encode(status)
        stamp = self._stamp.json
        _first, _second, given_key, amount_key, status_key, by_key, note_key, end = _DOSE_KEYS
        return (f"{self._heads[mid]}{stamp(scheduled)}{given_key}{stamp(given)}{amount_key}{amount}"
                f"{status_key}{shown}{by_key}{_text_json(by)}{note_key}{_text_json(note)}{end}")


def export_document(journal: Journal, patient_name: str | None = None) -> dict[str, Any]:
    """The journal (or one person) in exchange format v1, times written with their offsets. The
    whole document is in memory: for a file use `write_export`, which holds one person at a time."""
    with journal.store.read() as tx:
        out = _export_head(journal)
        out["patients"] = list(_person_docs(journal, tx, patient_name))
    return out


# json.dumps(v, ensure_ascii=False) without building an encoder for every record (issue 17: the
# export writes a million records)
_encode = json.JSONEncoder(ensure_ascii=False).encode


def write_export(journal: Journal, write: Callable[[str], Any], patient_name: str | None = None) -> int:
    """Write the journal (or one person) in exchange format v1 through `write`, one person at a
    time (memory bounded by a person, not the journal; issue 17), one record per line. The text
    parses to the same document as `export_document`. Returns the number of people written."""
    head = _export_head(journal)
    people = 0
    write("{\n")
    for key, value in head.items():
        write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    write('  "patients": [')
    with journal.store.read() as tx:
        for person in _person_docs(journal, tx, patient_name, dose_lines=True):
            write(",\n    {" if people else "\n    {")
            people += 1
            for i, (key, value) in enumerate(person.items()):
                sep = "" if i == 0 else ","
                if isinstance(value, list) and value and key != "conditions":
                    rows = ",\n        ".join(value if key == "doses" else map(_encode, value))  # doses: as text
                    write(f"{sep}\n      {json.dumps(key)}: [\n        {rows}\n      ]")
                else:
                    write(f"{sep}\n      {json.dumps(key)}: {_encode(value)}")
            write("\n    }")
    write("\n  ]\n}\n" if people else "]\n}\n")
    return people


def _export_head(journal: Journal) -> dict[str, Any]:
    tz = journal.tz
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "timezone": tz.current.key}
    if len(tz.periods) > 1:  # written only when the zone changed, so older documents stay as they were
        out["timezones"] = [p.as_json() for p in tz.periods]
    return out


def _person_docs(journal: Journal, tx: Any, patient_name: str | None, *, dose_lines: bool = False) -> Iterator[dict[str, Any]]:
    """Each person's part of the document, one at a time (medication ids m1, m2, ... across people).
    `dose_lines`: "doses" holds each record's JSON text (`_DoseLines`) instead of its dict."""
    tz = journal.tz
    tz = getattr(tz, "only_zone", None) or tz  # the same local times, converted without Python calls
    people = tx.patients()
    if patient_name is not None:
        wanted = journal.find_patient(patient_name)
        people = [p for p in people if p.id == wanted.id]
    med_counter = 0
    stamp = _StoredStamp(tz)  # one for everyone: it remembers each hour's offset
    for n, p in enumerate(people, start=1):
        assert p.id is not None
        meds = tx.medications(p.id)
        refs: dict[int, str] = {}
        med_docs = []
        for m in meds:
            assert m.id is not None
            med_counter += 1
            refs[m.id] = f"m{med_counter}"
            med_docs.append(_present({
                "id": refs[m.id], "name": m.name, "drug": m.drug, "route": m.route.value, "form": m.form.value,
                "strength": _qty(m.strength), "as_needed": m.as_needed,
                "as_needed_limits": _limits_doc(m.as_needed_limits), "max_daily": _qty(m.max_daily),
                "stock": [_stock_doc(e, tz) for e in m.stock] or None,
                "regimens": [
                    {"start": r.start.isoformat(), "end": r.end.isoformat() if r.end else None,
                     "dose": _qty(r.dose), "times": [t.strftime("%H:%M") for t in r.times],
                     "every_days": r.every_days, "prescribed_by": r.prescribed_by, "reason": r.reason}
                    for r in m.regimens
                ],
            }, "strength", "as_needed_limits", "max_daily", "stock"))
        # Doses straight from their columns (no domain objects: a million of them in ten years),
        # written exactly as _stamp and _qty write them.
        rows = tx.dose_export_rows(p.id)
        doses: list[Any]
        if dose_lines:
            line = _DoseLines(refs, stamp)
            doses = [line(row) for row in rows if row[0] in refs]
        else:
            doses = [_dose_doc(row, refs[row[0]], stamp) for row in rows if row[0] in refs]
        yield {
            "id": f"p{n}", "name": p.name, "birth_date": p.birth_date.isoformat() if p.birth_date else None,
            "renal_impairment": p.renal_impairment.value, "conditions": list(p.conditions), "notes": p.notes,
            "medications": med_docs,
            "doses": doses,
            # symptoms and readings straight from their columns too (half a million in ten years),
            # written as from their domain objects: the kind checked, a text value before a number
            "symptoms": [
                _present({"at": stamp(at), "symptom": symptom, "severity": severity,
                          "duration_minutes": minutes, "note": note}, "severity")
                for at, symptom, severity, minutes, note
                in tx.export_rows("symptom", p.id, ("at", "symptom", "severity", "duration_minutes", "note"))
            ],
            "observations": [
                _present({"at": stamp(at), "kind": _observation_kind(kind),
                          "value": text if text is not None else _num(number),
                          "value2": _opt(value2), "body_part": body_part, "note": note}, "value2")
                for at, kind, text, number, value2, body_part, note
                in tx.export_rows("observation", p.id, ("at", "kind", "value_text", "value_number", "value2", "body_part", "note"))
            ],
            "pump_events": [
                _present({"at": _stamp(e.at, tz), "kind": e.kind.value, "volume_ml": _opt(e.volume_ml),
                          "concentration_mcg_per_ml": _opt(e.concentration_mcg_per_ml),
                          "daily_dose_mcg": _opt(e.daily_dose_mcg), "reservoir_ml": _opt(e.reservoir_ml),
                          "low_alarm_ml": _opt(e.low_alarm_ml),
                          "next_refill_due": e.next_refill_due.isoformat() if e.next_refill_due else None,
                          "note": e.note}, *_PUMP_NUMBERS, "next_refill_due")
                for e in tx.series("pump_event", p.id)
            ],
            "notes_log": [{"at": _stamp(x.at, tz), "text": x.text} for x in tx.series("note", p.id)],
        }


# --- CSV --------------------------------------------------------------------------------------------


def _local(at: datetime | None, tz: tzinfo) -> datetime | None:
    return at.astimezone(tz) if at is not None else None


def _cell(v: Any) -> Any:
    return v  # typed as it is: spreadsheet.py writes it as text (CSV) or as a number or date-time (xlsx)


Table = tuple[list[str], list[list[Any]]]  # (header, rows)


def export_csv(journal: Journal, out_dir: Path, patient_name: str | None = None) -> list[Path]:
    """One CSV per table (export_tables), written by spreadsheet.write_csv."""
    from .spreadsheet import write_csv

    return write_csv(export_tables(journal, patient_name), out_dir, journal_path=journal.path)


def export_tables(journal: Journal, patient_name: str | None = None) -> dict[str, Table]:
    """The journal (or one person) as tables for spreadsheets: {name: (header, rows)}, in this
    order: patients, medications, regimens, doses, symptoms, observations, pump_events, notes,
    stock.
    Cells keep their types: str, int, float, date, datetime (aware, in the journal's zone) or
    None for nothing. Raises NotFound for an unknown `patient_name`."""
    tz = journal.tz
    tables: dict[str, Table] = {
        "patients": (["person", "birth_date", "renal_impairment", "conditions", "notes"], []),
        "medications": (["person", "medicine", "drug", "route", "form", "strength", "as_needed", "max_daily",
                         "as_needed_max_doses_per_day", "as_needed_min_hours_between",
                         "as_needed_max_amount_per_day"], []),
        "regimens": (["person", "medicine", "start", "end", "dose", "times", "every_days", "prescribed_by", "reason"], []),
        "doses": (["person", "medicine", "status", "scheduled", "given", "amount", "unit", "amount_mg", "by", "note"], []),
        "symptoms": (["person", "at", "symptom", "severity", "duration_minutes", "note"], []),
        "observations": (["person", "at", "kind", "value", "value2", "body_part", "note"], []),
        "pump_events": (["person", "at", "kind", "volume_ml", "concentration_mcg_per_ml", "daily_dose_mcg",
                         "reservoir_ml", "low_alarm_ml", "next_refill_due", "note"], []),
        "notes": (["person", "at", "text"], []),
        "stock": (["person", "medicine", "at", "kind", "amount", "unit", "note"], []),
    }
    with journal.store.read() as tx:
        people = tx.patients()
        if patient_name is not None:
            wanted = journal.find_patient(patient_name)
            people = [p for p in people if p.id == wanted.id]
        for p in people:
            assert p.id is not None
            tables["patients"][1].append([p.name, p.birth_date or "", p.renal_impairment.value,
                                          "; ".join(p.conditions), p.notes])
            meds = {m.id: m for m in tx.medications(p.id)}
            for m in meds.values():
                lim = m.as_needed_limits or AsNeededLimits()
                tables["medications"][1].append([p.name, m.name, m.drug or "", m.route.value, m.form.value,
                                                 m.strength.notation() if m.strength else "", "yes" if m.as_needed else "no",
                                                 m.max_daily.notation() if m.max_daily else "", _cell(lim.max_doses_per_day),
                                                 _cell(lim.min_interval_hours),
                                                 lim.max_amount_per_day.notation() if lim.max_amount_per_day else ""])
                for e in m.stock:
                    tables["stock"][1].append([p.name, m.name, _local(e.at, tz), e.kind.value, _cell(e.amount.value),
                                               e.amount.unit.value, e.note])
                for r in m.regimens:
                    tables["regimens"][1].append([p.name, m.name, r.start, r.end or "", r.dose.notation(),
                                                  " ".join(t.strftime("%H:%M") for t in r.times), r.every_days,
                                                  r.prescribed_by, r.reason])
            for d in tx.series("dose", p.id):
                med = meds.get(d.medication_id)
                if med is None:
                    continue
                mg = d.amount_normalised.to_mg() if d.amount_normalised is not None else None
                tables["doses"][1].append([p.name, med.name, d.status.value, _local(d.scheduled, tz), _local(d.given, tz),
                                           _cell(d.amount.value) if d.amount else "", d.amount.unit.value if d.amount else "",
                                           _cell(mg), d.by, d.note])
            for s in tx.series("symptom", p.id):
                tables["symptoms"][1].append([p.name, _local(s.at, tz), s.symptom, _cell(s.severity),
                                              _cell(s.duration_minutes), s.note])
            for o in tx.series("observation", p.id):
                tables["observations"][1].append([p.name, _local(o.at, tz), o.kind.value, _cell(o.value),
                                                  _cell(o.value2), o.body_part, o.note])
            for e in tx.series("pump_event", p.id):
                tables["pump_events"][1].append([p.name, _local(e.at, tz), e.kind.value, _cell(e.volume_ml),
                                                 _cell(e.concentration_mcg_per_ml), _cell(e.daily_dose_mcg),
                                                 _cell(e.reservoir_ml), _cell(e.low_alarm_ml),
                                                 e.next_refill_due or "", e.note])
            for x in tx.series("note", p.id):
                tables["notes"][1].append([p.name, _local(x.at, tz), x.text])
    return tables

