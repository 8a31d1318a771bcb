"""A screen that only tells the client something final and offers «На главную».

The closure's and the email correction's last screens say what happened and send
the terminal home for the next client; they differ only in their words, so the
layout is written once here and each keeps its own ``retranslate``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.screens.base import AppContext, Screen, named, titled_column


class HomeNoticeScreen(Screen):
    """Title, notice text and one primary «На главную» at the bottom right.
    Subclasses set ``name`` and write ``title``, ``body`` and ``home_button``'s
    text in ``retranslate``."""

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

    def on_enter(self) -> None:
        self.home_button.setFocus()
