"""What one dose can plausibly be, by unit and form (issue 13), and a given dose of nothing
(issue 15, case zero-dose-taken.json): refused on every path with the real reason, journal unchanged."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.app import main
from journal.domain import Dose, DoseStatus, FixedClock, Form, Medication, Quantity, Regimen, Unit
from journal.services.errors import ValidationError
from tests.conftest import NOW, minimal_document

# Copies of ../shared/cases (made-up people), so the tests run on a clean clone.
CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
LATER = NOW + timedelta(days=60)  # after the cases' last entries


def dose(mid: int, amount: Quantity | None, status: DoseStatus = DoseStatus.TAKEN) -> Dose:
    return Dose(medication_id=mid, status=status, given=NOW - timedelta(hours=1) if status.was_given else None,
                scheduled=None if status.was_given else NOW - timedelta(hours=1), amount=amount)


def add(journal: Any, pid: int, name: str, form: Form, strength: Quantity | None) -> int:
    return int(journal.add_medication(pid, Medication(name, form=form, strength=strength, as_needed=True)).record_id)


def stored_doses(journal: Any, pid: int) -> list[Dose]:
    return journal.history(pid, NOW - timedelta(days=30), NOW + timedelta(days=2)).doses


# ------------------------------------------------------------------------------------ by unit and form


@pytest.mark.parametrize("amount", [Quantity(13.8, Unit.G), Quantity(17, Unit.G), Quantity(1, Unit.SACHET),
                                    Quantity(8, Unit.SACHET), Quantity(110.4, Unit.G)])
def test_a_macrogol_dose_in_grams_or_sachets_is_normal(journal: Any, robin: tuple[int, int], amount: Quantity) -> None:
    pid, _ = robin
    mid = add(journal, pid, "Macrogol", Form.GRANULES, Quantity(13.8, Unit.G))
    stored = journal.get_record("dose", journal.log_dose(pid, dose(mid, amount)).record_id)
    assert stored.amount == amount
    assert stored.amount_normalised.unit is Unit.MG  # grams are counted as mg by every check


def test_grams_of_a_tablet_medicine_are_refused_naming_the_form(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    with pytest.raises(ValidationError) as err:
        journal.log_dose(pid, dose(mid, Quantity(13.8, Unit.G)))
    assert err.value.field == "amount"
    assert "13.8 g is more than 10 g" in err.value.message and "tablet medicine" in err.value.message
    assert stored_doses(journal, pid) == []


@pytest.mark.parametrize(("form", "strength", "ok", "too_much", "words"), [
    (Form.TABLET, Quantity(500, Unit.MG), Quantity(10, Unit.G), Quantity(10.001, Unit.G), "10 g"),
    (Form.TABLET, Quantity(1, Unit.MG), Quantity(30, Unit.TABLET), Quantity(31, Unit.TABLET), "30 tablets"),
    (Form.SOLUTION, Quantity(1, Unit.MG, Quantity(1, Unit.ML)), Quantity(1000, Unit.ML), Quantity(1001, Unit.ML),
     "1000 mL"),
    (Form.SOLUTION, Quantity(3.3, Unit.G, Quantity(5, Unit.ML)), Quantity(45, Unit.ML), Quantity(60.1, Unit.G),
     "60 g"),
    (Form.GRANULES, Quantity(13.8, Unit.G), Quantity(200, Unit.G), Quantity(200.1, Unit.G), "200 g"),
    (Form.GRANULES, Quantity(17, Unit.G), Quantity(10, Unit.SACHET), Quantity(11, Unit.SACHET), "10 sachets"),
])
def test_each_form_has_its_own_ceiling(journal: Any, robin: tuple[int, int], form: Form, strength: Quantity,
                                       ok: Quantity, too_much: Quantity, words: str) -> None:
    pid, _ = robin
    mid = add(journal, pid, "Other medicine", form, strength)
    journal.log_dose(pid, dose(mid, ok))  # at the limit: kept
    with pytest.raises(ValidationError) as err:
        journal.log_dose(pid, dose(mid, too_much))
    assert err.value.field == "amount" and words in err.value.message
    assert len(stored_doses(journal, pid)) == 1


# ------------------------------------------------------------------------------------ a dose of nothing


@pytest.mark.parametrize("amount", [Quantity(0, Unit.MG), Quantity(-0.0, Unit.MG), Quantity(5e-324, Unit.MG),
                                    Quantity(0, Unit.TABLET), Quantity(0, Unit.ML), Quantity(0, Unit.G),
                                    Quantity(0, Unit.SACHET), Quantity(0, Unit.MCG), Quantity(0.009, Unit.MCG),
                                    Quantity(0.009, Unit.TABLET)])
@pytest.mark.parametrize("status", [DoseStatus.TAKEN, DoseStatus.VOMITED])
def test_a_given_dose_of_nothing_is_refused(journal: Any, robin: tuple[int, int], amount: Quantity,
                                            status: DoseStatus) -> None:
    pid, mid = robin
    liquid = add(journal, pid, "Liquid", Form.SOLUTION, Quantity(1, Unit.MG, Quantity(1, Unit.ML)))
    target = liquid if amount.unit is Unit.ML else mid
    with pytest.raises(ValidationError) as err:
        journal.log_dose(pid, dose(target, amount, status))
    assert err.value.field == "amount" and "is not a dose" in err.value.message
    assert stored_doses(journal, pid) == []


def test_the_smallest_real_doses_are_kept(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    calcitriol = add(journal, pid, "Calcitriol", Form.TABLET, Quantity(0.25, Unit.MCG))
    journal.log_dose(pid, dose(calcitriol, Quantity(0.25, Unit.MCG)))
    journal.log_dose(pid, dose(calcitriol, Quantity(0.01, Unit.MCG)))  # the floor itself
    journal.log_dose(pid, dose(mid, Quantity(0.25, Unit.TABLET)))
    assert len(stored_doses(journal, pid)) == 3


def test_a_dose_not_given_may_carry_no_amount_or_zero(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    journal.log_dose(pid, dose(mid, None, DoseStatus.SKIPPED))
    journal.log_dose(pid, dose(mid, Quantity(0, Unit.MG), DoseStatus.REFUSED))
    assert [d.status for d in stored_doses(journal, pid)] == [DoseStatus.SKIPPED, DoseStatus.REFUSED]


def test_a_planned_dose_of_nothing_is_refused(journal: Any, robin: tuple[int, int]) -> None:
    pid, mid = robin
    with pytest.raises(ValidationError) as err:
        journal.change_regimen(mid, Regimen(start=date(2026, 10, 2), dose=Quantity(0, Unit.MG), times=[time(8)]))
    assert "is not a dose" in err.value.message
    assert len(journal.get_medication(mid).regimens) == 1


# ------------------------------------------------------------------------------------ import and command line


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    db = tmp_path / "cli.sqlite3"

    def _run(*argv: str, at: Any = NOW) -> tuple[int, str, str]:
        code = main(["--db", str(db), *argv], clock=FixedClock(at))
        out, err = capsys.readouterr()
        return code, out, err

    _run.db = db  # type: ignore[attr-defined]
    return _run


def test_case_zero_dose_taken_is_refused_on_import(run: Any, tmp_path: Path) -> None:
    code, _, _ = run("import", str(minimal_file(tmp_path)))
    assert code == 0
    before = run.db.read_bytes()
    code, out, err = run("import", str(CASES / "zero-dose-taken.json"), at=LATER)
    assert code == 2, out + err
    assert err.startswith("import: /patients/0/doses/1/amount: 0 mg is not a dose")
    assert run.db.read_bytes() == before


@pytest.mark.parametrize(("amount", "status"), [({"value": 0, "unit": "tablet"}, "taken"),
                                                ({"value": 0, "unit": "mL"}, "taken"),
                                                ({"value": -0.0, "unit": "mg"}, "vomited"),
                                                ({"value": 5e-324, "unit": "mg"}, "taken"),
                                                ({"value": 0, "unit": "g"}, "taken")])
def test_every_kind_of_given_nothing_is_refused_on_import(run: Any, tmp_path: Path, amount: dict[str, Any],
                                                         status: str) -> None:
    doc = minimal_document()
    d = doc["patients"][0]["doses"][2] if amount["unit"] == "mL" else doc["patients"][0]["doses"][0]
    d.update(amount=amount, status=status)
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    code, _, err = run("import", str(path))
    index = 2 if amount["unit"] == "mL" else 0
    assert code == 2 and err.startswith(f"import: /patients/0/doses/{index}/amount: "), err
    assert "is not a dose" in err


def minimal_file(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.json"
    path.write_text(json.dumps(minimal_document()))
    return path


@pytest.mark.parametrize(("typed", "logged"), [("1/2 tablet", "0.5 tablet"), ("1,5 tablets", "1.5 tablets"),
                                               ("½ tablet", "0.5 tablet"), ("1 1/2 tablets", "1.5 tablets"),
                                               ("0.5 tablet", "0.5 tablet"), ("7,5 mg", "7.5 mg")])
def test_log_dose_reads_amounts_as_people_write_them(run: Any, tmp_path: Path, typed: str, logged: str) -> None:
    run("import", str(minimal_file(tmp_path)))
    code, out, err = run("log-dose", "--patient", "Robin", "--medication", "Baclofen 10", "--amount", typed)
    assert code == 0, err
    assert f"Logged Baclofen 10 mg tablets {logged} (taken)" in out


def test_log_dose_of_a_liquid_with_a_decimal_comma(run: Any, tmp_path: Path) -> None:
    run("import", str(minimal_file(tmp_path)))
    code, out, err = run("log-dose", "--patient", "Robin", "--medication", "solution", "--amount", "2,5 mL")
    assert code == 0, err
    assert "2.5 mL (taken)" in out


@pytest.mark.parametrize(("typed", "words"), [("0 mg", "is not a dose"), ("0 tablets", "is not a dose"),
                                              ("1,000 mg", "unclear"), ("13.8 g", "tablet medicine"),
                                              ("2 kg", "unknown unit"), ("5 mL", "cannot convert")])
def test_log_dose_refuses_with_the_real_reason(run: Any, tmp_path: Path, typed: str, words: str) -> None:
    run("import", str(minimal_file(tmp_path)))
    before = run.db.read_bytes()
    code, _, err = run("log-dose", "--patient", "Robin", "--medication", "Baclofen 10", "--amount", typed)
    assert code == 2
    assert err.startswith("log-dose: --amount: ") and words in err, err
    assert run.db.read_bytes() == before


@pytest.mark.parametrize("strength", [Quantity(5e-324, Unit.MG), Quantity(0.000001, Unit.MG),
                                      Quantity(0.001, Unit.MCG, Quantity(1, Unit.ML))])
def test_a_strength_too_small_to_be_real_is_refused(journal: Any, robin: tuple[int, int], strength: Quantity) -> None:
    pid, _ = robin
    with pytest.raises(ValidationError) as err:
        journal.add_medication(pid, Medication("Tiny", strength=strength))
    assert err.value.field == "strength" and "too small to be real" in err.value.message


def test_the_smallest_real_strength_is_kept(journal: Any, robin: tuple[int, int]) -> None:
    pid, _ = robin
    mid = add(journal, pid, "Calcitriol drops", Form.SOLUTION, Quantity(0.01, Unit.MCG, Quantity(1, Unit.ML)))
    journal.log_dose(pid, dose(mid, Quantity(1, Unit.ML)))
    assert len(stored_doses(journal, pid)) == 1


@pytest.mark.parametrize("value", [0, -0.0, 5e-324])
def test_a_planned_dose_of_nothing_is_refused_on_import(run: Any, tmp_path: Path, value: float) -> None:
    doc = minimal_document()
    doc["patients"][0]["medications"][0]["regimens"][0]["dose"] = {"value": value, "unit": "mg"}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    code, _, err = run("import", str(path))
    assert code == 2 and err.startswith("import: /patients/0/medications/0/regimens/0/dose: "), err
    assert "is not a dose" in err
