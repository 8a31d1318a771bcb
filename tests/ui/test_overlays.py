"""Kiosk dialogs as in-window overlays (issue 14, finding 20): each opens inside the
main window (no window of its own), dims all of it, takes the taps meant for what is
under it, closes on Escape or «Отмена», and keeps its targets touch-sized."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.credentials import demo_credentials
from tests.ui.ui_helpers import find_button, find_field, visible_text
from ui import i18n
from ui.design import TOUCH_MIN_PX, contrast_ratio
from ui.idle import IdleWatcher, StillTherePrompt
from ui.kiosk_mode import AdminMenu, AdminPinDialog, KioskLock, OutboxOverlay
from ui.main_window import HOME_SCREEN
from ui.screens.success import SuccessDialog
from ui.widgets.overlay import Overlay

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ADMIN_PIN = "246810"
REPLY_TIMEOUT_MS = 10_000
FIT_SLACK_PX = 1
# the idle prompt: around its card the client's data must not stay readable
UNREADABLE_CONTRAST = 1.15


def kiosk(make_window: Any, terminal_client: Any, qtbot: QtBot) -> Any:
    """A kiosk window at 1366×768 on «Вход», active (the focus follows only there)."""
    window = make_window(terminal_client, kiosk_mode=True)
    window.resize(1366, 768)
    window.show_screen("login")
    window.activateWindow()
    with warnings.catch_warnings():  # the offscreen platform activates only this way
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


OVERLAYS: dict[str, Callable[[Any, Any], Overlay]] = {
    "success": lambda w, _o: SuccessDialog(w),
    "admin_pin": lambda w, _o: AdminPinDialog(lambda _pin: False, w),
    "admin_menu": lambda w, _o: AdminMenu(w),
    "idle": lambda w, _o: StillTherePrompt(w),
    "outbox": lambda w, o: OutboxOverlay(o, w),
}


def hex_of(image: Any, x: int, y: int) -> str:
    return str(image.pixelColor(x, y).name())


@pytest.mark.parametrize("name", list(OVERLAYS))
def test_a_kiosk_dialog_is_an_overlay_that_dims_the_window_and_blocks_taps_below(
    name: str, make_window: Any, terminal_client: Any, ui_outbox: Any, qtbot: QtBot
) -> None:
    window = kiosk(make_window, terminal_client, qtbot)
    screen = window.current_screen()
    login_field = find_field(screen, "Телефон или Email")
    overlay = OVERLAYS[name](window, ui_outbox)
    overlay.open()
    qtbot.waitUntil(overlay.isVisible)

    assert not overlay.isWindow(), "no window of its own: no title bar, no window manager"
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    assert overlay.geometry() == window.rect(), "the layer covers the whole window"
    card = overlay.card.geometry()
    assert window.rect().contains(card) and abs(card.center().x() - window.width() // 2) <= 1
    focus = QApplication.focusWidget()
    assert focus is not None and overlay.isAncestorOf(focus), "the focus is inside the card"

    # a tap on «Войти» below the layer does nothing; the header's «KZ» neither
    below = find_button(screen, "Войти")
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=below.mapTo(window, QPoint(5, 5)))
    kz = window.header.language_buttons["kk"]
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=kz.mapTo(window, QPoint(5, 5)))
    assert i18n.current_language() == "ru" and overlay.isVisible()
    assert window.current_screen() is screen and "Укажите" not in visible_text(screen)
    # keys stay in the card too: Tab never leads to the field under the layer
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not login_field

    # the layer is drawn: a pixel outside the card is darker than the page there
    image = window.grab().toImage()
    corner = hex_of(image, window.width() - 4, window.height() // 2)
    assert contrast_ratio(corner, "#f5f7fa") > 3, f"not dimmed: {corner}"

    # touch-sized and every text fits its widget
    for button in overlay.card.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.height() >= TOUCH_MIN_PX and button.width() >= TOUCH_MIN_PX, button.text()
            fits = button.fontMetrics().horizontalAdvance(button.text()) <= button.width()
            assert fits, button.text()
    for label in overlay.card.findChildren(QLabel):
        if label.isVisible() and label.text():
            need = label.heightForWidth(label.width()) if label.wordWrap() else -1
            assert need <= label.height() + FIT_SLACK_PX, label.text()
            if not label.wordWrap():
                assert label.sizeHint().width() <= label.width() + FIT_SLACK_PX, label.text()

    results: list[int] = []
    overlay.finished.connect(results.append)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert len(results) == 1 and window.current_screen() is screen


def test_cancel_closes_the_pin_overlay_and_the_kiosk_is_usable_again(
    make_window: Any, terminal_client: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    credentials = demo_credentials(tmp_path)
    credentials.set_admin_pin(ADMIN_PIN)
    window = kiosk(make_window, terminal_client, qtbot)
    lock = KioskLock(window, credentials.check_admin_pin, quit_app=lambda: None)
    lock.request_admin()
    dialog = lock.pin_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isWindow()
    qtbot.mouseClick(find_button(dialog, "Отмена"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    kz = window.header.language_buttons["kk"]
    qtbot.mouseClick(kz, Qt.MouseButton.LeftButton)
    assert i18n.current_language() == "kk", "taps reach the screen once the overlay closed"

    lock.request_admin()
    again = lock.pin_dialog
    assert again is not None
    for digit in ADMIN_PIN:
        qtbot.mouseClick(find_button(again, digit), Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter: «Құлпын ашу»
    qtbot.waitUntil(
        lambda: lock.menu is not None and lock.menu.isVisible(), timeout=REPLY_TIMEOUT_MS
    )
    assert lock.menu is not None and not lock.menu.isWindow()
    qtbot.mouseClick(find_button(lock.menu, "Жіберу кезегі"), Qt.MouseButton.LeftButton)
    outbox = lock.outbox_dialog
    assert outbox is not None and outbox.isVisible() and not outbox.isWindow()
    assert not lock.menu.isVisible()
    qtbot.mouseClick(find_button(outbox, "Жабу"), Qt.MouseButton.LeftButton)
    assert not outbox.isVisible()


def test_the_idle_prompt_leaves_the_clients_data_unreadable(
    make_window: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    window = kiosk(make_window, terminal_client, qtbot)
    qtbot.keyClicks(find_field(window.current_screen(), "Телефон или Email"), "dana@mail.ru")
    watcher = IdleWatcher(
        window,
        window,
        at_home=lambda: window.current_screen().name == HOME_SCREEN,
        timeout_s=0.2,
        prompt_s=60,
    )
    qtbot.waitUntil(watcher.is_prompting, timeout=3000)
    prompt = watcher.prompt
    image = window.grab().toImage()
    card = prompt.card.geometry()
    outside = [
        hex_of(image, x, y)
        for x in range(0, window.width(), 7)
        for y in range(0, window.height(), 7)
        if not card.adjusted(-2, -2, 2, 2).contains(x, y)
    ]
    darkest = min(outside, key=lambda c: contrast_ratio(c, "#ffffff"))
    lightest = max(outside, key=lambda c: contrast_ratio(c, "#ffffff"))
    assert contrast_ratio(darkest, lightest) < UNREADABLE_CONTRAST
    qtbot.mouseClick(find_button(prompt, "Да, продолжить"), Qt.MouseButton.LeftButton)
    assert not watcher.is_prompting()
    assert find_field(window.current_screen(), "Телефон или Email").text() == "dana@mail.ru"
    watcher.stop()


def test_clerk_mode_success_popup_is_centred_on_the_window(
    make_window: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    window = make_window(terminal_client)
    dialog = SuccessDialog(window)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    card = dialog.card.geometry()
    assert window.rect().contains(card)
    assert abs(card.center().x() - window.width() // 2) <= 1
    assert abs(card.center().y() - window.height() // 2) <= 1
    ok: QWidget = find_button(dialog, "Понятно")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.findChildren(SuccessDialog))


def test_the_clerks_start_of_shift_dialog_opens_centred_and_fully_on_screen(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ui.operator_dialog import OperatorDialog

    window = QMainWindow()
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    window.resize(600, 400)
    window.show()
    window.move(free.right() - 200, free.top() + 50)  # mostly off the right edge
    qtbot.waitUntil(lambda: window.geometry().left() > free.right() - 300)
    dialog = OperatorDialog(window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    assert free.contains(dialog.frameGeometry().topLeft())
    assert dialog.geometry().right() <= free.right()
    dialog.reject()

    window.move(free.left() + 40, free.top() + 40)
    qtbot.waitUntil(lambda: window.geometry().left() < free.left() + 100)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    centre = window.mapToGlobal(window.rect().center())
    assert abs(dialog.geometry().center().x() - centre.x()) <= 1
    dialog.reject()
