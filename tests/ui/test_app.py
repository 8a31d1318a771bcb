"""The assembled application: start-up off the GUI thread, and each mode's parts.

What a client notices while the terminal is still opening is in ``test_startup.py``.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Message, Registration
from central.server import EmbeddedCentral
from kiosk.config import KioskConfig
from kiosk.credentials import CredentialError, Credentials, NoKeyringBackend
from kiosk.demo import DemoUnavailable
from kiosk.terminal import open_terminal
from tests.ui.test_registration_screens import click, fill_details, on_screen, to_code_entry
from tests.ui.ui_helpers import (
    START_TIMEOUT_MS,
    add_terminal,
    find_button,
    find_field,
    no_config,
    visible_text,
)
from ui.app import Shell
from ui.startup import OpenedTerminal, open_for
from vic_demo import start_demo


def test_demo_mode_starts_its_central_and_shows_the_mailbox(
    qtbot: QtBot, tmp_path: Path, shells: list[Shell]
) -> None:
    shell = Shell(no_config(tmp_path), opener=functools.partial(open_for, start_demo=start_demo))
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    assert window is not None and window.isVisible(), "the window is shown before opening"
    qtbot.waitUntil(lambda: shell.is_open, timeout=START_TIMEOUT_MS)
    assert window.header.demo_mark.isVisible() and window.header.demo_mark.text() == "ДЕМО"
    qtbot.waitUntil(lambda: window.status_line.is_online() is True, timeout=10_000)
    qtbot.waitUntil(lambda: "Личный кабинет" in visible_text(window), timeout=10_000)
    demo_panels = [w for w in window.findChildren(object) if type(w).__name__ == "DemoPanel"]
    assert len(demo_panels) == 1
    qtbot.waitUntil(lambda: len(demo_panels[0].messages()) >= 1, timeout=10_000)


def test_demo_mode_without_its_central_is_one_sentence(
    qtbot: QtBot, tmp_path: Path, shells: list[Shell]
) -> None:
    with pytest.raises(DemoUnavailable, match="Demo mode is not available"):
        open_for(no_config(tmp_path))
    shell = Shell(no_config(tmp_path))
    shells.append(shell)
    shell.start()
    qtbot.waitUntil(lambda: shell.problem is not None, timeout=START_TIMEOUT_MS)
    assert shell.problem is not None and shell.window is not None
    assert "Демо-режим недоступен" in visible_text(shell.window)
    assert "Demo mode" not in visible_text(shell.window), "said in the window's language"


def clerk_shell(
    qtbot: QtBot, tmp_path: Path, central: EmbeddedCentral, shells: list[Shell], *, sync: bool
) -> Any:
    """The assembled clerk app on ``central``, its shift started by operator op-17."""
    config = replace(
        no_config(tmp_path), demo=False, mode="clerk", central_url=central.url,
        terminal_name="Окно 2",
    )  # fmt: skip
    keyring = PlaintextKeyring()
    keyring.file_path = str(tmp_path / "keyring.cfg")
    creds = Credentials(config.terminal_name, keyring)
    creds.set_terminal_token(add_terminal(central))

    def opener(cfg: KioskConfig) -> OpenedTerminal:
        terminal = open_terminal(cfg, creds)
        worker = terminal.sync_worker()
        if sync:
            worker.start()
        return OpenedTerminal(terminal=terminal, sync=worker)

    shell = Shell(config, opener=opener)
    shells.append(shell)
    shell.start()
    qtbot.waitUntil(lambda: shell.is_open, timeout=START_TIMEOUT_MS)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.keyClicks(find_field(dialog, "Ваш идентификатор оператора"), "op-17")
    qtbot.mouseClick(find_button(dialog, "Начать смену"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    return shell.window


def test_clerk_mode_sends_the_operator_id_with_each_registration(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    to_code_entry(qtbot, window)
    with Session(sqlite_central.engine) as db:
        operators = db.scalars(select(Registration.operator)).all()
    assert operators == ["op-17"]
    qtbot.waitUntil(lambda: window.status_line.is_online() is True, timeout=10_000)
    assert on_screen(window, "code_entry")()


def test_saved_offline_then_delivered_when_the_central_is_back(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=True)
    sqlite_central.stop()
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "saved_offline"), timeout=15_000)
    qtbot.waitUntil(lambda: window.status_line.is_online() is False, timeout=15_000)
    assert "Ожидают отправки: 1" in visible_text(window.status_line)

    sqlite_central.start()
    qtbot.waitUntil(lambda: "Ожидают отправки" not in visible_text(window.status_line),
                    timeout=30_000)  # fmt: skip
    with Session(sqlite_central.engine) as db:
        [late] = db.scalars(select(Registration)).all()
        texts = db.scalars(select(Message.body).where(Message.to == late.phone)).all()
    assert late.captured_at is not None and late.operator == "op-17"
    assert len(texts) == 1 and "/r/" in texts[0], "the SMS links to the code page"


def test_a_terminal_that_cannot_open_says_why_in_one_sentence(
    qtbot: QtBot, tmp_path: Path, shells: list[Shell]
) -> None:
    def opener(_cfg: KioskConfig) -> OpenedTerminal:
        raise NoKeyringBackend("No usable keyring backend: unlock the Secret Service.")

    shell = Shell(replace(no_config(tmp_path), demo=False, mode="kiosk"), opener=opener)
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    qtbot.waitUntil(lambda: window.problem is not None, timeout=10_000)
    text = visible_text(window)
    assert "Терминал не удалось запустить" in text
    # in the window's language; the operator's English detail goes to the log only
    assert "нет рабочего хранилища ключей" in text
    assert "Secret Service" not in text
    assert "Терминал не открылся" in visible_text(window.status_line)
    assert window.current_screen() is None, "no screen is left to use"
    window.show_screen("registration")
    assert window.current_screen() is None
    assert find_button(window, "Закрыть").isVisible()


def test_a_kiosk_without_an_admin_pin_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_central: EmbeddedCentral
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    config = replace(no_config(tmp_path), demo=False, mode="kiosk", central_url=sqlite_central.url)
    with pytest.raises(CredentialError, match="admin-pin"):
        open_for(config)
    Credentials.for_data_dir(config.data_dir).set_admin_pin("246813")
    opened = open_for(config)
    try:
        assert opened.terminal.outbox.counts()["pending"] == 0
    finally:
        opened.close()
