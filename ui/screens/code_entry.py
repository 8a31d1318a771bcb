"""«Код подтверждения»: the SMS code, attempts left, expiry and resend countdowns.

The countdowns come from the flow's ``CodeState`` and are refreshed by a
QTimer every ``COUNTDOWN_TICK_MS``; «Отправить код повторно» is enabled once
the cool-down is over. A right code opens the success popup; on closing it
the terminal is ready for the next client.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.errors import CodeExpired, InvalidCode, TooManyAttempts
from kiosk.flows.registration import RegistrationOutcome, Step
from ui.design import PROCEDURE_WIDTH_KIOSK_PX, PROCEDURE_WIDTH_PX
from ui.screens.base import KIOSK_TOUCH_MIN_PX, AppContext, Screen, named, titled_column
from ui.screens.messages import error_text, set_good_news
from ui.screens.success import SuccessDialog
from ui.widgets.busy_button import BusyButton
from ui.widgets.layout import procedure_host
from ui.widgets.sms_code import CODE_LENGTH, CodeField, CodeStatus, add_code_field
from ui.widgets.step_indicator import StepIndicator

COUNTDOWN_TICK_MS = 250


class CodeEntryScreen(Screen):
    name = "code_entry"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        host = procedure_host(
            self, PROCEDURE_WIDTH_KIOSK_PX if self.kiosk_mode else PROCEDURE_WIDTH_PX
        )
        column, self.title, self.sent_to = titled_column(host)
        column.insertWidget(0, StepIndicator(3))
        column.setContentsMargins(48, 16, 48, 16)  # the keypad below needs the height at 768
        column.addSpacing(8)
        self.code_label = named(QLabel(), "fieldLabel")
        self.code = CodeField()
        self.code_label.setBuddy(self.code)
        self.confirm_button = named(BusyButton(), "primary")
        add_code_field(column, self.code_label, self.code, kiosk=self.kiosk_mode)
        self.problem = named(QLabel(), "fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        column.addWidget(self.problem)
        self.status = CodeStatus(gap_px=8)
        self.resend_button = self.status.resend_button
        column.addWidget(self.status)
        column.addStretch(1)
        self.keyboard: QWidget | None = None
        if self.kiosk_mode:
            from ui.widgets.keyboard_dock import KeyboardDock

            dock = KeyboardDock()
            dock.attach(self.code, "digits", submit=True)
            column.addWidget(dock)
            self.keyboard = dock
        buttons = QHBoxLayout()  # the action bar: back left, the primary right
        self.cancel_button = named(QPushButton(), "secondary")
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        column.addLayout(buttons)
        self.touch(self.code, self.confirm_button, self.resend_button, self.cancel_button)
        self.code.setMinimumHeight(KIOSK_TOUCH_MIN_PX)
        self.disable_while_busy(self.cancel_button)
        self.setTabOrder(self.code, self.confirm_button)
        self.setTabOrder(self.confirm_button, self.resend_button)
        self.setTabOrder(self.resend_button, self.cancel_button)
        self.confirm_button.clicked.connect(self._confirm)
        self.resend_button.clicked.connect(self._resend)
        self.cancel_button.clicked.connect(self.ctx.navigator.go_home)
        self.code.textEdited.connect(lambda _t: self.problem.setVisible(False))
        self.set_default_button(self.confirm_button)
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.dialog: SuccessDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Confirmation code"))
        self.set_label(self.code_label, self.tr("Confirmation code"))
        self.code.setAccessibleName(self.tr("Confirmation code"))
        self.set_label(self.confirm_button, self.tr("Confirm code"))
        self.status.retranslate()
        self.set_label(self.cancel_button, self.tr("Cancel registration"))
        error = self.ctx.registration.last_error
        if self.problem.isVisible() and error is not None:
            self.show_status(error_text(error))
        self.refresh()

    # -- state ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the flow's code state: texts, countdowns and which buttons work."""
        state = self.ctx.registration.code_state
        if state is None:
            self.sent_to.clear()
            self.status.clear()
            return
        now = datetime.now(UTC)
        self.set_label(
            self.sent_to,
            self.tr("We have sent an SMS with a 6-digit code to %1. Enter the code below.").replace(
                "%1", state.phone_masked
            ),
        )
        usable = self.status.show_code(
            state.attempts_left, state.expires_in_s(now), state.resend_in_s(now), busy=self.busy
        )
        self.confirm_button.setEnabled(usable and not self.busy)
        self.code.setEnabled(usable)

    def on_enter(self) -> None:
        self.problem.setVisible(False)
        self.code.clear()
        self.refresh()
        self.timer.start()
        self.code.setFocus()

    def on_leave(self) -> None:
        self.timer.stop()

    def on_escape(self) -> None:
        self.ctx.navigator.go_home()

    def wipe(self) -> None:
        super().wipe()
        self.timer.stop()
        self.problem.setVisible(False)
        if self.dialog is not None:
            self.dialog.done(0)

    def show_status(self, text: str, *, good_news: bool = False) -> None:
        """A problem in red; ``good_news`` (a new code went out) in the notice colour."""
        set_good_news(self.problem, good_news)
        self.set_label(self.problem, text)
        self.problem.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        if not busy:
            self.confirm_button.set_busy(False)
            self.resend_button.set_busy(False)
        self.refresh()

    # -- actions -------------------------------------------------------------------

    def _confirm(self) -> None:
        code = self.code.text().strip()
        if len(code) != CODE_LENGTH:
            self.show_status(self.tr("Enter all 6 digits of the code from the SMS."))
            self.code.setFocus()
            return
        self.confirm_button.set_busy(True)
        self.run_blocking(self.ctx.registration.confirm_code, code, done=self._confirmed)

    def _confirmed(self, outcome: RegistrationOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is Step.DONE:
            self.timer.stop()
            self.dialog = SuccessDialog(self.window())
            self.dialog.finished.connect(self._dialog_closed)
            self.dialog.open()
            return
        error = outcome.error
        if error is not None:
            self.show_status(error_text(error))
        if isinstance(error, InvalidCode | CodeExpired | TooManyAttempts):
            self.code.selectAll()
        self.refresh()
        self.code.setFocus()

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None
        self.ctx.navigator.go_home()

    def _resend(self) -> None:
        self.resend_button.set_busy(True)
        self.run_blocking(self.ctx.registration.resend_code, done=self._resent)

    def _resent(self, outcome: RegistrationOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        error = outcome.error
        if error is not None:
            self.show_status(error_text(error))
        else:
            self.show_status(self.tr("A new code has been sent by SMS."), good_news=True)
            self.code.clear()
        self.refresh()
        self.code.setFocus()
