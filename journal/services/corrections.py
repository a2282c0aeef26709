"""Corrections, removals and the history of earlier versions (issue 20: one of the Journal
facade's managers). A record is never overwritten in place: a correction keeps the earlier
version as a revision (who, when, what, why), a removal is a reversible mark with a reason.
Journal delegates `correct`, `remove`, `unremove`, `revisions`, `get_record`, ... here."""

from __future__ import annotations

import dataclasses
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journal.domain import (
    DoseStatus,
    Form,
    ObservationKind,
    PumpEventKind,
    QuantityError,
    RenalImpairment,
    Revision,
    Route,
    StockKind,
    parse_quantity,
)
from journal.domain.i18n import _

from .errors import NotFound, ValidationError
from .journal_types import CHANGED, ENTITIES, Outcome, Record, add_revision, jsonable
from .validation import (
    check_aware,
    check_medication,
    check_observation,
    check_pump_event,
    check_regimen,
    check_stock_event,
    check_symptom,
    check_texts,
    clean_name,
    name_key,
)

if TYPE_CHECKING:
    from journal.storage.repository import Tx

    from .journal import Journal


class Corrections:
    """The corrections of one open journal (`journal.store`, `journal.now()`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def correct(self, entity: str, entity_id: int, changes: dict[str, object], by: str, reason: str = "") -> Outcome:
        """Change fields of a record; the earlier version is kept as a revision."""
        self._check_entity(entity)
        with self.journal.store.read() as tx:
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
        with self.journal.store.transaction() as tx:
            tx.update(entity, entity_id, after)
            add_revision(tx, entity, entity_id, "correct", before, after, by, reason, patient_id, self.journal.now())
        if entity == "patient":
            self.journal.settings_store.forget()
        return Outcome(frozenset({CHANGED[entity], "alerts"}), self.journal._alerts(patient_id), entity_id)

    def _validate_corrected(self, entity: str, obj: Any) -> tuple[Any, int | None]:
        """The corrected record as it will be stored, and whose it is; raises ValidationError."""
        if entity == "dose":
            d = self.journal.prepare_dose(obj.patient_id, obj)  # renormalises the amount
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
            self.journal.people.check(obj, obj.id)
            return int(obj.id)
        elif entity == "medication":
            obj.regimens = []
            obj.name = clean_name(obj.name)
            check_medication(obj)
            if any(o.id != obj.id and name_key(o.name) == name_key(obj.name)
                   for o in self.journal.list_medications(obj.patient_id)):
                raise ValidationError("name", _('"{name}" is already on the list').format(name=obj.name))
            return int(obj.patient_id)
        elif entity == "stock_event":
            med = self.journal.get_medication(obj.medication_id)
            check_stock_event(obj, med)
            return med.patient_id
        elif entity == "regimen":
            med = self.journal.get_medication(obj.medication_id)
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
        with self.journal.store.transaction() as tx:
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
                Revision(entity, entity_id, self.journal.now(), by, "remove" if removed else "restore", before, after, reason),
                patient_id,
            )
        if entity == "patient":
            self.journal.settings_store.forget()
        return Outcome(frozenset({CHANGED[entity], "alerts"}), self.journal._alerts(patient_id), entity_id)

    def revisions(
        self, patient_id: int | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[Revision]:
        with self.journal.store.read() as tx:
            return tx.revisions(patient_id, start, end)

    def revisions_of(self, entity: str, entity_id: int) -> list[Revision]:
        """Every earlier version of one record, oldest first."""
        with self.journal.store.read() as tx:
            return tx.revisions(None, entity=entity, entity_id=entity_id)

    def get_record(self, entity: str, entity_id: int) -> Record:
        """One record (a removed one too: check its `removed`). NotFound when there is none,
        ValidationError("entity") for an entity not in ENTITIES."""
        self._check_entity(entity)
        with self.journal.store.read() as tx:
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

