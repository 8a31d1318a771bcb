"""Telling systemd how the terminal is doing (``sd_notify``), without libsystemd.

The kiosk runs as a ``Type=notify`` unit with ``WatchdogSec=``: systemd sets
``NOTIFY_SOCKET`` and ``WATCHDOG_USEC`` in our environment and restarts the app
when the pings stop. The pings are sent by the GUI thread (``ui.watchdog``), so a
hung event loop, not only a dead process, gets the app restarted. Elsewhere
(a clerk's desktop, Windows, tests) the variables are absent and every call is a
no-op that answers False.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

READY = "READY=1"
WATCHDOG = "WATCHDOG=1"
STOPPING = "STOPPING=1"


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send one ``sd_notify`` datagram; True when a service manager was there to get it."""
    env = os.environ if env is None else env
    address = env.get("NOTIFY_SOCKET", "")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):  # an abstract socket (Linux)
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(address)
            sock.sendall(message.encode("ascii"))
        except OSError:
            return False
    return True


def watchdog_ping_interval_s(env: Mapping[str, str] | None = None) -> float | None:
    """How often to ping: half the unit's ``WatchdogSec`` (as systemd advises), or
    None when no watchdog is set for this process."""
    env = os.environ if env is None else env
    pid = env.get("WATCHDOG_PID")
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
