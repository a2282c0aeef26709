"""Reading a knowledge file: JSON in, a `KnowledgeError` naming the file and the field out.

Every number a rule uses is a `Threshold`: a value and the key of its source (a document listed
in the file's `sources`, or "judgement" for a project default no source sets)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


class KnowledgeError(ValueError):
    """A drug profile or the symptom catalog is malformed; names the file and the field."""


@dataclass(frozen=True)
class Threshold:
    """A number from the data with the key of its source."""

    value: float
    source: str


class Reader:
    """One JSON file being validated; every failure names the file and the dotted field."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise KnowledgeError(f"{path.name}: cannot read: {e}") from None
        if not isinstance(self.doc, dict):
            raise KnowledgeError(f"{path.name}: the top level must be an object")

    def fail(self, where: str, what: str) -> KnowledgeError:
        return KnowledgeError(f"{self.path.name}: {where}: {what}")

    def obj(self, node: Any, where: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(where, "must be an object")
        return node

    def text(self, node: Any, where: str) -> str:
        if not isinstance(node, str) or not node.strip():
            raise self.fail(where, "must be a non-empty text")
        return node.strip()

    def strings(self, node: Any, where: str, codes: set[str] | None = None) -> list[str]:
        if not isinstance(node, list) or not all(isinstance(x, str) and x for x in node):
            raise self.fail(where, "must be a list of non-empty strings")
        if codes is not None:
            for x in node:
                if x not in codes:
                    raise self.fail(where, f"{x!r} is not a symptom code of the catalog")
        return [x.lower() if codes is None else x for x in node]

    def threshold(self, node: Any, where: str, sources: set[str] | None) -> Threshold:
        if not isinstance(node, dict) or set(node) - {"value", "source", "severity"} or "value" not in node:
            raise self.fail(where, 'must be {"value": number, "source": key}')
        v = node["value"]
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0 or v != v or v in (float("inf"),):
            raise self.fail(where, f"value {v!r} must be a finite number >= 0")
        src = node.get("source")
        if not isinstance(src, str) or not src:
            raise self.fail(where, "has no source")
        if sources is not None and src not in sources:
            raise self.fail(where, f"source {src!r} is not listed in sources")
        return Threshold(float(v), src)
