"""What the commands write holds health data: owner-only (0600 files, 0700 folders) whatever the
umask; CSV export never replaces a file already in the chosen folder; an output path that is a
link or a device is refused; an export's leftover `.partial` file is never written through."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock
from journal.services.journal import Journal
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Any:
    path = tmp_path / "j.sqlite3"
    with Journal.open(path, FixedClock(NOW)) as j:
        j.import_document(valid_document(days=3, start="2026-11-20"))
    old = os.umask(0o022)  # the usual desktop umask: files 0644 unless the app says otherwise
    yield path
    os.umask(old)


def run(db: Path, *argv: str) -> int:
    return app.main(["--db", str(db), *argv], clock=FixedClock(NOW))


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_exports_and_their_folder_are_owner_only(db: Path, tmp_path: Path) -> None:
    assert run(db, "export", str(tmp_path / "out.json")) == 0
    assert mode(tmp_path / "out.json") == 0o600
    assert run(db, "export", "--format", "csv", str(tmp_path / "new" / "csv")) == 0
    assert mode(tmp_path / "new" / "csv") == 0o700
    written = list((tmp_path / "new" / "csv").iterdir())
    assert len(written) == 9 and {mode(p) for p in written} == {0o600}
    assert os.umask(0o022) == 0o022  # the process's own umask is given back


def test_the_report_is_owner_only(db: Path, tmp_path: Path, qapp: Any) -> None:
    assert run(db, "report", "--patient", "Robin Shaw", "--out", str(tmp_path / "r.pdf")) == 0
    assert mode(tmp_path / "r.pdf") == 0o600


def test_csv_export_refuses_a_folder_holding_one_of_its_names(db: Path, tmp_path: Path, capsys: Any) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "doses.csv").write_text("my own spreadsheet")
    (folder / "other.txt").write_text("kept")
    assert run(db, "export", "--format", "csv", str(folder)) == 2
    err = capsys.readouterr().err
    assert "doses.csv" in err and "nothing was written" in err
    assert (folder / "doses.csv").read_text() == "my own spreadsheet"
    assert sorted(p.name for p in folder.iterdir()) == ["doses.csv", "other.txt"]


def test_csv_export_into_a_folder_with_other_files_is_fine(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "other.txt").write_text("kept")
    assert run(db, "export", "--format", "csv", str(folder)) == 0
    assert (folder / "other.txt").read_text() == "kept"


def test_a_dangling_link_named_like_a_csv_is_not_followed(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "notes.csv").symlink_to(tmp_path / "elsewhere.txt")
    assert run(db, "export", "--format", "csv", str(folder)) == 2
    assert not (tmp_path / "elsewhere.txt").exists()


@pytest.mark.parametrize("command", [["export"], ["backup"], ["report", "--patient", "Robin Shaw", "--out"]])
def test_an_output_that_is_a_link_is_refused(db: Path, tmp_path: Path, capsys: Any, command: list[str]) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    assert run(db, *command, str(link)) == 2
    assert "not a plain file" in capsys.readouterr().err
    assert target.read_text() == "precious" and link.is_symlink()


def null_device(where: Path) -> Path:
    """A private copy of /dev/null's device node: the test never points an output at /dev itself
    (as root, a regression would replace the machine's /dev/null with a file)."""
    node = where / "null-device"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


@pytest.mark.parametrize("command", [["export"], ["backup"], ["report", "--patient", "Robin Shaw", "--out"]])
def test_an_output_that_is_a_device_is_refused(db: Path, tmp_path: Path, capsys: Any, command: list[str]) -> None:
    node = null_device(tmp_path)
    assert run(db, *command, str(node)) == 2
    assert "not a plain file" in capsys.readouterr().err
    assert stat.S_ISCHR(node.stat().st_mode)


def test_the_window_backup_to_a_device_is_refused(db: Path, tmp_path: Path) -> None:
    from journal.services.backups import BackupError, BackupService

    node = null_device(tmp_path)
    with pytest.raises(BackupError, match="not a plain file"):
        BackupService(db, FixedClock(NOW)).back_up_to(node)
    assert stat.S_ISCHR(node.stat().st_mode)


def test_a_leftover_partial_export_is_not_written_through(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("victim")
    (tmp_path / "out.json.partial").symlink_to(target)
    assert run(db, "export", str(tmp_path / "out.json")) == 0
    assert target.read_text() == "victim"
    assert not (tmp_path / "out.json.partial").exists()
    assert mode(tmp_path / "out.json") == 0o600


def test_a_backup_into_a_linked_folder_is_fine(db: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    (tmp_path / "stick-link").symlink_to(stick, target_is_directory=True)
    assert run(db, "backup", str(tmp_path / "stick-link")) == 0
    assert len(list(stick.iterdir())) == 1


def test_a_failed_export_leaves_no_partial_file(db: Path, tmp_path: Path, monkeypatch: Any, capsys: Any) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("journal.services.output.os.replace", full)  # the atomic writer's last step
    assert run(db, "export", str(tmp_path / "out.json")) == 1
    assert "not enough free space" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith("lock")) == ["j.sqlite3"]
