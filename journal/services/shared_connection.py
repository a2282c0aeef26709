"""Connecting the window to a shared journal (a care team's PostgreSQL server): the details a person
types, the URL they make, the "Test connection" step in plain words, the password (the system
keyring when the person asks, else typed each time and held in memory), and which journal the app
opens at the next start.

The password is never written by CareJournal: not in the URL it remembers, not in a settings file,
not in a log. It comes from the keyring (optional `keyring` package: service "carejournal", name
"user@host:port"), from libpq's own `~/.pgpass`, or is typed and kept in memory for one run.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from journal.domain.i18n import N_, _
from journal.storage.engines import (
    DEFAULT_PORT,
    KEYRING_SERVICE,
    is_database_url,
    keyring_account,
    use_typed_password,
    without_password,
)

from .errors import ValidationError

# libpq's sslmode values (PostgreSQL manual, "SSL Support", table "SSL Mode Descriptions"), in the
# order the window lists them: the safest usable one first.
# The words are marked for the catalog; ssl_mode_words() gives them in the language in use.
SSL_MODES: dict[str, str] = {
    "require": N_("encrypted (recommended)"),
    "verify-full": N_("encrypted, and the server's certificate and name are checked"),
    "verify-ca": N_("encrypted, and the server's certificate is checked"),
    "prefer": N_("encrypted when the server offers it"),
    "allow": N_("unencrypted unless the server insists"),
    "disable": N_("not encrypted (only on this computer or a network you trust)"),
}
DEFAULT_SSL_MODE = "require"
# PostgreSQL cuts names longer than this (NAMEDATALEN - 1): a longer one would be another name.
MAX_NAME = 63
MAX_HOST = 253  # a DNS name's longest form (RFC 1035)
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$")
CHOICE_FILE = "journal.json"


def ssl_mode_words(mode: str) -> str:
    """What encryption mode `mode` (a key of SSL_MODES) means, in the language in use. Raises
    KeyError for a mode not in SSL_MODES."""
    return _(SSL_MODES[mode])


@dataclass(frozen=True)
class ServerDetails:
    """Where a shared journal is: server name or address, port, database, login, TLS mode."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = DEFAULT_SSL_MODE

    def url(self) -> str:
        """`postgresql://user@host:port/database?sslmode=...`, without any password."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"
                f"?sslmode={self.sslmode}")

    @property
    def account(self) -> str:
        """The keyring name of this login's password ("user@host:port")."""
        return keyring_account(self.user, self.host, self.port)

    @classmethod
    def from_url(cls, url: str) -> ServerDetails:
        """The details of a `postgresql://` URL (for showing the current shared journal)."""
        parts = urlsplit(url.strip())
        mode = parse_qs(parts.query).get("sslmode", [""])[0]
        return cls(host=parts.hostname or "", port=parts.port or DEFAULT_PORT,
                   database=unquote(parts.path.lstrip("/")), user=unquote(parts.username or ""),
                   sslmode=mode if mode in SSL_MODES else "prefer")  # libpq's default when none is given


def init_command(details: ServerDetails) -> str:
    """The command that sets up or upgrades the journal at `details` (run by whoever runs the
    server); a command, so the same in every language."""
    return " ".join(["carejournal", "--db", details.url(), "init"])


def details_from_fields(host: str, port: str, database: str, user: str, sslmode: str) -> ServerDetails:
    """The details as typed, checked. Raises ValidationError naming the field ("server", "port",
    "database", "login", "encryption") with what is wrong."""
    host = host.strip()
    if not host:
        raise ValidationError("server", _("enter the server's name or address (for example db.example.org)"))
    if not _valid_host(host):
        raise ValidationError("server", _('"{host}" is not a server name or address; use only the name '
                                          "(like db.example.org or 192.168.1.20), without postgresql:// or a port"
                                          ).format(host=host))
    text = port.strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValidationError("port", _('"{text}" is not a port; use a number from 1 to 65535 (usually {port})').format(
            text=text, port=DEFAULT_PORT))
    database = database.strip()
    if not database:
        raise ValidationError("database", _("enter the database's name (for example carejournal)"))
    if len(database.encode("utf-8")) > MAX_NAME:
        raise ValidationError("database", _("a database name is at most {n} characters").format(n=MAX_NAME))
    user = user.strip()
    if not user:
        raise ValidationError("login", _("enter your login on the server (the name you were given access with)"))
    if len(user.encode("utf-8")) > MAX_NAME:
        raise ValidationError("login", _("a login is at most {n} characters").format(n=MAX_NAME))
    if sslmode not in SSL_MODES:
        raise ValidationError("encryption", _('"{mode}" is not one of: {modes}').format(
            mode=sslmode, modes=", ".join(SSL_MODES)))
    return ServerDetails(host=host, port=int(text), database=database, user=user, sslmode=sslmode)


def _valid_host(host: str) -> bool:
    if len(host) > MAX_HOST:
        return False
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(host.strip("[]"))
        return True
    return bool(_HOST.match(host))


# --- testing a connection -----------------------------------------------------------------------


@dataclass(frozen=True)
class TestResult:
    """`ok`: the journal can be opened as it is. `access`: "caregiver" (reads and writes), "viewer"
    (reads only) or "" when not ok. `words`: what to tell the person. `field`: the field the
    problem is about ("server", "port", "database", "login", "password", "encryption") or ""."""

    __test__ = False  # not a pytest class

    ok: bool
    access: str
    words: str
    field: str = ""


def check_connection(details: ServerDetails, password: str | None = None) -> TestResult:
    """Connect once and say in words whether the journal can be used, and how. Never creates,
    upgrades or changes anything on the server."""
    from journal.storage.probe import ProbeError, probe

    try:
        state = probe(details.url(), password or None)
    except ProbeError as e:
        words, field = explain_failure(str(e), details, typed_password=bool(password))
        return TestResult(False, "", words, field)
    init = init_command(details)
    where = _("{database} on {host}").format(database=details.database, host=details.host)
    if state.schema == "empty":
        return TestResult(False, "", _("The database {where} has no journal yet. Ask whoever runs the server to "
                                       "set it up with: {command}").format(where=where, command=init), "database")
    if state.schema == "not-journal":
        return TestResult(False, "", _("The database {where} holds something else, not a CareJournal journal "
                                       "(nothing was changed). Check the database's name.").format(where=where),
                          "database")
    if state.schema == "newer":
        return TestResult(False, "", _("The journal in {where} was made by a newer version of CareJournal. "
                                       "Update CareJournal on this computer first.").format(where=where), "")
    if state.schema == "older":
        return TestResult(False, "", _("The journal in {where} was made by an earlier version of CareJournal and "
                                       "must be upgraded first. Ask whoever runs the server to run: {command}"
                                       ).format(where=where, command=init), "")
    # The command's own words stay as the program reads them; only the name to put in is translated.
    grant = 'carejournal --db {url} grant {user} --access caregiver --person "{name}"'.format(
        url=details.url(), user=details.user, name=_("Your name"))
    if not state.can_read:
        return TestResult(False, "", _("Your login {user} has no access to this journal yet. Ask whoever "
                                       "runs the server to run: {command}").format(user=details.user, command=grant),
                          "login")
    if not state.can_write:
        return TestResult(True, "viewer", viewer_notice(details.user))
    return TestResult(True, "caregiver", _("Connected: {where} is a CareJournal journal, and {user} can "
                                           "read and write it.").format(where=where, user=details.user))


def viewer_notice(user: str) -> str:
    """What a viewer is told: the journal opens, but only to look."""
    return _("Read-only: {user} is a viewer of this shared journal. You can look at it, see the alerts and "
             "print the report, but not log or change anything (the server refuses changes from this login)."
             ).format(user=user)


# Failures from libpq and the server, in the order they are looked for: (a pattern of its message,
# the field it is about, what to say, marked for the catalog and translated where it is said).
# Patterns match libpq's and the server's English messages, as PostgreSQL 12-17 and libpq word them.
_FAILURES: tuple[tuple[str, str, str], ...] = (
    (r"password authentication failed", "password",
     N_("The server refused the password for {user}. Type it again (or correct the one kept in ~/.pgpass or "
        "the keyring).")),
    (r"no password supplied|password is required", "password",
     N_("The server asks for {user}'s password: type it in the password box.")),
    (r"no pg_hba\.conf entry|pg_hba\.conf rejects", "server",
     N_("The server does not let {user} in from this computer. Ask whoever runs the server to allow this "
        "computer (pg_hba.conf), or check the encryption setting.")),
    (r'database ".*" does not exist', "database",
     N_('The server has no database named "{database}". Check the name with whoever runs the server.')),
    (r'role ".*" does not exist', "login",
     N_('The server has no login named "{user}". Check it, or ask whoever runs the server to create it with: '
        'carejournal --db URL grant {user} --access caregiver --person "Your name"')),
    (r"server does not support ssl|ssl was required", "encryption",
     N_('The server does not offer an encrypted connection, and "{sslmode}" needs one. Ask whoever runs the '
        'server to turn encryption (TLS) on; choose "prefer" only on a network you trust.')),
    (r"certificate|\bssl\b|\btls\b", "encryption",
     N_("The encrypted connection could not be set up ({detail}). Check the encryption setting with whoever "
        "runs the server.")),
    (r"could not translate host name|name or service not known|nodename nor servname"
     r"|temporary failure in name resolution", "server",
     N_('No server named "{host}" was found. Check the name, and that this computer is online.')),
    (r"connection refused|could not connect|timeout expired|timed out|no route to host"
     r"|network is unreachable|connection to server|server closed the connection", "server",
     N_("The server {host} could not be reached on port {port}. Check the name and port, that this computer "
        "is online, and that the server is running.")),
    (r"permission denied", "login",
     N_("Your login {user} has no access to this journal yet. Ask whoever runs the server to run: "
        'carejournal --db URL grant {user} --access caregiver --person "Your name"')),
)


def explain_failure(detail: str, details: ServerDetails, *, typed_password: bool = True) -> tuple[str, str]:
    """Plain words for a failed connection (libpq's or the server's message `detail`), and the
    field it is about ("" when none). Never repeats a password (the messages carry none)."""
    low = detail.lower()
    for pattern, field, words in _FAILURES:
        if re.search(pattern, low):
            if "password authentication failed" in low and not typed_password:
                words = N_("The server refused the password kept for {user} (in ~/.pgpass or the keyring). "
                           "Type the right one in the password box.")
            return _(words).format(user=details.user, host=details.host, port=details.port,
                                database=details.database, sslmode=details.sslmode, detail=detail), field
    return _("The connection failed: {detail}").format(detail=detail), ""


def explain_open_failure(message: str, url: str) -> tuple[str, str]:
    """Plain words for a shared journal that could not be opened at start (`message` from the
    journal service's JournalFileError), and the field it is about."""
    details = ServerDetails.from_url(url)
    if "needs setting up or upgrading" in message:
        return _("The journal on the server must be set up or upgraded first. Ask whoever runs the server to "
                 "run: {command}").format(command=init_command(details)), ""
    if "cannot connect" in message:
        return explain_failure(message.split(": ", 1)[-1], details, typed_password=False)
    return message[:1].upper() + message[1:], ""


# --- passwords ----------------------------------------------------------------------------------


def keyring_problem() -> str | None:
    """None when passwords can be kept in the system keyring, else why not (in words)."""
    try:
        import keyring
    except ImportError:
        return _("the keyring package is not installed (pip install keyring)")
    try:
        backend = keyring.get_keyring()
    except Exception as e:  # noqa: BLE001 - a broken keyring set-up is said, not raised
        return _("the system keyring cannot be used ({problem})").format(problem=e)
    if float(getattr(backend, "priority", 1) or 0) <= 0:  # keyring's "fail" / "null" backends
        return _("this computer has no system keyring (such as GNOME Keyring or KWallet) to keep it in")
    return None


def use_password(details: ServerDetails, password: str, *, remember: bool) -> None:
    """Use `password` for this login from now on: in memory for this run, and in the system keyring
    when `remember` (else any password kept there for it is removed, so it is asked next time).
    Raises ValidationError("password") when the keyring cannot keep it."""
    use_typed_password(details.url(), password or None)
    try:
        import keyring
    except ImportError:
        if remember:
            raise ValidationError("password", _("it cannot be remembered: {reason}").format(
                reason=keyring_problem() or "")) from None
        return
    try:
        if remember and password:
            keyring.set_password(KEYRING_SERVICE, details.account, password)
        elif not remember:
            with contextlib.suppress(Exception):  # nothing kept, or no keyring: nothing to remove
                keyring.delete_password(KEYRING_SERVICE, details.account)
    except Exception as e:  # noqa: BLE001 - said in words next to the box
        raise ValidationError("password", _("the keyring did not keep it ({problem}); it will be asked next time"
                                            ).format(problem=e)) from None


# --- which journal the app opens ---------------------------------------------------------------


def _choice_file(config_dir: Path | None) -> Path:
    if config_dir is None:
        from platformdirs import user_config_dir

        config_dir = Path(user_config_dir("CareJournal", appauthor=False))
    return config_dir / CHOICE_FILE


def remembered_journal(config_dir: Path | None = None) -> str | None:
    """The shared journal's URL the app opens when started without `--db`, or None for this
    computer's journal file. A missing or unreadable choice is this computer's journal."""
    try:
        data: Any = json.loads(_choice_file(config_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("shared_journal") if isinstance(data, dict) else None
    return url if isinstance(url, str) and is_database_url(url) else None


def remember_journal(url: str | None, config_dir: Path | None = None) -> None:
    """Open the shared journal at `url` at the next start (None: this computer's journal). Any
    password in the URL is taken out before it is written; the file is readable by its owner only.
    Raises OSError when the choice cannot be written."""
    path = _choice_file(config_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"shared_journal": without_password(url) if url else None}
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


# --- the open journal ---------------------------------------------------------------------------


def read_only_reason(journal: Any) -> str | None:
    """Why the window must not offer writes on this open journal (a viewer's login on a shared
    journal), or None when it may write."""
    if not getattr(journal, "shared", False):
        return None
    from journal.storage.probe import can_write

    try:
        with journal.store.read() as tx:
            if can_write(tx.s):
                return None
            from journal.storage.roles import connected_role

            role = connected_role(tx.s)
    except Exception:  # noqa: BLE001 - cannot tell: PostgreSQL still refuses what it must
        return None
    return viewer_notice(role)
