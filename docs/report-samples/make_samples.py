"""Rebuild the sample doctor-visit reports in this folder from resources/sample-journal.json
(plus a question for the doctor and one corrected entry, which the exchange format cannot hold),
and one from a small journal made here whose names test the layout.

    python docs/report-samples/make_samples.py

Imports the sample journal into a temporary file, makes the 30-day report of each person as of
2026-11-23 09:00 (America/Chicago), one on A4 and one on US Letter, and renders every page to
PNG with `pdftoppm -r 60` so the pages can be looked at without a PDF viewer. The long-names
sample (A4, two weeks) is for a person with an emoji in her name and medicines whose names are
long, hyphenated or one 55-letter word: the tables must stay inside the page and the emoji print.
The planned-changes sample (US Letter, two weeks) is Marta's again, with a step down of her
baclofen already saved for next week, which the report lists as a change still to come.
The `-es` samples are Marta's and Leo's 30-day reports in Spanish (A4), for the translated
headings, tables and legends and the longer Spanish words in the same layout;
`--spanish-only` makes only those.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
SAMPLES = (("Marta Example", "a4", "marta-30-days-a4"), ("Leo Example", "letter", "leo-pump-30-days-letter"))
LONG_NAMES_PERSON = "Zoë 🌸 Núñez"
LONG_NAMES = ("Carbidopa-levodopa-25/100mg-tablets", "Extendedreleaseoxybutyninchloridetabletsforbladderspasm")


def long_names_document() -> dict[str, Any]:
    """Two weeks of a made-up journal: baclofen three times a day and two medicines with long
    names twice a day, a few doses not given, a note with an emoji."""
    tz = NOW.tzinfo
    assert tz is not None
    meds: list[dict[str, Any]] = []
    doses: list[dict[str, Any]] = []
    plan = (("bac", "Baclofen 10 mg tablets", "baclofen", 10, ("08:00", "14:00", "21:00")),
            ("cl", LONG_NAMES[0], None, 2, ("08:00", "20:00")),
            ("ox", LONG_NAMES[1], None, 5, ("09:00", "21:00")))
    for mid, name, drug, mg, times in plan:
        meds.append({"id": mid, "name": name, "drug": drug, "route": "oral", "form": "tablet",
                     "strength": {"value": mg, "unit": "mg"}, "as_needed": False,
                     "regimens": [{"start": "2026-11-01", "end": None, "dose": {"value": mg, "unit": "mg"},
                                   "times": list(times), "every_days": 1}]})
        for day in range(9, 23):
            for t in times:
                slot = datetime.fromisoformat(f"2026-11-{day:02d}T{t}").replace(tzinfo=tz).isoformat()
                if (mid, day, t) in (("cl", 15, "20:00"), ("bac", 18, "14:00")):
                    continue  # nothing logged
                status = "refused" if (mid, day, t) == ("ox", 12, "21:00") else "taken"
                dose: dict[str, Any] = {"medication": mid, "scheduled": slot, "status": status, "by": "Ana"}
                if status == "taken":
                    dose |= {"given": slot, "amount": {"value": mg, "unit": "mg"}}
                doses.append(dose)
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": "America/Chicago",
            "patients": [{"id": "z", "name": LONG_NAMES_PERSON, "medications": meds, "doses": doses,
                          "symptoms": [{"at": "2026-11-16T07:30-06:00", "symptom": "spasms", "severity": 5,
                                        "note": "stiff legs after the missed evening dose 😟"}]}]}


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


def with_planned_step_down(doc: dict[str, Any]) -> dict[str, Any]:
    """The sample journal with Marta's baclofen to go from 20 mg back to 15 mg three times a day
    a week after the report is made (a change already agreed and saved in the journal)."""
    doc = json.loads(json.dumps(doc))
    marta = next(p for p in doc["patients"] if p["name"] == "Marta Example")
    regimens = next(m for m in marta["medications"] if m["id"] == "bac")["regimens"]
    current = regimens[-1]
    current["end"] = "2026-11-29"
    regimens.append(current | {"start": "2026-11-30", "end": None, "dose": {"value": 15, "unit": "mg"},
                               "reason": "back to 15 mg for the afternoon sleepiness"})
    return doc


def write_sample(journal: object, person: str, paper: str, name: str, **period: Any) -> None:
    from journal.services import reports

    data = reports.build_for(journal, person, now=NOW, **period)  # type: ignore[arg-type]
    pdf = HERE / f"{name}.pdf"
    pages = reports.write_pdf(data, pdf, paper)
    for old in HERE.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(HERE / name)], check=True)
    print(f"{pdf.name}: {pages} pages, {len(data.alerts)} alerts")


SPANISH_SAMPLES = (("Marta Example", "a4", "marta-30-days-a4-es"), ("Leo Example", "a4", "leo-pump-30-days-a4-es"))


def main(spanish_only: bool = False) -> int:
    sys.path.insert(0, str(ROOT))
    from journal.domain import FixedClock
    from journal.domain.i18n import set_language
    from journal.services.journal import Journal

    doc = json.loads((ROOT / "resources" / "sample-journal.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.open(Path(tmp) / "sample.sqlite", FixedClock(NOW))
        try:
            journal.import_document(doc)
            add_visit_extras(journal)
            for person, paper, name in () if spanish_only else SAMPLES:
                write_sample(journal, person, paper, name)
            set_language("es")
            try:
                for person, paper, name in SPANISH_SAMPLES:
                    write_sample(journal, person, paper, name)
            finally:
                set_language(None)
        finally:
            journal.close()
        if spanish_only:
            return 0
        journal = Journal.open(Path(tmp) / "planned.sqlite", FixedClock(NOW))
        try:
            journal.import_document(with_planned_step_down(doc))
            write_sample(journal, "Marta Example", "letter", "planned-changes-14-days-letter",
                         start=date(2026, 11, 9), end=date(2026, 11, 22))
        finally:
            journal.close()
        journal = Journal.open(Path(tmp) / "long-names.sqlite", FixedClock(NOW))
        try:
            journal.import_document(long_names_document())
            write_sample(journal, LONG_NAMES_PERSON, "a4", "long-names-14-days-a4",
                         start=date(2026, 11, 9), end=date(2026, 11, 22))
        finally:
            journal.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(spanish_only="--spanish-only" in sys.argv[1:]))
