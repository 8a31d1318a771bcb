"""The GUI side of benchmarks 1, 2 and 6, run as its own process
(``python -m bench.gui_app MODE ...``, QT_QPA_PLATFORM=offscreen) so that it
starts, paints and grows as the app does. It prints one JSON line (prefixed
``RESULT``) that the parent benchmark reads.

Modes:
- ``bare`` / ``app``: exit as soon as the window has painted and a zero-timer
  after it has run (the event loop takes input); the parent times the process.
- ``unreachable``: the real main window against a central that accepts and
  never answers; a client taps «Зарегистрировать» then «Всё верно» and waits
  for the saved-offline screen, while a 5 ms timer records event-loop gaps.
- ``drain``: the main window shown while ``SyncWorker`` (its background thread,
  as the app runs it) delivers the outbox to a central; gaps recorded until empty.
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


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE_BYTES / 2**20


# --- start-up ---------------------------------------------------------------------


def first_paint(make_window: Callable[[], Any]) -> int:
    """Show ``make_window()``; once it has painted and the event loop has run a
    zero-timer after that, print the marker and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = make_window()

    class PaintWatch(QObject):
        done = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, ready)
            return False

    def ready() -> None:
        emit({"ready_s": time.monotonic() - PROCESS_T0, "rss_mb": rss_mb()})
        app.quit()

    watch = PaintWatch()
    target = window.centralWidget() if window.centralWidget() is not None else window
    target.installEventFilter(watch)
    window.show()
    return int(app.exec())


def bare_window() -> Any:
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    window.setCentralWidget(QLabel("VICTORIA"))
    window.resize(*WINDOW_SIZE_PX)
    return window


def app_window(client: Any, outbox: Any) -> Any:
    """The main window as ``ui.app.run_app`` builds it (clerk mode, Russian)."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import make_dependencies, style_sheet
    from ui.main_window import MainWindow

    app = QApplication.instance()
    app.setApplicationName("Victoria kiosk")  # type: ignore[union-attr]
    app.setStyleSheet(style_sheet(False))  # type: ignore[union-attr]
    i18n.set_language("ru")
    window = MainWindow(make_dependencies(client, outbox))
    window.resize(*WINDOW_SIZE_PX)
    return window


def real_parts(central_url: str, token: str | None, folder: Path, key: bytes) -> tuple[Any, Any]:
    from kiosk.client import CentralClient
    from kiosk.outbox import Outbox

    client = CentralClient(central_url, terminal_token=token, connect_timeout_s=2, read_timeout_s=3)
    return client, Outbox(folder / "outbox.db", key)


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


def click(root_of: Callable[[], Any], label: str) -> Callable[[], bool]:
    def step() -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        root = root_of()
        found = button(root, label) if root is not None else None
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
    return lambda: window.current_screen() is not None and window.current_screen().name == name


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
    screen = window.current_screen
    return [
        ("tap Регистрация", click(lambda: window, "Регистрация")),
        ("registration screen", on_screen(window, "registration")),
        ("type email", type_into(screen, "Email", email)),
        ("type phone", type_into(screen, "Телефон", phone)),
        (
            "tap consent",
            click(screen, "Я даю согласие на обработку моих персональных данных"),
        ),
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


def run_unreachable(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        client, outbox = real_parts(args.central, "token", Path(folder), os.urandom(32))
        window = app_window(client, outbox)
        window.show()
        meter = GapMeter()
        started = [0.0]

        def mark() -> bool:
            started[0] = time.monotonic()
            return True

        steps = details_steps(window, lambda: "aigerim@mail.ru", lambda: "87011234567")
        steps.insert(-1, ("t0", mark))
        steps.append(("saved offline", on_screen(window, "saved_offline")))
        result: dict[str, Any] = {}

        def done() -> None:
            result.update(
                max_gap_ms=meter.max_gap_ms,
                gaps_over_50_ms=meter.gaps_over_50_ms,
                ticks=meter.ticks,
                waited_s=time.monotonic() - started[0],
                failure=script.failure,
                outbox=outbox.counts(),
            )
            app.quit()

        script = Script(steps, done, lambda: where(window))
        meter.start()
        script.start()
        app.exec()
        outbox.close()
    emit(result)
    return 0


def run_drain(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.outbox import SyncWorker

    app = QApplication(sys.argv[:1])
    folder = Path(args.outbox).parent
    client, outbox = real_parts(args.central, args.token, folder, bytes.fromhex(args.key))
    window = app_window(client, outbox)
    window.show()
    meter = GapMeter()
    worker = SyncWorker(outbox, client, probe_interval_s=0.2, idle_interval_s=0.2)
    total = outbox.counts()["pending"]
    started = time.monotonic()
    deadline = started + args.timeout
    result: dict[str, Any] = {}
    status = QTimer()

    def check() -> None:
        pending = outbox.counts()["pending"]  # as a clerk's panel shows it
        if pending == 0 or time.monotonic() > deadline:
            status.stop()
            worker.stop()
            result.update(
                max_gap_ms=meter.max_gap_ms,
                gaps_over_50_ms=meter.gaps_over_50_ms,
                ticks=meter.ticks,
                seconds=time.monotonic() - started,
                entries=total,
                counts=outbox.counts(),
            )
            app.quit()

    status.setInterval(STATUS_POLL_MS)
    status.timeout.connect(check)
    meter.start()
    status.start()
    worker.start()
    worker.wake()
    app.exec()
    outbox.close()
    emit(result)
    return 0


def run_memory(args: argparse.Namespace) -> int:
    import requests
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        client, outbox = real_parts(args.central, args.token, Path(folder), os.urandom(32))
        window = app_window(client, outbox)
        window.show()
        checkpoints = {int(c) for c in args.checkpoints.split(",")}
        samples: dict[str, float] = {"0": rss_mb()}
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
            state.n += 1
            if state.n in checkpoints:
                samples[str(state.n)] = rss_mb()
            return True

        one = details_steps(window, lambda: f"bench{args.series}.{state.n}@example.kz", phone)
        one += [
            ("code screen", on_screen(window, "code_entry")),
            ("read SMS code", read_code),
            (
                "type code",
                type_into(window.current_screen, "Код подтверждения", lambda: state.code),
            ),
            ("tap Подтвердить код", click(window.current_screen, "Подтвердить код")),
            ("close success dialog", click(dialog, "Понятно")),
            ("welcome again", on_screen(window, "welcome")),
            ("count", next_one),
        ]
        result: dict[str, Any] = {}
        started = time.monotonic()

        def done() -> None:
            if state.n < args.count and script.failure is None:
                script.index = 0
                script.start()
                return
            result.update(
                rss_mb=samples,
                registrations=state.n,
                seconds=time.monotonic() - started,
                failure=script.failure,
            )
            app.quit()

        script = Script(one, done, lambda: where(window))
        script.start()
        app.exec()
        outbox.close()
    emit(result)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_app")
    parser.add_argument("mode", choices=["bare", "app", "unreachable", "drain", "memory"])
    parser.add_argument("--central", default="http://127.0.0.1:9")
    parser.add_argument("--token", default=None)
    parser.add_argument("--outbox", default="")
    parser.add_argument("--key", default="")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--checkpoints", default="10")
    parser.add_argument("--series", type=int, default=0)
    args = parser.parse_args()
    if args.mode == "bare":
        return first_paint(bare_window)
    if args.mode == "app":
        with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
            client, outbox = real_parts(args.central, args.token, Path(folder), os.urandom(32))
            code = first_paint(lambda: app_window(client, outbox))
            outbox.close()
            return code
    runs = {"unreachable": run_unreachable, "drain": run_drain, "memory": run_memory}
    return runs[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
