"""Cards: one white panel per contract or claim, and the empty state of a list.

A table asks a client to read across columns whose widths differ from one table
to the next; a card holds one thing's facts together (its number as the title,
its state in words with an icon, the facts as caption and value) and is as wide
as every other card of its screen (``CardColumn``). A card that opens something
(a claim) is a button as a whole: a finger may land anywhere on it, Enter or
Space opens it from the keyboard, and its accessible name is its title.
An empty list is never an empty box or an orphan heading: ``EmptyState`` says
in one sentence that there is nothing and in a second what to do, with the
action to do it when the screen has one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from ui.design import (
    CARD_ICON_KIOSK_PX,
    CARD_ICON_PX,
    CARD_MAX_WIDTH_PX,
    GRID_PX,
    MUTED,
    NAVY,
    STATE_ICON_KIOSK_PX,
    STATE_ICON_PX,
)
from ui.widgets.icons import IconLabel

CARD_PADDING_PX = (2 * GRID_PX, 2 * GRID_PX, 2 * GRID_PX, 2 * GRID_PX)
FACT_GAP_PX = 3 * GRID_PX
SCROLL_BAR_ROOM_PX = 3 * GRID_PX  # the kiosk's 20 px scroll bar beside the cards


def _label(object_name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CardFace(QWidget):
    """What every card shows: icon | title, state, a line, facts, actions | (chevron)."""

    def __init__(
        self, icon_name: str, kiosk: bool, *, opens: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kiosk = kiosk
        self.state_px = STATE_ICON_KIOSK_PX if kiosk else STATE_ICON_PX
        self.icon = IconLabel(icon_name, NAVY, CARD_ICON_KIOSK_PX if kiosk else CARD_ICON_PX)
        self.title = _label("cardTitle")
        self.state_icon = IconLabel("circle", MUTED, self.state_px)
        self.state = _label("cardState", wrap=False)
        self.line = _label("cardLine")
        self.facts_row = QHBoxLayout()
        self.facts_row.setSpacing(FACT_GAP_PX)
        self.facts_row.addStretch(1)
        self.facts: list[tuple[QLabel, QLabel]] = []
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(GRID_PX)
        head = QHBoxLayout()
        head.setSpacing(GRID_PX)
        head.addWidget(self.title, 1)
        head.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout()
        column.setSpacing(GRID_PX // 2)
        column.addLayout(head)
        column.addWidget(self.line)
        column.addLayout(self.facts_row)
        column.addLayout(self.action_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(*CARD_PADDING_PX)
        row.setSpacing(2 * GRID_PX)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        if opens:
            chevron = IconLabel("chevron-right", NAVY, self.state_px)
            row.addWidget(chevron, 0, Qt.AlignmentFlag.AlignVCenter)
        for label in (self.state, self.line):
            label.setVisible(False)

    def set_state(self, icon_name: str, colour: str, text: str) -> None:
        self.state_icon.show_icon(icon_name, colour)
        self.state.setText(text)
        self.state.setVisible(bool(text))
        self.state_icon.setVisible(bool(text))

    def set_line(self, text: str) -> None:
        self.line.setText(text)
        self.line.setVisible(bool(text))

    def set_facts(self, facts: list[tuple[str, str]]) -> None:
        """(caption, value) pairs side by side, the caption small and muted above."""
        while len(self.facts) < len(facts):
            caption, value = _label("cardCaption", wrap=False), _label("cardValue", wrap=False)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(caption)
            box.addWidget(value)
            self.facts_row.insertLayout(self.facts_row.count() - 1, box)
            self.facts.append((caption, value))
        for i, (caption, value) in enumerate(self.facts):
            shown = i < len(facts)
            caption.setVisible(shown)
            value.setVisible(shown)
            if shown:
                caption.setText(facts[i][0])
                value.setText(facts[i][1])

    def texts(self) -> list[str]:
        """Every text the card shows, top to bottom, left to right."""
        shown = [self.title, self.state, self.line]
        for caption, value in self.facts:
            shown += [caption, value]
        return [w.text() for w in shown if not w.isHidden() and w.text()]


class Card(QFrame):
    """A card that only shows (a contract); its actions are buttons on it."""

    def __init__(self, icon_name: str, kiosk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.face = CardFace(icon_name, kiosk)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.face)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def texts(self) -> list[str]:
        return self.face.texts()


class CardButton(QAbstractButton):
    """A card that opens something (a claim): the whole card is the button.

    Its labels ignore the mouse, so a tap anywhere on them presses the card; it
    paints itself through the style sheet (``#cardButton``, ``:pressed``, ``:focus``).
    """

    def __init__(self, icon_name: str, kiosk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.face = CardFace(icon_name, kiosk, opens=True)
        self.face.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.face)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def texts(self) -> list[str]:
        return self.face.texts()

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOption()
        option.initFrom(self)
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the focused card (not the screen's default button); Space too."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self.update()
        super().changeEvent(event)


def centred_column(screen: QWidget, margins_px: tuple[int, int, int, int]) -> QVBoxLayout:
    """The layout of a card screen's one column: its title, cards and action bar
    share the cards' width, centred, so the buttons sit under the cards and not in
    the far corners of a wide screen."""
    outer = QHBoxLayout(screen)
    outer.setContentsMargins(*margins_px)
    host = QWidget()
    host.setMaximumWidth(CARD_MAX_WIDTH_PX + SCROLL_BAR_ROOM_PX)
    outer.addStretch(1)
    outer.addWidget(host, 100)
    outer.addStretch(1)
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    return column


def scrolling_cards(kiosk: bool) -> tuple[QScrollArea, QVBoxLayout]:
    """A scroll area holding one centred column (``CARD_MAX_WIDTH_PX`` at most) and
    that column's layout: cards, their headings and the empty state go in it, so
    all are as wide as one another. At a kiosk a finger drags it (as the
    registration form), and its scroll bar is the kiosk's wide one."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if kiosk:
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
    body = QWidget()
    scroll.setWidget(body)
    row = QHBoxLayout(body)
    row.setContentsMargins(0, 0, 0, 0)
    host = QWidget()
    host.setMaximumWidth(CARD_MAX_WIDTH_PX)
    row.addStretch(1)
    row.addWidget(host, 100)
    row.addStretch(1)
    column = QVBoxLayout(host)
    column.setContentsMargins(0, GRID_PX, 0, GRID_PX)
    column.setSpacing(GRID_PX)
    return scroll, column


class CardColumn(QWidget):
    """Cards one under another, each as wide as the others."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2 * GRID_PX)
        self.cards: list[Card | CardButton] = []

    def set_cards(self, cards: list[Card | CardButton]) -> None:
        """Show ``cards`` instead of the ones shown so far (those are deleted)."""
        for old in self.cards:
            old.hide()
            self.column.removeWidget(old)
            old.deleteLater()
        self.cards = list(cards)
        for card in self.cards:
            self.column.addWidget(card)
            card.show()  # now, not when the layout gets round to it: a tap may come at once

    def texts(self) -> list[list[str]]:
        """The texts of each card, in order (what a client reads)."""
        return [card.texts() for card in self.cards]


class EmptyState(QFrame):
    """«Nothing here yet» and what to do about it, instead of an empty list."""

    def __init__(self, icon_name: str, kiosk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.icon = IconLabel(icon_name, MUTED, CARD_ICON_KIOSK_PX if kiosk else CARD_ICON_PX)
        self.sentence = _label("emptyTitle")
        self.hint = _label("emptyHint")
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(GRID_PX)
        self.action_row.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(GRID_PX)
        text.addWidget(self.sentence)
        text.addWidget(self.hint)
        text.addLayout(self.action_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(*CARD_PADDING_PX)
        row.setSpacing(2 * GRID_PX)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def add_action(self, button: QAbstractButton) -> None:
        self.action_row.insertWidget(self.action_row.count() - 1, button)

    def set_texts(self, sentence: str, hint: str) -> None:
        self.sentence.setText(sentence)
        self.sentence.setAccessibleName(sentence)
        self.hint.setText(hint)
        self.hint.setAccessibleName(hint)
        self.hint.setVisible(bool(hint))
