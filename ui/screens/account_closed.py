"""«Личный кабинет закрыт»: the closure is done and the terminal has forgotten the session.

The main window wiped the login when it applied the closure, so nothing of the
client is left here but this notice; «На главную» wipes the rest and shows the
welcome screen for the next client (a kiosk's idle wipe does the same).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.screens.base import AppContext, Screen, named, titled_column


class AccountClosedScreen(Screen):
    name = "account_closed"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column, self.title, self.body = titled_column(self, spacing_px=10)
        self.body.setObjectName("notice")
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.home_button = named(QPushButton(), "primary")
        buttons.addWidget(self.home_button)
        column.addLayout(buttons)
        self.touch(self.home_button)
        self.home_button.clicked.connect(self.ctx.navigator.go_home)
        self.set_default_button(self.home_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("«Личный кабинет» closed"))
        self.set_label(
            self.body,
            self.tr(
                "Your «Личный кабинет» is closed: you have been logged out and can no longer "
                "log in. Your email and phone number have been erased from it. Your insurance "
                "contracts stay with the company as insurance law requires. An SMS and an "
                "email confirm the closure."
            ),
        )
        self.set_label(self.home_button, self.tr("To the start"))

    def on_enter(self) -> None:
        self.home_button.setFocus()
