"""What every screen shares: context, navigation, language, wiping, busy state.

A screen is a thin view: it shows a flow's state and runs the flow's blocking
calls through ``ui.background`` (``self.run_blocking``); the outcome goes to
``navigator.apply``, which updates the flow and picks the next screen, and the
screen then renders what the outcome says. Subclasses:

- set ``name`` (the key for ``navigator.show_screen(name)``),
- build their widgets in ``__init__`` and then call ``self.retranslate()``,
- put every visible text in ``retranslate()`` (called again on each
  ``QEvent.LanguageChange``), using ``self.set_label(widget, text)`` so the
  accessible name always equals the visible label,
- may override ``on_enter``/``on_leave``/``wipe``/``on_escape``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.background import Op

if TYPE_CHECKING:
    from kiosk.client import CentralClient
    from kiosk.config import KioskConfig
    from kiosk.flows.claims import ClaimsFlow
    from kiosk.flows.closure import ClosureFlow
    from kiosk.flows.email_correction import EmailCorrectionFlow
    from kiosk.flows.login import LoginFlow
    from kiosk.flows.password_reset import PasswordResetFlow
    from kiosk.flows.registration import RegistrationFlow
    from kiosk.outbox import Outbox
    from ui.main_window import Outcome

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)

# The few values of Qt's namespace the first screen needs, by value: the first
# ``from PySide6.QtCore import Qt`` builds all of its enum classes (docs/performance.md
# §1), which the first paint need not wait for; later code imports ``Qt`` as usual.
# tests/ui/test_widgets.py checks that they equal Qt's.
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus

KIOSK_TOUCH_MIN_PX = 48
CLERK_BUTTON_MIN_PX = 34


def named(widget: W, object_name: str) -> W:
    """``widget`` with an object name (the style sheet's ``#name`` selector)."""
    widget.setObjectName(object_name)
    return widget


SCREEN_MARGINS_PX = (48, 24, 48, 24)


def titled_column(screen: QWidget, spacing_px: int = 8) -> tuple[QVBoxLayout, QLabel, QLabel]:
    """A screen's usual head: its column, a title and a wrapped line under it."""
    column = QVBoxLayout(screen)
    column.setContentsMargins(*SCREEN_MARGINS_PX)
    column.setSpacing(spacing_px)
    title = named(QLabel(), "screenTitle")
    title.setWordWrap(True)
    intro = QLabel()
    intro.setWordWrap(True)
    column.addWidget(title)
    column.addWidget(intro)
    return column, title, intro


def centered(label: QLabel) -> QLabel:
    label.setProperty("alignment", ALIGN_CENTER)
    label.setWordWrap(True)
    return label


class Navigator(Protocol):
    """What screens may ask of the main window."""

    def show_screen(self, name: str) -> None: ...

    def current_screen(self) -> Screen | None: ...

    def apply(self, outcome: Outcome) -> bool:
        """Apply a flow's outcome and show its step's screen; False when it was
        stale (dropped after a wipe): show nothing of it then."""
        ...

    def follow(self, step: str) -> None:
        """Show the screen of a flow's step."""
        ...

    def go_home(self) -> None:
        """Wipe every screen and flow, then show the welcome screen."""
        ...


class TerminalNotOpen(RuntimeError):
    """A flow was asked for before the terminal opened: a bug in the caller."""


class AppContext:
    """Everything a screen may use; built once by the main window.

    The main window is painted before the terminal has opened, so the flows, the
    client and the outbox may arrive later (``attach``): ``is_open`` tells which,
    and asking for a flow before then raises ``TerminalNotOpen``. Only the
    welcome screen exists that early, and it waits for ``Screen.on_terminal_open``.
    """

    def __init__(
        self,
        navigator: Navigator,
        registration: RegistrationFlow | None = None,
        login: LoginFlow | None = None,
        client: CentralClient | None = None,
        outbox: Outbox | None = None,
        config: KioskConfig | None = None,
        kiosk_mode: bool = False,
    ) -> None:
        self.navigator = navigator
        self._registration = registration
        self._login = login
        self.client = client
        self.outbox = outbox
        self.config = config
        self.kiosk_mode = kiosk_mode
        self._password_reset: PasswordResetFlow | None = None
        self._claims: ClaimsFlow | None = None
        self._closure: ClosureFlow | None = None
        self._email_correction: EmailCorrectionFlow | None = None

    @property
    def is_open(self) -> bool:
        return self._registration is not None and self._login is not None

    def attach(
        self,
        registration: RegistrationFlow,
        login: LoginFlow,
        client: CentralClient | None,
        outbox: Outbox | None,
    ) -> None:
        """The terminal has opened: these are its flows, client and outbox."""
        self._registration = registration
        self._login = login
        self.client = client
        self.outbox = outbox

    @property
    def registration(self) -> RegistrationFlow:
        if self._registration is None:
            raise TerminalNotOpen("the registration flow exists once the terminal is open")
        return self._registration

    @registration.setter
    def registration(self, flow: RegistrationFlow) -> None:
        self._registration = flow

    @property
    def login(self) -> LoginFlow:
        if self._login is None:
            raise TerminalNotOpen("the login flow exists once the terminal is open")
        return self._login

    @login.setter
    def login(self, flow: LoginFlow) -> None:
        self._login = flow

    @property
    def password_reset(self) -> PasswordResetFlow:
        if self._password_reset is None:
            raise TerminalNotOpen("the password reset flow exists once the terminal is open")
        return self._password_reset

    @password_reset.setter
    def password_reset(self, flow: PasswordResetFlow | None) -> None:
        self._password_reset = flow

    @property
    def claims(self) -> ClaimsFlow:
        if self._claims is None:
            raise TerminalNotOpen("the claims flow exists once the terminal is open")
        return self._claims

    @claims.setter
    def claims(self, flow: ClaimsFlow | None) -> None:
        self._claims = flow

    @property
    def closure(self) -> ClosureFlow:
        if self._closure is None:
            raise TerminalNotOpen("the closure flow exists once the terminal is open")
        return self._closure

    @closure.setter
    def closure(self, flow: ClosureFlow | None) -> None:
        self._closure = flow

    @property
    def email_correction(self) -> EmailCorrectionFlow:
        if self._email_correction is None:
            raise TerminalNotOpen("the email correction flow exists once the terminal is open")
        return self._email_correction

    @email_correction.setter
    def email_correction(self, flow: EmailCorrectionFlow | None) -> None:
        self._email_correction = flow


class Screen(QWidget):
    """Base of every screen in the main window's stack."""

    name: ClassVar[str] = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"screen_{self.name}")
        self._default_button: QAbstractButton | None = None
        self._busy_widgets: list[QWidget] = []
        self._busy = False

    @property
    def kiosk_mode(self) -> bool:
        return self.ctx.kiosk_mode

    def retranslate(self) -> None:
        """Set every visible text; called at build and on each language change."""

    def on_enter(self) -> None:
        """The screen has just been shown."""

    def on_leave(self) -> None:
        """The screen is about to be hidden."""

    def on_terminal_open(self) -> None:
        """The flows are attached (``ctx.is_open``): called once, on screens built before."""

    def wipe(self) -> None:
        """Forget every value the client entered (line edits, text, checkboxes)."""
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        for text in self.findChildren(QPlainTextEdit):
            text.clear()
        for box in self.findChildren(QCheckBox):
            box.setChecked(False)

    def on_escape(self) -> None:
        """Esc: by default back to the welcome screen."""
        self.ctx.navigator.go_home()

    # -- helpers ---------------------------------------------------------------

    def set_label(self, widget: QWidget, text: str) -> None:
        """Set the visible text and an identical accessible name."""
        if isinstance(widget, QAbstractButton | QLabel):
            widget.setText(text)
        elif isinstance(widget, QLineEdit):
            widget.setPlaceholderText(text)
        widget.setAccessibleName(text.replace("&", ""))

    def touch(self, *widgets: QWidget) -> None:
        """Make targets at least 48 px high in kiosk mode (a comfortable size in clerk mode)."""
        height = KIOSK_TOUCH_MIN_PX if self.kiosk_mode else CLERK_BUTTON_MIN_PX
        for w in widgets:
            w.setMinimumHeight(height)
            if isinstance(w, QCheckBox) and self.kiosk_mode:
                w.setProperty("touch", True)

    def set_default_button(self, button: QAbstractButton) -> None:
        """Enter anywhere on the screen clicks ``button`` (when it is enabled)."""
        self._default_button = button

    def disable_while_busy(self, *widgets: QWidget) -> None:
        self._busy_widgets.extend(widgets)

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """Disable the registered widgets while a request of this screen runs."""
        self._busy = busy
        for w in self._busy_widgets:
            w.setEnabled(not busy)
        self.busy_changed(busy)

    def busy_changed(self, busy: bool) -> None:
        """Hook for a spinner or status text."""

    def run_blocking(
        self,
        fn: Callable[..., T],
        *args: Any,
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run ``fn(*args)`` off the GUI thread; ``done`` gets the result on the GUI thread.

        Returns False (and runs nothing) while another request of this screen
        is still in flight: a second tap never sends twice.
        """
        if self._busy:
            return False
        self.set_busy(True)
        Op(fn, *args).owner(self).success(done).failure(failed or self.show_failure).finally_(
            lambda: self.set_busy(False)
        ).run()
        return True

    def show_failure(self, exc: BaseException) -> None:
        """Last resort for a bug in a flow: a calm message, never a stack trace."""
        from ui.screens.messages import error_text

        self.show_status(error_text(exc))

    def show_status(self, text: str) -> None:
        """Show a message on the screen; screens with a status line override it."""

    # -- events ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at import: see ALIGN_CENTER

        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._default_button is not None:
            if self._default_button.isEnabled() and self._default_button.isVisible():
                self._default_button.click()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if not self._busy:
                self.on_escape()
            event.accept()
            return
        super().keyPressEvent(event)
