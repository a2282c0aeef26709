"""The About box: version, where the journal, its backups and the log are, and the licence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal import APP_ID, __version__

from .failures import LOG_FILE, log_dir

LICENCE_NAME = "MIT"  # the text is in LICENSE (pyproject's license field says the same)
ICONS = Path(__file__).parents[1] / "icons"  # journal/ui/icons


def app_icon() -> QIcon:
    """The window and tray icon: the SVG plus the PNG sizes (desktops pick the best)."""
    icon = QIcon()
    for png in sorted(ICONS.glob(f"{APP_ID}-*.png")):
        icon.addFile(str(png))
    icon.addFile(str(ICONS / f"{APP_ID}.svg"))
    return icon


def licence_text() -> str:
    """The LICENSE file: beside a checkout, in the installed package's metadata, or in a bundle."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "LICENSE", here.parents[2] / "LICENSE"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    try:
        from importlib.metadata import distribution

        for f in distribution("carejournal").files or []:
            if f.name.startswith("LICENSE"):
                return f.read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - not installed as a distribution: say the name only
        pass
    return QCoreApplication.translate("about", "{name} licence (the LICENSE file was not found in this installation)."
                                      ).format(name=LICENCE_NAME)


class AboutDialog(QDialog):
    def __init__(self, journal_path: Path | None, backups_folder: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About CareJournal"))
        self.setWindowIcon(app_icon())
        lay = QVBoxLayout(self)
        title = QLabel(f"<h2>CareJournal {__version__}</h2>")
        title.setAccessibleName(self.tr("CareJournal version {version}").format(version=__version__))
        lay.addWidget(title)
        journal = str(journal_path) if journal_path is not None else self.tr("a temporary sample (not saved)")
        backups = str(backups_folder) if backups_folder is not None else self.tr("none for the sample")
        self.facts = QLabel(self.tr(
            "A medication journal for family caregivers. It is not medical advice and never tells "
            "anyone to change a dose on their own.\n\n"
            "Your journal: {journal}\n"
            "Backups: {backups}\n"
            "Log file (no names or health details): {log}\n\n"
            "Free software under the {licence} licence:").format(
                journal=journal, backups=backups, log=log_dir() / LOG_FILE, licence=LICENCE_NAME))
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.facts)
        self.licence = QPlainTextEdit(licence_text())
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName(self.tr("Licence"))
        lay.addWidget(self.licence, 1)
        self.licence.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # the text has its own lines
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        width = self.licence.fontMetrics().horizontalAdvance("x" * 84)  # a licence line and its margins
        self.resize(width, width * 5 // 6)
