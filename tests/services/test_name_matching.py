"""Names are stored in Unicode NFC with single spaces, and matched ignoring case, extra spaces and
Unicode form, so one person or medicine never splits into look-alikes (which would hide a double
dose): on import, in the service the window uses, and in the command line's --patient/--medication."""

from __future__ import annotations

import copy
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import journal.app as app
from journal.domain import Dose, DoseStatus, FixedClock, Medication, Patient, Quantity, Unit
from journal.services.errors import NotFound, ValidationError
from journal.services.journal import Journal
from journal.services.validation import name_key
from tests.services.support import valid_document

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
COMPOSED = "Zoë Müller"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)
assert COMPOSED != DECOMPOSED


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    j = Journal.open(tmp_path / "j.sqlite3", FixedClock(NOW))
    j.import_document(valid_document(days=2, start="2026-11-20", patient=COMPOSED))
    yield j
    j.close()


def test_name_key_ignores_case_spaces_and_unicode_form() -> None:
    assert name_key(DECOMPOSED) == name_key("  zoë   MÜLLER ") == name_key(COMPOSED)
    assert name_key("Zoe Muller") != name_key(COMPOSED)  # a different name stays different


def test_importing_the_decomposed_spelling_adds_nothing_new(journal: Journal) -> None:
    doc = valid_document(days=2, start="2026-11-20", patient=DECOMPOSED.upper())
    doc["patients"][0]["medications"][0]["name"] = "baclofen  10 MG tablets"
    summary = journal.import_document(doc)
    assert len(journal.list_patients()) == 1
    pid = journal.list_patients()[0].id
    assert [m.name for m in journal.list_medications(pid)] == ["Baclofen 10 mg tablets"]
    assert summary.patients == 0 and summary.medications == 0


def test_a_document_listing_a_look_alike_twice_is_refused(journal: Journal) -> None:
    doc = valid_document(days=1, start="2026-11-20", patient="New Person")
    twin = copy.deepcopy(doc["patients"][0]["medications"][0])
    twin["id"], twin["name"] = "m9", "BACLOFEN 10 mg  tablets"
    doc["patients"][0]["medications"].append(twin)
    with pytest.raises(ValidationError) as refused:
        journal.import_document(doc)
    assert refused.value.field == "/patients/0/medications/1/name"


def test_the_service_refuses_look_alike_people_and_medicines(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        journal.add_patient(Patient(name=DECOMPOSED))
    pid = journal.find_patient(DECOMPOSED).id
    with pytest.raises(ValidationError):
        journal.add_medication(pid, Medication(name="Baclofen\u00a010 mg Tablets", drug="baclofen",
                                               strength=Quantity(10, Unit.MG)))
    other = journal.add_medication(pid, Medication(name="Vitamin  D", strength=Quantity(1, Unit.TABLET)))
    assert journal.get_medication(other.record_id).name == "Vitamin D"  # stored with single spaces
    with pytest.raises(ValidationError):
        journal.correct("medication", other.record_id, {"name": "baclofen 10 mg tablets"}, by="t")


def test_stored_names_are_composed(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "k.sqlite3", FixedClock(NOW)) as j:
        out = j.add_patient(Patient(name=DECOMPOSED))
        assert j.get_patient(out.record_id).name == COMPOSED


def test_the_command_line_finds_them_however_they_are_typed(journal: Journal, capsys: Any) -> None:
    journal.close()
    code = app.main(["--db", str(journal.path), "log-dose", "--patient", "  " + DECOMPOSED.lower(),
                     "--medication", "BACLOFEN  10 MG tablets", "--at", "2026-11-23T08:00"], clock=FixedClock(NOW))
    assert code == 0, capsys.readouterr().err
    assert f"for {COMPOSED} at" in capsys.readouterr().out


def test_a_second_dose_under_a_look_alike_name_is_seen_as_a_double_dose(journal: Journal) -> None:
    pid = journal.find_patient(COMPOSED).id
    med = journal.find_medication(pid, "baclofen 10 mg tablets")
    journal.log_dose(pid, Dose(medication_id=med.id, status=DoseStatus.TAKEN, given=datetime(2026, 11, 23, 8, 0, tzinfo=UTC)))
    # the caregiver types the name another way: it is the same medicine, so the check sees both
    again = journal.find_medication(journal.find_patient(DECOMPOSED).id, " Baclofen 10  MG Tablets")
    out = journal.log_dose(pid, Dose(medication_id=again.id, status=DoseStatus.TAKEN,
                                     given=datetime(2026, 11, 23, 8, 30, tzinfo=UTC)))
    assert "double-dose" in {a.rule for a in out.alerts}


def test_a_name_that_is_only_similar_is_not_found(journal: Journal) -> None:
    with pytest.raises(NotFound):
        journal.find_patient("Zoe Muller")
