"""The kiosk's PIN dialog: wrong PINs count across cancel and reopen, and the
lock-out is shown as a translated wait, with the right PIN refused meanwhile."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.admin_pin import PIN_FREE_TRIES, AdminPin
from kiosk.config import KioskConfig
from kiosk.credentials import Credentials, demo_credentials
from kiosk.terminal import open_terminal
from tests.kiosk.outbox_helpers import Clock
from tests.ui.ui_helpers import START_TIMEOUT_MS, find_button, no_config, visible_text
from ui.app import Shell
from ui.kiosk_mode import KioskLock
from ui.startup import OpenedTerminal

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ADMIN_PIN = "246810"
REPLY_TIMEOUT_MS = 10_000


def enter(qtbot: QtBot, lock: KioskLock, pin: str) -> str:
    """Open the dialog as an employee would, type ``pin``, tap Unlock; the answer shown."""
    lock.request_admin()
    dialog = lock.pin_dialog
    assert dialog is not None and dialog.isVisible()
    for digit in pin:
        qtbot.mouseClick(find_button(dialog, digit), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find_button(dialog, "Разблокировать"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.message.isVisible() or not dialog.isVisible(), timeout=REPLY_TIMEOUT_MS
    )
    return visible_text(dialog)


def cancel(qtbot: QtBot, lock: KioskLock) -> None:
    assert lock.pin_dialog is not None
    qtbot.mouseClick(find_button(lock.pin_dialog, "Отмена"), Qt.MouseButton.LeftButton)
    assert not lock.pin_dialog.isVisible()


def test_cancel_and_reopen_keeps_the_count_and_the_lock_out(
    make_window: Any, terminal_client: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    credentials = demo_credentials(tmp_path / "data")
    credentials.set_admin_pin(ADMIN_PIN)
    clock = Clock()
    window = make_window(terminal_client, kiosk_mode=True)
    lock = KioskLock(window, AdminPin(credentials, tmp_path / "data", clock=clock).check)

    for n in range(PIN_FREE_TRIES):
        assert "Неверный PIN." in enter(qtbot, lock, f"00000{n}")
        cancel(qtbot, lock)

    shown = enter(qtbot, lock, ADMIN_PIN)
    assert "Слишком много неверных PIN. Повторите через 1 мин 0 с." in shown
    assert lock.menu is None, "the right PIN does not open during the lock-out"
    cancel(qtbot, lock)

    clock.advance(61)
    enter(qtbot, lock, ADMIN_PIN)
    qtbot.waitUntil(
        lambda: lock.menu is not None and lock.menu.isVisible(), timeout=REPLY_TIMEOUT_MS
    )


def kiosk_shell(
    qtbot: QtBot, tmp_path: Path, central: EmbeddedCentral, shells: list[Shell]
) -> Shell:
    """The assembled kiosk app (locked, not a demo) on ``central``, opened."""
    config = replace(no_config(tmp_path), demo=False, mode="kiosk", central_url=central.url)
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    creds = Credentials.for_data_dir(config.data_dir, ring)
    creds.set_admin_pin(ADMIN_PIN)

    def opener(cfg: KioskConfig) -> OpenedTerminal:
        terminal = open_terminal(cfg, creds)
        return OpenedTerminal(terminal=terminal, sync=terminal.sync_worker())

    shell = Shell(config, opener=opener)
    shells.append(shell)
    shell.start()
    qtbot.waitUntil(lambda: shell.is_open, timeout=START_TIMEOUT_MS)
    return shell


def test_restarting_the_kiosk_app_keeps_the_lock_out(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    first = kiosk_shell(qtbot, tmp_path, sqlite_central, shells)
    assert first.lock is not None
    for n in range(PIN_FREE_TRIES):
        assert "Неверный PIN." in enter(qtbot, first.lock, f"11111{n}")
        cancel(qtbot, first.lock)
    first.lock.exit_allowed = True
    assert first.window is not None
    first.window.close()

    again = kiosk_shell(qtbot, tmp_path, sqlite_central, shells)
    assert again.lock is not None
    assert "Слишком много неверных PIN." in enter(qtbot, again.lock, ADMIN_PIN)
    assert again.lock.menu is None
