"""Use cases over the journal: validate, write in one transaction, re-check, say what changed.

Import what you need from the submodules (`journal.services.journal`, `.errors`, `.exchange`, `.validation`);
this file stays light so the command line can start without loading the database layer.
"""
