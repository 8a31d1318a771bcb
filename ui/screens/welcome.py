"""The first screen: register, log in, or pick a language.

It is painted before the terminal has opened. A tap on «Registration» or «Log in»
in that moment is kept: the tapped button spins, both refuse further taps, and
the chosen screen opens when the terminal is ready (``on_terminal_open``), so
nothing is lost and nothing is done twice. The client has nothing to type on
this screen, so waiting here costs them nothing they could have done meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import i18n
from ui.screens.base import AppContext, Screen, centered, named
from ui.widgets.busy_button import BusyButton


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
        self._pending: Callable[[], None] | None = None
        self.register_button = named(BusyButton(), "primary")
        self.login_button = named(BusyButton(), "secondary")
        buttons = QVBoxLayout()  # one column: both buttons as wide as the wider one
        buttons.setSpacing(16)
        for button in (self.register_button, self.login_button):
            button.setMinimumWidth(360)
            buttons.addWidget(button)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addLayout(buttons)
        middle.addStretch(1)
        column.addLayout(middle)
        self.touch(self.register_button, self.login_button)
        self.register_button.setMinimumHeight(max(self.register_button.minimumHeight(), 56))
        self.login_button.setMinimumHeight(max(self.login_button.minimumHeight(), 56))
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, label in i18n.LANGUAGE_NAMES.items():
            choice = named(QPushButton(label), "languageChoice")
            choice.setAccessibleName(label)
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, c=code: i18n.set_language(c))
            self.touch(choice)
            row.addWidget(choice)
            self.language_buttons[code] = choice
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

    def wipe(self) -> None:
        """A choice made while the terminal was opening is forgotten too."""
        super().wipe()
        self._pending = None
        self._show_waiting(None)

    def on_terminal_open(self) -> None:
        pending, self._pending = self._pending, None
        self._show_waiting(None)
        if pending is not None and self.ctx.navigator.current_screen() is self:
            pending()

    def _register(self) -> None:
        self._choose(self.register_button, self._open_registration)

    def _log_in(self) -> None:
        self._choose(self.login_button, lambda: self.ctx.navigator.show_screen("login"))

    def _choose(self, button: BusyButton, go: Callable[[], None]) -> None:
        if self._pending is not None:
            return
        if self.ctx.is_open:
            go()
            return
        self._pending = go
        self._show_waiting(button)

    def _show_waiting(self, chosen: BusyButton | None) -> None:
        for button in (self.register_button, self.login_button):
            button.set_busy(button is chosen)
            button.setEnabled(chosen is None)

    def _open_registration(self) -> None:
        flow = self.ctx.registration
        flow.wipe()
        self.ctx.navigator.follow(flow.step)
