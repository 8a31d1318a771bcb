"""«Check your details»: the normalised email and phone, large, before anything is sent.

«Всё верно» runs ``RegistrationFlow.send`` in the background and hands its
outcome to the navigator, which shows the next step's screen; a refusal that
keeps the client here is explained here. «Изменить» goes back to the form with
the typed values kept. When the client went past «Вы имели в виду …» on the form,
the suggestion is repeated here in a warning box with a one-tap fix: a mistyped
domain (``@gmial.com``) shown large was too easy to confirm.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.flows.registration import RegistrationOutcome, Step
from ui.design import PROCEDURE_WIDTH_KIOSK_PX, PROCEDURE_WIDTH_PX
from ui.screens.base import AppContext, Screen, named, titled_column
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.layout import procedure_host
from ui.widgets.step_indicator import StepIndicator

VALUE_MIN_WIDTH_PX = 420


class CheckDetailsScreen(Screen):
    name = "check_details"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        host = procedure_host(
            self, PROCEDURE_WIDTH_KIOSK_PX if self.kiosk_mode else PROCEDURE_WIDTH_PX
        )
        column, self.title, self.hint = titled_column(host)
        column.insertWidget(0, StepIndicator(2))
        column.addSpacing(12)
        self.email_caption = named(QLabel(), "fieldLabel")
        self.email_value = named(QLabel(), "bigValue")
        self.phone_caption = named(QLabel(), "fieldLabel")
        self.phone_value = named(QLabel(), "bigValue")
        for value in (self.email_value, self.phone_value):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setMinimumWidth(VALUE_MIN_WIDTH_PX)
        for widget in (self.email_caption, self.email_value):
            column.addWidget(widget)
        self.typo_box = named(QFrame(), "typoWarning")
        box = QVBoxLayout(self.typo_box)
        box.setContentsMargins(16, 12, 16, 12)
        self.typo_text = QLabel()
        self.typo_text.setWordWrap(True)
        self.typo_fix = named(QPushButton(), "suggestion")
        box.addWidget(self.typo_text)
        box.addWidget(self.typo_fix, 0, Qt.AlignmentFlag.AlignLeft)
        self.typo_box.setVisible(False)
        column.addWidget(self.typo_box)
        column.addSpacing(12)
        for widget in (self.phone_caption, self.phone_value):
            column.addWidget(widget)
        column.addSpacing(12)
        self.status = named(QLabel(), "fieldProblem")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        column.addWidget(self.status)
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.change_button = named(QPushButton(), "secondary")
        self.confirm_button = named(BusyButton(), "primary")
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        column.addLayout(buttons)
        self.touch(self.change_button, self.confirm_button, self.typo_fix)
        self.disable_while_busy(self.change_button, self.typo_fix)
        self.setTabOrder(self.confirm_button, self.change_button)
        self.confirm_button.clicked.connect(self._send)
        self.change_button.clicked.connect(self._change)
        self.typo_fix.clicked.connect(self._use_suggestion)
        self.set_default_button(self.confirm_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Check your details"))
        self.set_label(
            self.hint,
            self.tr(
                "The code and the account details will be sent to this phone and this email. "
                "A mistake makes registration impossible."
            ),
        )
        self.set_label(self.email_caption, self.tr("Email"))
        self.set_label(self.phone_caption, self.tr("Phone"))
        self.set_label(self.confirm_button, self.tr("All correct"))
        self.set_label(self.change_button, self.tr("Change"))
        if not self.ctx.is_open:
            return
        flow = self.ctx.registration
        if self.status.isVisible() and flow.last_error is not None:
            self.show_status(error_text(flow.last_error))
        self._show_suggestion()

    def _show_suggestion(self) -> None:
        suggestion = self.ctx.registration.ignored_suggestion if self.ctx.is_open else None
        if suggestion:
            self.set_label(
                self.typo_text,
                self.tr("Check the email: did you mean %1?").replace("%1", suggestion),
            )
            self.set_label(self.typo_fix, self.tr("Use %1").replace("%1", suggestion))
        self.typo_box.setVisible(bool(suggestion))

    def _show_details(self) -> None:
        flow = self.ctx.registration
        self.email_value.setText(flow.email or "")
        self.phone_value.setText(flow.phone_display)
        self.email_value.setAccessibleName(flow.email or "")
        self.phone_value.setAccessibleName(flow.phone_display)
        self._show_suggestion()

    def on_enter(self) -> None:
        self._show_details()
        self.status.setVisible(False)
        self.confirm_button.setFocus()

    def _use_suggestion(self) -> None:
        if self.ctx.registration.use_suggested_email():
            self._show_details()
            self.confirm_button.setFocus()

    def on_escape(self) -> None:
        self._change()

    def wipe(self) -> None:
        super().wipe()
        for label in (self.email_value, self.phone_value, self.status):
            label.clear()
        self.status.setVisible(False)
        self.typo_box.setVisible(False)

    def show_status(self, text: str) -> None:
        self.set_label(self.status, text)
        self.status.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.confirm_button.set_busy(busy)

    def _change(self) -> None:
        flow = self.ctx.registration
        flow.change_details()
        self.ctx.navigator.follow(flow.step)

    def _send(self) -> None:
        self.status.setVisible(False)
        self.run_blocking(self.ctx.registration.send, done=self._sent)

    def _sent(self, outcome: RegistrationOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not Step.CHECK_DETAILS:
            return
        if outcome.offline_refusal is not None:
            self.show_status(
                self.tr(
                    "No connection to the server, and this terminal cannot keep your "
                    "request just now. Please ask an employee for help."
                )
            )
        else:
            self.show_status(error_text(outcome.error) if outcome.error else "")
