"""The journal's settings and time zones (issue 20: one of the Journal facade's managers).

Holds the cached settings and the journal's zone over time, read once and dropped (`forget`)
whenever the file may have changed; saving validates every field and re-runs the checks.
Journal delegates `get_settings`, `save_settings`, `tz`, `change_timezone`, ... here."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import fields
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from journal.domain.i18n import LANGUAGES, _
from journal.domain.shown import set_decimal_mark
from journal.domain.zones import JournalZone, ZonePeriod, journal_zone

from . import timezones as zone_store
from .errors import ValidationError
from .journal_types import REGIONAL_SETTINGS, REMINDER_MARKS_KEY, Outcome, ReminderMark, Settings
from .regional import RegionalDefaults, regional_defaults
from .validation import check_texts, valid_timezone

if TYPE_CHECKING:
    from .journal import Journal


class SettingsStore:
    """The settings of one open journal (`journal.store`, `journal.now()`).

    Read from the GUI thread and from worker threads (everyone's checks, the report): the cache
    (settings and zone, always together) is filled only if nothing dropped it while the file was
    being read (`_version`), so a read that began before a save never puts the old values back."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._lock = threading.Lock()
        self._version = 0  # counts `forget`s
        self._settings: Settings | None = None
        self._zone: JournalZone | None = None

    def forget(self) -> None:
        """Drop the cached settings and zone: the next read goes to the file again."""
        with self._lock:
            self._version += 1
            self._settings = None
            self._zone = None

    def _cached(self) -> tuple[Settings, JournalZone]:
        """The settings and the zone, read from the file when not cached."""
        with self._lock:
            settings, zone, version = self._settings, self._zone, self._version
        if settings is not None and zone is not None:
            return settings, zone
        with self.journal.store.read() as tx:
            raw = tx.settings()
        known = {f.name for f in fields(Settings)}
        values = {k: v for k, v in raw.items() if k in known}
        zone = journal_zone(zone_store.periods_in(raw, self.journal.now().date()))
        values["timezone"] = zone.current.key
        regional = regional_defaults(values["timezone"], language=values.get("language") or None)
        for key in REGIONAL_SETTINGS:
            values.setdefault(key, getattr(regional, key))
        settings = Settings(**values)
        with self._lock:
            if self._version == version:  # nothing was saved or dropped meanwhile
                self._settings, self._zone = settings, zone
        return settings, zone


    def get_settings(self) -> Settings:
        was_cached = self._settings is not None
        settings, _zone = self._cached()
        if not was_cached:
            # The journal's decimal mark (chosen in Settings, else its language's or the
            # locale's) is the one answer for every text, the window's and the alerts', the
            # report's and the command line's (domain.shown.num).
            set_decimal_mark(settings.decimal_separator)
        return dataclasses.replace(settings)

    def regional_guess(self) -> tuple[RegionalDefaults, bool]:
        """The defaults guessed from the locale and the journal's zone, and whether the emergency
        number was saved by a person (True) or is still that guess (False: first run asks)."""
        with self.journal.store.read() as tx:
            saved = "emergency_number" in tx.settings()
        return regional_defaults(self.tz.current.key), saved

    def timezone_is_set(self) -> bool:
        """True once a person chose the zone (or an import brought it), not just this computer's."""
        with self.journal.store.read() as tx:
            return tx.settings().get(zone_store.ORIGIN_KEY) != "machine"

    def save_settings(self, s: Settings, *, zone_since: date | None = None) -> Outcome:
        """Saves the settings. A new `timezone` applies from local date `zone_since` (default
        `zone_change_day`); the days before keep their zone (see `change_timezone`)."""
        check_texts(s)
        if not valid_timezone(s.timezone):
            raise ValidationError("timezone", _('"{timezone}" is not a known time zone (e.g. Europe/London)').format(timezone=s.timezone))
        if not s.emergency_number.strip():
            raise ValidationError("emergency_number", _("the emergency number cannot be empty"))
        if s.temperature_unit not in ("C", "F"):
            raise ValidationError("temperature_unit", _('"{temperature_unit}" is not C or F').format(temperature_unit=s.temperature_unit))
        if s.weight_unit not in ("kg", "lb"):
            raise ValidationError("weight_unit", _('"{weight_unit}" is not kg or lb').format(weight_unit=s.weight_unit))
        if s.language and s.language not in LANGUAGES:
            raise ValidationError("language", _('"{language}" is not one of {value}').format(language=s.language, value=", ".join(sorted(LANGUAGES))))
        if s.decimal_separator not in (".", ","):
            raise ValidationError("decimal_separator", _('"{decimal_separator}" is not "." or ","').format(decimal_separator=s.decimal_separator))
        if not isinstance(s.reminder_lead_minutes, int) or not 0 <= s.reminder_lead_minutes <= 24 * 60:
            raise ValidationError("reminder_lead_minutes", _("use a number of minutes from 0 to 1440"))
        since = zone_since or self.zone_change_day(s.timezone)
        with self.journal.store.transaction() as tx:
            for f in fields(Settings):
                if f.name != "timezone":
                    tx.set_setting(f.name, getattr(s, f.name))
            zone_store.change(tx, s.timezone, since)
        self.forget()
        return Outcome(frozenset({"settings", "alerts"}), self.journal._alerts(None))

    def reminder_marks(self) -> dict[str, ReminderMark]:
        """The reminders already shown, by key (see ui/reminders.py). Entries that cannot be read
        are left out (the worst outcome is a reminder shown twice, never one not shown)."""
        with self.journal.store.read() as tx:
            raw = tx.settings().get(REMINDER_MARKS_KEY)
        out: dict[str, ReminderMark] = {}
        if not isinstance(raw, dict):
            return out
        for key, value in raw.items():
            try:
                at = datetime.fromisoformat(value[0])
                if at.tzinfo is None:
                    continue
                out[str(key)] = ReminderMark(at, bool(value[1]))
            except (TypeError, ValueError, IndexError, KeyError):
                continue
        return out

    def save_reminder_marks(self, marks: dict[str, ReminderMark], *, forget_before: datetime) -> None:
        """Replace the stored marks with `marks`, without those whose slot is before
        `forget_before` (aware). One small write; announces nothing (no record changed).
        Raises what the storage raises when the file cannot be written."""
        kept = {k: [m.at.isoformat(), m.closed] for k, m in marks.items() if m.at >= forget_before}
        with self.journal.store.transaction() as tx:
            tx.set_setting(REMINDER_MARKS_KEY, kept)


    @property
    def tz(self) -> JournalZone:
        """The journal's zone over time, a tzinfo: each local day in the zone in force that day
        (domain/zones.py). Use `.zone_on(day)` or `.name_at(instant)` for one IANA zone."""
        if self._settings is None or self._zone is None:
            self.get_settings()  # also sets the decimal mark, as a first read does
        return self._cached()[1]

    def zone_periods(self) -> tuple[ZonePeriod, ...]:
        return self.tz.periods

    def zone_change_day(self, zone: str) -> date:
        """The day a change to `zone` applies from unless another is chosen: today where the
        family now is (in `zone`), and never before the latest change."""
        tz = self.tz
        today = self.journal.now().astimezone(ZoneInfo(zone) if valid_timezone(zone) else tz).date()
        return max(today, tz.periods[-1].since)

    def describe_timezone_change(self, zone: str, since: date | None = None) -> str:
        """What changing to `zone` from `since` would do, in words, before it is saved."""
        with self.journal.store.read() as tx:
            has_entries = bool(tx.patients(include_removed=True))
        return zone_store.describe_change(self.tz, zone, since or self.zone_change_day(zone),
                                          has_entries=has_entries)

    def change_timezone(self, zone: str, since: date | None = None) -> Outcome:
        """The journal's zone is `zone` from local date `since` (default `zone_change_day`): days
        before it keep the zone they had, so nothing already planned, logged or reported moves.
        ValidationError naming "timezone" (unknown zone) or "since" (before the latest change)."""
        since = since or self.zone_change_day(zone)
        with self.journal.store.transaction() as tx:
            zone_store.change(tx, zone, since)
        self.forget()
        return Outcome(frozenset({"settings", "alerts"}), self.journal._alerts(None))

