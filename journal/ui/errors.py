"""Turning a refused operation into words next to the field (never a crash)."""

from __future__ import annotations

from journal.domain import QuantityError
from journal.services.errors import NotFound, ValidationError

USER_ERRORS: tuple[type[BaseException], ...] = (ValidationError, QuantityError, NotFound)


def describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    text = str(message)
    return text[:1].upper() + text[1:]
