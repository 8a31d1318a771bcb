"""The password reset by SMS code, as a client does it at the terminal (contract v1.1).

«Забыли пароль?» → the login → «Код из СМС» with the new password and its live
checklist → «Пароль изменён». The steps that talk to the central need its v1.1
endpoint; where the central does not declare it in ``/openapi.json`` they are
skipped, saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from tests.kiosk.flow_helpers import PASSWORD_RESET_CONFIRM, central_has, witness_sms
from tests.kiosk.kit import create_account
from tests.ui.ui_helpers import find_button, find_field, sms_code, sms_to, visible_text
from ui.widgets.password_checklist import rule_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77017654321"
EMAIL = "dana@mail.ru"
NEW_PASSWORD = "Steppe_2024x"
REPLY_TIMEOUT_MS = 15_000


def click(qtbot: QtBot, root: Any, label: str) -> None:
    qtbot.mouseClick(find_button(root, label), Qt.MouseButton.LeftButton)


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    return lambda: window.current_screen() is not None and window.current_screen().name == name


def need_v1_1(central: EmbeddedCentral) -> None:
    if not central_has(central.url, PASSWORD_RESET_CONFIRM):
        pytest.skip("the central has no password reset by SMS code yet (contract v1.1)")


def test_forgot_password_opens_the_reset_with_the_login_typed(window: Any, qtbot: QtBot) -> None:
    window.show_screen("login")
    qtbot.keyClicks(find_field(window.current_screen(), "Телефон или Email"), EMAIL)

    click(qtbot, window, "Забыли пароль?")

    assert on_screen(window, "password_reset")()
    screen = window.current_screen()
    assert find_field(screen, "Телефон или Email").text() == EMAIL
    find_field(screen, "Телефон или Email").clear()
    click(qtbot, window, "Получить код")
    assert "Введите телефон или email." in visible_text(screen)
    assert on_screen(window, "password_reset")()
    click(qtbot, window, "Назад")
    assert on_screen(window, "login")()


def test_a_reset_by_sms_code_sets_the_new_password(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral, terminal_client: CentralClient
) -> None:
    need_v1_1(sqlite_central)
    create_account(terminal_client, PHONE, EMAIL)
    witness_sms(terminal_client)  # the account's own SMS (code, notice) have all gone out
    sms_before = len(sms_to(sqlite_central, PHONE))
    window.show_screen("login")
    qtbot.keyClicks(find_field(window.current_screen(), "Телефон или Email"), "8 701 765 43 21")
    click(qtbot, window, "Забыли пароль?")
    click(qtbot, window, "Получить код")
    qtbot.waitUntil(on_screen(window, "reset_code"), timeout=REPLY_TIMEOUT_MS)
    screen = window.current_screen()
    assert "+7 701 765 43 21" in visible_text(screen)
    code = sms_code(qtbot, sqlite_central, PHONE, nth=sms_before + 1)

    qtbot.keyClicks(find_field(screen, "Код из СМС"), code)
    new, repeat = find_field(screen, "Новый пароль"), find_field(screen, "Повторите новый пароль")
    qtbot.keyClicks(new, "steppe2024")
    assert not screen.checklist.is_met("missing_upper")
    qtbot.keyClicks(repeat, "steppe2024")
    click(qtbot, screen, "Установить новый пароль")
    assert "Этот пароль нельзя использовать" in visible_text(screen)
    # each refused rule after the checklist's crossed-circle icon, not a font's «✗»
    refused = screen.message.accessibleName().splitlines()[1:]
    assert rule_text("missing_upper") in refused
    assert "✗" not in visible_text(screen) and screen.message.text().count("<img") == len(refused)

    new.clear()
    repeat.clear()
    qtbot.keyClicks(new, NEW_PASSWORD)
    qtbot.keyClicks(repeat, NEW_PASSWORD)
    assert screen.checklist.all_met()
    click(qtbot, screen, "Установить новый пароль")
    qtbot.waitUntil(on_screen(window, "reset_done"), timeout=REPLY_TIMEOUT_MS)
    assert "Пароль изменён" in visible_text(window.current_screen())

    click(qtbot, window, "Войти")
    assert on_screen(window, "login")()
    login = window.current_screen()
    qtbot.keyClicks(find_field(login, "Телефон или Email"), EMAIL)
    qtbot.keyClicks(find_field(login, "Пароль"), NEW_PASSWORD)
    click(qtbot, login, "Войти")
    qtbot.waitUntil(
        lambda: window.current_screen().name in ("contracts", "password_change"),
        timeout=REPLY_TIMEOUT_MS,
    )


def test_an_existing_account_can_reset_from_the_registration(
    make_window: Callable[..., Any],
    qtbot: QtBot,
    sqlite_central: EmbeddedCentral,
    terminal_client: CentralClient,
) -> None:
    need_v1_1(sqlite_central)
    create_account(terminal_client, PHONE, EMAIL)
    window = make_window(terminal_client)
    flow = window.ctx.registration
    assert flow.submit_details(EMAIL, "8 701 000 11 22", consent=True).ok
    window.follow(flow.step)
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "already_registered"), timeout=REPLY_TIMEOUT_MS)

    click(qtbot, window, "Задать новый пароль по коду из СМС")

    qtbot.waitUntil(on_screen(window, "reset_code"), timeout=REPLY_TIMEOUT_MS)
    assert EMAIL in visible_text(window.current_screen())
