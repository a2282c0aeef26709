"""The symptom catalog (resources/symptoms.json) and the one answer to "how serious is this sign".

`SymptomCatalog.tier()` is the only place a triage tier is worked out; the checks, the report and
the symptom form all call it (through `triage()` when they have the journal around the entry).
Tiers are "emergency" (call the emergency number now), "urgent" (call the doctor today) and
"next-visit"; "" for a code the catalog does not know. Tiers and the vital-sign limits are project
judgement built on the sources in clinical-facts.md; each limit carries its source key.

A sign counts the same however it was recorded: a measured temperature at or above the fever
limit is triaged exactly as the felt `high-fever` symptom (`triage_reading`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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

from .reader import Reader, Threshold

TIERS = ("emergency", "urgent", "next-visit")
TIER_RANK = {"": -1, "next-visit": 0, "urgent": 1, "emergency": 2}
TIER_SEVERITY = {"emergency": Severity.EMERGENCY, "urgent": Severity.URGENT}
HIGH_FEVER = "high-fever"  # the catalog code a measured fever counts as
VITAL_KEYS = ("fever_c", "low_temperature_c", "slow_breathing_per_min", "low_oxygen_percent", "alert_hours")
# A dose that came back up makes vomiting urgent when it was within this many hours (judgement:
# the dose is then missing from the day).
VOMITED_DOSE_HOURS = 24.0


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


@dataclass(frozen=True)
class Triage:
    """A tier and what raised it above the entry's base tier.

    `raised_by` is "" (the base tier), "severity", "with" (then `companion` is the code it came
    with) or "vomited" (then `vomited_at` is when the dose came back up)."""

    tier: str
    raised_by: str = ""
    companion: str = ""
    vomited_at: datetime | None = None
    reading_c: float | None = None  # set when the companion is a measured temperature (deg C)

    @property
    def severity(self) -> Severity | None:
        """The alert severity of the tier (None for next-visit and unknown codes)."""
        return TIER_SEVERITY.get(self.tier)


def _utc(t: datetime) -> datetime:
    return t.astimezone(UTC)


@dataclass(frozen=True)
class SymptomCatalog:
    symptoms: dict[str, SymptomInfo]
    vitals: dict[str, Threshold]
    vital_severity: dict[str, Severity]
    vitals_topic: str

    def label(self, code: str) -> str:
        info = self.symptoms.get(code)
        return info.label if info else code.replace("-", " ").capitalize()

    def info(self, code: str) -> SymptomInfo | None:
        return self.symptoms.get(code)

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

    def is_fever_reading(self, o: Observation) -> bool:
        """A kept temperature reading at or above the fever limit."""
        return (not o.removed and o.kind is ObservationKind.TEMPERATURE and isinstance(o.value, int | float)
                and not isinstance(o.value, bool) and self.is_high_fever(float(o.value)))

    # -- tiers ------------------------------------------------------------------------------

    def tier(self, code: str, severity: int | None = None, *, together_with: Collection[str] = (),
             dose_vomited_at: datetime | None = None) -> Triage:
        """The tier of a sign with code `code` at logged `severity` (0-10, None: not given).

        `together_with`: codes of other signs present within this code's `with_hours` (in the
        order they were logged); `dose_vomited_at`: a dose that came back up within
        VOMITED_DOSE_HOURS. A code the catalog does not know has tier ""."""
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
        return result

    def triage(self, entry: SymptomEntry, history: PatientHistory) -> Triage:
        """The tier of a logged symptom, with the signs and doses around it in `history`."""
        return self._in_context(entry.symptom, entry.severity, entry.at, history, entry)

    def triage_reading(self, o: Observation, history: PatientHistory) -> Triage | None:
        """A measured high fever triaged as the `high-fever` symptom at the reading's time;
        None when the reading is not a high fever."""
        if not self.is_fever_reading(o):
            return None
        return self._in_context(HIGH_FEVER, None, o.at, history, o)

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
            r = self.triage_reading(o, added)
            if r is not None and TIER_RANK[r.tier] > TIER_RANK[best.tier]:
                best = Triage(r.tier, "with", companion=HIGH_FEVER, reading_c=float(o.value))  # type: ignore[arg-type]
        return best

    def _in_context(self, code: str, severity: int | None, at: datetime, history: PatientHistory,
                    itself: object) -> Triage:
        info = self.symptoms.get(code)
        if info is None:
            return Triage("")
        near = timedelta(hours=info.with_hours)
        together: list[str] = []
        if info.with_codes:
            for s in history.symptoms:
                if (s is not itself and not s.removed and s.symptom in info.with_codes
                        and (s.severity is None or s.severity > 0) and abs(_utc(s.at) - _utc(at)) <= near):
                    together.append(s.symptom)
            if HIGH_FEVER in info.with_codes and any(
                    o is not itself and self.is_fever_reading(o) and abs(_utc(o.at) - _utc(at)) <= near
                    for o in history.observations):
                together.append(HIGH_FEVER)
        vomited = None
        if info.urgent_if_dose_vomited:
            window = timedelta(hours=VOMITED_DOSE_HOURS)
            vomited = next((d.at for d in history.doses if not d.removed and d.status is DoseStatus.VOMITED
                            and abs(_utc(d.at) - _utc(at)) <= window), None)
        return self.tier(code, severity, together_with=together, dose_vomited_at=vomited)


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
        for key in ("tier", "severe_tier", "with_tier"):
            if key in s and s[key] not in TIERS:
                raise r.fail(f"{where} ({code}).{key}", f"{s[key]!r} is not one of {', '.join(TIERS)}")
        if ("severe_at" in s) != ("severe_tier" in s):
            raise r.fail(f"{where} ({code})", "severe_at and severe_tier go together")
        if "severe_at" in s and not (isinstance(s["severe_at"], int) and 0 <= s["severe_at"] <= 10):
            raise r.fail(f"{where} ({code}).severe_at", "must be an integer 0-10")
        unknown = set(s) - {"code", "label", "tier", "topic", "severe_at", "severe_tier", "with", "with_hours",
                            "with_tier", "urgent_if_dose_vomited"}
        if unknown:
            raise r.fail(f"{where} ({code})", f"unknown field(s) {sorted(unknown)}")
        out[code] = SymptomInfo(
            code=code, label=s["label"], tier=s["tier"], topic=s["topic"],
            severe_at=s.get("severe_at"), severe_tier=s.get("severe_tier"),
            with_codes=frozenset(r.strings(s.get("with", []), f"{where}.with")),
            with_hours=float(s.get("with_hours", 24)), with_tier=s.get("with_tier"),
            urgent_if_dose_vomited=bool(s.get("urgent_if_dose_vomited", False)),
        )
    missing = [c for c in SYMPTOM_CODES if c not in out]
    if missing:
        raise r.fail("symptoms", f"missing catalog code(s) {missing}")
    if HIGH_FEVER not in out:
        raise r.fail("symptoms", f"missing {HIGH_FEVER!r}, the code a measured fever counts as")
    for info in out.values():
        bad = info.with_codes - set(out)
        if bad:
            raise r.fail(f"symptoms ({info.code}).with", f"unknown code(s) {sorted(bad)}")
    v = r.obj(r.doc.get("vitals"), "vitals")
    vitals: dict[str, Threshold] = {}
    sev: dict[str, Severity] = {}
    for key in VITAL_KEYS:
        if key not in v:
            raise r.fail("vitals", f"missing {key}")
        vitals[key] = r.threshold(v[key], f"vitals.{key}", None)
        if "severity" in v[key]:
            try:
                sev[key] = Severity(v[key]["severity"])
            except ValueError:
                raise r.fail(f"vitals.{key}.severity", f"{v[key]['severity']!r} is not a severity") from None
    return SymptomCatalog(out, vitals, sev, str(v.get("topic", "when-to-call")))
