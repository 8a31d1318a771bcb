"""The clerk's «Регистраций сегодня» as a clerk relies on it (issue 14, findings 2, 3, 7).

The assembled clerk app against a real central: registrations finished at the
terminal are listed, an offline one turns to its delivered outcome by itself
(no «Обновить»), a client who already had an account is told by SMS, and the
list is still there after the app is restarted the same day.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from tests.kiosk.kit import create_account
from tests.ui.test_app import clerk_shell
from tests.ui.test_outcomes_and_logout import register
from tests.ui.test_registration_screens import click, fill_details, on_screen
from tests.ui.ui_helpers import add_terminal, make_client, sms_to
from ui.app import Shell

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

EXISTING_PHONE = "+77011234567"  # fill_details' phone
EXISTING_EMAIL = "aigerim@mail.ru"
NEW_PHONE = "+77017654321"
REPLY_TIMEOUT_MS = 15_000
DELIVERY_TIMEOUT_MS = 30_000


def day_lines(window: Any) -> list[str]:
    panel = window.findChild(object, "clerkPanel")
    assert panel is not None
    return [panel.today_list.item(i).text() for i in range(panel.today_list.count())]


def test_the_day_list_follows_outcomes_and_the_outbox_and_survives_a_restart(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    create_account(client, EXISTING_PHONE, EXISTING_EMAIL)
    client.close()
    sms_before = len(sms_to(sqlite_central, EXISTING_PHONE))
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=True)

    register(qtbot, window, sqlite_central, "dana@mail.ru", NEW_PHONE)
    qtbot.waitUntil(lambda: any("зарегистрирован" in t for t in day_lines(window)))
    assert "+7 701 *** ** 21" in day_lines(window)[0]

    sqlite_central.stop()
    fill_details(qtbot, window)  # the client who already has an account, while offline
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "saved_offline"), timeout=REPLY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "сохранено, будет отправлено" in day_lines(window)[0])

    sqlite_central.start()  # nobody presses «Обновить»
    told = "уже зарегистрирован: сообщили по СМС и email"
    qtbot.waitUntil(lambda: told in day_lines(window)[0], timeout=DELIVERY_TIMEOUT_MS)
    sms = sms_to(sqlite_central, EXISTING_PHONE)[sms_before:]
    assert len(sms) == 1 and "уже есть «Личный кабинет»" in sms[0]["body"]
    panel = window.findChild(object, "clerkPanel")
    assert panel.today_title.text() == "Регистраций сегодня: 2"

    before = day_lines(window)
    assert shells[0].window is not None
    shells[0].window.close_now()
    shells[0].shutdown()
    again = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    qtbot.waitUntil(lambda: day_lines(again) == before, timeout=REPLY_TIMEOUT_MS)
