"""As-needed limits, the daily ceiling and stock through the journal service, the file and the
exchange format: validated with the field named, kept with their history, round trip included."""

from __future__ import annotations

import copy
import csv
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.domain import (
    AsNeededLimits,
    Dose,
    DoseStatus,
    Quantity,
    StockEvent,
    StockKind,
    Unit,
)
from journal.services.errors import ValidationError
from journal.services.exchange import export_document
from tests.conftest import NOW, minimal_document
from tests.services.support import table_dump


def limits(**kw: Any) -> AsNeededLimits:
    return AsNeededLimits(**kw)


def liquid_id(journal: Any) -> tuple[int, int]:
    journal.import_document(minimal_document())
    pid = journal.find_patient("Robin").id
    return pid, journal.find_medication(pid, "solution").id


# --- limits and ceiling ----------------------------------------------------------------------


def test_limits_and_ceiling_are_saved_read_back_and_their_earlier_values_kept(journal: Any) -> None:
    _pid, mid = liquid_id(journal)
    wanted = limits(max_doses_per_day=3, min_interval_hours=4, max_amount_per_day=Quantity(30, Unit.ML))
    journal.set_limits(mid, max_daily=Quantity(60, Unit.MG), as_needed_limits=wanted, by="Sam", reason="new letter")
    med = journal.get_medication(mid)
    assert med.as_needed_limits == wanted and med.max_daily == Quantity(60, Unit.MG)
    assert med.prescribed_max_daily_mg == 60
    journal.set_limits(mid, max_daily=None, as_needed_limits=limits(max_doses_per_day=2), by="Sam")
    med = journal.get_medication(mid)
    assert med.max_daily is None and med.as_needed_limits == limits(max_doses_per_day=2)
    revs = journal.revisions_of("medication", mid)
    assert [r.action for r in revs] == ["correct", "correct"]
    assert revs[0].after["max_daily"] == {"value": 60, "unit": "mg"}
    assert revs[1].before["as_needed_limits"]["min_interval_hours"] == 4
    # clearing every limit stores none at all
    journal.set_limits(mid, max_daily=None, as_needed_limits=limits())
    assert journal.get_medication(mid).as_needed_limits is None


@pytest.mark.parametrize(("kw", "field"), [
    ({"max_daily": Quantity(0, Unit.MG)}, "max_daily"),
    ({"max_daily": Quantity(2, Unit.TABLET)}, "max_daily"),  # a liquid has no tablets to convert
    ({"as_needed_limits": limits(max_doses_per_day=0)}, "as_needed_limits/max_doses_per_day"),
    ({"as_needed_limits": limits(max_doses_per_day=49)}, "as_needed_limits/max_doses_per_day"),
    ({"as_needed_limits": limits(min_interval_hours=0.1)}, "as_needed_limits/min_interval_hours"),
    ({"as_needed_limits": limits(min_interval_hours=float("nan"))}, "as_needed_limits/min_interval_hours"),
    ({"as_needed_limits": limits(max_amount_per_day=Quantity(0, Unit.ML))}, "as_needed_limits/max_amount_per_day"),
])
def test_bad_limits_name_the_field_and_change_nothing(journal: Any, journal_path: Path, kw: dict[str, Any],
                                                      field: str) -> None:
    _pid, mid = liquid_id(journal)
    before = table_dump(journal_path)
    args: dict[str, Any] = {"max_daily": None, "as_needed_limits": None, **kw}
    with pytest.raises(ValidationError) as e:
        journal.set_limits(mid, **args)
    assert e.value.field == field
    assert table_dump(journal_path) == before


# --- stock events ------------------------------------------------------------------------------


def test_stock_is_recorded_counted_down_by_given_doses_and_kept_through_corrections(journal: Any, robin: Any) -> None:
    pid, mid = robin
    count_at = NOW - timedelta(days=2)
    journal.record_stock(mid, StockEvent(at=count_at, kind=StockKind.COUNTED, amount=Quantity(60, Unit.TABLET)))
    got = journal.record_stock(mid, StockEvent(at=NOW - timedelta(days=1), kind=StockKind.RECEIVED,
                                               amount=Quantity(30, Unit.TABLET), note="pharmacy"))
    for hours in (1, 5, 30):  # given after the count (one of them in mg: 1 tablet of 10 mg)
        journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(hours=hours),
                                   amount=Quantity(10, Unit.MG) if hours == 5 else None))
    journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=count_at - timedelta(hours=1)))  # before the count
    level = journal.stock_level(mid)
    assert level.on_hand == 60 + 30 - 3 and level.per_day == 3
    journal.correct("stock_event", got.record_id, {"amount": "20 tablets"}, by="Sam", reason="it was 20")
    assert journal.stock_level(mid).on_hand == 60 + 20 - 3
    journal.remove("stock_event", got.record_id, by="Sam", reason="wrong medicine")
    assert journal.stock_level(mid).on_hand == 60 - 3
    assert journal.get_record("stock_event", got.record_id).removed  # kept in the file
    assert [r.action for r in journal.revisions_of("stock_event", got.record_id)] == ["correct", "remove"]
    assert journal.revisions_of("stock_event", got.record_id)[0].before["amount"] == {"value": 30, "unit": "tablet"}


def test_a_new_stock_event_shows_in_the_checks(journal: Any, robin: Any) -> None:
    _pid, mid = robin
    out = journal.record_stock(mid, StockEvent(at=NOW, kind=StockKind.COUNTED, amount=Quantity(5, Unit.TABLET)))
    assert "medications" in out.changed and "alerts" in out.changed
    assert [a.severity.value for a in out.alerts if a.rule == "stock-low"] == ["warning"]


@pytest.mark.parametrize(("event", "field"), [
    (StockEvent(at=NOW, kind="bought", amount=Quantity(5, Unit.TABLET)), "kind"),  # type: ignore[arg-type]
    (StockEvent(at=NOW.replace(tzinfo=None), kind=StockKind.COUNTED, amount=Quantity(5, Unit.TABLET)), "at"),
    (StockEvent(at=NOW + timedelta(days=3), kind=StockKind.COUNTED, amount=Quantity(5, Unit.TABLET)), "at"),
    (StockEvent(at=NOW, kind=StockKind.RECEIVED, amount=Quantity(0, Unit.TABLET)), "amount"),
    (StockEvent(at=NOW, kind=StockKind.COUNTED, amount=Quantity(60000, Unit.TABLET)), "amount"),
    (StockEvent(at=NOW, kind=StockKind.RECEIVED, amount=Quantity(100, Unit.ML)), "amount"),  # tablets counted
])
def test_bad_stock_events_name_the_field_and_change_nothing(journal: Any, robin: Any, journal_path: Path,
                                                            event: StockEvent, field: str) -> None:
    _pid, mid = robin
    journal.record_stock(mid, StockEvent(at=NOW - timedelta(days=1), kind=StockKind.COUNTED,
                                         amount=Quantity(60, Unit.TABLET)))
    before = table_dump(journal_path)
    with pytest.raises(ValidationError) as e:
        journal.record_stock(mid, event)
    assert e.value.field == field
    assert table_dump(journal_path) == before


def test_a_count_of_zero_is_allowed(journal: Any, robin: Any) -> None:
    _pid, mid = robin
    journal.record_stock(mid, StockEvent(at=NOW, kind=StockKind.COUNTED, amount=Quantity(0, Unit.TABLET)))
    assert journal.stock_level(mid).on_hand == 0


# --- exchange format ----------------------------------------------------------------------------


def document_with_everything() -> dict[str, Any]:
    doc = minimal_document()
    meds = doc["patients"][0]["medications"]
    meds[0]["max_daily"] = {"value": 60, "unit": "mg"}
    meds[0]["stock"] = [
        {"at": "2026-09-29T07:00", "kind": "counted", "amount": {"value": 60, "unit": "tablet"}, "note": ""},
        {"at": "2026-09-30T16:00", "kind": "received", "amount": {"value": 90, "unit": "tablet"}, "note": "refill"},
        {"at": "2026-09-30T17:00", "kind": "discarded", "amount": {"value": 1, "unit": "tablet"}, "note": "dropped"},
    ]
    meds[1]["as_needed_limits"] = {"max_doses_per_day": 3, "min_interval_hours": 4.5,
                                   "max_amount_per_day": {"value": 30, "unit": "mL"}}
    return doc


def test_limits_ceiling_and_stock_round_trip(journal: Any, tmp_path: Path, clock: Any) -> None:
    from journal.services.journal import Journal

    journal.import_document(document_with_everything())
    first = export_document(journal)
    med = first["patients"][0]["medications"]
    assert med[0]["max_daily"] == {"value": 60, "unit": "mg"}
    assert [(e["kind"], e["amount"]["value"], e["note"]) for e in med[0]["stock"]] == [
        ("counted", 60, ""), ("received", 90, "refill"), ("discarded", 1, "dropped")]
    assert med[0]["stock"][0]["at"] == "2026-09-29T07:00:00-05:00"
    assert med[1]["as_needed_limits"] == {"max_doses_per_day": 3, "min_interval_hours": 4.5,
                                          "max_amount_per_day": {"value": 30, "unit": "mL"}}
    other = Journal.open(tmp_path / "other.sqlite3", clock)
    try:
        other.import_document(copy.deepcopy(first))
        assert export_document(other) == first
        # importing the same document again adds nothing
        assert other.import_document(copy.deepcopy(first)).added == 0
        assert export_document(other) == first
    finally:
        other.close()


def test_an_old_document_exports_exactly_as_before(journal: Any) -> None:
    """A document with none of the new fields gets none of them back (the same bytes)."""
    journal.import_document(minimal_document())
    exported = export_document(journal)
    for m in exported["patients"][0]["medications"]:
        assert not {"as_needed_limits", "max_daily", "stock"} & set(m)
    text = json.dumps(exported, indent=2, ensure_ascii=False)
    journal.import_document(json.loads(text))
    assert json.dumps(export_document(journal), indent=2, ensure_ascii=False) == text


@pytest.mark.parametrize(("change", "where"), [
    (lambda m: m[1].update(as_needed_limits={"max_doses_per_day": 0}),
     "/patients/0/medications/1/as_needed_limits/max_doses_per_day"),
    (lambda m: m[1].update(as_needed_limits={"max_doses_per_day": 2, "every": 3}),
     "/patients/0/medications/1/as_needed_limits/every"),
    (lambda m: m[1].update(as_needed_limits={"max_amount_per_day": {"value": 2, "unit": "tablet"}}),
     "/patients/0/medications/1/as_needed_limits/max_amount_per_day"),
    (lambda m: m[0].update(max_daily={"value": 0, "unit": "mg"}), "/patients/0/medications/0/max_daily"),
    (lambda m: m[0].update(stock=[{"at": "2026-09-29T07:00", "kind": "bought",
                                   "amount": {"value": 1, "unit": "tablet"}}]), "/patients/0/medications/0/stock/0/kind"),
    (lambda m: m[0].update(stock=[{"at": "2026-13-29T07:00", "kind": "counted",
                                   "amount": {"value": 1, "unit": "tablet"}}]), "/patients/0/medications/0/stock/0/at"),
    (lambda m: m[0].update(stock=[{"at": "2026-09-29T07:00", "kind": "counted"}]),
     "/patients/0/medications/0/stock/0/amount"),
    (lambda m: m[0].update(stock=[
        {"at": "2026-09-29T07:00", "kind": "counted", "amount": {"value": 1, "unit": "tablet"}},
        {"at": "2026-09-30T07:00", "kind": "received", "amount": {"value": 100, "unit": "mL"}}]),
     "/patients/0/medications/0/stock/1/amount"),
])
def test_bad_new_fields_name_the_json_pointer_and_import_nothing(journal: Any, journal_path: Path,
                                                                 change: Any, where: str) -> None:
    doc = minimal_document()
    change(doc["patients"][0]["medications"])
    before = table_dump(journal_path)
    with pytest.raises(ValidationError) as e:
        journal.import_document(doc)
    assert e.value.field == where
    assert table_dump(journal_path) == before


def test_csv_export_has_the_stock_and_the_limits(journal: Any, tmp_path: Path) -> None:
    journal.import_document(document_with_everything())
    journal.export_csv(tmp_path / "csv")
    with (tmp_path / "csv" / "stock.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["medicine"], r["at"], r["kind"], r["amount"], r["unit"], r["note"]) for r in rows] == [
        ("Baclofen 10 mg tablets", "2026-09-29 07:00", "counted", "60", "tablet", ""),
        ("Baclofen 10 mg tablets", "2026-09-30 16:00", "received", "90", "tablet", "refill"),
        ("Baclofen 10 mg tablets", "2026-09-30 17:00", "discarded", "1", "tablet", "dropped"),
    ]
    with (tmp_path / "csv" / "medications.csv").open(encoding="utf-8-sig", newline="") as f:
        meds = {r["medicine"]: r for r in csv.DictReader(f)}
    assert meds["Baclofen 10 mg tablets"]["max_daily"] == "60 mg"
    liquid = meds["Baclofen oral solution 1 mg/mL"]
    assert (liquid["as_needed_max_doses_per_day"], liquid["as_needed_min_hours_between"],
            liquid["as_needed_max_amount_per_day"]) == ("3", "4.5", "30 mL")


def test_stock_in_the_history_reaches_back_past_the_checks_window(journal: Any, robin: Any) -> None:
    """Doses given since a count weeks ago are all taken off, not only the last 8 days'."""
    pid, mid = robin
    journal.record_stock(mid, StockEvent(at=NOW - timedelta(days=20), kind=StockKind.COUNTED,
                                         amount=Quantity(90, Unit.TABLET)))
    for day in range(1, 20):
        journal.log_dose(pid, Dose(mid, DoseStatus.TAKEN, given=NOW - timedelta(days=day)))
    history = journal.history(pid, NOW - timedelta(days=8), NOW)
    # the last week one by one (their times matter), the rest summed by amount
    assert len(history.stock_doses[mid]) == 7 and history.stock_given[mid].count == 12
    assert journal.stock_level(mid).on_hand == 71
    assert journal.stock_level(mid).doses_given == 19


def test_the_report_lists_limits_ceiling_and_days_left(journal: Any) -> None:
    from journal.services.reports import build_for

    journal.import_document(document_with_everything())
    pid = journal.find_patient("Robin").id
    tablets = journal.find_medication(pid, "Baclofen 10 mg tablets")
    data = build_for(journal, "Robin", with_alerts=False)
    lines = {m.name: m for m in data.medicines}
    # counted 60, +90, -1; one tablet given on 30 September after the count: 148 at 3 a day
    assert lines["Baclofen 10 mg tablets"].stock == "stock at the period's end: about 148 tablets on hand, about 49 days left"
    assert lines["Baclofen 10 mg tablets"].limits == "ceiling 60 mg a day"
    assert lines["Baclofen oral solution 1 mg/mL"].limits == \
        "as needed: at most 3 doses, at least 4.5 h apart, at most 30 mL in 24 hours"
    assert lines["Baclofen oral solution 1 mg/mL"].stock == ""
    assert tablets.max_daily == Quantity(60, Unit.MG)


def test_the_report_pdf_prints_the_new_lines(journal: Any, tmp_path: Path, qapp: Any) -> None:
    import shutil
    import subprocess

    from journal.services.reports import build_for, write_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    journal.import_document(document_with_everything())
    out = tmp_path / "report.pdf"
    write_pdf(build_for(journal, "Robin", with_alerts=False), out, "A4")
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "about 148 tablets on hand, about 49 days left" in text
    assert "ceiling 60 mg a day" in text


def test_command_line_import_check_and_a_bad_stock_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`import` names a bad stock entry by pointer (exit 2, nothing added); a good one runs
    through `check --json` as a stock-low alert with its evidence."""
    from journal.app import main
    from journal.domain import FixedClock

    db = tmp_path / "cli.sqlite3"
    doc = minimal_document()
    doc["patients"][0]["medications"][0]["stock"] = [
        {"at": "2026-09-30T07:00", "kind": "counted", "amount": {"value": 6, "unit": "tablet"}},
        {"at": "2026-09-30T09:00", "kind": "received", "amount": {"value": 5, "unit": "sachet"}}]
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text(json.dumps(doc))
    assert main(["--db", str(db), "import", str(bad)], clock=FixedClock(NOW)) == 2
    err = capsys.readouterr().err
    assert "/patients/0/medications/0/stock/1/amount" in err
    del doc["patients"][0]["medications"][0]["stock"][1]
    good.write_text(json.dumps(doc))
    assert main(["--db", str(db), "import", str(good)], clock=FixedClock(NOW)) == 0
    assert "1 stock entry" in capsys.readouterr().out
    assert main(["--db", str(db), "check", "--json"], clock=FixedClock(NOW)) == 0
    out = json.loads(capsys.readouterr().out)
    alerts = out["alerts"] if isinstance(out, dict) else out
    [low] = [a for a in alerts if a["rule"] == "stock-low"]
    # counted 6 on the 30th at 07:00, one tablet given at 08:10 after it: 5 at 3 a day
    assert low["severity"] == "warning" and "on hand now: about 5 tablets" in low["evidence"]


def test_the_reports_corrections_name_stock_entries_and_limits_in_words(journal: Any, robin: Any) -> None:
    from journal.services.reports import build_for

    _pid, mid = robin
    got = journal.record_stock(mid, StockEvent(at=NOW - timedelta(hours=3), kind=StockKind.RECEIVED,
                                               amount=Quantity(30, Unit.TABLET)))
    journal.remove("stock_event", got.record_id, by="Sam", reason="wrong bottle")
    journal.set_limits(mid, max_daily=None, as_needed_limits=limits(max_doses_per_day=2, min_interval_hours=6),
                       by="Sam", reason="letter")
    lines = build_for(journal, "Robin", with_alerts=False).corrections
    stock = next(c for c in lines if c.what.startswith("Stock entry"))
    assert stock.what.startswith("Stock entry (received) of Baclofen 10 mg tablets, ")
    medicine = next(c for c in lines if c.what == "Medicine")
    assert "as needed limits: (empty) -> at most 2 doses, at least 6 h apart in 24 hours" in medicine.changes


@pytest.mark.parametrize(("kind", "english", "spanish"), [
    (StockKind.RECEIVED, "received: 0 tablets is nothing", "recibido: 0 "),
    (StockKind.DISCARDED, "thrown away: 0 tablets is nothing", "desechado: 0 "),
])
def test_an_empty_stock_entry_is_refused_in_the_words_of_the_form(journal: Any, robin: Any, kind: StockKind,
                                                                  english: str, spanish: str) -> None:
    """The refusal names what happened in words, in the language in use (not the stored code)."""
    from journal.domain.i18n import set_language

    _pid, mid = robin
    with pytest.raises(ValidationError) as e:
        journal.record_stock(mid, StockEvent(at=NOW, kind=kind, amount=Quantity(0, Unit.TABLET)))
    assert e.value.message.startswith(english)
    set_language("es")
    try:
        with pytest.raises(ValidationError) as e:
            journal.record_stock(mid, StockEvent(at=NOW, kind=kind, amount=Quantity(0, Unit.TABLET)))
        assert e.value.message.startswith(spanish) and "discarded" not in e.value.message
    finally:
        set_language(None)
