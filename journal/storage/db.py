"""Opening a journal file: recognise it, refuse what we must not touch, migrate, connect.

A file is only ever modified after it has been recognised as a CareJournal journal (or is new
or empty) and its schema revision is one this version knows. Before a schema upgrade of a file
that holds data, a backup copy is written next to it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .backups import backup_file, create_private, read_only_uri
from .lock import write_lock
from .models import APP_NAME, APPLICATION_ID
from .schema import SchemaEntry, differences, expected_schema, schema_of


def _migrations_dir() -> Path:
    """The Alembic scripts, found as package data through importlib.resources (so an installed
    wheel and a frozen bundle, whose files are unpacked to a folder, find them too)."""
    from importlib.resources import files

    return Path(str(files("journal.storage.migrations")))


MIGRATIONS = _migrations_dir()
SQLITE_HEADER = b"SQLite format 3\x00"


class StorageFileError(Exception):
    """The file is not a journal, is damaged, or was written by a newer version.
    The services turn this into `JournalFileError`."""


@dataclass(frozen=True)
class FileState:
    exists: bool
    has_tables: bool
    revision: str | None
    is_journal: bool
    schema: frozenset[SchemaEntry] = frozenset()


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@functools.lru_cache(maxsize=1)
def known_revisions() -> tuple[frozenset[str], str]:
    """All schema revisions this version knows, and the newest (head), read from the migration
    files' `revision` / `down_revision` lines. Alembic itself (about 0.1 s to import) is loaded
    only when a file really needs upgrading; a test checks this agrees with Alembic's own view."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = {m.group(1): m.group(2) for m in _REVISION_LINE.finditer(f.read_text(encoding="utf-8"))}
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the schema migrations must have exactly one head, found {sorted(heads)}")
    return frozenset(revisions), heads.pop()


# --- when to read the whole file ------------------------------------------------------------------
#
# `PRAGMA quick_check` reads every page: about 0.5 s for ten years of 50 people (405 MB), on every
# open. It runs only when one of these reasons holds (`full_check_reason` names it):
# - the file is small (under SMALL_FILE_BYTES): the check costs a few milliseconds, so always;
# - a write-ahead log is left next to it: the last program to write did not close it (an unclean
#   shutdown, or another program has it open right now);
# - CareJournal has no record, on this computer, of closing this file: a copy, a restore, a file
#   made elsewhere;
# - the file is not as CareJournal left it (size, modification time, inode or change time differ):
#   something else wrote to it, for instance a disk error repaired by a file tool or a sync program;
# - its last full check was not today (the clock's date): pages can rot on a disk nobody writes.
# Backups are checked in full on their own (`journal.services.backups.check_backup`), so a copy
# taken from a damaged file is never kept as good.
SMALL_FILE_BYTES = 16 * 1024 * 1024
_RECORDS_KEPT = 20


def _records_file() -> Path:
    """Where this computer's records of cleanly closed journals live (never next to the journal)."""
    folder = os.environ.get("CAREJOURNAL_STATE_DIR")
    if not folder:
        from platformdirs import user_state_dir

        folder = user_state_dir("CareJournal", appauthor=False)
    return Path(folder) / "verified-journals.json"


def _read_records() -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(_records_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_records(records: dict[str, dict[str, Any]]) -> None:
    target = _records_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # without a record the next open checks the whole file: slower, never less safe


def _fingerprint(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


def full_check_reason(path: Path, today: date) -> str | None:
    """Why the whole of `path` must be read (`PRAGMA quick_check`) before it is used, in plain
    words, or None when CareJournal closed it cleanly, it is unchanged since and was fully checked
    today. See the list of reasons above."""
    if path.stat().st_size < SMALL_FILE_BYTES:
        return "a small file (checked every time)"
    if path.with_name(path.name + "-wal").exists():
        return "a write-ahead log was left (an unclean shutdown, or another program has it open)"
    record = _read_records().get(str(path.resolve()))
    if record is None:
        return "no record of CareJournal closing this file on this computer"
    if record.get("closed") != _fingerprint(path):
        return "the file changed since CareJournal closed it"
    if record.get("checked_on") != today.isoformat():
        return "its last full check was not today"
    return None


def note_full_check(path: Path, today: date) -> None:
    """Write down that `path` was fully checked today (its close still has to be recorded)."""
    records = _read_records()
    key = str(Path(path).resolve())
    records[key] = {"checked_on": today.isoformat(), "closed": None}
    _write_records(records)


def note_clean_close(path: Path) -> None:
    """Called after the last connection to `path` closed: remember how the file was left, so the
    next open can skip the whole-file read if nothing else touched it. A file with a write-ahead
    log left (another program still has it open) is not recorded."""
    path = Path(path)
    if not path.exists() or path.with_name(path.name + "-wal").exists():
        return
    records = _read_records()
    key = str(path.resolve())
    record = records.get(key)
    if record is None or not record.get("checked_on"):
        return  # never fully checked by us: the next open checks it
    record["closed"] = _fingerprint(path)
    records.pop(key)
    records[key] = record  # newest last; keep only the most recent few
    _write_records(dict(list(records.items())[-_RECORDS_KEPT:]))


def inspect_file(path: Path, today: date | None = None) -> FileState:
    """Look at a file read-only and say what it is. Raises StorageFileError for files that are
    not SQLite databases or are damaged. With `today`, the whole file is read only when
    `full_check_reason` gives a reason (and then noted as checked); without it, always."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists(), has_tables=False, revision=None, is_journal=False)
    with path.open("rb") as f:
        header = f.read(16)
    if header != SQLITE_HEADER:
        raise StorageFileError(f"{path} is not a CareJournal journal (it is not a SQLite database file)")
    uri = read_only_uri(path)
    if not path.with_name(path.name + "-wal").exists():
        # Nothing pending in a write-ahead log: read the file as it is, without creating the
        # -wal/-shm files a WAL-mode database would otherwise get even for a read.
        uri += "&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as e:
        raise StorageFileError(f"{path} cannot be opened: {e}") from e
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        schema = schema_of(con)
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        reason = "asked" if today is None else full_check_reason(path, today) if tables else None
        if tables and reason:
            # Damage past the first pages only shows when the data is read: look now rather
            # than fail in the middle of use (the reasons are listed above full_check_reason).
            problems = [str(r[0]) for r in con.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                detail = " ".join(problems[0].split())[:120]
                raise StorageFileError(
                    f"{path} is damaged and was left untouched; restore a backup with: "
                    f"carejournal restore FILE (SQLite found: {detail})"
                )
        if tables and reason and today is not None:
            note_full_check(path, today)
        marked = False
        if "meta" in tables:
            row = con.execute("SELECT value FROM meta WHERE key='app'").fetchone()
            marked = bool(row and row[0] == APP_NAME)
    except sqlite3.DatabaseError as e:
        raise StorageFileError(f"{path} is damaged or not a journal: {e}") from e
    finally:
        con.close()
    return FileState(
        exists=True,
        has_tables=bool(tables),
        revision=revision,
        is_journal=app_id == APPLICATION_ID or marked,
        schema=schema,
    )


def check_openable(path: Path, today: date | None = None) -> FileState:
    """Refuse (StorageFileError) a file we must not open; never modifies it. `today`: see
    `inspect_file` (without it the whole file is always read)."""
    state = inspect_file(path, today)
    if not state.has_tables:
        return state
    if not state.is_journal:
        raise StorageFileError(
            f"{path} is a database but not a CareJournal journal; it was left untouched"
        )
    known, _head = known_revisions()
    if state.revision is None or state.revision not in known:
        raise StorageFileError(
            f"{path} was written by a newer version of CareJournal (schema {state.revision or 'unknown'}); "
            "please update CareJournal to open it. The file was left untouched."
        )
    # Exactly the journal's schema, nothing more: an extra trigger or view runs code of its own
    # on every entry (a seizure stored as "itching", a dose log deleting every earlier dose).
    found = differences(state.schema, expected_schema(state.revision))
    if found:
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        raise StorageFileError(
            f"{path} is not a CareJournal journal as this version makes them: it has {shown}. "
            "It could change or delete entries, so it was refused and left untouched."
        )
    return state


def open_engine(target: Path | str, now: datetime) -> Any:
    """Create or upgrade the journal at `target` (a file path, or a PostgreSQL URL: see
    engines.py) and return a SQLAlchemy engine for it. Raises StorageFileError for a file or
    database that is not a journal, is damaged or comes from a newer version."""
    from .engines import engine_for

    return engine_for(target).open(now)


def open_sqlite(path: Path, now: datetime) -> Any:
    """Create or upgrade the journal file at `path` and return a SQLAlchemy engine for it."""
    from sqlalchemy import create_engine, event

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = check_openable(path, now.date())
    if not state.exists:
        with contextlib.suppress(FileExistsError):
            create_private(path)
    _known, head = known_revisions()
    if state.has_tables and state.revision != head:
        stamp = now.strftime("%Y%m%dT%H%M%S")
        backup_file(path, path.with_name(f"{path.name}.before-upgrade-{state.revision}-{stamp}"))

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, start transactions (the "begin" hook below),
        # so schema changes are transactional too: a migration cut short leaves nothing behind.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    if state.revision != head:
        with write_lock(path):  # not while a restore replaces the file
            _upgrade(engine)
    return engine


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _upgrade(engine: Any) -> None:
    with engine.begin() as conn:
        migrate(conn, "head")
        finish_new_journal(conn)


def migrate(conn: Any, revision: str) -> None:
    """Run the Alembic migrations on `conn` (in its transaction) up to `revision`."""
    from alembic import command

    cfg = _alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def finish_new_journal(conn: Any) -> None:
    """Mark the database as a CareJournal journal (the meta row; on SQLite the application id,
    on PostgreSQL the triggers that tell other windows about each write)."""
    from sqlalchemy import text

    if conn.dialect.name == "sqlite":
        conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
    else:
        _install_notify(conn)
    conn.execute(
        text("INSERT INTO meta(key, value) VALUES ('app', :app) ON CONFLICT(key) DO NOTHING"),
        {"app": APP_NAME},
    )


def open_read_only_engine(path: Path) -> Any:
    """An engine that only reads the journal at `path`, for a file on read-only media (a CD, a
    write-protected stick) that `open_engine` cannot open: SQLite's `immutable` mode reads it
    without the -wal/-shm files it could not make. Every write through it fails with SQLite's
    "attempt to write a readonly database". Raises StorageFileError for a file that is not a
    current journal (one needing an upgrade cannot be upgraded there)."""
    from sqlalchemy import create_engine, event

    path = Path(path)
    state = check_openable(path)
    _known, head = known_revisions()
    if not state.has_tables or state.revision != head:
        raise StorageFileError(
            f"{path} cannot be written there (read-only media?) and is not a journal of this version, so "
            "it cannot be opened read-only; copy it to a folder you can write to and open the copy"
        )
    uri = read_only_uri(path) + "&immutable=1"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


# --- PostgreSQL ---------------------------------------------------------------------------------


def _install_notify(conn: Any) -> None:
    """Every committed change to a journal table NOTIFYs the other windows (one notification per
    statement, merged by PostgreSQL into one per transaction), with the writer's token as payload."""
    from sqlalchemy import text

    from .engines import NOTIFY_CHANNEL, WRITER_SETTING
    from .models import Base

    conn.execute(text(
        "CREATE OR REPLACE FUNCTION carejournal_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{NOTIFY_CHANNEL}', coalesce(current_setting('{WRITER_SETTING}', true), '')); "
        "RETURN NULL; END $$"))
    for table in Base.metadata.sorted_tables:
        conn.execute(text(f"DROP TRIGGER IF EXISTS carejournal_notify ON {table.name}"))
        conn.execute(text(
            f"CREATE TRIGGER carejournal_notify AFTER INSERT OR UPDATE OR DELETE ON {table.name} "
            "FOR EACH STATEMENT EXECUTE FUNCTION carejournal_notify()"))


def inspect_database(conn: Any) -> FileState:
    """What a PostgreSQL database holds: nothing yet, a journal (and its schema revision), or
    something else. Read-only."""
    from sqlalchemy import text

    tables = {r[0] for r in conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))}
    revision = None
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    marked = False
    if "meta" in tables:
        marked = conn.execute(text("SELECT value FROM meta WHERE key = 'app'")).scalar() == APP_NAME
    return FileState(exists=True, has_tables=bool(tables), revision=revision, is_journal=marked)


def integrity_problems(conn: Any) -> list[str]:
    """The checks PostgreSQL has: indexes of the journal's tables left invalid (a failed
    concurrent build, say) and, where the amcheck extension is installed, each B-tree index
    checked against its table. An empty list means none found."""
    from sqlalchemy import text

    problems = [
        f"index {r[0]} is invalid" for r in conn.execute(text(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)"))
    ]
    has_amcheck = conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).first()
    if has_amcheck:
        for (index,) in conn.execute(text(
                "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
                "WHERE n.nspname = current_schema() AND a.amname = 'btree'")).fetchall():
            try:
                with conn.begin_nested():
                    conn.execute(text("SELECT bt_index_check(CAST(:i AS regclass), true)"), {"i": index})
            except Exception as e:  # noqa: BLE001 - amcheck reports damage as an error
                problems.append(f"index {index}: {getattr(e, 'orig', e)}")
    return problems


def open_postgres(target: Any, now: datetime) -> Any:
    """Open (creating or upgrading the schema when the connected role may) the shared journal in
    the database `target.url` names. Refuses (StorageFileError) a database holding other tables,
    a journal from a newer version, or one with damaged indexes; never modifies those."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    where = target.where
    engine = target.create()
    try:
        with engine.connect() as conn:
            state = inspect_database(conn)
            problems = integrity_problems(conn) if state.has_tables else []
            conn.rollback()
    except OperationalError as e:
        engine.dispose()
        raise StorageFileError(f"cannot connect to the shared journal {where}: {_first_line(e)}") from None
    if state.has_tables and not state.is_journal:
        engine.dispose()
        raise StorageFileError(f"the database {where} is not a CareJournal journal; it was left untouched")
    known, head = known_revisions()
    if state.has_tables and (state.revision is None or state.revision not in known):
        engine.dispose()
        raise StorageFileError(
            f"the shared journal {where} was written by a newer version of CareJournal "
            f"(schema {state.revision or 'unknown'}); please update CareJournal to open it. "
            "It was left untouched.")
    if problems:
        engine.dispose()
        raise StorageFileError(
            f"the shared journal {where} is damaged and was left untouched ({'; '.join(problems[:3])}); "
            "ask whoever runs the server to restore it, or restore a backup into an empty one")
    if state.revision != head:
        try:
            _upgrade(engine)
        except ProgrammingError as e:
            engine.dispose()
            raise StorageFileError(
                f"the shared journal {where} needs setting up or upgrading, which the role "
                f"{engine.url.username} may not do: run `carejournal --db URL init` as its owner "
                f"({_first_line(e)})") from None
    return engine


def _first_line(e: Exception) -> str:
    return str(getattr(e, "orig", e)).strip().splitlines()[0] if str(getattr(e, "orig", e)).strip() else type(e).__name__
