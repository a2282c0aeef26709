"""CareJournal: a medication journal for family caregivers."""

__version__ = "0.1.0"
# The application's id: the desktop entry's name without ".desktop", the icon's name, the
# autostart entry's and the AppStream component's id (reverse DNS, per the freedesktop specs).
APP_ID = "io.github.carejournal.CareJournal"
