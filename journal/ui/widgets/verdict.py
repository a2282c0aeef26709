"""The safety checks' verdict on a planned change, shown before anything is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from journal.domain import Alert, Severity

from .style import look


class VerdictBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictBox")
        self.setAccessibleName(self.tr("What the safety checks say about this change"))
        lay = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.label)
        self.alerts: list[Alert] = []
        self.setVisible(False)

    def show_verdict(self, alerts: list[Alert], emergency_number: str) -> None:
        self.alerts = sorted(alerts, key=lambda a: -a.severity.rank)
        if not self.alerts:
            self.setStyleSheet("QFrame#verdictBox { background-color: #e8f5e9; border: 2px solid #2e7d32; }"
                               " QFrame#verdictBox QLabel { color: #10361a; }")
            self.label.setText(self.tr("\u2714 The safety checks found nothing worrying in this change.\n"
                               "This is not medical advice: follow what the prescriber told you."))
        else:
            worst = self.alerts[0].severity
            lk = look(worst)
            self.setStyleSheet(f"QFrame#verdictBox {{ background-color: {lk.background};"
                               f" border: 3px solid {lk.border}; }}"
                               f" QFrame#verdictBox QLabel {{ color: {lk.foreground}; }}")
            n = len(self.alerts)
            found = self.tr("Before you save: the safety checks found 1 concern with this change.") if n == 1 \
                else self.tr("Before you save: the safety checks found {n} concerns with this change.").format(n=n)
            lines = [f"{lk.icon} {found}"]
            for a in self.alerts:
                la = look(a.severity)
                lines.append(f"\n{la.icon} {la.word}: {a.title}")
                if a.message:
                    lines.append(f"   {a.message}")
                if a.advice:
                    lines.append("   " + self.tr("What to do: {advice}").format(advice=a.advice))
            lines.append("\n" + self.tr("Save it only if this is what the prescriber asked for. "
                                        "If you are unsure, call them first (in an emergency: {number}).").format(
                                            number=emergency_number))
            self.label.setText("\n".join(lines))
        self.setVisible(True)

    @property
    def worst(self) -> Severity | None:
        return self.alerts[0].severity if self.alerts else None
