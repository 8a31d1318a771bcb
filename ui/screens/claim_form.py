"""«Заявление о страховом случае»: the form a client fills for an active contract.

Kind of event (the central's list, in the UI language), the date (a date picker
bounded by the contract's period and today), place, what happened (10–4,000
characters, with a live counter) and a contact phone (the account's, when the
terminal knows it). Each field's problem shows under it as the client types, in
space kept for it, so nothing moves. «Отправить заявление» runs
``ClaimsFlow.send`` off the GUI thread; a second tap sends nothing, and the same
details keep their Idempotency-Key. Claims need the connection: when the
central cannot be reached the form says so and keeps every value typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import Unreachable, ValidationFailed
from kiosk.flows.claims import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    PLACE_MAX_CHARS,
    ClaimDraft,
    ClaimsOutcome,
    ClaimStep,
    DraftProblems,
)
from ui.screens.base import AppContext, Screen, named
from ui.screens.claim_texts import claim_problem_text, contract_line
from ui.screens.messages import error_text
from ui.widgets.busy_button import BusyButton
from vic_rules.phone import PhoneProblem, display_phone, format_as_typed

FORM_WIDTH_PX = 760
FORM_WIDTH_KIOSK_PX = 1000
DESCRIPTION_HEIGHT_PX = 110
DESCRIPTION_HEIGHT_KIOSK_PX = 96
PHONE_MAX_CHARS = 20
FIELDS = ("kind", "event_date", "place", "description", "contact_phone")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _problem_label() -> QLabel:
    """A field's problem line: always there (empty when fine), so nothing moves."""
    label = named(QLabel(), "fieldProblem")
    label.setMinimumHeight(label.fontMetrics().lineSpacing() + 2)
    label.setWordWrap(True)
    return label


class ClaimFormScreen(Screen):
    name = "claim_form"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._serial = -1
        self._touched: set[str] = set()
        self._show_all = False
        self._failure: BaseException | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        row = QHBoxLayout(body)
        width = FORM_WIDTH_KIOSK_PX if self.kiosk_mode else FORM_WIDTH_PX
        host = QWidget()
        host.setMaximumWidth(width)
        row.addStretch(1)
        row.addWidget(host, 100)
        row.addStretch(1)
        form = QVBoxLayout(host)
        form.setContentsMargins(24, 12, 24, 8)
        form.setSpacing(3)

        self.title = named(QLabel(), "screenTitle")
        self.contract = named(QLabel(), "intro")
        self.contract.setWordWrap(True)
        form.addWidget(self.title)
        form.addWidget(self.contract)
        form.addSpacing(6)

        self.kind_label = named(QLabel(), "fieldLabel")
        self.kind = QComboBox()
        self.date_label = named(QLabel(), "fieldLabel")
        self.event_date = QDateEdit()
        self.event_date.setCalendarPopup(True)
        self.event_date.setDisplayFormat("dd.MM.yyyy")
        self.place_label = named(QLabel(), "fieldLabel")
        self.place = QLineEdit()
        self.place.setMaxLength(PLACE_MAX_CHARS)
        self.description_label = named(QLabel(), "fieldLabel")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(
            DESCRIPTION_HEIGHT_KIOSK_PX if self.kiosk_mode else DESCRIPTION_HEIGHT_PX
        )
        self.counter = named(QLabel(), "muted")
        self.phone_label = named(QLabel(), "fieldLabel")
        self.phone = QLineEdit()
        self.phone.setMaxLength(PHONE_MAX_CHARS)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.problems = {name: _problem_label() for name in FIELDS}
        when_row = QHBoxLayout()
        when_row.setSpacing(16)
        pairs: tuple[tuple[QLabel, QWidget, str], ...] = (
            (self.kind_label, self.kind, "kind"),
            (self.date_label, self.event_date, "event_date"),
        )
        for label, widget, key in pairs:
            column = QVBoxLayout()
            column.setSpacing(3)
            column.addWidget(label)
            column.addWidget(widget)
            column.addWidget(self.problems[key])
            when_row.addLayout(column, 2 if key == "kind" else 1)
        form.addLayout(when_row)
        texts: tuple[tuple[QLabel, QWidget, str], ...] = (
            (self.place_label, self.place, "place"),
            (self.description_label, self.description, "description"),
        )
        for label, widget, key in texts:
            label.setBuddy(widget)
            form.addWidget(label)
            form.addWidget(widget)
            if key == "description":
                under = QHBoxLayout()
                under.addWidget(self.problems[key], 1)
                under.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
                form.addLayout(under)
            else:
                form.addWidget(self.problems[key])
        self.phone_label.setBuddy(self.phone)
        self.phone_hint = named(QLabel(), "muted")
        self.phone_hint.setWordWrap(True)
        phone_rows: tuple[QWidget, ...] = (self.phone_label, self.phone, self.phone_hint)
        phone_rows += (self.problems["contact_phone"],)
        for widget in phone_rows:
            form.addWidget(widget)
        self.message = named(QLabel(), "fieldProblem")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        form.addWidget(self.message)
        form.addStretch(1)

        bar_host = QWidget()
        bar_host.setMaximumWidth(width)
        bar = QHBoxLayout(bar_host)
        bar.setContentsMargins(24, 6, 24, 10)
        self.back = named(QPushButton(), "secondary")
        self.submit = named(BusyButton(), "primary")
        bar.addWidget(self.back)
        bar.addStretch(1)
        bar.addWidget(self.submit)
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(bar_host, 100)
        bar_row.addStretch(1)
        outer.addLayout(bar_row)
        self.touch(self.kind, self.event_date, self.place, self.phone, self.back, self.submit)

        self.keyboard: QWidget | None = None
        if self.kiosk_mode:
            from ui.widgets.text_keyboard import TextKeyboardDock

            dock = TextKeyboardDock()
            dock.attach(self.place, "text")
            dock.attach(self.description, "text")
            dock.attach(self.phone, "digits")
            outer.addWidget(dock, 0, Qt.AlignmentFlag.AlignHCenter)
            self.keyboard = dock

        self.set_default_button(self.submit)
        self.disable_while_busy(self.back)
        self.kind.currentIndexChanged.connect(lambda _i: self._edited("kind"))
        self.event_date.dateChanged.connect(lambda _d: self._edited("event_date"))
        self.place.textChanged.connect(lambda _t: self._edited("place"))
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.phone.textEdited.connect(self._phone_typed)
        self.phone.editingFinished.connect(lambda: self._leave("contact_phone"))
        self.place.editingFinished.connect(lambda: self._leave("place"))
        self.description.installEventFilter(self)
        self.submit.clicked.connect(self._send)
        self.back.clicked.connect(self._back)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Report an insured event"))
        self.set_label(self.kind_label, self.tr("What happened"))
        self.kind.setAccessibleName(self.tr("What happened"))
        self.set_label(self.date_label, self.tr("Date of the event"))
        self.event_date.setAccessibleName(self.tr("Date of the event"))
        self.set_label(self.place_label, self.tr("Place"))
        self.place.setAccessibleName(self.tr("Place"))
        self.place.setPlaceholderText(self.tr("City, street, road"))
        self.set_label(self.description_label, self.tr("Describe what happened"))
        self.description.setAccessibleName(self.tr("Describe what happened"))
        self.set_label(self.phone_label, self.tr("Contact phone"))
        self.phone.setAccessibleName(self.tr("Contact phone"))
        self.phone.setPlaceholderText("+7 701 123 45 67")
        self.set_label(
            self.phone_hint,
            self.tr("Leave it empty to be called on your account's phone."),
        )
        self.set_label(self.back, self.tr("Back"))
        self.set_label(self.submit, self.tr("Send the claim"))
        if self.ctx.is_open:
            contract = self.ctx.claims.contract
            self.set_label(self.contract, contract_line(contract) if contract else "")
            if self.isVisible():
                self._load_kinds()
        self._render()

    def _render(self) -> None:
        count = len(self.description.toPlainText().strip())
        counter = self.tr("%1 of %2 characters").replace("%1", str(count))
        counter = counter.replace("%2", str(DESCRIPTION_MAX_CHARS))
        self.set_label(self.counter, counter)
        problems = self._problems()
        for key, label in self.problems.items():
            codes: tuple[str, ...] = getattr(problems, key)
            shown = codes and (self._show_all or key in self._touched)
            self.set_label(label, claim_problem_text(codes[0]) if shown else "")
        if self._failure is not None:
            text = self._failure_text(self._failure)
        elif problems.contract:
            text = claim_problem_text(problems.contract[0])
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def _failure_text(self, error: BaseException) -> str:
        if isinstance(error, Unreachable):
            return self.tr(
                "A claim needs a connection to the insurer, and there is none right now. "
                "What you typed is kept: press «Send the claim» again once the connection "
                "is back."
            )
        if isinstance(error, ValidationFailed):
            return self.tr("Please check the fields marked above.")
        return error_text(error)

    def show_status(self, text: str) -> None:
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    # -- the form's values -------------------------------------------------------------

    def draft(self) -> ClaimDraft:
        code = self.kind.currentData()
        return ClaimDraft(
            kind=code if isinstance(code, str) else "",
            event_date=self.event_date.date().toPython(),  # type: ignore[arg-type]
            place=self.place.text(),
            description=self.description.toPlainText(),
            contact_phone=self.phone.text(),
        )

    def _problems(self) -> DraftProblems:
        if not self.ctx.is_open or self.ctx.claims.contract is None:
            return DraftProblems()
        live = self.ctx.claims.check(self.draft())
        central = self.ctx.claims.problems
        if central is not None and not central.ok and self._failure is not None:
            return central  # the central's answer, until the client edits again
        return live

    def _edited(self, key: str) -> None:
        long_enough = len(self.description.toPlainText().strip()) >= DESCRIPTION_MIN_CHARS
        if key in ("kind", "event_date") or (key == "description" and long_enough):
            self._touched.add(key)  # too short only shows once the client leaves the field
        if isinstance(self._failure, ValidationFailed):
            self._failure = None
        self._render()

    def _leave(self, key: str) -> None:
        self._touched.add(key)
        self._render()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        leaving = watched is self.description and event.type() == QEvent.Type.FocusOut
        if leaving and self.description.toPlainText().strip():
            self._leave("description")
        return super().eventFilter(watched, event)

    def _phone_typed(self, text: str) -> None:
        formatted = format_as_typed(text)
        if formatted != text:
            self.phone.setText(formatted)
        self._edited("contact_phone")

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        flow = self.ctx.claims
        if flow.form_serial != self._serial:
            self._serial = flow.form_serial
            self._clear()
            contract = flow.contract
            if contract is not None:
                today = flow.today()
                last = min(today, contract.ends_on)
                self.event_date.setDateRange(qdate(contract.starts_on), qdate(last))
                self.event_date.setDate(qdate(last))
                self.set_label(self.contract, contract_line(contract))
            phone = flow.account_phone
            if phone:
                try:
                    self.phone.setText(display_phone(phone))
                except PhoneProblem:
                    self.phone.clear()
        self._load_kinds()
        self._render()

    def _clear(self) -> None:
        self.kind.setCurrentIndex(-1)
        self.place.clear()
        self.description.clear()
        self.phone.clear()
        self._touched, self._show_all, self._failure = set(), False, None

    def wipe(self) -> None:
        super().wipe()
        self._serial = -1
        self._clear()
        self._render()

    def on_escape(self) -> None:
        self._back()

    def _back(self) -> None:
        self.ctx.navigator.show_screen("contracts")

    def busy_changed(self, busy: bool) -> None:
        if not busy:
            self.submit.set_busy(False)

    # -- the central -------------------------------------------------------------------

    def _load_kinds(self) -> None:
        from ui.background import Op

        Op(self.ctx.claims.load_kinds).owner(self).success(self._got_kinds).run()

    def _got_kinds(self, outcome: ClaimsOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or outcome.kinds is None:
            return
        chosen = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in outcome.kinds:
            self.kind.addItem(kind.title, kind.code)
        found = self.kind.findData(chosen) if chosen else -1
        self.kind.setCurrentIndex(found)
        self.kind.blockSignals(False)
        self.kind.setPlaceholderText(self.tr("Choose…"))
        self._render()

    def _send(self) -> None:
        self._failure = None
        problems = self.ctx.claims.prepare(self.draft())
        self._show_all = True
        self._render()
        if not problems.ok:
            return
        self.submit.set_busy(True)
        self.run_blocking(self.ctx.claims.send, done=self._sent)

    def _sent(self, outcome: ClaimsOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is ClaimStep.CLAIM_FORM:
            self._failure = outcome.error
            self._render()
        elif outcome.step is ClaimStep.CLAIM_VIEW:
            self._serial = -1  # filed: a new form starts empty
