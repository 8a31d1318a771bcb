"""The 6-digit SMS code field every code screen uses.

Digits only (a validator, so a stray letter from a keyboard never reaches the
central), at most ``CODE_LENGTH``, in the style sheet's large ``#codeField``
look, narrow enough that the confirm button sits beside it. A kiosk attaches
the digit keypad to it (``KeyboardDock.attach(field, "digits")``).
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit

CODE_LENGTH = 6
CODE_FIELD_WIDTH_PX = 260
CODE_FIELD_MIN_HEIGHT_PX = 48


def code_field() -> QLineEdit:
    """A new code field: digits only, ``CODE_LENGTH`` at most."""
    field = QLineEdit()
    field.setObjectName("codeField")
    field.setMaxLength(CODE_LENGTH)
    field.setValidator(
        QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{CODE_LENGTH}}}"), field)
    )
    field.setMaximumWidth(CODE_FIELD_WIDTH_PX)
    field.setMinimumHeight(CODE_FIELD_MIN_HEIGHT_PX)
    return field
