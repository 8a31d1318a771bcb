"""«Восстановление пароля»: the login of the account whose password is forgotten.

«Получить код» runs ``PasswordResetFlow.start`` in the background; the central
answers the same whether or not the account exists, so the next screen (the
code from the SMS and the new password) always follows, unless the central
could not be asked at all, which is said here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.flows.password_reset import ResetOutcome, ResetStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import centered

FORM_WIDTH_PX = 560
FORM_WIDTH_KIOSK_PX = 860
LOGIN_MAX_CHARS = 254


class PasswordResetScreen(Screen):
    name = "password_reset"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._error: BaseException | None = None
        self._login_required = False
        self.title = named(QLabel(), "screenTitle")
        self.hint = named(QLabel(), "intro")
        self.login_label = named(QLabel(), "fieldLabel")
        self.login_edit = QLineEdit()
        self.login_edit.setMaxLength(LOGIN_MAX_CHARS)
        self.login_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.login_label.setBuddy(self.login_edit)
        self.message = named(QLabel(), "fieldProblem")
        self.message.setVisible(False)
        for label in (self.title, self.hint, self.message):
            label.setWordWrap(True)
        self.submit = named(BusyButton(), "primary")
        self.back = named(QPushButton(), "secondary")
        self.touch(self.login_edit, self.submit, self.back)
        form = QVBoxLayout()
        form.setSpacing(8)
        for w in (self.title, self.hint, self.login_label, self.login_edit, self.message):
            form.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        form.addStretch(1)  # the action bar at the bottom, where the login screen has it
        form.addSpacing(8)
        form.addLayout(buttons)
        box = QWidget()
        box.setLayout(form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        width_px = FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX
        outer.addLayout(centered(box, width_px), 1)
        self.keyboard: KeyboardDock | None = None
        if self.kiosk_mode:
            self.keyboard = KeyboardDock()
            self.keyboard.attach(self.login_edit, "email", submit=True)
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setTabOrder(self.login_edit, self.submit)
        self.setTabOrder(self.submit, self.back)
        self.set_default_button(self.submit)
        self.disable_while_busy(self.login_edit, self.back)
        self.submit.clicked.connect(self._start)
        self.back.clicked.connect(self._back)
        self.login_edit.textEdited.connect(lambda _t: self._say(None, required=False))
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Password reset"))
        self.set_label(
            self.hint,
            self.tr(
                "Enter the mobile phone number or the email of your «Личный кабинет». "
                "We will send a code by SMS to the account's phone; your current password "
                "keeps working until you set a new one."
            ),
        )
        self.set_label(self.login_label, self.tr("Phone or email"))
        self.login_edit.setAccessibleName(self.tr("Phone or email"))
        self.login_edit.setPlaceholderText("+7 701 123 45 67 / name@mail.ru")
        self.set_label(self.submit, self.tr("Get a code"))
        self.set_label(self.back, self.tr("Back"))
        self._render()

    def _render(self) -> None:
        if self._login_required:
            text = self.tr("Enter your phone or email.")
        elif self._error is not None:
            text = error_text(self._error)
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def _say(self, error: BaseException | None, *, required: bool) -> None:
        self._error, self._login_required = error, required
        self._render()

    def show_status(self, text: str) -> None:
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.submit.set_busy(busy)

    def on_enter(self) -> None:
        flow = self.ctx.password_reset
        if flow.typed_login and not self.login_edit.text():
            self.login_edit.setText(flow.typed_login)
        self._say(flow.last_error, required=False)
        self.login_edit.setFocus()

    def wipe(self) -> None:
        super().wipe()
        self._say(None, required=False)

    def on_escape(self) -> None:
        self._back()

    def _back(self) -> None:
        self.ctx.navigator.go_home()
        self.ctx.navigator.show_screen("login")

    def _start(self) -> None:
        login = self.login_edit.text().strip()
        if not login:
            self._say(None, required=True)
            self.login_edit.setFocus()
            return
        self._say(None, required=False)
        self.run_blocking(self.ctx.password_reset.start, login, done=self._started)

    def _started(self, outcome: ResetOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is ResetStep.PASSWORD_RESET:
            self._say(outcome.error, required=False)
