"""CareJournal: a medication journal for family caregivers."""

__version__ = "0.1.0"
