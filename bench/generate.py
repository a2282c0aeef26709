"""A deterministic generator of realistic journals in exchange format v1 (spec/exchange-format.md).

    python -m bench.generate --years 10 --people 3 --seed 1 --end 2026-11-20 OUT.json

Several people on baclofen three or four times a day plus other medicines (a PRN, an oral liquid
with its concentration, tizanidine for one), ~97% of slots recorded as given with realistic
lateness (some back-filled), occasional skipped / refused / vomited doses, titrations and tapers
kept as regimen history, daily symptoms and readings, an intrathecal pump for the third person
(refills about every three months with the next due date, occasional alarms each followed by a
clinic check or refill) and dated notes. The same arguments always give the same document.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

TIMEZONE = "America/Chicago"
TZ = ZoneInfo(TIMEZONE)

Json = dict[str, Any]


def num(v: float) -> float | int:
    """Whole numbers as ints, so the document reads 15 and not 15.0."""
    return int(v) if float(v).is_integer() else round(v, 3)


def qty(value: float, unit: str, per: tuple[float, str] | None = None) -> Json:
    q: Json = {"value": num(value), "unit": unit}
    if per is not None:
        q["per"] = {"value": num(per[0]), "unit": per[1]}
    return q


def stamp(moment: datetime) -> str:
    """ISO 8601 with the offset (as export writes it), to the minute."""
    return moment.isoformat(timespec="minutes")


def local(day: date, hhmm: str | time) -> datetime:
    t = hhmm if isinstance(hhmm, time) else time.fromisoformat(hhmm)
    return datetime.combine(day, t, TZ)


def days(start: date, end: date) -> Iterator[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


# --- plans -----------------------------------------------------------------------------------


@dataclass
class RegimenPlan:
    start: date
    dose: float
    unit: str
    times: list[str]
    end: date | None = None
    every_days: int = 1
    reason: str = ""
    prescribed_by: str = ""

    def to_json(self) -> Json:
        r: Json = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "dose": qty(self.dose, self.unit),
            "times": list(self.times),
            "every_days": self.every_days,
        }
        if self.prescribed_by:
            r["prescribed_by"] = self.prescribed_by
        if self.reason:
            r["reason"] = self.reason
        return r


@dataclass
class MedPlan:
    id: str
    name: str
    drug: str | None
    route: str
    form: str
    strength: Json
    as_needed: bool = False
    regimens: list[RegimenPlan] = field(default_factory=list)
    prn_per_day: float = 0.0  # PRN: chance of a dose on any day
    log_unit: str = "mg"  # how the caregiver enters amounts: mg, tablet or mL

    def to_json(self) -> Json:
        return {
            "id": self.id,
            "name": self.name,
            "drug": self.drug,
            "route": self.route,
            "form": self.form,
            "strength": self.strength,
            "as_needed": self.as_needed,
            "regimens": [r.to_json() for r in self.regimens],
        }

    def strength_mass_per_unit(self) -> float:
        s = self.strength
        per = s.get("per", {"value": 1})["value"]
        return float(s["value"]) / float(per)


def chain(steps: list[tuple[date, float, list[str], str]], unit: str, prescriber: str) -> list[RegimenPlan]:
    """Consecutive regimens: each ends the day before the next starts; the last is ongoing."""
    regs: list[RegimenPlan] = []
    for i, (start, dose, times, reason) in enumerate(steps):
        end = steps[i + 1][0] - timedelta(days=1) if i + 1 < len(steps) else None
        regs.append(RegimenPlan(start, dose, unit, times, end=end, reason=reason, prescribed_by=prescriber))
    return regs


THREE = ["08:00", "14:00", "21:00"]
FOUR = ["07:00", "12:00", "17:00", "22:00"]
# (mg per dose, times) from the label's titration: 15, 30, 45, then 60 and 80 mg/day
ADULT_LADDER: list[tuple[float, list[str]]] = [(5, THREE), (10, THREE), (15, THREE), (15, FOUR), (20, FOUR)]
CHILD_LADDER: list[tuple[float, list[str]]] = [(2.5, THREE), (5, THREE), (7.5, THREE), (10, THREE)]


def baclofen_steps(
    rng: random.Random, start: date, end: date, ladder: list[tuple[float, list[str]]], top: int,
) -> list[tuple[date, float, list[str], str]]:
    """Titration up the ladder from `start`, then years of small changes: a step up or down,
    now and then a slow taper of one or two steps and a later climb back (all >= 3 days apart)."""
    steps: list[tuple[date, float, list[str], str]] = []
    span = (end - start).days
    if span < 365:
        # A short journal starts with someone already on a steady dose.
        dose, times = ladder[top]
        return [(start - timedelta(days=rng.randint(60, 400)), dose, times, "maintenance")]
    day = start
    for level in range(top + 1):
        dose, times = ladder[level]
        steps.append((day, dose, times, "titration" if level < top else "maintenance"))
        day += timedelta(days=rng.choice([3, 3, 4, 7]))
    level = top
    day += timedelta(days=rng.randint(120, 400))
    while day < end - timedelta(days=45):
        action = rng.random()
        if action < 0.35 and level < len(ladder) - 1 and level < top + 1:
            level += 1
            dose, times = ladder[level]
            steps.append((day, dose, times, "titration"))
        elif action < 0.6 and level > 1:
            level -= 1
            dose, times = ladder[level]
            steps.append((day, dose, times, "maintenance"))
        elif level > 1:
            # Taper one or two steps a week apart, hold, then climb back a step every 3-7 days.
            goal = level
            for _ in range(rng.choice([1, 2])):
                if level <= 1:
                    break
                level -= 1
                dose, times = ladder[level]
                steps.append((day, dose, times, "taper"))
                day += timedelta(days=7)
            day += timedelta(days=rng.randint(20, 80))
            while level < goal and day < end - timedelta(days=20):
                level += 1
                dose, times = ladder[level]
                steps.append((day, dose, times, "titration"))
                day += timedelta(days=rng.choice([3, 5, 7]))
        day += timedelta(days=rng.randint(150, 500))
    return steps


# --- people ----------------------------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    birth_date: date
    conditions: list[str]
    renal: str
    notes: str
    carers: list[str]
    meds: list[MedPlan]
    pump: MedPlan | None = None
    pump_refills_from: date | None = None
    child: bool = False


FIRST = ["Avery", "Morgan", "Rowan", "Quinn", "Sasha", "Jordan", "Emery", "Harper", "Reese", "Skyler"]
LAST = ["Testwood", "Samplefield", "Mockridge", "Demoford", "Fictionby"]


def make_person(rng: random.Random, index: int, start: date, end: date) -> Person:
    pid = f"p{index + 1}"
    name = f"{FIRST[index % len(FIRST)]} {LAST[(index // len(FIRST) + index) % len(LAST)]}"
    kind = index % 3
    prescriber = rng.choice(["Dr. Placeholder", "Dr. Nobody", "Dr. Example"])
    if kind == 0:
        # An adult with multiple sclerosis on tablets, a vitamin, bladder and nerve-pain medicines, a PRN.
        steps = baclofen_steps(rng, start, end, ADULT_LADDER, top=3)
        meds = [
            MedPlan(f"{pid}-bac", "Baclofen 10 mg tablets", "baclofen", "oral", "tablet", qty(10, "mg"),
                    regimens=chain(steps, "mg", prescriber), log_unit="tablet"),
            MedPlan(f"{pid}-vitd", "Vitamin D3 25 mcg tablets", None, "oral", "tablet", qty(25, "mcg"),
                    regimens=chain([(start - timedelta(days=200), 25, ["08:00"], "maintenance")], "mcg",
                                   prescriber), log_unit="mcg"),
            MedPlan(f"{pid}-oxy", "Oxybutynin 5 mg tablets", None, "oral", "tablet", qty(5, "mg"),
                    regimens=chain([(start - timedelta(days=90), 5, ["08:00", "20:00"], "maintenance")],
                                   "mg", prescriber)),
            MedPlan(f"{pid}-gab", "Gabapentin 300 mg capsules", None, "oral", "other", qty(300, "mg"),
                    regimens=chain([(start - timedelta(days=150), 300, ["08:00", "14:00", "21:00"],
                                     "maintenance")], "mg", prescriber)),
            MedPlan(f"{pid}-apap", "Acetaminophen 500 mg tablets", None, "oral", "tablet", qty(500, "mg"),
                    as_needed=True, prn_per_day=0.25),
        ]
        return Person(pid, name, date(1966 + index, 4, 12), ["multiple sclerosis"], "none",
                      "Walks with a frame indoors; worse spasms in cold weather.",
                      ["Pat", "Chris"], meds)
    if kind == 1:
        # An adult after a spinal cord injury: four doses a day, tizanidine at night, a bladder medicine.
        steps = baclofen_steps(rng, start, end, ADULT_LADDER, top=4)
        meds = [
            MedPlan(f"{pid}-bac", "Baclofen 20 mg tablets", "baclofen", "oral", "tablet", qty(20, "mg"),
                    regimens=chain(steps, "mg", prescriber)),
            MedPlan(f"{pid}-tiz", "Tizanidine 2 mg tablets", "tizanidine", "oral", "tablet", qty(2, "mg"),
                    regimens=chain([(start - timedelta(days=30), 2, ["22:00"], "maintenance")], "mg",
                                   prescriber)),
            MedPlan(f"{pid}-oxb", "Oxybutynin 5 mg tablets", None, "oral", "tablet", qty(5, "mg"),
                    regimens=chain([(start - timedelta(days=60), 5, ["07:00", "14:00", "21:00"],
                                     "maintenance")], "mg", prescriber)),
            MedPlan(f"{pid}-ibu", "Ibuprofen 200 mg tablets", None, "oral", "tablet", qty(200, "mg"),
                    as_needed=True, prn_per_day=0.2),
        ]
        return Person(pid, name, date(1975 + index, 9, 3), ["spinal cord injury"], "mild",
                      "Injury at T10; uses a wheelchair. Aide visits on weekdays.",
                      ["Sam", "aide"], meds)
    # A child with cerebral palsy: oral baclofen solution first, then an intrathecal pump.
    span = (end - start).days
    implant = start + timedelta(days=int(span * 0.4)) if span >= 3 * 365 else start - timedelta(days=rng.randint(200, 500))
    meds = [
        MedPlan(f"{pid}-mel", "Melatonin 3 mg tablets", None, "oral", "tablet", qty(3, "mg"),
                regimens=chain([(start - timedelta(days=100), 3, ["20:00"], "maintenance")], "mg", prescriber)),
        MedPlan(f"{pid}-gly", "Glycopyrronium 1 mg/5 mL oral solution", None, "oral", "solution",
                qty(0.2, "mg", (1, "mL")),
                regimens=chain([(start - timedelta(days=100), 1, ["08:00", "14:00", "21:00"], "maintenance")],
                               "mg", prescriber), log_unit="mL"),
        MedPlan(f"{pid}-omz", "Omeprazole 10 mg capsules", None, "oral", "other", qty(10, "mg"),
                regimens=chain([(start - timedelta(days=100), 10, ["07:30"], "maintenance")], "mg", prescriber)),
        MedPlan(f"{pid}-ibu", "Ibuprofen 100 mg/5 mL suspension", None, "oral", "suspension",
                qty(20, "mg", (1, "mL")), as_needed=True, prn_per_day=0.1, log_unit="mL"),
    ]
    if implant > start:
        # Oral solution 1 mg/mL until some weeks after the pump goes in, then tapered off.
        steps = baclofen_steps(rng, start, implant, CHILD_LADDER, top=3)
        level_dose, level_times = CHILD_LADDER[3]
        taper_day = implant + timedelta(days=14)
        steps = [s for s in steps if s[0] < taper_day]
        for dose in (7.5, 5, 2.5):
            steps.append((taper_day, dose, level_times, "taper"))
            taper_day += timedelta(days=7)
        regs = chain(steps, "mg", prescriber)
        regs[-1].end = taper_day - timedelta(days=1)
        meds.insert(0, MedPlan(f"{pid}-bacsol", "Baclofen 5 mg/5 mL oral solution", "baclofen", "oral",
                               "solution", qty(1, "mg", (1, "mL")), regimens=regs, log_unit="mL"))
    pump_steps: list[tuple[date, float, list[str], str]] = [(implant, 100, [], "titration")]
    d = implant + timedelta(days=21)
    for dose in (150, 200):
        pump_steps.append((d, dose, [], "titration"))
        d += timedelta(days=28)
    d += timedelta(days=rng.randint(200, 400))
    dose_now = 200.0
    while d < end - timedelta(days=60):
        dose_now = max(150.0, min(350.0, dose_now + rng.choice([-25, 25, 25, 50])))
        pump_steps.append((d, dose_now, [], "maintenance"))
        d += timedelta(days=rng.randint(250, 500))
    pump = MedPlan(f"{pid}-itb", "Intrathecal baclofen (pump)", "baclofen", "intrathecal", "pump",
                   qty(2000, "mcg", (1, "mL")), regimens=chain(pump_steps, "mcg", "Dr. Example (pump clinic)"))
    meds.insert(0, pump)
    return Person(pid, name, date(end.year - 15, 2, 20), ["cerebral palsy"], "none",
                  "Communicates with a picture board; cannot say when something hurts.",
                  ["Mom", "Dad"], meds, pump=pump, pump_refills_from=implant, child=True)


# --- entries ---------------------------------------------------------------------------------

BACKFILL_NOTES = ["entered later", "logged afterwards from memory", "written down late"]
NOT_GIVEN = [("skipped", 0.4, "asleep, let them rest"), ("refused", 0.25, "turned head away, tried twice"),
             ("vomited", 0.15, "brought it back up within minutes"), ("missed", 0.2, "found it still in the pill box")]
MILD_SYMPTOMS = ["drowsiness", "dizziness", "constipation", "headache", "insomnia", "nausea", "weakness",
                 "urinary-problems", "mood-change"]
NOTES = [
    "Good day, out in the garden for an hour.",
    "Physio session: stretches went well.",
    "Slept badly, woke twice with leg spasms.",
    "Pharmacy changed the tablet brand; same strength.",
    "Appointment booked with the neurologist next month.",
    "Cold weather, spasms a bit worse in the evening.",
    "New shoes rubbing, checked skin, no sores.",
    "Visited family over the weekend, schedule kept.",
    "Refill of prescriptions picked up.",
    "Tired after a long car trip.",
]


def slot_dates(reg: RegimenPlan, first: date, last: date) -> Iterator[date]:
    lo = max(first, reg.start)
    hi = min(last, reg.end) if reg.end else last
    for d in days(lo, hi):
        if (d - reg.start).days % reg.every_days == 0:
            yield d


def amount_for(med: MedPlan, mass: float, unit: str, rng: random.Random) -> Json:
    per_unit = med.strength_mass_per_unit()
    if med.log_unit == "mL":
        return qty(mass / per_unit, "mL")
    if med.log_unit == "tablet" and rng.random() < 0.5 and (mass / per_unit * 2).is_integer():
        return qty(mass / per_unit, "tablet")
    return qty(mass, unit)


def lateness(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.6:
        return rng.randint(-10, 10)
    if r < 0.9:
        return rng.randint(10, 30)
    return rng.randint(30, 60)


def scheduled_doses(p: Person, med: MedPlan, first: date, last: date, rng: random.Random) -> Iterator[Json]:
    for reg in med.regimens:
        for d in slot_dates(reg, first, last):
            for hhmm in reg.times:
                r = rng.random()
                if r < 0.02:
                    continue  # nothing recorded: the journal derives "missed"
                slot = local(d, hhmm)
                who = rng.choice(p.carers)
                if r < 0.03:
                    status, note = pick_not_given(rng)
                    given = slot + timedelta(minutes=lateness(rng)) if status == "vomited" else None
                    amount = amount_for(med, reg.dose, reg.unit, rng) if given else None
                    dose: Json = {"medication": med.id, "scheduled": stamp(slot),
                                  "given": stamp(given) if given else None, "amount": amount,
                                  "status": status, "by": who, "note": note}
                    yield dose
                    continue
                late = lateness(rng)
                dose = {"medication": med.id, "scheduled": stamp(slot),
                        "given": stamp(slot + timedelta(minutes=late)),
                        "amount": amount_for(med, reg.dose, reg.unit, rng), "status": "taken", "by": who}
                if late > 30 and rng.random() < 0.5:
                    dose["note"] = rng.choice(BACKFILL_NOTES)
                yield dose


def pick_not_given(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    for status, weight, note in NOT_GIVEN:
        if r < weight:
            return status, note
        r -= weight
    return NOT_GIVEN[-1][0], NOT_GIVEN[-1][2]


def prn_doses(p: Person, med: MedPlan, first: date, last: date, rng: random.Random) -> Iterator[Json]:
    mass = med.strength_mass_per_unit() * (1 if med.log_unit != "mL" else 7.5)
    for d in days(first, last):
        if rng.random() < med.prn_per_day:
            at = local(d, time(rng.randint(9, 20), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])))
            yield {"medication": med.id, "scheduled": None, "given": stamp(at),
                   "amount": amount_for(med, mass, med.strength["unit"], rng), "status": "taken",
                   "by": rng.choice(p.carers), "note": rng.choice(["for pain", "headache", "sore after physio"])}


def symptoms(p: Person, first: date, last: date, rng: random.Random) -> Iterator[Json]:
    for d in days(first, last):
        if rng.random() < 0.6:
            yield {"at": stamp(local(d, time(rng.randint(7, 21), rng.randint(0, 59)))), "symptom": "spasms",
                   "severity": rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]),
                   "duration_minutes": rng.choice([None, 2, 5, 10, 15])}
        if rng.random() < 0.15:
            yield {"at": stamp(local(d, time(rng.randint(8, 20), rng.randint(0, 59)))), "symptom": "pain",
                   "severity": rng.randint(1, 5), "duration_minutes": None, "note": "legs"}
        if rng.random() < 0.06:
            yield {"at": stamp(local(d, time(rng.randint(8, 20), rng.randint(0, 59)))),
                   "symptom": rng.choice(MILD_SYMPTOMS), "severity": rng.randint(1, 3), "duration_minutes": None}


def observations(p: Person, first: date, last: date, rng: random.Random) -> Iterator[Json]:
    for d in days(first, last):
        evening = local(d, time(20, rng.randint(0, 45)))
        if rng.random() < 0.9:
            yield {"at": stamp(evening), "kind": "penn-spasm-frequency", "value": rng.choice([1, 1, 2, 2, 2, 3])}
        if rng.random() < 0.4:
            yield {"at": stamp(evening + timedelta(minutes=5)), "kind": "pain-nrs", "value": rng.randint(1, 5)}
        if rng.random() < (0.3 if p.child else 0.15):
            yield {"at": stamp(local(d, time(rng.randint(7, 19), rng.randint(0, 59)))), "kind": "temperature",
                   "value": round(rng.uniform(36.3, 37.4), 1)}
        if rng.random() < 0.1:
            yield {"at": stamp(local(d, time(9, rng.randint(0, 59)))), "kind": "heart-rate",
                   "value": rng.randint(62, 92) + (15 if p.child else 0)}
        if d.weekday() == 6:
            yield {"at": stamp(local(d, time(10, rng.randint(0, 30)))), "kind": "blood-pressure",
                   "value": rng.randint(108, 134), "value2": rng.randint(68, 86)}
        if d.day == 1:
            yield {"at": stamp(local(d, time(8, 30))), "kind": "weight",
                   "value": round(rng.uniform(44, 48) if p.child else rng.uniform(68, 74), 1)}
        if d.day == 15 and rng.random() < 0.4:
            yield {"at": stamp(local(d, time(11, 0))), "kind": "modified-ashworth",
                   "value": rng.choice(["1", "1+", "2", "2", "3"]), "body_part": rng.choice(["left calf", "right calf", "hamstrings"]),
                   "note": "at the physio's"}


def notes(first: date, last: date, rng: random.Random) -> Iterator[Json]:
    for d in days(first, last):
        if rng.random() < 0.07:
            yield {"at": stamp(local(d, time(rng.randint(18, 21), rng.randint(0, 59)))), "text": rng.choice(NOTES)}


def pump_events(p: Person, first: date, last: date, rng: random.Random) -> Iterator[Json]:
    """Refills about every three months (due date 90 days on), a dose change when the clinic
    reprograms, a yearly check, and now and then a low-reservoir alarm followed by a refill."""
    assert p.pump is not None and p.pump_refills_from is not None
    regs = p.pump.regimens

    def daily(d: date) -> float:
        for r in reversed(regs):
            if r.start <= d:
                return r.dose
        return regs[0].dose

    for r in regs[1:]:
        yield {"at": stamp(local(r.start, time(11, 0))), "kind": "dose-change", "daily_dose_mcg": num(r.dose),
               "note": "reprogrammed at the clinic"}
    d = p.pump_refills_from
    year = d.year
    while d <= last:
        due = d + timedelta(days=90)
        yield {"at": stamp(local(d, time(10, rng.choice([0, 15, 30])))), "kind": "refill", "volume_ml": 20,
               "concentration_mcg_per_ml": 2000, "daily_dose_mcg": num(daily(d)), "reservoir_ml": 20,
               "low_alarm_ml": 2, "next_refill_due": due.isoformat(),
               "note": "pump put in and filled" if d == p.pump_refills_from else "refilled at the pump clinic"}
        if d.year != year:
            year = d.year
            yield {"at": stamp(local(d + timedelta(days=30), time(14, 0))), "kind": "check",
                   "note": "yearly pump check: battery and catheter fine"}
        nxt = due - timedelta(days=rng.randint(1, 7))
        if rng.random() < 0.12 and nxt + timedelta(days=20) < last:
            alarm = due - timedelta(days=1)
            yield {"at": stamp(local(alarm, time(rng.randint(6, 22), rng.randint(0, 59)))), "kind": "alarm",
                   "note": "single beep about every hour; clinic says low reservoir"}
            nxt = due
        d = nxt


def person_json(p: Person, first: date, last: date, rng: random.Random) -> Json:
    doses: list[Json] = []
    for med in p.meds:
        if med is p.pump:
            continue
        if med.as_needed:
            doses.extend(prn_doses(p, med, first, last, rng))
        else:
            doses.extend(scheduled_doses(p, med, first, last, rng))
    doses.sort(key=lambda x: x["given"] or x["scheduled"])
    syms = sorted(symptoms(p, first, last, rng), key=lambda x: x["at"])
    obs = sorted(observations(p, first, last, rng), key=lambda x: x["at"])
    pumps = sorted(pump_events(p, first, last, rng), key=lambda x: x["at"]) if p.pump else []
    return {
        "id": p.id,
        "name": p.name,
        "birth_date": p.birth_date.isoformat(),
        "renal_impairment": p.renal,
        "conditions": p.conditions,
        "notes": p.notes,
        "medications": [m.to_json() for m in p.meds],
        "doses": doses,
        "symptoms": syms,
        "observations": obs,
        "pump_events": pumps,
        "notes_log": list(notes(first, last, rng)),
    }


def generate(years: float = 10, people: int = 3, seed: int = 1, end: date = date(2026, 11, 20),
             *, days_span: int | None = None) -> Json:
    """A whole journal of `people` people covering `years` (or `days_span` days) up to `end`."""
    span = days_span if days_span is not None else round(years * 365.25)
    first = end - timedelta(days=span - 1)
    rng = random.Random(seed)
    patients = []
    for i in range(people):
        prng = random.Random(rng.random())
        person = make_person(prng, i, first, end)
        patients.append(person_json(person, first, end, prng))
    return {"format": "caregiver-medication-journal", "version": 1, "timezone": TIMEZONE, "patients": patients}


def counts(doc: Json) -> dict[str, int]:
    c = {"patients": len(doc["patients"])}
    for key in ("medications", "doses", "symptoms", "observations", "pump_events", "notes_log"):
        c[key] = sum(len(p[key]) for p in doc["patients"])
    return c


def write(doc: Json, out: Path, *, pretty: bool = False) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        if pretty:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
        else:
            json.dump(doc, f, separators=(",", ":"), ensure_ascii=False)


def cached(years: float, people: int = 3, seed: int = 1, end: date = date(2026, 11, 20),
           *, days_span: int | None = None) -> Path:
    """The generated journal in the bench cache folder (bench.common.OUT), made once and reused."""
    from .common import OUT

    tag = f"{days_span}d" if days_span is not None else f"{years:g}y"
    out = OUT / f"journal-{tag}-{people}p-s{seed}-{end.isoformat()}.json"
    if not out.exists():
        tmp = out.with_suffix(".tmp")
        write(generate(years, people, seed, end, days_span=days_span), tmp)
        tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=float, default=10)
    ap.add_argument("--days", type=int, default=None, help="span in days (overrides --years)")
    ap.add_argument("--people", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 20))
    ap.add_argument("--pretty", action="store_true", help="indented JSON")
    ap.add_argument("out", type=Path)
    a = ap.parse_args(argv)
    doc = generate(a.years, a.people, a.seed, a.end, days_span=a.days)
    write(doc, a.out, pretty=a.pretty)
    print(" ".join(f"{k}={v}" for k, v in counts(doc).items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
