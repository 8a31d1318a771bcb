"""An on-screen keyboard for free text at a touch kiosk: Russian, Kazakh and Latin.

The email keyboard types addresses and passwords only; a claim's place and its
"what happened" are sentences in Russian or Kazakh. This keyboard has the
Russian ЙЦУКЕН rows with Kazakh's nine letters above them, a switch to Latin
letters, digits, the punctuation of an address or a description, a space bar,
a Shift key and (for a multi-line field) a new-line key. It types into a
``QLineEdit`` or ``QPlainTextEdit``; its keys never take the focus.

``TextKeyboardDock`` shows it while an attached text field has the focus and a
phone-like keypad (``DigitKeypad``) for fields attached as "digits".
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.icons import key_icon
from ui.widgets.keypad import DigitKeypad

KEY_SIZE_PX = 48  # the touch minimum
KEY_SPACING_PX = 4
KEY_FONT_PT = 15
KEY_ICON_PX = 22  # ⌫, Shift, new line: an icon of ui/icons as tall as a capital
KEY_PADDING_PX = 24
DIGITS_WIDTH_PX = 480
SPACE_WIDTH_KEYS = 6
CYRILLIC_ROWS: tuple[str, ...] = ("әіңғүұқөһ", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё")
LATIN_ROWS: tuple[str, ...] = ("", "qwertyuiop", "asdfghjkl", "zxcvbnm")
DIGITS = "1234567890"
PUNCTUATION: tuple[str, ...] = (".", ",", "-", "/", "№", "(", ")", ":", "?", "!")

TextField = QLineEdit | QPlainTextEdit
DockKind = Literal["text", "digits"]


class TextKeyboard(QWidget):
    """Types into the bound field (``bind``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: TextField | None = None
        self._latin = False
        self._shift = False
        self.keys: dict[str, QPushButton] = {}
        self._letter_keys: list[tuple[QPushButton, int, int]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(KEY_SPACING_PX)
        digits = self._row(outer)
        for char in DIGITS:
            digits.addWidget(self._key(char, char))
        self.backspace_button = self._key("backspace", "⌫", wide=True)
        key_icon(self.backspace_button, "delete", KEY_ICON_PX)
        digits.addWidget(self.backspace_button)
        digits.addStretch(1)
        width = max(len(r) for r in CYRILLIC_ROWS)
        for row_index in range(len(CYRILLIC_ROWS)):
            row = self._row(outer)
            if row_index == len(CYRILLIC_ROWS) - 1:
                self.shift_button = self._key("shift", "⇧", wide=True)
                key_icon(self.shift_button, "arrow-big-up", KEY_ICON_PX)
                self.shift_button.setCheckable(True)
                row.addWidget(self.shift_button)
            for column in range(width):
                button = self._key(f"letter:{row_index}:{column}", "")
                row.addWidget(button)
                self._letter_keys.append((button, row_index, column))
            row.addStretch(1)
        last = self._row(outer)
        self.layout_button = self._key("layout", "ABC", wide=True)
        last.addWidget(self.layout_button)
        for mark in PUNCTUATION[:5]:
            last.addWidget(self._key(mark, mark))
        self.space_button = self._key("space", "", wide=True)
        self.space_button.setMinimumWidth(KEY_SIZE_PX * SPACE_WIDTH_KEYS)
        last.addWidget(self.space_button)
        for mark in PUNCTUATION[5:]:
            last.addWidget(self._key(mark, mark))
        self.newline_button = self._key("newline", "↵", wide=True)
        key_icon(self.newline_button, "corner-down-left", KEY_ICON_PX)
        last.addWidget(self.newline_button)
        last.addStretch(1)
        self._relabel()
        self.retranslate()

    def _row(self, outer: QVBoxLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(KEY_SPACING_PX)
        row.addStretch(1)
        outer.addLayout(row)
        return row

    def _key(self, key: str, label: str, *, wide: bool = False) -> QPushButton:
        button = QPushButton(label, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = button.font()
        font.setPointSize(KEY_FONT_PT)
        button.setFont(font)
        text_px = QFontMetrics(font).horizontalAdvance(label) + KEY_PADDING_PX
        button.setMinimumSize(max(KEY_SIZE_PX * (2 if wide else 1), text_px), KEY_SIZE_PX)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(label)
        button.clicked.connect(lambda _=False, k=key: self._press(k))
        self.keys[key] = button
        return button

    def letter(self, row: int, column: int) -> str:
        """The letter on a key now (Cyrillic or Latin, Shift applied); "" for none."""
        rows = LATIN_ROWS if self._latin else CYRILLIC_ROWS
        text = rows[row][column] if column < len(rows[row]) else ""
        return text.upper() if self._shift else text

    def _relabel(self) -> None:
        for button, row, column in self._letter_keys:
            text = self.letter(row, column)
            button.setText(text)
            button.setAccessibleName(text)
            button.setVisible(bool(text))
        self.layout_button.setText("АБВ" if self._latin else "ABC")
        self.shift_button.setChecked(self._shift)

    def retranslate(self) -> None:
        """Set the translated names (call on a language change)."""
        self.space_button.setAccessibleName(self.tr("Space"))
        self.backspace_button.setAccessibleName(self.tr("Delete last character"))
        self.newline_button.setAccessibleName(self.tr("New line"))
        self.shift_button.setAccessibleName(self.tr("Capital letters"))
        self.layout_button.setAccessibleName(self.tr("Other alphabet"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def bind(self, field: TextField | None) -> None:
        self._target = field
        self.newline_button.setEnabled(isinstance(field, QPlainTextEdit))

    def _press(self, key: str) -> None:
        if key == "shift":
            self._shift = not self._shift
            self._relabel()
            return
        if key == "layout":
            self._latin = not self._latin
            self._relabel()
            return
        field = self._target
        if field is None or field.isReadOnly() or not field.isEnabled():
            return
        if key == "backspace":
            if isinstance(field, QLineEdit):
                field.backspace()
            else:
                field.textCursor().deletePreviousChar()
            return
        if key.startswith("letter:"):
            _, row, column = key.split(":")
            text = self.letter(int(row), int(column))
            if self._shift:
                self._shift = False  # one capital, as phone keyboards do
                self._relabel()
        else:
            text = {"space": " ", "newline": "\n"}.get(key, key)
        if isinstance(field, QLineEdit):
            field.insert(text)
        else:
            field.insertPlainText(text)


class TextKeyboardDock(QWidget):
    """The right keyboard for the focused field: text, or a phone keypad."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = TextKeyboard(self)
        self.digits = DigitKeypad(self)
        self._digits_page = QWidget()
        row = QHBoxLayout(self._digits_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        self.digits.setMaximumWidth(DIGITS_WIDTH_PX)
        row.addWidget(self.digits, 100)
        row.addStretch(1)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.text)
        self._stack.addWidget(self._digits_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._stack.setVisible(False)
        self._kinds: dict[QWidget, DockKind] = {}
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def attach(self, field: TextField, kind: DockKind) -> None:
        self._kinds[field] = kind

    def shown_kind(self) -> DockKind | None:
        if not self._stack.isVisible():
            return None
        return "text" if self._stack.currentWidget() is self.text else "digits"

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # a popup (the date picker's calendar) took the focus for a moment
        kind = self._kinds.get(new)
        if kind is None:
            self._stack.setVisible(False)
            return
        if kind == "digits" and isinstance(new, QLineEdit):
            self.digits.bind(new)
            self._stack.setCurrentWidget(self._digits_page)
        elif isinstance(new, QLineEdit | QPlainTextEdit):
            self.text.bind(new)
            self._stack.setCurrentWidget(self.text)
        self._stack.setVisible(True)
