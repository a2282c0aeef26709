"""A misspelt drug name switches off every drug check for that medicine (issue 15, case
drug-name-typo.json): refused with the closest known names on import and in the service, asked
about in the window; a medicine the journal does not know at all stays allowed."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.app import main
from journal.domain import FixedClock, Form, Medication, Patient, Quantity, Unit
from journal.services.drug_names import closest_drug_names, known_drug_names, profile_names
from journal.services.errors import ValidationError
from tests.conftest import NOW, minimal_document
from tests.ui.conftest import no_blocking_dialogs  # noqa: F401

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    db = tmp_path / "cli.sqlite3"

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(db), *argv], clock=FixedClock(NOW + timedelta(days=60)))
        out, err = capsys.readouterr()
        return code, out, err

    _run.db = db  # type: ignore[attr-defined]
    return _run


def test_case_drug_name_typo_is_refused_with_the_closest_name(run: Any, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps(minimal_document()))
    assert run("import", str(first))[0] == 0
    before = run.db.read_bytes()
    code, out, err = run("import", str(CASES / "drug-name-typo.json"))
    assert code == 2, out + err
    assert err.startswith('import: /patients/0/medications/0/drug: "bac1ofen" is not a drug the journal knows')
    assert 'did you mean "baclofen"' in err
    assert run.db.read_bytes() == before


@pytest.mark.parametrize(("drug", "closest"), [
    ("baclofan", "baclofen"), ("Bac1ofen", "baclofen"), ("baclofen hydrochloride", "baclofen"),
    ("baclofen 10 mg", "baclofen"), ("tizanadine", "tizanidine"), ("diazepem", "diazepam"),
    ("oxycodon", "oxycodone"), ("clonazapam", "clonazepam"),
    ("\uff42\uff41\uff43\uff4c\uff4f\uff46\uff45\uff4e", "baclofen"),  # full-width letters
    ("b\u0430clofen", "baclofen"),  # a Cyrillic a
])
def test_a_near_miss_of_a_known_drug_is_refused_naming_the_pointer(run: Any, tmp_path: Path, drug: str,
                                                                   closest: str) -> None:
    doc = minimal_document()
    doc["patients"][0]["medications"][1]["drug"] = drug
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    code, _, err = run("import", str(path))
    assert code == 2
    assert err.startswith("import: /patients/0/medications/1/drug: ") and f'"{closest}"' in err, err


@pytest.mark.parametrize("drug", [None, "baclofen", "Baclofen", " BACLOFEN ", "lioresal", "diazepam",
                                  "bromazepam",  # a real benzodiazepine, close to lorazepam: listed, so allowed
                                  "trimipramine", "paracetamol", "zentromycin", "keppra",
                                  "vitamin b5",  # vitamins differ by their number, not by a slip
                                  "metformine"])  # a slip of a medicine with no profile silences nothing
def test_known_drugs_unknown_ones_and_no_drug_are_allowed(run: Any, tmp_path: Path, drug: str | None) -> None:
    doc = minimal_document()
    doc["patients"][0]["medications"][1]["drug"] = drug
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    code, out, err = run("import", str(path))
    assert code == 0, err
    assert "Added 1 person, 2 medicines" in out


def test_the_service_refuses_a_near_miss_naming_the_drug_field(journal: Any) -> None:
    pid = journal.add_patient(Patient("Robin")).record_id
    with pytest.raises(ValidationError) as err:
        journal.add_medication(pid, Medication("Baclofen 10 mg", drug="baclofan", strength=Quantity(10, Unit.MG)))
    assert err.value.field == "drug" and '"baclofen"' in err.value.message
    assert journal.list_medications(pid) == []
    mid = journal.add_medication(pid, Medication("Baclofen 10 mg", drug="baclofen",
                                                 strength=Quantity(10, Unit.MG))).record_id
    with pytest.raises(ValidationError) as err:  # nor can a correction slip one in
        journal.correct("medication", mid, {"drug": "bacloffen"}, by="Sam")
    assert err.value.field == "drug"
    assert journal.get_medication(mid).drug == "baclofen"


def test_every_known_name_is_accepted_as_it_is() -> None:
    for name in known_drug_names():
        assert closest_drug_names(name) == [] and closest_drug_names(name.upper()) == []


@given(data=st.data())
def test_one_letter_wrong_in_a_profile_name_is_always_caught(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(n for n in profile_names() if len(n) >= 7)))
    i = data.draw(st.integers(0, len(name) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz1"))
    typo = name[:i] + letter + name[i + 1:]
    if not (name[i].isdigit() and letter.isdigit()) and typo not in known_drug_names():  # "peg 3350" -> "peg 1350": another product
        assert closest_drug_names(typo), typo


# ------------------------------------------------------------------------------------ the window


def test_the_medicine_form_asks_about_a_near_miss_and_uses_the_known_name(qtbot: Any, journal: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.dialogs.medicine_dialog import MedicationDialog

    pid = journal.add_patient(Patient("Robin")).record_id
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.Yes)
    dlg = MedicationDialog(NOW.date(), lambda m: journal.add_medication(pid, m))
    qtbot.addWidget(dlg)
    dlg.name.setText("Spasm tablets 10 mg")
    dlg.drug.setCurrentText("baclofan")
    dlg.strength.setText("10 mg")
    dlg.dose.setText("1 tablet")
    dlg.times.setText("08:00, 20:00")
    dlg.save_button.click()
    assert len(asked) == 1 and '"baclofan" is not a medicine the journal knows' in asked[0] and "baclofen" in asked[0]
    assert dlg.result() == MedicationDialog.DialogCode.Accepted
    assert [m.drug for m in journal.list_medications(pid)] == ["baclofen"]


def test_answering_no_saves_nothing_and_says_what_to_do(qtbot: Any, journal: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.dialogs.medicine_dialog import MedicationDialog

    pid = journal.add_patient(Patient("Robin")).record_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dlg = MedicationDialog(NOW.date(), lambda m: journal.add_medication(pid, m))
    qtbot.addWidget(dlg)
    dlg.name.setText("Spasm tablets 10 mg")
    dlg.drug.setCurrentText("bac1ofen")
    dlg.dose.setText("10 mg")
    dlg.times.setText("08:00")
    dlg.save_button.click()
    assert dlg.result() != MedicationDialog.DialogCode.Accepted
    assert "Correct the active ingredient" in dlg.error.text()
    assert journal.list_medications(pid) == []


def test_an_unknown_medicine_is_saved_without_a_question(qtbot: Any, journal: Any) -> None:
    from journal.ui.dialogs.medicine_dialog import MedicationDialog

    pid = journal.add_patient(Patient("Robin")).record_id
    dlg = MedicationDialog(NOW.date(), lambda m: journal.add_medication(pid, m))
    qtbot.addWidget(dlg)
    dlg.name.setText("Macrogol sachets")
    dlg.drug.setCurrentText("macrogol")
    dlg.form_combo.setCurrentIndex(dlg.form_combo.findData(Form.GRANULES))
    dlg.dose.setText("13,8 g")
    dlg.as_needed.setChecked(True)
    dlg.save_button.click()  # no question: an unpatched one fails the test (no_blocking_dialogs)
    assert dlg.result() == MedicationDialog.DialogCode.Accepted
    [m] = journal.list_medications(pid)
    assert m.drug == "macrogol" and str(m.regimens[0].dose) == "13.8 g"
