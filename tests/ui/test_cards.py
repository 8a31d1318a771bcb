"""Cards for contracts and claims, and empty states that say what to do (issue 14, Look 19).

A client logs in at a real central over loopback and reads «Мои договоры» and
«Мои заявления» as cards, by their visible Russian text: an account with no
contracts and no claims is told so in a sentence with what to do (no heading
over nothing, no empty table), a claim's card opens the claim wherever it is
tapped, and at a kiosk the cards scroll under a finger while the action bar
stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScroller
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from central.core.security import hash_password
from central.models import Account
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from tests.central.claims_support import PASSWORD, Client, claims_settings, make_client
from tests.central.conftest import Api
from tests.ui.test_login_screens import click, log_in, on_screen
from tests.ui.ui_helpers import add_terminal, find_button, visible_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77015550011"
EMAIL = "saule@mail.ru"
REPLY_TIMEOUT_MS = 15_000


@pytest.fixture
def sqlite_central(sqlite_url: str, tmp_path: Path) -> Iterator[EmbeddedCentral]:
    with EmbeddedCentral(claims_settings(sqlite_url, tmp_path)) as running:
        yield running


def account_without_contracts(central: EmbeddedCentral) -> None:
    """An active account that bought nothing yet (its password is not temporary)."""
    with Session(central.engine) as db, db.begin():
        db.add(
            Account(
                email=EMAIL, email_key=EMAIL, phone=PHONE, locale="ru", status="active",
                source="terminal", password_hash=hash_password(PASSWORD),
                password_is_temporary=False,
            )
        )  # fmt: skip


def contracts_screen(qtbot: QtBot, window: Any) -> Any:
    log_in(qtbot, window, EMAIL, PASSWORD)
    qtbot.waitUntil(on_screen(window, "contracts"), timeout=REPLY_TIMEOUT_MS)
    return window.current_screen()


def test_an_account_without_contracts_or_claims_is_told_what_to_do(
    window: Any, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    account_without_contracts(sqlite_central)
    contracts = contracts_screen(qtbot, window)
    qtbot.waitUntil(contracts.empty.isVisible, timeout=REPLY_TIMEOUT_MS)
    shown = visible_text(contracts)
    assert "У вас пока нет договоров страхования с нами." in shown
    assert "vic.kz" in shown and "отделени" in shown  # where a policy is bought
    for heading in ("Действующие договоры", "Ранее заключенные договоры"):
        assert heading not in shown  # no heading over nothing
    assert contracts.contracts_shown("active") == [] == contracts.contracts_shown("past")

    click(qtbot, window, "Мои заявления")
    qtbot.waitUntil(on_screen(window, "claim_list"), timeout=REPLY_TIMEOUT_MS)
    listing = window.current_screen()
    qtbot.waitUntil(listing.empty.isVisible, timeout=REPLY_TIMEOUT_MS)
    assert "Заявлений нет." in visible_text(listing)
    assert listing.claims_shown() == []
    click(qtbot, window, "Заявить о страховом случае")  # the empty state's action
    assert on_screen(window, "contracts")()  # where each active contract has its button


def test_cards_show_every_contract_and_a_claim_card_opens_its_claim(
    make_window: Callable[..., Any],
    terminal_client: CentralClient,
    sqlite_central: EmbeddedCentral,
    qtbot: QtBot,
) -> None:
    api = Api(sqlite_central.url, add_terminal(sqlite_central))
    holder: Client = make_client(sqlite_central, api, PHONE, EMAIL)
    filed = holder.new_claim(kind="theft", description="Кража велосипеда у подъезда.")
    number = filed["number"]

    window = make_window(terminal_client, kiosk_mode=True)
    contracts = contracts_screen(qtbot, window)
    qtbot.waitUntil(lambda: contracts.contracts_shown("past") != [], timeout=REPLY_TIMEOUT_MS)
    [active] = contracts.contracts_shown("active")
    [past] = contracts.contracts_shown("past")
    assert active[:3] == [holder.contract, "Действует", "ОГПО ВТС"]
    assert past[:2] == [f"{holder.contract}-OLD", "Истёк"]
    cards = contracts.active_cards.cards + contracts.past_cards.cards
    assert len({card.width() for card in cards}) == 1  # one width for every card
    scroll = contracts.cards_scroll
    assert QScroller.hasScroller(scroll.viewport())  # a finger drags them (kiosk mode)

    click(qtbot, window, "Мои заявления")
    qtbot.waitUntil(on_screen(window, "claim_list"), timeout=REPLY_TIMEOUT_MS)
    listing = window.current_screen()
    qtbot.waitUntil(lambda: listing.claims_shown() != [], timeout=REPLY_TIMEOUT_MS)
    [card_texts] = listing.claims_shown()
    assert card_texts[:3] == [number, "Подано", "Кража"]
    assert holder.contract in card_texts
    card = find_button(listing, number)
    assert card.height() >= 48
    # a tap away from the number (on the contract fact, bottom right) opens it too
    spot = QPoint(card.width() - 80, card.height() - 12)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    assert number in window.current_screen().title.text()

    click(qtbot, window, "Мои заявления")  # and from the keyboard: Enter on the card
    qtbot.waitUntil(lambda: listing.claims_shown() != [], timeout=REPLY_TIMEOUT_MS)
    card = find_button(listing, number)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert on_screen(window, "claim_view")(), "Enter opened the card, not «Мои договоры»"
