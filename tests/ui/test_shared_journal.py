"""Connecting the window to a shared journal (issue 18): the connect dialog from the first-run
screen and Settings, "Test connection" in words, the password never written by us, the choice
remembered for the next start, and a viewer's window that only looks.

Tests that need a server skip without CAREJOURNAL_TEST_PG (CI starts one)."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.domain import FixedClock
from journal.services.shared_connection import (
    ServerDetails,
    TestResult,
    check_connection,
    details_from_fields,
    explain_failure,
    remember_journal,
    remembered_journal,
)
from journal.ui.dialogs.connect_dialog import ConnectDialog
from tests.conftest import NOW, PgDatabases, needs_pg
from tests.ui.conftest import clock, empty_journal, journal, no_blocking_dialogs, window  # noqa: F401

SECRET = "s3cret-Tulip-91"


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's config folder (where the chosen journal is remembered) for this test only."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A system keyring in memory: what was kept, and what was asked to be removed."""
    kept: dict[str, Any] = {"set": [], "deleted": []}
    fake = types.ModuleType("keyring")
    fake.get_keyring = lambda: types.SimpleNamespace(priority=5)  # type: ignore[attr-defined]
    fake.get_password = lambda service, name: None  # type: ignore[attr-defined]
    fake.set_password = lambda service, name, pw: kept["set"].append((service, name, pw))  # type: ignore[attr-defined]
    fake.delete_password = lambda service, name: kept["deleted"].append((service, name))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    return kept


@pytest.fixture(autouse=True)
def forget_typed_passwords() -> Any:
    from journal.storage import engines

    yield
    engines._TYPED_PASSWORDS.clear()


class FakeServer:
    """Stands in for check_connection: records what was tested, answers `result`."""

    def __init__(self, result: TestResult | None = None) -> None:
        self.result = result or TestResult(True, "caregiver", "Connected: fine.")
        self.asked: list[tuple[str, str | None]] = []

    def __call__(self, details: ServerDetails, password: str | None) -> TestResult:
        self.asked.append((details.url(), password))
        return self.result


def dialog(qtbot: Any, server: FakeServer | None = None, **kwargs: Any) -> ConnectDialog:
    dlg = ConnectDialog(None, tester=server or FakeServer(), keyring_reason=lambda: None, **kwargs)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill(qtbot: Any, dlg: ConnectDialog, host: str = "db.example.org", port: str = "5433",
         database: str = "carejournal", user: str = "ana", password: str = "") -> None:
    for edit, text in ((dlg.host, host), (dlg.port, port), (dlg.database, database), (dlg.user, user),
                       (dlg.password, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)


# --- the dialog's fields -------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "label", "words"), [
    ("host", "", "Server:", "enter the server's name"),
    ("host", "postgresql://db.example.org", "Server:", "not a server name"),
    ("port", "54x", "Port:", "from 1 to 65535"),
    ("port", "70000", "Port:", "from 1 to 65535"),
    ("database", "", "Database:", "enter the database's name"),
    ("database", "d" * 64, "Database:", "at most 63"),
    ("user", "", "Your login:", "enter your login"),
])
def test_a_field_that_cannot_be_used_is_named_and_nothing_is_tried(
        qtbot: Any, field: str, value: str, label: str, words: str) -> None:
    server = FakeServer()
    dlg = dialog(qtbot, server)
    fill(qtbot, dlg, **{field: value})
    qtbot.mouseClick(dlg.connect_button, Qt.MouseButton.LeftButton)
    assert dlg.error.message.startswith("\u2716 " + label) and words in dlg.error.message
    assert dlg.focusWidget() is getattr(dlg, field)
    assert server.asked == [] and dlg.url is None and dlg.result() == 0


def test_the_boundaries_of_port_and_name_lengths_are_accepted() -> None:
    assert details_from_fields("h", "1", "d" * 63, "u" * 63, "require").port == 1
    assert details_from_fields("h", "65535", "d", "u", "require").port == 65535
    assert details_from_fields("192.168.1.20", "5432", "d", "u", "disable").host == "192.168.1.20"
    assert details_from_fields("::1", "5432", "d", "u", "prefer").url().startswith("postgresql://u@[::1]:5432/")


def test_the_url_is_built_with_the_chosen_tls_mode_and_no_password(qtbot: Any) -> None:
    server = FakeServer()
    dlg = dialog(qtbot, server)
    fill(qtbot, dlg, database="care team", user="ana.silva", password=SECRET)
    dlg.sslmode.setCurrentIndex(dlg.sslmode.findData("verify-full"))
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        qtbot.mouseClick(dlg.connect_button, Qt.MouseButton.LeftButton)
    want = "postgresql://ana.silva@db.example.org:5433/care%20team?sslmode=verify-full"
    assert server.asked == [(want, SECRET)]  # the typed password is tried, in memory
    assert dlg.url == want and SECRET not in dlg.url
    assert ServerDetails.from_url(want) == ServerDetails("db.example.org", 5433, "care team", "ana.silva",
                                                         "verify-full")


def test_every_control_has_a_name_and_is_reached_with_tab(qtbot: Any) -> None:
    dlg = dialog(qtbot, offer_local=True)
    controls = [dlg.host, dlg.port, dlg.database, dlg.user, dlg.sslmode, dlg.password, dlg.remember,
                dlg.test_button, dlg.connect_button, dlg.local_button, dlg.cancel_button]
    assert all(c is not None and c.accessibleName() for c in controls)
    dlg.host.setFocus()
    reached = set()
    for _ in range(3 * len(controls)):
        reached.add(dlg.focusWidget())
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
    assert set(controls) <= reached


# --- "Test connection" in words ------------------------------------------------------------------

DETAILS = ServerDetails("db.example.org", 5432, "carejournal", "ana", "require")


@pytest.mark.parametrize(("server_says", "field", "words"), [
    ('connection to server at "10.0.0.9", port 5432 failed: Connection refused', "server",
     "could not be reached on port 5432"),
    ('connection to server at "10.0.0.9", port 5432 failed: timeout expired', "server", "could not be reached"),
    ('could not translate host name "db.example.org" to address: Name or service not known', "server",
     'No server named "db.example.org"'),
    ('connection to server failed: FATAL:  password authentication failed for user "ana"', "password",
     "refused the password for ana"),
    ("connection to server failed: fe_sendauth: no password supplied", "password", "asks for ana's password"),
    ('connection to server failed: FATAL:  database "carejournal" does not exist', "database",
     'no database named "carejournal"'),
    ('connection to server failed: FATAL:  role "ana" does not exist', "login", 'no login named "ana"'),
    ("connection to server failed: server does not support SSL, but SSL was required", "encryption",
     'does not offer an encrypted connection, and "require" needs one'),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.2", user "ana", database "carejournal", no encryption',
     "server", "does not let ana in from this computer"),
])
def test_a_failed_connection_is_said_in_words(server_says: str, field: str, words: str) -> None:
    said, about = explain_failure(server_says, DETAILS)
    assert words in said and about == field


def test_the_test_result_is_shown_and_the_field_it_is_about_gets_the_focus(qtbot: Any) -> None:
    words, _field = explain_failure('FATAL:  password authentication failed for user "ana"', DETAILS)
    dlg = dialog(qtbot, FakeServer(TestResult(False, "", words, "password")))
    fill(qtbot, dlg, password="wrong")
    with qtbot.waitSignal(dlg.test_finished, timeout=5000):
        qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    assert dlg.result_label.text() == "\u2716 " + words and "refused the password" in dlg.result_label.text()
    assert dlg.focusWidget() is dlg.password
    with qtbot.waitSignal(dlg.test_finished, timeout=5000):  # Connect tests again, and stays open
        qtbot.mouseClick(dlg.connect_button, Qt.MouseButton.LeftButton)
    assert dlg.url is None and dlg.isVisible()


@pytest.mark.parametrize(("schema", "can_write", "ok", "words"), [
    ("empty", False, False, "has no journal yet. Ask whoever runs the server to set it up with: carejournal --db "
                            "postgresql://ana@db.example.org:5432/carejournal?sslmode=require init"),
    ("older", True, False, "must be upgraded first. Ask whoever runs the server to run: carejournal --db "
                           "postgresql://ana@db.example.org:5432/carejournal?sslmode=require init"),
    ("newer", True, False, "Update CareJournal on this computer first"),
    ("not-journal", False, False, "not a CareJournal journal"),
    ("current", False, True, "Read-only: ana is a viewer"),
    ("current", True, True, "ana can read and write"),
])
def test_what_the_server_holds_is_said_in_words(monkeypatch: pytest.MonkeyPatch, schema: str, can_write: bool,
                                                 ok: bool, words: str) -> None:
    from journal.storage import probe

    state = probe.ServerState(role="ana", schema=schema, can_read=schema == "current", can_write=can_write)
    monkeypatch.setattr(probe, "probe", lambda url, password=None: state)
    result = check_connection(DETAILS)
    assert result.ok is ok and words in result.words
    assert result.access == ("" if not ok else "caregiver" if can_write else "viewer")


# --- the password: in memory or the keyring, never in a file -------------------------------------


def _files_holding(root: Path, text: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


@pytest.mark.parametrize("remember", [False, True])
def test_the_password_is_never_written_and_kept_only_where_asked(
        qtbot: Any, window: Any, config_home: Path, tmp_path: Path, fake_keyring: dict[str, Any],
        remember: bool) -> None:
    from journal.storage.engines import PostgresEngine

    switched: list[bool] = []
    window.on_switch = lambda: switched.append(True)
    dlg = window.open_connect(run=False)
    dlg._tester = FakeServer()
    fill(qtbot, dlg, password=SECRET)
    dlg.remember.setChecked(remember)
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        qtbot.mouseClick(dlg.connect_button, Qt.MouseButton.LeftButton)
    assert window.connect_chosen(dlg) is True and switched == [True]
    url = "postgresql://ana@db.example.org:5433/carejournal?sslmode=require"
    assert remembered_journal() == url  # opened at the next start, without the password
    assert _files_holding(tmp_path, SECRET) == []  # not in the choice, the journal, anything under tmp
    kept = [("carejournal", "ana@db.example.org:5433", SECRET)]
    assert fake_keyring["set"] == (kept if remember else [])
    assert fake_keyring["deleted"] == ([] if remember else [("carejournal", "ana@db.example.org:5433")])
    assert PostgresEngine(url).sqlalchemy_url().password == SECRET  # this run: from memory


def test_a_password_in_a_url_is_taken_out_before_the_choice_is_written(config_home: Path) -> None:
    remember_journal(f"postgresql://ana:{SECRET}@db.example.org/carejournal?sslmode=require")
    assert remembered_journal() == "postgresql://ana@db.example.org/carejournal?sslmode=require"
    assert _files_holding(config_home, SECRET) == []
    assert (config_home / "CareJournal" / "journal.json").stat().st_mode & 0o077 == 0
    remember_journal(None)
    assert remembered_journal() is None


def test_without_a_keyring_remember_is_off_and_says_why(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.services.shared_connection import keyring_problem

    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    reason = keyring_problem()
    assert reason is not None and "keyring" in reason
    dlg = ConnectDialog(None, tester=FakeServer())
    qtbot.addWidget(dlg)
    assert not dlg.remember.isEnabled() and reason in dlg.remember.toolTip()
    assert "asked each time" in dlg.password_note.text()


# --- the window: first run, Settings, the next start ----------------------------------------------


def test_the_first_run_screen_offers_a_shared_journal(qtbot: Any, empty_journal: Any, clock: FixedClock,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.ui.shell.main_window import build_window

    w = build_window(empty_journal, clock, tray_available=False)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.welcome and w.welcome.shared_button.isVisible()
    assert w.welcome.shared_button.accessibleName()
    shown: list[ConnectDialog] = []
    monkeypatch.setattr(ConnectDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.mouseClick(w.welcome.shared_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0].host.text() == ""  # cancelled: nothing changes
    assert w.isVisible()


def test_settings_switch_to_a_shared_journal_and_back(qtbot: Any, window: Any, config_home: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    settings = window.open_settings(run=False)
    qtbot.addWidget(settings)
    assert "This computer's journal" in settings.journal_label.text()
    assert settings.shared_button.isVisibleTo(settings) and not settings.local_button.isVisibleTo(settings)
    switched: list[bool] = []
    window.on_switch = lambda: switched.append(True)

    def connect(self: ConnectDialog) -> int:
        self.url = "postgresql://ana@db.example.org:5432/carejournal?sslmode=require"
        return 1

    monkeypatch.setattr(ConnectDialog, "exec", connect)
    qtbot.mouseClick(settings.shared_button, Qt.MouseButton.LeftButton)
    assert switched == [True] and remembered_journal() == \
        "postgresql://ana@db.example.org:5432/carejournal?sslmode=require"
    shared = __import__("journal.ui.dialogs.settings_dialog", fromlist=["SettingsDialog"]).SettingsDialog(
        window.session.settings, journal_place=(True, "postgresql://ana@db.example.org:5432/carejournal"))
    qtbot.addWidget(shared)
    assert shared.local_button.isVisibleTo(shared) and "shared journal on a server" in shared.journal_label.text()
    window.on_switch = lambda: switched.append(False)
    with qtbot.waitSignal(shared.switch_to_local, timeout=1000):
        qtbot.mouseClick(shared.local_button, Qt.MouseButton.LeftButton)
    window.switch_journal(None)
    assert remembered_journal() is None and switched == [True, False]


def test_the_remembered_shared_journal_is_opened_at_the_next_start(config_home: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from journal.app import main

    remember_journal("postgresql://ana@127.0.0.1:1/carejournal?sslmode=disable")
    assert main(["check"], clock=FixedClock(NOW)) == 1
    err = capsys.readouterr().err
    assert "cannot connect to the shared journal postgresql://ana@127.0.0.1:1/carejournal" in err


def test_a_shared_journal_that_cannot_be_opened_at_start_offers_the_dialog_in_words(
        qtbot: Any, config_home: Path) -> None:
    from journal.cli import Context
    from journal.ui.shell.launch import _reconnect

    url = "postgresql://ana@db.example.org:5432/carejournal?sslmode=require"
    seen: list[dict[str, Any]] = []

    class Chosen:
        def __init__(self, _parent: Any, **kwargs: Any) -> None:
            seen.append(kwargs)
            self.url, self.chose_local = url, False

        def exec(self) -> int:
            return 1

    ctx = Context(lambda: None, FixedClock(NOW))
    problem = ("cannot connect to the shared journal postgresql://ana@db.example.org:5432/carejournal: "
               "connection to server failed: fe_sendauth: no password supplied")
    assert _reconnect(ctx, url, problem, dialog=Chosen) is True
    words, field = seen[0]["problem"]
    assert "asks for ana's password" in words and field == "password" and seen[0]["offer_local"]
    assert ctx.switch_requested and remembered_journal() == url


# --- a viewer's window only looks ----------------------------------------------------------------


def test_a_read_only_window_disables_every_write_and_says_why(qtbot: Any, window: Any) -> None:
    from journal.ui.shell.read_only import write_controls

    window.set_read_only("Read-only: drlee is a viewer of this shared journal.")
    qtbot.waitUntil(lambda: window.read_only_notice.isVisible())
    assert "drlee is a viewer" in window.read_only_notice.text()
    controls = write_controls(window)
    given = window.today.slot_button("Baclofen 10 mg tablets", "14:00")
    assert given in controls and window.symptom_form.save_button in controls
    assert all(not c.isEnabled() for c in controls)
    assert "drlee is a viewer" in given.toolTip()
    # A view that turns a write button back on (a row selected in History) does not win.
    window.history.correct_button.setEnabled(True)
    assert not window.history.correct_button.isEnabled()
    # Buttons made again when the view redraws are disabled too.
    window.session.patient_changed.emit(window.session.patient_id)  # Today redraws its rows
    qtbot.waitUntil(lambda: all(not c.isEnabled() for c in write_controls(window)))
    assert window.guide_button.isEnabled() and window.report_button.isEnabled()  # looking is fine
    settings = window.open_settings(run=False)
    qtbot.addWidget(settings)
    assert not settings.save_button.isEnabled() and "drlee is a viewer" in settings.read_only_note.text()
    assert settings.shared_button.isEnabled()  # another journal can still be chosen


# --- with a real server --------------------------------------------------------------------------


def _details(url: str, user: str | None = None) -> ServerDetails:
    d = ServerDetails.from_url(url)
    return ServerDetails(d.host, d.port, d.database, user or d.user, "disable")


@needs_pg
def test_test_connection_against_a_real_server(pg: PgDatabases) -> None:
    from sqlalchemy import create_engine

    from journal.storage.db import finish_new_journal, migrate

    empty = pg.url(pg.create())
    result = check_connection(_details(empty))
    assert not result.ok and "has no journal yet" in result.words and " init" in result.words
    current = pg.empty_journal(None)
    result = check_connection(_details(current))
    assert result.ok and result.access == "caregiver"  # the owner
    missing = _details(current)
    result = check_connection(ServerDetails(missing.host, missing.port, "cj_no_such_db", missing.user, "disable"))
    assert not result.ok and 'no database named "cj_no_such_db"' in result.words and result.field == "database"
    result = check_connection(ServerDetails(missing.host, 1, missing.database, missing.user, "disable"))
    assert not result.ok and "could not be reached on port 1" in result.words
    old = pg.create()
    engine = create_engine(pg.url(old).replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        migrate(conn, "0002_limits_and_stock")
        finish_new_journal(conn)
    engine.dispose()
    result = check_connection(_details(pg.url(old)))
    assert not result.ok and "must be upgraded first" in result.words and "init" in result.words
    with engine.connect() as conn:  # the test changed nothing: still the old schema
        from sqlalchemy import text

        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002_limits_and_stock"
    engine.dispose()


@needs_pg
def test_a_viewer_connection_opens_the_window_read_only(qtbot: Any, pg: PgDatabases,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy.engine import make_url

    from journal.services.journal import Journal
    from journal.ui.shell.main_window import build_window
    from tests.storage.test_shared_journal import _robin, cli

    name = pg.create()
    url = pg.url(name)
    assert cli(url, "init") == 0
    clock = FixedClock(NOW)
    with Journal.open(url, clock) as owner:
        _robin(owner)
    viewer, carer = f"drlee_{name}", f"ana_{name}"
    assert cli(url, "grant", viewer, "--access", "viewer", "--person", "Dr Lee") == 0
    assert cli(url, "grant", carer, "--access", "caregiver", "--person", "Ana") == 0
    capsys.readouterr()
    as_viewer = make_url(url).set(username=viewer).render_as_string(hide_password=False)
    result = check_connection(_details(url, viewer))
    assert result.ok and result.access == "viewer" and "Read-only" in result.words
    assert check_connection(_details(url, carer)).access == "caregiver"
    journal = Journal.open(as_viewer, clock)
    try:
        w = build_window(journal, clock, tray_available=False, watch_ms=60_000)
        qtbot.addWidget(w)
        w.show()
        assert w.read_only_reason is not None and viewer in w.read_only_reason
        given = w.today.slot_button("Baclofen 10 mg tablets", "14:00")
        assert not given.isEnabled() and w.read_only_notice.isVisible()
        # PostgreSQL refuses anyway, whatever the window offers, and the window says so in words.
        from journal.domain import Patient
        from journal.ui.widgets.errors import SaveFailed

        with pytest.raises(SaveFailed, match="read-only"):
            w.session.apply(lambda: journal.add_patient(Patient("Jamie Fox")))
        assert [p.name for p in journal.list_patients()] == ["Robin Shaw"]
    finally:
        journal.close()


# --- the switch, end to end (the composition root opens the chosen journal) -----------------------


def _run_gui_switching(qtbot: Any, monkeypatch: pytest.MonkeyPatch, start: Any, target: str | None) -> list[Any]:
    """Run the window as `carejournal` does, starting on `start`; in the first window choose
    `target` (None: this computer's journal). Returns the journals the windows showed."""
    from PySide6.QtWidgets import QApplication

    from journal.app import make_context, run_gui
    from journal.ui.shell.main_window import MainWindow

    seen: list[Any] = []

    def exec_(self: Any = None) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window.session.journal)
        if len(seen) == 1:
            assert window.switch_journal(target) is True
            assert not window.isVisible()
        else:
            window.quitting = True
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    ctx = make_context(start, clock=FixedClock(NOW))
    try:
        assert run_gui(ctx) == 0
    finally:
        ctx.close()
    return seen


def test_choosing_this_computers_journal_opens_it_at_once_and_at_the_next_start(
        qtbot: Any, tmp_path: Path, config_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    remember_journal("postgresql://ana@127.0.0.1:1/carejournal")
    seen = _run_gui_switching(qtbot, monkeypatch, tmp_path / "elsewhere.sqlite3", None)
    assert [Path(j.path).name for j in seen] == ["elsewhere.sqlite3", "journal.sqlite3"]
    assert Path(seen[1].path).is_relative_to(tmp_path / "data")
    assert remembered_journal() is None


@needs_pg
def test_connecting_opens_the_shared_journal_in_the_window_at_once(
        qtbot: Any, tmp_path: Path, config_home: Path, monkeypatch: pytest.MonkeyPatch, pg: PgDatabases) -> None:
    url = pg.empty_journal(None)
    seen = _run_gui_switching(qtbot, monkeypatch, tmp_path / "mine.sqlite3", url)
    assert [j.shared for j in seen] == [False, True] and seen[1].path == url
    assert remembered_journal() == url
