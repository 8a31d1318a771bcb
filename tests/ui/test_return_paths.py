"""Ways back and onward that lost people (issue 14, findings 12, 13, 16).

Each test drives the real window on real flows against a real central by the
labels a client reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.client import CentralClient
from kiosk.flows.login import LoginFlow
from kiosk.flows.registration import RegistrationFlow
from kiosk.outbox import Outbox
from tests.kiosk.kit import create_account
from tests.ui.test_login_screens import log_in
from tests.ui.test_registration_screens import click, fill_details, on_screen
from tests.ui.ui_helpers import find_button, find_field, no_config, visible_text
from ui import i18n
from ui.main_window import Dependencies, MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77011234567"  # fill_details' phone
EMAIL = "aigerim@mail.ru"
REPLY_TIMEOUT_MS = 15_000


def test_log_in_from_already_registered_carries_the_login_over(
    window: Any, terminal_client: CentralClient, qtbot: QtBot
) -> None:
    create_account(terminal_client, PHONE, EMAIL)
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "already_registered"), timeout=REPLY_TIMEOUT_MS)

    click(qtbot, window, "Войти")

    assert on_screen(window, "login")()
    screen = window.current_screen()
    assert find_field(screen, "Телефон или Email").text() == EMAIL
    password = find_field(screen, "Пароль")
    assert screen.focusWidget() is password, "only the password is left to type"
    window.go_home()
    click(qtbot, window, "Вход в личный кабинет")
    assert find_field(window.current_screen(), "Телефон или Email").text() == ""


def test_password_changed_has_log_out(
    window: Any, terminal_client: CentralClient, qtbot: QtBot
) -> None:
    temporary = create_account(terminal_client, PHONE, EMAIL)
    log_in(qtbot, window, EMAIL, temporary)
    qtbot.waitUntil(on_screen(window, "password_change"), timeout=REPLY_TIMEOUT_MS)
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Новый пароль"), "Steppe_2024x")
    qtbot.keyClicks(find_field(screen, "Повторите новый пароль"), "Steppe_2024x")
    click(qtbot, window, "Сменить пароль")
    qtbot.waitUntil(screen.is_done, timeout=REPLY_TIMEOUT_MS)
    assert "Пароль изменён" in visible_text(screen)

    click(qtbot, window, "Выйти")

    assert on_screen(window, "welcome")() and not window.ctx.login.logged_in


def test_a_kiosk_greets_the_next_client_in_its_own_language(
    qtbot: QtBot, tmp_path: Path, terminal_client: CentralClient, ui_outbox: Outbox
) -> None:
    config = no_config(tmp_path)
    assert config.default_locale == "ru"
    window = MainWindow(
        Dependencies(
            registration=RegistrationFlow(terminal_client, ui_outbox),
            login=LoginFlow(terminal_client),
            client=terminal_client,
            outbox=ui_outbox,
            config=config,
            kiosk_mode=True,
        )
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    click(qtbot, window, "Регистрация")
    click(qtbot, window, "English")
    assert i18n.current_language() == "en"
    qtbot.waitUntil(lambda: labelled(window, "Back"))

    click(qtbot, window, "Back")  # the client leaves

    assert on_screen(window, "welcome")() and i18n.current_language() == "ru"
    qtbot.waitUntil(lambda: labelled(window, "Регистрация"))


def labelled(window: Any, label: str) -> bool:
    try:
        find_button(window, label)
    except AssertionError:
        return False
    return True
