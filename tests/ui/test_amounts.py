"""Amounts as people write them in the window's dose dialog (issue 13): decimal comma and
fractions are saved as they mean; a given dose of nothing and an unclear number are refused with
the real reason and nothing is saved."""
# ruff: noqa: F811  (pytest fixtures are imported from test_ui_support)

from __future__ import annotations

from typing import Any

import pytest

from journal.domain import Quantity, Unit
from journal.ui.dialogs.dose_dialog import DoseDialog
from tests.services.support import table_dump
from tests.ui.conftest import (  # noqa: F401
    LIQUID,
    TABLETS,
    at,
    clock,
    empty_journal,
    journal,
    no_blocking_dialogs,
    session,
)


def dialog(qtbot: Any, journal: Any, name: str, typed: str) -> DoseDialog:
    pid = journal.list_patients()[0].id
    med = journal.find_medication(pid, name)
    dlg = DoseDialog(med, tz=at(0).tzinfo, now=at(15, 30), default_time=at(15, 0), amount=None, scheduled=None,
                     submit=lambda d: journal.log_dose(pid, d), by="Sam")
    qtbot.addWidget(dlg)
    dlg.amount.clear()
    qtbot.keyClicks(dlg.amount, typed)
    return dlg


@pytest.mark.parametrize(("name", "typed", "stored", "check"), [
    (LIQUID, "2,5 mL", Quantity(2.5, Unit.ML), "Check: 2.5 mL of 5 mg per 5 mL = 2.5 mg"),
    (TABLETS, "½ tablet", Quantity(0.5, Unit.TABLET), "Check: 0.5 tablet = 5 mg"),
    (TABLETS, "1/2 tablet", Quantity(0.5, Unit.TABLET), "Check: 0.5 tablet = 5 mg"),
    (TABLETS, "1,5 tablets", Quantity(1.5, Unit.TABLET), "Check: 1.5 tablets = 15 mg"),
])
def test_the_dose_dialog_saves_what_the_amount_means(qtbot: Any, journal: Any, name: str, typed: str,
                                                     stored: Quantity, check: str) -> None:
    dlg = dialog(qtbot, journal, name, typed)
    assert dlg.amount_check.text() == check  # the mg it makes is shown as it is typed
    dlg.save_button.click()
    assert dlg.result() == DoseDialog.DialogCode.Accepted, dlg.error.text()
    assert journal.get_record("dose", dlg.outcome.record_id).amount == stored


@pytest.mark.parametrize(("typed", "words"), [("0 mg", "is not a dose"), ("0 tablets", "is not a dose"),
                                              ("1,000 mg", "unclear"), ("13.8 g", "tablet medicine")])
def test_the_dose_dialog_refuses_with_the_real_reason(qtbot: Any, journal: Any, typed: str, words: str) -> None:
    before = table_dump(journal.path)
    dlg = dialog(qtbot, journal, TABLETS, typed)
    dlg.save_button.click()
    assert dlg.result() != DoseDialog.DialogCode.Accepted
    assert words in dlg.error.text()
    assert table_dump(journal.path) == before
