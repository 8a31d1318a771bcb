"""The login screen of «Личный кабинет»: phone or email, and a password.

A temporary password (from the activation email) leads to the forced password
change; a regular one to the client's contracts. Refusals are explained in
words: a wrong password, an account whose email link was not opened yet, no
connection. "Forgot password?" opens the password reset by SMS code, with the
login typed so far.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.errors import AccountNotActivated, InvalidCredentials
from kiosk.flows.login import LoginOutcome, LoginStep
from ui.screens.base import AppContext, Screen
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import centered
from ui.widgets.password_field import PasswordField

FORM_WIDTH_PX = 560
FORM_WIDTH_KIOSK_PX = 860


def login_error_text(exc: BaseException) -> str:
    """The sentence for a refused login; other refusals get the shared sentences."""
    if isinstance(exc, InvalidCredentials):
        return QCoreApplication.translate(
            "LoginScreen", "Wrong phone, email or password. Please check and try again."
        )
    if isinstance(exc, AccountNotActivated):
        return QCoreApplication.translate(
            "LoginScreen",
            "Your «Личный кабинет» is not activated yet. Open the link in the email we "
            "sent you, then log in with the temporary password from that email.",
        )
    return error_text(exc)


class LoginScreen(Screen):
    name = "login"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._message_source: tuple[str, BaseException | None] = ("", None)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("intro")
        self.hint.setWordWrap(True)
        self.login_label = QLabel()
        self.login_label.setObjectName("fieldLabel")
        self.login_edit = QLineEdit()
        self.login_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.login_label.setBuddy(self.login_edit)
        self.password_label = QLabel()
        self.password_label.setObjectName("fieldLabel")
        self.password = PasswordField()
        self.password_label.setBuddy(self.password.line_edit)
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.submit = BusyButton()
        self.submit.setObjectName("primary")
        self.forgot = QPushButton()
        self.forgot.setObjectName("link")
        self.back = QPushButton()
        self.touch(self.login_edit, self.password.line_edit, self.password.toggle)
        self.touch(self.submit, self.forgot, self.back)

        form = QVBoxLayout()
        form.setSpacing(8)
        for w in (self.title, self.hint, self.login_label, self.login_edit):
            form.addWidget(w)
        form.addSpacing(8)
        form.addWidget(self.password_label)
        form.addWidget(self.password)
        form.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.forgot)
        buttons.addWidget(self.submit)
        form.addStretch(1)  # the action bar at the bottom: a message never pushes it
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
            self.keyboard.attach(self.login_edit, "email")
            self.keyboard.attach(self.password.line_edit, "password", submit=True)
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.login_edit, self.password.line_edit)
        self.setTabOrder(self.password.line_edit, self.password.toggle)
        self.setTabOrder(self.password.toggle, self.submit)
        self.setTabOrder(self.submit, self.forgot)
        self.setTabOrder(self.forgot, self.back)
        self.set_default_button(self.submit)
        self.disable_while_busy(self.login_edit, self.password, self.forgot, self.back)
        self.login_edit.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit.click)
        self.submit.clicked.connect(self._log_in)
        self.forgot.clicked.connect(self._forgot)
        self.back.clicked.connect(self.on_escape)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Log in to «Личный кабинет»"))
        self.hint.setText(self.tr("Use your mobile phone number or email, and your password."))
        self.set_label(self.login_label, self.tr("Phone or email"))
        self.login_edit.setAccessibleName(self.tr("Phone or email"))
        self.login_edit.setPlaceholderText("+7 701 123 45 67 / name@mail.ru")
        self.set_label(self.password_label, self.tr("Password"))
        self.password.set_label(self.tr("Password"))
        self.password.retranslate()
        self.set_label(self.submit, self.tr("Log in"))
        self.set_label(self.forgot, self.tr("Forgot password?"))
        self.set_label(self.back, self.tr("Back"))
        self._render_message()

    def _render_message(self) -> None:
        """Every message of this screen is a problem: a refusal, or no login typed."""
        kind, exc = self._message_source
        if kind == "error" and exc is not None:
            text = login_error_text(exc)
        elif kind == "login_required":
            text = self.tr("Enter your phone or email.")
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def _show(self, kind: str, exc: BaseException | None = None) -> None:
        self._message_source = (kind, exc)
        self._render_message()

    def show_status(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.submit.set_busy(busy)

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        carried = self.ctx.login.typed_login if self.ctx.is_open else ""
        if carried:
            self.ctx.login.typed_login = ""
            self.login_edit.setText(carried)
            self.password.setFocus()
        else:
            self.login_edit.setFocus()

    def wipe(self) -> None:
        super().wipe()
        self.password.clear()
        self._show("")

    # -- actions ---------------------------------------------------------------------

    def _log_in(self) -> None:
        login = self.login_edit.text().strip()
        if not login:
            self._show("login_required")
            self.login_edit.setFocus()
            return
        self._show("")
        self.run_blocking(self.ctx.login.log_in, login, self.password.text(), done=self._logged_in)

    def _logged_in(self, outcome: LoginOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not LoginStep.LOGIN:
            self.password.clear()
            return
        if outcome.error is not None:
            self._show("error", outcome.error)
        self.password.setFocus()
        self.password.line_edit.selectAll()

    def _forgot(self) -> None:
        flow = self.ctx.password_reset
        flow.wipe()
        flow.typed_login = self.login_edit.text().strip()
        self.ctx.navigator.follow(flow.step)
