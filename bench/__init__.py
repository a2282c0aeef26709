"""Benchmarks, the journal generator and the sample journal scenario (not shipped with the app)."""
