"""Registration as a client does it: typing, tapping the Russian labels, reading SMS.

Every test drives the real main window on real flows against a real central
over loopback HTTP; the SMS code is read from the central's dev mailbox.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from tests.kiosk.flow_helpers import witness_sms
from tests.ui.ui_helpers import (
    add_terminal,
    find_button,
    find_field,
    make_client,
    sms_code,
    sms_to,
    visible_text,
)
from ui.background import runner
from ui.screens.success import SuccessDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77011234567"
EMAIL = "aigerim@mail.ru"
CODE_TTL_S = 300
CONSENT_RU = "Я даю согласие на обработку моих персональных данных"  # the kiosk's client
CONSENT_CLERK_RU = "Клиент даёт согласие на обработку персональных данных"
WARNING_RU = (
    "Внимание! Проверьте корректность ввода адреса электронной почты и номера мобильного телефона."
)


def click(qtbot: QtBot, window: Any, label: str) -> None:
    qtbot.mouseClick(find_button(window, label), Qt.MouseButton.LeftButton)


def on_screen(window: Any, name: str) -> Callable[[], bool]:
    return lambda: window.current_screen() is not None and window.current_screen().name == name


def fill_details(qtbot: QtBot, window: Any, email: str = EMAIL, phone: str = "87011234567") -> None:
    click(qtbot, window, "Регистрация")
    assert on_screen(window, "registration")()
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Email"), email)
    qtbot.keyClicks(find_field(screen, "Телефон"), phone)
    consent = CONSENT_RU if window.ctx.kiosk_mode else CONSENT_CLERK_RU
    qtbot.mouseClick(find_button(screen, consent), Qt.MouseButton.LeftButton)


def to_code_entry(qtbot: QtBot, window: Any) -> None:
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    qtbot.waitUntil(on_screen(window, "check_details"))
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=15_000)


def test_registration_form_shows_the_seed_labels_and_warning(window: Any, qtbot: QtBot) -> None:
    click(qtbot, window, "Регистрация")
    screen = window.current_screen()
    assert screen.name == "registration"
    text = visible_text(screen)
    assert WARNING_RU in text
    assert "Email" in text and "Телефон" in text
    find_button(screen, "Зарегистрировать")
    find_button(screen, "Назад")


def test_phone_is_formatted_as_typed_and_problems_are_explained(window: Any, qtbot: QtBot) -> None:
    click(qtbot, window, "Регистрация")
    screen = window.current_screen()
    phone = find_field(screen, "Телефон")
    qtbot.keyClicks(phone, "87011234567")
    assert phone.text() == "+7 701 123 45 67"
    qtbot.keyClicks(find_field(screen, "Email"), "aigerim@gmial.com")
    click(qtbot, window, "Зарегистрировать")
    assert window.current_screen().name == "registration"
    text = visible_text(screen)
    assert "согласие" in text.lower()
    find_button(screen, "Вы имели в виду aigerim@gmail.com?")
    click(qtbot, window, "Вы имели в виду aigerim@gmail.com?")
    assert find_field(screen, "Email").text() == "aigerim@gmail.com"


def test_an_ignored_suggestion_is_repeated_on_the_check_screen_with_a_one_tap_fix(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    fill_details(qtbot, window, email="aigerim@gmial.com")
    click(qtbot, window, "Зарегистрировать")  # past «Вы имели в виду …» without tapping it
    qtbot.waitUntil(on_screen(window, "check_details"))
    screen = window.current_screen()
    assert "Проверьте email: вы имели в виду aigerim@gmail.com?" in visible_text(screen)
    confirm = find_button(screen, "Всё верно")
    where = confirm.mapTo(window, confirm.rect().topLeft())

    click(qtbot, window, "Исправить на aigerim@gmail.com")

    assert "aigerim@gmail.com" in visible_text(screen) and "gmial" not in visible_text(screen)
    assert confirm.mapTo(window, confirm.rect().topLeft()) == where, "«Всё верно» stays put"
    click(qtbot, window, "Изменить")
    assert find_field(window.current_screen(), "Email").text() == "aigerim@gmail.com"
    click(qtbot, window, "Зарегистрировать")
    qtbot.waitUntil(on_screen(window, "check_details"))
    assert "вы имели в виду" not in visible_text(window.current_screen())
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=15_000)
    sms_code(qtbot, sqlite_central, PHONE)


def test_register_confirm_and_success_popup(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    to_code_entry(qtbot, window)
    screen = window.current_screen()
    assert "Осталось попыток: 5" in visible_text(screen)
    assert "+7 701 *** ** 67" in visible_text(screen)
    code = sms_code(qtbot, sqlite_central, PHONE)
    qtbot.keyClicks(find_field(screen, "Код подтверждения"), code)
    click(qtbot, window, "Подтвердить код")
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=15_000)
    dialog = _dialog()
    assert dialog is not None
    assert "«Личный кабинет» создан" in visible_text(dialog)
    assert "временным паролем" in visible_text(dialog)
    qtbot.mouseClick(find_button(dialog, "Понятно"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "welcome"))
    qtbot.waitUntil(lambda: not window.findChildren(SuccessDialog), timeout=5_000)


def test_wrong_code_shows_attempts_left(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    to_code_entry(qtbot, window)
    screen = window.current_screen()
    right = sms_code(qtbot, sqlite_central, PHONE)
    wrong = "000000" if right != "000000" else "111111"
    qtbot.keyClicks(find_field(screen, "Код подтверждения"), wrong)
    qtbot.keyClick(find_field(screen, "Код подтверждения"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Неверный код" in visible_text(screen), timeout=15_000)
    assert visible_text(screen).count("Осталось попыток: 4") == 1
    assert window.current_screen().name == "code_entry"


def test_a_burnt_code_no_longer_shows_how_long_it_is_valid(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    to_code_entry(qtbot, window)
    screen = window.current_screen()
    right = sms_code(qtbot, sqlite_central, PHONE)
    wrong = "000000" if right != "000000" else "111111"
    field = find_field(screen, "Код подтверждения")
    for left in (4, 3, 2, 1, 0):
        field.clear()
        qtbot.keyClicks(field, wrong)
        qtbot.keyClick(field, Qt.Key.Key_Return)

        def counted(n: int = left) -> bool:
            return f"Осталось попыток: {n}" in visible_text(screen)

        qtbot.waitUntil(counted)
    assert "больше не действует" in visible_text(screen)
    assert "Код действителен" not in visible_text(screen)


def test_an_expired_code_is_explained_and_a_new_one_can_be_asked(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    to_code_entry(qtbot, window)
    screen = window.current_screen()
    code = sms_code(qtbot, sqlite_central, PHONE)
    assert sqlite_central.app is not None
    sqlite_central.app.state.clock.advance(CODE_TTL_S + 1)
    qtbot.keyClicks(find_field(screen, "Код подтверждения"), code)
    click(qtbot, window, "Подтвердить код")
    qtbot.waitUntil(lambda: "Срок действия кода истёк" in visible_text(screen), timeout=15_000)
    assert on_screen(window, "code_entry")()
    assert find_button(screen, "Отправить код повторно") is not None


def test_existing_account_leads_to_already_registered(
    make_window: Callable[..., Any],
    qtbot: QtBot,
    sqlite_central: EmbeddedCentral,
    terminal_client: CentralClient,
) -> None:
    window = make_window(terminal_client)
    to_code_entry(qtbot, window)
    code = sms_code(qtbot, sqlite_central, PHONE)
    qtbot.keyClicks(find_field(window.current_screen(), "Код подтверждения"), code)
    click(qtbot, window, "Подтвердить код")
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=15_000)
    dialog = _dialog()
    assert dialog is not None
    qtbot.mouseClick(find_button(dialog, "Понятно"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "welcome"))
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "already_registered"), timeout=15_000)
    screen = window.current_screen()
    assert "уже есть" in visible_text(screen)
    assert find_button(screen, "Задать новый пароль по коду из СМС").isEnabled()
    assert len(sms_to(sqlite_central, PHONE)) == 2  # code + notice; none for the 2nd attempt


def test_central_down_saves_offline(
    make_window: Callable[..., Any], qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    window = make_window(client)
    sqlite_central.stop()
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "saved_offline"), timeout=15_000)
    screen = window.current_screen()
    assert "сохранен" in visible_text(screen)
    assert "+7 701 123 45 67" in visible_text(screen)
    assert window.deps.outbox.counts()
    client.close()


def test_language_switch_relabels_the_open_screen(window: Any, qtbot: QtBot) -> None:
    click(qtbot, window, "Регистрация")
    screen = window.current_screen()
    find_button(screen, "Зарегистрировать")
    click(qtbot, window, "Қазақша")
    qtbot.waitUntil(lambda: _has_button(screen, "Тіркелу"))
    assert "Телефон" in visible_text(screen)
    click(qtbot, window, "English")
    qtbot.waitUntil(lambda: _has_button(screen, "Register"))
    assert "Phone" in visible_text(screen)
    assert window.deps.registration.locale == "en"
    click(qtbot, window, "Русский")
    qtbot.waitUntil(lambda: _has_button(screen, "Зарегистрировать"))


def test_double_click_sends_one_registration(
    window: Any, qtbot: QtBot, sqlite_central: EmbeddedCentral
) -> None:
    fill_details(qtbot, window)
    register = find_button(window, "Зарегистрировать")
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "check_details"))
    confirm = find_button(window, "Всё верно")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=15_000)
    runner().wait_for_done()
    sms_code(qtbot, sqlite_central, PHONE)
    witness_sms(window.deps.client)  # every SMS queued before it has gone
    assert len(sms_to(sqlite_central, PHONE)) == 1


@pytest.fixture
def silent_port() -> Iterator[str]:
    """A local port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_gui_stays_responsive_while_the_central_does_not_answer(
    make_window: Callable[..., Any], qtbot: QtBot, silent_port: str
) -> None:
    client = make_client(silent_port, "token", read_timeout_s=3.0)
    window = make_window(client)
    fill_details(qtbot, window)
    click(qtbot, window, "Зарегистрировать")
    click(qtbot, window, "Всё верно")
    screen = window.current_screen()
    assert screen.busy
    assert not find_button(screen, "Всё верно").isEnabled()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=2000)
    timer.stop()
    assert screen.busy and window.current_screen() is screen
    qtbot.waitUntil(lambda: not screen.busy, timeout=15_000)
    client.close()


def _dialog() -> SuccessDialog | None:
    """The success popup: an overlay inside the window, never a window of its own."""
    found = [
        w
        for top in QApplication.topLevelWidgets()
        for w in top.findChildren(SuccessDialog)
        if w.isVisible()
    ]
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    return found[0] if found else None


def _has_button(root: Any, label: str) -> bool:
    try:
        find_button(root, label)
    except AssertionError:
        return False
    return True


def test_central_down_and_outbox_full_asks_for_an_employee(
    qtbot: QtBot, sqlite_central: EmbeddedCentral, tmp_path: Path
) -> None:
    from kiosk.outbox import Outbox
    from ui.app import make_dependencies
    from ui.main_window import MainWindow

    client = make_client(sqlite_central.url, add_terminal(sqlite_central))
    with Outbox(tmp_path / "full.db", os.urandom(32), capacity=0) as full:
        window = MainWindow(make_dependencies(client, full))
        qtbot.addWidget(window)
        window.show()
        sqlite_central.stop()
        fill_details(qtbot, window)
        click(qtbot, window, "Зарегистрировать")
        click(qtbot, window, "Всё верно")
        screen = window.current_screen()
        assert screen is not None
        qtbot.waitUntil(lambda: "обратитесь к сотруднику" in visible_text(screen), timeout=15_000)
        assert on_screen(window, "check_details")()
        assert full.counts()["pending"] == 0
        runner().wait_for_done()
    client.close()


def test_each_registration_screen_says_which_step_of_three(window: Any, qtbot: QtBot) -> None:
    fill_details(qtbot, window)
    assert "Шаг 1 из 3" in visible_text(window.current_screen())
    click(qtbot, window, "Зарегистрировать")
    assert "Шаг 2 из 3" in visible_text(window.current_screen())
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=15_000)
    assert "Шаг 3 из 3" in visible_text(window.current_screen())
