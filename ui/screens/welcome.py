"""The first screen: register, log in, or pick a language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import i18n
from ui.screens.base import AppContext, Screen, centered, named


class WelcomeScreen(Screen):
    name = "welcome"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(16)
        column.addStretch(1)
        self.title = centered(named(QLabel(), "screenTitle"))
        self.intro = centered(named(QLabel(), "intro"))
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(16)
        self.register_button = named(QPushButton(), "primary")
        self.login_button = named(QPushButton(), "secondary")
        for button in (self.register_button, self.login_button):
            button.setMinimumWidth(360)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.touch(self.register_button, self.login_button)
        self.register_button.setMinimumHeight(max(self.register_button.minimumHeight(), 56))
        self.login_button.setMinimumHeight(max(self.login_button.minimumHeight(), 56))
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, label in i18n.LANGUAGE_NAMES.items():
            button = named(QPushButton(label), "languageChoice")
            button.setAccessibleName(label)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, c=code: i18n.set_language(c))
            self.touch(button)
            row.addWidget(button)
            self.language_buttons[code] = button
        row.addStretch(1)
        column.addLayout(row)
        self.register_button.clicked.connect(self._register)
        self.login_button.clicked.connect(self._log_in)
        self.set_default_button(self.register_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Personal account"))
        self.set_label(
            self.intro,
            self.tr(
                "Your insurance contracts and online claims in one place. "
                "Register with your email and mobile phone, or log in."
            ),
        )
        self.set_label(self.register_button, self.tr("Registration"))
        self.set_label(self.login_button, self.tr("Log in to the personal account"))
        for code, button in self.language_buttons.items():
            button.setChecked(code == i18n.current_language())

    def on_enter(self) -> None:
        self.register_button.setFocus()

    def on_escape(self) -> None:
        """Nothing to go back to."""

    def _register(self) -> None:
        self.ctx.registration.wipe()
        self.ctx.navigator.show_screen("registration")

    def _log_in(self) -> None:
        self.ctx.navigator.show_screen("login")
