"""Opening the terminal without freezing the screen.

Opening touches the keyring, the disk and, in demo mode, starts the embedded
central: ``TerminalStarter`` does it through ``ui.background`` while the main
window's welcome screen is already painted, then hands the opened terminal to
``ui.app.Shell``, which attaches its flows to the window. A failure is shown in
the window as one clear sentence (``ProblemPage``), never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.background import Op
from ui.screens.base import centered, named

if TYPE_CHECKING:
    from kiosk.config import KioskConfig
    from kiosk.demo import DemoTerminal
    from kiosk.outbox import SyncWorker
    from kiosk.terminal import Terminal

log = logging.getLogger(__name__)


@dataclass
class OpenedTerminal:
    """A terminal ready for the window; ``demo`` is set in demo mode."""

    terminal: Terminal
    sync: SyncWorker
    demo: DemoTerminal | None = None

    def close(self) -> None:
        """Stop syncing and release everything (blocks: call at exit only)."""
        self.sync.stop()
        if self.demo is not None:
            self.demo.close()
        else:
            self.terminal.close()


DemoStarter = Callable[["KioskConfig"], "DemoTerminal"]
"""Starts the embedded central and enrolls the terminal with it (``vic_demo.start_demo``):
handed in by the entry point, because ``ui`` never imports the central."""


def open_for(config: KioskConfig, *, start_demo: DemoStarter | None = None) -> OpenedTerminal:
    """Blocking: open (or, in demo mode, start and enroll) the terminal and start syncing.

    The kiosk modules are imported here, off the GUI thread, so the first window
    is painted without waiting for SQLAlchemy, requests or the embedded central.
    In demo mode without ``start_demo`` it raises ``DemoUnavailable``.
    """
    from kiosk.credentials import NoAdminPin
    from kiosk.demo import DemoUnavailable
    from kiosk.terminal import open_terminal

    demo = None
    if config.demo:
        if start_demo is None:
            raise DemoUnavailable(
                "Demo mode is not available: this program was started without its embedded central."
            )
        demo = start_demo(config)
    terminal = demo.terminal if demo is not None else open_terminal(config)
    if config.mode == "kiosk" and demo is None and not terminal.credentials.has_admin_pin():
        terminal.close()
        raise NoAdminPin(
            "This kiosk has no admin PIN, so no employee could ever unlock it: "
            "set one with 'python main.py admin-pin' first."
        )
    sync = terminal.sync_worker()
    sync.start()
    return OpenedTerminal(terminal=terminal, sync=sync, demo=demo)


def startup_failures() -> tuple[type[BaseException], ...]:
    """What a terminal that cannot open raises, each with a sentence for a person."""
    from kiosk.credentials import CredentialError
    from kiosk.demo import DemoUnavailable
    from kiosk.errors import CentralError
    from kiosk.outbox import OutboxError

    return (CredentialError, OutboxError, CentralError, DemoUnavailable, OSError)


# The window says why opening failed from a key, in the language of the moment (and
# again after a switch): a sentence made at failure time stayed in English, with
# paths and shell commands meant for the operator. A failure's type carries its key
# (``problem_key`` on the kiosk's errors); its message goes to the log only.
PROBLEM_PREFIX = "problem:"
NO_ADMIN_PIN = "problem:no_admin_pin"
UNEXPECTED = "problem:unexpected"
DISK = "problem:disk"  # an OSError: the data folder cannot be read or written


def failure_key(exc: BaseException) -> str:
    """The key of the sentence the window shows for ``exc``."""
    key = getattr(exc, "problem_key", None)
    if isinstance(key, str) and key:
        return PROBLEM_PREFIX + key
    return DISK if isinstance(exc, OSError) else UNEXPECTED


def _sentences() -> dict[str, str]:
    """Every key's sentence in the current language (made at each call: translated)."""

    call_support = QCoreApplication.translate(
        "ProblemPage", "Call support; the log file has the details."
    )
    return {
        NO_ADMIN_PIN: QCoreApplication.translate(
            "ProblemPage",
            "This kiosk has no administrator PIN, so no employee could unlock it. "
            "The terminal's administrator sets one on this computer "
            "(the command main.py admin-pin).",
        ),
        "problem:no_keyring": QCoreApplication.translate(
            "ProblemPage", "This computer has no usable keyring to keep the terminal's secrets in."
        )
        + " "
        + call_support,
        "problem:credentials": QCoreApplication.translate(
            "ProblemPage", "The terminal's secrets in the keyring cannot be read."
        )
        + " "
        + call_support,
        "problem:outbox": QCoreApplication.translate(
            "ProblemPage", "The offline outbox cannot be opened."
        )
        + " "
        + call_support,
        "problem:outbox_damaged": QCoreApplication.translate(
            "ProblemPage",
            "The offline outbox is damaged; a copy of it was kept. Its registrations "
            "must be recovered before the terminal saves new ones.",
        )
        + " "
        + call_support,
        "problem:outbox_lost": QCoreApplication.translate(
            "ProblemPage",
            "The offline outbox was deleted or emptied. Its registrations must be "
            "accounted for before the terminal opens.",
        )
        + " "
        + call_support,
        "problem:disk_full": QCoreApplication.translate(
            "ProblemPage", "The terminal's disk is full. The registrations already saved are safe."
        )
        + " "
        + call_support,
        DISK: QCoreApplication.translate(
            "ProblemPage", "The terminal's data folder cannot be used."
        )
        + " "
        + call_support,
        "problem:unreachable": QCoreApplication.translate(
            "ProblemPage",
            "The central cannot be reached. Check the network, then start the terminal again.",
        ),
        "problem:central": QCoreApplication.translate(
            "ProblemPage", "The central did not accept this terminal."
        )
        + " "
        + call_support,
        "problem:demo_unavailable": QCoreApplication.translate(
            "ProblemPage",
            "Demo mode is not available: this program was installed without its demo part.",
        ),
        UNEXPECTED: QCoreApplication.translate(
            "ProblemPage", "An unexpected error; the log file has the details."
        ),
    }


def problem_sentence(problem: str) -> str:
    """A failure key's sentence in the current language; an unknown key says "unexpected"."""
    sentences = _sentences()
    return sentences.get(problem) or sentences[UNEXPECTED]


class ProblemPage(QWidget):
    """Why the terminal could not open, in place of the screens; a Close button."""

    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: see ui.screens.base.ALIGN_CENTER

        super().__init__(parent)
        self.setObjectName("problemPage")
        self._problem = problem
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addStretch(1)
        self.message = centered(named(QLabel(), "screenTitle"))
        self.detail = centered(named(QLabel(), "problemDetail"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = named(QPushButton(), "secondary")
        self.close_button.setMinimumSize(200, 48)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        layout.addSpacing(16)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def show_problem(self, problem: str) -> None:
        self._problem = problem
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("The terminal could not start"))
        self.message.setAccessibleName(self.message.text())
        detail = self.problem_text()
        self.detail.setText(detail)
        self.detail.setAccessibleName(detail)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.close_button.text())

    def problem_text(self) -> str:
        return problem_sentence(self._problem)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TerminalStarter(QObject):
    """Runs ``open_for(config)`` off the GUI thread; ``opened`` or ``failed(key)``
    (``problem_sentence`` words the key).

    ``result`` is set by the worker itself as soon as the terminal is open, so a
    terminal opened after the event loop has ended (the app closed while it was
    opening) is still there to be closed.
    """

    opened = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        config: KioskConfig,
        parent: QObject | None = None,
        *,
        opener: Callable[[KioskConfig], OpenedTerminal] = open_for,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._opener = opener
        self.result: OpenedTerminal | None = None

    def start(self) -> None:
        Op(self._open).owner(self).success(self.opened.emit).failure(self._failure).run()

    def _open(self) -> OpenedTerminal:
        """Off the GUI thread: open, then import what attaching the flows needs.

        The flows bring email-validator and phonenumbers, and the password checklist
        reads the breached-password list: done here, they do not stall the GUI
        thread when the terminal is handed over or at the first keystroke.
        """
        self.result = self._opener(self._config)
        import kiosk.flows.login
        import kiosk.flows.registration  # noqa: F401
        from vic_rules.password import preload

        preload()  # the breached-password list, read before the checklist's first tick

        return self.result

    def _failure(self, exc: BaseException) -> None:
        """Log the operator's detail; tell the window only the failure's key."""
        if isinstance(exc, startup_failures()):
            log.error("terminal did not open (%s): %s", type(exc).__name__, exc)
            self.failed.emit(failure_key(exc))
        else:
            log.error("terminal did not open", exc_info=exc)
            self.failed.emit(UNEXPECTED)
