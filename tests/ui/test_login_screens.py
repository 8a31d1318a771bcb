"""Login, the forced password change and the contracts, as a client does them.

The account is made the way a client makes it (register, SMS code, email link,
temporary password from the email) against a real central over loopback; the
screens are driven by their Russian labels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account
from central.models import Contract as ContractRow
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from tests.kiosk.kit import create_account, wait_for_messages
from tests.ui.ui_helpers import find_button, find_field, visible_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77017654321"
EMAIL = "dana@mail.ru"
NEW_PASSWORD = "Steppe_2024x"
REPLY_TIMEOUT_MS = 15_000


def click(qtbot: QtBot, window: Any, label: str) -> None:
    qtbot.mouseClick(find_button(window, label), Qt.MouseButton.LeftButton)


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    return lambda: window.current_screen() is not None and window.current_screen().name == name


def add_contracts(central: EmbeddedCentral, phone: str) -> None:
    """An expired and an active policy, as the insurer's back office holds them."""
    today = date.today()
    with Session(central.engine) as session, session.begin():
        account = session.scalars(select(Account).where(Account.phone == phone)).one()
        session.add_all(
            [
                ContractRow(
                    account_id=account.id,
                    number="OGPO-2023-0001",
                    product="ОГПО ВТС",
                    starts_on=today - timedelta(days=700),
                    ends_on=today - timedelta(days=335),
                    premium_amount=Decimal("18500.00"),
                ),
                ContractRow(
                    account_id=account.id,
                    number="OGPO-2024-0002",
                    product="ОГПО ВТС",
                    starts_on=today - timedelta(days=30),
                    ends_on=today + timedelta(days=335),
                    premium_amount=Decimal("1219250.50"),
                ),
            ]
        )


def log_in(qtbot: QtBot, window: Any, login: str, password: str) -> Any:
    window.show_screen("login")
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Телефон или Email"), login)
    qtbot.keyClicks(find_field(screen, "Пароль"), password)
    click(qtbot, window, "Войти")
    return screen


def test_temporary_password_forces_a_change_then_shows_the_contracts(
    window: Any, terminal_client: CentralClient, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    temporary = create_account(terminal_client, PHONE, EMAIL)
    add_contracts(sqlite_central, PHONE)

    log_in(qtbot, window, "8 701 765 43 21", temporary)
    qtbot.waitUntil(on_screen(window, "password_change"), timeout=REPLY_TIMEOUT_MS)
    screen = window.current_screen()
    new, repeat = find_field(screen, "Новый пароль"), find_field(screen, "Повторите новый пароль")
    assert "Требования для пароля:" in visible_text(screen)

    # the procedure's own example password is refused before anything is sent
    qtbot.keyClicks(new, "Ag-15!d44")
    qtbot.keyClicks(repeat, "Ag-15!d44")
    assert not screen.checklist.is_met("forbidden_password")
    click(qtbot, window, "Сменить пароль")
    assert "Не пароль из примера" in screen.message.text()
    assert not screen.is_done()

    # each rule ticks on the keystroke that satisfies it
    new.clear()
    repeat.clear()
    ticks = {
        "s": "missing_lower",
        "S": "missing_upper",
        "2": "missing_digit",
        "_": "missing_special",
    }
    for char in "sS2_tepp":
        qtbot.keyClicks(new, char)
        if char in ticks:
            assert screen.checklist.is_met(ticks[char]), (new.text(), ticks[char])
    assert screen.checklist.is_met("too_short")
    assert not screen.checklist.is_met("mismatch")
    qtbot.keyClicks(repeat, "sS2_tepp")
    assert screen.checklist.all_met()

    click(qtbot, window, "Сменить пароль")
    qtbot.waitUntil(screen.is_done, timeout=REPLY_TIMEOUT_MS)
    assert "Пароль успешно изменён." in visible_text(screen)
    assert new.text() == "" and repeat.text() == ""
    assert len(wait_for_messages(terminal_client, EMAIL, 2, "email")) >= 2  # the change notice

    click(qtbot, window, "Мои договоры")
    qtbot.waitUntil(on_screen(window, "contracts"))
    contracts = window.current_screen()
    qtbot.waitUntil(lambda: contracts.contracts_shown("active") != [], timeout=REPLY_TIMEOUT_MS)
    [active] = contracts.contracts_shown("active")  # one card per contract
    assert active[:3] == ["OGPO-2024-0002", "Действует", "ОГПО ВТС"]
    assert "Страховая премия" in active and "1\u00a0219\u00a0250,50\u00a0₸" in active
    [past] = contracts.contracts_shown("past")
    assert past[:3] == ["OGPO-2023-0001", "Истёк", "ОГПО ВТС"]
    assert "Действующие договоры" in visible_text(contracts)
    find_button(contracts, "Заявить о страховом случае")  # on the active card only

    click(qtbot, window, "Выйти")
    assert on_screen(window, "welcome")()
    assert contracts.contracts_shown("active") == [] and contracts.contracts_shown("past") == []


def test_a_wrong_password_is_explained_and_the_form_stays(
    window: Any, terminal_client: CentralClient, qtbot: QtBot
) -> None:
    create_account(terminal_client, PHONE, EMAIL)
    screen = log_in(qtbot, window, EMAIL, "Wrong_pass1")
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=REPLY_TIMEOUT_MS)
    assert "Неверный телефон, email или пароль" in screen.message.text()
    assert on_screen(window, "login")()
    assert find_button(window, "Войти").isEnabled()


def test_an_account_not_yet_activated_is_told_to_open_the_email_link(
    window: Any, terminal_client: CentralClient, qtbot: QtBot
) -> None:
    temporary = create_account(terminal_client, PHONE, EMAIL, activate=False)
    screen = log_in(qtbot, window, PHONE, temporary)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=REPLY_TIMEOUT_MS)
    assert "ещё не активирован" in screen.message.text()
    assert "по ссылке" in screen.message.text()
    assert on_screen(window, "login")()


def test_login_asks_for_the_login_before_sending_anything(window: Any, qtbot: QtBot) -> None:
    window.show_screen("login")
    screen = window.current_screen()
    click(qtbot, window, "Войти")
    assert screen.message.text() == "Введите телефон или email."
