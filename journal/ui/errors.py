"""Turning a refused operation into words next to the field (never a crash)."""

from __future__ import annotations

from journal.domain import QuantityError

try:  # the service's error type; present once the core service exists
    from journal.services.errors import ValidationError
except ImportError:  # pragma: no cover - only while the service is being written
    class ValidationError(ValueError):  # type: ignore[no-redef]
        def __init__(self, field: str, message: str) -> None:
            super().__init__(f"{field}: {message}")
            self.field = field
            self.message = message

USER_ERRORS: tuple[type[BaseException], ...] = (ValidationError, QuantityError)


def describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return str(message)
