"""Demo mode, the terminal's half: enroll with an embedded central and hold both.

The central's half (migrating and seeding its SQLite file, starting it in this
process) is ``vic_demo``, the one module allowed to see both the terminal and the
central; it calls :func:`attach_demo_terminal` with the central it started. This
module imports nothing of the central (``lint-imports`` enforces it).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Protocol

from kiosk.config import KioskConfig
from kiosk.errors import CentralError, NotFound, Unauthorized
from kiosk.terminal import Terminal, open_terminal, with_central

log = logging.getLogger(__name__)


class RunningCentral(Protocol):
    """What the terminal needs of the embedded central: where it is, how to stop it."""

    @property
    def url(self) -> str: ...

    def close(self) -> None: ...


class DemoUnavailable(RuntimeError):
    """Demo mode was asked for, but this program was started without a central.

    Not a ``CentralError``: that means a call to the central was refused or
    failed, and here there is no central to call."""

    problem_key = "demo_unavailable"


@dataclass
class DemoTerminal:
    """A terminal enrolled with its embedded central; ``close()`` stops both.

    ``client_logins`` are the seeded demo clients' logins (for the demo's guide).
    """

    terminal: Terminal
    central: RunningCentral
    client_logins: tuple[str, ...] = ()

    def close(self) -> None:
        self.terminal.close()
        self.central.close()


def _token_accepted(terminal: Terminal) -> bool:
    if not terminal.client.terminal_token:
        return False
    try:
        terminal.client.registration_status(str(uuid.uuid4()))
    except NotFound:
        return True
    except Unauthorized:
        return False
    return True


def attach_demo_terminal(
    config: KioskConfig,
    central: RunningCentral,
    enrollment_code: str,
    client_logins: tuple[str, ...] = (),
) -> DemoTerminal:
    """Open this terminal on ``central``, enrolling it with ``enrollment_code`` unless
    the token it keeps from an earlier start is still accepted. Blocking.

    Stops ``central`` and raises ``CentralError`` or ``OSError`` when it cannot.
    """
    try:
        terminal = open_terminal(with_central(config, central.url))
        if not _token_accepted(terminal):
            enrollment = terminal.client.enroll(enrollment_code, config.terminal_name)
            terminal.credentials.set_terminal_token(enrollment.token)
            terminal.client.terminal_token = enrollment.token
            log.info("demo terminal enrolled with the embedded central")
    except (CentralError, OSError):
        central.close()
        raise
    return DemoTerminal(terminal=terminal, central=central, client_logins=client_logins)
