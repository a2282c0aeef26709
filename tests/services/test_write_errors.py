"""Write errors are checked (issue 15): on a full disk every output (report PDF, JSON and CSV
export, backup copy) says so (exit 1, "not enough free space on ..."; the window too), the file
that was there before is left as it was, and no `.partial` file stays behind.

A full disk is simulated where it shows: the one write in journal.services.output raising
ENOSPC, or the fsync that follows raising it (delayed allocation), or Qt's PDF writer leaving a
cut-off file without an error (it reports none)."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import FixedClock
from journal.services import output
from journal.services.backups import BackupError, BackupService
from journal.services.journal import Journal
from journal.storage import backups as storage_backups
from tests.services.test_reports import NOW, ten_days_doc

OLD = b"the report from last month\n"


def _full(*_args: Any) -> int:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def db(tmp_path: Path, qapp: Any) -> Path:  # a QApplication first: the report's PDF needs one
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(ten_days_doc()))
    path = tmp_path / "home" / "journal.sqlite3"
    path.parent.mkdir()
    assert main(["--db", str(path), "import", str(doc)], clock=FixedClock(NOW)) == 0
    return path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    d = tmp_path / "out"
    d.mkdir()
    return d


def _run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
    out, err = capsys.readouterr()
    return code, out, err


def _no_partials(folder: Path) -> None:
    assert not [p.name for p in folder.rglob("*.partial*")]


def test_a_report_on_a_full_disk_says_so_and_keeps_the_old_pdf(
        db: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = out_dir / "report.pdf"
    pdf.write_bytes(OLD)
    monkeypatch.setattr(output, "_fsync", _full)
    code, out, err = _run(db, capsys, "report", "--patient", "Robin Shaw", "--out", str(pdf))
    assert code == 1
    assert "not enough free space on the disk holding" in err and str(out_dir) in err
    assert "wrote" not in out
    assert pdf.read_bytes() == OLD
    _no_partials(out_dir)

    monkeypatch.undo()  # the control: with room on the disk the same command replaces it
    code, out, err = _run(db, capsys, "report", "--patient", "Robin Shaw", "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-") and "wrote" in out
    _no_partials(out_dir)


def test_a_pdf_cut_off_without_an_error_is_caught(
        db: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.reports import render

    def cut_off(data: Any, path: Any, page_size: str = "a4") -> int:
        Path(path).write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")  # the disk filled up here
        return 3

    monkeypatch.setattr(render, "write_pdf", cut_off)
    pdf = out_dir / "report.pdf"
    pdf.write_bytes(OLD)
    code, out, err = _run(db, capsys, "report", "--patient", "Robin Shaw", "--out", str(pdf))
    assert code == 1 and "cut off" in err and "3 pages" not in out
    assert pdf.read_bytes() == OLD
    _no_partials(out_dir)


def test_a_json_export_on_a_full_disk_says_so_and_keeps_the_old_file(
        db: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    target = out_dir / "journal.json"
    target.write_bytes(OLD)
    monkeypatch.setattr(output, "_os_write", _full)
    code, out, err = _run(db, capsys, "export", str(target))
    assert code == 1 and "not enough free space on the disk holding" in err and "Wrote" not in out
    assert target.read_bytes() == OLD
    _no_partials(out_dir)


def test_a_csv_export_that_fills_the_disk_half_way_leaves_no_half_file(
        db: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}  # (CSV export never replaces a file: the folder starts empty)
    real = output._os_write

    def third_fails(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:  # patients.csv and medications.csv fit, regimens.csv does not
            _full()
        return real(fd, data)

    monkeypatch.setattr(output, "_os_write", third_fails)
    code, out, err = _run(db, capsys, "export", "--format", "csv", str(out_dir))
    assert code == 1 and "not enough free space" in err and "regimens.csv" in err
    assert not (out_dir / "regimens.csv").exists()  # nothing half-written under the name
    assert (out_dir / "patients.csv").read_text(encoding="utf-8-sig").startswith("person,")
    _no_partials(out_dir)


@pytest.mark.parametrize("where", ["copy", "output"])
def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(
        db: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        where: str) -> None:
    """(An existing copy is never overwritten: any SQLite file is refused as a target.)"""
    copy = out_dir / "copy.sqlite3"
    # the disk fills while SQLite's copy is flushed, or while the checked copy is
    monkeypatch.setattr(storage_backups if where == "copy" else output, "_fsync", _full)
    code, out, err = _run(db, capsys, "backup", str(copy))
    assert code == 1 and "not enough free space" in err and "Backed up" not in out
    assert not copy.exists()
    _no_partials(out_dir)


def test_the_backups_screen_save_to_a_full_stick_says_so(db: Path, out_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_backups, "_fsync", _full)
    with pytest.raises(BackupError, match="not enough free space"):
        BackupService(db, FixedClock(NOW)).back_up_to(out_dir, folder=True)
    assert not list(out_dir.iterdir())


@pytest.fixture
def journal(db: Path) -> Iterator[Journal]:
    j = Journal.open(db, FixedClock(NOW))
    yield j
    j.close()


def test_the_report_window_says_the_disk_is_full_and_keeps_the_old_pdf(
        qtbot: Any, journal: Journal, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.ui.dialogs.report_dialog import ReportDialog

    pdf = out_dir / "for the doctor.pdf"
    pdf.write_bytes(OLD)
    d = ReportDialog(journal, journal.find_patient("Robin Shaw").id, lambda: NOW)
    qtbot.addWidget(d)
    monkeypatch.setattr(d, "get_save_file_name", lambda *a: (str(pdf), "PDF files (*.pdf)"))
    monkeypatch.setattr(output, "_fsync", _full)
    assert d.save_pdf() is None
    assert "not enough free space" in d.status.text() and "Saved" not in d.status.text()
    assert pdf.read_bytes() == OLD
    _no_partials(out_dir)
