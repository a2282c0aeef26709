"""One base for the form dialogs: the error line, the Save/Cancel row and what a click on Save does.

A form dialog builds its fields, then calls `add_save_cancel` at the end of its layout and implements
`save_form()`: read the fields, call the service, return what it changed. `try_accept` (Save, Enter)
clears the error line, runs `save_form()` and closes the dialog only when it returned; a refusal
(`NotSaved`, a service's `ValidationError`/`NotFound`, a bad quantity, a failed write, or a
`ValueError` naming the field) is shown on the error line instead, the dialog stays open with what
was typed, and the field the refusal names gets the focus when the dialog registered it in
`field_widgets`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QPushButton, QWidget

from journal.services.errors import ValidationError
from journal.ui.widgets.errors import USER_ERRORS, describe
from journal.ui.widgets.widgets import ErrorLabel


class NotSaved(Exception):
    """Raised by `save_form()` when the caregiver backed out of a question (nothing was saved);
    `message` (already translated) goes on the error line as it is."""

    def __init__(self, message: str, focus: QWidget | None = None) -> None:
        self.message = message
        self.focus = focus
        super().__init__(message)


# What a form shows on its error line instead of saving (anything else is a bug and is let through).
REFUSALS: tuple[type[BaseException], ...] = (NotSaved, *USER_ERRORS, ValueError)


class FormDialog(QDialog):
    """A dialog that saves one thing: `error` (the inline error line), `save_button`, `outcome`
    (what `save_form()` returned once saved, else None) and `field_widgets` (a ValidationError's
    field name -> the widget to focus when that field is refused)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = ErrorLabel()
        self.outcome: object = None
        self.field_widgets: dict[str, QWidget] = {}
        self._error_placed = False

    def add_error_line(self, layout: QBoxLayout) -> None:
        """Places the error line in `layout` (for a dialog that wants it above other words);
        `add_save_cancel` places it just above the buttons otherwise."""
        layout.addWidget(self.error)
        self._error_placed = True

    def add_save_cancel(self, layout: QBoxLayout, save_text: str | None, save_name: str,
                        cancel_name: str | None = None) -> QDialogButtonBox:
        """Adds the error line (unless `add_error_line` placed it) and the Save/Cancel row to `layout`.
        The texts come translated from the dialog (its own tr() context, so the catalogs keep one entry
        per dialog); `save_text` None keeps Qt's own "Save". Enter saves, Escape cancels; both buttons
        are reachable with Tab and carry accessible names."""
        if not self._error_placed:
            self.add_error_line(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save_text is not None:
            self.save_button.setText(save_text)
        self.save_button.setAccessibleName(save_name)
        if cancel_name is not None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(cancel_name)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return buttons

    def save_form(self) -> object:
        """Reads the fields and saves them through the service; returns what changed. Raises
        NotSaved, one of USER_ERRORS or ValueError (its text names the field) to refuse."""
        raise NotImplementedError

    def problem_text(self, exc: BaseException) -> str:
        """The words shown for a refusal from the service (a dialog may name the field its own way)."""
        return describe(exc)

    def try_accept(self) -> None:
        """Save: closes the dialog when `save_form()` returned, else shows why on the error line."""
        self.error.clear_error()
        try:
            self.outcome = self.save_form()
        except REFUSALS as exc:
            self.show_refusal(exc)
            return
        self.accept()

    def show_refusal(self, exc: BaseException) -> None:
        """Shows a refusal on the error line and focuses its field: NotSaved's own message and field,
        `problem_text` for a USER_ERRORS one (its ValidationError field looked up in `field_widgets`),
        the text of any other exception (a ValueError naming the field)."""
        focus: QWidget | None = None
        if isinstance(exc, NotSaved):
            message, focus = exc.message, exc.focus
        elif isinstance(exc, USER_ERRORS):
            message = self.problem_text(exc)
            if isinstance(exc, ValidationError):
                focus = self.field_widgets.get(exc.field)
        else:
            message = str(exc)
        self.error.show_error(message)
        if focus is not None:
            focus.setFocus()
