"""An on-screen Latin keyboard for a touch kiosk: email addresses and passwords.

Qt Virtual Keyboard is GPL-licensed, so this small keyboard stands in for it.
In its email layout it has letters, digits, ``. _ -`` and the keys clients here
use most: ``@``, ``.kz``, ``.ru``, ``.com`` and whole mailbox domains
(``mail.ru``, ``gmail.com``); a whole-domain key completes the address (adds the
``@`` when missing, replaces a half-typed domain). Its password layout has a
Shift key and exactly the specials the insurer's password policy allows.

Shift is one-shot, as on a phone: it capitalises the next letter and goes off,
and while on it looks pressed (``checked``) and every letter key shows its
capital. Each letter key is as wide as its widest case, so nothing slides
sideways under the finger when Shift toggles. «Далее»/«Готово» is the Tab and
Enter a touch client does not have (``ui.widgets.enter_key``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.enter_key import label_enter, press_enter
from vic_rules.password import SPECIALS

KEY_MIN_SIZE_PX = 48  # the touch minimum: five rows must leave the form above them room
KEY_SPACING_PX = 4
KEY_FONT_PT = 16
KEY_PADDING_PX = 28
ROWS: tuple[str, ...] = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
EMAIL_EXTRAS: tuple[tuple[str, ...], ...] = ((), (), ("_",), (".", "-"))
SUFFIX_KEYS: tuple[str, ...] = ("@", ".kz", ".ru", ".com")
DOMAIN_KEYS: tuple[str, ...] = ("mail.ru", "gmail.com")
PASSWORD_SPECIAL_KEYS: tuple[str, ...] = tuple(SPECIALS)


def complete_domain(text: str, domain: str) -> str:
    """``text`` with its domain set to ``domain`` (``"ivan@gm"`` → ``"ivan@gmail.com"``)."""
    local = text.split("@", 1)[0]
    return f"{local}@{domain}"


class EmailKeyboard(QWidget):
    """Types into the bound ``QLineEdit`` (``bind``) or else the focused one.

    ``password=True`` gives the password layout. ``key_pressed`` carries the
    key's text (``"backspace"``, ``"clear"``, ``"shift"`` for the others) after
    the field was edited.
    """

    key_pressed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        key_size_px: int = KEY_MIN_SIZE_PX,
        password: bool = False,
    ) -> None:
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._key_size_px = key_size_px
        self._password = password
        self._shift = False
        self._submit_on_enter = False
        self._following: QLineEdit | None = None
        self.keys: dict[str, QPushButton] = {}
        self.shift_button: QPushButton | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(KEY_SPACING_PX)
        extras = EMAIL_EXTRAS if not password else ((), (), (), ())
        for letters, more in zip(ROWS, extras, strict=True):
            row = QHBoxLayout()
            row.setSpacing(KEY_SPACING_PX)
            row.addStretch(1)
            if password and letters == ROWS[3]:
                self.shift_button = self._make_key("shift", "⇧", wide=True)
                self.shift_button.setCheckable(True)
                row.addWidget(self.shift_button)
            for char in (*letters, *more):
                row.addWidget(self._make_key(char, char))
            if letters == ROWS[0]:
                self.backspace_button = self._make_key("backspace", "⌫")
                row.addWidget(self.backspace_button)
            row.addStretch(1)
            outer.addLayout(row)
        last = QHBoxLayout()
        last.setSpacing(KEY_SPACING_PX)
        last.addStretch(1)
        bottom = PASSWORD_SPECIAL_KEYS if password else (*SUFFIX_KEYS, *DOMAIN_KEYS)
        for key in bottom:
            last.addWidget(self._make_key(key, key, wide=len(key) > 1))
        self.clear_button = self._make_key("clear", "", wide=True)
        last.addWidget(self.clear_button)
        self.enter_button = self._make_key("enter", "", wide=True)
        self.enter_button.setObjectName("enterKey")
        last.addWidget(self.enter_button)
        last.addStretch(1)
        outer.addLayout(last)
        self.retranslate()

    def _make_key(self, key: str, label: str, *, wide: bool = False) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName("key")  # the style sheet's button padding would hide the letter
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = button.font()
        font.setPointSize(KEY_FONT_PT)
        button.setFont(font)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(label), metrics.horizontalAdvance(label.upper()))
        width_px = max(self._key_size_px * (2 if wide else 1), widest + KEY_PADDING_PX)
        if len(key) == 1:  # a character key: its width never follows its label (Shift)
            button.setFixedSize(width_px, self._key_size_px)
        else:
            button.setMinimumSize(width_px, self._key_size_px)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(label)
        button.clicked.connect(lambda _=False, k=key: self._press(k))
        self.keys[key] = button
        return button

    def retranslate(self) -> None:
        """Set the translated labels and accessible names (call on a language change)."""
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear"))
        label_enter(self.enter_button, self._submit_on_enter)
        self.backspace_button.setAccessibleName(self.tr("Delete last character"))
        self.backspace_button.setToolTip(self.tr("Delete last character"))
        if self.shift_button is not None:
            self.shift_button.setAccessibleName(self.tr("Capital letters"))
            self.shift_button.setToolTip(self.tr("Capital letters"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def bind(
        self,
        line_edit: QLineEdit | None,
        *,
        submit: bool = False,
        following: QLineEdit | None = None,
    ) -> None:
        """Type into ``line_edit`` from now on; ``None`` means the focused field.
        ``submit``: the enter key is «Готово» (Enter), else «Далее» (to ``following``)."""
        self._target = line_edit
        self._submit_on_enter = submit
        self._following = following
        label_enter(self.enter_button, submit)

    def target(self) -> QLineEdit | None:
        if self._target is not None:
            return self._target
        focused = QApplication.focusWidget()
        return focused if isinstance(focused, QLineEdit) else None

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        if self.shift_button is not None:
            self.shift_button.setChecked(on)
        for char in "".join(ROWS[1:]):
            label = char.upper() if on else char
            self.keys[char].setText(label)
            self.keys[char].setAccessibleName(label)

    def _press(self, key: str) -> None:
        if key == "shift":
            self._set_shift(not self._shift)
            self.key_pressed.emit(key)
            return
        field = self.target()
        if field is None or field.isReadOnly() or not field.isEnabled():
            return
        if key == "clear":
            field.clear()
        elif key == "backspace":
            field.backspace()
        elif key == "enter":
            press_enter(field, self._submit_on_enter, self._following)
            return
        elif key in DOMAIN_KEYS and not self._password:
            field.selectAll()
            field.insert(complete_domain(field.text(), key))
        elif key == "@" and not self._password and "@" in field.text():
            return
        else:
            capital = self._shift and key.isalpha()
            field.insert(key.upper() if capital else key)
            if capital:
                self._set_shift(False)  # one-shot: the next letter is small again
        self.key_pressed.emit(key)
