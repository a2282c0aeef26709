"""The symptom catalog as the forms show it (labels, triage tier, guidance topic).

The catalog itself is data owned by the checks (resources/symptoms.json); this only reads it
for display. If it is missing, every exchange-format code is still offered, untiered."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from journal.domain import SYMPTOM_CODES

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"


@dataclass(frozen=True)
class SymptomChoice:
    code: str
    label: str
    tier: str = ""  # "emergency", "urgent", "routine" or "" when unknown
    reference: str = ""
    hint: str = ""


def _label_from_code(code: str) -> str:
    return code.replace("-", " ").capitalize()


def _entries(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, dict):
        for key in ("symptoms", "catalog", "items"):
            if isinstance(doc.get(key), list):
                return list(doc[key])
        if all(isinstance(v, dict) for v in doc.values()):
            return [{"code": k, **v} for k, v in doc.items()]
    if isinstance(doc, list):
        return [d for d in doc if isinstance(d, dict)]
    return []


@lru_cache(maxsize=1)
def symptom_catalog(path: Path | None = None) -> tuple[SymptomChoice, ...]:
    path = path or RESOURCES / "symptoms.json"
    found: dict[str, SymptomChoice] = {}
    if path.exists():
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            doc = None
        for e in _entries(doc):
            code = str(e.get("code") or e.get("id") or "")
            if not code:
                continue
            found[code] = SymptomChoice(
                code=code,
                label=str(e.get("label") or e.get("name") or _label_from_code(code)),
                tier=str(e.get("tier") or e.get("triage") or ""),
                reference=str(e.get("reference") or e.get("topic") or ""),
                hint=str(e.get("hint") or e.get("description") or ""),
            )
    for code in SYMPTOM_CODES:
        found.setdefault(code, SymptomChoice(code, _label_from_code(code)))
    order = {"emergency": 0, "urgent": 1}
    items = sorted(found.values(), key=lambda c: (c.code == "other", order.get(c.tier, 2), c.label.lower()))
    return tuple(items)


def choice_for(code: str) -> SymptomChoice:
    for c in symptom_catalog():
        if c.code == code:
            return c
    return SymptomChoice(code, _label_from_code(code))
