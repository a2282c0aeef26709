"""The symptom catalog (resources/symptoms.json) and the one answer to "how serious is this sign".

`SymptomCatalog.tier()` is the only place a triage tier is worked out; the checks, the report and
the symptom form all call it (through `triage()` when they have the journal around the entry).
Tiers are "emergency" (call the emergency number now), "urgent" (call the doctor today) and
"next-visit"; "" for a code the catalog does not know. Tiers and the vital-sign limits are project
judgement built on the sources in clinical-facts.md; each limit carries its source key.

A sign counts the same however it was recorded: `signs_of(entry)` is the one answer to "which
signs does this entry show", for a logged symptom (its code) and for a reading (a temperature at or
above the fever limit is `high-fever`; a breathing rate under the slow limit or an oxygen level
under the low limit is `breathing-difficulty`; the data's `vitals.<key>.sign`). Every tier, every
companion ("high fever with rigidity") and every check that looks for a sign asks it.

Some signs matter when they are new or worse than the person's usual picture (`new_tier`,
`worse_tier`): new twitching is worth a call today (S0), spasms far worse than usual too (S2).
"Usual" is the `change` section: the baseline days before the entry, and how many points on the
0-10 scale count as worse.

Over 500 lines on purpose: the catalog is one question ("how serious is this sign") and its
helpers (tiers, signs of a reading, fever limits, names); split, the one answer would be in pieces.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from journal.domain import (
    SYMPTOM_CODES,
    DoseStatus,
    Observation,
    ObservationKind,
    PatientHistory,
    Severity,
    SymptomEntry,
)
from journal.domain.i18n import N_, SOURCE_LANGUAGE, _, current_language
from journal.domain.shown import num, reading_name
from journal.domain.units import from_stored_unit, temperature_text

from .reader import Reader, Threshold

TIERS = ("emergency", "urgent", "next-visit")
TIER_RANK = {"": -1, "next-visit": 0, "urgent": 1, "emergency": 2}
TIER_SEVERITY = {"emergency": Severity.EMERGENCY, "urgent": Severity.URGENT}
HIGH_FEVER = "high-fever"  # the catalog code a measured fever counts as
VITAL_KEYS = ("fever_c", "low_temperature_c", "slow_breathing_per_min", "low_oxygen_percent", "alert_hours")
CHANGE_KEYS = ("baseline_days", "worse_points")
# A dose that came back up makes vomiting urgent when it was within this many hours (judgement:
# the dose is then missing from the day).
VOMITED_DOSE_HOURS = 24.0
# How a sign differs from the person's usual picture (change_from_usual's answers, in English: the
# tier rules read them); `change_in_words` gives them in the language in use.
NEW_CHANGE = N_("new: not logged in the days before")
WORSE_CHANGE = N_("up from at most {top}/10 in the days before")


@dataclass(frozen=True)
class SymptomInfo:
    """One catalog entry. `severe_at` (0-10) moves it to `severe_tier`; one of `with_codes` logged
    within `with_hours` moves it to `with_tier`; `urgent_if_dose_vomited`: urgent after a vomited dose."""

    code: str
    label: str
    tier: str
    topic: str
    severe_at: int | None = None
    severe_tier: str | None = None
    with_codes: frozenset[str] = frozenset()
    with_hours: float = 24.0
    with_tier: str | None = None
    urgent_if_dose_vomited: bool = False
    new_tier: str | None = None  # not logged in the baseline days before
    worse_tier: str | None = None  # at least `worse_points` above the highest severity of those days


@dataclass(frozen=True)
class Triage:
    """A tier and what raised it above the entry's base tier.

    `raised_by` is "" (the base tier), "severity", "with" (then `companion` is the code it came
    with), "vomited" (then `vomited_at` is when the dose came back up) or "change" (then `change`
    says how it differs from the person's usual picture, e.g. "new: not logged in the 7 days before")."""

    tier: str
    raised_by: str = ""
    companion: str = ""
    vomited_at: datetime | None = None
    reading_c: float | None = None  # set when the companion is a measured temperature (deg C)
    change: str = ""

    @property
    def severity(self) -> Severity | None:
        """The alert severity of the tier (None for next-visit and unknown codes)."""
        return TIER_SEVERITY.get(self.tier)


def _utc(t: datetime) -> datetime:
    return t.astimezone(UTC)


Entry = SymptomEntry | Observation


class _SignIndex:
    """What the tiers read of one history, worked out once each, when first asked
    (`SymptomCatalog.remembering`): its sign entries in time order (`sign_entries`) with their
    instants in UTC, and its kept symptoms by code with theirs, so that a year's symptoms are each
    compared with their neighbours by bisection, not by reading the whole year again (issue 17)."""

    def __init__(self, catalog: SymptomCatalog, history: PatientHistory) -> None:
        self.catalog = catalog
        self.history = history

    @cached_property
    def _entries(self) -> tuple[list[Entry], list[datetime]]:
        entries = self.catalog.sign_entries(self.history)
        return entries, [_utc(e.at) for e in entries]

    @cached_property
    def _by_code(self) -> dict[str, tuple[list[datetime], list[SymptomEntry]]]:
        by_code: dict[str, tuple[list[datetime], list[SymptomEntry]]] = {}
        for s in sorted((s for s in self.history.symptoms if not s.removed), key=lambda s: _utc(s.at)):
            stamps, found = by_code.setdefault(s.symptom, ([], []))
            stamps.append(_utc(s.at))
            found.append(s)
        return by_code

    def near(self, at: datetime, within: timedelta) -> list[Entry]:
        """The sign entries at most `within` from `at` (UTC), in time order."""
        entries, stamps = self._entries
        return entries[bisect_left(stamps, at - within):bisect_right(stamps, at + within)]

    def logged(self, code: str, start: datetime, end: datetime) -> list[SymptomEntry]:
        """The kept symptoms with `code` logged at start <= t < end (UTC)."""
        found = self._by_code.get(code)
        if found is None:
            return []
        stamps, entries = found
        return entries[bisect_left(stamps, start):bisect_left(stamps, end)]


@dataclass(frozen=True)
class SymptomCatalog:
    symptoms: dict[str, SymptomInfo]
    vitals: dict[str, Threshold]
    vital_severity: dict[str, Severity]
    vitals_topic: str
    # vitals key -> the catalog code a reading past that limit shows (fever_c -> high-fever)
    vital_signs: dict[str, str] = dataclasses.field(default_factory=dict)
    change: dict[str, Threshold] = dataclasses.field(default_factory=dict)
    names: dict[str, str] = dataclasses.field(default_factory=dict)  # plain name (plain_symptom_name) -> code
    # language -> {plain name: code}: everyday words in that language ("es": `names_es`), taken only
    # when the journal speaks it, so English input reads exactly as before.
    local_names: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    # The histories being read within `remembering` (by identity), each with its index.
    _indexes: dict[int, _SignIndex] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def label(self, code: str) -> str:
        """The sign's name as a person reads it, in the language in use (resources/symptoms.json's
        `label`, translated when shown; a code the catalog does not know: the code in words)."""
        info = self.symptoms.get(code)
        return _(info.label) if info else code.replace("-", " ").capitalize()

    def code_name(self, code: str) -> str:
        """A code where the command line echoes what was logged: the code itself in English
        ("itching", as `log-symptom --symptom` takes it), the label in any other language, starting
        lower case inside the sentence ("picor sin erupción")."""
        if current_language() == SOURCE_LANGUAGE:
            return code
        label = self.label(code)
        return label[:1].lower() + label[1:]

    def info(self, code: str) -> SymptomInfo | None:
        return self.symptoms.get(code)

    # -- what a caregiver typed ---------------------------------------------------------------

    def code_for(self, text: str) -> str | None:
        """The catalog code a caregiver meant: the code itself, its label (also as shown in the language
        in use: "Temblor"), or a plain name the catalog lists for it (`twitching`), ignoring case,
        spaces, hyphens and underscores.
        None when nothing matches exactly (see closest_codes)."""
        plain = plain_symptom_name(text)
        for code in self.symptoms:
            if plain_symptom_name(code) == plain:
                return code
        if plain in self.names:
            return self.names[plain]
        local = self.local_names.get(current_language(), {})
        if plain in local:
            return local[plain]
        for info in self.symptoms.values():
            # The label as the catalog writes it, or as it is shown in the language in use ("Temblor").
            if plain in (plain_symptom_name(info.label), plain_symptom_name(_(info.label))):
                return info.code
        return None

    def closest_codes(self, text: str, n: int = 3) -> list[str]:
        """Up to `n` codes whose code, label or plain names look most like `text` (best first;
        a name that contains every typed word first: "sick" -> "feeling sick"), for a message
        that says what an unknown symptom could have been. "other" is never one of them."""
        forms: dict[str, str] = {plain_symptom_name(c): c for c in self.symptoms}
        forms.update(self.names)
        forms.update({plain_symptom_name(i.label): i.code for i in self.symptoms.values()})
        forms.update(self.local_names.get(current_language(), {}))
        forms.update({plain_symptom_name(_(i.label)): i.code for i in self.symptoms.values()})
        plain = plain_symptom_name(text)
        words = set(plain.split())
        sharing = [f for f in forms if words and words <= set(f.split())]
        ranked = sharing + difflib.get_close_matches(plain, list(forms), n=len(forms), cutoff=0.0)
        out: list[str] = []
        for form in ranked:
            if forms[form] not in out and forms[form] != "other":
                out.append(forms[form])
        return out[:n]

    # -- fever ------------------------------------------------------------------------------

    @property
    def fever(self) -> Threshold:
        """The measured temperature (deg C) from which a reading is a high fever (38.5, judgement)."""
        return self.vitals["fever_c"]

    @property
    def low_temperature(self) -> Threshold:
        """The measured temperature (deg C) at or below which a reading is too low (35, PMS)."""
        return self.vitals["low_temperature_c"]

    def is_high_fever(self, celsius: float) -> bool:
        """A measured temperature in deg C at or above the fever limit."""
        return celsius >= self.fever.value

    def is_low_temperature(self, celsius: float) -> bool:
        """A measured temperature in deg C at or below the low limit."""
        return celsius <= self.low_temperature.value

    def is_slow_breathing(self, per_minute: float) -> bool:
        """A breathing rate (breaths a minute) under the slow limit (10, judgement)."""
        return per_minute < self.vitals["slow_breathing_per_min"].value

    def is_low_oxygen(self, percent: float) -> bool:
        """An oxygen saturation (%) under the low limit (92, judgement)."""
        return percent < self.vitals["low_oxygen_percent"].value

    def is_fever_reading(self, o: Observation) -> bool:
        """A kept temperature reading at or above the fever limit."""
        return self.reading_limit(o) == "fever_c"

    # -- one sign, however it was recorded ----------------------------------------------------

    @staticmethod
    def _number(o: Observation) -> float | None:
        if o.removed or isinstance(o.value, bool) or not isinstance(o.value, int | float):
            return None
        return float(o.value)

    def reading_limit(self, o: Observation) -> str | None:
        """The vitals key whose limit a kept reading is past ("fever_c", "low_temperature_c",
        "slow_breathing_per_min", "low_oxygen_percent"), or None when it is in range."""
        v = self._number(o)
        if v is None:
            return None
        if o.kind is ObservationKind.TEMPERATURE:
            if self.is_high_fever(v):
                return "fever_c"
            return "low_temperature_c" if self.is_low_temperature(v) else None
        if o.kind is ObservationKind.RESPIRATORY_RATE and self.is_slow_breathing(v):
            return "slow_breathing_per_min"
        if o.kind is ObservationKind.OXYGEN_SATURATION and self.is_low_oxygen(v):
            return "low_oxygen_percent"
        return None

    def signs_of(self, entry: Entry) -> tuple[str, ...]:
        """The catalog codes of the signs an entry shows: a kept symptom its code (none when logged
        at severity 0); a reading the sign its limit stands for (a 39 C temperature shows
        `high-fever`, 8 breaths a minute `breathing-difficulty`); () for anything else."""
        if isinstance(entry, SymptomEntry):
            if entry.removed or (entry.severity is not None and entry.severity <= 0):
                return ()
            return (entry.symptom,)
        key = self.reading_limit(entry)
        sign = self.vital_signs.get(key) if key else None
        return (sign,) if sign else ()

    def shows(self, entry: Entry, codes: Collection[str]) -> str | None:
        """The first sign of `codes` the entry shows, or None."""
        return next((c for c in self.signs_of(entry) if c in codes), None)

    def sign_entries(self, history: PatientHistory) -> list[Entry]:
        """Every symptom and reading of `history` that shows a sign, in time order."""
        found: list[Entry] = [s for s in history.symptoms if self.signs_of(s)]
        found += [o for o in history.observations if self.signs_of(o)]
        return sorted(found, key=lambda e: _utc(e.at))

    def describe(self, entry: Entry, temperature_unit: str = "C") -> str:
        """A reading in words with its limit ("temperature 39.5 °C (high: 38.5 or more)", or in °F
        when `temperature_unit` is "F": "temperature 103.1 °F (high: 101.3 or more)"); a symptom's
        label."""
        if isinstance(entry, SymptomEntry):
            return self.label(entry.symptom)
        key = self.reading_limit(entry)
        v = self._number(entry)
        if key is None or v is None:
            return f"{reading_name(entry.kind)} {entry.value}"
        limit = self.vitals[key].value
        if key in ("fever_c", "low_temperature_c"):
            return _(READING_WORDS[key]).format(value=temperature_text(v, temperature_unit),
                                                limit=_degrees(limit, temperature_unit))
        return _(READING_WORDS[key]).format(value=num(v), limit=num(limit))

    @contextmanager
    def remembering(self, history: PatientHistory) -> Iterator[None]:
        """Within the block, the tiers of the entries of `history` (`triage`, `triage_reading`,
        `change_from_usual`) read its signs from an index made once on entering: the same answers,
        without reading every entry of the history for each one (the report asks the tier of every
        symptom of a year: issue 17). `history` must not change within the block."""
        key = id(history)
        if key in self._indexes:  # already remembered by an enclosing block
            yield
            return
        self._indexes[key] = self._index_of(history)
        try:
            yield
        finally:
            self._indexes.pop(key, None)

    def _index_of(self, history: PatientHistory) -> _SignIndex:
        return _SignIndex(self, history)

    def _remembered(self, history: PatientHistory) -> _SignIndex | None:
        found = self._indexes.get(id(history))
        return found if found is not None and found.history is history else None

    # -- the person's usual picture -----------------------------------------------------------

    def change_from_usual(self, code: str, severity: int | None, at: datetime, history: PatientHistory,
                          itself: object = None, before: datetime | None = None) -> str | None:
        """How a sign logged at `at` differs from the person's usual picture in the `baseline_days`
        before `before` (default: `at`), or None when it does not. New: the code was not logged
        then; worse: `severity` is at least `worse_points` above the highest severity logged then
        (about 2 points on a 0-10 scale is a change that matters). 7 days and 2 points: judgement
        (catalog `change`)."""
        end = _utc(before if before is not None else at)
        start = end - timedelta(days=self.change["baseline_days"].value)
        index = self._remembered(history)
        if index is not None:
            prior = [s for s in index.logged(code, start, end) if s is not itself]
        else:
            prior = [s for s in history.symptoms
                     if s is not itself and not s.removed and s.symptom == code and start <= _utc(s.at) < end]
        if not prior:
            return NEW_CHANGE
        known = [s.severity for s in prior if s.severity is not None]
        if not known or severity is None:
            return None
        top = max(known)
        if severity >= top + self.change["worse_points"].value:
            return WORSE_CHANGE.format(top=top)
        return None

    # -- tiers ------------------------------------------------------------------------------

    def tier(self, code: str, severity: int | None = None, *, together_with: Collection[str] = (),
             dose_vomited_at: datetime | None = None, change: str | None = None) -> Triage:
        """The tier of a sign with code `code` at logged `severity` (0-10, None: not given).

        `together_with`: codes of other signs present within this code's `with_hours` (in the
        order they were logged); `dose_vomited_at`: a dose that came back up within
        VOMITED_DOSE_HOURS; `change`: how it differs from the usual picture (`change_from_usual`).
        A code the catalog does not know has tier ""."""
        info = self.symptoms.get(code)
        if info is None:
            return Triage("")
        result = Triage(info.tier)
        if (info.severe_at is not None and info.severe_tier and severity is not None and severity >= info.severe_at
                and TIER_RANK[info.severe_tier] > TIER_RANK[result.tier]):
            result = Triage(info.severe_tier, "severity")
        if info.with_codes and info.with_tier and TIER_RANK[info.with_tier] > TIER_RANK[result.tier]:
            hit = next((c for c in together_with if c in info.with_codes), None)
            if hit is not None:
                result = Triage(info.with_tier, "with", companion=hit)
        if info.urgent_if_dose_vomited and dose_vomited_at is not None and TIER_RANK[result.tier] < TIER_RANK["urgent"]:
            result = Triage("urgent", "vomited", vomited_at=dose_vomited_at)
        if change:
            raised = info.new_tier if change.startswith("new") else info.worse_tier
            if raised and TIER_RANK[raised] > TIER_RANK[result.tier]:
                result = Triage(raised, "change", change=change)
        return result

    def triage(self, entry: SymptomEntry, history: PatientHistory) -> Triage:
        """The tier of a logged symptom, with the signs and doses around it in `history`."""
        return self._in_context(entry.symptom, entry.severity, entry.at, history, entry)

    def triage_reading(self, o: Observation, history: PatientHistory) -> Triage | None:
        """A reading that shows a sign (`signs_of`) triaged exactly as that sign logged as a symptom
        at the reading's time (a measured high fever as `high-fever`); None when it shows none."""
        signs = self.signs_of(o)
        if not signs:
            return None
        return self._in_context(signs[0], None, o.at, history, o)

    def triage_entry(self, entry: Entry, history: PatientHistory) -> Triage | None:
        """`triage` for a symptom, `triage_reading` for a reading: one sign, one tier."""
        if isinstance(entry, SymptomEntry):
            return self.triage(entry, history)
        return self.triage_reading(entry, history)

    def triage_with(self, entry: SymptomEntry, history: PatientHistory) -> Triage:
        """The most serious tier logging `entry` brings about: its own, or that of a sign already in
        `history` it raises (confusion logged next to a high fever, felt or measured, makes the
        fever an emergency). What the checks will say once it is saved; for the symptom form."""
        best = self.triage(entry, history)
        added = dataclasses.replace(history, symptoms=[*history.symptoms, entry])
        for s in history.symptoms:
            info = self.symptoms.get(s.symptom)
            if s.removed or info is None or entry.symptom not in info.with_codes:
                continue
            t = self.triage(s, added)
            if TIER_RANK[t.tier] > TIER_RANK[best.tier]:
                best = Triage(t.tier, "with", companion=s.symptom)
        for o in history.observations:
            info = next((self.symptoms.get(c) for c in self.signs_of(o)), None)
            if info is None or entry.symptom not in info.with_codes:
                continue
            r = self.triage_reading(o, added)
            if r is not None and TIER_RANK[r.tier] > TIER_RANK[best.tier]:
                best = Triage(r.tier, "with", companion=info.code,
                              reading_c=float(o.value) if o.kind is ObservationKind.TEMPERATURE else None)
        return best

    def _in_context(self, code: str, severity: int | None, at: datetime, history: PatientHistory,
                    itself: object) -> Triage:
        info = self.symptoms.get(code)
        if info is None:
            return Triage("")
        near = timedelta(hours=info.with_hours)
        together: list[str] = []
        if info.with_codes:  # companions however they were recorded: symptoms and readings alike
            index = self._remembered(history)
            for e in index.near(_utc(at), near) if index is not None else self.sign_entries(history):
                if e is itself or abs(_utc(e.at) - _utc(at)) > near:
                    continue
                together += [c for c in self.signs_of(e) if c in info.with_codes and c not in together]
        change = None
        if (info.new_tier or info.worse_tier) and isinstance(itself, SymptomEntry):
            change = self.change_from_usual(code, severity, at, history, itself)
        vomited = None
        if info.urgent_if_dose_vomited:
            window = timedelta(hours=VOMITED_DOSE_HOURS)
            vomited = next((d.at for d in history.doses if not d.removed and d.status is DoseStatus.VOMITED
                            and abs(_utc(d.at) - _utc(at)) <= window), None)
        return self.tier(code, severity, together_with=together, dose_vomited_at=vomited, change=change)


def load_catalog(path: Path) -> SymptomCatalog:
    """Read and validate resources/symptoms.json; raises KnowledgeError naming the field."""
    r = Reader(path)
    items = r.doc.get("symptoms")
    if not isinstance(items, list):
        raise r.fail("symptoms", "must be a list")
    out: dict[str, SymptomInfo] = {}
    for i, s in enumerate(items):
        where = f"symptoms[{i}]"
        s = r.obj(s, where)
        code = s.get("code")
        if not isinstance(code, str) or not code:
            raise r.fail(where, "has no code")
        if code in out:
            raise r.fail(where, f"code {code!r} appears twice")
        for key in ("label", "tier", "topic"):
            if not isinstance(s.get(key), str) or not s[key]:
                raise r.fail(f"{where} ({code})", f"has no {key}")
        for key in ("tier", "severe_tier", "with_tier", "new_tier", "worse_tier"):
            if key in s and s[key] not in TIERS:
                raise r.fail(f"{where} ({code}).{key}", f"{s[key]!r} is not one of {', '.join(TIERS)}")
        if ("severe_at" in s) != ("severe_tier" in s):
            raise r.fail(f"{where} ({code})", "severe_at and severe_tier go together")
        if "severe_at" in s and not (isinstance(s["severe_at"], int) and 0 <= s["severe_at"] <= 10):
            raise r.fail(f"{where} ({code}).severe_at", "must be an integer 0-10")
        unknown = set(s) - {"code", "label", "tier", "topic", "severe_at", "severe_tier", "with", "with_hours",
                            "with_tier", "urgent_if_dose_vomited", "new_tier", "worse_tier"}
        if unknown:
            raise r.fail(f"{where} ({code})", f"unknown {'field' if len(unknown) == 1 else 'fields'} {sorted(unknown)}")
        out[code] = SymptomInfo(
            code=code, label=s["label"], tier=s["tier"], topic=s["topic"],
            severe_at=s.get("severe_at"), severe_tier=s.get("severe_tier"),
            with_codes=frozenset(r.strings(s.get("with", []), f"{where}.with")),
            with_hours=float(s.get("with_hours", 24)), with_tier=s.get("with_tier"),
            urgent_if_dose_vomited=bool(s.get("urgent_if_dose_vomited", False)),
            new_tier=s.get("new_tier"), worse_tier=s.get("worse_tier"),
        )
    missing = [c for c in SYMPTOM_CODES if c not in out]
    if missing:
        raise r.fail("symptoms", f"missing catalog {'code' if len(missing) == 1 else 'codes'} {missing}")
    if HIGH_FEVER not in out:
        raise r.fail("symptoms", f"missing {HIGH_FEVER!r}, the code a measured fever counts as")
    for info in out.values():
        bad = info.with_codes - set(out)
        if bad:
            raise r.fail(f"symptoms ({info.code}).with", f"unknown {'code' if len(bad) == 1 else 'codes'} {sorted(bad)}")
    keys = set(r.obj(r.doc.get("sources"), "sources"))  # every number cites one of these
    v = r.obj(r.doc.get("vitals"), "vitals")
    vitals: dict[str, Threshold] = {}
    sev: dict[str, Severity] = {}
    signs: dict[str, str] = {}
    for key in VITAL_KEYS:
        if key not in v:
            raise r.fail("vitals", f"missing {key}")
        node = r.obj(v[key], f"vitals.{key}")
        if "sign" in node:
            # A reading past this limit is that catalog sign: its tier is the sign's, not a second one.
            if node["sign"] not in out:
                raise r.fail(f"vitals.{key}.sign", f"{node['sign']!r} is not a code of the catalog")
            if "severity" in node:
                raise r.fail(f"vitals.{key}", "a limit that stands for a sign takes the sign's tier; remove severity")
            signs[key] = node["sign"]
            node = {k: x for k, x in node.items() if k != "sign"}
        vitals[key] = r.threshold(node, f"vitals.{key}", keys)
        if "severity" in node:
            try:
                sev[key] = Severity(node["severity"])
            except ValueError:
                raise r.fail(f"vitals.{key}.severity", f"{node['severity']!r} is not a severity") from None
    if "fever_c" not in signs or signs["fever_c"] != HIGH_FEVER:
        raise r.fail("vitals.fever_c.sign", f"must be {HIGH_FEVER!r}: a measured fever is the felt one")
    c = r.obj(r.doc.get("change"), "change")
    change: dict[str, Threshold] = {}
    for key in CHANGE_KEYS:
        if key not in c:
            raise r.fail("change", f"missing {key}")
        change[key] = r.threshold(c[key], f"change.{key}", keys)
    return SymptomCatalog(out, vitals, sev, str(v.get("topic", "when-to-call")), signs, change,
                          _catalog_names(r, out), {"es": _catalog_names(r, out, "names_es")})


# A reading past a catalog limit, in words ({value} with its unit for temperatures, {limit}).
READING_WORDS = {
    "fever_c": N_("temperature {value} (high: {limit} or more)"),
    "low_temperature_c": N_("temperature {value} (low: {limit} or less)"),
    "slow_breathing_per_min": N_("breathing {value}/min (slow: under {limit})"),
    "low_oxygen_percent": N_("oxygen {value}% (low: under {limit})"),
}


def change_in_words(change: str) -> str:
    """`change_from_usual`'s answer in the language in use (it is kept in English for the rules)."""
    if change == NEW_CHANGE:
        return _(NEW_CHANGE)
    worse = re.fullmatch(re.escape(WORSE_CHANGE).replace(re.escape("{top}"), r"(\d+)"), change)
    if worse:
        return _(WORSE_CHANGE).format(top=worse.group(1))
    return change


def plain_symptom_name(text: str) -> str:
    """`Muscle_Twitching ` -> `muscle twitching`, `Náuseas` -> `nauseas`: how typed names are
    compared with the catalog (accents may be left out, as on a keyboard without them)."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", " ", folded).strip()


def _catalog_names(r: Reader, symptoms: dict[str, SymptomInfo], field: str = "names") -> dict[str, str]:
    """The catalog's `names` (or `names_es`, the Spanish ones): {everyday word: code}. Each must lead
    to a code of the catalog and must not be another code's own name, or a typed word would log the
    wrong sign."""
    raw = r.doc.get(field, {})
    if not isinstance(raw, dict):
        raise r.fail(field, "must be an object of {name: code}")
    codes = {plain_symptom_name(c): c for c in symptoms}
    names: dict[str, str] = {}
    for name, code in raw.items():
        plain = plain_symptom_name(name)
        if not plain or not isinstance(code, str) or code not in symptoms:
            raise r.fail(f"{field}.{name}", f"{code!r} is not a symptom code of the catalog")
        if plain in codes and codes[plain] != code:
            raise r.fail(f"{field}.{name}", f"is the code {codes[plain]!r} itself, not a name for {code!r}")
        if plain in names and names[plain] != code:
            raise r.fail(f"{field}.{name}", f"is listed for both {names[plain]!r} and {code!r}")
        names[plain] = code
    return names


def _degrees(celsius: float, unit: str) -> str:
    """A limit in the person's unit, without the symbol ("38.5" or "101.3")."""
    return num(from_stored_unit(ObservationKind.TEMPERATURE, celsius, unit))
