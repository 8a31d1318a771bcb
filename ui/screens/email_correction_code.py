"""«Код из СМС» of an email correction: the phone proves itself, the email moves.

The code field, the attempts and countdown lines and the digit keypad are the
ones of the registration's code screen (``ui.widgets.sms_code``); the central
has no resend for this code, so «Отправить код повторно» asks for a new
correction with the same details once ``RESEND_AFTER_S`` have passed (the
phone's hourly cap of codes still holds). The right code opens «Письмо для
активации отправлено на новый адрес».
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.errors import AlreadyConfirmed, CodeExpired, InvalidCode, TooManyAttempts
from kiosk.flows.email_correction import CorrectionOutcome, CorrectionStep
from ui.design import PROCEDURE_WIDTH_KIOSK_PX, PROCEDURE_WIDTH_PX
from ui.screens.base import KIOSK_TOUCH_MIN_PX, AppContext, Screen, named, titled_column
from ui.screens.email_correction import correction_error_text
from ui.screens.messages import set_good_news
from ui.widgets.busy_button import BusyButton
from ui.widgets.layout import procedure_host
from ui.widgets.sms_code import CODE_LENGTH, CodeField, CodeStatus, add_code_field

COUNTDOWN_TICK_MS = 250


class EmailCorrectionCodeScreen(Screen):
    name = "email_correction_code"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._error: BaseException | None = None
        self._notice = ""
        host = procedure_host(
            self, PROCEDURE_WIDTH_KIOSK_PX if self.kiosk_mode else PROCEDURE_WIDTH_PX
        )  # the registration's code screen's width and shape: one code screen to learn
        column, self.title, self.sent_to = titled_column(host)
        column.setContentsMargins(48, 16, 48, 16)  # the keypad below needs the height at 768
        column.addSpacing(8)
        self.code_label = named(QLabel(), "fieldLabel")
        self.code = CodeField()
        self.code_label.setBuddy(self.code)
        self.confirm_button = named(BusyButton(), "primary")
        add_code_field(column, self.code_label, self.code, kiosk=self.kiosk_mode)
        self.message = named(QLabel(), "fieldProblem")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        column.addWidget(self.message)
        self.status = CodeStatus(gap_px=8)  # attempts, expiry, resend: as every code screen
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
        buttons = QHBoxLayout()  # the action bar: the way back left, the primary right
        self.back_button = named(QPushButton(), "secondary")
        self.cancel_button = named(QPushButton(), "secondary")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        column.addLayout(buttons)
        self.code.setMinimumHeight(KIOSK_TOUCH_MIN_PX)
        self.touch(self.code, self.confirm_button, self.resend_button)
        self.touch(self.back_button, self.cancel_button)
        self.disable_while_busy(self.back_button, self.cancel_button)
        self.setTabOrder(self.code, self.confirm_button)
        self.setTabOrder(self.confirm_button, self.resend_button)
        self.setTabOrder(self.resend_button, self.back_button)
        self.setTabOrder(self.back_button, self.cancel_button)
        self.confirm_button.clicked.connect(self._confirm)
        self.resend_button.clicked.connect(self._resend)
        self.back_button.clicked.connect(self._back)
        self.cancel_button.clicked.connect(self.ctx.navigator.go_home)
        self.code.textEdited.connect(lambda _t: self._say(None))
        self.set_default_button(self.confirm_button)
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Code from the SMS"))
        self.set_label(self.code_label, self.tr("Code from the SMS"))
        self.code.setAccessibleName(self.tr("Code from the SMS"))
        self.set_label(self.confirm_button, self.tr("Confirm code"))
        self.status.retranslate()
        self.set_label(self.back_button, self.tr("Change the details"))
        self.set_label(self.cancel_button, self.tr("Cancel"))
        self._render()
        self.refresh()

    def _render(self) -> None:
        if self._error is not None:
            text = correction_error_text(self._error)
            if isinstance(self._error, AlreadyConfirmed):
                text = self.tr("This correction is already done.")
        elif self._notice == "resent":
            text = self.tr("A new code has been sent by SMS.")
        elif self._notice == "code_required":
            text = self.tr("Enter all 6 digits of the code from the SMS.")
        else:
            text = ""
        set_good_news(self.message, self._error is None and self._notice == "resent")
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def _say(self, error: BaseException | None, notice: str = "") -> None:
        self._error, self._notice = error, notice
        self._render()

    def show_status(self, text: str) -> None:
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def refresh(self) -> None:
        """Re-read the flow's code: texts, countdowns and which buttons work."""
        if not self.ctx.is_open:
            return
        state = self.ctx.email_correction.code
        if state is None:
            self.sent_to.clear()
            self.status.clear()
            return
        self.set_label(
            self.sent_to,
            self.tr(
                "We have sent an SMS with a 6-digit code to %1, the phone of the account. "
                "Enter the code below."
            ).replace("%1", state.phone_masked),
        )
        now = datetime.now(UTC)
        usable = self.status.show_code(
            state.attempts_left, state.expires_in_s(now), state.resend_in_s(now), busy=self.busy
        )
        self.confirm_button.setEnabled(usable and not self.busy)
        self.code.setEnabled(usable)

    def busy_changed(self, busy: bool) -> None:
        if not busy:
            self.confirm_button.set_busy(False)
            self.resend_button.set_busy(False)
        self.refresh()

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        self.code.clear()
        self._say(None)
        self.refresh()
        self.timer.start()
        self.code.setFocus()

    def on_leave(self) -> None:
        self.timer.stop()

    def wipe(self) -> None:
        super().wipe()
        self.timer.stop()
        self._say(None)

    # -- actions ---------------------------------------------------------------------

    def _back(self) -> None:
        self.ctx.navigator.follow(self.ctx.email_correction.back_to_details())

    def _confirm(self) -> None:
        code = self.code.text().strip()
        if len(code) != CODE_LENGTH:
            self._say(None, "code_required")
            self.code.setFocus()
            return
        self.confirm_button.set_busy(True)
        self.run_blocking(self.ctx.email_correction.confirm, code, done=self._confirmed)

    def _confirmed(self, outcome: CorrectionOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not CorrectionStep.EMAIL_CORRECTION_CODE:
            return
        self._say(outcome.error)
        if isinstance(outcome.error, InvalidCode | CodeExpired | TooManyAttempts):
            self.code.selectAll()
        self.refresh()
        self.code.setFocus()

    def _resend(self) -> None:
        self.resend_button.set_busy(True)
        self.run_blocking(self.ctx.email_correction.resend, done=self._resent)

    def _resent(self, outcome: CorrectionOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.error is not None:
            self._say(outcome.error)
        else:
            self.code.clear()
            self._say(None, "resent")
        self.refresh()
        self.code.setFocus()
