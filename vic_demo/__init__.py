"""Demo mode's wiring: the reference central and this terminal in one process.

The only module that imports both ``central`` and ``kiosk`` (the import contracts
in pyproject.toml name it as their one exception). ``main.py`` hands
:func:`start_demo` to the app, which calls it off the GUI thread; nothing heavy is
imported until then, so the first window is not delayed.

With no configuration the app runs the reference central in-process (uvicorn on
a free loopback port, SQLite in the demo data folder, ``dev`` delivery so every
SMS and email is kept for the demo panel), seeds a few demo clients, and enrolls
this terminal with it. Nothing here needs the OS keyring. Starting takes a few
seconds (migrations, password hashing).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import KioskConfig
    from kiosk.demo import DemoTerminal

DEMO_CENTRAL_FOLDER = "central"


def start_demo(config: KioskConfig) -> DemoTerminal:
    """Start the embedded central and return this terminal enrolled with it (blocking).

    Raises ``kiosk.errors.CentralError`` when the embedded central refuses
    enrollment, and ``OSError`` when the demo folder cannot be written.
    """
    from central.core.config import Settings
    from central.demo import demo_database_url, prepare_demo
    from central.server import EmbeddedCentral
    from kiosk.demo import attach_demo_terminal

    folder = Path(config.data_dir) / DEMO_CENTRAL_FOLDER
    database_url = demo_database_url(folder)
    info = prepare_demo(database_url)
    central = EmbeddedCentral(Settings(database_url=database_url, delivery_backend="dev"))
    central.start()
    return attach_demo_terminal(config, central, info.enrollment_code, info.client_logins)
