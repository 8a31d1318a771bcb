"""The popup after a right code: the account exists, and what the client does next.

A window-modal ``QDialog`` opened with ``open()`` (never ``exec()``: the GUI
keeps running). It re-labels itself on a language change like every screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.screens.base import named

DIALOG_WIDTH_PX = 600
DIALOG_MARGIN_PX = 28


class SuccessDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("successDialog")
        self.setModal(True)
        # one per registration: without this every closed popup stays in memory
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        column = QVBoxLayout(self)
        column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        column.setContentsMargins(DIALOG_MARGIN_PX, 24, DIALOG_MARGIN_PX, 20)
        column.setSpacing(12)
        self.title = named(QLabel(), "dialogTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        for label in (self.title, self.body):
            label.setFixedWidth(DIALOG_WIDTH_PX - 2 * DIALOG_MARGIN_PX)
            column.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok_button = named(QPushButton(), "primary")
        self.ok_button.setMinimumHeight(48)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        row.addWidget(self.ok_button)
        column.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Personal account created"))
        title = self.tr("Your personal account has been created")
        self.title.setText(title)
        self.title.setAccessibleName(title)
        body = self.tr(
            "An SMS and an email about it are on their way to you.\n\n"
            "1. Open the email and follow its link to activate the personal account.\n"
            "2. Log in with the temporary password from the email.\n"
            "3. At the first login you will be asked to choose a new password."
        )
        self.body.setText(body)
        self.body.setAccessibleName(body)
        ok = self.tr("OK")
        self.ok_button.setText(ok)
        self.ok_button.setAccessibleName(ok)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
