"""UI fixtures: the real main window on real flows against a real local central.

Widgets are found the way a client finds them: by their visible (accessible)
label in the current language. The .qm files are built from the .ts files
when missing or older, so a targeted pytest run needs no `make translations`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from central.core.security import hash_token, new_token
from central.models import Terminal, utcnow
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.outbox import Outbox
from ui import i18n
from ui.background import runner

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TEST_CONNECT_TIMEOUT_S = 1.0
TEST_READ_TIMEOUT_S = 10.0
CODE_RE = re.compile(r"\b(\d{6})\b")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


def build_translations() -> None:
    for ts in sorted(i18n.I18N_DIR.glob("vic_*.ts")):
        qm = ts.with_suffix(".qm")
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


def add_terminal(central: EmbeddedCentral, name: str = "Almaty-1 kiosk") -> str:
    """A terminal row with a fresh token, as after enrollment; returns the token."""
    token = new_token()
    with Session(central.engine) as session, session.begin():
        session.add(
            Terminal(name=name, branch="Almaty", token_hash=hash_token(token), enrolled_at=utcnow())
        )
    return token


def make_client(url: str, token: str | None, read_timeout_s: float = TEST_READ_TIMEOUT_S) -> Any:
    return CentralClient(
        url,
        terminal_token=token,
        locale="ru",
        connect_timeout_s=TEST_CONNECT_TIMEOUT_S,
        read_timeout_s=read_timeout_s,
    )


def dev_messages(central: EmbeddedCentral, to: str) -> list[dict[str, Any]]:
    answer = requests.get(f"{central.url}/dev/messages", params={"to": to}, timeout=5)
    answer.raise_for_status()
    return list(answer.json()["messages"])


def sms_to(central: EmbeddedCentral, phone: str) -> list[dict[str, Any]]:
    return [m for m in dev_messages(central, phone) if m["channel"] == "sms"]


def sms_code(qtbot: QtBot, central: EmbeddedCentral, phone: str, nth: int = 1) -> str:
    """The code in the ``nth`` SMS to ``phone``, once it has arrived."""
    qtbot.waitUntil(lambda: len(sms_to(central, phone)) >= nth, timeout=15_000)
    match = CODE_RE.search(sms_to(central, phone)[nth - 1]["body"])
    assert match is not None
    return match.group(1)


def find_button(root: QWidget, label: str) -> QAbstractButton:
    """The one visible button whose accessible name (= visible label) is ``label``."""
    found = [
        b
        for b in root.findChildren(QAbstractButton)
        if b.accessibleName() == label and b.isVisible()
    ]
    assert len(found) == 1, f"expected one visible button {label!r}, found {len(found)}"
    return found[0]


def find_field(root: QWidget, label: str) -> QLineEdit:
    found = [e for e in root.findChildren(QLineEdit) if e.accessibleName() == label]
    assert len(found) == 1, f"expected one field {label!r}, found {len(found)}"
    return found[0]


def visible_text(root: QWidget) -> str:
    """Every visible label's text, one per line: what the client can read."""
    return "\n".join(
        lbl.text() for lbl in root.findChildren(QLabel) if lbl.isVisible() and lbl.text()
    )


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
