"""How severities look: colour AND icon AND words (never colour alone), and font sizes that
follow the system font (relative point sizes only, so 200% scaling stays readable)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from journal.domain import Severity

from ..shell.translation import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SeverityLook:
    word: str  # the label a caregiver reads
    icon: str  # a symbol that survives colour blindness and greyscale printing
    background: str
    foreground: str
    border: str
    action: str  # one short line: what this level means you should do


LOOKS: dict[Severity, SeverityLook] = {
    Severity.EMERGENCY: SeverityLook(
        QT_TRANSLATE_NOOP("SeverityLook", "EMERGENCY"), "\u203c", "#b00020", "#ffffff", "#6d0014",
        QT_TRANSLATE_NOOP("SeverityLook", "Call emergency services now")),
    Severity.URGENT: SeverityLook(
        QT_TRANSLATE_NOOP("SeverityLook", "Urgent"), "\u26a0", "#ffe0b2", "#3e2000", "#e65100",
        QT_TRANSLATE_NOOP("SeverityLook", "Call the doctor or clinic today")),
    Severity.WARNING: SeverityLook(
        QT_TRANSLATE_NOOP("SeverityLook", "Warning"), "\u25b2", "#fff8c4", "#332b00", "#b59a00",
        QT_TRANSLATE_NOOP("SeverityLook", "Check this soon")),
    Severity.INFO: SeverityLook(
        QT_TRANSLATE_NOOP("SeverityLook", "Note"), "\u2139", "#e3f2fd", "#0d2a45", "#1e88e5",
        QT_TRANSLATE_NOOP("SeverityLook", "Good to know")),
}


def look(severity: Severity) -> SeverityLook:
    """The look of a severity, its word and action in the window's language (ui/shell/translation.py)."""
    base = LOOKS[Severity(severity)]
    return replace(base, word=QCoreApplication.translate("SeverityLook", base.word),
                   action=QCoreApplication.translate("SeverityLook", base.action))


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """The widget's font (which follows the system font) scaled by a factor, never a pixel size."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def set_scaled_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    widget.setFont(scaled_font(widget, factor, bold))


def box_style(sev: Severity) -> str:
    """A stylesheet for a framed box of this severity (colours only; sizes stay with the font)."""
    lk = look(sev)
    return (
        f"background-color: {lk.background}; color: {lk.foreground};"
        f" border: 2px solid {lk.border}; border-radius: 6px;"
    )
