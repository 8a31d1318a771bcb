"""«Закрыть «Личный кабинет»»: what closing means, the password again, the decision.

Reached from «Мои договоры». The screen says plainly what happens before the
client decides (sessions end, the login stops, the phone and email are erased
from the account, the contracts stay with the insurer as insurance law
requires, an SMS and an email confirm it), asks for the password again, and
offers «Закрыть кабинет» (the destructive action, enabled once a password is
typed) beside the safe «Отмена». Enter does not close the account: only the
button does. ``ClosureFlow.close`` runs in the background; a wrong password, the
hourly cap or no connection are said here and the account stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import InvalidCredentials, Unreachable
from kiosk.flows.closure import ClosureOutcome, ClosureStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import scrolling_form
from ui.widgets.password_field import PasswordField

FORM_WIDTH_PX = 640
FORM_WIDTH_KIOSK_PX = 1000
BULLET = "•"


def closure_error_text(exc: BaseException) -> str:
    """Why the account was not closed; the shared sentences for the rest."""
    if isinstance(exc, InvalidCredentials):
        return QCoreApplication.translate(
            "AccountClosureScreen",
            "Wrong password: the «Личный кабинет» has not been closed. Please check and try again.",
        )
    if isinstance(exc, Unreachable):
        return QCoreApplication.translate(
            "AccountClosureScreen",
            "No connection to the server: the «Личный кабинет» has not been closed. "
            "Please try again later.",
        )
    return error_text(exc)


class AccountClosureScreen(Screen):
    name = "account_closure"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._error: BaseException | None = None
        self._password_required = False
        self.title = named(QLabel(), "screenTitle")
        self.what_title = named(QLabel(), "fieldLabel")
        self.what = QLabel()
        self.password_label = named(QLabel(), "fieldLabel")
        self.password = PasswordField()
        self.password_label.setBuddy(self.password.line_edit)
        self.message = named(QLabel(), "fieldProblem")
        self.message.setVisible(False)
        for label in (self.title, self.what_title, self.what, self.message):
            label.setWordWrap(True)
        self.cancel = named(QPushButton(), "secondary")
        self.close_button = named(BusyButton(), "primary")  # red: the destructive action
        self.touch(self.cancel, self.close_button, self.password.line_edit)

        box = QWidget()
        form = QVBoxLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(8)
        form.addWidget(self.title)
        form.addWidget(self.what_title)
        form.addWidget(self.what)
        form.addSpacing(8)
        for w in (self.password_label, self.password, self.message):
            form.addWidget(w)
        form.addStretch(1)
        width_px = FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        self.form_scroll, outer = scrolling_form(self, box, buttons, width_px)
        self.keyboard: KeyboardDock | None = None
        if self.kiosk_mode:
            self.keyboard = KeyboardDock()
            self.keyboard.attach(self.password.line_edit, "password")
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setTabOrder(self.password.line_edit, self.cancel)
        self.setTabOrder(self.cancel, self.close_button)
        self.disable_while_busy(self.password, self.cancel)
        self.password.textChanged.connect(self._typed)
        self.cancel.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self._close)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Close «Личный кабинет»"))
        self.set_label(self.what_title, self.tr("What happens when you close it:"))
        points = [
            self.tr("You are logged out everywhere, and you can no longer log in."),
            self.tr("Your email and mobile phone number are erased from the account."),
            self.tr(
                "Your insurance contracts and claims stay with the company, as insurance "
                "law requires: they remain valid, and you can ask about them at a branch."
            ),
            self.tr("An SMS and an email confirm the closure."),
            self.tr("This also withdraws your consent to the processing of your personal data."),
        ]
        self.set_label(self.what, "\n".join(f"{BULLET} {p}" for p in points))
        self.set_label(self.password_label, self.tr("Your password, to confirm"))
        self.password.set_label(self.tr("Your password, to confirm"))
        self.password.retranslate()
        self.set_label(self.cancel, self.tr("Cancel"))
        self.set_label(self.close_button, self.tr("Close the account"))
        self._render()

    def _render(self) -> None:
        if self._password_required:
            text = self.tr("Enter your password to close the account.")
        elif self._error is not None:
            text = closure_error_text(self._error)
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.close_button.set_busy(busy)

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        self.password.clear()
        self._say(None, required=False)
        self.password.setFocus()

    def on_leave(self) -> None:
        self.password.clear()  # the password is never left in a hidden screen

    def wipe(self) -> None:
        super().wipe()
        self.password.clear()
        self._say(None, required=False)

    def on_escape(self) -> None:
        self._cancel()

    # -- actions ---------------------------------------------------------------------

    def _say(self, error: BaseException | None, *, required: bool) -> None:
        self._error, self._password_required = error, required
        self._render()

    def _typed(self, _text: str) -> None:
        if self._error is not None or self._password_required:
            self._say(None, required=False)

    def _cancel(self) -> None:
        """Back to «Мои договоры»: nothing was sent."""
        self.ctx.closure.wipe()
        self.ctx.navigator.follow(self.ctx.login.step)

    def _close(self) -> None:
        password = self.password.text()
        if not password:
            self._say(None, required=True)
            self.password.setFocus()
            return
        self._say(None, required=False)
        self.run_blocking(self.ctx.closure.close, password, done=self._closed)

    def _closed(self, outcome: ClosureOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is ClosureStep.ACCOUNT_CLOSURE:
            self.password.clear()
            self._say(outcome.error, required=False)
            self.password.setFocus()
