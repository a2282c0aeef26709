"""The command-line contract's additions (../shared/spec/command-line.md): --version, import
--dry-run, export --format xlsx, log-reading, log-symptom by plain name, and write commands that
print only the alerts they raised or made worse."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import FixedClock
from tests.conftest import NOW, minimal_document

ROOT = Path(__file__).resolve().parents[2]


# --- --version ----------------------------------------------------------------------------------


def test_version_prints_the_version_pyproject_declares_and_opens_nothing(tmp_path: Path) -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    db = tmp_path / "never.sqlite3"
    result = subprocess.run([sys.executable, "main.py", "--db", str(db), "--version"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    assert result.stdout == f"carejournal {declared}\n"
    assert not db.exists() and not db.parent.joinpath("backups").exists()


def test_version_comes_from_the_checkout_else_from_the_installed_metadata(tmp_path: Path) -> None:
    from importlib import metadata

    import journal

    checkout = tmp_path / "checkout.toml"
    checkout.write_text('[project]\nname = "carejournal"\nversion = "9.9.9"\n')
    assert journal.version(checkout) == "9.9.9"  # a source checkout tells its own version
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9.9"\n')
    assert journal.version(other) == metadata.version("carejournal")
    assert journal.version(tmp_path / "missing.toml") == metadata.version("carejournal")
    assert journal.__version__ == journal.version()


def exported(run: Any) -> dict[str, Any]:
    code, out, err = run("export", "-")
    assert code == 0, err
    person: dict[str, Any] = json.loads(out)["patients"][0]
    return person


# --- log-symptom: catalog codes and the plain names the catalog lists ---------------------------


@pytest.mark.parametrize(("typed", "code"), [("twitching", "muscle-twitching"), ("Muscle Twitching", "muscle-twitching"),
                                             ("muscle_twitching", "muscle-twitching"), ("fit", "seizure"),
                                             ("Feeling sick", "nausea"), ("drowsiness", "drowsiness"),
                                             ("fell", "fall")])
def test_log_symptom_takes_a_code_or_a_plain_name_the_catalog_lists(run: Any, doc_file: Path, typed: str,
                                                                    code: str) -> None:
    run("import", str(doc_file))
    result, out, err = run("log-symptom", "--patient", "Robin", "--symptom", typed, "--at", "11:00")
    assert result == 0, err
    assert out.startswith(f"Logged {code} for Robin Shaw at 2026-10-01 11:00.")
    assert exported(run)["symptoms"][-1]["symptom"] == code


@pytest.mark.parametrize(("typed", "closest"), [("twiching", "muscle-twitching"), ("headach", "headache"),
                                                ("sick", "nausea"), ("hiccups", "")])
def test_an_unknown_symptom_exits_2_naming_the_closest_codes_and_writes_nothing(
    run: Any, doc_file: Path, typed: str, closest: str
) -> None:
    run("import", str(doc_file))
    before = exported(run)["symptoms"]
    code, out, err = run("log-symptom", "--patient", "Robin", "--symptom", typed)
    assert code == 2 and out == ""
    assert err.startswith(f'log-symptom: --symptom: "{typed}" is not in the symptom catalog; the closest codes are ')
    named = err.split("the closest codes are ", 1)[1].split(" (or", 1)[0].split(", ")
    assert len(named) == 3 and closest in named + [""]
    assert exported(run)["symptoms"] == before


def test_the_catalog_refuses_a_name_for_an_unknown_code_or_for_two_codes(tmp_path: Path) -> None:
    from journal.knowledge import RESOURCES, KnowledgeError, load_catalog

    catalog = json.loads((RESOURCES / "symptoms.json").read_text())
    for names, words in [({"twitchy": "twitchiness"}, "names.twitchy"),
                         ({"jerks": "muscle-twitching", "Jerks ": "tremor"}, "listed for both"),
                         ({"seizure": "tremor"}, "is the code 'seizure' itself")]:
        path = tmp_path / "symptoms.json"
        path.write_text(json.dumps(dict(catalog, names=names)))
        with pytest.raises(KnowledgeError, match=words):
            load_catalog(path)


# --- write commands print the alerts they raised or made worse, not every open one --------------


def test_a_write_does_not_repeat_the_alerts_already_open(run: Any, doc_file: Path) -> None:
    run("import", str(doc_file))
    code, out, _ = run("check")
    assert code == 0 and "no dose for" in out  # abrupt-stop is open (last dose yesterday 08:10)
    code, out, _ = run("log-symptom", "--patient", "Robin", "--symptom", "headache", "--severity", "2")
    assert code == 0
    assert out == "Logged headache, severity 2 for Robin Shaw at 2026-10-01 12:00.\n"


def test_a_write_prints_the_alert_it_raised_and_the_one_it_made_worse(run: Any, doc_file: Path) -> None:
    run("import", str(doc_file))
    code, out, _ = run("log-symptom", "--patient", "Robin", "--symptom", "confusion", "--severity", "3",
                       "--at", "11:00")
    assert code == 0
    raised = [line for line in out.splitlines()[1:] if ": " in line and line.split(":")[0].isupper()]
    assert raised and all("no dose for" not in line for line in raised)
    assert "This is not medical advice" in out
    code, out, _ = run("log-symptom", "--patient", "Robin", "--symptom", "confusion", "--severity", "9",
                       "--at", "11:30")
    assert code == 0
    assert any(line.startswith("EMERGENCY: ") for line in out.splitlines())


def _alert(severity: str, evidence: list[str], rule: str = "red-flag-symptom") -> Any:
    from journal.domain import Alert, Severity

    return Alert(rule=rule, severity=Severity(severity), patient="Robin Shaw", since=NOW, title="t", message="m",
                 advice="a", evidence=evidence, reference="when-to-call", patient_id=1)


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ([], [("urgent", ["confusion 3/10 at 11:00"])], True),  # raised
        ([("urgent", ["confusion 3/10 at 11:00"])], [("urgent", ["confusion 3/10 at 11:00"])], False),  # open
        ([("urgent", ["last dose (2 h ago)"])], [("urgent", ["last dose (3 h ago)"])], False),  # only time passed
        ([("urgent", ["confusion 3/10 at 11:00"])], [("emergency", ["confusion 3/10 at 11:00"])], True),  # worse
        ([("urgent", ["confusion 3/10 at 11:00"])], [("urgent", ["confusion 3/10 at 11:00", "fever 39"])], True),
        ([("emergency", ["confusion 9/10 at 11:00"])], [("urgent", ["confusion 9/10 at 11:00"])], False),  # better
    ],
)
def test_raised_or_worse_is_judged_like_an_acknowledgement(before: list[Any], after: list[Any], shown: bool) -> None:
    from journal.rules.ack import raised_or_worse

    found = raised_or_worse([_alert(*a) for a in before], [_alert(*a) for a in after])
    assert bool(found) is shown


# --- log-reading --------------------------------------------------------------------------------


@pytest.fixture
def no_medicines(run: Any, tmp_path: Path) -> None:
    """Robin with no medicines: only the reading itself can raise an alert."""
    path = tmp_path / "no-medicines.json"
    path.write_text(json.dumps(minimal_document(medications=[], doses=[])))
    assert run("import", str(path))[0] == 0


@pytest.mark.parametrize(
    ("argv", "logged", "stored"),
    [
        (["--kind", "temperature", "--value", "37.2"], "temperature 37.2 °C", ("temperature", 37.2, None)),
        (["--kind", "temperature", "--value", "98.6", "--unit", "F"], "temperature 37 °C (98.6 °F)",
         ("temperature", 37, None)),
        (["--kind", "temperature", "--value", "38,1", "--unit", "°C"], "temperature 38.1 °C", ("temperature", 38.1, None)),
        (["--kind", "weight", "--value", "154", "--unit", "lb"], "weight 69.853 kg (154.0 lb)", ("weight", 69.853, None)),
        (["--kind", "weight", "--value", "62.5", "--unit", "kg"], "weight 62.5 kg", ("weight", 62.5, None)),
        (["--kind", "blood-pressure", "--value", "120", "--value2", "80"], "blood-pressure 120/80 mmHg",
         ("blood-pressure", 120, 80)),
        (["--kind", "Heart-Rate", "--value", "72"], "heart-rate 72 a minute", ("heart-rate", 72, None)),
        (["--kind", "modified-ashworth", "--value", "1+", "--body-part", "left knee"], "modified-ashworth 1+ (left knee)",
         ("modified-ashworth", "1+", None)),
        (["--kind", "pain-nrs", "--value", "6"], "pain-nrs 6", ("pain-nrs", 6, None)),
    ],
)
def test_log_reading_stores_celsius_and_kilograms(run: Any, no_medicines: None, argv: list[str], logged: str,
                                                  stored: tuple[Any, ...]) -> None:
    code, out, err = run("log-reading", "--patient", "Robin", *argv, "--at", "10:00", "--note", "after lunch")
    assert code == 0, err
    assert out == f"Logged {logged} for Robin Shaw at 2026-10-01 10:00.\n"
    reading = exported(run)["observations"][-1]
    assert (reading["kind"], reading["value"], reading.get("value2")) == stored
    assert reading["at"] == "2026-10-01T10:00:00-05:00" and reading["note"] == "after lunch"


def test_a_fever_read_in_fahrenheit_raises_the_alert_at_the_threshold_and_not_below(run: Any, no_medicines: None) -> None:
    # 38.5 °C (the catalog's fever line, clinical-facts.md) is 101.3 °F; 101.2 °F is 38.44 °C.
    code, out, _ = run("log-reading", "--patient", "Robin", "--kind", "temperature", "--value", "101.2",
                       "--unit", "F", "--at", "10:00")
    assert code == 0 and out == "Logged temperature 38.44 °C (101.2 °F) for Robin Shaw at 2026-10-01 10:00.\n"
    code, out, _ = run("log-reading", "--patient", "Robin", "--kind", "temperature", "--value", "101.3",
                       "--unit", "F", "--at", "10:30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Logged temperature 38.5 °C (101.3 °F) for Robin Shaw at 2026-10-01 10:30."
    assert lines[1].startswith("URGENT: ") and lines[-1].endswith("in an emergency call 911.")
    assert exported(run)["observations"][-1]["value"] == 38.5


@pytest.mark.parametrize(
    ("argv", "named", "words"),
    [
        (["--kind", "temp", "--value", "37"], "--kind", "not a kind of reading"),
        (["--kind", "temperature", "--value", "warm"], "--value", "not a number"),
        (["--kind", "temperature", "--value", "nan"], "--value", "not a number"),
        (["--kind", "temperature", "--value", "101.3"], "--value", "give the unit F"),
        (["--kind", "temperature", "--value", "20", "--unit", "F"], "--value", "outside"),
        (["--kind", "temperature", "--value", "37", "--unit", "K"], "--unit", "use C or F"),
        (["--kind", "weight", "--value", "70", "--unit", "F"], "--unit", "use kg or lb"),
        (["--kind", "weight", "--value", "2000", "--unit", "lb"], "--value", "outside"),
        (["--kind", "pain-nrs", "--value", "4", "--unit", "kg"], "--unit", "has no unit"),
        (["--kind", "pain-nrs", "--value", "11"], "--value", "outside 0-10"),
        (["--kind", "blood-pressure", "--value", "120"], "--value2", "bottom number"),
        (["--kind", "blood-pressure", "--value", "80", "--value2", "120"], "--value2", "lower than the top"),
        (["--kind", "heart-rate", "--value", "80", "--value2", "60"], "--value2", "one value only"),
        (["--kind", "modified-ashworth", "--value", "5"], "--value", "Ashworth grade"),
        (["--kind", "temperature", "--value", "37", "--at", "2026-10-03T08:00"], "--at", "future"),
        (["--kind", "temperature", "--value", "37", "--at", "noonish"], "--at", "not a time"),
        (["--kind", "temperature"], "--value", "required"),
    ],
)
def test_log_reading_bad_input_exits_2_naming_the_argument_and_writes_nothing(
    run: Any, no_medicines: None, tmp_path: Path, argv: list[str], named: str, words: str
) -> None:
    before = exported(run)
    code, out, err = run("log-reading", "--patient", "Robin", *argv)
    assert code == 2 and out == ""
    assert named in err and words in err
    assert exported(run) == before


def test_log_reading_for_someone_not_in_the_journal_names_patient(run: Any, no_medicines: None) -> None:
    code, _, err = run("log-reading", "--patient", "Nobody", "--kind", "temperature", "--value", "37")
    assert code == 2 and "--patient" in err and "Robin Shaw" in err


def test_unit_conversions_round_trip_and_keep_the_boundaries() -> None:
    from journal.domain import ObservationKind
    from journal.domain.readings import LB_IN_KG, celsius_to_fahrenheit, kg_to_pounds, to_stored_unit

    assert to_stored_unit(ObservationKind.TEMPERATURE, 101.3, "F") == 38.5  # not 38.4999...
    assert to_stored_unit(ObservationKind.TEMPERATURE, 32, "°F") == 0
    assert to_stored_unit(ObservationKind.TEMPERATURE, 37.2, None) == 37.2
    assert to_stored_unit(ObservationKind.WEIGHT, 1, "lbs") == round(LB_IN_KG, 3)
    assert to_stored_unit(ObservationKind.WEIGHT, 100, "Pounds") == 45.359
    assert celsius_to_fahrenheit(to_stored_unit(ObservationKind.TEMPERATURE, 98.6, "F")) == pytest.approx(98.6)
    assert kg_to_pounds(to_stored_unit(ObservationKind.WEIGHT, 154, "lb")) == pytest.approx(154, abs=0.002)


# --- import --dry-run ---------------------------------------------------------------------------


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_dry_run_on_a_journal_not_made_yet_creates_nothing(tmp_path: Path, doc_file: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new folder" / "journal.sqlite3"
    code = main(["--db", str(db), "import", "--dry-run", str(doc_file)], clock=FixedClock(NOW))
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Would add 1 person, 2 medicines, 1 schedule period, 3 doses, 1 symptom, "
                          "2 measurements, 1 note. Nothing was written (--dry-run).\n")
    assert not db.parent.exists()
    # what the real import then adds is what the dry run said
    assert main(["--db", str(db), "import", str(doc_file)], clock=FixedClock(NOW)) == 0
    assert capsys.readouterr().out.startswith("Added 1 person, 2 medicines, 1 schedule period, 3 doses, 1 symptom, "
                                              "2 measurements, 1 note.\n")


def test_dry_run_leaves_the_journal_byte_for_byte_and_says_what_is_new(run: Any, doc_file: Path,
                                                                        tmp_path: Path) -> None:
    assert run("import", str(doc_file))[0] == 0
    doc = minimal_document()
    doc["patients"][0]["doses"].append({"medication": "bac", "scheduled": "2026-10-01T08:00",
                                        "given": "2026-10-01T08:05", "status": "taken"})
    more = tmp_path / "more.json"
    more.write_text(json.dumps(doc))
    before = _folder_state(tmp_path)
    code, out, err = run("import", "--dry-run", str(more))
    assert code == 0, err
    preview = out.splitlines()
    assert preview[0] == "Would add 1 dose; 11 already in the journal. Nothing was written (--dry-run)."
    assert _folder_state(tmp_path) == before
    code, out, _ = run("import", str(more))
    done = out.splitlines()
    assert code == 0 and done[0] == "Added 1 dose; 11 already in the journal."
    # the dose given this morning ends the abrupt-stop alert; the 20:00 slot it leaves is new, both times
    assert preview[1] == "The import would raise:" and preview[2:-1] == done[1:-1]
    assert done[1].startswith("WARNING: Baclofen 10 mg tablets: a planned dose was not logged")


def test_dry_run_and_import_print_the_alerts_the_import_raises_once(run: Any, doc_file: Path) -> None:
    code, out, _ = run("import", "--dry-run", str(doc_file))
    lines = out.splitlines()
    assert code == 0 and lines[1] == "The import would raise:"
    assert lines[2].startswith("URGENT: Baclofen 10 mg tablets: no dose for 27 h 50 min (Robin Shaw")
    assert lines[3] == "This is not medical advice; in an emergency call 911."
    code, out, _ = run("import", str(doc_file))
    lines = out.splitlines()
    assert lines[1].startswith("URGENT: Baclofen 10 mg tablets: no dose for 27 h 50 min (Robin Shaw")
    assert lines[2].startswith("Details and what to do: carejournal check.") and len(lines) == 3
    code, out, _ = run("import", str(doc_file))  # nothing new: the open alert is not repeated
    assert out == "Nothing new to add; 11 already in the journal.\n"
    code, out, _ = run("import", "--dry-run", str(doc_file))
    assert out == "Nothing new to add; 11 already in the journal. Nothing was written (--dry-run).\n"


def test_dry_run_of_a_bad_document_exits_2_like_the_import(run: Any, tmp_path: Path) -> None:
    doc = minimal_document()
    doc["patients"][0]["doses"][2]["given"] = "2026-13-01T08:00"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    code, out, err = run("import", "--dry-run", str(bad))
    assert code == 2 and out == ""
    assert err.strip() == 'import: /patients/0/doses/2/given: "2026-13-01T08:00" is not a date-time'
    assert not (tmp_path / "cli.sqlite3").exists()


def test_dry_run_refuses_a_file_that_is_not_a_journal_and_leaves_it(tmp_path: Path, doc_file: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list")
    code = main(["--db", str(notes), "import", "--dry-run", str(doc_file)], clock=FixedClock(NOW))
    err = capsys.readouterr().err
    assert code == 1 and str(notes) in err and "not a CareJournal journal" in err
    assert notes.read_text() == "shopping list" and sorted(p.name for p in tmp_path.iterdir()) == [
        "journal.json", "notes.sqlite3"]


@pytest.mark.parametrize("frozen", sorted((ROOT / "tests" / "fixtures" / "schemas").glob("*.sqlite3")),
                         ids=lambda p: p.stem)
def test_dry_run_never_upgrades_a_journal_of_an_earlier_version(tmp_path: Path, doc_file: Path, frozen: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    db = folder / "journal.sqlite3"
    db.write_bytes(frozen.read_bytes())
    code = main(["--db", str(db), "import", "--dry-run", str(doc_file)], clock=FixedClock(NOW))
    assert code == 0, capsys.readouterr().err
    assert "Nothing was written" in capsys.readouterr().out
    assert _folder_state(folder) == {"journal.sqlite3": frozen.read_bytes()}  # no upgrade, no upgrade backup


# --- export --format xlsx, and formula cells in CSV ---------------------------------------------

RISKY = {"=HYPERLINK(\"http://x\",\"y\")": "notes", "+Sam": "by", "@SUM(A1)": "symptom note", "-2 after the walk": "obs",
         "\tTabbed": "person note"}


@pytest.fixture
def risky_doc(tmp_path: Path) -> Path:
    doc = minimal_document(notes="\tTabbed")
    person = doc["patients"][0]
    person["notes_log"][0]["text"] = "=HYPERLINK(\"http://x\",\"y\")"
    person["doses"][0]["by"] = "+Sam"
    person["symptoms"][0]["note"] = "@SUM(A1)"
    person["observations"][0]["note"] = "-2 after the walk"
    person["observations"][1]["note"] = "bell\x07 rang"
    path = tmp_path / "risky.json"
    path.write_text(json.dumps(doc))
    return path


def _csv_tables(folder: Path) -> dict[str, list[list[str]]]:
    import csv

    out = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            out[path.stem] = list(csv.reader(f))
    return out


def test_csv_cells_that_a_spreadsheet_would_read_as_formulas_show_as_text(run: Any, risky_doc: Path,
                                                                          tmp_path: Path) -> None:
    assert run("import", str(risky_doc))[0] == 0
    assert run("export", "--format", "csv", str(tmp_path / "csv"))[0] == 0
    cells = [c for rows in _csv_tables(tmp_path / "csv").values() for row in rows for c in row]
    for text in RISKY:
        assert "'" + text in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    doses = _csv_tables(tmp_path / "csv")["doses"]
    assert doses[1][doses[0].index("given")] == "2026-09-30 08:10" and doses[1][doses[0].index("amount_mg")] == "10"


def test_xlsx_holds_the_csv_tables_with_numbers_as_numbers_and_times_as_date_times(
    run: Any, risky_doc: Path, tmp_path: Path
) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    from journal.services.spreadsheet import csv_text

    assert run("import", str(risky_doc))[0] == 0
    code, out, err = run("export", "--format", "xlsx", str(tmp_path / "journal.xlsx"))
    assert code == 0, err
    assert out == (f"Wrote {tmp_path / 'journal.xlsx'} (rows: patients 1, medications 2, regimens 1, doses 3, "
                   "symptoms 1, observations 2, pump_events 0, notes 1, stock 0)\n")
    assert (tmp_path / "journal.xlsx").stat().st_mode & 0o077 == 0  # health records: owner only
    assert run("export", "--format", "csv", str(tmp_path / "csv"))[0] == 0
    csv_tables = _csv_tables(tmp_path / "csv")
    book = load_workbook(tmp_path / "journal.xlsx")
    assert sorted(book.sheetnames) == sorted(csv_tables)
    for name in book.sheetnames:  # the same tables, cell for cell
        rows = [[csv_text(c.value.date() if c.is_date and c.number_format == "yyyy-mm-dd" else c.value)
                 for c in row] for row in book[name].iter_rows()]
        assert [[c.replace("\ufffd", "\x07") for c in row] for row in rows] == csv_tables[name], name
    doses = book["doses"]
    header = [c.value for c in doses[1]]
    first = {h: c for h, c in zip(header, doses[2], strict=True)}
    assert first["given"].value == datetime(2026, 9, 30, 8, 10) and first["given"].is_date
    assert first["amount"].value == 1 and first["amount"].data_type == "n"
    assert first["amount_mg"].value == 10 and first["amount_mg"].data_type == "n"
    assert first["scheduled"].number_format == "yyyy-mm-dd hh:mm"
    temperature = [r for r in book["observations"].iter_rows(min_row=2) if r[2].value == "temperature"][0]
    assert temperature[3].value == 37.2 and temperature[3].data_type == "n"
    born = book["patients"]["B2"]
    assert born.value == datetime(1970, 5, 4) and born.number_format == "yyyy-mm-dd"  # a date, shown as one
    note = book["notes"]["C2"]
    assert note.value == "=HYPERLINK(\"http://x\",\"y\")" and note.data_type == "s"  # text, not a formula
    assert [c.value for c in book["observations"]["G"]][2] == "bell\ufffd rang"


def test_xlsx_export_refuses_what_it_must_not_write(run: Any, risky_doc: Path, tmp_path: Path) -> None:
    run("import", str(risky_doc))
    for target, words in [("-", "needs a file name"), (str(tmp_path), "is a folder"),
                          (str(tmp_path / "cli.sqlite3"), "the journal itself")]:
        code, out, err = run("export", "--format", "xlsx", target)
        assert code == 2 and err.startswith("export: OUT: ") and words in err
    code, _, err = run("export", "--format", "xlsx", "--patient", "Nobody", str(tmp_path / "x.xlsx"))
    assert code == 2 and "--patient" in err and not (tmp_path / "x.xlsx").exists()


def test_xlsx_export_of_one_person(run: Any, risky_doc: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    run("import", str(risky_doc))
    other = minimal_document(name="Alex Shaw", id="p2")
    (tmp_path / "alex.json").write_text(json.dumps(other))
    run("import", str(tmp_path / "alex.json"))
    assert run("export", "--format", "xlsx", "--patient", "Alex", str(tmp_path / "alex.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "alex.xlsx")
    assert [c.value for c in book["patients"]["A"]] == ["person", "Alex Shaw"]
    assert {c.value for c in book["doses"]["A"]} == {"person", "Alex Shaw"}


@pytest.mark.parametrize(("per_sheet", "sheets"), [(4, [3]), (3, [2, 1]), (2, [1, 1, 1])])
def test_a_table_longer_than_a_sheet_goes_on_over_more_sheets(run: Any, risky_doc: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, per_sheet: int,
                                                              sheets: list[int]) -> None:
    from openpyxl import load_workbook

    import journal.services.spreadsheet as spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_SHEET_ROWS", per_sheet)  # header included; Excel's is 1,048,576
    run("import", str(risky_doc))
    assert run("export", "--format", "xlsx", str(tmp_path / "j.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "j.xlsx")
    names = ["doses"] + [f"doses ({k})" for k in range(2, len(sheets) + 1)]
    assert [n for n in book.sheetnames if n.startswith("doses")] == names
    assert [book[n].max_row - 1 for n in names] == sheets
    given = [c.value for n in names for c in book[n]["E"][1:]]
    assert len(given) == 3 and given[0].hour == 8  # every dose once, in order


# --- backup: its target folder must exist -------------------------------------------------------


@pytest.mark.parametrize("target", ["usb/copy.sqlite3", "usb/", "usb/deeper/copy.sqlite3"])
def test_backup_to_a_folder_that_does_not_exist_is_refused_and_makes_nothing(
    run: Any, doc_file: Path, tmp_path: Path, target: str
) -> None:
    run("import", str(doc_file))
    code, out, err = run("backup", str(tmp_path / "media") + "/" + target)
    assert code == 2 and out == ""
    assert err.startswith("backup: OUT: the folder ") and "does not exist" in err and "nothing was written" in err
    assert not (tmp_path / "media").exists()
    (tmp_path / "media" / "usb").mkdir(parents=True)  # once the stick is there
    code, out, _ = run("backup", str(tmp_path / "media" / "usb" / "copy.sqlite3"))
    assert code == 0 and (tmp_path / "media" / "usb" / "copy.sqlite3").exists()


# --- every command's --help ends with examples that the parser accepts ---------------------------


def test_every_command_has_examples_and_each_one_parses(capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    from journal.cli import COMMANDS, EXAMPLES, build_parser

    assert set(EXAMPLES) == set(COMMANDS) | {"gui"}
    parser = build_parser()
    for name, examples in EXAMPLES.items():
        with pytest.raises(SystemExit) as stop:
            main([name, "--help"])
        assert stop.value.code == 0
        help_text = capsys.readouterr().out
        for example in examples:
            assert f"  carejournal {example}\n" in help_text + "\n"
            args = parser.parse_args(shlex.split(example))  # a wrong example would exit 2 here
            assert args.command == name


def test_an_xlsx_export_that_fails_keeps_the_old_file_and_leaves_no_partial(
    run: Any, risky_doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from openpyxl import Workbook

    run("import", str(risky_doc))
    out = tmp_path / "journal.xlsx"
    out.write_bytes(b"last month's export")

    real_save = Workbook.save

    def full_disk(self: Any, filename: Any) -> None:
        real_save(self, filename)  # the bytes went out, then the disk filled before they were safe
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    code, stdout, err = run("export", "--format", "xlsx", str(out))
    assert code == 1 and stdout == "" and err.startswith("export: failed: ")
    assert out.read_bytes() == b"last month's export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("journal.xlsx")) == ["journal.xlsx"]


# --- tab completion -----------------------------------------------------------------------------


def _bash_completes(script: str, line: str) -> list[str]:
    words = line.split(" ")
    probe = (f'source "$1"; COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({" ".join(words)}); '
             f'COMP_CWORD={len(words) - 1}; _shtab_carejournal; printf "%s\\n" "${{COMPREPLY[@]}}"')
    result = subprocess.run(["bash", "-c", probe, "probe", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="no bash to try the script in")
def test_the_bash_completion_script_completes_commands_options_and_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--print-completion", "bash"])
    assert stop.value.code == 0
    script = tmp_path / "carejournal.bash"
    script.write_text(capsys.readouterr().out)
    assert _bash_completes(str(script), "carejournal log-r") == ["log-reading"]
    assert _bash_completes(str(script), "carejournal import --d") == ["--dry-run"]
    assert _bash_completes(str(script), "carejournal export --format x") == ["xlsx"]


def test_completion_for_zsh_and_an_unknown_shell(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--print-completion", "zsh"])
    assert stop.value.code == 0 and "log-reading" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["--print-completion", "cmd.exe"])
    assert stop.value.code == 2 and "--print-completion" in capsys.readouterr().err
