"""Rebuild the sample doctor-visit reports in this folder from resources/sample-journal.json
(plus a question for the doctor and one corrected entry, which the exchange format cannot hold).

    python docs/report-samples/make_samples.py

Imports the sample journal into a temporary file, makes the 30-day report of each person as of
2026-11-23 09:00 (America/Chicago), one on A4 and one on US Letter, and renders every page to
PNG with `pdftoppm -r 60` so the pages can be looked at without a PDF viewer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
SAMPLES = (("Marta Example", "a4", "marta-30-days-a4"), ("Leo Example", "letter", "leo-pump-30-days-letter"))


def add_visit_extras(journal: object) -> None:
    """What a caregiver adds before a visit and what the exchange format does not carry: a
    question for the doctor, and a corrected entry (the report shows the earlier value)."""
    from journal.domain import Note

    j: Any = journal
    marta = j.find_patient("Marta Example")
    j.add_note(marta.id, Note(datetime(2026, 11, 21, 19, 30, tzinfo=NOW.tzinfo),
                              "Is the afternoon sleepiness since the rise to 20 mg expected, and should we "
                              "bring the 14:00 dose up at the next visit?", for_doctor=True))
    history = j.history(marta.id, datetime(2026, 11, 18, tzinfo=NOW.tzinfo), datetime(2026, 11, 19, tzinfo=NOW.tzinfo))
    first = next(d for d in history.doses if d.status.value == "taken")
    j.correct("dose", first.id, {"note": "given with breakfast"}, by="Marta's son", reason="added a detail")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from journal.domain import FixedClock
    from journal.services import reports
    from journal.services.journal import Journal

    doc = json.loads((ROOT / "resources" / "sample-journal.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "sample.sqlite", FixedClock(NOW))
        try:
            journal.import_document(doc)
            add_visit_extras(journal)
            for person, paper, name in SAMPLES:
                data = reports.build_for(journal, person, now=NOW)
                pdf = HERE / f"{name}.pdf"
                pages = reports.write_pdf(data, pdf, paper)
                for old in HERE.glob(f"{name}-*.png"):
                    old.unlink()
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(HERE / name)], check=True)
                print(f"{pdf.name}: {pages} pages, {len(data.alerts)} alerts")
        finally:
            journal.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
