"""A journal shared by a care team on PostgreSQL (issue 18): the same journal, the same answers.

The tests that need a server are skipped without CAREJOURNAL_TEST_PG (CI starts one); the ones
taking the `journal` fixture run on both engines there.
"""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import Dose, DoseStatus, FixedClock, Medication, Patient, Quantity, Regimen, Unit
from journal.services.errors import JournalFileError, ValidationError
from journal.services.journal import BACKUP_TABLES, Journal
from tests.conftest import NOW, PgDatabases, needs_pg

CASES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "cases").glob("*.json"))  # copies of ../shared/cases


def cli(db: Path | str, *argv: str, now: Any = NOW) -> int:
    from journal.app import main

    return main(["--db", str(db), *argv], clock=FixedClock(now))


def _robin(journal: Journal) -> tuple[int, int]:
    pid = journal.add_patient(Patient("Robin Shaw", birth_date=date(1970, 5, 4))).record_id
    med = Medication("Baclofen 10 mg tablets", drug="baclofen", strength=Quantity(10, Unit.MG),
                     regimens=[Regimen(start=date(2026, 9, 1), dose=Quantity(1, Unit.TABLET),
                                       times=[time(8), time(14), time(20)])])
    return pid, journal.add_medication(pid, med).record_id


# --- on both engines -------------------------------------------------------------------------


def test_a_name_longer_than_its_column_is_refused_naming_the_field(journal: Journal) -> None:
    before = journal.list_patients()
    with pytest.raises(ValidationError) as e:
        journal.add_patient(Patient("R" * 201))
    assert e.value.field == "name" and "at most 200" in str(e.value)
    assert journal.list_patients() == before
    journal.add_patient(Patient("R" * 200))  # the boundary: exactly as long as the column allows
    assert [p.name for p in journal.list_patients()] == ["R" * 200]


def test_a_too_long_medicine_name_in_an_import_changes_nothing(journal: Journal) -> None:
    doc = journal.export_document()
    doc["patients"] = [{"name": "Robin Shaw", "medications": [
        {"name": "B" * 201, "route": "oral", "form": "tablet"}]}]
    with pytest.raises(ValidationError) as e:
        journal.import_document(doc)
    assert e.value.field == "/patients/0/medications/0/name"  # the JSON pointer, as for any bad input
    assert e.value.message == "201 characters is too long; at most 200 fit"
    assert journal.list_patients() == []


@pytest.mark.parametrize(("where", "field"), [("patient", "/patients/0/name"),
                                               ("medicine", "/patients/0/medications/0/name")])
def test_a_far_too_long_name_in_an_import_is_refused_at_its_pointer(journal: Journal, where: str, field: str) -> None:
    """The storage's column sizes are checked while the document is read, so the message names
    where in the document the text is (found by fuzzing: a 10,000-character medicine name was
    refused as "name", with no pointer)."""
    doc = journal.export_document()
    person: dict[str, Any] = {"name": "Robin Shaw", "medications": [{"name": "Baclofen", "route": "oral", "form": "tablet"}]}
    if where == "patient":
        person["name"] = "R" * 10_000
    else:
        person["medications"][0]["name"] = "B" * 10_000
    doc["patients"] = [person]
    with pytest.raises(ValidationError) as e:
        journal.import_document(doc)
    assert e.value.field == field and "10000 characters is too long" in e.value.message
    assert journal.list_patients() == []


# --- PostgreSQL only -------------------------------------------------------------------------


@needs_pg
def test_a_database_url_opens_a_shared_journal_not_a_folder(pg: PgDatabases, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = pg.url(pg.create())
    assert cli(url, "check") == 0
    assert not (tmp_path / "postgresql:").exists() and list(tmp_path.iterdir()) == []
    with Journal.open(url, FixedClock(NOW)) as j:
        assert j.shared and j.list_patients() == []


@needs_pg
def test_a_database_holding_something_else_is_refused_and_untouched(pg: PgDatabases) -> None:
    from sqlalchemy import create_engine, text

    url = pg.url(pg.create())
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c:
        c.execute(text("CREATE TABLE invoices (id int)"))
    with pytest.raises(JournalFileError, match="not a CareJournal journal"):
        Journal.open(url, FixedClock(NOW))
    with engine.connect() as c:
        tables = {r[0] for r in c.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'"))}
    engine.dispose()
    assert tables == {"invoices"}


@needs_pg
def test_an_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("postgresql://nobody@127.0.0.1:1/journal", "check") == 1
    err = capsys.readouterr().err
    assert "cannot connect to the shared journal" in err and len(err.strip().splitlines()) == 1


@needs_pg
def test_another_caregivers_write_is_seen_and_our_own_is_not_news(pg: PgDatabases) -> None:
    url = pg.empty_journal(None)
    window = Journal.open(url, FixedClock(NOW))
    other = Journal.open(url, FixedClock(NOW))
    try:
        pid, mid = _robin(window)
        assert window.changed_elsewhere() is False  # the first call only starts watching
        window.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(hours=1)))
        assert window.changed_elsewhere() is False  # our own write
        other.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(minutes=5)))
        assert window.changed_elsewhere() is True
        assert window.changed_elsewhere() is False  # reported once
    finally:
        window.close()
        other.close()


@needs_pg
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_the_cases_give_the_same_check_json_and_export_on_both_engines(
        case: Path, pg: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg.url(pg.create())
    file = tmp_path / "j.sqlite3"
    outputs: dict[str, list[str]] = {}
    later = NOW.replace(month=12, day=2)  # after every case's last entry
    for db in (file, url):
        got: list[Any] = [cli(db, "import", str(case), now=later), *capsys.readouterr()]
        for at in ("2026-10-01T00:00:00-05:00", "2026-11-30T12:00:00-06:00", "2026-12-01T09:00:00-06:00"):
            got += [cli(db, "check", "--json", "--at", at, now=later), *capsys.readouterr()]
        out = tmp_path / f"export-{len(outputs)}.json"
        assert cli(db, "export", str(out), now=later) == 0
        capsys.readouterr()
        got.append(out.read_text(encoding="utf-8"))
        outputs[str(db)] = [g.replace(str(db), "DB") if isinstance(g, str) else g for g in got]
    sqlite_out, pg_out = outputs.values()
    assert pg_out == sqlite_out


@needs_pg
def test_export_import_export_between_the_engines_keeps_the_document(
        pg: PgDatabases, tmp_path: Path, journal_with_history: Journal) -> None:
    first = journal_with_history.export_document()
    url = pg.url(pg.create())
    with Journal.open(url, FixedClock(NOW)) as shared:
        shared.import_document(first)
        second = shared.export_document()
    assert second == first
    back = tmp_path / "back.sqlite3"
    with Journal.open(back, FixedClock(NOW)) as j:
        j.import_document(second)
        assert j.export_document() == first


@needs_pg
def test_moving_in_copies_a_file_journal_with_its_history(
        pg: PgDatabases, tmp_path: Path, journal_with_history: Journal,
        capsys: pytest.CaptureFixture[str]) -> None:
    src = journal_with_history.path
    doc = journal_with_history.export_document()
    journal_with_history.close()
    url = pg.url(pg.create())
    assert cli(url, "move-in", str(src)) == 0
    assert "Copied" in capsys.readouterr().out
    with Journal.open(url, FixedClock(NOW)) as shared:
        assert shared.export_document() == doc
        pid = shared.list_patients()[0].id
        assert shared.revisions(pid) and shared.acknowledgements(pid)
    # Into a journal that already holds people: refused, nothing added.
    assert cli(url, "move-in", str(src)) == 2
    with Journal.open(url, FixedClock(NOW)) as shared:
        assert len(shared.list_patients()) == 1


@needs_pg
def test_a_shared_backup_is_one_snapshot_restorable_into_an_empty_shared_journal(
        pg: PgDatabases, tmp_path: Path, journal_with_history: Journal) -> None:
    doc = journal_with_history.export_document()
    url = pg.url(pg.create())
    with Journal.open(url, FixedClock(NOW)) as shared:
        shared.import_document(doc)
        dest = shared.backup(tmp_path)
    assert dest.parent == tmp_path and dest.suffix == ".json"
    assert dest.stat().st_mode & 0o077 == 0  # readable by its owner only
    written = json.loads(dest.read_text(encoding="utf-8"))
    assert {k: v for k, v in written.items() if k != BACKUP_TABLES} == doc  # the exchange document, whole
    with Journal.open(url, FixedClock(NOW)) as shared, pytest.raises(ValidationError, match="only into an empty"):
        shared.restore(dest)
    empty = pg.url(pg.create())
    with Journal.open(empty, FixedClock(NOW)) as fresh:
        fresh.restore(dest)
        assert fresh.export_document() == doc


@needs_pg
def test_a_shared_backup_keeps_the_history_and_acknowledgements_like_moving_in(
        pg: PgDatabases, tmp_path: Path, journal_with_history: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    src = journal_with_history.path
    pid = journal_with_history.list_patients()[0].id
    doc = journal_with_history.export_document()
    revisions, acks = journal_with_history.revisions(pid), journal_with_history.acknowledgements(pid)
    assert len(revisions) >= 2 and acks  # a correction and a removal, an acknowledged alert
    journal_with_history.close()
    url = pg.url(pg.create())
    assert cli(url, "move-in", str(src)) == 0
    assert cli(url, "backup", str(tmp_path)) == 0
    dest = next(tmp_path.glob("carejournal-shared-backup-*.json"))
    capsys.readouterr()
    empty = pg.url(pg.create())
    assert cli(empty, "restore", str(dest)) == 0
    with Journal.open(empty, FixedClock(NOW)) as back:
        assert back.export_document() == doc
        assert back.revisions(pid) == revisions and back.acknowledgements(pid) == acks
        # New entries continue after the restored ones.
        mid = back.list_medications(pid)[0].id
        assert back.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(minutes=5))).record_id
    # Its records still come into any journal with `import` (without the history).
    plain = tmp_path / "plain.sqlite3"
    assert cli(plain, "import", str(dest)) == 0
    with Journal.open(plain, FixedClock(NOW)) as j:
        assert j.export_document() == doc
    # A backup whose tables do not fit is refused whole, the empty journal left empty.
    broken = json.loads(dest.read_text(encoding="utf-8"))
    broken[BACKUP_TABLES]["tables"]["doses"]["rows"][0].append("extra")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    other = pg.url(pg.create())
    assert cli(other, "restore", str(bad)) == 2
    assert "cannot be restored with its history" in capsys.readouterr().err
    with Journal.open(other, FixedClock(NOW)) as j:
        assert j.list_patients() == []


def test_the_table_dump_of_a_backup_round_trips_with_history_and_acknowledgements(
        journal_with_history: Journal, tmp_path: Path) -> None:
    """What a shared backup carries beside its document, on either engine: loaded into an empty
    journal it gives the same records, revisions and acknowledgements, ids included."""
    from journal.storage.transfer import DumpError, dump_tables, load_tables

    source = journal_with_history
    pid = source.list_patients()[0].id
    with source.store.read() as tx:
        dump = json.loads(json.dumps(dump_tables(tx.s)))  # as written to the file and read back
    with Journal.open(tmp_path / "back.sqlite3", FixedClock(NOW)) as back:
        load_tables(back.store.engine, dump)
        back._settings = back._zone = None
        assert back.export_document() == source.export_document()
        assert back.revisions(pid) == source.revisions(pid)
        assert back.acknowledgements(pid) == source.acknowledgements(pid)
        with pytest.raises(Exception, match="already holds people"):  # never into a journal with people
            load_tables(back.store.engine, dump)
    with Journal.open(tmp_path / "other.sqlite3", FixedClock(NOW)) as other:
        for bad in ({**dump, "schema": "0001_initial"}, {**dump, "tables": {"invoices": {}}}, []):
            with pytest.raises(DumpError):
                load_tables(other.store.engine, bad)
        assert other.list_patients() == []


@pytest.fixture
def journal_with_history(journal: Journal) -> Journal:
    """A journal with a dose, a correction, a removal and an acknowledged alert."""
    pid, mid = _robin(journal)
    first = journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(hours=30),
                                       scheduled=NOW - timedelta(hours=30), by="Ana"))
    journal.correct("dose", first.record_id, {"note": "with food"}, by="Ana", reason="forgot the note")
    extra = journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(hours=3), by="Ben"))
    journal.remove("dose", extra.record_id, by="Ben", reason="logged twice")
    alerts = journal.check(patient_id=pid)
    assert alerts, "the gap since the last dose raises an alert"
    journal.acknowledge(alerts[0], "called the clinic", by="Ana")
    return journal


# --- two caregivers, one slot (both engines) ------------------------------------------------------

SLOT = NOW.replace(hour=8, minute=0)


def _give_now(db: str, by: str, at_minute: int, go: Any, results: Any) -> None:
    """One caregiver's window pressing "Given now" for the 08:00 dose, in its own process."""
    from journal.services.errors import AlreadyGiven

    j = Journal.open(db, FixedClock(SLOT.replace(minute=at_minute)))
    try:
        pid = j.list_patients()[0].id
        mid = j.list_medications(pid)[0].id
        dose = Dose(mid, DoseStatus.TAKEN, scheduled=SLOT, given=SLOT.replace(minute=at_minute), by=by)
        go.wait()
        try:
            j.log_dose(pid, dose, claim_slot=True)
            results.put((by, "saved"))
        except AlreadyGiven as e:
            results.put((by, str(e)))
    finally:
        j.close()


def _doses(j: Journal, pid: int) -> list[Dose]:
    return list(j.history(pid, NOW - timedelta(days=2), NOW).doses)


def test_two_caregivers_pressing_given_now_at_once_store_one_dose(journal: Journal, journal_path: Any) -> None:
    import multiprocessing

    pid, mid = _robin(journal)
    journal.close()
    mp = multiprocessing.get_context("spawn")
    go, results = mp.Event(), mp.Queue()
    workers = [mp.Process(target=_give_now, args=(str(journal_path), who, 1, go, results)) for who in ("Ana", "Ben")]
    for w in workers:
        w.start()
    go.set()
    got = dict(results.get(timeout=60) for _ in workers)
    for w in workers:
        w.join(60)
    saved = [who for who, what in got.items() if what == "saved"]
    assert len(saved) == 1, got
    loser = next(who for who in got if who not in saved)
    assert f"already given by {saved[0]} at 08:01" in got[loser] and "nothing was saved" in got[loser]
    with Journal.open(journal_path, FixedClock(NOW)) as j:
        doses = [d for d in _doses(j, pid) if d.scheduled == SLOT]
        assert [d.by for d in doses] == saved


def test_given_now_after_a_dose_logged_earlier_is_refused_and_a_removed_one_frees_the_slot(journal: Journal) -> None:
    from journal.services.errors import AlreadyGiven

    pid, mid = _robin(journal)
    first = journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=SLOT, given=SLOT.replace(minute=1), by="Ana"),
                             claim_slot=True)
    with pytest.raises(AlreadyGiven, match="already given by Ana at 08:01"):
        journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=SLOT, given=SLOT.replace(minute=20), by="Ben"),
                         claim_slot=True)
    assert len([d for d in _doses(journal, pid) if d.scheduled == SLOT]) == 1
    journal.remove("dose", first.record_id, by="Ana", reason="wrong person's tablets")
    journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=SLOT, given=SLOT.replace(minute=30), by="Ben"),
                     claim_slot=True)
    assert [d.by for d in _doses(journal, pid) if d.scheduled == SLOT] == ["Ben"]


def test_a_separate_extra_dose_is_stored_and_still_raises_double_dose(journal: Journal) -> None:
    pid, mid = _robin(journal)
    journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, scheduled=SLOT, given=SLOT.replace(minute=1), by="Ana"),
                     claim_slot=True)
    extra = journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=SLOT.replace(minute=40), by="Ben"))
    assert extra.record_id is not None
    assert "double-dose" in {a.rule for a in extra.alerts}


# --- who did what (PostgreSQL grants) ------------------------------------------------------------


@needs_pg
def test_init_grant_and_a_viewer_cannot_write(pg: PgDatabases, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = pg.create()
    url = pg.url(name)
    assert cli(url, "init") == 0
    assert f"{name}_caregiver" in capsys.readouterr().out
    with Journal.open(url, FixedClock(NOW)) as owner:
        pid, mid = _robin(owner)
    ana, doc = f"ana_{name}", f"drlee_{name}"
    assert cli(url, "grant", ana, "--access", "caregiver", "--person", "Ana Silva") == 0
    assert cli(url, "grant", doc, "--access", "viewer", "--person", "Dr Lee") == 0
    as_ana = make_url(url).set(username=ana).render_as_string(hide_password=False)
    as_doc = make_url(url).set(username=doc).render_as_string(hide_password=False)
    capsys.readouterr()
    try:
        # The caregiver writes, signed with her name by default.
        assert cli(as_ana, "log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets",
                   "--at", "2026-10-01T11:00:00-05:00") == 0
        with Journal.open(as_ana, FixedClock(NOW)) as j:
            assert [d.by for d in _doses(j, pid)] == ["Ana Silva"]
        # The viewer reads, and cannot write, through the app or around it.
        assert cli(as_doc, "check") == 0
        capsys.readouterr()
        assert cli(as_doc, "log-dose", "--patient", "Robin Shaw", "--medication", "Baclofen 10 mg tablets",
                   "--at", "2026-10-01T11:30:00-05:00") == 1
        assert "read-only" in capsys.readouterr().err
        engine = create_engine(as_doc.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as c, pytest.raises(Exception, match="permission denied"):
            c.execute(text("UPDATE doses SET note = 'x'"))
        engine.dispose()
        with Journal.open(url, FixedClock(NOW)) as j:
            assert len(_doses(j, pid)) == 1
    finally:
        pg.drop(name)
        with pg.admin.connect() as c:
            for role in (ana, doc, f"{name}_caregiver", f"{name}_viewer"):
                c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@needs_pg
def test_grant_refuses_a_role_name_postgresql_would_mangle(pg: PgDatabases,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = pg.url(pg.create())
    assert cli(url, "init") == 0
    assert cli(url, "grant", "Ana; DROP", "--access", "viewer", "--person", "Ana") == 2
    assert "ROLE" in capsys.readouterr().err


@needs_pg
def test_a_shared_journal_from_a_newer_version_is_refused_untouched(pg: PgDatabases) -> None:
    from sqlalchemy import create_engine, text

    url = pg.empty_journal(None)
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(JournalFileError, match="newer version"):
        Journal.open(url, FixedClock(NOW))
    with engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
    engine.dispose()


@needs_pg
def test_a_dose_for_a_missing_person_is_refused_by_the_shared_database(pg: PgDatabases) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import IntegrityError

    url = pg.empty_journal(None)
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c, pytest.raises(IntegrityError):
        c.execute(text("INSERT INTO notes (patient_id, at, text, for_doctor, removed) "
                       "VALUES (999, '2026-01-01 00:00:00.000000', 'x', false, false)"))
    engine.dispose()


@needs_pg
def test_a_shared_journal_with_an_invalid_index_is_refused_as_damaged(pg: PgDatabases) -> None:
    from sqlalchemy import create_engine, text

    url = pg.empty_journal(None)
    with Journal.open(url, FixedClock(NOW)):
        pass  # opens: nothing wrong yet
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c:  # what a failed CREATE INDEX CONCURRENTLY leaves behind
        c.execute(text("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_doses_patient_at'::regclass"))
    engine.dispose()
    with pytest.raises(JournalFileError, match="damaged.*ix_doses_patient_at"):
        Journal.open(url, FixedClock(NOW))


@needs_pg
def test_the_window_on_a_shared_journal_shows_another_caregivers_entry(qtbot: Any, pg: PgDatabases) -> None:
    from journal.ui.shell.main_window import build_window

    url = pg.empty_journal(None)
    clock = FixedClock(NOW)
    journal = Journal.open(url, clock)
    try:
        w = build_window(journal, clock, tray_available=False, watch_ms=60_000)
        qtbot.addWidget(w)
        w.show()
        qtbot.wait(50)
        w.session.check_for_outside_changes()  # watching from the state shown
        with Journal.open(url, clock) as other:  # Ben's computer
            other.add_patient(Patient("Jamie Fox"))
        assert w.session.check_for_outside_changes() is True
        assert w.person.findText("Jamie Fox") >= 0
        assert w.session.check_for_outside_changes() is False
    finally:
        journal.close()


@needs_pg
def test_another_caregivers_write_is_still_reported_after_our_own(pg: PgDatabases) -> None:
    url = pg.empty_journal(None)
    with Journal.open(url, FixedClock(NOW)) as window, Journal.open(url, FixedClock(NOW)) as other:
        assert window.changed_elsewhere() is False
        other.add_patient(Patient("Jamie Fox"))
        window.add_patient(Patient("Alex Kim"))  # saved in the window before its next poll
        assert window.changed_elsewhere() is True
        assert window.changed_elsewhere() is False


# --- passwords: from the keyring or ~/.pgpass, never stored, never shown -------------------------


def test_a_password_comes_from_the_keyring_in_memory_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from journal.storage.engines import PostgresEngine

    asked: list[tuple[str, str]] = []
    fake = types.ModuleType("keyring")
    fake.get_password = lambda service, name: asked.append((service, name)) or "s3cret"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    target = PostgresEngine("postgresql://ana@db.example:5433/carejournal?sslmode=require")
    url = target.sqlalchemy_url()
    assert asked == [("carejournal", "ana@db.example:5433")]
    assert url.password == "s3cret" and url.query["sslmode"] == "require"  # TLS options pass through
    assert "s3cret" not in target.where and "s3cret" not in str(url)


def test_without_a_keyring_libpq_reads_pgpass_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from journal.storage.engines import PostgresEngine

    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    assert PostgresEngine("postgresql://ana@db.example/carejournal").sqlalchemy_url().password is None


def test_a_password_written_in_the_url_is_never_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("postgresql://ana:hunter2@127.0.0.1:1/carejournal", "check") == 1
    err = capsys.readouterr().err
    assert "hunter2" not in err and "cannot connect" in err


@needs_pg
def test_the_window_keeps_daily_local_copies_of_a_shared_journal(pg: PgDatabases, tmp_path: Path) -> None:
    from journal.services.shared_backups import KEEP, SharedBackups

    url = pg.empty_journal(None)
    clock = FixedClock(NOW)
    with Journal.open(url, clock) as j:
        _robin(j)
        backups = SharedBackups(j, clock, tmp_path / "copies")
        first = backups.at_start()
        assert first is not None
        copy = json.loads(first.read_text(encoding="utf-8"))
        assert copy.pop(BACKUP_TABLES)["tables"]["patients"]["rows"]  # the history travels with it
        assert copy == j.export_document()
        assert (tmp_path / "copies").stat().st_mode & 0o077 == 0
        clock.set(NOW + timedelta(hours=23, minutes=59))  # not a day yet
        assert backups.if_due() is None
        for day in range(1, KEEP + 3):
            clock.set(NOW + timedelta(days=day))
            assert backups.if_due() is not None
        kept = backups.copies()
        assert len(kept) == KEEP and kept[-1][0] == NOW + timedelta(days=KEEP + 2)


@needs_pg
def test_a_dry_run_import_on_a_shared_journal_previews_against_what_it_holds(
        pg: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`import --dry-run` on a shared journal compares with the journal on the server (not with an
    empty one), says what the real import then says, and leaves the server's journal as it was."""
    from tests.conftest import minimal_document

    url = pg.url(pg.create())
    first = tmp_path / "first.json"
    first.write_text(json.dumps(minimal_document()))
    assert cli(url, "import", str(first)) == 0
    doc = minimal_document()
    doc["patients"][0]["doses"].append({"medication": "bac", "scheduled": "2026-10-01T08:00",
                                        "given": "2026-10-01T08:05", "status": "taken"})
    more = tmp_path / "more.json"
    more.write_text(json.dumps(doc))
    with Journal.open(url, FixedClock(NOW)) as shared:
        before = shared.export_document()
    capsys.readouterr()
    assert cli(url, "import", "--dry-run", str(more)) == 0
    preview = capsys.readouterr().out.splitlines()
    assert preview[0] == "Would add 1 dose; 11 already in the journal. Nothing was written (--dry-run)."
    with Journal.open(url, FixedClock(NOW)) as shared:
        assert shared.export_document() == before
    assert cli(url, "import", str(more)) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Added 1 dose; 11 already in the journal."
