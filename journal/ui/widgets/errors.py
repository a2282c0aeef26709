"""Turning a refused operation into words next to the field (never a crash)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journal.domain import QuantityError
from journal.services.errors import NotFound, ValidationError, plain_failure


class SaveFailed(Exception):
    """The journal file or the disk refused a write (full disk, read-only file, busy, damaged).
    Each write is one transaction, so nothing was half-saved; the form keeps what was typed."""

    def __init__(self, reason: str) -> None:
        self.message = QCoreApplication.translate("errors", "Not saved: {reason}. What you entered is still here.").format(
            reason=reason)
        super().__init__(self.message)


USER_ERRORS: tuple[type[BaseException], ...] = (ValidationError, QuantityError, NotFound, SaveFailed)


def as_save_failure(exc: BaseException) -> SaveFailed | None:
    """A SaveFailed for a failure of the file or the disk, else None (a real bug: let it show)."""
    reason = plain_failure(exc)
    return SaveFailed(reason) if reason is not None else None


def describe(exc: BaseException) -> str:
    """The error's own words (without the field name ValidationError puts first), capitalised."""
    message = exc.message if isinstance(exc, ValidationError | NotFound | SaveFailed) else ""
    text = message or str(exc)
    return text[:1].upper() + text[1:]
