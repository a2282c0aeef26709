"""What differs between the two database engines a journal can live in, behind one small interface.

A journal on one computer is a SQLite file; a journal shared by a care team lives on a PostgreSQL
server (`postgresql://USER@HOST[:PORT]/NAME?sslmode=...`). The models, migrations, services and
rules are the same on both; only these things differ, and only here:

| what                      | SQLite (`SqliteEngine`)                 | PostgreSQL (`PostgresEngine`)            |
|---------------------------|-----------------------------------------|------------------------------------------|
| open, recognise, upgrade  | file header, application_id, pragmas    | the `meta` table, Alembic in one DDL tx  |
| outside-write watch       | `PRAGMA data_version` on its own link   | `LISTEN carejournal` (a trigger NOTIFYs) |
| integrity at open         | `PRAGMA quick_check` (db.inspect_file)  | invalid indexes, amcheck when installed  |
| consistent backup         | SQLite's backup API (backups.py)        | the exchange format, one REPEATABLE READ |
|                           |                                         | transaction (services/journal.py)        |

The password of a shared journal is never stored by CareJournal: libpq reads `~/.pgpass` (or
`PGPASSFILE`) itself, and a password kept in the system keyring (service "carejournal", the URL's
user@host:port as the name) or typed into the window for one run (`use_typed_password`) is passed
to the connection in memory only.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
NOTIFY_CHANNEL = "carejournal"
# Set on every connection of one open journal; the trigger sends it, so a window can tell its own
# writes from another caregiver's.
WRITER_SETTING = "carejournal.writer"
_WRITERS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def is_database_url(target: str | Path) -> bool:
    """True for a PostgreSQL URL (a shared journal), False for a file path."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_SCHEMES)


def redact(url: str) -> str:
    """The URL with any password replaced by ***, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL too broken to parse is shown without its user part
        return url.split("@")[-1]


class Watch(Protocol):
    """A number that changes when another program commits to the journal."""

    def version(self) -> int: ...

    def close(self) -> None: ...


class WatchError(Exception):
    """The watch could not look (the file or server is unreachable for a moment)."""


# --- SQLite ----------------------------------------------------------------------------------


class _SqliteWatch:
    def __init__(self, path: str) -> None:
        import sqlite3

        self._con = sqlite3.connect(path, timeout=5.0, check_same_thread=False)

    def version(self) -> int:
        import sqlite3

        try:
            return int(self._con.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as e:
            raise WatchError(str(e)) from e

    def close(self) -> None:
        self._con.close()


@dataclass(frozen=True)
class SqliteEngine:
    """A journal file on this computer."""

    path: Path
    shared = False
    name = "sqlite"

    @property
    def where(self) -> str:
        return str(self.path)

    def open(self, now: datetime) -> Any:
        from .db import open_sqlite

        return open_sqlite(self.path, now)

    def closed(self) -> None:
        """The last connection closed: remember how the file was left, so the next open need not
        read the whole file (db.note_clean_close)."""
        from .db import note_clean_close

        note_clean_close(self.path)

    def watch(self, engine: Any) -> Watch:
        return _SqliteWatch(str(engine.url.database))


# --- PostgreSQL ------------------------------------------------------------------------------


class _PostgresWatch:
    """LISTEN on a connection of its own; `version()` counts the notifications from other
    writers received so far (a cheap round trip collects the pending ones)."""

    def __init__(self, engine: Any, token: str) -> None:
        self._token = token
        self._count = 0
        self._lock = threading.Lock()
        self._raw = engine.raw_connection()
        self._con = self._raw.driver_connection
        self._con.autocommit = True
        self._con.add_notify_handler(self._notified)
        self._con.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def _notified(self, n: Any) -> None:
        if n.payload != self._token:
            with self._lock:
                self._count += 1

    def version(self) -> int:
        import psycopg

        try:
            self._con.execute("SELECT 1")  # delivers the notifications that arrived meanwhile
        except psycopg.Error as e:
            raise WatchError(str(e)) from e
        with self._lock:
            return self._count

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._con.execute(f"UNLISTEN {NOTIFY_CHANNEL}")
        with contextlib.suppress(Exception):
            self._raw.invalidate()  # not back into the pool: it has a listener attached


KEYRING_SERVICE = "carejournal"
DEFAULT_PORT = 5432
# libpq waits for an unreachable server as long as the system lets it (minutes); a window that
# opens a shared journal says "cannot connect" after this many seconds instead. Our own number.
CONNECT_TIMEOUT_S = 10
# Passwords typed into the window for this run only (never written anywhere), by keyring_account.
_TYPED_PASSWORDS: dict[str, str] = {}


def keyring_account(user: str | None, host: str | None, port: int | None) -> str:
    """The name a server's password is kept under in the keyring: "user@host:port"."""
    return f"{user}@{host}:{port or DEFAULT_PORT}"


def keyring_password(url: Any) -> str | None:
    """The password the user keeps in the system keyring for this server, if the optional
    `keyring` package is installed and has one (service "carejournal", name "user@host:port")."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, keyring_account(url.username, url.host, url.port))
        return found if isinstance(found, str) else None
    except Exception:  # noqa: BLE001 - no keyring backend: libpq's ~/.pgpass is still read
        return None


def use_typed_password(url: str, password: str | None) -> None:
    """Connections to this URL's server as its user use `password` until the program ends (held in
    memory only; None forgets it). For a password typed into the window and not remembered."""
    from sqlalchemy.engine import make_url

    u = make_url(url.strip())
    account = keyring_account(u.username, u.host, u.port)
    if password:
        _TYPED_PASSWORDS[account] = password
    else:
        _TYPED_PASSWORDS.pop(account, None)


def without_password(url: str) -> str:
    """The URL as it may be written down: any password taken out (not masked)."""
    from sqlalchemy.engine import make_url

    return make_url(url.strip())._replace(password=None).render_as_string(hide_password=False)


@dataclass(frozen=True)
class PostgresEngine:
    """A journal shared by a care team on a PostgreSQL server."""

    url: str
    shared = True
    name = "postgresql"

    @property
    def where(self) -> str:
        return redact(self.url)

    def sqlalchemy_url(self) -> Any:
        from sqlalchemy.engine import make_url

        u = make_url(self.url.strip())
        u = u.set(drivername="postgresql+psycopg")
        if u.password is None:  # typed in the window for this run, else the keyring, else ~/.pgpass
            pw = _TYPED_PASSWORDS.get(keyring_account(u.username, u.host, u.port)) or keyring_password(u)
            if pw is not None:
                u = u.set(password=pw)
        if "connect_timeout" not in u.query:
            u = u.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
        return u

    def open(self, now: datetime) -> Any:
        from .db import open_postgres

        return open_postgres(self, now)

    def closed(self) -> None:
        """Nothing to remember: the server looks after its own files."""

    def create(self) -> Any:
        """A SQLAlchemy engine whose connections carry this open journal's writer token."""
        from sqlalchemy import create_engine, event

        token = secrets.token_hex(8)
        engine = create_engine(self.sqlalchemy_url(), pool_pre_ping=True)
        _WRITERS[engine] = token

        @event.listens_for(engine, "connect")
        def _writer(dbapi_connection: Any, _record: Any) -> None:
            autocommit = dbapi_connection.autocommit
            dbapi_connection.autocommit = True
            dbapi_connection.execute(f"SET {WRITER_SETTING} = '{token}'")
            dbapi_connection.autocommit = autocommit

        return engine

    def watch(self, engine: Any) -> Watch:
        return _PostgresWatch(engine, _WRITERS.get(engine, ""))


def backend_of(engine: Any) -> SqliteEngine | PostgresEngine:
    """The per-engine half for an open SQLAlchemy engine."""
    if engine.dialect.name == "sqlite":
        return SqliteEngine(Path(str(engine.url.database)))
    return PostgresEngine(engine.url.render_as_string(hide_password=False))


def engine_for(target: str | Path) -> SqliteEngine | PostgresEngine:
    """The engine a `--db` value names: a PostgreSQL URL, else a file path."""
    if is_database_url(target):
        return PostgresEngine(str(target).strip())
    return SqliteEngine(Path(target).expanduser())
