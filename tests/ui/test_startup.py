"""What a client sees while the terminal opens: the welcome screen at once, a tap
kept until the terminal is ready, a failure said in one sentence.

The opener is the real one (``open_terminal`` on a real local central, a file
keyring) held back by a ``threading.Event``, so "still opening" lasts as long as
the test needs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Registration
from central.server import EmbeddedCentral
from kiosk.config import KioskConfig
from kiosk.credentials import Credentials
from kiosk.terminal import open_terminal
from tests.ui.test_registration_screens import click, on_screen
from tests.ui.ui_helpers import (
    START_TIMEOUT_MS,
    add_terminal,
    find_button,
    find_field,
    no_config,
    sms_to,
    visible_text,
)
from ui import i18n
from ui.app import Shell
from ui.startup import OpenedTerminal
from ui.widgets.busy_button import BusyButton

HELD_MS = 300  # long enough for a tap to be lost, were it lost
PHONE = "+77011234567"


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Set it to let the held opener finish; set at teardown in any case."""
    event = threading.Event()
    yield event
    event.set()


def held_opener(
    tmp_path: Path, central: EmbeddedCentral, gate: threading.Event
) -> Callable[[KioskConfig], OpenedTerminal]:
    """``ui.startup.open_for`` with a file keyring, waiting for ``gate`` first."""
    keyring = PlaintextKeyring()
    keyring.file_path = str(tmp_path / "keyring.cfg")
    token = add_terminal(central)

    def opener(cfg: KioskConfig) -> OpenedTerminal:
        assert gate.wait(30), "the test never let the terminal open"
        creds = Credentials(cfg.terminal_name, keyring)
        creds.set_terminal_token(token)
        terminal = open_terminal(cfg, creds)
        return OpenedTerminal(terminal=terminal, sync=terminal.sync_worker())

    return opener


def clerk_config(tmp_path: Path, central: EmbeddedCentral) -> KioskConfig:
    return replace(
        no_config(tmp_path), demo=False, mode="clerk", central_url=central.url,
        terminal_name="Окно 3",
    )  # fmt: skip


def start_shift(qtbot: QtBot, operator: str) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.keyClicks(find_field(dialog, "Ваш идентификатор оператора"), operator)
    qtbot.mouseClick(find_button(dialog, "Начать смену"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_the_welcome_screen_is_painted_before_the_terminal_opens(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral,
    gate: threading.Event, shells: list[Shell],
) -> None:  # fmt: skip
    config = clerk_config(tmp_path, sqlite_central)
    shell = Shell(config, opener=held_opener(tmp_path, sqlite_central, gate))
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    qtbot.waitExposed(window)
    qtbot.wait(HELD_MS)
    assert not shell.is_open
    assert on_screen(window, "welcome")()
    assert "Личный кабинет" in visible_text(window)
    assert "Открываем терминал…" in visible_text(window.status_line)
    start_shift(qtbot, "op-5")  # the clerk types while the terminal opens

    gate.set()
    qtbot.waitUntil(lambda: shell.is_open, timeout=START_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.status_line.is_online() is True, timeout=10_000)
    assert "Открываем терминал" not in visible_text(window.status_line)
    assert "Оператор: op-5" in visible_text(window)


def test_a_tap_on_registration_while_opening_goes_on_once_open_and_sends_once(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral,
    gate: threading.Event, shells: list[Shell],
) -> None:  # fmt: skip
    shell = Shell(clerk_config(tmp_path, sqlite_central),
                  opener=held_opener(tmp_path, sqlite_central, gate))  # fmt: skip
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    start_shift(qtbot, "op-9")
    shown: list[str] = []
    window.screen_changed.connect(shown.append)
    welcome = window.screen_named("welcome")
    register = find_button(window, "Регистрация")
    assert isinstance(register, BusyButton)
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find_button(window, "Вход в личный кабинет"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(welcome, Qt.Key.Key_Return)
    assert register.is_busy() and not register.isEnabled()
    qtbot.wait(HELD_MS)
    assert on_screen(window, "welcome")(), "nothing can go on before the terminal is open"

    gate.set()
    qtbot.waitUntil(on_screen(window, "registration"), timeout=START_TIMEOUT_MS)
    assert shown == ["registration"], "the kept tap opened the form once, and only it"
    assert not register.is_busy() and register.isEnabled()
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Email"), "aigerim@mail.ru")
    qtbot.keyClicks(find_field(screen, "Телефон"), "87011234567")
    click(qtbot, window, "Клиент даёт согласие на обработку персональных данных")
    click(qtbot, window, "Зарегистрировать")
    qtbot.waitUntil(on_screen(window, "check_details"))
    click(qtbot, window, "Всё верно")
    qtbot.waitUntil(on_screen(window, "code_entry"), timeout=15_000)
    qtbot.waitUntil(lambda: len(sms_to(sqlite_central, PHONE)) >= 1, timeout=15_000)
    with Session(sqlite_central.engine) as db:
        operators = db.scalars(select(Registration.operator)).all()
    assert operators == ["op-9"], "one registration, with the shift's operator"
    assert len(sms_to(sqlite_central, PHONE)) == 1


def test_a_failed_opening_drops_a_kept_tap_and_leaves_nothing_usable(
    qtbot: QtBot, tmp_path: Path, gate: threading.Event, shells: list[Shell]
) -> None:
    from kiosk.errors import Unreachable

    def opener(_cfg: KioskConfig) -> OpenedTerminal:
        gate.wait(30)
        raise Unreachable("The central cannot be reached: check the network cable.")

    config = replace(no_config(tmp_path), demo=False, mode="kiosk")
    shell = Shell(config, opener=opener)
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    assert window.isFullScreen(), "the kiosk is locked from the first paint"
    click(qtbot, window, "Регистрация")
    gate.set()
    qtbot.waitUntil(lambda: window.problem is not None, timeout=START_TIMEOUT_MS)
    qtbot.wait(50)
    assert window.current_screen() is None
    # the window says it in its language; the operator's English detail is in the log only
    assert "Нет связи с центральным сервером." in visible_text(window)
    assert "network cable" not in visible_text(window)
    assert "Регистрация" not in [w.accessibleName() for w in _visible_buttons(window)]
    assert shell.lock is not None and shell.lock.exit_allowed, "Close can end it"


def test_a_kiosk_without_an_admin_pin_refuses_after_its_first_paint(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    sqlite_central: EmbeddedCentral, shells: list[Shell],
) -> None:  # fmt: skip
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    config = replace(no_config(tmp_path), demo=False, mode="kiosk", central_url=sqlite_central.url)
    shell = Shell(config)  # the real ui.startup.open_for
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    assert window.isFullScreen() and shell.lock is not None
    qtbot.waitUntil(lambda: window.problem is not None, timeout=START_TIMEOUT_MS)
    assert "У этого киоска не задан PIN-код администратора" in visible_text(window)
    assert "This kiosk" not in visible_text(window), "said in the window's language"
    assert window.current_screen() is None and not shell.is_open
    assert "Терминал не открылся" in visible_text(window.status_line)
    i18n.set_language("kk")
    qtbot.waitUntil(lambda: "әкімші PIN-коды орнатылмаған" in visible_text(window))


def _visible_buttons(root: Any) -> list[Any]:
    from PySide6.QtWidgets import QAbstractButton

    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()]


@pytest.mark.parametrize(
    ("failure", "ru", "kk"),
    [
        ("outbox_lost", "Очередь отправки удалена или очищена.", "Жіберу кезегі жойылған"),
        ("no_keyring", "нет рабочего хранилища ключей", "кілттер қоймасы жоқ"),
        ("os", "Папка данных терминала недоступна.", "деректер қалтасын пайдалану"),
    ],
)
def test_start_up_failures_are_said_in_the_windows_language_and_logged_for_the_operator(
    failure: str, ru: str, kk: str, qtbot: QtBot, tmp_path: Path, shells: list[Shell],
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    from kiosk.credentials import NoKeyringBackend
    from kiosk.outbox.errors import OutboxLost

    raised: dict[str, BaseException] = {
        "outbox_lost": OutboxLost(tmp_path / "outbox.db", 3, "2026-12-01"),
        "no_keyring": NoKeyringBackend("no keyring backend is available: install one"),
        "os": PermissionError(13, "Permission denied", str(tmp_path / "data")),
    }

    def opener(_cfg: KioskConfig) -> OpenedTerminal:
        raise raised[failure]

    config = replace(no_config(tmp_path), demo=False, mode="kiosk")
    shell = Shell(config, opener=opener)
    shells.append(shell)
    shell.start()
    window: Any = shell.window
    qtbot.waitUntil(lambda: window.problem is not None, timeout=START_TIMEOUT_MS)
    shown = visible_text(window)
    assert ru in shown
    assert str(raised[failure]) not in shown and str(tmp_path) not in shown
    assert str(raised[failure]) in caplog.text, "the operator's detail is in the log"
    i18n.set_language("kk")
    qtbot.waitUntil(lambda: kk in visible_text(window))
    assert ru not in visible_text(window)
