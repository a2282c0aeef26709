"""The command-line contract's additions (../shared/spec/command-line.md): --version, import
--dry-run, export --format xlsx, log-reading, log-symptom by plain name, and write commands that
print only the alerts they raised or made worse."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW

from journal.app import main
from journal.domain import FixedClock

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    db = tmp_path / "cli.sqlite3"

    def _run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
        except SystemExit as stop:  # argparse's own answers and refusals
            code = int(stop.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


# --- --version ----------------------------------------------------------------------------------


def test_version_prints_the_version_pyproject_declares_and_opens_nothing(tmp_path: Path) -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    db = tmp_path / "never.sqlite3"
    result = subprocess.run([sys.executable, "main.py", "--db", str(db), "--version"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    assert result.stdout == f"carejournal {declared}\n"
    assert not db.exists() and not db.parent.joinpath("backups").exists()


def test_version_comes_from_the_checkout_else_from_the_installed_metadata(tmp_path: Path) -> None:
    from importlib import metadata

    import journal

    checkout = tmp_path / "checkout.toml"
    checkout.write_text('[project]\nname = "carejournal"\nversion = "9.9.9"\n')
    assert journal.version(checkout) == "9.9.9"  # a source checkout tells its own version
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9.9"\n')
    assert journal.version(other) == metadata.version("carejournal")
    assert journal.version(tmp_path / "missing.toml") == metadata.version("carejournal")
    assert journal.__version__ == journal.version()
