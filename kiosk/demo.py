"""Demo mode: the terminal with its own central, in one process.

With no configuration the app runs the reference central in-process (uvicorn on
a free loopback port, SQLite in the demo data folder, ``dev`` delivery so every
SMS and email is kept for the demo panel), seeds a few demo clients, and enrolls
this terminal with it. Nothing here needs the OS keyring. Starting takes a few
seconds (migrations, password hashing): call it off the GUI thread.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from central.core.config import Settings
from central.demo import DemoInfo, demo_database_url, prepare_demo
from central.server import EmbeddedCentral
from kiosk.config import KioskConfig
from kiosk.errors import CentralError, NotFound, Unauthorized
from kiosk.terminal import Terminal, open_terminal, with_central

log = logging.getLogger(__name__)

DEMO_CENTRAL_FOLDER = "central"


@dataclass
class DemoTerminal:
    """A terminal enrolled with its embedded central; ``close()`` stops both."""

    terminal: Terminal
    central: EmbeddedCentral
    info: DemoInfo | None

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


def start_demo(config: KioskConfig) -> DemoTerminal:
    """Start the embedded central and return this terminal enrolled with it.

    Raises ``CentralError`` when the embedded central refuses enrollment, and
    ``OSError`` when the demo folder cannot be written.
    """
    folder = Path(config.data_dir) / DEMO_CENTRAL_FOLDER
    database_url = demo_database_url(folder)
    info = prepare_demo(database_url)
    central = EmbeddedCentral(Settings(database_url=database_url, delivery_backend="dev"))
    central.start()
    try:
        terminal = open_terminal(with_central(config, central.url))
        if not _token_accepted(terminal):
            enrollment = terminal.client.enroll(info.enrollment_code, config.terminal_name)
            terminal.credentials.set_terminal_token(enrollment.token)
            terminal.client.terminal_token = enrollment.token
            log.info("demo terminal enrolled with the embedded central")
    except (CentralError, OSError):
        central.close()
        raise
    return DemoTerminal(terminal=terminal, central=central, info=info)
