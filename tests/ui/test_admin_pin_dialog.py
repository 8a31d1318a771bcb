"""The kiosk's PIN dialog: wrong PINs count across cancel and reopen, and the
lock-out is shown as a translated wait, with the right PIN refused meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.admin_pin import PIN_FREE_TRIES, AdminPin
from kiosk.credentials import demo_credentials
from tests.kiosk.outbox_helpers import Clock
from tests.ui.ui_helpers import find_button, visible_text
from ui.kiosk_mode import KioskLock

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
