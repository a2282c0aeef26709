"""Doses: "Given now" on a planned dose, and a dose logged at another time or not given
(skipped, refused, vomited), with the safety checks' look-ahead before saving."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from journal.domain import Dose, PatientHistory
from journal.services.checks import DosePreview, preview_dose

from . import SAME_CLICK, OpChanges, perform

if TYPE_CHECKING:
    from ..shell.session import Session


@dataclass(frozen=True)
class LookAhead:
    """What saving `dose` would raise (`preview`), worked out on `history`: this person's history
    read once at `at` over every window the views need, reused by `give_dose` for the same click."""

    dose: Dose
    preview: DosePreview
    history: PatientHistory
    at: datetime


def look_ahead(*, session: Session, patient_id: int, dose: Dose) -> LookAhead:
    """The checks' look-ahead for `dose` (nothing is written; see checks.preview_dose). Raises
    ValidationError exactly as saving it would."""
    now = session.journal.now()
    history = session.read_span(patient_id, now)
    return LookAhead(dose, preview_dose(session.journal, patient_id, dose, now, history=history), history, now)


def give_dose(*, session: Session, patient_id: int, dose: Dose, by: str, initiator: object | None = None,
              claim_slot: bool = False, ahead: LookAhead | None = None, check_later: bool = False) -> OpChanges:
    """Log one dose (given, skipped, refused, vomited, at `dose.given` or its slot). With
    `claim_slot` ("Given now" on a planned dose) a second "given" for the slot is refused with
    AlreadyGiven, however many caregivers press at once. `ahead`: the look-ahead made for this
    very dose a moment ago; its history is reused instead of reading again. `check_later`: the
    person's checks after saving run on the next event-loop turn (see `perform`). Raises
    ValidationError naming the field; nothing is saved then."""
    journal = session.journal
    # The look-ahead made in this very click (a real clock has moved a few ms since): the write and
    # the reads after it use the click's instant, so its read is the only one. A look-ahead older
    # than SAME_CLICK (a warning was read first) is not reused: the checks then read afresh.
    since = journal.now() - ahead.at if ahead is not None else None
    same = (ahead is not None and since is not None and timedelta(0) <= since <= SAME_CLICK and ahead.dose is dose
            and ahead.preview.dose.by == (dose.by or by or ahead.preview.dose.by))

    def stored(outcome: object) -> Dose | None:
        record_id = getattr(outcome, "record_id", None)
        if not same or ahead is None or record_id is None:
            return None
        return replace(ahead.preview.dose, id=record_id)

    return perform(session, lambda: journal.log_dose(patient_id, dose, by=by, claim_slot=claim_slot),
                   patient_id=patient_id, by=by, initiator=initiator,
                   before=ahead.history if same and ahead is not None else None, stored=stored,
                   check_later=check_later, now=ahead.at if same and ahead is not None else None)
