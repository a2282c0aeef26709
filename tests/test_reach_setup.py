"""`make run` after the first time starts without reinstalling (and so works offline): setup.sh
runs pip only when pyproject.toml changed since the last install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fake_venv(tmp_path: Path) -> tuple[Path, Path]:
    """A venv whose python records each call and hands it to the real one, except pip (a no-op)."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    calls = tmp_path / "calls.log"
    py = venv / "bin" / "python"
    py.write_text(f"""#!/bin/sh
echo "$*" >> {calls}
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then exit 0; fi
PYTHONPATH={ROOT} exec {sys.executable} "$@"
""")
    py.chmod(0o755)
    return venv, calls


def run_setup(venv: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "VENV": str(venv)}
    env.pop("WITH_TEST_TOOLS", None)
    return subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], env=env, capture_output=True, text=True,
                          timeout=300)


def test_pip_runs_once_then_not_until_pyproject_changes(tmp_path: Path) -> None:
    venv, calls = fake_venv(tmp_path)
    first = run_setup(venv)
    assert first.returncode == 0, first.stderr
    assert "-m pip install -q -e .[test]" in calls.read_text()
    stamp = (venv / ".carejournal-installed").read_text()
    calls.write_text("")
    second = run_setup(venv)
    assert second.returncode == 0, second.stderr
    assert "pip" not in calls.read_text()  # nothing installed, no network needed
    # a changed pyproject (new dependency) installs again
    (venv / ".carejournal-installed").write_text("an older pyproject\n")
    third = run_setup(venv)
    assert third.returncode == 0 and "-m pip install" in calls.read_text()
    assert (venv / ".carejournal-installed").read_text() == stamp
