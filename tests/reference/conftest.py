"""Fixtures the reference (offline guide) tests share."""

from __future__ import annotations

import pytest

from journal.reference import ReferenceLibrary, default_library


@pytest.fixture(scope="module")
def lib() -> ReferenceLibrary:
    """The installed guide (resources/reference), loaded once per module."""
    return default_library()
