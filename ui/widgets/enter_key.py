"""The «Далее»/«Готово» key both on-screen keyboards share.

A touch client has no Tab or Enter. «Далее» moves to the next field the screen
attached to its keyboard dock (past buttons such as «Показать», where a Tab
would stop), or is a Tab after the last one (to the consent box, say); «Готово»
on a form's last field is Enter: the screen's default button, as a hardware
keyboard's Enter. The dock says which a field gets (``KeyboardDock.attach``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPushButton


def press_enter(field: QLineEdit, submit: bool, following: QLineEdit | None) -> None:
    """Enter into ``field`` when ``submit``; else the focus to ``following``, or a Tab."""
    if not submit and following is not None and following.isVisible():
        following.setFocus(Qt.FocusReason.TabFocusReason)
        return
    key = Qt.Key.Key_Return if submit else Qt.Key.Key_Tab
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def label_enter(button: QPushButton, submit: bool) -> None:
    text = (
        QCoreApplication.translate("EnterKey", "Done")
        if submit
        else QCoreApplication.translate("EnterKey", "Next")
    )
    button.setText(text)
    button.setAccessibleName(text)
