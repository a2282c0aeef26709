"""The people in the journal: list, find by name, add, correct (issue 20: one of the Journal
facade's managers). A name is unique in the journal, compared with `validation.name_key`; a
correction keeps the earlier version as a revision. Journal delegates `add_patient`, ... here."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from journal.domain import Patient
from journal.domain.i18n import _

from .errors import NotFound, ValidationError
from .journal_types import Outcome, add_revision
from .validation import check_patient, clean_name, name_key

if TYPE_CHECKING:
    from .journal import Journal


class People:
    """The people of one open journal (`journal.store`, `journal.now()`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal


    def list_patients(self) -> list[Patient]:
        with self.journal.store.read() as tx:
            return tx.patients()

    def get_patient(self, patient_id: int) -> Patient:
        with self.journal.store.read() as tx:
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
        self.check(p, None)
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("patient", p)
        return Outcome(frozenset({"patients"}), [], new_id)

    def update_patient(self, p: Patient, by: str = "") -> Outcome:
        pid = p.id
        if pid is None:
            raise ValidationError("id", _("the person has not been saved yet"))
        p = dataclasses.replace(p, name=clean_name(p.name))
        self.check(p, pid)
        with self.journal.store.transaction() as tx:
            got = tx.get("patient", pid)
            if got is None:
                raise NotFound(_("no person with id {id} in the journal").format(id=pid), "patient")
            before = got[0]
            tx.update("patient", pid, p)
            add_revision(tx, "patient", pid, "correct", before, p, by, "", pid, self.journal.now())
        return Outcome(frozenset({"patients", "alerts"}), self.journal._alerts(pid), pid)

    def check(self, p: Patient, own_id: int | None) -> None:
        """ValidationError naming the field when `p` is not valid, or when another person
        (not `own_id`) already has its name."""
        check_patient(p, self.journal.now())
        for other in self.list_patients():
            if other.id != own_id and name_key(other.name) == name_key(p.name):
                raise ValidationError("name", _('"{name}" is already in the journal').format(name=p.name))

