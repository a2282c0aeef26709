"""Property: any valid journal exported, imported into an empty journal and exported again gives
the identical document; importing the same document twice adds nothing."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain import ASHWORTH_GRADES, SYMPTOM_CODES, FixedClock
from journal.services.exchange import reference_validator
from journal.services.journal import Journal, local_timezone_name
from journal.services.validation import clean_name, name_key
from journal.storage.backups import backup_file
from tests.conftest import NOW

ZONES = ["America/Chicago", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
NAME = TEXT.filter(lambda s: s.strip() != "")

moments = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2026, 9, 30))


@st.composite
def timestamp(draw: Any) -> str:
    moment = draw(moments)
    style = draw(st.sampled_from(["minutes", "seconds", "micro", "offset", "utc"]))
    if style == "minutes":
        return moment.strftime("%Y-%m-%dT%H:%M")
    if style == "seconds":
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    if style == "micro":
        return moment.isoformat(timespec="microseconds")
    if style == "utc":
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    hours = draw(st.integers(-11, 13))
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(
        ZoneInfo(f"Etc/GMT{-hours:+d}" if hours else "UTC")).isoformat()


def day() -> Any:
    return st.dates(min_value=date(1930, 1, 1), max_value=date(2026, 9, 30)).map(date.isoformat)


def number(low: float, high: float) -> Any:
    return st.one_of(st.integers(int(low), int(high)), st.floats(low, high, allow_nan=False, allow_infinity=False))


def dose_amount(high: float) -> Any:
    """A planned or given amount: more than nothing (a given dose of 0 is refused)."""
    return st.one_of(st.integers(1, int(high)), st.floats(0.1, high, allow_nan=False, allow_infinity=False))


@st.composite
def medication(draw: Any, ref: str, name: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["tablet", "liquid", "pump"]))
    med: dict[str, Any] = {"id": ref, "name": name, "drug": draw(st.sampled_from(["baclofen", "tizanidine", None]))}
    if kind == "tablet" and draw(st.booleans()):
        med.update(route="other", form="other")  # no strength known: amounts in mg only
        dose_units = ["mg", "mcg"]
    elif kind == "tablet":
        med.update(route="oral", form="tablet", strength={"value": draw(st.sampled_from([5, 10, 20, 2.5])), "unit": "mg"})
        dose_units = ["mg", "tablet"]
    elif kind == "liquid":
        med.update(route="oral", form=draw(st.sampled_from(["solution", "suspension"])),
                   strength={"value": draw(st.sampled_from([1, 5])), "unit": "mg",
                             "per": {"value": draw(st.sampled_from([1, 5])), "unit": "mL"}})
        dose_units = ["mg", "mL"]
    else:
        med.update(route="intrathecal", form="pump",
                   strength={"value": 500, "unit": "mcg", "per": {"value": 1, "unit": "mL"}})
        dose_units = ["mcg"]
    med["as_needed"] = draw(st.booleans())
    regimens = []
    start = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2025, 1, 1)))
    for _ in range(draw(st.integers(0, 3))):
        end = draw(st.one_of(st.none(), st.integers(0, 200).map(lambda n, s=start: s + timedelta(days=n))))
        regimens.append({
            "start": start.isoformat(), "end": end.isoformat() if end else None,
            "dose": {"value": draw(dose_amount(50)), "unit": dose_units[0]},
            "times": draw(st.lists(st.times().map(lambda t: t.strftime("%H:%M")), max_size=4)),
            "every_days": draw(st.integers(1, 3)), "prescribed_by": draw(TEXT), "reason": draw(TEXT),
        })
        start = (end or start) + timedelta(days=1)
    med["regimens"] = regimens
    # Added since the first edition (all optional): the ceiling, as-needed limits and stock.
    if draw(st.booleans()):
        med["max_daily"] = {"value": draw(number(1, 200)), "unit": dose_units[0]}
    if draw(st.booleans()):
        med["as_needed_limits"] = draw(st.fixed_dictionaries({}, optional={
            "max_doses_per_day": st.one_of(st.none(), st.integers(1, 12)),
            "min_interval_hours": st.one_of(st.none(), number(1, 24)),
            "max_amount_per_day": st.one_of(st.none(), st.builds(lambda v: {"value": v, "unit": dose_units[0]},
                                                                 number(1, 500)))}))
    if draw(st.booleans()):
        unit = dose_units[-1]
        med["stock"] = draw(st.lists(st.fixed_dictionaries(
            {"at": timestamp(), "kind": st.sampled_from(["counted", "received", "discarded"]),
             "amount": st.builds(lambda v, u=unit: {"value": v, "unit": u}, number(1, 500))},
            optional={"note": TEXT}), max_size=4))
    med["_units"] = dose_units
    return med


OBS_KINDS = {
    "temperature": (25, 45), "heart-rate": (30, 220), "respiratory-rate": (5, 60), "blood-pressure": (60, 250),
    "oxygen-saturation": (50, 100), "penn-spasm-frequency": (0, 4), "pain-nrs": (0, 10), "weight": (1, 300),
}


@st.composite
def observation(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from([*OBS_KINDS, "modified-ashworth"]))
    obs: dict[str, Any] = {"at": draw(timestamp()), "kind": kind}
    if kind == "modified-ashworth":
        obs["value"] = draw(st.sampled_from(ASHWORTH_GRADES))
        obs["body_part"] = draw(TEXT)
    else:
        obs["value"] = draw(number(*OBS_KINDS[kind]))
    if kind == "blood-pressure":
        obs["value2"] = draw(number(30, 150))
    if draw(st.booleans()):
        obs["note"] = draw(TEXT)
    return obs


@st.composite
def person(draw: Any, ref: str, name: str) -> dict[str, Any]:
    med_names = draw(st.lists(NAME, max_size=3, unique_by=name_key))
    meds = [draw(medication(f"{ref}-m{i}", n)) for i, n in enumerate(med_names)]
    doses = []
    for _ in range(draw(st.integers(0, 8))) if meds else []:
        med = draw(st.sampled_from(meds))
        scheduled = draw(st.one_of(st.none(), timestamp()))
        given_at = draw(timestamp()) if scheduled is None else draw(st.one_of(st.none(), timestamp()))
        amount = draw(st.one_of(st.none(), st.builds(lambda v, u: {"value": v, "unit": u},
                                                       dose_amount(20), st.sampled_from(med["_units"]))))
        doses.append({"medication": med["id"], "scheduled": scheduled, "given": given_at, "amount": amount,
                      "status": draw(st.sampled_from(["taken", "skipped", "refused", "vomited", "missed"])),
                      "by": draw(TEXT), "note": draw(TEXT)})
    for m in meds:
        del m["_units"]
    return {
        "id": ref, "name": name, "birth_date": draw(st.one_of(st.none(), day())),
        "renal_impairment": draw(st.sampled_from(["none", "mild", "moderate", "severe"])),
        "conditions": draw(st.lists(TEXT, max_size=2)), "notes": draw(TEXT),
        "medications": meds, "doses": doses,
        "symptoms": draw(st.lists(st.fixed_dictionaries(
            {"at": timestamp(), "symptom": st.sampled_from(SYMPTOM_CODES)},
            optional={"severity": st.one_of(st.none(), st.integers(0, 10)),
                      "duration_minutes": st.one_of(st.none(), st.integers(0, 600)), "note": TEXT}), max_size=5)),
        "observations": draw(st.lists(observation(), max_size=5)),
        "pump_events": draw(st.lists(st.fixed_dictionaries(
            {"at": timestamp(), "kind": st.sampled_from(["refill", "alarm", "check", "dose-change", "catheter-problem"])},
            # A refill of 0 mL, a concentration of 0 or a refill date years after the event are
            # refused (they would switch refill-due off): test_harden_plausible_values.py.
            optional={"volume_ml": number(1, 40), "concentration_mcg_per_ml": number(1, 2000),
                      "daily_dose_mcg": number(1, 1000), "reservoir_ml": number(0, 40), "low_alarm_ml": number(0, 5),
                      "next_refill_due": st.one_of(st.none(), st.dates(min_value=date(2018, 6, 1),
                                                                       max_value=date(2019, 12, 31)).map(date.isoformat)),
                      "note": TEXT}), max_size=3)),
        "notes_log": draw(st.lists(st.fixed_dictionaries({"at": timestamp(), "text": TEXT}), max_size=3)),
    }


@st.composite
def document(draw: Any) -> dict[str, Any]:
    names = draw(st.lists(NAME, min_size=1, max_size=2, unique_by=name_key))
    doc: dict[str, Any] = {"format": "caregiver-medication-journal", "version": 1,
                           "patients": [draw(person(f"p{i}", n)) for i, n in enumerate(names)]}
    if draw(st.booleans()):
        doc["timezone"] = draw(st.sampled_from(ZONES))
    return doc


def instant(text: str, zone: ZoneInfo) -> datetime:
    """The instant a time names, in UTC: a local time in the hour a clock change repeats compares
    unequal to every time in another zone (PEP 495), so the comparison is made in one zone."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)


def fresh(folder: Path, name: str, template: Path) -> Journal:
    path = folder / name
    backup_file(template, path)  # an empty, migrated journal (see conftest)
    return Journal.open(path, FixedClock(NOW))


# 30 generated journals; the fixed one is test_exchange.py::test_export_import_export_is_identical.
@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=document())
def test_export_import_export_gives_the_identical_document(doc: dict[str, Any], _empty_journal_file: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = fresh(Path(tmp), "a.sqlite3", _empty_journal_file)
        summary = first.import_document(json.loads(json.dumps(doc)))
        exported = first.export_document()
        again = first.import_document(json.loads(json.dumps(doc)))
        assert again.added == 0, "re-importing the same document must add nothing"
        assert first.export_document() == exported

        second = fresh(Path(tmp), "b.sqlite3", _empty_journal_file)
        second.import_document(json.loads(json.dumps(exported)))
        assert second.export_document() == exported
        first.close()
        second.close()

    assert list(reference_validator().iter_errors(exported)) == []
    # Nothing is lost on the way in: the same instants (to the microsecond), codes and texts.
    zone = ZoneInfo(doc.get("timezone") or local_timezone_name())  # the spec: else the machine's zone
    for original, out in zip(doc["patients"], exported["patients"], strict=True):
        assert out["name"] == clean_name(original["name"])  # NFC, single spaces
        assert sorted(instant(d["given"], zone) for d in out["doses"] if d["given"]) == sorted(
            instant(d["given"], zone) for d in original["doses"] if d["given"])
        assert sorted((instant(x["at"], zone), x["symptom"], x.get("note", "")) for x in out["symptoms"]) == sorted(
            (instant(x["at"], zone), x["symptom"], x.get("note", "")) for x in original["symptoms"])
        assert sorted((d["by"], d["note"], d["status"]) for d in out["doses"]) == sorted(
            (d["by"], d["note"], d["status"]) for d in original["doses"])
    assert summary.doses == sum(len(p["doses"]) for p in doc["patients"])
    assert [len(p["symptoms"]) for p in exported["patients"]] == [len(p["symptoms"]) for p in doc["patients"]]
    assert summary.stock_events == sum(len(m.get("stock", [])) for p in doc["patients"] for m in p["medications"])
    assert [len(p["observations"]) for p in exported["patients"]] == [len(p["observations"]) for p in doc["patients"]]
