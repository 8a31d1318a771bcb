"""The popup after a right code: the account exists, and what the client does next.

An in-window ``Overlay`` (``ui.widgets.overlay``) over the code screen, in both
modes: at the kiosk it opened as a desktop window with a title bar at desktop
text size (issue 14, finding 20); over the clerk's window it is centred on the
window by construction. It never blocks (``open()``), and re-labels itself on a
language change like every screen. Escape is «Понятно»: there is nothing to undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.design import TOUCH_MIN_PX
from ui.screens.base import named
from ui.widgets.overlay import Overlay


class SuccessDialog(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("successDialog")
        # one per registration: without this every closed popup stays in memory
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(lambda _r: self.close())
        column = self.card_layout
        self.title = named(QLabel(), "dialogTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        for label in (self.title, self.body):
            column.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok_button = named(QPushButton(), "primary")
        self.ok_button.setMinimumHeight(TOUCH_MIN_PX)
        self.ok_button.clicked.connect(self.accept)
        self.set_default_button(self.ok_button)
        row.addWidget(self.ok_button)
        column.addLayout(row)
        self.retranslate()

    def escape(self) -> None:
        self.accept()

    def retranslate(self) -> None:
        title = self.tr("Your personal account has been created")
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.setAccessibleName(title)
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
