import os; os.environ["QT_QPA_PLATFORM"] = "offscreen"  # noqa: E702 - first, before anything imports Qt
import tempfile; os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cj-config-")  # noqa: E702 - never the tester's autostart
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="cj-state-")  # the log file, likewise
# ruff: noqa: E402, I001
# Shared fixtures: a clock that stands still, and a fresh journal file per test.

import tempfile

# Records of cleanly closed journals (journal.storage.db) go to a folder of this test run, not the
# user's own; subprocesses inherit it.
os.environ.setdefault("CAREJOURNAL_STATE_DIR", tempfile.mkdtemp(prefix="carejournal-state-"))

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from journal.domain import FixedClock, Medication, Patient, Quantity, Regimen, Unit

TZ_NAME = "America/Chicago"
TZ = ZoneInfo(TZ_NAME)
# A fixed "now" for every test: 1 October 2026, noon in Chicago.
NOW = datetime(2026, 10, 1, 12, 0, tzinfo=TZ)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def journal_path(tmp_path: Path, db_engine: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Where the test's journal lives: a file path, or on PostgreSQL (see `db_engine`) the URL
    of a new database holding an empty journal (a str; `Journal.open` and `--db` take both)."""
    if db_engine != "postgresql":
        yield tmp_path / "journal.sqlite3"
        return
    dbs: PgDatabases = request.getfixturevalue("pg")
    url = dbs.empty_journal(None)
    yield url
    dbs.drop(url.rsplit("/", 1)[-1])


@pytest.fixture(scope="session")
def _empty_journal_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated journal file, copied for each test (migrating each time is slow)."""
    from journal.domain import FixedClock as Clock
    from journal.services.journal import Journal

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    j = Journal.open(path, Clock(NOW))
    settings = j.get_settings()
    settings.timezone = TZ_NAME
    j.save_settings(settings)
    j.close()
    return path


# --- both engines ---------------------------------------------------------------------------
# With CAREJOURNAL_TEST_PG=postgresql://SUPERUSER@HOST:PORT/postgres (CI starts a private server,
# see .ci/run and scripts/pg-private.sh) the tests of these modules that use the `journal` fixture
# run twice: on a SQLite file and on a fresh PostgreSQL database. Without it they run on SQLite
# only, and the PostgreSQL-only tests are skipped.
PG_URL = os.environ.get("CAREJOURNAL_TEST_PG", "").strip()
BOTH_ENGINES = {
    "tests.services.test_journal", "tests.services.test_exchange", "tests.services.test_checks", "tests.services.test_checks_scenarios",
    "tests.services.test_limits_and_stock", "tests.services.test_reports", "tests.rules.test_engine_and_ack",
    "tests.rules.test_likely_cause", "tests.rules.test_people_and_zones", "tests.rules.test_schedule_changes",
    "tests.storage.test_shared_journal", "tests.storage.test_journal_file", "tests.services.test_zones", "tests.schedule.test_stock", "tests.storage.test_outside_changes_watch",
    "tests.services.test_entry_authors",
}
# Tests that look inside the SQLite file itself (its query plans, its stored text).
# (The shared journal's own versions of these are in test_shared_journal.py.)
SQLITE_ONLY = {
    "test_history_uses_the_time_index", "test_times_are_stored_in_utc_and_read_back_equal",
    "test_connections_use_foreign_keys_full_sync_and_a_busy_timeout",
    "test_a_dose_for_a_missing_person_is_refused_by_the_database", "test_a_file_from_a_newer_version_is_refused_untouched",
    "test_a_journal_is_backed_up_before_a_schema_upgrade", "test_backup_and_restore",
    "test_restore_refuses_a_file_that_is_not_a_journal", "test_damage_inside_the_data_is_found_when_opening",
    "test_a_journal_from_before_zone_history_keeps_its_one_zone",
    "test_a_change_in_settings_applies_from_today_where_the_family_now_is", "test_a_bad_change_is_refused_and_changes_nothing",
}
needs_pg = pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server (set CAREJOURNAL_TEST_PG)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: a test of the journal file itself, not run on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if (PG_URL and "db_engine" in metafunc.fixturenames
            and metafunc.module.__name__ in BOTH_ENGINES
            and metafunc.function.__name__ not in SQLITE_ONLY
            and metafunc.definition.get_closest_marker("sqlite_only") is None):
        metafunc.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


class PgDatabases:
    """Fresh databases on the test server, each a copy of a migrated template (fast)."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine

        self.admin_url = admin_url
        self.admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://", 1),
                                   isolation_level="AUTOCOMMIT")
        self.count = 0
        self.prefix = f"cjtest_{os.getpid()}"
        self.template: str | None = None

    def url(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        from sqlalchemy import text

        self.count += 1
        name = f"{self.prefix}_{self.count}"
        with self.admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            c.execute(text(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")))
        return name

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def empty_journal(self, clock: Any) -> str:
        """The URL of a new database holding an empty journal, zone America/Chicago."""
        if self.template is None:
            from journal.domain import FixedClock as Clock
            from journal.services.journal import Journal

            self.template = self.create()
            j = Journal.open(self.url(self.template), Clock(NOW))
            settings = j.get_settings()
            settings.timezone = TZ_NAME
            j.save_settings(settings)
            j.close()
        return self.url(self.create(self.template))


@pytest.fixture(scope="session")
def pg() -> Iterator[PgDatabases]:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (set CAREJOURNAL_TEST_PG)")
    dbs = PgDatabases(PG_URL)
    yield dbs
    from sqlalchemy import text

    with dbs.admin.connect() as c:
        for (name,) in c.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                 {"p": dbs.prefix + "_%"}).fetchall():
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        for (role,) in c.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                                 {"p": f"%{dbs.prefix}_%"}).fetchall():  # made by `init` and `grant` tests
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    dbs.admin.dispose()


@pytest.fixture
def journal(journal_path: Path, clock: FixedClock, _empty_journal_file: Path, db_engine: str,
            request: pytest.FixtureRequest) -> Iterator[Any]:
    """A new, empty journal, its time zone set to America/Chicago: a file in a temporary folder,
    or (parametrized by `db_engine`) a new database on the PostgreSQL test server."""
    from journal.services.journal import Journal
    from journal.storage.backups import backup_file

    if db_engine == "postgresql":
        j = Journal.open(journal_path, clock)
        yield j
        j.close()
        return
    backup_file(_empty_journal_file, journal_path)
    j = Journal.open(journal_path, clock)
    yield j
    j.close()


@pytest.fixture
def robin(journal: Any) -> tuple[int, int]:
    """A person on baclofen 10 mg tablets three times a day: (patient_id, medication_id)."""
    pid = journal.add_patient(Patient("Robin Shaw", birth_date=date(1970, 5, 4))).record_id
    med = Medication(
        "Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
        regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(1, Unit.TABLET),
                          times=[time(8), time(14), time(20)])],
    )
    mid = journal.add_medication(pid, med).record_id
    return pid, mid


def minimal_document(**patient: Any) -> dict[str, Any]:
    """A small valid exchange-format document; keyword arguments replace patient fields."""
    person: dict[str, Any] = {
        "id": "p1",
        "name": "Robin Shaw",
        "birth_date": "1970-05-04",
        "medications": [
            {"id": "bac", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral",
             "form": "tablet", "strength": {"value": 10, "unit": "mg"},
             "regimens": [{"start": "2026-09-01", "dose": {"value": 1, "unit": "tablet"},
                           "times": ["08:00", "14:00", "20:00"]}]},
            {"id": "liq", "name": "Baclofen oral solution 1 mg/mL", "drug": "baclofen", "route": "oral",
             "form": "solution", "strength": {"value": 1, "unit": "mg", "per": {"value": 1, "unit": "mL"}},
             "as_needed": True},
        ],
        "doses": [
            {"medication": "bac", "scheduled": "2026-09-30T08:00", "given": "2026-09-30T08:10",
             "amount": {"value": 1, "unit": "tablet"}, "status": "taken", "by": "Sam"},
            {"medication": "bac", "scheduled": "2026-09-30T14:00", "given": None, "status": "skipped"},
            {"medication": "liq", "scheduled": None, "given": "2026-09-30T16:00",
             "amount": {"value": 5, "unit": "mL"}, "status": "taken"},
        ],
        "symptoms": [{"at": "2026-09-30T09:00", "symptom": "drowsiness", "severity": 3}],
        "observations": [
            {"at": "2026-09-30T09:05", "kind": "temperature", "value": 37.2},
            {"at": "2026-09-30T09:06", "kind": "modified-ashworth", "value": "1+", "body_part": "left elbow"},
        ],
        "pump_events": [],
        "notes_log": [{"at": "2026-09-30T21:00", "text": "Slept well."}],
    }
    person.update(patient)
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": TZ_NAME, "patients": [person]}


# Every test starts with no decimal mark chosen (a journal's Settings set it when read).
@pytest.fixture(autouse=True)
def no_chosen_decimal_mark() -> Iterator[None]:
    from journal.domain.shown import set_decimal_mark

    set_decimal_mark(None)
    yield
    set_decimal_mark(None)


# Every test: a modal dialog a test forgot to patch fails it at once instead of hanging the run.
@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog a test forgot to patch fails the test at once instead of hanging it."""
    from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a modal dialog opened that the test did not patch")

    for name in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(refuse))
    monkeypatch.setattr(QDialog, "exec", refuse)
