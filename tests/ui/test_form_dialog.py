"""The form dialogs' shared base (journal/ui/dialogs/form_dialog.py): Save/Cancel by keyboard, and a refusal
shown on the error line, naming the field, focusing it and keeping what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from journal.domain import AsNeededLimits, Form, Medication, Quantity, Route, StockEvent, Unit
from journal.services.errors import ValidationError
from journal.ui.dialogs.dose_dialog import DoseDialog
from journal.ui.dialogs.form_dialog import FormDialog
from journal.ui.dialogs.medicine_dialog import MedicationDialog
from journal.ui.dialogs.medicine_limits import LimitsDialog, StockDialog
from tests.ui.conftest import at, no_blocking_dialogs  # noqa: F401


def _paracetamol() -> Medication:
    return Medication(name="Paracetamol", route=Route.ORAL, form=Form.TABLET, as_needed=True, regimens=[])


def _shown(qtbot, dialog: QDialog) -> QDialog:  # noqa: ANN001
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_refused_field_is_named_focused_and_keeps_what_was_typed(qtbot) -> None:  # noqa: ANN001
    saved: list[object] = []

    def refuse(ceiling: Quantity | None, limits: AsNeededLimits | None) -> None:
        saved.append(ceiling)
        raise ValidationError("max_daily", "must be more than the single dose")

    dlg = _shown(qtbot, LimitsDialog(_paracetamol(), refuse))
    qtbot.keyClicks(dlg.max_doses, "3")
    qtbot.keyClicks(dlg.ceiling, "5 mg")
    dlg.max_doses.setFocus()
    dlg.save_button.click()
    assert dlg.error.message == "\u2716 Daily ceiling: must be more than the single dose"
    assert dlg.focusWidget() is dlg.ceiling
    assert dlg.ceiling.text() == "5 mg" and dlg.max_doses.text() == "3"
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.outcome is None


def test_enter_saves_and_closes_escape_cancels_without_saving(qtbot) -> None:  # noqa: ANN001
    saved: list[Quantity | None] = []
    dlg = _shown(qtbot, LimitsDialog(_paracetamol(), lambda ceiling, limits: saved.append(ceiling) or "changed"))
    qtbot.keyClicks(dlg.ceiling, "4000 mg")
    qtbot.keyClick(dlg.ceiling, Qt.Key.Key_Return)
    assert saved == [Quantity(4000, Unit.MG)]
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.outcome == "changed"

    calls: list[object] = []
    dlg = _shown(qtbot, LimitsDialog(_paracetamol(), lambda ceiling, limits: calls.append(ceiling)))
    qtbot.keyClicks(dlg.ceiling, "4000 mg")
    qtbot.keyClick(dlg.ceiling, Qt.Key.Key_Escape)
    assert calls == [] and dlg.result() == QDialog.DialogCode.Rejected


def test_a_problem_typed_in_the_form_is_shown_and_the_error_clears_once_saved(qtbot) -> None:  # noqa: ANN001
    entries: list[StockEvent] = []
    dlg = _shown(qtbot, StockDialog(_paracetamol(), tz=at(8).tzinfo, now=lambda: at(8), current="", submit=entries.append))
    dlg.save_button.click()  # nothing typed: the dialog says which field, nothing saved
    assert dlg.error.message.startswith("\u2716 Amount:") and entries == []
    qtbot.keyClicks(dlg.amount, "30 tablets")
    dlg.save_button.click()
    assert dlg.error.message == "" and len(entries) == 1 and dlg.result() == QDialog.DialogCode.Accepted


def test_every_form_dialog_has_named_keyboard_reachable_save_and_cancel(qtbot) -> None:  # noqa: ANN001
    dialogs: list[FormDialog] = [
        LimitsDialog(_paracetamol(), lambda ceiling, limits: None),
        StockDialog(_paracetamol(), tz=at(8).tzinfo, now=lambda: at(8), current="", submit=lambda e: None),
        MedicationDialog(at(8).date(), lambda m: None),
    ]
    for dlg in dialogs:
        _shown(qtbot, dlg)
        box = dlg.findChild(QDialogButtonBox)
        save = box.button(QDialogButtonBox.StandardButton.Save)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert save is dlg.save_button and save.accessibleName() and cancel is not None
        for button in (save, cancel):
            assert isinstance(button, QPushButton) and button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert save.isDefault(), type(dlg).__name__  # Enter saves


def test_the_dose_dialog_focuses_the_amount_the_journal_refused(qtbot) -> None:  # noqa: ANN001
    def refuse(dose: object) -> None:
        raise ValidationError("amount", "is not a dose this medicine comes in")

    med = Medication(name="Baclofen", form=Form.TABLET, strength=Quantity(10, Unit.MG), regimens=[])
    dlg = _shown(qtbot, DoseDialog(med, tz=at(8).tzinfo, now=at(8), default_time=at(8), amount=Quantity(10, Unit.MG),
                                   scheduled=None, submit=refuse))
    dlg.note.setFocus()
    qtbot.keyClicks(dlg.note, "with breakfast")
    dlg.save_button.click()
    assert dlg.error.message == "\u2716 Is not a dose this medicine comes in"
    assert dlg.focusWidget() is dlg.amount and dlg.note.text() == "with breakfast"
    assert dlg.result() != QDialog.DialogCode.Accepted
