"""Who may do what in a shared journal, enforced by PostgreSQL's own grants.

Each shared journal (one database) has two group roles, named after the database:
`<db>_caregiver` reads and writes (INSERT and UPDATE: nothing in a journal is ever deleted, so
DELETE is granted to nobody) and `<db>_viewer` only reads (family, a doctor's office). Each person
logs in as a role of their own that is a member of one of them; `grant` makes it so. Passwords
are set by whoever runs the server (`\\password` in psql) and kept by each person in `~/.pgpass`
or the keyring: CareJournal never stores one.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text

from .models import Base

ACCESS = ("caregiver", "viewer")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_NEVER_WRITTEN_BY_CAREGIVERS = ("alembic_version", "meta")


class RoleError(ValueError):
    """A role name PostgreSQL would not take as written, or an unknown access level."""


def group_role(conn: Any, access: str) -> str:
    """The group role of this database for `access` ("caregiver" or "viewer")."""
    if access not in ACCESS:
        raise RoleError(f'"{access}" is not one of: {", ".join(ACCESS)}')
    db = conn.execute(text("SELECT current_database()")).scalar()
    return _quoted(f"{db}_{access}"[:63])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def setup_roles(conn: Any) -> list[str]:
    """Create (if missing) this database's two group roles and grant them what they may do on
    every journal table. Run by the database's owner after the schema is created or upgraded.
    Returns the two roles' names."""
    caregiver, viewer = group_role(conn, "caregiver"), group_role(conn, "viewer")
    db = conn.execute(text("SELECT current_database()")).scalar()
    for role in (caregiver, viewer):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role.strip('"')}).first()
        if not exists:
            conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{db}" TO {role}'))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {_schema(conn)} TO {role}"))
    tables = [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    for name in tables:
        conn.execute(text(f"GRANT SELECT ON {name} TO {viewer}, {caregiver}"))
        conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {name} FROM {viewer}"))
        if name not in _NEVER_WRITTEN_BY_CAREGIVERS:
            conn.execute(text(f"GRANT INSERT, UPDATE ON {name} TO {caregiver}"))
    conn.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {_schema(conn)} TO {caregiver}"))
    return [caregiver.strip('"'), viewer.strip('"')]


def _schema(conn: Any) -> str:
    return _quoted(str(conn.execute(text("SELECT current_schema()")).scalar()))


def grant(conn: Any, login: str, access: str) -> bool:
    """Make `login` (created as a login role without a password when missing) a member of this
    database's `access` group, and of no other group of it. Returns True when the role was new."""
    if not _NAME.match(login):
        raise RoleError(f'"{login}" is not a plain role name (lower-case letters, digits and _)')
    target = group_role(conn, access)
    new = not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    if new:
        conn.execute(text(f"CREATE ROLE {_quoted(login)} LOGIN"))
    for other in ACCESS:
        role = group_role(conn, other)
        if role != target:
            conn.execute(text(f"REVOKE {role} FROM {_quoted(login)}"))
    conn.execute(text(f"GRANT {target} TO {_quoted(login)}"))
    return new


def connected_role(conn: Any) -> str:
    """The role this connection logged in as."""
    return str(conn.execute(text("SELECT session_user")).scalar())
