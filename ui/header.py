"""The window's header: Victoria's name and tagline, a demo mark, and the
language switch (the one place a language is chosen; every screen follows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import i18n
from ui.screens.base import NO_FOCUS, named


class Header(QFrame):
    """Victoria's name and tagline, and the language switch.

    A QFrame, which paints the style sheet's background by itself (a plain QWidget
    needs ``Qt.WidgetAttribute.WA_StyledBackground``: see ``NO_FOCUS``).
    """

    def __init__(self, kiosk_mode: bool, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        brand = QVBoxLayout()
        brand.setSpacing(0)
        self.brand = named(QLabel(), "brand")
        self.tagline = named(QLabel(), "tagline")
        brand.addWidget(self.brand)
        brand.addWidget(self.tagline)
        row.addLayout(brand)
        self.demo_mark = named(QLabel(), "demoMark")
        self.demo_mark.setVisible(demo)
        row.addSpacing(16)
        row.addWidget(self.demo_mark)
        row.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, label in i18n.LANGUAGE_NAMES.items():
            button = named(QPushButton(label), "languageButton")
            button.setAccessibleName(label)
            button.setCheckable(True)
            button.setProperty("focusPolicy", NO_FOCUS)
            button.setMinimumHeight(48 if kiosk_mode else 30)
            button.clicked.connect(lambda _=False, c=code: i18n.set_language(c))
            row.addWidget(button)
            self.language_buttons[code] = button
        self.retranslate()

    def retranslate(self) -> None:
        self.brand.setText(self.tr("VICTORIA"))
        self.tagline.setText(self.tr("victory over chance"))
        self.demo_mark.setText(self.tr("DEMO"))
        self.demo_mark.setToolTip(self.tr("Demo mode: no real client data, messages stay here"))
        for code, button in self.language_buttons.items():
            button.setChecked(code == i18n.current_language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
