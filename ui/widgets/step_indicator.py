"""«Шаг 1 из 3»: where a client is in the registration, above each of its screens.

The registration is three screens (the form, the check, the SMS code); a client
who knows there are three does not wonder after the second whether it is over.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

REGISTRATION_STEPS = 3


class StepIndicator(QLabel):
    def __init__(
        self, step: int, total: int = REGISTRATION_STEPS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self.step, self.total = step, total
        self.retranslate()

    def retranslate(self) -> None:
        text = self.tr("Step %1 of %2").replace("%1", str(self.step)).replace("%2", str(self.total))
        self.setText(text)
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
