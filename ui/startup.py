"""Opening the terminal without freezing the screen.

Opening touches the keyring, the disk and, in demo mode, starts the embedded
central: ``TerminalStarter`` does it through ``ui.background`` while a small
"Starting…" window is painted, then hands the opened terminal to whoever
builds the main window. A failure is shown as one clear sentence, never a
traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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


def open_for(config: KioskConfig) -> OpenedTerminal:
    """Blocking: open (or, in demo mode, start and enroll) the terminal and start syncing.

    The kiosk modules are imported here, off the GUI thread, so the first window
    is painted without waiting for SQLAlchemy, requests or the embedded central.
    """
    from kiosk.credentials import CredentialError
    from kiosk.terminal import open_terminal

    demo = None
    if config.demo:
        from kiosk.demo import start_demo  # the embedded central: heavy, demo mode only

        demo = start_demo(config)
    terminal = demo.terminal if demo is not None else open_terminal(config)
    if config.mode == "kiosk" and demo is None and not terminal.credentials.has_admin_pin():
        terminal.close()
        raise CredentialError(
            "This kiosk has no admin PIN, so no employee could ever unlock it: "
            "set one with 'python main.py admin-pin' first."
        )
    sync = terminal.sync_worker()
    sync.start()
    return OpenedTerminal(terminal=terminal, sync=sync, demo=demo)


def startup_failures() -> tuple[type[BaseException], ...]:
    """What a terminal that cannot open raises, each with a sentence for a person."""
    from kiosk.credentials import CredentialError
    from kiosk.errors import CentralError
    from kiosk.outbox import OutboxError

    return (CredentialError, OutboxError, CentralError, OSError)


class StartingWindow(QWidget):
    """What the terminal shows while it opens, or why it could not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startingWindow")
        self._problem: str | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.brand = centered(named(QLabel(), "brand"))
        self.message = centered(named(QLabel(), "screenTitle"))
        self.detail = centered(named(QLabel(), "startingDetail"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = named(QPushButton(), "secondary")
        self.close_button.setVisible(False)
        self.close_button.clicked.connect(self.close)
        self.detail.setVisible(False)
        for w in (self.brand, self.message, self.detail):
            layout.addWidget(w)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def show_problem(self, sentence: str) -> None:
        self._problem = sentence
        self.close_button.setVisible(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.brand.setText(self.tr("VICTORIA"))
        if self._problem is None:
            self.message.setText(self.tr("Starting…"))
            self.detail.setText("")
        else:
            self.message.setText(self.tr("The terminal could not start"))
            self.detail.setText(self._problem)
        self.detail.setVisible(bool(self.detail.text()))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.close_button.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TerminalStarter(QObject):
    """Runs ``open_for(config)`` off the GUI thread; ``opened`` or ``failed(sentence)``."""

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

    def start(self) -> None:
        Op(self._opener, self._config).owner(self).success(self.opened.emit).failure(
            self._failure
        ).run()

    def _failure(self, exc: BaseException) -> None:
        if isinstance(exc, startup_failures()):
            log.error("terminal did not open: %s", exc)
            self.failed.emit(str(exc))
        else:
            log.error("terminal did not open", exc_info=exc)
            self.failed.emit(self.tr("An unexpected error; the log file has the details."))
