"""`make run` after the first time starts without reinstalling (and so works offline): setup.sh
runs pip only when pyproject.toml changed since the last install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_menu_entry_is_added_for_the_installed_launcher_and_removed(tmp_path: Path) -> None:
    import shutil

    bindir = tmp_path / "bin"
    bindir.mkdir()
    launcher = bindir / "carejournal-gui"
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "PATH": f"{bindir}:/usr/bin:/bin"}
    script = str(ROOT / "scripts" / "install_menu_entry.sh")
    added = subprocess.run(["bash", script], env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    entry = tmp_path / "share" / "applications" / "io.github.carejournal.CareJournal.desktop"
    assert f"Exec={launcher}" in entry.read_text()
    assert (tmp_path / "share" / "icons" / "hicolor" / "48x48" / "apps" / "io.github.carejournal.CareJournal.png").is_file()
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    removed = subprocess.run(["bash", script, "--remove"], env=env, capture_output=True, text=True)
    assert removed.returncode == 0 and not entry.exists()
    # nothing of ours is left (the desktop's own index caches may stay)
    assert [p for p in (tmp_path / "share").rglob("*") if p.is_file() and not p.name.endswith(".cache")] == []
