"""Errors the services raise; the command line maps them to exit codes (2 bad input, 1 other)."""

from __future__ import annotations

from journal.domain.i18n import N_, _


class ValidationError(ValueError):
    """Bad input, refused before anything is written. `field` names what is wrong: a field name
    (`amount`), a command-line argument (`--patient`) or a JSON pointer (`/patients/0/doses/3/given`)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class AlreadyGiven(ValidationError):
    """"Given now" for a planned dose someone already logged as given (perhaps a moment ago on
    another computer). Nothing was saved. `dose` is the dose already in the journal."""

    def __init__(self, message: str, dose: object) -> None:
        super().__init__("scheduled", message)
        self.dose = dose


class NotFound(LookupError):
    """A person, medicine or record that the journal does not hold."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class JournalFileError(Exception):
    """The journal file is not a journal, is damaged, or was written by a newer version.
    The file is left untouched."""


_PLAIN = (
    # PostgreSQL refusing a write the connected role has no grant for (a viewer's, say).
    (("insufficientprivilege", "permission denied for table", "permission denied for sequence",
      "permission denied for schema"),
     N_("your access to this shared journal is read-only (or was not granted), so nothing was saved; "
     "ask whoever set it up to grant you caregiver access")),
    (("database or disk is full", "no space left"), N_("the disk is full (not enough free space), so nothing was saved; free some space and try again")),
    (("database is locked", "database is busy"),
     N_("the journal is busy (the window or another command is saving), so nothing was saved; try again in a moment")),
    (("readonly database", "read-only file system", "permission denied"),
     N_("the journal file cannot be written here (read-only or no permission), so nothing was saved")),
    (("disk i/o error", "input/output error"),
     N_("the disk could not be read or written, so nothing was saved; check the drive and try again")),
    (("unable to open database file", "is a directory"),
     N_("the journal file cannot be opened there (check that the folder exists and can be written)")),
    (("malformed", "file is not a database"),
     N_("the journal file is damaged; restore a backup with: carejournal restore FILE")),
)


def plain_failure(exc: BaseException) -> str | None:
    """Plain words for a failure of the journal file or the disk, or None for anything else.

    Each write is one transaction, so when these happen nothing was half-saved."""
    text = f"{exc} {getattr(exc, 'orig', '') or ''}".lower()
    for needles, words in _PLAIN:
        if any(n in text for n in needles):
            return _(words)
    return None
