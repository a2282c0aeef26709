"""A bounded slice of one person's journal, the input of the safety checks and views."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo

from .models import Dose, Medication, Note, Observation, Patient, PumpEvent, SymptomEntry
from .quantity import Quantity


@dataclass(frozen=True)
class GivenSummary:
    """The doses of one medication given in (`since`, `until`], summed by amount as entered: each
    (amount or None when none was entered, how many doses). Read instead of each dose when a stock
    was counted long ago (thousands of doses)."""

    since: datetime
    until: datetime
    amounts: tuple[tuple[Quantity | None, int], ...] = ()

    @property
    def count(self) -> int:
        return sum(n for _q, n in self.amounts)


@dataclass
class PatientHistory:
    """Everything recorded for one person between `start` and `end` (removed entries excluded),
    plus all of their medications with their full regimen history (small, and needed to see
    schedule changes). Pump events include the latest refill and alarm before `start` too."""

    patient: Patient
    tz: tzinfo  # a ZoneInfo, or the JournalZone of a journal whose zone changed over time
    start: datetime
    end: datetime
    medications: list[Medication] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)  # sorted by .at
    symptoms: list[SymptomEntry] = field(default_factory=list)  # sorted by .at
    observations: list[Observation] = field(default_factory=list)  # sorted by .at
    pump_events: list[PumpEvent] = field(default_factory=list)  # sorted by .at
    notes: list[Note] = field(default_factory=list)  # sorted by .at
    # The last given dose per medication id, even if it is before `start` (for long gaps).
    last_given: dict[int, Dose] = field(default_factory=dict)
    # Per medication id with stock events: the doses given since its last count up to `end`, even
    # before `start` (journal.schedule.stock takes them off the count). The older ones may come
    # summed in `stock_given` instead (then `stock_doses` holds those after its `until`).
    stock_doses: dict[int, list[Dose]] = field(default_factory=dict)
    stock_given: dict[int, GivenSummary] = field(default_factory=dict)

    def stock_doses_of(self, medication_id: int) -> list[Dose]:
        """Doses taken off this medication's stock; the history's own doses when none were read."""
        if medication_id in self.stock_doses:
            return self.stock_doses[medication_id]
        return self.doses_of(medication_id)
    # When the journal began for this person: their first entry of any kind (dose, symptom,
    # reading, pump event, note), even if before `start`; None when nothing is logged at all.
    first_entry: datetime | None = None
    # The first dose record (any status) of each medication id, even if before `start`.
    first_dose: dict[int, datetime] = field(default_factory=dict)

    def medication(self, medication_id: int) -> Medication | None:
        for m in self.medications:
            if m.id == medication_id:
                return m
        return None

    def doses_of(self, medication_id: int) -> list[Dose]:
        return [d for d in self.doses if d.medication_id == medication_id]

    def covers(self, start: datetime, end: datetime) -> bool:
        """Whether `narrowed(start, end)` can be answered from this slice (aware datetimes)."""
        return self.start <= start and end <= self.end

    def narrowed(self, start: datetime, end: datetime) -> PatientHistory:
        """This slice cut down to start <= at <= end, as a read of that window would give it: the
        entries in it, and the latest pump event of each kind before `start` (found among this
        slice's own). Medicines, `last_given`, `first_entry` and `first_dose` do not depend on the
        window and are kept. The stock fields (`stock_doses`, `stock_given`) are kept as read: they
        are what a read ending at this slice's stock instant gives (see `Journal.history`'s
        `stock_at`). Raises ValueError when the window is not inside this slice."""
        if not self.covers(start, end):
            raise ValueError(f"{start.isoformat()}..{end.isoformat()} is not inside this history")
        earlier: dict[object, PumpEvent] = {}
        for e in self.pump_events:
            if e.at < start:
                earlier[e.kind] = e  # sorted by time, so the last one of each kind wins
        pump = sorted(earlier.values(), key=lambda e: e.at) + [e for e in self.pump_events if start <= e.at <= end]
        return replace(
            self, start=start, end=end, doses=[d for d in self.doses if start <= d.at <= end],
            symptoms=[s for s in self.symptoms if start <= s.at <= end],
            observations=[o for o in self.observations if start <= o.at <= end],
            pump_events=pump, notes=[n for n in self.notes if start <= n.at <= end],
            medications=list(self.medications), last_given=dict(self.last_given),
            stock_doses={k: list(v) for k, v in self.stock_doses.items()}, stock_given=dict(self.stock_given),
            first_dose=dict(self.first_dose),
        )
