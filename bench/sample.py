"""The sample journal shipped in resources/sample-journal.json (first run and `--demo`).

    python -m bench.sample [OUT]      # default: resources/sample-journal.json

Two clearly fictional people, five weeks of entries ending on the evening of 2026-11-22
(America/Chicago, across the end of daylight saving time on 2026-11-01):
- Marta Example (55, multiple sclerosis) on baclofen tablets titrated 5 -> 10 -> 15 -> 20 mg three
  times a day, with a vitamin, a bladder medicine and acetaminophen as needed; a few late doses (one
  back-filled), one vomited dose, one missed dose found later; spasms easing as the dose went up.
- Leo Example (15, cerebral palsy) with an intrathecal baclofen pump: refills every three months,
  the next one due on 2026-11-30, a pump alarm on 2026-11-06 followed the next morning by a clinic
  check, daily Penn scores, temperatures (a mild cold mid-November) and two oral medicines.

It is written so the window and the report have something to show without raising alarms that
would not be real: no symptom falls within 72 hours of a dose increase or of the pump alarm, and
spasm scores never rise right after an increase.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .generate import TIMEZONE, Json, RegimenPlan, counts, days, local, qty, stamp, write

FIRST_DAY = date(2026, 10, 19)
LAST_DAY = date(2026, 11, 22)
OUT = Path(__file__).resolve().parent.parent / "resources" / "sample-journal.json"

MARTA_TIMES = ["08:00", "14:00", "21:00"]


def at(day: date, hhmm: str) -> datetime:
    return local(day, hhmm)


def dose(med: str, slot: datetime | None, given: datetime | None, amount: Json | None, status: str,
         by: str, note: str = "") -> Json:
    d: Json = {"medication": med, "scheduled": stamp(slot) if slot else None,
               "given": stamp(given) if given else None, "amount": amount, "status": status, "by": by}
    if note:
        d["note"] = note
    return d


def marta(rng: random.Random) -> Json:
    prescriber = "Dr. Sample (neurology)"
    baclofen = [
        RegimenPlan(date(2026, 10, 19), 5, "mg", MARTA_TIMES, end=date(2026, 10, 21), reason="titration",
                    prescribed_by=prescriber),
        RegimenPlan(date(2026, 10, 22), 10, "mg", MARTA_TIMES, end=date(2026, 10, 24), reason="titration",
                    prescribed_by=prescriber),
        RegimenPlan(date(2026, 10, 25), 15, "mg", MARTA_TIMES, end=date(2026, 11, 11), reason="titration",
                    prescribed_by=prescriber),
        RegimenPlan(date(2026, 11, 12), 20, "mg", MARTA_TIMES, reason="maintenance", prescribed_by=prescriber),
    ]
    increases = [r.start for r in baclofen[1:]]
    meds = [
        {"id": "bac", "name": "Baclofen 10 mg tablets", "drug": "baclofen", "route": "oral", "form": "tablet",
         "strength": qty(10, "mg"), "as_needed": False, "regimens": [r.to_json() for r in baclofen]},
        {"id": "vitd", "name": "Vitamin D3 25 mcg tablets", "drug": None, "route": "oral", "form": "tablet",
         "strength": qty(25, "mcg"), "as_needed": False,
         "regimens": [RegimenPlan(date(2025, 3, 1), 25, "mcg", ["08:00"], reason="maintenance",
                                  prescribed_by="Dr. Sample (family doctor)").to_json()]},
        {"id": "oxy", "name": "Oxybutynin 5 mg tablets", "drug": None, "route": "oral", "form": "tablet",
         "strength": qty(5, "mg"), "as_needed": False,
         "regimens": [RegimenPlan(date(2026, 6, 15), 5, "mg", ["08:00", "21:00"], reason="maintenance",
                                  prescribed_by="Dr. Sample (urology)").to_json()]},
        {"id": "apap", "name": "Acetaminophen 500 mg tablets", "drug": None, "route": "oral", "form": "tablet",
         "strength": qty(500, "mg"), "as_needed": True, "regimens": []},
    ]
    # Departures from "given on time", by (day, slot).
    special: dict[tuple[date, str], tuple[str, int, str]] = {
        (date(2026, 10, 23), "14:00"): ("taken", 35, ""),
        (date(2026, 10, 30), "21:00"): ("taken", 50, ""),
        (date(2026, 11, 3), "14:00"): ("taken", 70, "given late, we were held up at the pharmacy; entered afterwards"),
        (date(2026, 11, 5), "08:00"): ("vomited", 5, "stomach bug, brought the breakfast and tablet back up"),
        (date(2026, 11, 15), "14:00"): ("missed", 0, "found it still in the pill box at 18:30; waited for the 21:00 dose"),
        (date(2026, 11, 19), "08:00"): ("taken", 25, ""),
    }
    doses: list[Json] = []
    for d in days(FIRST_DAY, LAST_DAY):
        reg = next(r for r in baclofen if r.start <= d and (r.end is None or d <= r.end))
        for hhmm in MARTA_TIMES:
            slot = at(d, hhmm)
            by = "Daniel" if hhmm != "14:00" or d.weekday() >= 5 else "Ana"
            status, late, note = special.get((d, hhmm), ("taken", rng.randint(-5, 15), ""))
            given = None if status == "missed" else slot + timedelta(minutes=late)
            tablets = reg.dose / 10
            amount = qty(tablets, "tablet") if rng.random() < 0.5 else qty(reg.dose, "mg")
            doses.append(dose("bac", slot, given, amount if given else None, status, by, note))
            if hhmm in ("08:00", "21:00"):
                ogiven = given if status == "taken" else slot + timedelta(minutes=rng.randint(0, 10))
                doses.append(dose("oxy", slot, ogiven, qty(5, "mg"), "taken", by))
            if hhmm == "08:00" and (d, hhmm) != (date(2026, 11, 5), "08:00"):
                doses.append(dose("vitd", slot, slot + timedelta(minutes=rng.randint(0, 10)), qty(25, "mcg"),
                                  "taken", by))
    for day, hhmm, why in [(date(2026, 10, 20), "16:10", "headache"),
                           (date(2026, 11, 1), "11:30", "sore back after gardening"),
                           (date(2026, 11, 9), "17:45", "leg pain in the evening")]:
        doses.append(dose("apap", None, at(day, hhmm), qty(1000, "mg"), "taken", "Daniel", why))
    doses.sort(key=lambda x: x["given"] or x["scheduled"])

    def quiet(d: date) -> bool:
        """No side-effect entries within 72 h after an increase."""
        return all(not (inc <= d <= inc + timedelta(days=3)) for inc in increases)

    symptoms: list[Json] = []
    observations: list[Json] = []
    for d in days(FIRST_DAY, LAST_DAY):
        # Spasm severity eases with each step; it never rises in the days right after an increase.
        if d < date(2026, 10, 22):
            sev, penn = 6, 3
        elif d < date(2026, 10, 25):
            sev, penn = 5, 3
        elif d < date(2026, 11, 12):
            sev, penn = 4, 2
        else:
            sev, penn = 3, 2 if d < date(2026, 11, 16) else 1
        if d.isoformat() in ("2026-11-04", "2026-11-05"):
            sev = 5  # a bad night with the stomach bug
        if rng.random() < 0.75:
            symptoms.append({"at": stamp(at(d, f"{rng.choice([6, 22]):02d}:{rng.choice([10, 25, 40])}")),
                             "symptom": "spasms", "severity": sev, "duration_minutes": rng.choice([5, 10, 15]),
                             "note": "legs jerked at night" if sev >= 5 else ""})
        observations.append({"at": stamp(at(d, "20:30")), "kind": "penn-spasm-frequency", "value": penn})
        if d.weekday() in (0, 3):
            observations.append({"at": stamp(at(d, "09:15")), "kind": "blood-pressure",
                                 "value": rng.randint(118, 128), "value2": rng.randint(74, 82)})
        if d.weekday() == 6:
            observations.append({"at": stamp(at(d, "08:45")), "kind": "pain-nrs", "value": max(2, sev - 1),
                                 "note": "legs, at rest"})
    symptoms.append({"at": stamp(at(date(2026, 11, 5), "07:50")), "symptom": "nausea", "severity": 4,
                     "duration_minutes": 120, "note": "stomach bug going round the family"})
    symptoms.append({"at": stamp(at(date(2026, 11, 5), "08:10")), "symptom": "vomiting", "severity": 4,
                     "duration_minutes": None, "note": "once, soon after breakfast"})
    symptoms.append({"at": stamp(at(date(2026, 11, 18), "15:30")), "symptom": "drowsiness", "severity": 2,
                     "duration_minutes": 60, "note": "a bit sleepy after lunch, fine by dinner"})
    symptoms.append({"at": stamp(at(date(2026, 10, 29), "12:00")), "symptom": "constipation", "severity": 2,
                     "duration_minutes": None, "note": ""})
    assert all(quiet(date.fromisoformat(s["at"][:10])) for s in symptoms if s["symptom"] != "spasms")
    observations.append({"at": stamp(at(date(2026, 11, 1), "08:30")), "kind": "weight", "value": 64.5})
    for s in symptoms:
        if not s["note"]:
            del s["note"]
    return {
        "id": "marta",
        "name": "Marta Example",
        "birth_date": "1971-06-08",
        "renal_impairment": "none",
        "conditions": ["multiple sclerosis"],
        "notes": "Sample person, not a real patient. Uses a cane outdoors; spasms are worst at night.",
        "medications": meds,
        "doses": doses,
        "symptoms": sorted(symptoms, key=lambda x: x["at"]),
        "observations": sorted(observations, key=lambda x: x["at"]),
        "pump_events": [],
        "notes_log": [
            {"at": stamp(at(date(2026, 10, 19), "19:00")),
             "text": "Started baclofen today. The plan is to go up every three days, then hold and review."},
            {"at": stamp(at(date(2026, 11, 5), "19:30")),
             "text": "Stomach bug today; the morning baclofen came back up. Called the pharmacist, who said "
                     "not to repeat it and to carry on at 14:00."},
            {"at": stamp(at(date(2026, 11, 12), "18:00")),
             "text": "Neurology review: going up to 20 mg three times a day. Next review in four weeks."},
            {"at": stamp(at(date(2026, 11, 20), "20:00")),
             "text": "Question for the next visit: is the afternoon sleepiness something to watch?"},
        ],
    }


def leo(rng: random.Random) -> Json:
    clinic = "Dr. Sample (pump clinic)"
    pump_regs = [
        RegimenPlan(date(2025, 3, 10), 150, "mcg", [], end=date(2025, 8, 31), reason="titration", prescribed_by=clinic),
        RegimenPlan(date(2025, 9, 1), 200, "mcg", [], end=date(2026, 8, 31), reason="maintenance", prescribed_by=clinic),
        RegimenPlan(date(2026, 9, 1), 225, "mcg", [], reason="maintenance", prescribed_by=clinic),
    ]
    meds = [
        {"id": "itb", "name": "Intrathecal baclofen (pump)", "drug": "baclofen", "route": "intrathecal",
         "form": "pump", "strength": qty(2000, "mcg", (1, "mL")), "as_needed": False,
         "regimens": [r.to_json() for r in pump_regs]},
        {"id": "mel", "name": "Melatonin 3 mg tablets", "drug": None, "route": "oral", "form": "tablet",
         "strength": qty(3, "mg"), "as_needed": False,
         "regimens": [RegimenPlan(date(2024, 1, 8), 3, "mg", ["20:00"], reason="maintenance",
                                  prescribed_by="Dr. Sample (paediatrics)").to_json()]},
        {"id": "gly", "name": "Glycopyrronium 1 mg/5 mL oral solution", "drug": None, "route": "oral",
         "form": "solution", "strength": qty(0.2, "mg", (1, "mL")), "as_needed": False,
         "regimens": [RegimenPlan(date(2025, 6, 2), 1, "mg", ["08:00", "16:00"], reason="maintenance",
                                  prescribed_by="Dr. Sample (paediatrics)").to_json()]},
        {"id": "ibu", "name": "Ibuprofen 100 mg/5 mL suspension", "drug": None, "route": "oral",
         "form": "suspension", "strength": qty(20, "mg", (1, "mL")), "as_needed": True, "regimens": []},
    ]

    def refill(day: date, hhmm: str, daily: int, due: date, note: str) -> Json:
        return {"at": stamp(at(day, hhmm)), "kind": "refill", "volume_ml": 18, "concentration_mcg_per_ml": 2000,
                "daily_dose_mcg": daily, "reservoir_ml": 20, "low_alarm_ml": 2, "next_refill_due": due.isoformat(),
                "note": note}

    pump_events = [
        refill(date(2026, 3, 3), "10:30", 200, date(2026, 6, 2), "routine refill at the clinic"),
        refill(date(2026, 6, 2), "11:00", 200, date(2026, 9, 1), "routine refill at the clinic"),
        refill(date(2026, 9, 1), "10:45", 225, date(2026, 11, 30),
               "routine refill; daily dose raised a little for tight hamstrings"),
        {"at": stamp(at(date(2026, 9, 1), "10:50")), "kind": "dose-change", "daily_dose_mcg": 225,
         "note": "reprogrammed from 200 to 225 mcg a day"},
        {"at": stamp(at(date(2026, 11, 6), "19:40")), "kind": "alarm",
         "note": "single beep, again an hour later; called the clinic's after-hours line"},
        {"at": stamp(at(date(2026, 11, 7), "10:30")), "kind": "check",
         "note": "clinic read the pump: about 12 mL left as planned; the beep was the early reminder that the "
                 "battery will need replacing in the coming months. Surgery to be booked."},
    ]
    doses: list[Json] = []
    for d in days(FIRST_DAY, LAST_DAY):
        for hhmm in ("08:00", "16:00"):
            slot = at(d, hhmm)
            by = "Mom" if (d.toordinal() + (hhmm == "16:00")) % 2 else "Dad"
            if (d, hhmm) == (date(2026, 10, 28), "16:00"):
                doses.append(dose("gly", slot, None, None, "refused", by, "clamped his mouth shut; tried twice"))
                continue
            if (d, hhmm) == (date(2026, 11, 10), "16:00"):
                continue  # nothing recorded for this one
            doses.append(dose("gly", slot, slot + timedelta(minutes=rng.randint(-5, 20)), qty(5, "mL"), "taken", by))
        slot = at(d, "20:00")
        late = 45 if d == date(2026, 11, 14) else rng.randint(0, 15)
        doses.append(dose("mel", slot, slot + timedelta(minutes=late), qty(3, "mg"), "taken", "Mom",
                          "late, back from a birthday party" if late == 45 else ""))
    for day, hhmm in [(date(2026, 11, 13), "18:20"), (date(2026, 11, 14), "08:30")]:
        doses.append(dose("ibu", None, at(day, hhmm), qty(7.5, "mL"), "taken", "Dad", "for a cold, sore and warm"))
    doses.sort(key=lambda x: x["given"] or x["scheduled"])

    alarm = date(2026, 11, 6)
    symptoms: list[Json] = []
    observations: list[Json] = []
    for d in days(FIRST_DAY, LAST_DAY):
        near_alarm = alarm <= d <= alarm + timedelta(days=3)
        penn = 1 if near_alarm else rng.choice([1, 1, 2])
        observations.append({"at": stamp(at(d, "19:45")), "kind": "penn-spasm-frequency", "value": penn})
        if penn == 2 and not near_alarm and rng.random() < 0.6:
            symptoms.append({"at": stamp(at(d, "19:40")), "symptom": "spasms", "severity": rng.choice([2, 3]),
                             "duration_minutes": 5, "note": "during transfer to bed"})
        if d.weekday() in (2, 6) and not (date(2026, 11, 12) <= d <= date(2026, 11, 16)):
            observations.append({"at": stamp(at(d, "07:40")), "kind": "temperature",
                                 "value": round(rng.uniform(36.5, 37.0), 1)})
    for day, hhmm, temp in [(date(2026, 11, 13), "18:10", 37.8), (date(2026, 11, 14), "08:20", 37.6),
                            (date(2026, 11, 15), "08:00", 37.1), (date(2026, 11, 16), "07:45", 36.8)]:
        observations.append({"at": stamp(at(day, hhmm)), "kind": "temperature", "value": temp,
                             "note": "runny nose, brother has the same cold" if temp > 37.5 else ""})
    observations.append({"at": stamp(at(date(2026, 11, 13), "18:15")), "kind": "heart-rate", "value": 96})
    observations.append({"at": stamp(at(date(2026, 11, 1), "09:00")), "kind": "weight", "value": 46.2})
    observations.append({"at": stamp(at(date(2026, 10, 27), "15:00")), "kind": "modified-ashworth", "value": "1+",
                         "body_part": "hamstrings", "note": "scored by the physiotherapist"})
    symptoms.append({"at": stamp(at(date(2026, 10, 24), "10:00")), "symptom": "constipation", "severity": 3,
                     "duration_minutes": None, "note": "three days; more water and fruit"})
    for o in observations:
        if not o.get("note", "x"):
            del o["note"]
    return {
        "id": "leo",
        "name": "Leo Example",
        "birth_date": "2011-03-14",
        "renal_impairment": "none",
        "conditions": ["cerebral palsy"],
        "notes": "Sample person, not a real patient. Uses a wheelchair; answers with a picture board and "
                 "thumbs up or down. Pump clinic card is in the kitchen drawer.",
        "medications": meds,
        "doses": doses,
        "symptoms": sorted(symptoms, key=lambda x: x["at"]),
        "observations": sorted(observations, key=lambda x: x["at"]),
        "pump_events": sorted(pump_events, key=lambda x: x["at"]),
        "notes_log": [
            {"at": stamp(at(date(2026, 11, 6), "21:00")),
             "text": "Pump beeped this evening. After-hours nurse asked us to come in tomorrow morning; "
                     "no change in his spasms or mood."},
            {"at": stamp(at(date(2026, 11, 7), "12:00")),
             "text": "Clinic visit done: pump fine for now, battery replacement to plan. Refill still due on "
                     "30 November."},
            {"at": stamp(at(date(2026, 11, 13), "19:00")),
             "text": "Caught his brother's cold. Watching his temperature twice a day."},
        ],
    }


def build() -> Json:
    rng = random.Random(2026)
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": TIMEZONE,
            "patients": [marta(rng), leo(rng)]}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    doc: dict[str, Any] = build()
    write(doc, out, pretty=True)
    print(f"{out}: " + " ".join(f"{k}={v}" for k, v in counts(doc).items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
