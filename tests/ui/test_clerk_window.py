"""The clerk's window on a branch monitor and through a shift (issue 14, findings 8, 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from tests.ui.test_app import clerk_shell
from tests.ui.test_registration_screens import CONSENT_CLERK_RU, click
from tests.ui.ui_helpers import find_button, find_field, visible_text
from ui.app import CLERK_WINDOW_SIZE_PX, Shell
from ui.main_window import show_fitted

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

BRANCH_MONITOR_FREE = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_the_clerk_window_fits_a_1366x768_monitor(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    show_fitted(window, CLERK_WINDOW_SIZE_PX, BRANCH_MONITOR_FREE)
    assert window.isMaximized(), "1100×800 does not fit 728 px: the window is maximised"
    window.showNormal()
    window.setGeometry(BRANCH_MONITOR_FREE)  # what maximised gives on that monitor
    click(qtbot, window, "Регистрация")
    screen = window.current_screen()
    QApplication.processEvents()
    assert window.height() == BRANCH_MONITOR_FREE.height()
    for label in ("Назад", "Зарегистрировать"):
        assert inside(find_button(screen, label), window), f"«{label}» below the edge"
    assert find_button(screen, CONSENT_CLERK_RU), "the clerk ticks it: it speaks of the client"
    assert "Прочитайте клиенту текст согласия" in visible_text(screen)


def test_a_shift_changes_operator_and_asks_before_closing(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    panel = window.findChild(object, "clerkPanel")
    qtbot.waitUntil(panel.change_operator_button.isVisible)  # shown once the loop runs

    click(qtbot, window, "Сменить оператора")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    assert window.frameGeometry().contains(dialog.frameGeometry()), "over the window, whole"
    qtbot.keyClicks(find_field(dialog, "Ваш идентификатор оператора"), "op-18")
    qtbot.mouseClick(find_button(dialog, "Начать смену"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert panel.operator_label.text() == "Оператор: op-18"
    assert window.ctx.registration.operator == "op-18"

    window.close()  # Alt+F4
    qtbot.waitUntil(lambda: window.close_question is not None and window.close_question.isVisible())
    assert window.isVisible()
    qtbot.mouseClick(
        find_button(window.close_question, "Продолжить работу"), Qt.MouseButton.LeftButton
    )
    assert window.isVisible()
    window.close()
    qtbot.waitUntil(lambda: window.close_question.isVisible())
    qtbot.mouseClick(
        find_button(window.close_question, "Завершить смену и закрыть"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not window.isVisible())
