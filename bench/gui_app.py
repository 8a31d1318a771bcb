"""The GUI side of benchmarks 1, 2 and 6, run as its own process
(``python -m bench.gui_app MODE ...``, QT_QPA_PLATFORM=offscreen) so that it
starts, paints and grows as the app does. It prints one JSON line (prefixed
``RESULT``) that the parent benchmark reads.

The app is the real one: ``ui.app.Shell`` as ``run_app`` assembles it for a
clerk terminal (configuration, logging, style sheet, language, the main window
with its welcome screen and the operator's start-of-shift dialog; after its
first paint, the terminal opened off the GUI thread with its sync worker
running, then the clerk panel and the status-line monitor). Only the keyring is
a file (as in the tests).

Modes:
- ``bare`` / ``app``: exit as soon as the (main) window has painted and a
  zero-timer after it has run (the event loop takes input); the parent times
  the process. For the app that is its welcome screen, before the terminal has
  opened: what a client sees and can tap («Регистрация» is kept until it opens).
- ``unreachable``: the real main window against a central that accepts and
  never answers; a client taps «Зарегистрировать» then «Всё верно» and waits
  for the saved-offline screen, while a 5 ms timer records event-loop gaps.
- ``drain``: the outbox filled before the app opens; the app's own sync worker
  delivers it while the main window and the clerk panel are shown; gaps
  recorded until it is empty or the budget is spent.
- ``memory``: registrations driven through the screens (type, tap, read the SMS
  code from the dev mailbox, confirm, close the success dialog), resident
  memory sampled at checkpoints.
"""

from __future__ import annotations

import time

PROCESS_T0 = time.monotonic()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

GAP_TIMER_MS = 5
DRIVE_POLL_MS = 5
STEP_TIMEOUT_S = 60.0
STATUS_POLL_MS = 500
CODE_RE = re.compile(r"\b(\d{6})\b")
WINDOW_SIZE_PX = (1100, 800)
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def emit(result: dict[str, Any]) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def partial(result: dict[str, Any]) -> None:
    print("PARTIAL " + json.dumps(result), flush=True)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE_BYTES / 2**20


# --- start-up ---------------------------------------------------------------------


def first_paint(show: Callable[[], Any]) -> int:
    """``show()`` returns the window to watch (it may appear later); once it has
    painted and the event loop has run a zero-timer after that, print the
    marker and quit. The watch is on before the event loop starts, so the paint
    is the first one (polling for the window alone would see the second, after
    ``update()``)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class PaintWatch(QObject):
        done = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, ready)
            return False

    def ready() -> None:
        emit({"ready_s": time.monotonic() - PROCESS_T0, "rss_mb": rss_mb()})
        app.exit(0)  # Qt 6's quit() asks the windows first: a clerk's asks the clerk

    watch = PaintWatch()
    watched = show()
    poll = QTimer()

    def attach() -> None:
        window = watched() if callable(watched) else watched
        if window is not None:
            poll.stop()
            target = window.centralWidget() if window.centralWidget() is not None else window
            target.installEventFilter(watch)
            target.update()

    poll.setInterval(1)
    poll.timeout.connect(attach)
    poll.start()
    attach()  # the window is usually there already: watch from its very first paint
    return int(app.exec())


def bare_window() -> Any:
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    window.setCentralWidget(QLabel("VICTORIA"))
    window.resize(*WINDOW_SIZE_PX)
    window.show()
    return window


def open_app(central_url: str, token: str | None, folder: Path, fill: int = 0) -> Any:
    """The clerk terminal's ``Shell`` as ``run_app`` builds it (not yet started);
    ``fill`` registrations are captured into its outbox first.

    As in ``run_app``, nothing of the kiosk stack (SQLAlchemy, requests, keyring)
    is imported on the GUI thread before the first paint: the keyring and the
    terminal are made inside the opener, which the app runs off the GUI thread.
    """
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_config
    from kiosk.log import hold_early_records, prepare_log_dir, setup_logging
    from ui import i18n
    from ui.app import Shell, style_sheet
    from ui.startup import OpenedTerminal

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName("Victoria kiosk")
    config = load_config(env={"XDG_CONFIG_HOME": str(folder / "no-config")}, demo=True)
    config = replace(
        config, demo=False, mode="clerk", central_url=central_url, terminal_name="Окно 1",
        data_dir=folder / "data", log_dir=folder / "logs",
    )  # fmt: skip
    prepare_log_dir(Path(config.log_dir))  # as run_app: the file opens after the first paint
    early = hold_early_records()
    app.setStyleSheet(style_sheet(False))
    i18n.set_language(config.default_locale)

    def credentials() -> Any:
        from keyrings.alt.file import PlaintextKeyring

        from kiosk.credentials import Credentials

        keyring = PlaintextKeyring()
        keyring.file_path = str(folder / "keyring.cfg")
        return Credentials(config.terminal_name, keyring)

    if fill:
        _fill_outbox(config, credentials(), fill)

    def opener(cfg: Any) -> OpenedTerminal:  # ui.startup.open_for, with this keyring
        from kiosk.terminal import open_terminal

        creds = credentials()
        if token:
            creds.set_terminal_token(token)
        terminal = open_terminal(cfg, creds)
        sync = terminal.sync_worker()
        sync.start()
        return OpenedTerminal(terminal=terminal, sync=sync)

    def open_log_file() -> None:
        setup_logging(Path(config.log_dir), early=early)

    return Shell(config, opener=opener, after_first_paint=open_log_file)


def _fill_outbox(config: Any, creds: Any, count: int) -> None:
    from kiosk.api_types import RegistrationRequest
    from kiosk.outbox import Outbox, outbox_path

    Path(config.data_dir).mkdir(parents=True, exist_ok=True)
    with Outbox(outbox_path(config.data_dir), creds.outbox_key(), capacity=count) as outbox:
        for n in range(count):
            outbox.capture(
                RegistrationRequest(
                    email=f"bench7.{n}@example.kz", phone=f"+77017{n:06d}", consent=True
                )
            )


# --- driving the screens -------------------------------------------------------------


class Script:
    """Steps run from a polling timer, never blocking the event loop: each step
    is called every ``DRIVE_POLL_MS`` until it returns True."""

    def __init__(
        self,
        steps: list[tuple[str, Callable[[], bool]]],
        on_done: Callable[[], None],
        where: Callable[[], str] = lambda: "",
    ):
        from PySide6.QtCore import QTimer

        self.steps = steps
        self.on_done = on_done
        self.index = 0
        self.step_started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(DRIVE_POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.failure: str | None = None
        self.where = where

    def start(self) -> None:
        self.timer.start()

    def _poll(self) -> None:
        if self.index >= len(self.steps):
            self.timer.stop()
            self.on_done()
            return
        name, step = self.steps[self.index]
        if step():
            self.index += 1
            self.step_started = time.monotonic()
        elif time.monotonic() - self.step_started > STEP_TIMEOUT_S:
            self.failure = (
                f"step {name!r} did not happen within {STEP_TIMEOUT_S:g} s ({self.where()})"
            )
            self.timer.stop()
            self.on_done()


def button(root: Any, label: str) -> Any | None:
    from PySide6.QtWidgets import QAbstractButton

    for b in root.findChildren(QAbstractButton):
        if b.accessibleName() == label and b.isVisible() and b.isEnabled():
            return b
    return None


def field(root: Any, label: str) -> Any | None:
    from PySide6.QtWidgets import QLineEdit

    for e in root.findChildren(QLineEdit):
        if e.accessibleName() == label:
            return e
    return None


CONSENT_LABELS = (
    "Я даю согласие на обработку моих персональных данных",
    "Клиент даёт согласие на обработку персональных данных",
)


def click(root_of: Callable[[], Any], *labels: str) -> Callable[[], bool]:
    """A step that taps the first visible, enabled button named one of ``labels``."""

    def step() -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        root = root_of()
        found = None
        for label in labels if root is not None else ():
            found = button(root, label)
            if found is not None:
                break
        if found is None:
            return False
        QTest.mouseClick(found, Qt.MouseButton.LeftButton)
        return True

    return step


def type_into(
    root_of: Callable[[], Any], label: str, text: Callable[[], str]
) -> Callable[[], bool]:
    def step() -> bool:
        from PySide6.QtTest import QTest

        found = field(root_of(), label)
        if found is None:
            return False
        found.clear()
        QTest.keyClicks(found, text())
        return True

    return step


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    def check() -> bool:
        screen = window.current_screen()
        return screen is not None and screen.name == name

    return check


def where(window: Any) -> str:
    """The current screen and the texts on it (for a failure message)."""
    from PySide6.QtWidgets import QApplication, QLabel

    screen = window.current_screen()
    modal = QApplication.activeModalWidget()
    root = modal or screen
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisible() and w.text()]
    name = screen.name if screen is not None else None
    return f"screen {name}, modal {type(modal).__name__ if modal else None}: {texts}"


def details_steps(window: Any, email: Callable[[], str], phone: Callable[[], str]) -> list[Any]:
    def screen() -> Any:
        return window.current_screen()

    return [
        ("tap Регистрация", click(lambda: window, "Регистрация")),
        ("registration screen", on_screen(window, "registration")),
        ("type email", type_into(screen, "Email", email)),
        ("type phone", type_into(screen, "Телефон", phone)),
        # the client's own words at a kiosk, the clerk's in clerk mode
        ("tap consent", click(screen, *CONSENT_LABELS)),
        ("tap Зарегистрировать", click(screen, "Зарегистрировать")),
        ("check screen", on_screen(window, "check_details")),
        ("tap Всё верно", click(screen, "Всё верно")),
    ]


class GapMeter:
    """A 5 ms timer; the longest wait between its ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.max_gap_ms = 0.0
        self.gaps_over_50_ms = 0
        self.ticks = 0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(GAP_TIMER_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        gap_ms = (now - self._last) * 1000
        self._last = now
        self.ticks += 1
        self.max_gap_ms = max(self.max_gap_ms, gap_ms)
        if gap_ms > 50:
            self.gaps_over_50_ms += 1


@dataclass
class Progress:
    n: int = 0
    code: str = ""


# --- modes -------------------------------------------------------------------------------


def shift_steps(shell: Any) -> list[tuple[str, Callable[[], bool]]]:
    """The main window up, the operator's start-of-shift dialog answered."""
    from PySide6.QtWidgets import QApplication

    def window_shown() -> bool:
        return shell.window is not None and shell.window.isVisible()

    modal = QApplication.activeModalWidget
    return [
        ("main window shown", window_shown),
        ("terminal open", lambda: shell.is_open),
        ("start-of-shift dialog", lambda: modal() is not None),
        ("type operator id", type_into(modal, "Ваш идентификатор оператора", lambda: "op-1")),
        ("tap Начать смену", click(modal, "Начать смену")),
        ("dialog closed", lambda: modal() is None),
    ]


class PendingWatch:
    """The outbox's pending count, read off the GUI thread (as the app's
    monitor does) every ``STATUS_POLL_MS``."""

    def __init__(self, path: Path, key: bytes) -> None:
        import threading

        from kiosk.outbox import Outbox

        self.pending = -1
        self._stop = threading.Event()
        self._outbox = Outbox(path, key)
        self._thread = threading.Thread(target=self._run, name="pending-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.pending = self._outbox.counts()["pending"]
            self._stop.wait(STATUS_POLL_MS / 1000)

    def close(self) -> dict[str, int]:
        self._stop.set()
        self._thread.join()
        counts = self._outbox.counts()
        self._outbox.close()
        return counts


def run_unreachable(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        shell = open_app(args.central, "token", Path(folder))
        meter = GapMeter()
        started = [0.0]

        def mark() -> bool:
            meter.start()  # from the first tap on: the window is up, the shift begun
            started[0] = time.monotonic()
            return True

        steps = shift_steps(shell)
        steps.append(("t0", mark))
        steps += details_steps(_Lazy(shell), lambda: "aigerim@mail.ru", lambda: "87011234567")
        steps.append(("saved offline", on_screen(_Lazy(shell), "saved_offline")))
        result: dict[str, Any] = {}

        def done() -> None:
            result.update(
                max_gap_ms=meter.max_gap_ms,
                gaps_over_50_ms=meter.gaps_over_50_ms,
                ticks=meter.ticks,
                waited_s=time.monotonic() - started[0] if started[0] else 0.0,
                failure=script.failure,
            )
            app.exit(0)  # Qt 6's quit() asks the windows first: a clerk's asks the clerk

        script = Script(steps, done, lambda: where(_Lazy(shell)))
        shell.start()
        script.start()
        app.exec()
        shell.shutdown()
    emit(result)
    return 0


class _Lazy:
    """The shell's main window, looked up at each use (it appears after start)."""

    def __init__(self, shell: Any) -> None:
        self._shell = shell

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shell.window, name)


def run_drain(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.outbox import outbox_path

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        shell = open_app(args.central, args.token, Path(folder), fill=args.count)
        meter = GapMeter()
        result: dict[str, Any] = {}
        watch: list[PendingWatch] = []
        started = [0.0]

        def begin() -> bool:
            opened = shell.opened
            key = opened.terminal.credentials.outbox_key()
            watch.append(PendingWatch(outbox_path(opened.terminal.config.data_dir), key))
            started[0] = time.monotonic()
            meter.start()
            return True

        def drained() -> bool:
            return watch[0].pending == 0 or time.monotonic() - started[0] > args.timeout

        steps = [*shift_steps(shell), ("watch", begin), ("drained", drained)]

        def done() -> None:
            seconds = time.monotonic() - started[0] if started[0] else 0.0
            counts = watch[0].close() if watch else {}
            result.update(
                max_gap_ms=meter.max_gap_ms,
                gaps_over_50_ms=meter.gaps_over_50_ms,
                ticks=meter.ticks,
                seconds=seconds,
                entries=args.count,
                counts=counts,
                failure=script.failure,
            )
            app.exit(0)  # Qt 6's quit() asks the windows first: a clerk's asks the clerk

        script = Script(steps, done, lambda: where(_Lazy(shell)))
        shell.start()
        script.start()
        app.exec()
        shell.shutdown()
    emit(result)
    return 0


def run_memory(args: argparse.Namespace) -> int:
    import requests
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        shell = open_app(args.central, args.token, Path(folder))
        window = _Lazy(shell)
        checkpoints = {int(c) for c in args.checkpoints.split(",")}
        samples: dict[str, float] = {}
        objects: dict[str, int] = {}  # QObjects under the main window (a leak shows here)
        dialogs: dict[str, int] = {}
        nones: dict[str, int] = {}  # sys.getrefcount(None): a C extension's refcount bug shows
        state = Progress()
        mailbox = requests.Session()

        def phone() -> str:
            return f"8701{args.series}{state.n:06d}"

        def e164() -> str:
            return f"+7701{args.series}{state.n:06d}"

        def read_code() -> bool:
            answer = mailbox.get(f"{args.central}/dev/messages", params={"to": e164()}, timeout=5)
            bodies = [m["body"] for m in answer.json()["messages"] if m["channel"] == "sms"]
            match = CODE_RE.search(bodies[-1]) if bodies else None
            if match is None:
                return False
            state.code = match.group(1)
            return True

        def dialog() -> Any:
            return QApplication.activeModalWidget()

        def next_one() -> bool:
            from PySide6.QtCore import QObject
            from PySide6.QtWidgets import QDialog

            from ui.widgets.overlay import Overlay

            state.n += 1
            if state.n in checkpoints:
                samples[str(state.n)] = rss_mb()
                objects[str(state.n)] = len(shell.window.findChildren(QObject))
                dialogs[str(state.n)] = len(shell.window.findChildren(QDialog)) + len(
                    shell.window.findChildren(Overlay)
                )
                nones[str(state.n)] = sys.getrefcount(None)
                # how far it got, should the process die before the end
                partial(
                    {"rss_mb": samples, "qobjects": objects, "dialogs": dialogs,
                     "none_refs": nones, "registrations": state.n,
                     "seconds": time.monotonic() - started}
                )  # fmt: skip
            return True

        def first_sample() -> bool:
            samples["0"] = rss_mb()
            nones["0"] = sys.getrefcount(None)
            return True

        one = details_steps(window, lambda: f"bench{args.series}.{state.n}@example.kz", phone)
        one += [
            ("code screen", on_screen(window, "code_entry")),
            ("read SMS code", read_code),
            (
                "type code",
                type_into(lambda: window.current_screen(), "Код подтверждения", lambda: state.code),
            ),
            ("tap Подтвердить код", click(lambda: window.current_screen(), "Подтвердить код")),
            # the success popup is an overlay inside the window (no modal dialog)
            ("close success dialog", click(lambda: dialog() or shell.window, "Понятно")),
            ("welcome again", on_screen(window, "welcome")),
            ("count", next_one),
        ]
        script_steps = [*shift_steps(shell), ("sample", first_sample), *one]
        result: dict[str, Any] = {}
        started = time.monotonic()

        def done() -> None:
            if state.n < args.count and script.failure is None:
                script.steps = one
                script.index = 0
                script.start()
                return
            result.update(
                rss_mb=samples,
                qobjects=objects,
                dialogs=dialogs,
                none_refs=nones,
                registrations=state.n,
                seconds=time.monotonic() - started,
                failure=script.failure,
            )
            app.exit(0)  # Qt 6's quit() asks the windows first: a clerk's asks the clerk

        script = Script(script_steps, done, lambda: where(window))
        shell.start()
        script.start()
        app.exec()
        shell.shutdown()
    emit(result)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_app")
    parser.add_argument("mode", choices=["bare", "app", "unreachable", "drain", "memory"])
    parser.add_argument("--central", default="http://127.0.0.1:9")
    parser.add_argument("--token", default=None)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--checkpoints", default="10")
    parser.add_argument("--series", type=int, default=0)
    args = parser.parse_args()
    if args.mode == "bare":
        return first_paint(bare_window)
    if args.mode == "app":
        from main import prepare_start_up

        prepare_start_up()  # as main.py does
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
            shell = open_app(args.central, "token", Path(folder))

            def show() -> Callable[[], Any]:
                shell.start()
                return lambda: shell.window

            code = first_paint(show)
            shell.shutdown()
            del app
            return code
    runs = {"unreachable": run_unreachable, "drain": run_drain, "memory": run_memory}
    return runs[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
