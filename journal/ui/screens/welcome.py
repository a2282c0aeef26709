"""The first-run page: an empty journal greets the caregiver with two clear choices (add the
person, or explore a sample), and asks to confirm the time zone and the emergency number (saved
here, as the journal's setting). The main window wires the other buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..dialogs.settings_dialog import valid_emergency_number
from ..operations.settings import save_settings
from ..shell.session import Session
from ..widgets.style import set_scaled_font
from ..widgets.widgets import ErrorLabel, hint


class WelcomePage(QWidget):
    """First run: an empty journal greets the caregiver with two clear choices."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("Welcome to CareJournal"))
        set_scaled_font(title, 2.0, bold=True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        sub = QLabel(self.tr("Keep track of medicines, symptoms and the pump, and get a clear picture for the "
                             "doctor.\nEverything stays on this computer."))
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setWordWrap(True)
        set_scaled_font(sub, 1.15)
        lay.addWidget(sub)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add the person you care for"))
        self.add_button.setAccessibleName(self.tr("Add the person you care for"))
        self.sample_button = QPushButton(self.tr("Explore a sample journal"))
        self.sample_button.setAccessibleName(self.tr("Explore a sample journal (a separate copy, not your data)"))
        for b in (self.add_button, self.sample_button):
            set_scaled_font(b, 1.3, bold=True)
            b.setMinimumHeight(b.fontMetrics().height() * 3)
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + b.fontMetrics().height() * 3)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        note = hint(self.tr("The sample opens in its own window with made-up entries. It is never mixed with "
                            "your journal and disappears when you close it."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(note)
        # A care team's journal on a server instead of this computer's (issue 18).
        shared_row = QHBoxLayout()
        shared_row.addStretch(1)
        self.shared_button = QPushButton(self.tr("Use a shared journal on a server..."))
        self.shared_button.setAccessibleName(self.tr("Use a shared journal on a server (a care team's journal)"))
        self.shared_button.setToolTip(self.tr("For a care team that keeps one journal on a PostgreSQL server"))
        shared_row.addWidget(self.shared_button)
        shared_row.addStretch(1)
        lay.addLayout(shared_row)
        # The journal's time zone, taken from this computer when the journal was created: confirm it.
        lay.addSpacing(note.fontMetrics().height())
        zone_row = QHBoxLayout()
        zone_row.addStretch(1)
        self.zone_label = QLabel()
        self.zone_label.setWordWrap(True)
        self.zone_label.setAccessibleName(self.tr("The journal's time zone"))
        zone_row.addWidget(self.zone_label, 4)
        self.zone_button = QPushButton(self.tr("Change time zone..."))
        self.zone_button.setAccessibleName(self.tr("Change the journal's time zone"))
        zone_row.addWidget(self.zone_button)
        zone_row.addStretch(1)
        lay.addLayout(zone_row)
        # The emergency number, guessed from the country: confirm or correct it before anything else.
        number_row = QHBoxLayout()
        number_row.addStretch(1)
        self.number_label = QLabel()
        self.number_label.setWordWrap(True)
        self.number_label.setAccessibleName(self.tr("The emergency number this journal will show"))
        number_row.addWidget(self.number_label, 3)
        self.number_edit = QLineEdit()
        self.number_edit.setAccessibleName(self.tr("Emergency number"))
        self.number_edit.setMaximumWidth(self.number_edit.fontMetrics().horizontalAdvance("0000000") * 2)
        self.number_label.setBuddy(self.number_edit)
        number_row.addWidget(self.number_edit)
        self.number_button = QPushButton(self.tr("Use this &number"))
        self.number_button.setAccessibleName(self.tr("Use this emergency number"))
        number_row.addWidget(self.number_button)
        number_row.addStretch(1)
        lay.addLayout(number_row)
        self.number_error = ErrorLabel()
        lay.addWidget(self.number_error, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(2)
        self.number_button.clicked.connect(self.confirm_number)
        self.number_edit.returnPressed.connect(self.confirm_number)
        self.number_edit.textEdited.connect(lambda _t: self.number_button.setText(self.tr("Use this &number")))

    def show_settings(self) -> None:
        """Shows the journal's zone and emergency number as they are now (and whether each was
        chosen or guessed from this computer)."""
        journal = self.session.journal
        settings = journal.get_settings()
        self.show_zone(settings.timezone, from_computer=not journal.timezone_is_set())
        guess, saved = journal.regional_guess()
        self.show_number(settings.emergency_number, country=guess.country, confirmed=saved)

    def confirm_number(self) -> None:
        """The emergency number as shown (or corrected) is saved as the person's choice; a number
        that cannot be dialled is refused on the error line, nothing saved."""
        text = self.number_edit.text().strip()
        problem = valid_emergency_number(text)
        if problem:
            self.number_error.show_error(problem)
            self.number_edit.setFocus()
            return
        settings = self.session.journal.get_settings()
        settings.emergency_number = text
        save_settings(session=self.session, settings=settings, by=self.session.by, initiator=self)

    def show_number(self, number: str, *, country: str | None, confirmed: bool) -> None:
        """Shows the emergency number alerts and guide pages will name, and where it came from."""
        if confirmed:
            why = self.tr("Alerts and the guide tell you to call this number in an emergency.")
        elif country:
            why = self.tr("The usual emergency number where you are ({country}). Please check it: alerts and "
                          "the guide tell you to call it.").format(country=country)
        else:
            why = self.tr("Your country could not be told from this computer. Please enter the number you "
                          "would call.")
        self.number_label.setText(self.tr("&Emergency number: {why}").format(why=why))
        self.number_edit.setText(number)
        self.number_button.setText(self.tr("Saved") if confirmed else self.tr("Use this &number"))
        self.number_error.clear_error()

    def show_zone(self, zone: str, *, from_computer: bool) -> None:
        """Says which zone the journal keeps its times in (to confirm on first run)."""
        text = (self.tr("Times in this journal are kept in {zone} (this computer's time zone).") if from_computer
                else self.tr("Times in this journal are kept in {zone}."))
        self.zone_label.setText(text.format(zone=zone) + " " + self.tr(
            "Every day is planned and shown in it; if you move, a new zone can apply from a chosen day and the "
            "days before stay as they were."))

