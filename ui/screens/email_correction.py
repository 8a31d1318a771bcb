"""«Исправить email»: the phone and the right email of an account pending activation.

Reached from «У вас уже есть «Личный кабинет»» (a second registration with the
same phone lands there) and, in clerk mode, from the clerk panel's «Исправить
email». In clerk mode the clerk must tick «Клиент предъявил удостоверение
личности» before a code is asked for; a kiosk has no such box (the SMS code is
the proof, and the central decides whether the account may be corrected
there). «Получить код» runs ``EmailCorrectionFlow.start`` in the background;
the central's refusals are said here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import AccountExists, NotFound, ValidationFailed
from kiosk.flows.email_correction import CorrectionOutcome, CorrectionProblems, CorrectionStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.messages import error_text, field_problem_text
from ui.widgets.busy_button import BusyButton
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.layout import scrolling_form
from vic_rules.phone import format_as_typed

FORM_WIDTH_PX = 640
FORM_WIDTH_KIOSK_PX = 900
EMAIL_MAX_CHARS = 254
PHONE_MAX_CHARS = 20


def correction_error_text(exc: BaseException) -> str:
    """The central's refusals of a correction, as sentences; shared ones for the rest."""
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "EmailCorrectionScreen",
            "There is no «Личный кабинет» waiting for activation with this phone number. "
            "The email of an activated account cannot be changed here; a forgotten password "
            "is reset with «Forgot password?» on the login screen.",
        )
    if isinstance(exc, AccountExists):
        return QCoreApplication.translate(
            "EmailCorrectionScreen",
            "Another «Личный кабинет» already uses this email. Enter a different email.",
        )
    return error_text(exc)


class EmailCorrectionScreen(Screen):
    name = "email_correction"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._problems = CorrectionProblems()
        self._error: BaseException | None = None
        self.title = named(QLabel(), "screenTitle")
        self.intro = named(QLabel(), "intro")
        self.phone_label = named(QLabel(), "fieldLabel")
        self.phone = QLineEdit()
        self.phone.setMaxLength(PHONE_MAX_CHARS)
        self.phone_label.setBuddy(self.phone)
        self.phone_problem = self._problem_label()
        self.email_label = named(QLabel(), "fieldLabel")
        self.email = QLineEdit()
        self.email.setMaxLength(EMAIL_MAX_CHARS)
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.email_label.setBuddy(self.email)
        self.email_problem = self._problem_label()
        self.id_checked = QCheckBox()
        self.id_problem = self._problem_label()
        self.message = self._problem_label()
        for label in (self.title, self.intro):
            label.setWordWrap(True)
        self.back = named(QPushButton(), "secondary")
        self.submit = named(BusyButton(), "primary")
        self.touch(self.phone, self.email, self.id_checked, self.back, self.submit)

        box = QWidget()
        form = QVBoxLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        form.addWidget(self.title)
        form.addWidget(self.intro)
        form.addSpacing(8)
        for w in (
            self.phone_label,
            self.phone,
            self.phone_problem,
            self.email_label,
            self.email,
            self.email_problem,
        ):
            form.addWidget(w)
        form.addSpacing(8)
        # as wide as its text: a tap beside a short label on a wide row ticked nothing
        form.addWidget(self.id_checked, 0, Qt.AlignmentFlag.AlignLeft)
        for w in (self.id_problem, self.message):
            form.addWidget(w)
        form.addStretch(1)
        width_px = FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        self.form_scroll, outer = scrolling_form(self, box, buttons, width_px)
        self.keyboard: KeyboardDock | None = None
        if self.kiosk_mode:
            self.keyboard = KeyboardDock()
            self.keyboard.attach(self.phone, "phone")
            self.keyboard.attach(self.email, "email", submit=True)
            outer.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setTabOrder(self.phone, self.email)
        self.setTabOrder(self.email, self.id_checked)
        self.setTabOrder(self.id_checked, self.submit)
        self.setTabOrder(self.submit, self.back)
        self.set_default_button(self.submit)
        self.disable_while_busy(self.phone, self.email, self.id_checked, self.back)
        self.phone.textEdited.connect(self._phone_typed)
        self.email.textEdited.connect(lambda _t: self._clear(email=True))
        self.id_checked.toggled.connect(lambda _on: self._clear(id_checked=True))
        self.back.clicked.connect(self.ctx.navigator.go_home)
        self.submit.clicked.connect(self._start)
        self.retranslate()

    @staticmethod
    def _problem_label() -> QLabel:
        label = named(QLabel(), "fieldProblem")
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Correct the email of a «Личный кабинет»"))
        self.set_label(
            self.intro,
            self.tr(
                "For a «Личный кабинет» that is not activated yet, when the activation email "
                "went to a mistyped address. Enter the mobile phone number given at "
                "registration and the right email: we will send a code by SMS to that phone, "
                "and after it the activation email goes to the new address."
            ),
        )
        self.set_label(self.phone_label, self.tr("Mobile phone given at registration"))
        self.phone.setAccessibleName(self.tr("Mobile phone given at registration"))
        self.phone.setPlaceholderText("+7 7XX XXX XX XX")
        self.set_label(self.email_label, self.tr("Correct email"))
        self.email.setAccessibleName(self.tr("Correct email"))
        self.email.setPlaceholderText("name@mail.ru")
        self.set_label(self.id_checked, self.tr("The client showed an identity document"))
        self.set_label(self.back, self.tr("Back"))
        self.set_label(self.submit, self.tr("Get a code"))
        self._render()

    def _render(self) -> None:
        problems = self._problems
        for label, codes in (
            (self.phone_problem, problems.phone),
            (self.email_problem, problems.email),
        ):
            text = field_problem_text(codes[0]) if codes else ""
            self.set_label(label, text)
            label.setVisible(bool(text))
        id_text = (
            self.tr("Check the client's identity document and tick the box to continue.")
            if problems.id_checked
            else ""
        )
        self.set_label(self.id_problem, id_text)
        self.id_problem.setVisible(bool(id_text))
        text = correction_error_text(self._error) if self._error is not None else ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def busy_changed(self, busy: bool) -> None:
        self.submit.set_busy(busy)

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        flow = self.ctx.email_correction
        self.id_checked.setVisible(flow.id_required)
        if flow.typed_phone and not self.phone.text():
            self.phone.setText(format_as_typed(flow.typed_phone))
        if flow.typed_email and not self.email.text():
            self.email.setText(flow.typed_email)
        self._problems, self._error = flow.problems, flow.last_error
        self._render()
        (self.email if self.phone.text() else self.phone).setFocus()

    def wipe(self) -> None:
        super().wipe()
        self._problems, self._error = CorrectionProblems(), None
        self._render()

    # -- actions ---------------------------------------------------------------------

    def _phone_typed(self, text: str) -> None:
        formatted = format_as_typed(text)
        if formatted != text:
            self.phone.setText(formatted)
        self._clear(phone=True)

    def _clear(self, *, phone: bool = False, email: bool = False, id_checked: bool = False) -> None:
        p = self._problems
        self._problems = CorrectionProblems(
            phone=() if phone else p.phone,
            email=() if email else p.email,
            id_checked=() if id_checked else p.id_checked,
        )
        self._error = None
        self._render()

    def _start(self) -> None:
        flow = self.ctx.email_correction
        phone, email, seen = (
            self.phone.text(),
            self.email.text().strip(),
            self.id_checked.isChecked(),
        )
        problems = flow.check(phone, email, seen)
        self._problems, self._error = problems, None
        self._render()
        if not problems.ok:
            return
        self.run_blocking(flow.start, phone, email, seen, done=self._started)

    def _started(self, outcome: CorrectionOutcome) -> None:
        if not self.ctx.navigator.apply(outcome):
            return
        if outcome.problems is not None:
            self._problems = outcome.problems
        if outcome.step is CorrectionStep.EMAIL_CORRECTION:
            told = isinstance(outcome.error, ValidationFailed) and not self._problems.ok
            self._error = None if told else outcome.error  # said under its field already
        self._render()
