"""The central could not be reached: the request is saved in the outbox.

The client may leave: once the connection is back the registration is sent
and the SMS carries the code and a link to confirm from the phone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.screens.base import AppContext, Screen, named, titled_column


class SavedOfflineScreen(Screen):
    name = "saved_offline"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column, self.title, self.body = titled_column(self, spacing_px=10)
        self.phone = named(QLabel(), "bigValue")
        column.addWidget(self.phone)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.done_button = named(QPushButton(), "primary")
        buttons.addWidget(self.done_button)
        column.addLayout(buttons)
        self.touch(self.done_button)
        self.done_button.clicked.connect(self.ctx.navigator.go_home)
        self.set_default_button(self.done_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Your request is saved"))
        self.set_label(
            self.body,
            self.tr(
                "There is no connection to the server right now. Your registration request "
                "is saved on this terminal and will be sent as soon as the connection is "
                "back. You will then get an SMS with a confirmation code and a link to "
                "confirm the registration from your phone, at this number:"
            ),
        )
        self.set_label(self.done_button, self.tr("Done"))

    def on_enter(self) -> None:
        self.phone.setText(self.ctx.registration.phone_display)
        self.done_button.setFocus()

    def wipe(self) -> None:
        super().wipe()
        self.phone.clear()
