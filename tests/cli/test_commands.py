"""The command line: exit codes 0 / 2 (bad input, naming it) / 1 (other failure, one line)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import FixedClock
from tests.conftest import NOW, minimal_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    db = tmp_path / "cli.sqlite3"

    def _run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(db), *argv], clock=FixedClock(NOW))
        except SystemExit as stop:  # argparse's own refusals
            code = int(stop.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(minimal_document()))
    return path


def test_help_answers_without_opening_anything(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "import", "export", "check", "report", "log-dose", "log-symptom", "log-reading", "backup",
                    "restore", "reference"):
        assert command in out


def test_import_then_export_round_trips(run: Any, doc_file: Path, tmp_path: Path) -> None:
    code, out, _ = run("import", str(doc_file))
    assert code == 0 and "Added 1 person, 2 medicines" in out
    code, out, _ = run("import", str(doc_file))
    assert code == 0 and "Nothing new" in out
    code, _, _ = run("export", "--format", "json", str(tmp_path / "out.json"))
    assert code == 0
    exported = json.loads((tmp_path / "out.json").read_text())
    assert [p["name"] for p in exported["patients"]] == ["Robin Shaw"]
    code, _, _ = run("export", "--format", "csv", str(tmp_path / "csv"))
    assert code == 0 and (tmp_path / "csv" / "doses.csv").exists()


def test_a_bad_document_exits_2_naming_the_record(run: Any, tmp_path: Path) -> None:
    doc = minimal_document()
    doc["patients"][0]["doses"][2]["given"] = "2026-13-01T08:00"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    code, out, err = run("import", str(bad))
    assert code == 2
    assert err.strip() == 'import: /patients/0/doses/2/given: "2026-13-01T08:00" is not a date-time'
    code, out, _ = run("export", "--format", "json", "-")
    assert json.loads(out)["patients"] == []  # nothing was written


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["import", "no-such-file.json"], "no-such-file.json"),
        (["log-dose", "--medication", "baclofen"], "--patient"),
        (["log-dose", "--patient", "Nobody", "--medication", "baclofen"], "--patient"),
        (["log-dose", "--patient", "Robin", "--medication", "aspirin"], "--medication"),
        (["log-dose", "--patient", "Robin", "--medication", "10 mg", "--amount", "2000tablets"], "--amount"),
        (["log-dose", "--patient", "Robin", "--medication", "10 mg", "--amount", "ten"], "--amount"),
        (["log-dose", "--patient", "Robin", "--medication", "10 mg", "--at", "yesterday-ish"], "--at"),
        (["log-dose", "--patient", "Robin", "--medication", "10 mg", "--at", "2026-10-03T08:00"], "--at"),
        (["log-dose", "--patient", "Robin", "--medication", "10 mg", "--status", "forgot"], "--status"),
        (["log-symptom", "--patient", "Robin", "--symptom", "hiccups"], "--symptom"),
        (["log-symptom", "--patient", "Robin", "--symptom", "spasms", "--severity", "12"], "--severity"),
        (["export", "--patient", "Nobody", "-"], "--patient"),
        (["restore", "missing-backup.sqlite3"], "FILE"),
    ],
)
def test_bad_input_exits_2_naming_it(run: Any, doc_file: Path, argv: list[str], named: str) -> None:
    assert run("import", str(doc_file))[0] == 0
    code, _, err = run(*argv)
    assert code == 2
    assert named in err


def test_log_dose_and_symptom(run: Any, doc_file: Path) -> None:
    run("import", str(doc_file))
    code, out, _ = run("log-dose", "--patient", "robin", "--medication", "10 mg tablets", "--at", "08:05",
                       "--amount", "2tablets")
    assert code == 0
    assert out.startswith("Logged Baclofen 10 mg tablets 2 tablets (taken) for Robin Shaw at 2026-10-01 08:05.")
    code, out, _ = run("log-symptom", "--patient", "Robin Shaw", "--symptom", "drowsiness", "--severity", "4")
    assert code == 0 and out.startswith("Logged drowsiness, severity 4 for Robin Shaw at 2026-10-01 12:00.")
    code, out, _ = run("export", "-")
    doses = json.loads(out)["patients"][0]["doses"]
    assert doses[-1]["given"] == "2026-10-01T08:05:00-05:00" and doses[-1]["amount"] == {"value": 2, "unit": "tablet"}


def test_log_dose_prints_each_alert_on_one_line(run: Any, doc_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.domain import Alert, Severity
    from journal.services.journal import Journal

    alert = Alert(rule="over-max-dose", severity=Severity.URGENT, patient="Robin Shaw", since=NOW,
                  title="More than the usual single dose", message="Two doses were logged\nclose together.",
                  advice="Call the doctor.", evidence=[], reference="dosing", medication="Baclofen 10 mg tablets")
    dosed: list[bool] = []  # the alert is raised by the dose: only then do the checks find it
    real_log_dose = Journal.log_dose

    def log_dose(self: Any, *args: Any, **kwargs: Any) -> Any:
        dosed.append(True)
        return real_log_dose(self, *args, **kwargs)

    monkeypatch.setattr(Journal, "log_dose", log_dose)
    monkeypatch.setattr(Journal, "check", lambda self, now=None, patient_id=None: [alert] if dosed else [])
    run("import", str(doc_file))
    code, out, _ = run("log-dose", "--patient", "Robin", "--medication", "10 mg")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[1] == ("URGENT: More than the usual single dose (Robin Shaw, Baclofen 10 mg tablets). "
                        "Two doses were logged close together.")
    assert lines[2].endswith("This is not medical advice; in an emergency call 911.") and len(lines) == 3


def test_backup_and_restore_commands(run: Any, doc_file: Path, tmp_path: Path) -> None:
    run("import", str(doc_file))
    code, out, _ = run("backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and (tmp_path / "copy.sqlite3").exists()
    code, out, _ = run("restore", str(tmp_path / "copy.sqlite3"))
    assert code == 0 and "1 person" in out
    (tmp_path / "junk.sqlite3").write_text("not a journal")
    code, _, err = run("restore", str(tmp_path / "junk.sqlite3"))
    assert code == 1 and "not a CareJournal journal" in err


def test_restore_keeps_the_journal_as_it_was_in_the_backups_folder(run: Any, doc_file: Path, tmp_path: Path) -> None:
    from journal.services.journal import Journal

    run("import", str(doc_file))
    run("backup", str(tmp_path / "monday.sqlite3"))
    code, out, _ = run("log-dose", "--patient", "Robin", "--medication", "10 mg tablets", "--at", "08:05")
    assert code == 0
    code, out, _ = run("restore", str(tmp_path / "monday.sqlite3"))
    assert code == 0
    kept = sorted((tmp_path / "backups").glob("cli-before-restore-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in out
    # the copy holds the dose logged after Monday's backup; the restored journal does not
    before = Journal.open(kept[0], FixedClock(NOW))
    now = Journal.open(tmp_path / "cli.sqlite3", FixedClock(NOW))
    pid = before.find_patient("Robin").id
    span = (NOW - timedelta(days=400), NOW + timedelta(days=1))
    assert len(before.history(pid, *span).doses) == len(now.history(pid, *span).doses) + 1
    before.close()
    now.close()


def test_restore_brings_back_a_damaged_journal_and_keeps_its_bytes(run: Any, doc_file: Path, tmp_path: Path) -> None:
    run("import", str(doc_file))
    run("backup", str(tmp_path / "good.sqlite3"))
    db = tmp_path / "cli.sqlite3"
    for companion in ("-wal", "-shm"):
        Path(str(db) + companion).unlink(missing_ok=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # a torn file
    assert run("export", "-")[0] == 1  # refused, as before
    code, out, err = run("restore", str(tmp_path / "good.sqlite3"))
    assert code == 0, err
    assert "1 person" in out
    [kept] = (tmp_path / "backups").glob("cli-before-restore-*.sqlite3")
    assert kept.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000
    assert run("export", "-")[0] == 0


def test_restore_is_refused_while_a_window_has_the_journal_open(run: Any, doc_file: Path, tmp_path: Path) -> None:
    from journal.storage.lock import WindowLock

    run("import", str(doc_file))
    run("backup", str(tmp_path / "copy.sqlite3"))
    db = tmp_path / "cli.sqlite3"
    before = db.read_bytes()
    with WindowLock(db):
        code, _, err = run("restore", str(tmp_path / "copy.sqlite3"))
    assert code == 1 and "open in a CareJournal window" in err and "Nothing was changed" in err
    assert db.read_bytes() == before and not (tmp_path / "backups").exists()
    assert run("restore", str(tmp_path / "copy.sqlite3"))[0] == 0  # once the window is closed


def test_a_file_that_is_not_a_journal_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list")
    code = main(["--db", str(notes), "export", "-"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not a CareJournal journal" in err
    assert notes.read_text() == "shopping list"


def test_unexpected_failures_exit_1_with_a_trace_only_with_debug(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.services.journal import Journal

    def broken(self: Any, write: Any, patient_name: Any = None) -> Any:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(Journal, "write_export", broken)
    code, _, err = run("export", "-")
    assert code == 1 and err.strip() == "export: failed: disk on fire"
    code = main(["--debug", "--db", str(tmp_path / "cli.sqlite3"), "export", "-"], clock=FixedClock(NOW))
    assert code == 1 and "Traceback" in capsys.readouterr().err


def test_help_does_not_load_the_database_layer_or_qt() -> None:
    probe = ("import sys, journal.app\n"
             "try:\n    journal.app.main(['--help'])\nexcept SystemExit:\n    pass\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', 'PySide6'})\n"
             "print('HEAVY', heavy)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    assert result.stdout.strip().endswith("HEAVY []")


def test_main_py_runs_the_command_line(tmp_path: Path, doc_file: Path) -> None:
    doc = json.loads(doc_file.read_text())
    doc["patients"][0]["medications"][0]["colour"] = "white"
    doc_file.write_text(json.dumps(doc))
    result = subprocess.run([sys.executable, "main.py", "--db", str(tmp_path / "j.sqlite3"), "import", str(doc_file)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == 'import: /patients/0/medications/0/colour: unknown field "colour" (check the spelling)'


@pytest.mark.parametrize(
    ("raised", "words"),
    [
        ("database is locked", "the journal is busy"),
        ("database or disk is full", "the disk is full (not enough free space), so nothing was saved"),
    ],
)
def test_file_troubles_are_told_in_plain_words(
    run: Any, doc_file: Path, monkeypatch: pytest.MonkeyPatch, raised: str, words: str
) -> None:
    import sqlite3

    from journal.services.journal import Journal

    run("import", str(doc_file))

    def fail(self: Any, patient_id: int, dose: Any, by: str = "") -> Any:
        raise sqlite3.OperationalError(raised)

    monkeypatch.setattr(Journal, "log_dose", fail)
    code, _, err = run("log-dose", "--patient", "Robin", "--medication", "10 mg")
    assert code == 1
    assert err.strip().startswith(f"log-dose: failed: {words}") and "sqlite3" not in err


def test_export_never_writes_over_the_journal_or_a_backup(run: Any, doc_file: Path, tmp_path: Path) -> None:
    run("import", str(doc_file))
    journal_file = tmp_path / "cli.sqlite3"
    assert run("backup", str(tmp_path / "copy.sqlite3"))[0] == 0
    for target in (journal_file, tmp_path / "copy.sqlite3"):
        code, _, err = run("export", "--format", "json", str(target))
        assert code == 2 and err.startswith("export: OUT: ")
        assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert run("export", "-")[0] == 0  # the journal still opens


@pytest.mark.parametrize(
    "argv",
    [["export", "--format", "json", ""], ["backup", ""], ["export", "--format", "csv", "{doc}"],
     ["export", "--format", "json", "{tmp}"]],
)
def test_a_bad_out_is_bad_input(run: Any, doc_file: Path, tmp_path: Path, argv: list[str]) -> None:
    run("import", str(doc_file))
    code, _, err = run(*[a.format(doc=doc_file, tmp=tmp_path) for a in argv])
    assert code == 2 and "OUT" in err and "Errno" not in err


def test_backup_into_a_folder_makes_a_dated_copy(run: Any, doc_file: Path, tmp_path: Path) -> None:
    run("import", str(doc_file))
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, _ = run("backup", str(stick))
    assert code == 0
    [copy] = stick.iterdir()
    assert copy.name == "carejournal-backup-2026-10-01-120000.sqlite3" and str(copy) in out


def test_db_where_a_file_is_in_the_way_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "afile").write_text("x")
    code = main(["--db", str(tmp_path / "afile" / "journal.sqlite3"), "export", "-"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 2 and "--db" in err and "Errno" not in err
    assert (tmp_path / "afile").read_text() == "x"


def test_a_window_that_cannot_start_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_qt(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "journal.ui.shell.launch":
            raise ImportError("libEGL.so.1: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_qt)
    code = main(["--db", str(tmp_path / "j.sqlite3")], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "libEGL" in err


def test_no_screen_is_said_plainly_instead_of_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code = main(["--db", str(tmp_path / "j.sqlite3"), "gui"], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1 and "no screen" in err and len(err.strip().splitlines()) == 1
