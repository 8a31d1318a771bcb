"""«Пароль изменён»: the reset is done; every earlier session of the account has ended.

«Войти» opens the login (the terminal forgets the reset first); «Выйти» goes
home for the next client.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.screens.base import AppContext, Screen, named, titled_column


class ResetDoneScreen(Screen):
    name = "reset_done"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column, self.title, self.body = titled_column(self, spacing_px=10)
        self.body.setObjectName("notice")
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.home_button = named(QPushButton(), "secondary")
        self.login_button = named(QPushButton(), "primary")
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        column.addLayout(buttons)
        self.touch(self.home_button, self.login_button)
        self.home_button.clicked.connect(self.ctx.navigator.go_home)
        self.login_button.clicked.connect(self._log_in)
        self.set_default_button(self.login_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Password changed"))
        self.set_label(
            self.body,
            self.tr(
                "Your new password is set. Every earlier login with the old password has "
                "ended, and an SMS and an email tell you about the change. Log in with the "
                "new password."
            ),
        )
        self.set_label(self.home_button, self.tr("Log out"))
        self.set_label(self.login_button, self.tr("Log in"))

    def on_enter(self) -> None:
        self.login_button.setFocus()

    def _log_in(self) -> None:
        self.ctx.navigator.go_home()
        self.ctx.navigator.show_screen("login")
