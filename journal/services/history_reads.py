"""Reading people's histories for the checks, the views and the report (issue 20: one of the
Journal facade's managers): every person's records in a window in about 15 statements however
many people (issue 17), with what the stock on hand needs. Journal delegates `histories` here;
`Journal.history` (one person) stays on the facade, which callers and tests patch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from journal.domain import Dose, GivenSummary, PatientHistory

from .medicines import _stock_reads

if TYPE_CHECKING:
    from .journal import Journal


class HistoryReads:
    """The history reads of one open journal (`journal.store`, `journal.tz`)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def histories(self, patient_ids: Sequence[int], start: datetime, end: datetime, *,
                  stock_at: datetime | None = None) -> dict[int, PatientHistory]:
        """`history` for several people at once, by person id (unknown or removed people are left
        out). About 15 SQL statements however many people, plus two per medicine with a stock
        count: each person's part is an indexed lookup, so the cost per person is the rows read,
        not the statements (issue 17: the checks for 50 people)."""
        tz = self.journal.tz
        stock_end = stock_at or end
        ids = list(dict.fromkeys(patient_ids))
        with self.journal.store.read() as tx:
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
