"""The journal's zone history in the settings store (issue 12, "time zones keep the past").

Keys (no schema change needed):
- "timezones": [{"since": "YYYY-MM-DD", "timezone": name}, ...], oldest first (domain.zones);
- "timezone": the latest zone, for readers that know only one;
- "timezone_origin": "machine" while the zone is the one read from the computer when the journal
  was first opened, "chosen" once a person saved it, "document" when an import brought it.

A journal's zone is pinned the first time it is opened: the zone it already had, else this
computer's (tzlocal). Opening it later on a computer elsewhere changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from journal.domain.i18n import _
from journal.domain.zones import (
    JournalZone,
    ZoneError,
    ZonePeriod,
    change_periods,
    journal_zone,
    periods_from_json,
    valid_zone_name,
)

from .errors import ValidationError

if TYPE_CHECKING:
    from journal.storage.repository import Tx

ZONES_KEY = "timezones"
ZONE_KEY = "timezone"
ORIGIN_KEY = "timezone_origin"
FALLBACK_ZONE = "UTC"  # when the machine's zone cannot be told


def machine_zone_name() -> str:
    """The IANA name of this computer's zone (read with tzlocal, which knows Windows, macOS and
    Linux), or FALLBACK_ZONE when it cannot be told or is not a known IANA name."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - any failure to read the machine's setting means "unknown"
        return FALLBACK_ZONE
    return name if valid_zone_name(name) else FALLBACK_ZONE


def periods_in(raw: dict[str, Any], today: date) -> tuple[ZonePeriod, ...]:
    """The zone history held by a settings store, as the journal reads it. A journal from before
    the history was kept has one zone ("timezone") for every day; one with no zone at all has this
    computer's (until `pin` writes it down)."""
    if ZONES_KEY in raw:
        try:
            return periods_from_json(raw[ZONES_KEY])
        except ZoneError:
            pass  # damaged by hand: fall back to the single zone rather than refuse the journal
    name = raw.get(ZONE_KEY)
    return (ZonePeriod(today, name if valid_zone_name(name) else machine_zone_name()),)


def write(tx: Tx, periods: Sequence[ZonePeriod], origin: str) -> None:
    tx.set_setting(ZONES_KEY, [p.as_json() for p in periods])
    tx.set_setting(ZONE_KEY, periods[-1].zone)
    tx.set_setting(ORIGIN_KEY, origin)


def pin(tx: Tx, now: datetime) -> bool:
    """Write the zone history down if the journal has none yet (True when it wrote)."""
    raw = tx.settings()
    if ZONES_KEY in raw:
        return False
    origin = "chosen" if valid_zone_name(raw.get(ZONE_KEY)) else "machine"
    first = periods_in(raw, now.date())
    today = now.astimezone(journal_zone(first)).date()
    write(tx, (ZonePeriod(today, first[0].zone),), origin)
    return True


def change(tx: Tx, zone: str, since: date, *, origin: str = "chosen") -> tuple[ZonePeriod, ...]:
    """Change the journal's zone from local date `since` on; earlier days keep theirs. A journal
    with nobody in it yet has no past to keep: its one zone is replaced. ValidationError naming
    "timezone" or "since" for a zone the machine does not know or a date before the last change."""
    raw = tx.settings()
    current = periods_in(raw, since)
    if zone == current[-1].zone and since >= current[-1].since:  # kept as it is (a person saw it)
        write(tx, current, origin)
        return current
    try:
        if not tx.patients(include_removed=True):
            start = min(since, current[0].since)
            changed = change_periods((ZonePeriod(start, current[0].zone),), zone, start)
        else:
            if len(current) == 1 and since <= current[0].since:
                # The first zone also holds before its date: keep it for the days before `since`.
                current = (ZonePeriod(since - timedelta(days=1), current[0].zone),)
            changed = change_periods(current, zone, since)
    except ZoneError as e:
        raise ValidationError(e.field, e.message) from None
    write(tx, changed, origin)
    return changed


def adopt(tx: Tx, incoming: Sequence[ZonePeriod], *, dated: bool) -> None:
    """An imported document's zones (`dated`: its `timezones`, else just its `timezone`). A
    journal with nobody in it whose zone nobody chose takes them as they are (so an exported
    journal imports into a new one unchanged). Any other keeps the zones of its days; it adds the
    document's dated changes that come after its own latest one."""
    raw = tx.settings()
    if raw.get(ORIGIN_KEY) == "machine" and not tx.patients(include_removed=True):
        ours = periods_in(raw, incoming[0].since)
        first = incoming[0] if dated else ZonePeriod(ours[0].since, incoming[0].zone)
        write(tx, (first, *incoming[1:]), "document")
        return
    if not dated:
        return
    current = periods_in(raw, incoming[0].since)
    changed = current
    for p in incoming:
        if p.since > changed[-1].since:
            changed = change_periods(changed, p.zone, p.since)
    if changed != current:
        write(tx, changed, raw.get(ORIGIN_KEY) or "chosen")


def describe_change(tz: JournalZone, zone: str, since: date, *, has_entries: bool = True) -> str:
    """What saving `zone` from local date `since` does, in plain words, for the Settings screen
    (shown before saving)."""
    if not has_entries:
        return _("Nothing is logged yet, so the journal simply keeps its times in {zone} from now on.").format(zone=zone)
    if zone == tz.zone_on(since).key and since >= tz.periods[-1].since:
        return _("The journal stays in {zone}.").format(zone=zone)
    before = tz.zone_on(since - timedelta(days=1)).key
    day = since.strftime("%A %d %B %Y").replace(" 0", " ")
    return _("From {day} on, each day is planned, checked and shown in {zone}. The days before stay in {before}, "
             "exactly as they were: no dose, symptom or reading moves, and a report on those days does not "
             "change.").format(day=day, zone=zone, before=before)
