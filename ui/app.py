"""The application: configuration, style, language, then the terminal's window.

``run_app()`` is what ``main.py`` calls. A "Starting…" window is painted at once;
the terminal opens off the GUI thread (``ui.startup``) and then ``Shell`` puts
the main window together for the configured mode:

- clerk: windowed; the operator id is asked at the start of the shift; a side
  panel lists the day's registrations and the outbox;
- kiosk: touch layout, idle wipe, full screen and locked behind the admin PIN;
- demo (no configuration): the kiosk layout in a window, beside a "phone and
  mailbox" panel with every message of the embedded central.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui import i18n
from ui.background import runner
from ui.main_window import Dependencies, MainWindow
from ui.startup import OpenedTerminal, StartingWindow, TerminalStarter, open_for

if TYPE_CHECKING:
    from ui.demo_panel import DemoPanel
    from ui.monitor import TerminalMonitor

log = logging.getLogger(__name__)

STYLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"
CLERK_WINDOW_SIZE_PX = (1100, 800)
DEMO_WINDOW_SIZE_PX = (1500, 900)
STARTING_WINDOW_SIZE_PX = (520, 320)


def style_sheet(kiosk_mode: bool) -> str:
    """app.qss, plus kiosk.qss (larger text) in kiosk mode."""
    names = ["app.qss", "kiosk.qss"] if kiosk_mode else ["app.qss"]
    return "\n".join((STYLES_DIR / n).read_text(encoding="utf-8") for n in names)


def make_dependencies(
    client: Any, outbox: Any, config: Any = None, *, kiosk_mode: bool = False
) -> Dependencies:
    """Real flows around ``client`` and ``outbox`` (used by the app and by tests)."""
    from kiosk.flows.login import LoginFlow
    from kiosk.flows.registration import RegistrationFlow

    locale = getattr(config, "default_locale", "ru")
    regions = getattr(config, "allowed_regions", ("KZ",))
    return Dependencies(
        registration=RegistrationFlow(client, outbox, locale=locale, regions=regions),
        login=LoginFlow(client, locale=locale),
        client=client,
        outbox=outbox,
        config=config,
        kiosk_mode=kiosk_mode,
    )


class Shell(QObject):
    """Owns the start-up, the main window and its mode-specific parts."""

    def __init__(
        self,
        config: Any,
        parent: QObject | None = None,
        *,
        opener: Callable[[Any], OpenedTerminal] = open_for,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.kiosk_mode = config.mode == "kiosk"
        self.locked = self.kiosk_mode and not config.demo
        self.opened: OpenedTerminal | None = None
        self.window: MainWindow | None = None
        self._parts: list[QObject] = []
        self._pollers: list[TerminalMonitor | DemoPanel] = []
        self.starting = StartingWindow()
        self.starter = TerminalStarter(config, self, opener=opener)
        self.starter.opened.connect(self._build)
        self.starter.failed.connect(self.starting.show_problem)

    def start(self) -> None:
        if self.locked:
            self.starting.showFullScreen()
        else:
            self.starting.resize(*STARTING_WINDOW_SIZE_PX)
            self.starting.show()
        self.starter.start()

    def _build(self, opened: OpenedTerminal) -> None:
        from ui.monitor import TerminalMonitor

        self.opened = opened
        terminal = opened.terminal
        deps = make_dependencies(
            terminal.client, terminal.outbox, self.config, kiosk_mode=self.kiosk_mode
        )
        window = MainWindow(deps)
        self.window = window
        monitor = TerminalMonitor(terminal.client, terminal.outbox, window)
        monitor.online_changed.connect(window.status_line.set_online)
        monitor.waiting_changed.connect(window.status_line.set_outbox_count)
        monitor.start()
        self._pollers.append(monitor)
        if opened.demo is not None:
            self._add_demo_panel(window, opened)
        if not self.kiosk_mode:
            self._start_shift(window, opened)
        else:
            self._watch_idle(window)
        if self.locked:
            self._lock(window, opened)
        elif opened.demo is not None:
            window.resize(*DEMO_WINDOW_SIZE_PX)
            window.show()
        else:
            window.resize(*CLERK_WINDOW_SIZE_PX)
            window.show()
        self.starting.close()

    def _add_demo_panel(self, window: MainWindow, opened: OpenedTerminal) -> None:
        from ui.demo_panel import DemoPanel

        panel = DemoPanel(opened.terminal.client.dev_messages)
        window.add_side_panel(panel)
        panel.start()
        self._pollers.append(panel)

    def _start_shift(self, window: MainWindow, opened: OpenedTerminal) -> None:
        from ui.clerk_panel import ClerkPanel, OperatorDialog

        panel = ClerkPanel(opened.terminal.outbox)
        window.add_side_panel(panel)
        window.screen_changed.connect(lambda _name: panel.record(window.ctx.registration))
        dialog = OperatorDialog(window)

        def begin(_result: int = 0) -> None:
            window.ctx.registration.operator = dialog.operator()
            panel.set_operator(dialog.operator())

        dialog.accepted.connect(begin)
        dialog.rejected.connect(window.close)
        dialog.open()

    def _watch_idle(self, window: MainWindow) -> None:
        from ui.idle import IdleWatcher

        self._parts.append(
            IdleWatcher(
                window,
                window,
                at_home=lambda: window.current_screen() is window.screen_named("welcome"),
                timeout_s=self.config.idle_timeout_s,
                prompt_s=self.config.idle_prompt_s,
            )
        )

    def _lock(self, window: MainWindow, opened: OpenedTerminal) -> None:
        from ui.kiosk_mode import KioskLock

        lock = KioskLock(window, opened.terminal.credentials.check_admin_pin,
                         outbox=opened.terminal.outbox)  # fmt: skip
        lock.watch_secret_taps(window.header.brand)
        lock.apply()
        self._parts.append(lock)

    def shutdown(self) -> None:
        """After the event loop: stop polling, let running work finish, then close the terminal."""
        for poller in self._pollers:
            poller.stop()
        runner().wait_for_done()
        if self.opened is not None:
            self.opened.close()


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    QMessageBox.critical(QWidget(), "Victoria", message)
    return 2


def run_app(argv: Sequence[str] | None = None) -> int:
    from kiosk.config import ConfigError, load_config
    from kiosk.log import setup_logging

    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("Victoria kiosk")
    try:
        config = load_config()
    except ConfigError as exc:
        return _refuse(str(exc))
    try:
        setup_logging(Path(config.log_dir))
    except OSError as exc:
        return _refuse(f"The log folder {config.log_dir} cannot be written ({exc}).")
    app.setStyleSheet(style_sheet(config.mode == "kiosk"))
    try:
        i18n.set_language(config.default_locale)
    except i18n.TranslationMissing as exc:
        log.warning("%s", exc)
    shell = Shell(config)
    shell.start()
    code = app.exec()
    shell.shutdown()
    return int(code)
