"""The account already exists (for example made by an online purchase): how to get in.

"Set a new password by SMS code" starts ``PasswordResetFlow`` with the email
the client typed and goes on to the code screen; the central answers the same
whether or not the account exists, and so does that screen.

"Correct the email" opens the email correction (issue 11 §1) with the phone and
email just typed: a second registration with the same phone lands here when
the first one's email had a typo and was never activated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.flows.password_reset import ResetOutcome
from ui.screens.base import AppContext, Screen, named, titled_column
from ui.widgets.busy_button import BusyButton


class AlreadyRegisteredScreen(Screen):
    name = "already_registered"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        column, self.title, self.body = titled_column(self, spacing_px=10)
        column.addSpacing(12)
        self.reset_button = named(BusyButton(), "secondary")
        self.status = named(QLabel(), "fieldProblem")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        column.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.correct_button = named(QPushButton(), "secondary")
        column.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.status)
        column.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(), "secondary")
        self.login_button = named(QPushButton(), "primary")
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        column.addLayout(buttons)
        self.touch(self.reset_button, self.correct_button, self.back_button, self.login_button)
        self.disable_while_busy(self.back_button, self.login_button, self.correct_button)
        self.correct_button.clicked.connect(self._correct_email)
        self.reset_button.clicked.connect(self._reset_password)
        self.login_button.clicked.connect(self._log_in)
        self.back_button.clicked.connect(self.ctx.navigator.go_home)
        self.set_default_button(self.login_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("You already have a personal account"))
        self.set_label(
            self.body,
            self.tr(
                "An account with this phone number or email already exists: for example, it "
                "was created automatically when you bought a policy online. Log in with the "
                "mobile phone number and the email given in your contract.\n\n"
                "Forgot the password? We can send a code by SMS to set a new one."
            ),
        )
        self.set_label(self.reset_button, self.tr("Set a new password by SMS code"))
        self.set_label(
            self.correct_button, self.tr("No activation email? Correct the email by SMS code")
        )
        self.set_label(self.login_button, self.tr("Log in"))
        self.set_label(self.back_button, self.tr("Back"))

    def on_enter(self) -> None:
        self.status.setVisible(False)
        self.login_button.setFocus()

    def wipe(self) -> None:
        super().wipe()
        self.status.setVisible(False)

    def busy_changed(self, busy: bool) -> None:
        self.reset_button.set_busy(busy)

    def show_status(self, text: str) -> None:
        self.set_label(self.status, text)
        self.status.setVisible(bool(text))

    def _log_in(self) -> None:
        """The login form with the email just typed: the client only adds the password."""
        registration = self.ctx.registration
        self.ctx.login.typed_login = registration.email or registration.phone_display
        self.ctx.navigator.follow(self.ctx.login.step)

    def _reset_password(self) -> None:
        login = self.ctx.registration.email or self.ctx.registration.phone
        if not login:
            return
        flow = self.ctx.password_reset
        flow.wipe()
        flow.typed_login = login
        self.run_blocking(flow.start, login, done=self._started)

    def _started(self, outcome: ResetOutcome) -> None:
        """The code screen, or the reset's own screen saying why no code was sent."""
        self.ctx.navigator.apply(outcome)

    def _correct_email(self) -> None:
        """The email correction, starting from the phone and email just typed."""
        registration, flow = self.ctx.registration, self.ctx.email_correction
        flow.wipe()
        flow.typed_phone = registration.phone or ""
        flow.typed_email = registration.email or ""
        self.ctx.navigator.follow(flow.step)
