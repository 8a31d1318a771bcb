"""The SMS code's field and its status lines: attempts left, expiry, resend.

The registration's code screen and the reset's code screen show the same code
the same way; they share these two widgets instead of two copies. The status
is re-read from the flow's code state by the screen's countdown timer.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.design import DIGITS_COLUMN_PX
from ui.widgets.busy_button import BusyButton
from ui.widgets.layout import centered

CODE_LENGTH = 6  # digits of an SMS code (registration and reset alike)
CODE_FIELD_WIDTH_PX = 260


def minutes_seconds(seconds: float) -> str:
    """``m:ss`` for a countdown (never negative)."""
    total = max(0, int(seconds + 0.999))
    return f"{total // 60}:{total % 60:02d}"


class CodeField(QLineEdit):
    """Six digits and nothing else; its width is the screen's (``CODE_FIELD_WIDTH_PX``
    beside other fields, the keypad's column at a kiosk's registration)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeField")
        self.setMaxLength(CODE_LENGTH)
        pattern = QRegularExpression(rf"\d{{0,{CODE_LENGTH}}}")
        self.setValidator(QRegularExpressionValidator(pattern, self))


def _set(widget: QLabel | BusyButton, text: str) -> None:
    widget.setText(text)
    widget.setAccessibleName(text)


class CodeStatus(QWidget):
    """«Осталось попыток», «Код действителен ещё», «Отправить код повторно» and
    its wait; ``resend_button`` is the screen's to connect."""

    def __init__(
        self, gap_px: int = 0, parent: QWidget | None = None, *, stacked: bool = False
    ) -> None:
        """``stacked``: the resend wait under the button, for a narrow column (beside
        it, «Новый код можно запросить через 1:00» wrapped to four lines)."""
        super().__init__(parent)
        self.attempts = QLabel()
        self.expiry = QLabel()
        self.resend_button = BusyButton()
        self.resend_button.setObjectName("secondary")
        self.resend_wait = QLabel()
        self.resend_wait.setObjectName("muted")
        self.resend_wait.setWordWrap(True)  # beside the clerk's side panel the row is narrow
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.attempts)
        column.addWidget(self.expiry)
        column.addSpacing(gap_px)
        resend_row = QVBoxLayout() if stacked else QHBoxLayout()
        resend_row.addWidget(self.resend_button)
        resend_row.addWidget(self.resend_wait, 1)
        column.addLayout(resend_row)
        self.retranslate()

    def retranslate(self) -> None:
        _set(self.resend_button, self.tr("Send the code again"))

    def clear(self) -> None:
        for label in (self.attempts, self.expiry, self.resend_wait):
            label.clear()

    def show_code(
        self, attempts_left: int | None, expires_in_s: float, resend_in_s: float, *, busy: bool
    ) -> bool:
        """Texts and the resend button for the code as it stands (``attempts_left``
        None: not told yet); True while the code may still be typed."""
        _set(
            self.attempts,
            self.tr("Attempts left: %1").replace("%1", str(attempts_left))
            if attempts_left is not None
            else "",
        )
        self.attempts.setVisible(attempts_left is not None)
        if attempts_left is not None and attempts_left <= 0:
            expiry = ""  # burnt by wrong tries: «valid for 4:44» beside «no longer works» misled
        elif expires_in_s > 0:
            expiry = self.tr("The code is valid for %1").replace(
                "%1", minutes_seconds(expires_in_s)
            )
        else:
            expiry = self.tr("The code has expired. Ask for a new code.")
        _set(self.expiry, expiry)
        self.resend_button.setEnabled(resend_in_s <= 0 and not busy)
        _set(
            self.resend_wait,
            self.tr("A new code can be sent in %1").replace("%1", minutes_seconds(resend_in_s))
            if resend_in_s > 0
            else "",
        )
        return expires_in_s > 0 and (attempts_left is None or attempts_left > 0)


def add_code_field(column: QVBoxLayout, label: QLabel, field: CodeField, *, kiosk: bool) -> None:
    """``label`` over ``field`` in ``column``: at a kiosk centred, as wide as the
    digit keypad below them (one column to look at); in clerk mode at the left,
    as wide as six digits. Every SMS-code screen places its field so."""
    if kiosk:
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addLayout(centered(label, DIGITS_COLUMN_PX))
        column.addLayout(centered(field, DIGITS_COLUMN_PX))
    else:
        field.setMaximumWidth(CODE_FIELD_WIDTH_PX)
        column.addWidget(label)
        column.addWidget(field)
