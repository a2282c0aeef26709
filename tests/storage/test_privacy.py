"""Privacy: the journal and its backups are readable by the owner only, and a full session makes
no network connection at all."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import FixedClock
from journal.services.backups import BackupService
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


@contextlib.contextmanager
def usual_umask() -> Iterator[None]:
    """Most desktops create files readable by everyone (umask 022): the journal must not rely on it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def cli(*args: str, db: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = app.main(["--db", str(db), *args], clock=FixedClock(NOW))
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to reach the network is recorded and fails loudly."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def _refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise AssertionError(f"network use: {name}")
        return _refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def test_a_full_session_opens_no_network_connection(tmp_path: Path, no_network: list[str], qapp: Any) -> None:
    import json

    db = tmp_path / "data" / "journal.sqlite3"
    doc = tmp_path / "in.json"
    doc.write_text(json.dumps(valid_document(days=20, start="2026-11-01")))
    steps = [
        ("import", str(doc)),
        ("log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets", "--at", "2026-11-23T08:00"),
        ("log-symptom", "--patient", "Robin Shaw", "--symptom", "spasms", "--severity", "4"),
        ("log-reading", "--patient", "Robin Shaw", "--kind", "temperature", "--value", "99.1", "--unit", "F"),
        ("import", "--dry-run", str(doc)),
        ("check",),
        ("check", "--json"),
        ("export", "--format", "json", str(tmp_path / "out.json")),
        ("export", "--format", "csv", str(tmp_path / "csv")),
        ("export", "--format", "xlsx", str(tmp_path / "out.xlsx")),
        ("backup", str(tmp_path / "copy.sqlite3")),
        ("reference", "search", "pump"),
        ("report", "--patient", "Robin Shaw", "--out", str(tmp_path / "report.pdf")),
        ("restore", str(tmp_path / "copy.sqlite3")),
    ]
    codes = {}
    for step in steps:
        code, _out, err = cli(*step, db=db)
        codes[step[0]] = code
        assert code == 0, (step, err)
        assert "network use" not in err, (step, err)
    svc = BackupService(db, FixedClock(NOW))
    svc.at_start()
    svc.back_up_to(tmp_path)
    assert no_network == []
    assert len(codes) == 10  # every command of the session ran


def test_the_guard_itself_catches_a_connection(no_network: list[str]) -> None:
    """The test above would notice: a real connect attempt is caught."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(AssertionError, match="network use"):
            s.connect(("192.0.2.1", 80))
    finally:
        s.close()
    assert len(no_network) == 1


def test_backups_and_their_folder_are_owner_only(tmp_path: Path) -> None:
    with usual_umask():
        db = tmp_path / "journal.sqlite3"
        cli("import", str(_doc(tmp_path)), db=db)
        svc = BackupService(db, FixedClock(NOW))
        auto = svc.at_start()
        stick = svc.back_up_to(tmp_path)
        assert auto is not None
        assert mode(auto) == 0o600 and mode(auto.parent) == 0o700 and mode(stick) == 0o600
        # a restore keeps the journal owner-only, and the safety copy too
        kept = svc.restore(auto)
        assert kept is not None and mode(kept) == 0o600
        assert mode(db) == 0o600


def _doc(tmp_path: Path) -> Path:
    import json

    p = tmp_path / "doc.json"
    p.write_text(json.dumps(valid_document(days=3, start="2026-11-10")))
    return p


def test_a_new_journal_made_by_the_command_line_is_owner_only(tmp_path: Path) -> None:
    with usual_umask():
        db = tmp_path / "journal.sqlite3"
        assert cli("import", str(_doc(tmp_path)), db=db)[0] == 0
    assert mode(db) == 0o600


def test_a_backup_made_by_the_command_line_is_owner_only(tmp_path: Path) -> None:
    with usual_umask():
        db = tmp_path / "journal.sqlite3"
        cli("import", str(_doc(tmp_path)), db=db)
        out = tmp_path / "stick" / "copy.sqlite3"
        out.parent.mkdir()
        assert cli("backup", str(out), db=db)[0] == 0
    assert mode(out) == 0o600


def test_the_command_line_restore_keeps_its_safety_copy_owner_only(tmp_path: Path) -> None:
    with usual_umask():
        db = tmp_path / "journal.sqlite3"
        cli("import", str(_doc(tmp_path)), db=db)
        copy = tmp_path / "copy.sqlite3"
        cli("backup", str(copy), db=db)
        copy.chmod(0o600)
        assert cli("restore", str(copy), db=db)[0] == 0
    safety = [p for p in (tmp_path / "backups").iterdir() if "before-restore" in p.name]
    assert safety and all(mode(p) == 0o600 for p in safety)
    assert mode(tmp_path / "backups") == 0o700
