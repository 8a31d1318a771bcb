"""The account's life cycle at the terminal (issue 11), driven by visible labels
against a real central: closing the «Личный кабинет» from «Мои договоры», and
correcting the email of an account pending activation in clerk mode (with the
ID check) and at a kiosk (without it; the central decides)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.errors import InvalidCredentials
from tests.kiosk.flow_helpers import witness_sms
from tests.kiosk.kit import create_account
from tests.ui.test_app import clerk_shell
from tests.ui.ui_helpers import (
    add_terminal,
    dev_messages,
    find_button,
    find_field,
    make_client,
    sms_code,
    sms_to,
    visible_text,
)
from ui.app import Shell
from vic_rules.phone import mask_phone

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77015550011"
EMAIL = "saule@mail.ru"
TYPO_EMAIL = "saule@gmial.com"
PASSWORD = "Steppe_2024x"
REPLY_TIMEOUT_MS = 15_000
ID_BOX_RU = "Клиент предъявил удостоверение личности"


def click(qtbot: QtBot, root: Any, label: str) -> None:
    qtbot.mouseClick(find_button(root, label), Qt.MouseButton.LeftButton)


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    return lambda: window.current_screen() is not None and window.current_screen().name == name


def emails_to(central: EmbeddedCentral, address: str) -> list[dict[str, Any]]:
    return [m for m in dev_messages(central, address) if m["channel"] == "email"]


def active_account(client: CentralClient) -> None:
    """An activated account whose own password is ``PASSWORD``, every notice sent."""
    temporary = create_account(client, PHONE, EMAIL)
    session = client.log_in(EMAIL, temporary)
    client.change_password(session.token, temporary, PASSWORD)
    witness_sms(client)


def log_in(qtbot: QtBot, window: Any, login: str, password: str) -> None:
    window.go_home()
    click(qtbot, window, "Вход в личный кабинет")
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Телефон или Email"), login)
    qtbot.keyClicks(find_field(screen, "Пароль"), password)
    click(qtbot, screen, "Войти")


# -- closure -----------------------------------------------------------------------


def test_closing_the_account_ends_its_login_and_confirms_by_sms_and_email(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral, terminal_client: CentralClient
) -> None:
    active_account(terminal_client)
    sms_before, emails_before = (
        len(sms_to(sqlite_central, PHONE)),
        len(emails_to(sqlite_central, EMAIL)),
    )
    log_in(qtbot, window, EMAIL, PASSWORD)
    qtbot.waitUntil(on_screen(window, "contracts"), timeout=REPLY_TIMEOUT_MS)

    click(qtbot, window, "Закрыть «Личный кабинет»")
    assert on_screen(window, "account_closure")()
    screen = window.current_screen()
    text = visible_text(screen)
    assert "Вы выйдете из кабинета везде" in text
    assert "договоры страхования и заявления остаются в компании" in text
    assert "СМС и письмо" in text

    click(qtbot, screen, "Закрыть кабинет")  # no password typed: nothing is sent
    assert "Введите пароль, чтобы закрыть кабинет." in visible_text(screen)
    qtbot.keyClicks(find_field(screen, "Ваш пароль для подтверждения"), "Steppe_2024y")
    click(qtbot, screen, "Закрыть кабинет")
    qtbot.waitUntil(
        lambda: "Неверный пароль: «Личный кабинет» не закрыт" in visible_text(screen),
        timeout=REPLY_TIMEOUT_MS,
    )
    assert find_field(screen, "Ваш пароль для подтверждения").text() == ""
    assert window.ctx.login.logged_in, "a wrong password leaves the client logged in"

    click(qtbot, screen, "Отмена")
    assert on_screen(window, "contracts")()
    click(qtbot, window, "Закрыть «Личный кабинет»")
    qtbot.keyClicks(find_field(window.current_screen(), "Ваш пароль для подтверждения"), PASSWORD)
    click(qtbot, window, "Закрыть кабинет")
    qtbot.waitUntil(on_screen(window, "account_closed"), timeout=REPLY_TIMEOUT_MS)
    assert "«Личный кабинет» закрыт" in visible_text(window.current_screen())
    assert not window.ctx.login.logged_in, "the terminal forgot the session"

    qtbot.waitUntil(
        lambda: (
            len(sms_to(sqlite_central, PHONE)) > sms_before
            and len(emails_to(sqlite_central, EMAIL)) > emails_before
        ),
        timeout=REPLY_TIMEOUT_MS,
    )
    assert "closed" in sms_to(sqlite_central, PHONE)[-1]["body"]  # the account's language: en

    click(qtbot, window, "На главную")
    assert on_screen(window, "welcome")()
    log_in(qtbot, window, EMAIL, PASSWORD)
    login = window.current_screen()
    qtbot.waitUntil(
        lambda: "Неверный телефон, email или пароль" in visible_text(login),
        timeout=REPLY_TIMEOUT_MS,
    )
    assert on_screen(window, "login")()
    with pytest.raises(InvalidCredentials):
        terminal_client.log_in(PHONE, PASSWORD)


# -- email correction ------------------------------------------------------------------


def pending_with_typo(client: CentralClient) -> None:
    """A registration confirmed with a mistyped email: the account waits for an
    activation that never comes."""
    create_account(client, PHONE, TYPO_EMAIL, activate=False)
    witness_sms(client)


def register_again(qtbot: QtBot, window: Any) -> None:
    """The client tries again with the right email: the phone is taken."""
    window.go_home()
    flow = window.ctx.registration
    assert flow.submit_details(EMAIL, "8 701 555 00 11", consent=True).ok
    window.follow(flow.step)
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "already_registered"), timeout=REPLY_TIMEOUT_MS)


def confirm_by_code(qtbot: QtBot, window: Any, central: EmbeddedCentral, nth: int) -> None:
    qtbot.waitUntil(on_screen(window, "email_correction_code"), timeout=REPLY_TIMEOUT_MS)
    screen = window.current_screen()
    assert mask_phone(PHONE) in visible_text(screen)
    code = sms_code(qtbot, central, PHONE, nth=nth)
    qtbot.keyClicks(find_field(screen, "Код из СМС"), code)
    click(qtbot, screen, "Подтвердить код")
    qtbot.waitUntil(on_screen(window, "email_correction_done"), timeout=REPLY_TIMEOUT_MS)
    assert "Письмо для активации отправлено на новый адрес" in visible_text(window.current_screen())


def test_the_clerk_corrects_the_email_only_after_checking_the_id(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    pending_with_typo(client)
    typo_emails = len(emails_to(sqlite_central, TYPO_EMAIL))
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    panel = window.findChild(object, "clerkPanel")
    qtbot.waitUntil(panel.correct_email_button.isVisible)

    click(qtbot, window, "Исправить email неактивированного кабинета")
    assert on_screen(window, "email_correction")()
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Мобильный телефон, указанный при регистрации"), PHONE)
    qtbot.keyClicks(find_field(screen, "Правильный email"), EMAIL)
    sms_before = len(sms_to(sqlite_central, PHONE))
    click(qtbot, screen, "Получить код")  # the ID box is not ticked: nothing is sent
    assert "Проверьте удостоверение личности клиента" in visible_text(screen)
    assert on_screen(window, "email_correction")()
    assert len(sms_to(sqlite_central, PHONE)) == sms_before

    qtbot.mouseClick(find_button(screen, ID_BOX_RU), Qt.MouseButton.LeftButton)
    click(qtbot, screen, "Получить код")
    confirm_by_code(qtbot, window, sqlite_central, nth=sms_before + 1)

    qtbot.waitUntil(lambda: emails_to(sqlite_central, EMAIL) != [], timeout=REPLY_TIMEOUT_MS)
    assert "/activate/" in emails_to(sqlite_central, EMAIL)[-1]["body"]
    assert len(emails_to(sqlite_central, TYPO_EMAIL)) == typo_emails, "the old address: nothing"
    click(qtbot, window, "На главную")
    assert on_screen(window, "welcome")()
    client.close()


def test_at_a_kiosk_the_client_corrects_the_email_without_an_id_step(
    make_window: Callable[..., Any],
    qtbot: QtBot,
    sqlite_central: EmbeddedCentral,
    terminal_client: CentralClient,
) -> None:
    pending_with_typo(terminal_client)
    window = make_window(terminal_client, kiosk_mode=True)
    register_again(qtbot, window)
    sms_before = len(sms_to(sqlite_central, PHONE))

    click(qtbot, window, "Не пришло письмо для активации? Исправить email по коду из СМС")
    assert on_screen(window, "email_correction")()
    screen = window.current_screen()
    assert ID_BOX_RU not in [b.accessibleName() for b in screen.findChildren(QCheckBox) if
                             b.isVisible()]  # fmt: skip
    assert find_field(screen, "Правильный email").text() == EMAIL  # as typed at registration
    click(qtbot, screen, "Получить код")
    confirm_by_code(qtbot, window, sqlite_central, nth=sms_before + 1)
    qtbot.waitUntil(lambda: emails_to(sqlite_central, EMAIL) != [], timeout=REPLY_TIMEOUT_MS)


def test_a_kiosk_shows_the_centrals_refusal_for_an_activated_account(
    make_window: Callable[..., Any],
    qtbot: QtBot,
    sqlite_central: EmbeddedCentral,
    terminal_client: CentralClient,
) -> None:
    active_account(terminal_client)
    window = make_window(terminal_client, kiosk_mode=True)
    register_again(qtbot, window)
    sms_before = len(sms_to(sqlite_central, PHONE))

    click(qtbot, window, "Не пришло письмо для активации? Исправить email по коду из СМС")
    screen = window.current_screen()
    field = find_field(screen, "Правильный email")
    field.clear()
    qtbot.keyClicks(field, "saule.new@mail.ru")
    click(qtbot, screen, "Получить код")
    qtbot.waitUntil(
        lambda: "нет «Личного кабинета», ожидающего активации" in visible_text(screen),
        timeout=REPLY_TIMEOUT_MS,
    )
    assert on_screen(window, "email_correction")()
    assert len(sms_to(sqlite_central, PHONE)) == sms_before
