"""The main window: a header (brand, language) over a stack of screens.

It is the ``Navigator`` every screen gets in its ``AppContext``:
``show_screen(name)`` switches the stack (calling ``on_leave``/``on_enter``),
``apply(outcome)`` makes a flow's outcome its state and shows the screen of
the new step (``STEP_SCREENS``, the one navigation table: screens only render),
``go_home()`` wipes every screen and flow, ends the client's session at the
central off the GUI thread, and shows the welcome screen.
Dependencies are injected (``Dependencies``) so tests run it against a real
local central.

The window is the terminal's first screen, painted before the terminal has
opened (``ui.app.Shell``): built without dependencies it shows the welcome
screen at once and gets its flows later through ``attach``, or a sentence
saying why the terminal could not open through ``show_problem``. Only the
welcome screen is built up front; every other screen is built on first use,
because building them all delays the first paint (docs/performance.md §1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.header import Header
from ui.screens import SCREEN_MODULES, AppContext, Screen, screen_class
from ui.screens.base import named
from ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from kiosk.client import CentralClient
    from kiosk.config import KioskConfig
    from kiosk.flows.claims import ClaimsFlow, ClaimsOutcome
    from kiosk.flows.closure import ClosureFlow, ClosureOutcome
    from kiosk.flows.email_correction import CorrectionOutcome, EmailCorrectionFlow
    from kiosk.flows.login import LoginFlow, LoginOutcome
    from kiosk.flows.password_reset import PasswordResetFlow, ResetOutcome
    from kiosk.flows.registration import RegistrationFlow, RegistrationOutcome
    from kiosk.outbox import Outbox
    from ui.startup import ProblemPage

Outcome = Union[
    "RegistrationOutcome",
    "LoginOutcome",
    "ResetOutcome",
    "ClaimsOutcome",
    "ClosureOutcome",
    "CorrectionOutcome",
]

HOME_SCREEN = "welcome"

# The one step -> screen table, for every flow (keys are the steps' values: the
# flows are not imported before the first paint). A step shares its screen's
# name, except where a screen shows the step in place (a popup, a page).
STEP_SCREENS: dict[str, str] = {
    # RegistrationFlow's Step
    "registration": "registration",
    "check_details": "check_details",
    "code_entry": "code_entry",
    "done": "code_entry",  # the success popup over the code screen
    "already_registered": "already_registered",
    "saved_offline": "saved_offline",
    # LoginFlow's LoginStep
    "login": "login",
    "password_change": "password_change",
    "password_changed": "password_change",  # its "password changed" page
    "contracts": "contracts",
    # PasswordResetFlow's ResetStep
    "password_reset": "password_reset",
    "reset_code": "reset_code",
    "reset_done": "reset_done",
    # ClaimsFlow's ClaimStep (its LOGIN: the central ended the session)
    "claim_form": "claim_form",
    "claim_view": "claim_view",
    "claim_list": "claim_list",
    # ClosureFlow's ClosureStep (its LOGIN: the central ended the session)
    "account_closure": "account_closure",
    "account_closed": "account_closed",
    # EmailCorrectionFlow's CorrectionStep
    "email_correction": "email_correction",
    "email_correction_code": "email_correction_code",
    "email_correction_done": "email_correction_done",
}


@dataclass
class Dependencies:
    """What the window runs on; ``ui.app.make_dependencies`` builds the real ones."""

    registration: RegistrationFlow
    login: LoginFlow
    password_reset: PasswordResetFlow | None = None  # made around ``client`` when None
    claims: ClaimsFlow | None = None  # made around ``client`` and ``login`` when None
    closure: ClosureFlow | None = None  # made around ``client`` and ``login`` when None
    email_correction: EmailCorrectionFlow | None = None  # made around ``client`` when None
    client: CentralClient | None = None
    outbox: Outbox | None = None
    config: KioskConfig | None = None
    kiosk_mode: bool = False


def show_fitted(window: QWidget, size_px: tuple[int, int], available: QRect | None = None) -> None:
    """Show ``window`` at ``size_px`` when that fits the screen's free area, centred;
    maximised when it does not. A fixed 1100×800 window ran off a 1366×768 branch
    monitor (the taskbar takes some of its 768): «Назад» and «Зарегистрировать»
    were below the edge."""
    if available is None:
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else None
    width, height = size_px
    if available is not None and (width > available.width() or height > available.height()):
        window.showMaximized()
        return
    window.resize(width, height)
    if available is not None:
        window.move(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
        )
    window.show()


def _documents_on_show(claims: ClaimsFlow, outcome: ClaimsOutcome) -> int | None:
    """How many documents the claim on show has when ``outcome`` brings that same
    claim again (a poll); None otherwise (a claim opened anew brings no arrival)."""
    shown, brought = claims.claim, outcome.claim
    if shown is None or brought is None or shown.id != brought.id:
        return None
    return len(shown.documents)


class ScreenStack(QStackedWidget):
    """The screens, sized by the one shown: a plain stack asks for the largest
    screen ever built, so one tall screen pushed every other one off a 768 px
    monitor."""

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()


class MainWindow(QMainWindow):
    """The navigator; ``screen_changed(name)`` follows every switch.

    ``outcome_applied(outcome)`` carries every flow outcome that was applied
    (never a stale one): the clerk panel records registrations from it.

    ``client_active`` fires when something the client did away from the screen
    arrived: a document uploaded from the phone to the claim on show. The idle
    watcher counts it as input (the client is busy with the phone, not gone).

    ``first_painted`` fires once, from the event loop right after the first paint:
    the moment to start work that would compete with painting for the GIL.
    """

    screen_changed = Signal(str)
    outcome_applied = Signal(object)
    client_active = Signal()
    first_painted = Signal()

    def __init__(
        self,
        deps: Dependencies | None = None,
        parent: QWidget | None = None,
        *,
        config: KioskConfig | None = None,
        kiosk_mode: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        if deps is not None:
            config, kiosk_mode = deps.config, deps.kiosk_mode
        self.deps = deps
        self.setProperty("kiosk", kiosk_mode)
        self.ctx = AppContext(navigator=self, config=config, kiosk_mode=kiosk_mode)
        self.problem: ProblemPage | None = None
        # clerk mode: Alt+F4 or the title bar's ✕ asks before ending the shift
        self.confirm_close = False
        self._close_confirmed = False
        self.close_question: QMessageBox | None = None
        central = named(QWidget(), "central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        demo = bool(config is not None and config.demo)
        self.header = Header(kiosk_mode, demo)
        column.addWidget(self.header)
        self.stack = named(ScreenStack(), "stack")
        self._body = QHBoxLayout()
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(self.stack, 1)
        column.addLayout(self._body, 1)
        terminal = config.terminal_name if config is not None else ""
        self.status_line = named(StatusLine(terminal_name=terminal), "statusLine")
        column.addWidget(self.status_line)
        self.setCentralWidget(central)
        central.installEventFilter(self)
        self._screens: dict[str, Screen] = {}
        i18n.language_changed().connect(self._follow_language)
        if deps is not None:
            self.attach(deps)
        self.retranslate()
        if HOME_SCREEN in self.screen_names:
            self.show_screen(HOME_SCREEN)

    def attach(self, deps: Dependencies) -> None:
        """The terminal is open: give the screens its flows, then tell those already built."""
        if deps.password_reset is None and deps.client is not None:
            from kiosk.flows.password_reset import PasswordResetFlow

            locale = deps.login.locale
            deps.password_reset = PasswordResetFlow(deps.client, locale=locale)
        if deps.claims is None and deps.client is not None:
            from kiosk.flows.claims import ClaimsFlow

            login = deps.login
            regions = tuple(deps.config.allowed_regions) if deps.config else ("KZ",)
            deps.claims = ClaimsFlow(
                deps.client,
                lambda: login.session,
                phone=lambda: login.phone,
                locale=login.locale,
                regions=regions,
            )
        if deps.client is not None:
            self._add_lifecycle_flows(deps)
        self.deps = deps
        self.ctx.attach(deps.registration, deps.login, deps.client, deps.outbox)
        self.ctx.password_reset = deps.password_reset
        self.ctx.claims = deps.claims
        self.ctx.closure = deps.closure
        self.ctx.email_correction = deps.email_correction
        self._follow_language(i18n.current_language())
        for screen in list(self._screens.values()):
            screen.on_terminal_open()

    @staticmethod
    def _add_lifecycle_flows(deps: Dependencies) -> None:
        """The account's closure and the email correction (issue 11), when not given."""
        client, login, registration = deps.client, deps.login, deps.registration
        assert client is not None
        if deps.closure is None:
            from kiosk.flows.closure import ClosureFlow

            deps.closure = ClosureFlow(client, lambda: login.session, locale=login.locale)
        if deps.email_correction is None:
            from kiosk.flows.email_correction import EmailCorrectionFlow

            deps.email_correction = EmailCorrectionFlow(
                client,
                id_required=not deps.kiosk_mode,  # clerk mode: the clerk checks the ID
                operator=lambda: registration.operator,
                locale=login.locale,
                regions=tuple(deps.config.allowed_regions) if deps.config else ("KZ",),
            )

    def show_problem(self, problem: str) -> None:
        """The terminal could not open: say why (``problem``, a key of
        ``ui.startup.problem_sentence``) in place of the screens; nothing else works."""
        from ui.startup import ProblemPage

        if self.problem is None:
            current = self.current_screen()
            if current is not None:
                current.on_leave()
            self.problem = ProblemPage(problem)
            self.problem.close_button.clicked.connect(self.close)
            self.stack.addWidget(self.problem)
            self.stack.setCurrentWidget(self.problem)
            for button in self.header.language_buttons.values():
                button.setVisible(True)
        else:
            self.problem.show_problem(problem)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.centralWidget():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    # -- Navigator ---------------------------------------------------------------

    def register_screen(self, screen: Screen) -> None:
        """Add (or replace) the screen called ``screen.name``."""
        old = self._screens.get(screen.name)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._screens[screen.name] = screen
        self.stack.addWidget(screen)

    def add_side_panel(self, panel: QWidget) -> None:
        """Dock ``panel`` (clerk panel, demo phone and mailbox) to the right of the screens."""
        self._body.addWidget(panel)

    def screen_named(self, name: str) -> Screen:
        """The screen called ``name``, built now if it has not been yet."""
        screen = self._screens.get(name)
        if screen is None:
            cls = screen_class(name) if name in SCREEN_MODULES else None
            if cls is None:
                raise KeyError(name)
            screen = cls(self.ctx)
            self.register_screen(screen)
        return screen

    @property
    def screen_names(self) -> list[str]:
        return list(dict.fromkeys([*SCREEN_MODULES, *self._screens]))

    def current_screen(self) -> Screen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def show_screen(self, name: str) -> None:
        """Switch to ``name``; unknown names raise ``KeyError``; nothing once a problem shows."""
        if self.problem is not None:
            return
        target = self.screen_named(name)
        current = self.current_screen()
        if current is not None and current is not target:
            current.on_leave()
        self.stack.setCurrentWidget(target)
        self.stack.updateGeometry()  # its size hints follow the screen shown
        self.header.setVisible(True)
        for button in self.header.language_buttons.values():
            button.setVisible(name != HOME_SCREEN)
        target.on_enter()
        self.screen_changed.emit(name)

    def apply(self, outcome: Outcome) -> bool:
        """Give ``outcome`` to its flow and show the screen of the step it leads to.

        False when the outcome is stale (the client was wiped after its call
        began): it was dropped and the caller must show nothing of it.
        """
        from kiosk.flows.claims import ClaimsOutcome
        from kiosk.flows.closure import ClosureOutcome
        from kiosk.flows.email_correction import CorrectionOutcome
        from kiosk.flows.login import LoginOutcome
        from kiosk.flows.registration import RegistrationOutcome

        if self.problem is not None or not self.ctx.is_open:
            return False
        step: str | None
        if isinstance(outcome, RegistrationOutcome):
            step = self.ctx.registration.apply(outcome)
        elif isinstance(outcome, LoginOutcome):
            step = self.ctx.login.apply(outcome)
        elif isinstance(outcome, ClaimsOutcome):
            before = _documents_on_show(self.ctx.claims, outcome)
            step = self.ctx.claims.apply(outcome)
            after = self.ctx.claims.claim
            arrived = before is not None and after is not None and len(after.documents) > before
            if step is not None and arrived:
                self.client_active.emit()  # a document came from the phone
            if step is not None and outcome.ended:
                self.ctx.login.wipe()  # the central ended the session: nothing to end
        elif isinstance(outcome, ClosureOutcome):
            step = self.ctx.closure.apply(outcome)
            if step is not None and outcome.ended:
                # closed (or ended by the central): the session is over there already
                self.ctx.claims.wipe()
                self.ctx.login.wipe()
        elif isinstance(outcome, CorrectionOutcome):
            step = self.ctx.email_correction.apply(outcome)
        else:
            step = self.ctx.password_reset.apply(outcome)
        if step is None:
            return False
        if outcome.sent:
            self.outcome_applied.emit(outcome)
        self.follow(step)
        return True

    def follow(self, step: str) -> None:
        """Show the screen of ``step`` (any flow's), unless it is showing already."""
        target = STEP_SCREENS[step]
        current = self.current_screen()
        if current is None or current.name != target:
            self.show_screen(target)

    def go_home(self) -> None:
        """Forget the client: wipe every screen and flow, show the welcome screen
        (at a kiosk in the terminal's default language).

        A client session is ended at the central on a worker thread, best effort:
        an unreachable central never holds the terminal on the client's screen.
        """
        if self.problem is not None:
            return
        if self.ctx.is_open:
            from ui.background import Op

            self.ctx.registration.wipe()
            self.ctx.password_reset.wipe()
            self.ctx.claims.wipe()
            self.ctx.closure.wipe()
            self.ctx.email_correction.wipe()
            login = self.ctx.login
            ended = login.wipe()
            if ended is not None:
                Op(login.end_session, ended).run()
        for screen in self._screens.values():
            screen.wipe()
        config = self.ctx.config
        if self.ctx.kiosk_mode and config is not None:
            # the next client at a kiosk must not meet the last one's language
            i18n.set_language(config.default_locale)
        self.show_screen(HOME_SCREEN)

    def open_email_correction(self) -> None:
        """The clerk panel's «Исправить email»: a new task, so the last client's
        screens are wiped first (``go_home``), then the correction's form."""
        if self.problem is not None or not self.ctx.is_open:
            return
        self.go_home()
        self.follow(self.ctx.email_correction.step)

    # -- language ------------------------------------------------------------------

    def _follow_language(self, lang: str) -> None:
        if not self.ctx.is_open:
            return
        self.ctx.registration.locale = lang
        self.ctx.login.locale = lang
        self.ctx.password_reset.locale = lang
        self.ctx.claims.locale = lang
        self.ctx.closure.locale = lang
        self.ctx.email_correction.locale = lang

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Victoria: personal account registration"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """In clerk mode a close asks first: Alt+F4 used to end the shift at once."""
        if self.confirm_close and self.problem is None and not self._close_confirmed:
            event.ignore()
            self._ask_close()
            return
        super().closeEvent(event)

    def close_now(self) -> None:
        """Close without asking (no shift was started, or the terminal did not open)."""
        self._close_confirmed = True
        self.close()

    def _ask_close(self) -> None:
        if self.close_question is not None and self.close_question.isVisible():
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("End of shift"))
        box.setText(self.tr("End the shift and close the terminal?"))
        end = box.addButton(self.tr("End shift and close"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        for button in (end, stay):
            button.setAccessibleName(button.text())
        box.setDefaultButton(stay)
        self.close_question = box

        def answered() -> None:
            if box.clickedButton() is end:
                self._close_confirmed = True
                self.close()

        box.finished.connect(answered)
        box.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
