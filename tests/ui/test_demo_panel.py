"""Demo mode's phone and mailbox: what the central sends shows up live."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.api_types import RegistrationRequest
from kiosk.client import CentralClient
from kiosk.errors import UnexpectedResponse
from tests.kiosk.kit import create_account
from tests.ui.ui_helpers import find_button
from ui import i18n
from ui.demo_panel import DemoPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77051234567"
EMAIL = "erlan@gmail.com"
POLL_MS = 100
REPLY_TIMEOUT_MS = 15_000


def tap(qtbot: QtBot, root: Any, label: str) -> None:
    qtbot.mouseClick(find_button(root, label), Qt.MouseButton.LeftButton)


def test_the_panel_shows_a_new_sms_and_the_email_link_activates(
    terminal_client: CentralClient, qtbot: QtBot
) -> None:
    press = partial(terminal_client.dev_page, press=True)  # the page's button
    panel = DemoPanel(terminal_client.dev_messages, press, poll_interval_ms=POLL_MS)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: not panel._polling, timeout=REPLY_TIMEOUT_MS)
    assert panel.list.count() == 0

    started = terminal_client.register(
        RegistrationRequest(email=EMAIL, phone=PHONE, consent=True, locale="ru"),
        idempotency_key=str(uuid.uuid4()),
    )
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=REPLY_TIMEOUT_MS)
    item = panel.list.item(0)
    assert item is not None and item.text().startswith(f"СМС → {PHONE}")
    assert "Виктория: код" in panel.body.toPlainText()
    assert not find_button(panel, "Открыть ссылку активации").isEnabled()
    tap(qtbot, panel, "Копировать код")
    code = QApplication.clipboard().text()
    assert len(code) == 6 and code.isdigit() and code in panel.body.toPlainText()

    terminal_client.confirm(started.id, code)
    qtbot.waitUntil(
        lambda: any(m["channel"] == "email" for m in panel.messages()), timeout=REPLY_TIMEOUT_MS
    )
    email_row = next(i for i, m in enumerate(panel.messages()) if m["channel"] == "email")
    panel.list.setCurrentRow(email_row)
    tap(qtbot, panel, "Копировать временный пароль")
    temporary = QApplication.clipboard().text()
    assert temporary and temporary in panel.body.toPlainText()

    tap(qtbot, panel, "Открыть ссылку активации")
    qtbot.waitUntil(lambda: "На странице:" in panel.result.text(), timeout=REPLY_TIMEOUT_MS)
    assert "200" not in panel.result.text(), "a person reads the page, not its HTTP status"
    assert "Кабинет активирован" in panel.result.text()  # the page's heading, then its text
    assert "Есть вопросы" not in panel.result.text() and "Eng" not in panel.result.text()
    session = terminal_client.log_in(PHONE, temporary)  # activated: the login is accepted
    assert session.password_change_required
    i18n.set_language("kk")
    qtbot.waitUntil(lambda: "Беттегі мәтін:" in panel.result.text())
    assert "На странице" not in panel.result.text()
    panel.stop()


def test_a_new_sms_is_selected_so_its_code_can_be_copied(
    terminal_client: CentralClient, qtbot: QtBot
) -> None:
    panel = DemoPanel(
        terminal_client.dev_messages, terminal_client.dev_page, poll_interval_ms=POLL_MS
    )
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    create_account(terminal_client, PHONE, EMAIL)
    qtbot.waitUntil(
        lambda: any(m["channel"] == "email" for m in panel.messages()), timeout=REPLY_TIMEOUT_MS
    )
    email_row = next(i for i, m in enumerate(panel.messages()) if m["channel"] == "email")
    panel.list.setCurrentRow(email_row)  # the person reads the email
    assert not find_button(panel, "Копировать код").isEnabled()
    count = len(panel.messages())

    terminal_client.register(  # the next client: a new SMS with a code
        RegistrationRequest(email="dana@mail.ru", phone="+77017654321", consent=True),
        idempotency_key=str(uuid.uuid4()),
    )
    qtbot.waitUntil(lambda: len(panel.messages()) > count, timeout=REPLY_TIMEOUT_MS)

    assert panel.current() == panel.messages()[-1]
    tap(qtbot, panel, "Копировать код")
    assert QApplication.clipboard().text() in panel.messages()[-1]["body"]
    panel.stop()


def test_a_link_to_another_host_is_never_opened(terminal_client: CentralClient) -> None:
    with pytest.raises(UnexpectedResponse, match="not on this central"):
        terminal_client.dev_page("https://vic.example/activate/abc")
    status, page = terminal_client.dev_page(terminal_client.base_url + "/healthz")
    assert status == 200 and "ok" in page
