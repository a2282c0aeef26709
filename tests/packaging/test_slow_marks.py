"""`make test-fast` leaves out the tests marked `slow`; `make test`, which CI (.ci/run) runs, leaves
out nothing; and the marker is registered with --strict-markers, so a typo in a mark fails instead of being
ignored."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _recipe(target: str) -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    m = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, flags=re.M)
    assert m is not None, f"no {target} target in the Makefile"
    return m.group(1)


def test_test_fast_skips_the_slow_tests_and_ci_runs_them_all() -> None:
    assert '-m "not slow"' in _recipe("test-fast")
    assert "pytest" in _recipe("test") and "slow" not in _recipe("test")
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), flags=re.M)
    markers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert any(m.startswith("slow:") for m in markers["markers"])
    assert "--strict-markers" in markers["addopts"]
