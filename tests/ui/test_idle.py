"""Kiosk idle reset: an abandoned client's details are wiped from every screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.ui_helpers import find_field
from ui.idle import IdleWatcher
from ui.main_window import HOME_SCREEN

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

IDLE_S = 0.3
PROMPT_S = 0.4


def make_watcher(window: Any) -> IdleWatcher:
    return IdleWatcher(
        window,
        window,
        at_home=lambda: window.current_screen().name == HOME_SCREEN,
        timeout_s=IDLE_S,
        prompt_s=PROMPT_S,
    )


def test_an_idle_client_is_asked_then_everything_is_wiped(window: Any, qtbot: QtBot) -> None:
    window.show_screen("login")
    login = window.current_screen()
    qtbot.keyClicks(find_field(login, "Телефон или Email"), "dana@mail.ru")
    qtbot.keyClicks(find_field(login, "Пароль"), "Secret_1x")
    window.show_screen("password_change")
    change = window.current_screen()
    qtbot.keyClicks(find_field(change, "Новый пароль"), "Steppe_2024x")
    watcher = make_watcher(window)

    qtbot.waitUntil(watcher.is_prompting, timeout=3000)
    assert watcher.prompt.question.text() == "Вы ещё здесь?"
    assert "экран будет очищен" in watcher.prompt.countdown.text()
    with qtbot.waitSignal(watcher.wiped, timeout=3000):
        pass
    assert window.current_screen().name == HOME_SCREEN
    assert not watcher.is_prompting()
    for name in ("login", "password_change"):
        screen = window.screen_named(name)
        assert all(not f.text() for f in screen.findChildren(type(find_field(login, "Пароль"))))
    watcher.stop()


def test_answering_the_prompt_keeps_the_client_and_input_delays_it(
    window: Any, qtbot: QtBot
) -> None:
    window.show_screen("login")
    field = find_field(window.current_screen(), "Телефон или Email")
    qtbot.keyClicks(field, "dana@mail.ru")
    watcher = make_watcher(window)
    qtbot.waitUntil(watcher.is_prompting, timeout=3000)
    qtbot.mouseClick(watcher.prompt.stay, Qt.MouseButton.LeftButton)
    assert not watcher.is_prompting()
    assert window.current_screen().name == "login" and field.text() == "dana@mail.ru"

    # typing keeps pushing the prompt away: several idle periods pass without one
    for _ in range(4):
        qtbot.wait(int(IDLE_S * 1000 / 2))
        qtbot.keyClicks(field, "x")
        assert not watcher.is_prompting()
    assert field.text() == "dana@mail.ruxxxx"
    watcher.stop()


def test_nothing_happens_on_the_welcome_screen(window: Any, qtbot: QtBot) -> None:
    window.show_screen(HOME_SCREEN)
    watcher = make_watcher(window)
    prompted: list[bool] = []
    timeouts: list[bool] = []
    watcher.prompted.connect(lambda: prompted.append(True))
    watcher.timed_out.connect(lambda: timeouts.append(True))
    qtbot.waitUntil(lambda: len(timeouts) >= 2, timeout=5000)  # two idle periods went by
    assert prompted == [] and window.current_screen().name == HOME_SCREEN
    watcher.stop()
