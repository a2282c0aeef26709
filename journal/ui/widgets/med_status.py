"""Short status lines next to a medicine (Today, the medicines list): where an as-needed medicine
stands against its limits ("next allowed from 14:30", "2 of 3 in 24 h") and how long the stock
lasts ("about 12 days left"). No Qt: the numbers come from journal.schedule (as_needed.prn_status
and stock.stock_level); this module only words them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from journal.domain import Medication, PatientHistory
from journal.domain.shown import num
from journal.knowledge import default_library
from journal.rules.common import prn_limit_for
from journal.schedule.as_needed import AsNeededLimit, limits_for, prn_status
from journal.schedule.stock import StockLevel, StockUnknown, describe_stock, level_in
from journal.services.journal import Journal, Settings

if TYPE_CHECKING:  # the session imports the views that use this
    from ..shell.session import JournalReads

from .formatting import fmt_num, fmt_time

MIN_WINDOW = timedelta(hours=24)


@dataclass
class MedicineNotes:
    """Per medication id: the as-needed lines and the stock line ('' when no stock is recorded)."""

    prn: dict[int, list[str]] = field(default_factory=dict)
    stock: dict[int, str] = field(default_factory=dict)


def stock_text(level: StockLevel | None) -> str:
    """'Stock: about 41 tablets on hand, about 20 days left' (or '' with no stock recorded)."""
    return "" if level is None else QCoreApplication.translate("med_status", "Stock: {stock}").format(
        stock=describe_stock(level))


def prn_lines(m: Medication, limit: AsNeededLimit, history: PatientHistory, now: datetime, settings: Settings | None) -> list[str]:
    """'2 of 3 in 24 h', 'Next allowed from 14:30' (or 'Allowed now'), '30 of 60 mg in 24 h'."""
    if not limit.any:
        return []
    st = prn_status(m, history.doses, now, limit, history.tz)
    hours = f"{num(limit.window.total_seconds() / 3600)} h"
    lines = []
    if limit.max_doses is not None:
        lines.append(QCoreApplication.translate("med_status", "{n} of {most} in {hours}").format(
            n=st.count, most=limit.max_doses, hours=hours))
    else:
        lines.append(QCoreApplication.translate("med_status", "{n} given in {hours}").format(n=st.count, hours=hours))
    if limit.max_amount_mg is not None and st.amount_mg is not None:
        lines[-1] += QCoreApplication.translate("med_status", "; {amount} of {most} mg").format(
            amount=fmt_num(round(st.amount_mg, 2)), most=fmt_num(round(limit.max_amount_mg, 2)))
    if st.next_allowed is not None and st.next_allowed > now:
        when = fmt_time(st.next_allowed, settings)
        if st.next_allowed.astimezone(history.tz).date() != now.astimezone(history.tz).date():
            lines.append(QCoreApplication.translate("med_status", "Next allowed from {time} tomorrow").format(time=when))
        else:
            lines.append(QCoreApplication.translate("med_status", "Next allowed from {time}").format(time=when))
    elif st.last is not None or limit.max_doses is not None:
        lines.append(QCoreApplication.translate("med_status", "Allowed now (within the limits)"))
    if limit.min_interval is not None:
        lines.append(QCoreApplication.translate("med_status", "At least {hours} h between doses").format(
            hours=fmt_num(round(limit.min_interval.total_seconds() / 3600, 2)))
                     + (f" ({limit.min_interval_source})" if limit.min_interval_source else ""))
    return lines


def medicine_notes(journal: Journal | JournalReads, patient_id: int, now: datetime, settings: Settings | None,
                   medications: list[Medication]) -> MedicineNotes:
    """The status lines of these medicines at `now` (one bounded history read)."""
    notes = MedicineNotes()
    if not medications:
        return notes
    try:
        library = default_library()
        limits = {m.id: prn_limit_for(m, library) for m in medications if m.as_needed and m.id is not None}
    except Exception:  # noqa: BLE001 - drug data unreadable: the prescribed limits still show
        limits = {m.id: limits_for(m) for m in medications if m.as_needed and m.id is not None}
    window = max([MIN_WINDOW, *(lim.window for lim in limits.values())])
    history = journal.history(patient_id, now - window, now)
    by_id = {m.id: m for m in history.medications}
    for mid, limit in limits.items():
        m = by_id.get(mid)
        if m is not None and mid is not None:
            notes.prn[mid] = prn_lines(m, limit, history, now, settings)
    for m in history.medications:
        if m.id is None or not m.stock:
            continue
        try:
            notes.stock[m.id] = stock_text(level_in(history, m, now))
        except StockUnknown as e:
            notes.stock[m.id] = QCoreApplication.translate("med_status", "Stock: cannot tell ({reason})").format(reason=e)
    return notes
