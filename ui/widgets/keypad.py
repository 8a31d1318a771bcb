"""An on-screen digit keypad for the phone and confirmation-code fields.

Touch kiosks have no physical keyboard; the keypad types into the line edit it is
bound to (``bind``), or, when none is bound, into whichever ``QLineEdit`` has the
keyboard focus. Its keys never take the focus themselves, so the field keeps its
cursor, validator and max length while the client taps. For a phone it has «+»
(the hint shows «+7 …»); «Далее»/«Готово» is the Tab and Enter a touch client
lacks (``ui.widgets.enter_key``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ui.widgets.enter_key import label_enter, press_enter
from ui.widgets.icons import key_icon

KEY_MIN_SIZE_PX = 56  # above the 48 px touch minimum; 64 pushed forms off a 768 px kiosk
KEY_FONT_PT = 20
KEY_ICON_PX = 28  # ⌫, Shift, new line: an icon of ui/icons as tall as a capital


class DigitKeypad(QWidget):
    """Keys 0–9, backspace, clear and enter, laid out like a phone; ``plus=True``
    adds «+» left of 0 (phone numbers).

    ``key_pressed`` carries ``"0"``–``"9"``, ``"backspace"`` or ``"clear"`` after
    the target field was edited, so a screen may react (for instance validate).
    """

    key_pressed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        key_size_px: int = KEY_MIN_SIZE_PX,
        plus: bool = False,
    ) -> None:
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._submit_on_enter = False
        self._following: QLineEdit | None = None
        self._key_size_px = max(key_size_px, KEY_MIN_SIZE_PX)
        layout = QGridLayout(self)
        layout.setSpacing(6)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            button = self._make_key(digit)
            self.digit_buttons[digit] = button
            layout.addWidget(button, index // 3, index % 3)
        self.clear_button = self._make_key("")
        self.digit_buttons["0"] = self._make_key("0")
        self.backspace_button = self._make_key("⌫")
        key_icon(self.backspace_button, "delete", KEY_ICON_PX)
        self.enter_button = self._make_key("")
        self.enter_button.setObjectName("enterKey")
        self.plus_button: QPushButton | None = self._make_key("+") if plus else None
        # a right-hand column, as on a phone's dialler: ⌫, clear, and a tall enter key
        layout.addWidget(self.digit_buttons["0"], 3, 1)
        if self.plus_button is not None:
            layout.addWidget(self.plus_button, 3, 0)
            self.plus_button.setAccessibleName("+")
            self.plus_button.clicked.connect(lambda: self._press("+"))
        layout.addWidget(self.backspace_button, 0, 3)
        layout.addWidget(self.clear_button, 1, 3)
        layout.addWidget(self.enter_button, 2, 3, 2, 1)
        for digit, button in self.digit_buttons.items():
            button.clicked.connect(lambda _=False, d=digit: self._press(d))
        self.clear_button.clicked.connect(lambda: self._press("clear"))
        self.backspace_button.clicked.connect(lambda: self._press("backspace"))
        self.enter_button.clicked.connect(lambda: self._press("enter"))
        self.retranslate()

    def _make_key(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName("key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(self._key_size_px, self._key_size_px)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        font = button.font()
        font.setPointSize(KEY_FONT_PT)
        button.setFont(font)
        button.setAutoRepeat(False)
        return button

    def retranslate(self) -> None:
        """Set the translated labels and accessible names (call on a language change)."""
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear"))
        self.backspace_button.setAccessibleName(self.tr("Delete last digit"))
        self.backspace_button.setToolTip(self.tr("Delete last digit"))
        for digit, button in self.digit_buttons.items():
            button.setAccessibleName(digit)
        label_enter(self.enter_button, self._submit_on_enter)
        font = self.clear_button.font()
        font.setPointSize(KEY_FONT_PT - 6)
        self.clear_button.setFont(font)
        self.enter_button.setFont(font)

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
        """The field a key press edits now, or ``None`` when there is none."""
        if self._target is not None:
            return self._target
        focused = QApplication.focusWidget()
        return focused if isinstance(focused, QLineEdit) else None

    def _press(self, key: str) -> None:
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
        else:
            field.insert(key)
        self.key_pressed.emit(key)
