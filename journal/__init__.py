"""CareJournal: a medication journal for family caregivers."""

from __future__ import annotations

from pathlib import Path

DISTRIBUTION = "carejournal"
# The application's id: the desktop entry's name without ".desktop", the icon's name, the
# autostart entry's and the AppStream component's id (reverse DNS, per the freedesktop specs).
APP_ID = "io.github.carejournal.CareJournal"


def version(pyproject: Path | None = None) -> str:
    """This program's version, "X.Y.Z", as pyproject.toml declares it (its one home).

    From a source checkout (the package beside its pyproject.toml) the file is read directly, so
    an editable install that was not reinstalled after a version change still tells the truth;
    an installed package answers from its metadata. Standard library only: `--version` must not
    load the database layer or Qt. Returns "unknown" only when neither can be read. `pyproject`
    names another file to read first (tests)."""
    import tomllib
    from importlib import metadata

    pyproject = pyproject or Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        project = {}
    if project.get("name") == DISTRIBUTION and isinstance(project.get("version"), str):
        return str(project["version"])
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def __getattr__(name: str) -> str:  # `journal.__version__`, read from the same place
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
