"""The registration form: «Email», «Телефон», consent, «Зарегистрировать».

Checks happen as the client types (the phone is formatted as typed, a likely
typo in the email domain is offered as a one-tap correction), with the flow's
own checks (``check_email``, ``check_phone``), and again on «Зарегистрировать»
through ``RegistrationFlow.submit_details``, which moves the flow to
CHECK_DETAILS. Nothing is sent to the central from this screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.flows.registration import DetailsProblems, check_email, check_phone
from ui.design import PROCEDURE_WIDTH_KIOSK_PX, PROCEDURE_WIDTH_PX
from ui.screens.base import AppContext, Screen, named
from ui.screens.messages import field_problem_text
from ui.widgets.step_indicator import StepIndicator
from vic_rules.phone import format_as_typed

FORM_MAX_WIDTH_PX = PROCEDURE_WIDTH_PX
# as wide as the on-screen keyboard below it: fewer wrapped lines, so the whole form
# (consent text included) fits above the keyboard on a 1280×1024 kiosk
FORM_MAX_WIDTH_KIOSK_PX = PROCEDURE_WIDTH_KIOSK_PX
EMAIL_MAX_CHARS = 254
PHONE_MAX_CHARS = 20


def problem_label() -> QLabel:
    label = named(QLabel(), "fieldProblem")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class RegistrationScreen(Screen):
    name = "registration"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        if self.kiosk_mode:
            # a finger drags the form: the consent text is below the fold at 1280x1024
            # (one gesture per target; Qt makes mouse events of unhandled touches)
            QScroller.grabGesture(
                scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
            )
        self.form_scroll = scroll
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        row = QHBoxLayout(body)
        width_px = FORM_MAX_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_MAX_WIDTH_PX
        form_host = QWidget()
        form_host.setMaximumWidth(width_px)
        row.addStretch(1)
        row.addWidget(form_host, 100)
        row.addStretch(1)
        form = QVBoxLayout(form_host)
        form.setSpacing(6)
        form.setContentsMargins(24, 16, 24, 16)

        self.title = named(QLabel(), "screenTitle")
        self.warning = named(QLabel(), "warning")
        self.warning.setWordWrap(True)
        form.addWidget(StepIndicator(1))
        form.addWidget(self.title)
        form.addWidget(self.warning)
        form.addSpacing(8)

        self.email_label = named(QLabel(), "fieldLabel")
        self.email = QLineEdit()
        self.email.setMaxLength(EMAIL_MAX_CHARS)
        self.email.setInputMethodHints(
            Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.email_label.setBuddy(self.email)
        self.email_problem = problem_label()
        self.suggestion = named(QPushButton(), "suggestion")
        self.suggestion.setVisible(False)
        self.suggestion.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.phone_label = named(QLabel(), "fieldLabel")
        self.phone = QLineEdit()
        self.phone.setMaxLength(PHONE_MAX_CHARS)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone_label.setBuddy(self.phone)
        self.phone_problem = problem_label()
        for widget in (self.email_label, self.email, self.email_problem):
            form.addWidget(widget)
        form.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)
        form.addSpacing(6)
        for widget in (self.phone_label, self.phone, self.phone_problem):
            form.addWidget(widget)
        form.addSpacing(6)

        self.consent = QCheckBox()
        # clerk mode: the clerk ticks the box, so it speaks of the client, and a line
        # says to read the text aloud or hand it over; a kiosk's client ticks it himself
        self.consent_how = named(QLabel(), "fieldLabel")
        self.consent_how.setWordWrap(True)
        self.consent_how.setVisible(not self.kiosk_mode)
        form.addWidget(self.consent_how)
        self.consent_text = named(QLabel(), "consentText")
        self.consent_text.setWordWrap(True)
        self.consent_problem = problem_label()
        form.addWidget(self.consent)
        form.addWidget(self.consent_text)
        form.addWidget(self.consent_problem)
        form.addSpacing(10)

        form.addStretch(1)
        bar = QWidget()
        bar.setMaximumWidth(width_px)
        buttons = QHBoxLayout(bar)
        buttons.setContentsMargins(24, 8, 24, 12)
        self.back_button = named(QPushButton(), "secondary")
        self.register_button = named(QPushButton(), "primary")
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(bar, 100)
        bar_row.addStretch(1)
        outer.addLayout(bar_row)
        self.touch(self.email, self.phone, self.suggestion, self.consent)
        self.touch(self.back_button, self.register_button)

        self.keyboard: QWidget | None = None
        if self.kiosk_mode:
            from ui.widgets.keyboard_dock import KeyboardDock

            dock = KeyboardDock()
            dock.attach(self.email, "email")
            dock.attach(self.phone, "phone")
            outer.addWidget(dock)
            self.keyboard = dock

        self.setTabOrder(self.email, self.suggestion)
        self.setTabOrder(self.suggestion, self.phone)
        self.setTabOrder(self.phone, self.consent)
        self.setTabOrder(self.consent, self.register_button)
        self.setTabOrder(self.register_button, self.back_button)

        self.email.textEdited.connect(self._email_edited)
        self.email.editingFinished.connect(self._check_email)
        self.phone.textChanged.connect(self._phone_changed)
        self.phone.editingFinished.connect(self._check_phone)
        self.consent.toggled.connect(self._consent_toggled)
        self.suggestion.clicked.connect(self._accept_suggestion)
        self.register_button.clicked.connect(self._submit)
        self.back_button.clicked.connect(self.ctx.navigator.go_home)
        self.set_default_button(self.register_button)
        self._suggested: str | None = None
        self._shown: DetailsProblems | None = None
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Registration"))
        self.set_label(
            self.warning,
            self.tr(
                "Attention! Check that the email address and the mobile phone number are "
                "entered correctly. If the email address and/or the mobile phone number "
                "contain a mistake, registration in the personal account will be impossible."
            ),
        )
        self.set_label(self.email_label, self.tr("Email"))
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText(self.tr("name@mail.ru"))
        self.set_label(self.phone_label, self.tr("Phone"))
        self.phone.setAccessibleName(self.tr("Phone"))
        self.phone.setPlaceholderText(self.tr("+7 7XX XXX XX XX"))
        if self.kiosk_mode:
            consent = self.tr("I consent to the processing of my personal data")
        else:
            consent = self.tr("The client consents to personal data processing")
        self.set_label(self.consent, consent)
        self.set_label(
            self.consent_how,
            self.tr("Read the consent below to the client aloud, or let them read it:"),
        )
        self.set_label(
            self.consent_text,
            self.tr(
                "JSC «Insurance Company «Victoria» will process your email address and mobile "
                "phone number to create and run your personal account and to send you messages "
                "about your insurance contracts. The data are kept on servers in Kazakhstan. "
                "If the registration is not confirmed with the SMS code, they are deleted "
                "within 25 hours after the code expires. Otherwise they are kept while the "
                "account exists and erased from it when it is closed; your insurance contracts "
                "stay with the company as insurance law requires, and a record of actions on "
                "the account, without your full phone and email, is kept for 3 years. The data "
                "are not passed to third parties except where the law requires it. You may "
                "withdraw your consent at any time with «Close «Личный кабинет»» under «My "
                "contracts» at a terminal, or by a written request to the company: the account "
                "is then closed. Law of the Republic of "
                "Kazakhstan No. 94-V «On personal data and their protection»."
            ),
        )
        self.set_label(self.register_button, self.tr("Register"))
        self.set_label(self.back_button, self.tr("Back"))
        self._show_suggestion(self._suggested)
        if self._shown is not None:
            self.show_problems(self._shown)

    # -- screen hooks ----------------------------------------------------------

    def on_enter(self) -> None:
        fixed = self.ctx.registration.email
        if fixed is not None and check_email(self.email.text())[1] == fixed:
            self.email.setText(fixed)  # the check screen's one-tap fix: the form shows it too
        refused = self.ctx.registration.details_problems
        if refused is not None and not refused.ok:
            self.show_problems(refused)
        self.email.setFocus()

    def on_escape(self) -> None:
        self.ctx.navigator.go_home()

    def wipe(self) -> None:
        super().wipe()
        self._suggested = None
        self._shown = None
        self._show_suggestion(None)
        for label in (self.email_problem, self.phone_problem, self.consent_problem):
            label.clear()
            label.setVisible(False)

    # -- live checks -------------------------------------------------------------

    def _email_edited(self, _text: str) -> None:
        self._set_problem(self.email_problem, ())
        self._show_suggestion(None)

    def _check_email(self) -> None:
        raw = self.email.text()
        if not raw.strip():
            return
        codes, suggestion = check_email(raw)
        self._set_problem(self.email_problem, codes)
        self._show_suggestion(suggestion)

    def _phone_changed(self, text: str) -> None:
        formatted = format_as_typed(text)
        if formatted != text:
            self.phone.blockSignals(True)
            self.phone.setText(formatted)
            self.phone.setCursorPosition(len(formatted))
            self.phone.blockSignals(False)
        self._set_problem(self.phone_problem, ())

    def _check_phone(self) -> None:
        raw = self.phone.text()
        if not raw.strip():
            return
        self._set_problem(self.phone_problem, check_phone(raw, self.ctx.registration.regions))

    def _consent_toggled(self, checked: bool) -> None:
        if checked:
            self._set_problem(self.consent_problem, ())

    def _show_suggestion(self, suggestion: str | None) -> None:
        self._suggested = suggestion
        if suggestion:
            self.set_label(self.suggestion, self.tr("Did you mean %1?").replace("%1", suggestion))
        self.suggestion.setVisible(bool(suggestion))

    def _accept_suggestion(self) -> None:
        if self._suggested:
            self.email.setText(self._suggested)
            self._show_suggestion(None)
            self._check_email()
            self.phone.setFocus()

    def _set_problem(self, label: QLabel, codes: tuple[str, ...]) -> None:
        text = " ".join(field_problem_text(code) for code in codes)
        self.set_label(label, text)
        label.setVisible(bool(text))

    # -- submit --------------------------------------------------------------------

    def show_problems(self, problems: DetailsProblems) -> None:
        """Show every problem under its field; focus the first field to fix."""
        self._shown = problems
        self._set_problem(self.email_problem, problems.email)
        self._set_problem(self.phone_problem, problems.phone)
        self._set_problem(self.consent_problem, problems.consent)
        self._show_suggestion(problems.email_suggestion)

    def _submit(self) -> None:
        flow = self.ctx.registration
        problems = flow.submit_details(
            self.email.text(), self.phone.text(), self.consent.isChecked()
        )
        if not problems.ok:
            self.show_problems(problems)
            first = next(
                (w for w, p in ((self.email, problems.email), (self.phone, problems.phone)) if p),
                self.consent,
            )
            first.setFocus()
            return
        self._shown = None
        self.ctx.navigator.follow(flow.step)
