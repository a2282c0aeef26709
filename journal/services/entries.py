"""Logging what happened: doses, symptoms, measurements, pump events and notes (issue 20: one of
the Journal facade's managers). Each entry is checked (plausible amount, not in the future, the
medicine on this person's list) before one write, then the checks run again. A dose for a planned
slot ("Given now") is stored at most once per slot; the database's unique index decides a race.
Journal delegates `prepare_dose`, `log_dose`, `log_symptom`, ... here."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from journal.domain import (
    Dose,
    DoseStatus,
    Form,
    Medication,
    Note,
    Observation,
    ObservationKind,
    PumpEvent,
    PumpEventKind,
    SymptomEntry,
)
from journal.domain.i18n import _

from .errors import AlreadyGiven, NotFound, ValidationError
from .journal_types import Outcome
from .symptoms import symptom_code
from .validation import (
    check_aware,
    check_not_future,
    check_observation,
    check_pump_event,
    check_symptom,
    check_texts,
    clock_doubt,
    normalise_amount,
)

if TYPE_CHECKING:
    from .journal import Journal


class Entries:
    """The log of one open journal (`journal.store`, `journal.now()`, `journal.tz`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def _medication_of(self, patient_id: int, medication_id: int) -> Medication:
        try:
            med = self.journal.get_medication(medication_id)
        except NotFound:
            raise ValidationError("medication", _("no medicine with id {medication_id}").format(medication_id=medication_id)) from None
        if med.patient_id != patient_id:
            raise ValidationError("medication", _("{name} is not on this person's list").format(name=med.name))
        return med

    def prepare_dose(self, patient_id: int, dose: Dose, by: str = "") -> Dose:
        """The dose as it will be stored: times filled in, amount normalised, plausibility checked."""
        med = self._medication_of(patient_id, dose.medication_id)
        now = self.journal.now()
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
            reg = med.regimen_on(d.at.astimezone(self.journal.tz).date())
            if reg is not None:
                d.amount = reg.dose
        if d.amount is not None:
            d.amount_normalised = normalise_amount(d.amount, med.strength, "amount", med.form, d.status.was_given)
        else:
            d.amount_normalised = None
        check_not_future(d.given, now, "given")
        if not d.by:
            d.by = by or self.journal.caregiver()
        return d

    def clock_doubt(self, patient_id: int, at: datetime | None = None) -> str | None:
        """Plain words when `at` (default: now by the computer's clock) is far from the person's
        last entry, so the clock may be wrong (`validation.clock_doubt`); None when it looks right.
        The window asks before saving "Given now", the command line refuses without --at."""
        at = at or self.journal.now()
        with self.journal.store.read() as tx:
            last = tx.last_entry(patient_id)
        tz = self.journal.tz
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
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("dose", d)
        return Outcome(frozenset({"doses", "alerts"}), self.journal._alerts(patient_id), new_id)

    def _log_slot_dose(self, patient_id: int, d: Dose) -> Outcome:
        from journal.storage.repository import SlotTaken

        assert d.scheduled is not None
        self._refuse_if_given(d)  # the friendly answer when the dose was logged some time ago
        try:
            with self.journal.store.transaction() as tx:
                new_id = tx.insert_slot_dose(d)
        except SlotTaken:
            self._refuse_if_given(d)  # the race lost: say who won
            raise AlreadyGiven(_("the {slot} dose was already logged; nothing was saved").format(slot=self._hm(d.scheduled)),
                               None) from None
        return Outcome(frozenset({"doses", "alerts"}), self.journal._alerts(patient_id), new_id)

    def _hm(self, at: datetime) -> str:
        return at.astimezone(self.journal.tz).strftime("%H:%M")

    def _refuse_if_given(self, d: Dose) -> None:
        assert d.scheduled is not None
        with self.journal.store.read() as tx:
            there = [x for x in tx.slot_doses(d.medication_id, d.scheduled) if x.status.was_given]
        if there:
            first = there[0]
            who = f" by {first.by}" if first.by else ""
            when = f" at {self._hm(first.given)}" if first.given is not None else ""
            raise AlreadyGiven(_("the {slot} dose was already given{who}{when}; nothing was saved").format(slot=self._hm(d.scheduled), who=who, when=when),
                               first)

    def log_symptom(self, patient_id: int, entry: SymptomEntry, by: str = "") -> Outcome:
        self.journal.get_patient(patient_id)
        # A plain name the catalog lists (`twitching`) is stored as its code (`muscle-twitching`).
        e = dataclasses.replace(entry, patient_id=patient_id, symptom=symptom_code(entry.symptom),
                                by=entry.by or by or self.journal.caregiver())
        check_symptom(e)
        check_not_future(e.at, self.journal.now(), "at")
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("symptom", e)
        return Outcome(frozenset({"symptoms", "alerts"}), self.journal._alerts(patient_id), new_id)

    def log_observation(self, patient_id: int, obs: Observation, by: str = "") -> Outcome:
        self.journal.get_patient(patient_id)
        o = dataclasses.replace(obs, patient_id=patient_id, by=obs.by or by or self.journal.caregiver())
        try:
            o.kind = ObservationKind(o.kind)
        except ValueError:
            raise ValidationError("kind", _('"{kind}" is not a known kind of measurement').format(kind=o.kind)) from None
        check_observation(o)
        check_not_future(o.at, self.journal.now(), "at")
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("observation", o)
        return Outcome(frozenset({"observations", "alerts"}), self.journal._alerts(patient_id), new_id)

    def log_pump_event(self, patient_id: int, event: PumpEvent, by: str = "") -> Outcome:
        self.journal.get_patient(patient_id)
        e = dataclasses.replace(event, patient_id=patient_id, by=event.by or by or self.journal.caregiver())
        try:
            e.kind = PumpEventKind(e.kind)
        except ValueError:
            raise ValidationError("kind", _('"{kind}" is not a kind of pump event').format(kind=e.kind)) from None
        check_pump_event(e)
        check_not_future(e.at, self.journal.now(), "at")
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("pump_event", e)
        return Outcome(frozenset({"pump", "alerts"}), self.journal._alerts(patient_id), new_id)

    def add_note(self, patient_id: int, note: Note, by: str = "") -> Outcome:
        self.journal.get_patient(patient_id)
        n = dataclasses.replace(note, patient_id=patient_id, by=note.by or by or self.journal.caregiver())
        check_aware(n.at, "at")
        check_texts(n)
        if not n.text.strip():
            raise ValidationError("text", _("the note is empty"))
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("note", n)
        # Notes count for the checks too (e.g. alcohol taken is recorded as a note).
        return Outcome(frozenset({"notes", "alerts"}), self.journal._alerts(patient_id), new_id)

