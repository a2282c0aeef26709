"""Looking at a shared journal's server before using it (the window's "Test connection"): can this
computer reach it, log in, and what does the database hold. Reads only: unlike opening a journal,
a probe never creates or upgrades tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from .db import inspect_database, known_revisions
from .engines import PostgresEngine


class ProbeError(Exception):
    """The server could not be reached or refused the login; `str()` is the server's or libpq's
    first line (never the password)."""


@dataclass(frozen=True)
class ServerState:
    """What a probe found. `schema`: "empty" (no tables), "current", "older" (needs `init`),
    "newer" (from a later CareJournal) or "not-journal" (other tables). `can_read`/`can_write`:
    the connected role's rights on the journal's tables (False when there are none yet)."""

    role: str
    schema: str
    can_read: bool
    can_write: bool


def probe(url: str, password: str | None = None) -> ServerState:
    """Connect to the shared journal at `url` as its user (with `password` when given, else the
    keyring, a password typed earlier, or ~/.pgpass) and report what is there. Raises ProbeError
    when it cannot connect or log in."""
    target = PostgresEngine(url)
    u = target.sqlalchemy_url()
    if password:
        u = u.set(password=password)
    engine = create_engine(u)
    try:
        with engine.connect() as conn:
            state = inspect_database(conn)
            role = str(conn.execute(text("SELECT session_user")).scalar())
            can_read = can_write = False
            if state.has_tables and state.is_journal:
                row = conn.execute(text(
                    "SELECT has_table_privilege('doses', 'SELECT'), has_table_privilege('doses', 'INSERT')")).one()
                can_read, can_write = bool(row[0]), bool(row[1])
            conn.rollback()
    except DBAPIError as e:
        raise ProbeError(_first_line(e)) from None
    finally:
        engine.dispose()
    known, head = known_revisions()
    if not state.has_tables:
        schema = "empty"
    elif not state.is_journal:
        schema = "not-journal"
    elif state.revision is None or state.revision not in known:
        schema = "newer"
    elif state.revision != head:
        schema = "older"
    else:
        schema = "current"
    return ServerState(role=role, schema=schema, can_read=can_read, can_write=can_write)


def can_write(conn: Any) -> bool:
    """True when the connection's role may add entries to the journal (a caregiver or the owner),
    False for a viewer (PostgreSQL's grants decide; see roles.py)."""
    return bool(conn.execute(text("SELECT has_table_privilege('doses', 'INSERT')")).scalar())


def _first_line(e: BaseException) -> str:
    message = str(getattr(e, "orig", None) or e).strip()
    return message.splitlines()[0] if message else type(e).__name__
