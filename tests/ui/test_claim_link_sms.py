"""«Отправить ссылку по СМС» on the open claim page, by its Russian label, against
a real central: the SMS reaches the dev mailbox with a new link, the QR code
shows that link (the old one is refused), a photo sent to it appears on the
page; a double tap sends one SMS, the button never moves; the hourly cap and a
lost connection are each one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from tests.central.claims_support import Client, claims_settings, make_client, png
from tests.central.conftest import Api
from tests.ui.test_claim_screens import EMAIL, PHONE, POLL_TIMEOUT_MS, REPLY_TIMEOUT_MS, file_claim
from tests.ui.test_login_screens import click
from tests.ui.ui_helpers import add_terminal, find_button, visible_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SEND = "Отправить ссылку по СМС"
SENT = "Ссылка отправлена по СМС на +7\u00a0701\u00a0***\u00a0**\u00a067."  # on one line


@pytest.fixture
def sqlite_central(sqlite_url: str, tmp_path: Path) -> Iterator[EmbeddedCentral]:
    with EmbeddedCentral(claims_settings(sqlite_url, tmp_path)) as running:
        yield running


@pytest.fixture
def holder(sqlite_central: EmbeddedCentral) -> Client:
    api = Api(sqlite_central.url, add_terminal(sqlite_central))
    return make_client(sqlite_central, api, PHONE, EMAIL)


def link_smses(central: EmbeddedCentral) -> list[dict[str, Any]]:
    answer = requests.get(f"{central.url}/dev/messages", params={"to": PHONE}, timeout=10)
    return [m for m in answer.json()["messages"] if m["kind"] == "claim_upload_link_sms"]


def place(widget: QWidget, page: QWidget) -> QPoint:
    return widget.mapTo(page, QPoint(0, 0))


def test_the_link_by_sms_replaces_the_qr_and_a_photo_sent_to_it_appears(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    page = file_claim(qtbot, window)
    qtbot.waitUntil(lambda: page.qr.text() != "", timeout=REPLY_TIMEOUT_MS)
    button = find_button(page, SEND)
    qtbot.waitUntil(button.isEnabled, timeout=REPLY_TIMEOUT_MS)
    old_link, where = page.qr.text(), place(button, page)

    button.click()
    button.click()  # a double tap
    qtbot.waitUntil(lambda: SENT in visible_text(page), timeout=REPLY_TIMEOUT_MS)
    [sms] = link_smses(sqlite_central)
    assert sms["body"].startswith("Виктория: добавьте фото к заявлению УБ-")
    new_link = page.qr.text()
    assert new_link not in ("", old_link)
    assert new_link in sms["body"]
    qtbot.wait(50)  # the layout runs
    assert place(find_button(page, SEND), page) == where  # the button did not move

    assert requests.get(old_link, timeout=10).status_code == 410  # the old QR's link is dead
    sent = requests.post(new_link, files=[("file", ("bumper.png", png(), "image/png"))], timeout=10)
    assert sent.status_code == 200, sent.text
    qtbot.waitUntil(lambda: page.documents.count() == 1, timeout=POLL_TIMEOUT_MS)
    assert page.documents.texts()[0][0] == "bumper.png"


def test_the_cap_and_a_lost_connection_are_each_one_sentence(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    page = file_claim(qtbot, window)
    button = find_button(page, SEND)
    for n in range(1, 4):  # the central's default cap: 3 an hour
        qtbot.waitUntil(button.isEnabled, timeout=REPLY_TIMEOUT_MS)
        click(qtbot, window, SEND)

        def sent(n: int = n) -> bool:
            return len(link_smses(sqlite_central)) == n

        qtbot.waitUntil(sent, timeout=REPLY_TIMEOUT_MS)
    qtbot.waitUntil(button.isEnabled, timeout=REPLY_TIMEOUT_MS)
    click(qtbot, window, SEND)
    qtbot.waitUntil(lambda: "несколько раз" in page.sms_note.text(), timeout=REPLY_TIMEOUT_MS)
    assert page.sms_note.text() == (
        "Ссылку по этому заявлению уже несколько раз отправили по СМС за этот час. "
        "Отправить снова можно через 60 мин, а пока отсканируйте QR-код."
    )
    assert len(link_smses(sqlite_central)) == 3

    sqlite_central.stop()
    try:
        click(qtbot, window, SEND)
        qtbot.waitUntil(lambda: "Нет связи" in page.sms_note.text(), timeout=REPLY_TIMEOUT_MS)
        assert page.sms_note.text() == (
            "Нет связи со страховой компанией: СМС не отправлено. Повторите попытку."
        )
    finally:
        sqlite_central.restart()
