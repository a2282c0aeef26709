"""A person's medicines: the list, schedules (regimens), limits and stock (issue 20: one of the
Journal facade's managers). A new schedule ends the one in force and keeps the replaced steps
in the history; every write re-runs the checks. Journal delegates `add_medication`,
`set_regimens`, `set_limits`, `record_stock`, `stock_level`, ... here."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from journal.domain import (
    AsNeededLimits,
    Dose,
    GivenSummary,
    Medication,
    Quantity,
    Regimen,
    Revision,
    StockEvent,
    StockKind,
)
from journal.domain.i18n import _

from .errors import NotFound, ValidationError
from .journal_types import Outcome, add_revision, jsonable
from .validation import (
    check_limits,
    check_medication,
    check_not_future,
    check_regimen,
    check_stock_event,
    clean_name,
    name_key,
)

if TYPE_CHECKING:
    from journal.schedule.stock import StockLevel
    from journal.storage.repository import Tx

    from .journal import Journal


class Medicines:
    """The medicines of one open journal (`journal.store`, `journal.now()`, `journal.tz`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal


    def list_medications(self, patient_id: int, include_inactive: bool = True) -> list[Medication]:
        with self.journal.store.read() as tx:
            meds = tx.medications(patient_id)
        if include_inactive:
            return meds
        today = self.journal.now().astimezone(self.journal.tz).date()
        return [m for m in meds if m.regimen_on(today) is not None or (m.as_needed and not m.regimens)]

    def get_medication(self, medication_id: int) -> Medication:
        with self.journal.store.read() as tx:
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
        self.journal.get_patient(patient_id)
        m = dataclasses.replace(m, patient_id=patient_id, regimens=list(m.regimens), name=clean_name(m.name))
        check_medication(m)
        if any(name_key(o.name) == name_key(m.name) for o in self.list_medications(patient_id)):
            raise ValidationError("name", _('"{name}" is already on the list').format(name=m.name))
        for i, e in enumerate(m.stock):
            check_stock_event(e, dataclasses.replace(m, stock=m.stock[:i]), f"stock/{i}/")
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("medication", m)
            for r in sorted(m.regimens, key=lambda r: r.start):
                tx.insert("regimen", dataclasses.replace(r, medication_id=new_id))
            for e in m.stock:
                tx.insert("stock_event", dataclasses.replace(e, medication_id=new_id, id=None))
        return Outcome(frozenset({"medications", "alerts"}), self.journal._alerts(patient_id), new_id)

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
        now = self.journal.now()
        with self.journal.store.transaction() as tx:
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
                    add_revision(tx, "regimen", old.id, "correct", old, ended, by, "schedule changed",
                                   med.patient_id, now)
            ids = [tx.insert("regimen", dataclasses.replace(r, medication_id=medication_id, id=None)) for r in steps]
        return Outcome(frozenset({"medications", "alerts"}), self.journal._alerts(med.patient_id), ids[0])

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
        with self.journal.store.transaction() as tx:
            tx.update("medication", medication_id, after)
            add_revision(tx, "medication", medication_id, "correct", med, after, by or self.journal.caregiver(), reason,
                         med.patient_id, self.journal.now())
        return Outcome(frozenset({"medications", "alerts"}), self.journal._alerts(med.patient_id), medication_id)

    def record_stock(self, medication_id: int, event: StockEvent, by: str = "") -> Outcome:
        """Record a stock event (counted on hand, received, discarded) for a medicine. Raises
        ValidationError naming the field (`kind`, `at`, `amount`); nothing is saved then."""
        med = self.get_medication(medication_id)
        e = dataclasses.replace(event, medication_id=medication_id, id=None, removed=False,
                                by=event.by or by or self.journal.caregiver())
        if not isinstance(e.kind, StockKind):
            try:
                e.kind = StockKind(e.kind)
            except ValueError:
                raise ValidationError("kind", _("{kind} is not one of: counted, received, discarded").format(kind=f"{e.kind!r}")) from None
        check_stock_event(e, med)
        check_not_future(e.at, self.journal.now(), "at")
        with self.journal.store.transaction() as tx:
            new_id = tx.insert("stock_event", e)
        return Outcome(frozenset({"medications", "alerts"}), self.journal._alerts(med.patient_id), new_id)

    def stock_level(self, medication_id: int, at: datetime | None = None) -> StockLevel | None:
        """The medicine's stock now (or at `at`): a `journal.schedule.stock.StockLevel`, or None
        when no stock was recorded. Raises `StockUnknown` when it cannot be told."""
        from journal.schedule.stock import stock_level

        at = at or self.journal.now()
        with self.journal.store.read() as tx:
            got = tx.get("medication", medication_id)
            if got is None or got[1]:
                raise NotFound(_("no medicine with id {medication_id} in the journal").format(medication_id=medication_id), "medication")
            med = got[0]
            doses, earlier = _stock_reads(tx, med, at)
        return stock_level(med, doses, at, self.journal.tz, earlier=earlier)


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
