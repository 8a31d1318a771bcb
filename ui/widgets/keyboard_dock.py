"""The on-screen keyboard area of a kiosk screen: the right keyboard for the focused field.

A screen ``attach``es each field with the kind of keyboard it needs ("email",
"password" or "digits"); the dock shows that keyboard whenever the field has
the focus and types into it. It hides when the focus moves anywhere else (its
own keys never take the focus), so a page without input shows no keyboard.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.email_keyboard import EmailKeyboard
from ui.widgets.keypad import DigitKeypad

KeyboardKind = Literal["email", "password", "digits"]
DIGITS_WIDTH_PX = 480  # a phone-like keypad, not keys stretched across the screen


def _centred(board: QWidget, width_px: int) -> QWidget:
    page = QWidget()
    row = QHBoxLayout(page)
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    board.setMaximumWidth(width_px)
    row.addWidget(board, 100)
    row.addStretch(1)
    return page


class KeyboardDock(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.email = EmailKeyboard(self)
        self.password = EmailKeyboard(self, password=True)
        self.digits = DigitKeypad(self)
        self._stack = QStackedWidget(self)
        self._kinds: dict[QLineEdit, KeyboardKind] = {}
        self._boards: dict[KeyboardKind, QWidget] = {
            "email": self.email,
            "password": self.password,
            "digits": self.digits,
        }
        self._pages: dict[KeyboardKind, QWidget] = {
            "email": self.email,
            "password": self.password,
            "digits": _centred(self.digits, DIGITS_WIDTH_PX),
        }
        for page in self._pages.values():
            self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._stack.setVisible(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def attach(self, field: QLineEdit, kind: KeyboardKind) -> None:
        """Show the ``kind`` keyboard while ``field`` has the focus."""
        self._kinds[field] = kind

    def shown_kind(self) -> KeyboardKind | None:
        if not self._stack.isVisible():
            return None
        current = self._stack.currentWidget()
        return next((k for k, p in self._pages.items() if p is current), None)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # the window lost the focus (a dialog): keep the keyboard as it is
        if not isinstance(new, QLineEdit) or new not in self._kinds:
            self._stack.setVisible(False)  # keys never take the focus: it left the fields
            return
        kind = self._kinds[new]
        board = self._boards[kind]
        if isinstance(board, EmailKeyboard | DigitKeypad):
            board.bind(new)
        self._stack.setCurrentWidget(self._pages[kind])
        self._stack.setVisible(True)
