"""The on-screen keyboard area of a kiosk screen: the right keyboard for the focused field.

A screen ``attach``es each field with the kind of keyboard it needs ("email",
"password", "phone" or "digits"); the dock shows that keyboard whenever the
field has the focus and types into it. When the focus moves anywhere else (its
own keys never take the focus) the keys give way to an empty panel of the same
height: the dock stays docked, so nothing above it moves. A keyboard that hid
used to lift the action bar ~300 px, and the next tap missed «Зарегистрировать».
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

KeyboardKind = Literal["email", "password", "phone", "digits"]
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
        self.phone = DigitKeypad(self, plus=True)
        self._stack = QStackedWidget(self)
        self._kinds: dict[QLineEdit, tuple[KeyboardKind, bool]] = {}
        self._boards: dict[KeyboardKind, EmailKeyboard | DigitKeypad] = {
            "email": self.email,
            "password": self.password,
            "phone": self.phone,
            "digits": self.digits,
        }
        self._pages: dict[KeyboardKind, QWidget] = {
            "email": self.email,
            "password": self.password,
            "phone": _centred(self.phone, DIGITS_WIDTH_PX),
            "digits": _centred(self.digits, DIGITS_WIDTH_PX),
        }
        self._rest = QWidget()  # no field focused: as tall as the keyboards (the stack's hint)
        self._stack.addWidget(self._rest)
        for page in self._pages.values():
            self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._stack.setCurrentWidget(self._rest)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def attach(self, field: QLineEdit, kind: KeyboardKind, *, submit: bool = False) -> None:
        """Show the ``kind`` keyboard while ``field`` has the focus; ``submit``: its
        enter key is «Готово» (the form's last field), else «Далее»."""
        self._kinds[field] = (kind, submit)

    def shown_kind(self) -> KeyboardKind | None:
        current = self._stack.currentWidget()
        return next((k for k, p in self._pages.items() if p is current), None)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # the window lost the focus (a dialog): keep the keyboard as it is
        if not isinstance(new, QLineEdit) or new not in self._kinds:
            self._stack.setCurrentWidget(self._rest)  # keys never take the focus: it left
            return
        kind, submit = self._kinds[new]
        fields = list(self._kinds)
        after = fields.index(new) + 1
        following = fields[after] if after < len(fields) else None
        self._boards[kind].bind(new, submit=submit, following=following)
        self._stack.setCurrentWidget(self._pages[kind])
