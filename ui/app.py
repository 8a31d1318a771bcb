"""The application: configuration, style, language, then the terminal's window.

``run_app()`` is what ``main.py`` calls. The main window, with its welcome
screen, is painted first and takes input at once; the terminal opens off the
GUI thread (``ui.startup``) once that first paint is done, and ``Shell`` then
attaches the flows and the mode-specific parts that need the open terminal:

- clerk: windowed; the operator id is asked at the start of the shift (the
  dialog appears at once: the clerk types while the terminal opens); a side
  panel lists the day's registrations and the outbox;
- kiosk: touch layout, idle wipe, full screen and locked behind the admin PIN
  from the first paint; a kiosk without an admin PIN is refused once opening
  finds out;
- demo (no configuration): the kiosk layout in a window, beside a "phone and
  mailbox" panel with every message of the embedded central, added once that
  central is up.

Why this order: opening needs SQLAlchemy, requests, keyring and, in demo mode,
the embedded central (docs/performance.md §1 says how long); a client can read
the welcome screen meanwhile.
"""

from __future__ import annotations

import functools
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.background import runner
from ui.main_window import Dependencies, MainWindow, show_fitted
from ui.startup import DemoStarter, OpenedTerminal, TerminalStarter, open_for
from ui.widgets.status_line import NOT_OPEN, OPEN, OPENING

if TYPE_CHECKING:
    from kiosk.admin_pin import AdminPin
    from kiosk.heartbeat import HeartbeatWorker
    from ui.clerk_panel import ClerkPanel
    from ui.demo_panel import DemoPanel
    from ui.idle import IdleWatcher
    from ui.kiosk_mode import KioskLock
    from ui.monitor import TerminalMonitor
    from ui.operator_dialog import OperatorDialog

log = logging.getLogger(__name__)

CLERK_WINDOW_SIZE_PX = (1100, 800)
DEMO_WINDOW_SIZE_PX = (1500, 900)
OPEN_WITHOUT_PAINT_MS = 1000  # a window that is never painted (minimised) still opens


def style_sheet(kiosk_mode: bool, screen_px: tuple[int, int] | None = None) -> str:
    """app.qss, plus kiosk.qss (larger text) in kiosk mode, from this package's
    ``styles`` folder (``ui.files``: a checkout, a wheel or a bundle).
    A kiosk's type grows with its screen (``screen_px``: ``ui.design.type_scale``)."""
    from ui.design import scale_font_sizes, type_scale
    from ui.files import STYLES_DIR

    names = ["app.qss", "kiosk.qss"] if kiosk_mode else ["app.qss"]
    qss = "\n".join((STYLES_DIR / n).read_text(encoding="utf-8") for n in names)
    if kiosk_mode and screen_px is not None:
        qss = scale_font_sizes(qss, type_scale(*screen_px))
    return qss


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
        after_first_paint: Callable[[], None] = lambda: None,
    ) -> None:
        """``after_first_paint`` is called once on the GUI thread, right after the
        first screen is painted (or when the terminal starts opening without one):
        what start-up need not wait for (``run_app`` opens the log file there)."""
        super().__init__(parent)
        self._after_paint = after_first_paint
        self.config = config
        self.kiosk_mode = config.mode == "kiosk"
        self.locked = self.kiosk_mode and not config.demo
        self.opened: OpenedTerminal | None = None
        self.window: MainWindow | None = None
        self.problem: str | None = None
        self.operator = ""
        self.lock: KioskLock | None = None
        self.operator_dialog: OperatorDialog | None = None
        self.operator_change: OperatorDialog | None = None
        self.clerk_panel: ClerkPanel | None = None
        self.idle: IdleWatcher | None = None
        self._pollers: list[TerminalMonitor | DemoPanel | ClerkPanel] = []
        self.starter = TerminalStarter(config, self, opener=opener)
        self.starter.opened.connect(self._attach)
        self.starter.failed.connect(self._fail)
        self._opening_started = False
        self._admin_pin: AdminPin | None = None
        self.heartbeat: HeartbeatWorker | None = None

    @property
    def is_open(self) -> bool:
        return self.opened is not None

    def start(self) -> None:
        """Show the main window now; open the terminal once it has been painted."""
        window = MainWindow(config=self.config, kiosk_mode=self.kiosk_mode)
        self.window = window
        window.status_line.set_terminal_state(OPENING)
        window.first_painted.connect(self._after_first_paint)
        QTimer.singleShot(OPEN_WITHOUT_PAINT_MS, self._open)
        if self.kiosk_mode:
            self._watch_idle(window)
        if self.locked:
            self._lock(window)
        elif self.config.demo:
            show_fitted(window, DEMO_WINDOW_SIZE_PX)
        else:
            show_fitted(window, CLERK_WINDOW_SIZE_PX)
        if not self.kiosk_mode:
            self._start_shift(window)

    def _after_first_paint(self) -> None:
        QTimer.singleShot(0, self._open)

    def _open(self) -> None:
        """Start opening the terminal, once.

        Called one event-loop turn after the first paint (so a tap that arrived by
        then is handled first), or after ``OPEN_WITHOUT_PAINT_MS`` at the latest:
        opening imports a lot off the GUI thread (docs/performance.md §1), and those
        imports hold the GIL the painting would need.
        """
        if not self._opening_started:
            self._opening_started = True
            gc.enable()  # main.prepare_start_up turned it off for the way to the first paint
            self._after_paint()
            self.starter.start()

    def _attach(self, opened: OpenedTerminal) -> None:
        from ui.monitor import TerminalMonitor

        self.opened = opened
        window = self.window
        assert window is not None
        terminal = opened.terminal
        window.status_line.set_terminal_state(OPEN)
        monitor = TerminalMonitor(terminal.client, terminal.outbox, window)
        monitor.online_changed.connect(window.status_line.set_online)
        monitor.waiting_changed.connect(window.status_line.set_outbox_count)
        monitor.start()
        self._pollers.append(monitor)
        self._start_heartbeat(opened)
        if opened.demo is not None:
            self._add_demo_panel(window, opened)
        if not self.kiosk_mode:
            self._add_clerk_panel(window, opened)
        if self.lock is not None:
            self.lock.set_outbox(terminal.outbox, retried=opened.sync.wake)
        deps = make_dependencies(
            terminal.client, terminal.outbox, self.config, kiosk_mode=self.kiosk_mode
        )
        deps.registration.operator = self.operator
        window.attach(deps)  # last: a kept tap on «Registration» proceeds here

    def _start_heartbeat(self, opened: OpenedTerminal) -> None:
        """The fleet's heartbeat and daily token rotation: a thread of its own
        (``kiosk.heartbeat``), so a slow central never reaches the window."""
        from kiosk.heartbeat import HeartbeatWorker, record_path

        terminal = opened.terminal
        self.heartbeat = HeartbeatWorker(
            terminal.client,
            terminal.outbox,
            terminal.credentials,
            record=record_path(terminal.config.data_dir),
        ).start()

    def _fail(self, problem: str) -> None:
        """Say why in the window; nothing else works, and Close (even in a kiosk) ends it."""
        self.problem = problem
        window = self.window
        assert window is not None
        window.status_line.set_terminal_state(NOT_OPEN)
        if self.operator_dialog is not None:
            self.operator_dialog.rejected.disconnect(window.close_now)
            self.operator_dialog.reject()
        if self.idle is not None:
            self.idle.stop()
        if self.lock is not None:
            self.lock.exit_allowed = True
        window.show_problem(problem)

    def _add_demo_panel(self, window: MainWindow, opened: OpenedTerminal) -> None:
        from ui.demo_panel import DemoPanel

        client = opened.terminal.client
        # the panel's link button presses the activation page's button (a POST)
        panel = DemoPanel(client.dev_messages, functools.partial(client.dev_page, press=True))
        window.add_side_panel(panel)
        panel.start()
        self._pollers.append(panel)

    def _start_shift(self, window: MainWindow) -> None:
        """The operator's dialog, at once: the clerk types while the terminal opens."""
        from ui.operator_dialog import OperatorDialog

        dialog = OperatorDialog(window)
        self.operator_dialog = dialog

        dialog.accepted.connect(lambda: self._set_operator(window, dialog.operator()))
        dialog.rejected.connect(window.close_now)
        dialog.open()

    def _change_operator(self, window: MainWindow) -> None:
        """A new clerk at the same window: the next registrations carry their id;
        «Отмена»/Esc keeps the current one (only the first dialog closes the app)."""
        from ui.operator_dialog import OperatorDialog

        dialog = OperatorDialog(window)
        self.operator_change = dialog  # kept apart: only the first dialog closes the app
        dialog.accepted.connect(lambda: self._set_operator(window, dialog.operator()))
        dialog.open()

    def _set_operator(self, window: MainWindow, operator: str) -> None:
        self.operator = operator
        if window.ctx.is_open:
            window.ctx.registration.operator = operator
        if self.clerk_panel is not None:
            self.clerk_panel.set_operator(operator)

    def _add_clerk_panel(self, window: MainWindow, opened: OpenedTerminal) -> None:
        from ui.clerk_panel import ClerkPanel

        terminal = opened.terminal
        panel = ClerkPanel(
            terminal.outbox, self.operator, terminal.daybook, retried=opened.sync.wake
        )
        self.clerk_panel = panel
        window.add_side_panel(panel)
        window.outcome_applied.connect(panel.record)
        panel.change_operator.connect(lambda: self._change_operator(window))
        panel.correct_email.connect(window.open_email_correction)
        window.confirm_close = True
        panel.start()
        self._pollers.append(panel)

    def _watch_idle(self, window: MainWindow) -> None:
        from ui.idle import IdleWatcher

        self.idle = IdleWatcher(
            window,
            window,
            at_home=lambda: window.current_screen() is window.screen_named("welcome"),
            timeout_s=self.config.idle_timeout_s,
            prompt_s=self.config.idle_prompt_s,
            activity=window.client_active,
        )

    def _lock(self, window: MainWindow) -> None:
        from ui.kiosk_mode import KioskLock

        lock = KioskLock(window, self._check_admin_pin)
        lock.watch_secret_taps(window.header.brand)
        lock.apply()
        self.lock = lock

    def _check_admin_pin(self, pin: str) -> bool:
        """Off the GUI thread (``AdminPinDialog``); no PIN to check before the terminal
        opens. Wrong PINs are counted and locked out in the data folder (``AdminPin``)."""
        from kiosk.admin_pin import AdminPin
        from kiosk.credentials import CredentialError

        if self.opened is None:
            raise CredentialError("the terminal is still opening")
        if self._admin_pin is None:
            terminal = self.opened.terminal
            self._admin_pin = AdminPin(terminal.credentials, terminal.config.data_dir)
        return self._admin_pin.check(pin)

    def shutdown(self) -> None:
        """After the event loop: stop polling, let running work finish, then close the terminal."""
        for poller in self._pollers:
            poller.stop()
        if self.heartbeat is not None:
            self.heartbeat.stop()
        runner().wait_for_done()
        opened = self.opened or self.starter.result
        if opened is not None:
            opened.close()


def _refuse(message: str, *, show: bool = True) -> int:
    print(message, file=sys.stderr)
    if show:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(QWidget(), "Victoria", message)
    return 2


def _smoke_test(app: QApplication, shell: Shell) -> None:
    """``--smoke``: say "first paint" on stdout when the first screen is painted,
    then end once the terminal has opened (exit 0) or failed to (exit 1, the
    sentence on stderr). How an install is checked without a person."""
    window = shell.window
    assert window is not None

    def painted() -> None:
        print("first paint", flush=True)

    def failed(sentence: str) -> None:
        from ui.startup import problem_sentence

        print(problem_sentence(sentence), file=sys.stderr, flush=True)
        app.exit(1)

    window.first_painted.connect(painted)
    shell.starter.opened.connect(lambda _opened: app.exit(0))
    shell.starter.failed.connect(failed)


def run_app(
    argv: Sequence[str] | None = None,
    *,
    demo: bool = False,
    smoke: bool = False,
    start_demo: DemoStarter | None = None,
) -> int:
    """The app until its window closes. ``demo``: the demo terminal, only when asked
    (``main.py --demo``); ``start_demo`` (``vic_demo.start_demo``, from the entry
    point) is what demo mode runs to start its embedded central. ``smoke``: end
    once the terminal has opened (``_smoke_test``), with no dialog on the way."""
    from kiosk.config import ConfigError, load_config
    from kiosk.log import hold_early_records, prepare_log_dir, setup_logging

    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("Victoria kiosk")
    try:
        config = load_config(demo=demo)
    except ConfigError as exc:
        return _refuse(str(exc), show=not smoke)
    try:
        prepare_log_dir(Path(config.log_dir))  # the file opens after the first paint
    except OSError as exc:
        message = f"The log folder {config.log_dir} cannot be written ({exc})."
        return _refuse(message, show=not smoke)
    early = hold_early_records()

    def open_log_file() -> None:
        try:
            setup_logging(Path(config.log_dir), early=early)
        except OSError:  # gone since the check: warnings go to the console instead
            logging.getLogger().removeHandler(early)
            log.exception("the log file could not be opened")

    screen = app.primaryScreen()
    size = screen.size() if screen is not None else None
    app.setStyleSheet(
        style_sheet(config.mode == "kiosk", (size.width(), size.height()) if size else None)
    )
    try:
        i18n.set_language(config.default_locale)
    except i18n.TranslationMissing as exc:
        log.warning("%s", exc)
    from ui.watchdog import Watchdog

    watchdog = Watchdog(app)
    shell = Shell(
        config,
        opener=functools.partial(open_for, start_demo=start_demo),
        after_first_paint=open_log_file,
    )
    shell.start()
    if shell.window is not None:
        shell.window.first_painted.connect(watchdog.ready)
    if smoke:
        _smoke_test(app, shell)
    watchdog.start()
    code = app.exec()
    watchdog.stop()
    shell.shutdown()
    return int(code)
