"""Kiosk mode: the window stays open until an employee enters the admin PIN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.credentials import demo_credentials
from tests.ui.ui_helpers import find_button, visible_text
from ui.kiosk_mode import KioskLock

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ADMIN_PIN = "246810"
REPLY_TIMEOUT_MS = 10_000


def tap(qtbot: QtBot, root: Any, label: str) -> None:
    qtbot.mouseClick(find_button(root, label), Qt.MouseButton.LeftButton)


def test_kiosk_window_refuses_to_close_until_the_admin_pin(
    make_window: Any, terminal_client: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    credentials = demo_credentials(tmp_path)
    credentials.set_admin_pin(ADMIN_PIN)
    window = make_window(terminal_client, kiosk_mode=True)
    quits: list[bool] = []
    lock = KioskLock(window, credentials.check_admin_pin, quit_app=lambda: quits.append(True))
    lock.apply()
    qtbot.waitUntil(window.isFullScreen)

    assert window.close() is False
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()

    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    dialog = lock.pin_dialog
    assert dialog is not None and dialog.isVisible()
    for digit in "1111":
        tap(qtbot, dialog, digit)
    tap(qtbot, dialog, "Разблокировать")
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=REPLY_TIMEOUT_MS)
    assert "Неверный PIN." in visible_text(dialog)
    assert lock.menu is None and window.close() is False

    for digit in ADMIN_PIN:
        tap(qtbot, dialog, digit)
    tap(qtbot, dialog, "Разблокировать")
    qtbot.waitUntil(
        lambda: lock.menu is not None and lock.menu.isVisible(), timeout=REPLY_TIMEOUT_MS
    )
    tap(qtbot, lock.menu, "Выйти из приложения")
    assert not window.isVisible()
    qtbot.waitUntil(lambda: quits == [True])


def test_five_taps_open_the_pin_dialog_and_cancel_keeps_the_kiosk(
    make_window: Any, terminal_client: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(terminal_client, kiosk_mode=True)
    lock = KioskLock(window, demo_credentials(tmp_path).check_admin_pin)
    lock.watch_secret_taps(window.header.brand)
    for _ in range(4):
        qtbot.mouseClick(window.header.brand, Qt.MouseButton.LeftButton)
    assert lock.pin_dialog is None
    qtbot.mouseClick(window.header.brand, Qt.MouseButton.LeftButton)
    assert lock.pin_dialog is not None and lock.pin_dialog.isVisible()
    tap(qtbot, lock.pin_dialog, "Отмена")
    assert not lock.pin_dialog.isVisible()
    assert window.close() is False and window.isVisible()
