"""The offline guide (screens/reference_view.py) in a window of its own, beside the journal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ..shell.session import Session


class ReferenceWindow(QDialog):
    """The offline guide in its own window, so it can stay open beside the journal."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CareJournal guide (not medical advice)"))
        self.setModal(False)
        lay = QVBoxLayout(self)
        from ..screens.reference_view import ReferenceView  # here: the guide loads when first opened

        self.view = ReferenceView(emergency_number=session.emergency_number)
        lay.addWidget(self.view)
        self.resize(820, 640)

    def show_topic(self, topic: str) -> None:
        self.view.show_topic(topic)
        self.show()
        self.raise_()
        self.activateWindow()

