"""Check a generated document against exchange format v1, strictly (no unknown fields).

    python -m bench.validate FILE.json

Uses the project's JSON Schema (resources/exchange-format-v1.schema.json) when it exists, and
always runs a small structural check written from spec/exchange-format.md, so a generator bug
shows up before an import benchmark measures a rejected file.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parent.parent / "resources" / "exchange-format-v1.schema.json"

QTY = {"value", "unit", "per"}
FIELDS: dict[str, set[str]] = {
    "document": {"format", "version", "timezone", "patients"},
    "patient": {"id", "name", "birth_date", "renal_impairment", "conditions", "notes", "medications", "doses",
                "symptoms", "observations", "pump_events", "notes_log"},
    "medication": {"id", "name", "drug", "route", "form", "strength", "as_needed", "regimens"},
    "regimen": {"start", "end", "dose", "times", "every_days", "prescribed_by", "reason"},
    "dose": {"medication", "scheduled", "given", "amount", "status", "by", "note"},
    "symptom": {"at", "symptom", "severity", "duration_minutes", "note"},
    "observation": {"at", "kind", "value", "value2", "body_part", "note"},
    "pump_event": {"at", "kind", "volume_ml", "concentration_mcg_per_ml", "daily_dose_mcg", "reservoir_ml",
                   "low_alarm_ml", "next_refill_due", "note"},
    "note": {"at", "text"},
}
UNITS = {"mg", "mcg", "mL", "tablet", "sachet"}
STATUSES = {"taken", "skipped", "refused", "vomited", "missed"}
SYMPTOMS = set("""seizure breathing-difficulty unresponsive hallucinations confusion agitation extreme-drowsiness
drowsiness dizziness fainting high-fever rigidity dystonia muscle-twitching tremor rebound-spasticity spasms
itching tingling weakness nausea vomiting headache urinary-problems constipation insomnia mood-change pain
other""".split())
KINDS = {"temperature", "heart-rate", "respiratory-rate", "blood-pressure", "oxygen-saturation",
         "penn-spasm-frequency", "modified-ashworth", "pain-nrs", "weight"}
PUMP_KINDS = {"refill", "alarm", "check", "dose-change", "catheter-problem"}


def structural_errors(doc: dict[str, Any]) -> list[str]:
    errors: list[str] = []

    def keys(obj: dict[str, Any], kind: str, where: str) -> None:
        extra = set(obj) - FIELDS[kind]
        if extra:
            errors.append(f"{where}: unknown field(s) {sorted(extra)}")

    def quantity(q: Any, where: str) -> None:
        if q is None:
            return
        if set(q) - QTY or q.get("unit") not in UNITS or not isinstance(q.get("value"), int | float):
            errors.append(f"{where}: bad quantity {q}")
        if "per" in q:
            quantity(q["per"], where + "/per")

    def stamp(s: Any, where: str, required: bool = True) -> None:
        if s is None and not required:
            return
        try:
            datetime.fromisoformat(s)
        except (TypeError, ValueError):
            errors.append(f"{where}: not a timestamp: {s!r}")

    keys(doc, "document", "")
    if doc.get("format") != "caregiver-medication-journal" or doc.get("version") != 1:
        errors.append("/: wrong format or version")
    for i, p in enumerate(doc.get("patients", [])):
        pw = f"/patients/{i}"
        keys(p, "patient", pw)
        if not p.get("name"):
            errors.append(f"{pw}/name: required")
        med_ids = set()
        for j, m in enumerate(p.get("medications", [])):
            mw = f"{pw}/medications/{j}"
            keys(m, "medication", mw)
            med_ids.add(m["id"])
            quantity(m.get("strength"), mw + "/strength")
            prev_end: date | None = None
            for k, r in enumerate(m.get("regimens", [])):
                rw = f"{mw}/regimens/{k}"
                keys(r, "regimen", rw)
                quantity(r.get("dose"), rw + "/dose")
                start = date.fromisoformat(r["start"])
                if prev_end is not None and start <= prev_end:
                    errors.append(f"{rw}: starts before the previous regimen ends")
                prev_end = date.fromisoformat(r["end"]) if r.get("end") else None
                if r.get("end") and prev_end is not None and prev_end < start:
                    errors.append(f"{rw}: ends before it starts")
        for j, d in enumerate(p.get("doses", [])):
            dw = f"{pw}/doses/{j}"
            keys(d, "dose", dw)
            if d.get("medication") not in med_ids:
                errors.append(f"{dw}/medication: unknown id {d.get('medication')!r}")
            if d.get("status") not in STATUSES:
                errors.append(f"{dw}/status: {d.get('status')!r}")
            stamp(d.get("scheduled"), dw + "/scheduled", required=False)
            stamp(d.get("given"), dw + "/given", required=False)
            if d.get("scheduled") is None and d.get("given") is None:
                errors.append(f"{dw}: neither scheduled nor given")
            quantity(d.get("amount"), dw + "/amount")
        for j, s in enumerate(p.get("symptoms", [])):
            sw = f"{pw}/symptoms/{j}"
            keys(s, "symptom", sw)
            stamp(s.get("at"), sw + "/at")
            if s.get("symptom") not in SYMPTOMS:
                errors.append(f"{sw}/symptom: {s.get('symptom')!r}")
            sev = s.get("severity")
            if sev is not None and not (isinstance(sev, int) and 0 <= sev <= 10):
                errors.append(f"{sw}/severity: {sev!r}")
        for j, o in enumerate(p.get("observations", [])):
            ow = f"{pw}/observations/{j}"
            keys(o, "observation", ow)
            stamp(o.get("at"), ow + "/at")
            if o.get("kind") not in KINDS:
                errors.append(f"{ow}/kind: {o.get('kind')!r}")
        for j, e in enumerate(p.get("pump_events", [])):
            ew = f"{pw}/pump_events/{j}"
            keys(e, "pump_event", ew)
            stamp(e.get("at"), ew + "/at")
            if e.get("kind") not in PUMP_KINDS:
                errors.append(f"{ew}/kind: {e.get('kind')!r}")
        for j, n in enumerate(p.get("notes_log", [])):
            nw = f"{pw}/notes_log/{j}"
            keys(n, "note", nw)
            stamp(n.get("at"), nw + "/at")
    return errors


def schema_errors(doc: dict[str, Any], limit: int = 20) -> list[str] | None:
    """Errors from the project's JSON Schema, or None when the schema is not in the tree yet."""
    if not SCHEMA.exists():
        return None
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    out = []
    for err in validator.iter_errors(doc):
        out.append(f"/{'/'.join(str(x) for x in err.absolute_path)}: {err.message[:200]}")
        if len(out) >= limit:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bad = 0
    for name in args:
        doc = json.loads(Path(name).read_text(encoding="utf-8"))
        errs = structural_errors(doc)
        s_errs = schema_errors(doc)
        for e in errs[:20]:
            print(f"{name}: spec: {e}")
        if s_errs is None:
            print(f"{name}: schema: not in the tree yet ({SCHEMA.name})")
        else:
            for e in s_errs:
                print(f"{name}: schema: {e}")
        ok = not errs and not s_errs
        bad += not ok
        print(f"{name}: {'valid' if ok else 'INVALID'}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
