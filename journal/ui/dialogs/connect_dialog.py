"""The "Use a shared journal on a server" dialog: where the care team's journal is (server, port,
database, login, encryption), an optional password, a "Test connection" step that says in words
what it found, and Connect. Used by the first-run screen, Settings, and at start when the shared
journal chosen earlier cannot be opened.

The words about the connection come from journal.services.shared_connection (one place for them);
the password typed here is handed to that service (memory, or the keyring when "remember" is
ticked) and never kept by the dialog or written anywhere else."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.services.errors import ValidationError
from journal.services.shared_connection import (
    DEFAULT_SSL_MODE,
    SSL_MODES,
    ServerDetails,
    TestResult,
    check_connection,
    details_from_fields,
    keyring_problem,
    ssl_mode_words,
    use_password,
)

from ..widgets.widgets import ErrorLabel, hint

Tester = Callable[[ServerDetails, "str | None"], TestResult]


class _Relay(QObject):
    """Carries a test's result from its thread to the dialog's (a queued signal)."""

    done = Signal(object, object, object)  # ServerDetails, password, TestResult


class ConnectDialog(QDialog):
    """`current_url`: the shared journal to show (its details filled in), `problem`: words (and the
    field) to show at once, e.g. why it could not be opened. `offer_local`: add "Use this
    computer's journal". After `exec()`: `url` (without password) when Connect succeeded,
    `chose_local` when the person chose this computer's journal instead."""

    test_finished = Signal(object)  # TestResult

    def __init__(self, parent: QWidget | None = None, *, current_url: str | None = None,
                 problem: tuple[str, str] | None = None, offer_local: bool = False,
                 tester: Tester = check_connection, keyring_reason: Callable[[], str | None] = keyring_problem) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use a shared journal on a server"))
        self.url: str | None = None
        self.chose_local = False
        self.last_result: TestResult | None = None
        self._tested: tuple[ServerDetails, str] | None = None  # what last_result is about
        self._tester = tester
        self._connect_after_test = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._test_done)
        lay = self._layout = QVBoxLayout(self)
        intro = hint(self.tr(
            "A care team can keep one journal on a PostgreSQL server, so that every caregiver's computer "
            "shows the same entries. Ask whoever runs the server for these details."))
        lay.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setAccessibleName(self.tr("Server name or address"))
        self.host.setPlaceholderText(self.tr("for example db.example.org"))
        form.addRow(self.tr("&Server:"), self.host)
        self.port = QLineEdit("5432")
        self.port.setAccessibleName(self.tr("Port"))
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("0000000") * 2)
        form.addRow(self.tr("&Port:"), self.port)
        self.database = QLineEdit()
        self.database.setAccessibleName(self.tr("Database name"))
        self.database.setPlaceholderText(self.tr("for example carejournal"))
        form.addRow(self.tr("&Database:"), self.database)
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("Your login on the server"))
        form.addRow(self.tr("Your &login:"), self.user)
        self.sslmode = QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(f"{mode}: {ssl_mode_words(mode)}", mode)
        self.sslmode.setCurrentIndex(self.sslmode.findData(DEFAULT_SSL_MODE))
        self.sslmode.setAccessibleName(self.tr("Encryption (TLS mode)"))
        form.addRow(self.tr("&Encryption:"), self.sslmode)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password (optional)"))
        self.password.setPlaceholderText(self.tr("leave empty if it is kept in ~/.pgpass or the keyring"))
        form.addRow(self.tr("Pass&word:"), self.password)
        self.remember = QCheckBox(self.tr("&Remember the password in this computer's keyring"))
        self.remember.setAccessibleName(self.tr("Remember the password in this computer's keyring"))
        reason = keyring_reason()
        if reason:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("Not available: {reason}").format(reason=reason))
        form.addRow(self.remember)
        self.password_note = hint(
            self.tr("Not remembered, the password is asked each time CareJournal opens the shared journal "
                    "(unless it is in ~/.pgpass). CareJournal never writes it into a file.") if not reason else
            self.tr("The password cannot be remembered here ({reason}): it is asked each time CareJournal opens "
                    "the shared journal, unless it is in ~/.pgpass.").format(reason=reason))
        form.addRow(self.password_note)
        lay.addLayout(form)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("What the connection test found"))
        self.result_label.setVisible(False)
        lay.addWidget(self.result_label)
        # A plain row, not a QDialogButtonBox: its focus goes straight to the default button, so
        # Tab could never reach "Test connection" or Cancel.
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test the connection to the shared journal"))
        self.test_button.clicked.connect(lambda: self.run_test())
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setAccessibleName(self.tr("Connect to the shared journal and open it"))
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.try_connect)
        buttons.addWidget(self.connect_button)
        self.local_button: QPushButton | None = None
        if offer_local:
            self.local_button = QPushButton(self.tr("Use this computer's &journal"))
            self.local_button.setAccessibleName(self.tr("Use this computer's journal instead"))
            self.local_button.clicked.connect(self._use_local)
            buttons.addWidget(self.local_button)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        for b in (self.test_button, self.connect_button, self.local_button, self.cancel_button):
            if b is not None:
                b.setAutoDefault(False)  # Enter connects, whichever field has the focus
        lay.addLayout(buttons)
        self._fields = {"server": self.host, "port": self.port, "database": self.database, "login": self.user,
                        "encryption": self.sslmode, "password": self.password}
        for edit in (self.host, self.port, self.database, self.user, self.password):
            edit.textEdited.connect(lambda _t: self._forget_test())
        self.sslmode.currentIndexChanged.connect(lambda _i: self._forget_test())
        if current_url:
            d = ServerDetails.from_url(current_url)
            self.host.setText(d.host)
            self.port.setText(str(d.port))
            self.database.setText(d.database)
            self.user.setText(d.user)
            self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(d.sslmode)))
        if problem is not None:
            words, field = problem
            self._show_result(words, ok=False)
            self._fields.get(field, self.host).setFocus()

    # -- reading the fields ----------------------------------------------------------------------
    def details(self) -> ServerDetails:
        """The details as typed; ValidationError naming the field when one is not usable."""
        return details_from_fields(self.host.text(), self.port.text(), self.database.text(), self.user.text(),
                                   str(self.sslmode.currentData()))

    def _checked_details(self) -> ServerDetails | None:
        self.error.clear_error()
        try:
            return self.details()
        except ValidationError as e:
            label = {"server": self.tr("Server"), "port": self.tr("Port"), "database": self.tr("Database"),
                     "login": self.tr("Your login"), "encryption": self.tr("Encryption")}.get(e.field, e.field)
            self.error.show_error(f"{label}: {e.message}")
            self._fields.get(e.field, self.host).setFocus()
            return None

    # -- testing ---------------------------------------------------------------------------------
    def run_test(self, *, then_connect: bool = False) -> bool:
        """Start the test in the background (the window stays responsive while a server that does
        not answer is waited for). False when a field is not usable (said next to the form)."""
        details = self._checked_details()
        if details is None:
            return False
        password = self.password.text()
        self._connect_after_test = then_connect
        self._busy(True)
        self._show_result(self.tr("Testing the connection to {host}...").format(host=details.host), ok=None)
        tester, relay = self._tester, self._relay

        def work() -> None:
            try:
                result = tester(details, password or None)
            except Exception as e:  # noqa: BLE001 - a test that breaks is said, never a crash
                result = TestResult(False, "", f"The connection test failed: {e}")
            with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile: nobody to tell
                relay.done.emit(details, password, result)

        threading.Thread(target=work, name="carejournal-connection-test", daemon=True).start()
        return True

    def _test_done(self, details: ServerDetails, password: str, result: TestResult) -> None:
        self._busy(False)
        self.last_result = result
        self._tested = (details, password)
        self._show_result(result.words, ok=result.ok, viewer=result.access == "viewer")
        if not result.ok and result.field in self._fields:
            self._fields[result.field].setFocus()
        self.test_finished.emit(result)
        if self._connect_after_test and result.ok:
            self._finish(details, password)
        self._connect_after_test = False

    def _forget_test(self) -> None:
        self._tested = None

    def _busy(self, busy: bool) -> None:
        for b in (self.test_button, self.connect_button, self.local_button):
            if b is not None:
                b.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _show_result(self, words: str, *, ok: bool | None, viewer: bool = False) -> None:
        mark = "" if ok is None else ("\u2714 " if ok else "\u2716 ")
        self.result_label.setText(mark + words)
        colour = "#444444" if ok is None else ("#7a4f00" if viewer else "#1b5e20") if ok else "#9a0000"
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.result_label.setVisible(True)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped line at the present width (a shown result adds lines)."""
        lay = self._layout
        lay.activate()
        needed = lay.heightForWidth(self.width()) if lay.hasHeightForWidth() else lay.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- finishing -------------------------------------------------------------------------------
    def try_connect(self) -> None:
        """Connect: test first (unless these very details were just tested and worked), then open."""
        details = self._checked_details()
        if details is None:
            return
        password = self.password.text()
        if self._tested == (details, password) and self.last_result is not None and self.last_result.ok:
            self._finish(details, password)
            return
        self.run_test(then_connect=True)

    def _finish(self, details: ServerDetails, password: str) -> None:
        if password:
            try:
                use_password(details, password, remember=self.remember.isChecked() and self.remember.isEnabled())
            except ValidationError as e:
                self.error.show_error(self.tr("Password: {problem}").format(problem=e.message))
                self.remember.setFocus()
                return
        self.url = details.url()
        self.accept()

    def _use_local(self) -> None:
        self.chose_local = True
        self.accept()
