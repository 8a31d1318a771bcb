"""Helpers for UI tests: a terminal at the central, its mailbox, widgets by label."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import requests
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from central.core.security import hash_token, new_token
from central.models import Terminal, utcnow
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.config import KioskConfig, load_config

TEST_CONNECT_TIMEOUT_S = 1.0
TEST_READ_TIMEOUT_S = 10.0
MAILBOX_WAIT_MS = 15_000
CODE_RE = re.compile(r"\b(\d{6})\b")
START_TIMEOUT_MS = 30_000


def no_config(tmp_path: Path) -> KioskConfig:
    """The settings of a terminal with no configuration file (demo), its folders in ``tmp_path``."""
    config = load_config(env={"XDG_CONFIG_HOME": str(tmp_path / "none")}, demo=True)
    return replace(config, data_dir=tmp_path / "data", log_dir=tmp_path / "logs")


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
    qtbot.waitUntil(lambda: len(sms_to(central, phone)) >= nth, timeout=MAILBOX_WAIT_MS)
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
