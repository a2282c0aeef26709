"""Storage: the only package that imports SQLAlchemy and Alembic.

Import the submodules directly (`journal.storage.db`, `.repository`, `.backups`); this package
file stays empty so that importing `journal.storage.backups` does not pull in SQLAlchemy.
"""
