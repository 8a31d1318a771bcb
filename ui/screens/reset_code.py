"""«Код из СМС»: the reset code and the new password, with the rules ticking live.

The code's countdowns come from the flow's ``ResetCode`` and are refreshed every
``COUNTDOWN_TICK_MS``; «Отправить код повторно» works once the cool-down is
over. The new password is typed twice; the checklist is the one of the forced
password change. The central checks again: a weak password leaves the code
unspent and every rule it names is listed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import NotFound, WeakPassword
from kiosk.flows.password_reset import CODE_LENGTH, ResetOutcome, ResetStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.code_entry import COUNTDOWN_TICK_MS
from ui.screens.messages import error_text, set_good_news
from ui.screens.password_change import FORM_WIDTH_KIOSK_PX, FORM_WIDTH_PX
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import scrolling_form
from ui.widgets.new_password import NewPasswordFields
from ui.widgets.sms_code import CODE_FIELD_WIDTH_PX, CodeField, CodeStatus


class ResetCodeScreen(Screen):
    name = "reset_code"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._problems: list[str] = []
        self._problems_from_central = False
        self._failure: BaseException | None = None
        self._notice = ""
        self.title = named(QLabel(), "screenTitle")
        self.sent_to = QLabel()
        self.code_label = named(QLabel(), "fieldLabel")
        self.code = CodeField()
        self.code.setMaximumWidth(CODE_FIELD_WIDTH_PX)
        self.code_label.setBuddy(self.code)
        self.status = CodeStatus(stacked=True)  # the code's column shares the row
        self.resend_button = self.status.resend_button
        self.password = NewPasswordFields(self)
        self.new_password, self.repeat_password = (
            self.password.new_password,
            self.password.repeat_password,
        )
        self.checklist = self.password.checklist
        self.message = named(QLabel(), "fieldProblem")
        self.message.setVisible(False)
        self.submit = named(BusyButton(), "primary")
        self.cancel = named(QPushButton(), "secondary")
        for label in (self.title, self.sent_to, self.message):
            label.setWordWrap(True)
        self.touch(self.code, self.resend_button, self.submit, self.cancel)
        self.touch(self.new_password.line_edit, self.repeat_password.line_edit)

        fields = QVBoxLayout()
        fields.setSpacing(6)
        for w in (self.code_label, self.code):
            fields.addWidget(w)
        fields.addWidget(self.status)
        fields.addSpacing(8)
        for row in (*self.password.rows, self.message):
            fields.addWidget(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        columns = QHBoxLayout() if self.kiosk_mode else QVBoxLayout()
        columns.setSpacing(24 if self.kiosk_mode else 8)
        columns.addLayout(fields, 1)
        columns.addWidget(self.checklist, 1)
        width_px = FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX
        box = QWidget()
        form = QVBoxLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.title)
        form.addWidget(self.sent_to)  # full width: the sentence is long
        form.addSpacing(4)
        form.addLayout(columns)
        form.addStretch(1)
        self.form_scroll, outer = scrolling_form(self, box, buttons, width_px)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focused)
        self.keyboard: KeyboardDock | None = None
        if self.kiosk_mode:
            self.keyboard = KeyboardDock()
            self.keyboard.attach(self.code, "digits")
            self.keyboard.attach(self.new_password.line_edit, "password")
            self.keyboard.attach(self.repeat_password.line_edit, "password", submit=True)
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)

        self.setTabOrder(self.code, self.new_password.line_edit)
        self.setTabOrder(self.new_password.line_edit, self.repeat_password.line_edit)
        self.setTabOrder(self.repeat_password.line_edit, self.submit)
        self.setTabOrder(self.submit, self.resend_button)
        self.setTabOrder(self.resend_button, self.cancel)
        self.set_default_button(self.submit)
        self.disable_while_busy(self.new_password, self.repeat_password, self.cancel)
        self.new_password.textChanged.connect(self._typed)
        self.repeat_password.textChanged.connect(self._typed)
        self.code.textEdited.connect(self._typed)
        self.submit.clicked.connect(self._confirm)
        self.resend_button.clicked.connect(self._resend)
        self.cancel.clicked.connect(self.ctx.navigator.go_home)
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTDOWN_TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Code from the SMS"))
        self.set_label(self.code_label, self.tr("Code from the SMS"))
        self.code.setAccessibleName(self.tr("Code from the SMS"))
        self.status.retranslate()
        self.password.retranslate()
        self.set_label(self.submit, self.tr("Set the new password"))
        self.set_label(self.cancel, self.tr("Cancel"))
        self._render_message()
        self.refresh()

    def _render_message(self) -> None:
        lines: list[str] = []
        shown = ""  # rich text when the refused rules carry their icons
        failing = self._failure is not None or bool(self._problems)
        if isinstance(self._failure, NotFound):
            lines.append(self.tr("This password reset is no longer valid. Please start again."))
        elif self._failure is not None:
            lines.append(error_text(self._failure))
        elif self._problems:
            lines += self.password.problem_lines(
                self._problems, from_central=self._problems_from_central
            )
            shown = self.password.problem_html(
                self._problems, from_central=self._problems_from_central
            )
        elif self._notice == "resent":
            lines.append(self.tr("A new code has been sent by SMS."))
        elif self._notice == "code_required":
            lines.append(self.tr("Enter all 6 digits of the code from the SMS."))
        text = "\n".join(lines)
        set_good_news(self.message, lines != [] and self._notice == "resent" and not failing)
        self.message.setTextFormat(Qt.TextFormat.RichText if shown else Qt.TextFormat.PlainText)
        self.set_label(self.message, text)
        if shown:
            self.message.setText(shown)
        self.message.setVisible(bool(text))

    def _show_focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The field the client taps into is scrolled into view above the keyboard."""
        if new is not None and self.form_scroll.isAncestorOf(new):
            self.form_scroll.ensureWidgetVisible(new)

    def show_status(self, text: str) -> None:
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def refresh(self) -> None:
        """Re-read the flow's code: texts, countdowns and which buttons work."""
        if not self.ctx.is_open:
            return
        flow = self.ctx.password_reset
        state = flow.code
        if state is None:
            self.sent_to.clear()
            self.status.clear()
            return
        self.set_label(
            self.sent_to,
            self.tr(
                "If a «Личный кабинет» is registered to %1, we have sent an SMS with a "
                "6-digit code to its phone. Not activated yet? Then we have emailed the "
                "activation link again instead."
            ).replace("%1", flow.login_display),
        )
        now = datetime.now(UTC)
        usable = self.status.show_code(
            state.attempts_left, state.expires_in_s(now), state.resend_in_s(now), busy=self.busy
        )
        self.submit.setEnabled(usable and not self.busy)
        self.code.setEnabled(usable)

    def busy_changed(self, busy: bool) -> None:
        if not busy:
            self.submit.set_busy(False)
            self.resend_button.set_busy(False)
        self.refresh()

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        self._clear_message()
        self.refresh()
        self.timer.start()
        self.code.setFocus()

    def on_leave(self) -> None:
        self.timer.stop()

    def wipe(self) -> None:
        super().wipe()
        self.timer.stop()
        self.password.clear()
        self._clear_message()

    def _clear_message(self) -> None:
        self._problems, self._failure, self._notice = [], None, ""
        self._render_message()

    # -- actions ---------------------------------------------------------------------

    def _typed(self, _: str = "") -> None:
        if self._problems or self._failure is not None or self._notice:
            self._clear_message()

    def _confirm(self) -> None:
        code = self.code.text().strip()
        new, repeat = self.password.texts()
        if len(code) != CODE_LENGTH:
            self._clear_message()
            self._notice = "code_required"
            self._render_message()
            self.code.setFocus()
            return
        problems = self.ctx.password_reset.check_new_password(new, repeat)
        if problems:
            self._problems, self._problems_from_central, self._failure = problems, False, None
            self._render_message()
            return
        self.submit.set_busy(True)
        self.run_blocking(self.ctx.password_reset.confirm, code, new, repeat, done=self._confirmed)

    def _confirmed(self, outcome: ResetOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not ResetStep.RESET_CODE:
            self.password.clear()
            return
        error = outcome.error
        if isinstance(error, WeakPassword) and error.violations:
            self._problems, self._problems_from_central = list(error.violations), True
            self._failure = None
        else:
            self._failure = error
            self.code.selectAll()
            self.code.setFocus()
        self._render_message()
        self.refresh()

    def _resend(self) -> None:
        self.resend_button.set_busy(True)
        self.run_blocking(self.ctx.password_reset.resend, done=self._resent)

    def _resent(self, outcome: ResetOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        self._clear_message()
        if outcome.error is not None:
            self._failure = outcome.error
        else:
            self._notice = "resent"
            self.code.clear()
        self._render_message()
        self.refresh()
        self.code.setFocus()
