"""The forced password change after a login with a temporary password.

The client types the new password twice (each field with show/hide); the
checklist ticks the insurer's rules live. The central checks again: when it
refuses, every rule it names is listed. On success the seed's notice is shown
and the client goes on to the contracts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import WeakPassword
from kiosk.flows.login import LoginOutcome, LoginStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import centered
from ui.widgets.new_password import NewPasswordFields

FORM_WIDTH_PX = 560
FORM_WIDTH_KIOSK_PX = 1000


class PasswordChangeScreen(Screen):
    name = "password_change"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._problems: list[str] = []
        self._problems_from_central = False
        self._failure: BaseException | None = None
        self.pages = QStackedWidget()
        self.form_page = QWidget()
        self.done_page = QWidget()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.done_page)

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.hint = QLabel()
        self.hint.setObjectName("intro")
        self.password = NewPasswordFields(self)
        self.new_password, self.repeat_password = (
            self.password.new_password,
            self.password.repeat_password,
        )
        self.checklist = self.password.checklist
        self.rules_title = QLabel()
        self.rules_title.setObjectName("fieldLabel")
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.submit = BusyButton()
        self.submit.setObjectName("primary")
        self.cancel = QPushButton()
        for label in (self.title, self.hint, self.rules_title, self.message):
            label.setWordWrap(True)
        self.touch(self.new_password.line_edit, self.new_password.toggle)
        self.touch(self.repeat_password.line_edit, self.repeat_password.toggle)
        self.touch(self.submit, self.cancel)

        fields = QVBoxLayout()
        fields.setSpacing(8)
        for w in self.password.rows:
            fields.addWidget(w)
        fields.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        rules = QVBoxLayout()
        rules.setSpacing(8)
        rules.addWidget(self.rules_title)
        rules.addWidget(self.checklist)
        columns: QBoxLayout
        if self.kiosk_mode:  # the rules beside the fields: the keyboard needs the height
            fields.addStretch(1)
            fields.addLayout(buttons)
            rules.addStretch(1)
            columns = QHBoxLayout()
            columns.setSpacing(32)
            columns.addLayout(fields, 1)
            columns.addLayout(rules, 1)
        else:  # one column, as narrow as the login form: room for the clerk's side panel
            columns = QVBoxLayout()
            columns.setSpacing(8)
            columns.addLayout(fields)
            columns.addLayout(rules)
        form = QVBoxLayout(self.form_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.title)
        form.addWidget(self.hint)
        form.addSpacing(8)
        form.addLayout(columns, 1 if self.kiosk_mode else 0)
        if not self.kiosk_mode:  # the action bar at the bottom: messages never push it
            form.addStretch(1)
            form.addSpacing(8)
            form.addLayout(buttons)

        self.done_title = QLabel()
        self.done_title.setObjectName("screenTitle")
        self.done_text = QLabel()
        self.done_text.setObjectName("notice")
        self.done_text.setWordWrap(True)
        self.to_contracts = QPushButton()
        self.to_contracts.setObjectName("primary")
        self.log_out = named(QPushButton(), "secondary")  # a client may stop here and leave
        self.touch(self.to_contracts, self.log_out)
        done = QVBoxLayout(self.done_page)
        done.addWidget(self.done_title)
        done.addWidget(self.done_text)
        done.addStretch(1)
        done_bar = QHBoxLayout()
        done_bar.addWidget(self.log_out)
        done_bar.addStretch(1)
        done_bar.addWidget(self.to_contracts)
        done.addLayout(done_bar)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addLayout(
            centered(self.pages, FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX), 1
        )
        self.keyboard: KeyboardDock | None = None
        if self.kiosk_mode:
            self.keyboard = KeyboardDock()
            self.keyboard.attach(self.new_password.line_edit, "password")
            self.keyboard.attach(self.repeat_password.line_edit, "password", submit=True)
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.new_password.line_edit, self.new_password.toggle)
        self.setTabOrder(self.new_password.toggle, self.repeat_password.line_edit)
        self.setTabOrder(self.repeat_password.line_edit, self.repeat_password.toggle)
        self.setTabOrder(self.repeat_password.toggle, self.submit)
        self.setTabOrder(self.submit, self.cancel)
        self.set_default_button(self.submit)
        self.disable_while_busy(self.new_password, self.repeat_password, self.cancel)
        self.new_password.textChanged.connect(self._typed)
        self.repeat_password.textChanged.connect(self._typed)
        self.new_password.returnPressed.connect(self.repeat_password.setFocus)
        self.repeat_password.returnPressed.connect(self.submit.click)
        self.submit.clicked.connect(self._change)
        self.cancel.clicked.connect(self.on_escape)
        self.to_contracts.clicked.connect(self._to_contracts)
        self.log_out.clicked.connect(self.ctx.navigator.go_home)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose a new password"))
        self.hint.setText(
            self.tr(
                "You logged in with a temporary password. Choose your own password: "
                "you will log in with it from now on."
            )
        )
        self.password.retranslate()
        self.rules_title.setText(self.tr("Password requirements:"))
        self.set_label(self.submit, self.tr("Change password"))
        self.set_label(self.cancel, self.tr("Cancel"))
        self.done_title.setText(self.tr("Password changed"))
        notice = self.tr(
            "Your password has been changed successfully. You can now use «Личный кабинет»."
        )
        self.done_text.setText(notice)
        self.done_text.setAccessibleName(notice)
        self.set_label(self.to_contracts, self.tr("My contracts"))
        self.set_label(self.log_out, self.tr("Log out"))
        self._render_message()

    def _render_message(self) -> None:
        lines: list[str] = []
        shown = ""  # rich text when the refused rules carry their icons
        if self._failure is not None:
            lines.append(error_text(self._failure))
        elif self._problems:
            lines += self.password.problem_lines(
                self._problems, from_central=self._problems_from_central
            )
            shown = self.password.problem_html(
                self._problems, from_central=self._problems_from_central
            )
        text = "\n".join(lines)
        self.message.setTextFormat(Qt.TextFormat.RichText if shown else Qt.TextFormat.PlainText)
        self.message.setText(shown or text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.submit.set_busy(busy)

    def is_done(self) -> bool:
        return self.pages.currentWidget() is self.done_page

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        if self.ctx.login.step is LoginStep.PASSWORD_CHANGED:
            self._show_done()
            return
        self.pages.setCurrentWidget(self.form_page)
        self.new_password.setFocus()

    def wipe(self) -> None:
        super().wipe()
        self.password.clear()
        self._problems, self._failure = [], None
        self.pages.setCurrentWidget(self.form_page)
        self._typed()

    # -- actions ---------------------------------------------------------------------

    def _typed(self, _: str = "") -> None:
        if self._problems or self._failure is not None:
            self._problems, self._failure = [], None
            self._render_message()

    def _change(self) -> None:
        new, repeat = self.password.texts()
        problems = self.ctx.login.check_new_password(new, repeat)
        if problems:
            self._problems, self._problems_from_central, self._failure = problems, False, None
            self._render_message()
            return
        self.run_blocking(self.ctx.login.change_password, new, repeat, done=self._changed)

    def _changed(self, outcome: LoginOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is LoginStep.PASSWORD_CHANGED:
            self._show_done()
            return
        if outcome.step is not LoginStep.PASSWORD_CHANGE:
            return  # the session ended: the navigator shows the login again
        error = outcome.error
        if isinstance(error, WeakPassword) and error.violations:
            self._problems, self._problems_from_central = list(error.violations), True
            self._failure = None
        else:
            self._failure = error
        self._render_message()

    def _show_done(self) -> None:
        self.password.clear()
        self.pages.setCurrentWidget(self.done_page)
        self.to_contracts.setFocus()

    def _to_contracts(self) -> None:
        self.ctx.navigator.follow(self.ctx.login.to_contracts())
