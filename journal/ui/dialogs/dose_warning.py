"""Warn before, not after: a dose that would be a double dose, too soon for an as-needed medicine
or over a limit is shown with the checks' words and asked about (Save anyway / Cancel) before it
is saved. The question is worked out by journal.services.checks.preview_dose; this module only
words it and asks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.domain import Alert

from ..widgets.style import look


def warning_text(alerts: list[Alert], counted_for: str, emergency_number: str) -> str:
    """The question's text: each alert with what it means and what to do, which planned dose the
    entry would count for, and that this is not medical advice."""
    if len(alerts) == 1:
        first = QCoreApplication.translate("dose_warning",
                                           "If this dose is saved, the safety checks will warn about 1 thing:")
    else:
        first = QCoreApplication.translate(
            "dose_warning", "If this dose is saved, the safety checks will warn about {n} things:").format(n=len(alerts))
    lines = [first]
    for a in alerts:
        lk = look(a.severity)
        lines.append(f"\n{lk.icon} {lk.word}: {a.title}")
        if a.evidence:
            lines.append(f"   {a.evidence[0]}")
        if a.message:
            lines.append(f"   {a.message}")
        if a.advice:
            lines.append("   " + QCoreApplication.translate("dose_warning", "What to do: {advice}").format(
                advice=a.advice))
    lines.append("\n" + QCoreApplication.translate("dose_warning", "This entry would be {counted_for}.").format(
        counted_for=counted_for))
    lines.append(QCoreApplication.translate(
        "dose_warning", "Save it only if the dose was really given as entered (for example, you are recording it "
        "late). If it has not been given yet, cancel and check with the pharmacist or doctor first. This is not "
        "medical advice; in an emergency call {number}.").format(number=emergency_number))
    return "\n".join(lines)


def ask_save_anyway(parent: QWidget | None, text: str) -> bool:
    """Ask with the two answers spelt out; Cancel is the default (Enter or Esc saves nothing)."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("dose_warning", "Check before saving this dose"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(QCoreApplication.translate("dose_warning", "Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("dose_warning", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    save.setAccessibleName(QCoreApplication.translate("dose_warning", "Save this dose anyway"))
    cancel.setAccessibleName(QCoreApplication.translate("dose_warning", "Cancel: do not save this dose"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save
