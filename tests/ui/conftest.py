"""UI fixtures: the real main window on real flows against a real local central.

Widgets are found the way a client finds them: by their visible (accessible)
label in the current language. The .qm files are built from the .ts files
when missing or older, so a targeted pytest run needs no `make translations`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.outbox import Outbox
from tests.ui.ui_helpers import add_terminal, make_client
from ui import i18n
from ui.app import Shell
from ui.background import runner

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def build_translations() -> None:
    for ts in sorted(TS_DIR.glob("vic_*.ts")):
        qm = Path(str(i18n.qm_file(ts.stem.removeprefix("vic_"))))
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def russian(qapp: Any) -> Iterator[None]:
    """Every UI test starts (and ends) in Russian, the seed's language."""
    build_translations()
    i18n.set_language("ru")
    yield
    runner().wait_for_done()
    i18n.set_language("ru")


@pytest.fixture
def terminal_client(sqlite_central: EmbeddedCentral) -> Iterator[CentralClient]:
    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    yield client
    client.close()


@pytest.fixture
def ui_outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.db", os.urandom(32)) as box:
        yield box


@pytest.fixture
def make_window(qtbot: QtBot, ui_outbox: Outbox) -> Callable[..., Any]:
    """Build a shown main window on real flows around ``client``."""
    from kiosk.flows.login import LoginFlow
    from kiosk.flows.registration import RegistrationFlow
    from ui.main_window import Dependencies, MainWindow

    def build(client: CentralClient, *, kiosk_mode: bool = False) -> MainWindow:
        deps = Dependencies(
            registration=RegistrationFlow(client, ui_outbox, locale="ru"),
            login=LoginFlow(client, locale="ru"),
            client=client,
            outbox=ui_outbox,
            kiosk_mode=kiosk_mode,
        )
        window = MainWindow(deps)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


@pytest.fixture
def window(make_window: Callable[..., Any], terminal_client: CentralClient) -> Any:
    return make_window(terminal_client)


@pytest.fixture
def shells() -> Iterator[list[Shell]]:
    """Shells a test started; closed (kiosk locks let go), shut down and deleted after it.

    Deleted here, in the GUI thread: left to the garbage collector, a window could
    be destroyed in whichever thread collects it, timers and all.
    """
    started: list[Shell] = []
    yield started
    for shell in started:
        if shell.lock is not None:
            shell.lock.exit_allowed = True
        if shell.window is not None:
            shell.window.close_now()  # a clerk window would ask first
        shell.shutdown()
        if shell.window is not None:
            shell.window.deleteLater()
        shell.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
