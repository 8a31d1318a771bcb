"""Kiosk mode: the window stays open until an employee enters the admin PIN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.credentials import demo_credentials
from tests.ui.ui_helpers import find_button, visible_text
from ui.app import style_sheet
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


def test_clerk_outbox_panel_retries_and_drops_after_a_confirmation(
    ui_outbox: Any, qtbot: QtBot
) -> None:
    from kiosk.api_types import RegistrationRequest
    from ui.clerk_panel import OutboxPanel

    first = ui_outbox.capture(
        RegistrationRequest(email="a@mail.ru", phone="+77011112233", consent=True)
    )
    ui_outbox.capture(RegistrationRequest(email="b@mail.ru", phone="+77014445566", consent=True))
    panel = OutboxPanel(ui_outbox)
    qtbot.addWidget(panel)
    panel.show()
    counts: list[int] = []
    panel.count_changed.connect(counts.append)
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=REPLY_TIMEOUT_MS)
    assert "+7 701" in panel.list.item(0).text() and "a@mail.ru" not in panel.list.item(0).text()

    panel.list.setCurrentRow(0)
    tap(qtbot, panel, "Повторить")
    qtbot.waitUntil(lambda: panel.retry.isEnabled(), timeout=REPLY_TIMEOUT_MS)
    tap(qtbot, panel, "Удалить")
    assert panel.list.count() == 2  # the first press only asks for a confirmation
    tap(qtbot, panel, "Подтвердить удаление")
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=REPLY_TIMEOUT_MS)
    assert all(e.id != first for e in ui_outbox.entries())
    assert counts[-1] == 1


def drag(qtbot: QtBot, target: Any, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger's drag as Qt sees it from a touch screen: press, moves, release."""

    def send(kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
        global_at = QPointF(target.mapToGlobal(at))
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(
            target, QMouseEvent(kind, QPointF(at), global_at, left, buttons, none)
        )

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for n in range(1, steps + 1):
        qtbot.wait(16)
        send(QEvent.Type.MouseMove, start + (end - start) * n / steps, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def touch_window(make_window: Any, client: Any) -> Any:
    """A kiosk's main window as a client sees it: kiosk style, 1280x1024."""
    window = make_window(client, kiosk_mode=True)
    window.setStyleSheet(style_sheet(kiosk_mode=True))
    window.resize(1280, 1024)
    return window


def test_kiosk_registration_form_scrolls_under_a_finger(
    make_window: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    window = touch_window(make_window, terminal_client)
    window.resize(1366, 768)  # the form fits 1280×1024 whole now: a short kiosk scrolls
    tap(qtbot, window, "Регистрация")
    screen = window.current_screen()
    bar = screen.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    viewport = screen.form_scroll.viewport()
    bottom = QPoint(viewport.width() // 2, viewport.height() - 20)
    drag(qtbot, viewport, bottom, bottom - QPoint(0, 300))
    qtbot.waitUntil(lambda: bar.value() > 0)


def test_kiosk_password_rules_sit_under_their_title(
    make_window: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    window = touch_window(make_window, terminal_client)
    window.show_screen("password_change")
    screen = window.screen_named("password_change")
    title, rules = screen.rules_title, screen.checklist
    qtbot.waitUntil(lambda: rules.isVisible() and rules.height() > 0)
    gap_px = rules.geometry().top() - title.geometry().bottom()
    assert 0 < gap_px <= 12, f"{gap_px} px between the title and its first rule"


def test_a_retried_entry_goes_at_once_not_at_the_workers_next_look(
    ui_outbox: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    """«Повторить» makes the entry due and wakes the sync worker: the clerk sees it
    delivered in seconds, not after the worker's idle minute."""
    from kiosk.api_types import RegistrationRequest
    from kiosk.outbox import SyncWorker
    from ui.clerk_panel import OutboxPanel

    entry = ui_outbox.capture(
        RegistrationRequest(email="a@mail.ru", phone="+77011112233", consent=True)
    )
    ui_outbox.defer_all(3600)  # as after a failed try: due in an hour
    worker = SyncWorker(ui_outbox, terminal_client, probe_interval_s=60, idle_interval_s=60)
    worker.start()
    try:
        qtbot.wait(1000)  # the worker has looked, found nothing due, and sleeps its minute
        assert ui_outbox.get(entry).state == "pending"
        panel = OutboxPanel(ui_outbox, retried=worker.wake)
        qtbot.addWidget(panel)
        panel.show()
        panel.reload()
        qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=REPLY_TIMEOUT_MS)
        panel.list.setCurrentRow(0)
        tap(qtbot, panel, "Повторить")
        qtbot.waitUntil(lambda: ui_outbox.get(entry).state == "delivered", timeout=15_000)
    finally:
        worker.stop()
