"""A password input with a show/hide toggle.

Clients at a kiosk mistype passwords on a touch keyboard; letting them look at
what they typed avoids a round of "passwords do not match". The text is hidden
again whenever the field is cleared, so the next client never sees it revealed.
The toggle is as wide as the wider of «Показать» and «Скрыть» in the current
language, so the field beside it keeps its width when the client taps it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

FIELD_MIN_HEIGHT_PX = 48


class PasswordField(QWidget):
    """``line_edit`` holds the text; ``toggle`` shows or hides it.

    ``textChanged`` and ``returnPressed`` mirror the line edit's signals.
    """

    textChanged = Signal(str)
    returnPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = ""
        self.line_edit = QLineEdit(self)
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setMinimumHeight(FIELD_MIN_HEIGHT_PX)
        self.line_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.toggle = QPushButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setMinimumHeight(FIELD_MIN_HEIGHT_PX)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.line_edit)
        self.toggle.toggled.connect(self._on_toggled)
        self.line_edit.textChanged.connect(self.textChanged)
        self.line_edit.returnPressed.connect(self.returnPressed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the translated labels and accessible names (call on a language change)."""
        show, hide = self.tr("Show"), self.tr("Hide")
        text = hide if self.toggle.isChecked() else show
        widths = []
        for label in (show, hide):  # the size hint includes the style sheet's padding
            self.toggle.setText(label)
            widths.append(self.toggle.sizeHint().width())
        self.toggle.setFixedWidth(max(widths))
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)
        if self._label:
            self.line_edit.setAccessibleName(self._label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.StyleChange):
            self.retranslate()  # a style sheet changes the labels' widths too
        super().changeEvent(event)

    def set_label(self, label: str) -> None:
        """The field's visible label, used as its accessible name."""
        self._label = label
        self.line_edit.setAccessibleName(label)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        self.line_edit.setText(text)

    def is_revealed(self) -> bool:
        return self.line_edit.echoMode() == QLineEdit.EchoMode.Normal

    def clear(self) -> None:
        """Forget the text and hide it again."""
        self.line_edit.clear()
        self.toggle.setChecked(False)

    def _on_toggled(self, checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        self.line_edit.setEchoMode(mode)
        self.retranslate()
