"""Outcomes applied on the GUI thread, the clerk panel that follows them, and the
log-out at the central: against a real central (or a port that never answers).
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.errors import Unauthorized
from kiosk.flows import Step
from tests.kiosk.flow_helpers import SESSION_LOGOUT, central_has
from tests.kiosk.kit import create_account
from tests.ui.ui_helpers import add_terminal, find_button, find_field, make_client, sms_code
from ui.background import runner
from ui.clerk_panel import ClerkPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77017654321"
EMAIL = "dana@mail.ru"
REPLY_TIMEOUT_MS = 15_000
GUI_RETURNS_S = 0.2
LOGOUT = "DELETE /api/v1/sessions/current"


@pytest.fixture
def hung_url() -> Iterator[str]:
    """A port that accepts connections and never answers (a hung central)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    return lambda: window.current_screen() is not None and window.current_screen().name == name


def log_in(qtbot: QtBot, window: Any, password: str) -> None:
    window.show_screen("login")
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Телефон или Email"), EMAIL)
    qtbot.keyClicks(find_field(screen, "Пароль"), password)
    qtbot.mouseClick(find_button(screen, "Войти"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "password_change"), timeout=REPLY_TIMEOUT_MS)


def test_log_out_tells_the_central(
    window: Any,
    qtbot: QtBot,
    sqlite_central: EmbeddedCentral,
    terminal_client: CentralClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    temporary = create_account(terminal_client, PHONE, EMAIL)
    log_in(qtbot, window, temporary)
    token = window.ctx.login._session.token
    caplog.set_level(logging.INFO, logger="kiosk.client")

    window.go_home()  # «Выйти», the idle wipe and «Отмена» all end here

    assert on_screen(window, "welcome")() and not window.ctx.login.logged_in
    qtbot.waitUntil(lambda: LOGOUT in caplog.text, timeout=REPLY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not runner().is_busy, timeout=REPLY_TIMEOUT_MS)
    if central_has(sqlite_central.url, SESSION_LOGOUT):
        with pytest.raises(Unauthorized):  # the token itself is refused now
            terminal_client.change_password(token, temporary, "Steppe_2024x")
    else:  # an older central: 404/405, tolerated
        assert f"{LOGOUT} -> 40" in caplog.text


def test_going_home_never_waits_for_a_hung_central(
    window: Any,
    qtbot: QtBot,
    terminal_client: CentralClient,
    hung_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    temporary = create_account(terminal_client, PHONE, EMAIL)
    log_in(qtbot, window, temporary)
    terminal_client.base_url = hung_url
    terminal_client.read_timeout_s = 1.0
    caplog.set_level(logging.INFO, logger="kiosk.client")

    started = time.monotonic()
    window.go_home()

    assert time.monotonic() - started < GUI_RETURNS_S
    assert on_screen(window, "welcome")()
    qtbot.waitUntil(lambda: "no answer" in caplog.text, timeout=REPLY_TIMEOUT_MS)


def test_an_answer_after_the_idle_wipe_is_dropped(
    make_window: Callable[..., Any], qtbot: QtBot, hung_url: str
) -> None:
    client = make_client(hung_url, "token", read_timeout_s=1.0)
    window = make_window(client)
    applied: list[object] = []
    window.outcome_applied.connect(applied.append)
    flow = window.ctx.registration
    assert flow.submit_details(EMAIL, "8 701 765 43 21", consent=True).ok
    window.follow(flow.step)
    qtbot.mouseClick(find_button(window, "Всё верно"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.busy)

    window.go_home()
    qtbot.waitUntil(lambda: not runner().is_busy, timeout=REPLY_TIMEOUT_MS)  # it came back

    assert on_screen(window, "welcome")()
    assert flow.step is Step.REGISTRATION and flow.last_error is None and flow.email is None
    assert applied == []
    client.close()


def register(qtbot: QtBot, window: Any, central: EmbeddedCentral, email: str, phone: str) -> None:
    flow = window.ctx.registration
    assert flow.submit_details(email, phone, consent=True).ok
    window.follow(flow.step)
    qtbot.mouseClick(find_button(window, "Всё верно"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=REPLY_TIMEOUT_MS)
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Код подтверждения"), sms_code(qtbot, central, phone))
    qtbot.mouseClick(find_button(screen, "Подтвердить код"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.step is Step.DONE, timeout=REPLY_TIMEOUT_MS)
    for name in ("check_details", "code_entry", "registration", "code_entry"):
        window.show_screen(name)  # screen changes are not what the panel follows
    window.go_home()


def test_the_clerk_panel_counts_each_registration_once(
    make_window: Callable[..., Any], qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    window = make_window(client)
    panel = ClerkPanel(None, "op-7")
    qtbot.addWidget(panel)
    window.outcome_applied.connect(panel.record)  # as ui.app.Shell connects it

    register(qtbot, window, sqlite_central, EMAIL, PHONE)
    register(qtbot, window, sqlite_central, "erlan@mail.ru", "+77011111121")

    # two clients whose masked phones look alike: both counted, each once
    assert panel.today_list.count() == 2
    assert all("+7 701 *** ** 21" in panel.today_list.item(i).text() for i in range(2))
    client.close()


def test_every_step_of_every_flow_has_its_screen() -> None:
    from kiosk.flows import LoginStep, ResetStep
    from ui.main_window import STEP_SCREENS
    from ui.screens import screen_class

    in_place = {"done": "code_entry", "password_changed": "password_change"}
    for step in [*Step, *LoginStep, *ResetStep]:
        screen = STEP_SCREENS[step]
        assert screen == in_place.get(step.value, step.value)
        found = screen_class(screen)
        assert found is not None and found.name == screen
