"""Errors the services raise; the command line maps them to exit codes (2 bad input, 1 other)."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input, refused before anything is written. `field` names what is wrong: a field name
    (`amount`), a command-line argument (`--patient`) or a JSON pointer (`/patients/0/doses/3/given`)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


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
