"""Which logged dose answers which slot, and the slots nobody answered ("derived missed").

A dose answers a slot when its `scheduled` equals the slot's instant. A dose with no `scheduled`
(an entry made without picking the slot) answers the nearest still-unanswered slot of the same
medication within `tolerance` of its `given` time. A slot with no record is "derived missed": the
journal never stores those, it works them out from the schedule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from journal.domain import Dose

from .expand import Slot


@dataclass
class SlotState:
    slot: Slot
    doses: list[Dose] = field(default_factory=list)  # every record answering this slot

    @property
    def answered(self) -> bool:
        return bool(self.doses)

    @property
    def given(self) -> bool:
        return any(d.status.was_given for d in self.doses)

    @property
    def taken(self) -> bool:
        """Given and kept down (vomited doses count as interrupted for withdrawal checks)."""
        return any(d.status.value == "taken" for d in self.doses)


def match(slots: Iterable[Slot], doses: Iterable[Dose], tolerance: timedelta) -> tuple[list[SlotState], list[Dose]]:
    """States of the slots (sorted) and the doses that answer no slot (extra or PRN doses)."""
    states = [SlotState(s) for s in sorted(slots, key=lambda s: s.at)]
    by_key: dict[tuple[int | None, datetime], SlotState] = {(s.slot.medication_id, s.slot.at): s for s in states}
    loose: list[Dose] = []
    unmatched: list[Dose] = []
    for d in doses:
        if d.removed:
            continue
        if d.scheduled is not None:
            st = by_key.get((d.medication_id, d.scheduled))
            if st is not None:
                st.doses.append(d)
                continue
            # A scheduled time that is not a slot (schedule changed since): treat like a loose dose.
        loose.append(d)
    for d in sorted(loose, key=lambda x: x.at):
        when = (d.given or d.scheduled or datetime.min.replace(tzinfo=UTC)).astimezone(UTC)
        best: SlotState | None = None
        for st in states:
            if st.slot.medication_id != d.medication_id or st.answered:
                continue
            # Arithmetic in UTC: Python subtracts two times of the same zone by wall clock.
            gap = abs(st.slot.at.astimezone(UTC) - when)
            if gap <= tolerance and (best is None or gap < abs(best.slot.at.astimezone(UTC) - when)):
                best = st
        if best is None:
            unmatched.append(d)
        else:
            best.doses.append(d)
    return states, unmatched


def derived_missed(slots: Iterable[Slot], doses: Iterable[Dose], tolerance: timedelta) -> list[Slot]:
    """Slots that no dose record answers."""
    states, _ = match(slots, doses, tolerance)
    return [s.slot for s in states if not s.answered]
