"""The service watchdog: pings while the GUI thread turns, none while it hangs."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.service_notify import notify, watchdog_ping_interval_s
from ui.watchdog import Watchdog

WATCHDOG_USEC = 100_000  # pings every 50 ms
HANG_S = 1.0


class ServiceManager:
    """A stand-in for systemd's notify socket: records what arrives, and when."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.05)
        self.received: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            self.received.append((time.monotonic(), data.decode()))

    def pings_between(self, start: float, end: float) -> int:
        return sum(1 for t, m in self.received if m == "WATCHDOG=1" and start <= t <= end)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def manager() -> Iterator[ServiceManager]:
    folder = Path(tempfile.mkdtemp(prefix="vic-notify-"))  # short: AF_UNIX paths are limited
    found = ServiceManager(folder / "notify")
    yield found
    found.close()
    (folder / "notify").unlink()
    folder.rmdir()


def test_pings_stop_while_the_gui_thread_hangs(qtbot: QtBot, manager: ServiceManager) -> None:
    env = {"NOTIFY_SOCKET": str(manager.path), "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    dog = Watchdog(env=env)
    dog.start()
    running_from = time.monotonic()
    qtbot.wait(500)
    assert manager.pings_between(running_from, time.monotonic()) >= 4

    hang_from = time.monotonic()
    time.sleep(HANG_S)  # the GUI thread blocked: no event loop
    hang_until = time.monotonic()
    qtbot.wait(300)
    # allow for a ping already in flight when the hang began
    assert manager.pings_between(hang_from + 0.02, hang_until) == 0
    assert manager.pings_between(hang_until, time.monotonic()) >= 2

    dog.stop()
    qtbot.waitUntil(lambda: any(m == "STOPPING=1" for _, m in manager.received), timeout=2000)


def test_ready_is_said_once_the_first_screen_is_up(qtbot: QtBot, manager: ServiceManager) -> None:
    dog = Watchdog(env={"NOTIFY_SOCKET": str(manager.path)})
    dog.start()  # no WATCHDOG_USEC: no pings, but READY still goes
    dog.ready()
    qtbot.waitUntil(lambda: any(m == "READY=1" for _, m in manager.received), timeout=2000)
    assert not any(m == "WATCHDOG=1" for _, m in manager.received)


def test_no_service_manager_no_pings() -> None:
    assert notify("WATCHDOG=1", {}) is False
    assert watchdog_ping_interval_s({}) is None
    assert watchdog_ping_interval_s({"WATCHDOG_USEC": "30000000"}) == 15.0
    other_pid = str(os.getpid() + 1)
    assert (
        watchdog_ping_interval_s({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": other_pid}) is None
    )
