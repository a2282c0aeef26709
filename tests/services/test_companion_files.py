"""Companion files are protected (issue 15): `export`, `backup`, `report --out`, the Backups
screen's "save to" and the report window's "Save as PDF" refuse to write over the journal, its
-wal / -shm / -journal, its lock files or anything in its backups folder, also when reached
through a symlink; the message names the path and why, and the file is untouched. All of them
ask the one check in journal.services.output."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services.backups import BackupError, BackupService
from journal.services.errors import ValidationError
from journal.services.journal import Journal
from journal.services.output import check_output_path, protected_reason
from tests.services.test_reports import NOW, ten_days_doc


def _hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def held(tmp_path: Path, qapp: Any) -> Iterator[Journal]:  # a QApplication first: the report's PDF needs one
    """A journal with entries, held open (as the window would) so its -wal and -shm exist."""
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(ten_days_doc()))
    db = tmp_path / "home" / "journal.sqlite3"
    db.parent.mkdir()
    assert main(["--db", str(db), "import", str(doc)], clock=FixedClock(NOW)) == 0
    j = Journal.open(db, FixedClock(NOW))
    BackupService(db, FixedClock(NOW)).back_up()
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
    yield j
    j.close()


def _run(db: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(("suffix", "why"), [
    ("-wal", "write-ahead log"), ("-shm", "shared index"), ("", "the journal itself"),
    (".lock", "keeps the journal to one window"), (".write-lock", "write lock"), ("-journal", "rollback journal"),
])
@pytest.mark.parametrize("command", ["export", "backup", "report"])
def test_every_output_refuses_the_journal_and_its_companions(
        held: Journal, suffix: str, why: str, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = held.path
    target = Path(f"{db}{suffix}")
    if not target.exists() and suffix != "-journal":  # a stray -journal would be read as a hot journal
        target.write_bytes(b"placeholder")  # the lock files come and go; the name is what counts
    before = _hash(target) if target.exists() else None
    argv = {"export": ["export", str(target)], "backup": ["backup", str(target)],
            "report": ["report", "--patient", "Robin Shaw", "--out", str(target)]}[command]
    code, err = _run(db, *argv, capsys=capsys)
    assert code == 2, err
    assert str(target) in err and why in err and "not touched" in err
    assert (_hash(target) if target.exists() else None) == before


@pytest.mark.parametrize("command", ["export", "backup", "report"])
def test_a_symlink_to_the_wal_is_refused(held: Journal, tmp_path: Path, command: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    wal = Path(f"{held.path}-wal")
    before = _hash(wal)
    link = tmp_path / "innocent.pdf"
    link.symlink_to(wal)
    argv = {"export": ["export", str(link)], "backup": ["backup", str(link)],
            "report": ["report", "--patient", "Robin Shaw", "--out", str(link)]}[command]
    code, err = _run(held.path, *argv, capsys=capsys)
    assert code == 2 and "write-ahead log" in err
    assert _hash(wal) == before


def test_anything_in_the_backups_folder_is_refused_also_through_a_symlinked_folder(
        held: Journal, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = held.path.parent / "backups"
    existing = sorted(folder.iterdir())
    assert existing
    before = {p.name: _hash(p) for p in existing}
    alias = tmp_path / "stick"
    alias.symlink_to(folder, target_is_directory=True)
    for target in (existing[0], folder / "new.json", alias / existing[0].name, alias / "report.pdf"):
        code, err = _run(held.path, "export", str(target), capsys=capsys)
        assert code == 2 and "backups folder" in err, (target, err)
    code, err = _run(held.path, "export", "--format", "csv", str(alias), capsys=capsys)
    assert code == 2 and "backups folder" in err
    assert {p.name: _hash(p) for p in sorted(folder.iterdir())} == before


def test_a_hard_link_to_the_journal_is_refused(held: Journal, tmp_path: Path) -> None:
    link = tmp_path / "copy.json"
    os.link(held.path, link)
    with pytest.raises(ValidationError, match="the journal itself"):
        check_output_path(link, held.path)


def test_ordinary_places_next_to_the_journal_are_allowed(held: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    """The boundary: a new file beside the journal, even one whose name starts like it, is fine."""
    for name in ("export.json", "journal.sqlite3.json", "journal.sqlite3-walk.json"):
        out = held.path.parent / name
        assert protected_reason(out, held.path) is None
        code, err = _run(held.path, "export", str(out), capsys=capsys)
        assert code == 0, err
        assert json.loads(out.read_text())["patients"]


def test_the_backups_screen_refuses_to_save_into_the_journals_own_files(held: Journal, tmp_path: Path) -> None:
    service = BackupService(held.path, FixedClock(NOW))
    wal = Path(f"{held.path}-wal")
    before = _hash(wal)
    link = tmp_path / "stick-copy.sqlite3"
    link.symlink_to(wal)
    with pytest.raises(BackupError, match="write-ahead log"):
        service.back_up_to(link)
    with pytest.raises(BackupError, match="backups folder"):
        service.back_up_to(held.path.parent / "backups", folder=True)
    assert _hash(wal) == before


def test_the_report_window_refuses_a_pdf_name_that_leads_to_the_wal(
        qtbot: Any, held: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.ui.dialogs.report_dialog import ReportDialog

    wal = Path(f"{held.path}-wal")
    before = _hash(wal)
    link = tmp_path / "for the doctor.pdf"
    link.symlink_to(wal)
    d = ReportDialog(held, held.find_patient("Robin Shaw").id, lambda: NOW)
    qtbot.addWidget(d)
    monkeypatch.setattr(d, "get_save_file_name", lambda *a: (str(link), "PDF files (*.pdf)"))
    assert d.save_pdf() is None
    assert "could not be saved" in d.status.text() and "write-ahead log" in d.status.text()
    assert _hash(wal) == before
