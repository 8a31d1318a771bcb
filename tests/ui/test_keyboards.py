"""On-screen keyboards and the layout that holds still (issue 14, findings 5 and 14).

A client at a kiosk has only these keys: «Далее»/«Готово» instead of Tab and
Enter, «+» for the phone, a Shift that shows it is on and goes off after one
capital, and keys and buttons that stay where the finger expects them.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_registration_screens import CONSENT_RU, click, on_screen
from tests.ui.ui_helpers import find_button, find_field
from ui.app import style_sheet
from ui.widgets.email_keyboard import EmailKeyboard
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.password_field import PasswordField

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def tap(qtbot: QtBot, root: QWidget, label: str) -> None:
    found = [b for b in root.findChildren(QPushButton) if b.accessibleName() == label]
    found = [b for b in found if b.isVisible()] or found
    assert len(found) == 1, f"expected one key {label!r}, found {len(found)}"
    qtbot.mouseClick(found[0], Qt.MouseButton.LeftButton)


def where(widget: QWidget) -> QPoint:
    """Where ``widget`` is in its window once every pending layout has run."""
    for _ in range(3):  # a layout change posts the next one
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return widget.mapTo(widget.window(), QPoint(0, 0))


def test_shift_shows_it_is_on_types_one_capital_and_no_key_moves(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = EmailKeyboard(password=True)
    qtbot.addWidget(keyboard)
    keyboard.bind(field)
    keyboard.show()
    before = {k: where(b) for k, b in keyboard.keys.items()}

    tap(qtbot, keyboard, "Заглавные буквы")

    assert keyboard.shift_button is not None and keyboard.shift_button.isChecked()
    assert keyboard.keys["q"].text() == "Q"
    assert {k: where(b) for k, b in keyboard.keys.items()} == before, "keys never slide"
    tap(qtbot, keyboard, "Q")
    tap(qtbot, keyboard, "w")
    assert field.text() == "Qw" and not keyboard.shift_button.isChecked()


def test_next_and_done_keys_move_on_and_submit(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    email, phone = QLineEdit(host), QLineEdit(host)
    submitted: list[str] = []
    phone.returnPressed.connect(lambda: submitted.append(phone.text()))
    dock = KeyboardDock(host)
    dock.attach(email, "email")
    dock.attach(phone, "phone", submit=True)
    layout = QVBoxLayout(host)
    for w in (email, phone, dock):
        layout.addWidget(w)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    email.setFocus()
    qtbot.waitUntil(lambda: dock.shown_kind() == "email")

    tap(qtbot, dock.email, "Далее")

    qtbot.waitUntil(lambda: phone.hasFocus() and dock.shown_kind() == "phone")
    for key in ("+", "7", "7", "0", "1"):
        tap(qtbot, dock.phone, key)
    assert phone.text() == "+7701"
    tap(qtbot, dock.phone, "Готово")
    assert submitted == ["+7701"]


def test_show_and_hide_keep_the_password_field_as_wide(qtbot: QtBot) -> None:
    field = PasswordField()
    qtbot.addWidget(field)
    field.setStyleSheet(style_sheet(kiosk_mode=True))
    field.resize(480, 60)
    field.show()
    where(field)
    width = field.line_edit.width()
    tap(qtbot, field, "Показать")
    where(field)
    assert field.is_revealed() and field.line_edit.width() == width
    tap(qtbot, field, "Скрыть")
    where(field)
    assert field.line_edit.width() == width


def test_registration_buttons_stay_put_at_a_kiosk(
    make_window: Any, terminal_client: Any, qtbot: QtBot
) -> None:
    window = make_window(terminal_client, kiosk_mode=True)
    window.resize(1366, 768)
    click(qtbot, window, "Регистрация")
    assert on_screen(window, "registration")()
    screen = window.current_screen()
    register = find_button(screen, "Зарегистрировать")
    email = find_field(screen, "Email")
    email.setFocus()
    qtbot.waitUntil(lambda: screen.keyboard.shown_kind() == "email")
    at = where(register)

    qtbot.mouseClick(find_button(screen, CONSENT_RU), Qt.MouseButton.LeftButton)  # kbd goes
    qtbot.waitUntil(lambda: screen.keyboard.shown_kind() is None)
    assert where(register) == at
    click(qtbot, window, "Зарегистрировать")  # problems appear under the fields
    assert on_screen(window, "registration")()
    assert where(register) == at


def test_messages_never_push_the_login_and_password_buttons(window: Any, qtbot: QtBot) -> None:
    window.resize(1366, 768)
    window.show_screen("login")
    login = window.current_screen()
    submit = find_button(login, "Войти")
    at = where(submit)
    click(qtbot, window, "Войти")  # nothing typed: a message appears above the buttons
    assert login.message.isVisible()
    assert where(submit) == at

    window.show_screen("password_change")
    screen = window.current_screen()
    change = find_button(screen, "Сменить пароль")
    at = where(change)
    qtbot.keyClicks(find_field(screen, "Новый пароль"), "short")
    qtbot.keyClicks(find_field(screen, "Повторите новый пароль"), "other")
    click(qtbot, window, "Сменить пароль")  # refused here: the unmet rules, line by line
    assert screen.message.isVisible()
    assert where(change) == at
