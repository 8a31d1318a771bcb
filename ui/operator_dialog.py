"""The clerk's start-of-shift dialog: the operator id, asked once per shift.

It has a module of its own, free of the kiosk stack, because it appears over the
main window before the terminal has opened: the clerk types while it opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets.layout import centre_on

OPERATOR_MAX_CHARS = 64
ERROR_COLOUR = "#b3261e"


class OperatorDialog(QDialog):
    """Asks the clerk's operator id; ``operator()`` holds it once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setMaxLength(OPERATOR_MAX_CHARS)
        self.label.setBuddy(self.edit)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.start = QPushButton()
        self.start.setDefault(True)
        layout = QVBoxLayout(self)
        for w in (self.title, self.label, self.edit, self.problem, self.start):
            layout.addWidget(w)
        self.problem.hide()
        self.start.clicked.connect(self._try_accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start of shift"))
        self.title.setText(self.tr("Start of shift"))
        self.label.setText(self.tr("Your operator ID"))
        self.edit.setAccessibleName(self.tr("Your operator ID"))
        self.start.setText(self.tr("Start shift"))
        self.start.setAccessibleName(self.tr("Start shift"))
        self.problem.setText(self.tr("Enter your operator ID to start the shift."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Centred on the window and fully on the screen: opened while the window was
        still being placed, it came up half off it."""
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            centre_on(self, parent)

    def operator(self) -> str:
        return self.edit.text().strip()

    def _try_accept(self) -> None:
        if not self.operator() or not self.operator().isprintable():
            self.problem.show()
            self.edit.setFocus()
            return
        self.accept()
