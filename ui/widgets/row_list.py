"""Rows in one card: a claim's documents and its history, instead of Qt tables.

A table's header and grid read as a spreadsheet, and its columns wrap a long
file name or note into a narrow cell. A ``RowList`` is one white card (the
design system's ``#card``) holding one row per item: an icon, the item's name
(``cardValue``), a muted line under it (``cardCaption``: a size, a note) and a
muted text at the right (a time). Rows are separated by a thin rule. As a
timeline (``timeline=True``) the icons sit on a vertical line joining the rows,
latest first, so a client reads the history as steps, each with its status icon.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.design import GRID_PX, NAVY, STATE_ICON_KIOSK_PX, STATE_ICON_PX
from ui.widgets.icons import IconLabel

ROW_PADDING_PX = (2 * GRID_PX, GRID_PX + GRID_PX // 2, 2 * GRID_PX, GRID_PX + GRID_PX // 2)
TIMELINE_LINE_PX = 2  # the line joining a timeline's icons


@dataclass(frozen=True, slots=True)
class Row:
    """One row's content; ``colour`` tints its icon (``#rrggbb``)."""

    icon: str
    title: str
    line: str = ""
    aside: str = ""
    colour: str = NAVY


def _label(object_name: str, *, wrap: bool) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _RowWidget(QWidget):
    def __init__(self, row: Row, icon_px: int, *, first: bool, last: bool, timeline: bool) -> None:
        super().__init__()
        self.title = _label("cardValue", wrap=True)
        self.title.setText(row.title)
        self.line = _label("cardCaption", wrap=True)
        self.line.setText(row.line)
        self.line.setVisible(bool(row.line))
        self.aside = _label("cardCaption", wrap=False)
        self.aside.setText(row.aside)
        self.aside.setVisible(bool(row.aside))
        icon_column = QVBoxLayout()
        icon_column.setContentsMargins(0, 0, 0, 0)
        icon_column.setSpacing(0)
        icon_column.addWidget(IconLabel(row.icon, row.colour, icon_px))
        if timeline and not last:
            rule = QFrame()
            rule.setObjectName("timelineLine")
            rule.setFixedWidth(TIMELINE_LINE_PX)
            icon_column.addWidget(rule, 1, Qt.AlignmentFlag.AlignHCenter)
        else:
            icon_column.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(GRID_PX // 2)
        text.addWidget(self.title)
        text.addWidget(self.line)
        text.addStretch(1)  # the title stays level with the icon
        layout = QHBoxLayout(self)
        left, top, right, bottom = ROW_PADDING_PX
        if timeline:
            # the rows touch, so the line runs on from one icon to the next; the
            # gap between two steps is under the text, beside the line
            text.addSpacing(0 if last else top + bottom)
            top = top if first else 0
            bottom = bottom if last else 0
        layout.setContentsMargins(left, top, right, bottom)
        layout.setSpacing(2 * GRID_PX)
        layout.addLayout(icon_column)
        layout.addLayout(text, 1)
        layout.addWidget(self.aside, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(" · ".join(t for t in (row.title, row.line, row.aside) if t))

    def texts(self) -> list[str]:
        shown = (self.title, self.line, self.aside)
        return [w.text() for w in shown if not w.isHidden() and w.text()]


class RowList(QFrame):
    """A card of rows, replaced as a whole by ``set_rows``."""

    def __init__(
        self, kiosk: bool, *, timeline: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.icon_px = STATE_ICON_KIOSK_PX if kiosk else STATE_ICON_PX
        self.timeline = timeline
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.rows: list[_RowWidget] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` instead of the ones shown so far; hidden when there are none."""
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.rows = []
        for i, row in enumerate(rows):
            if i and not self.timeline:
                rule = QFrame()
                rule.setObjectName("rowRule")
                rule.setFixedHeight(1)
                self.column.addWidget(rule)
            widget = _RowWidget(
                row, self.icon_px, first=i == 0, last=i == len(rows) - 1, timeline=self.timeline
            )
            self.rows.append(widget)
            self.column.addWidget(widget)
            widget.show()
        self.setVisible(bool(rows))

    def count(self) -> int:
        return len(self.rows)

    def texts(self) -> list[list[str]]:
        """Each row's texts, top to bottom (what a client reads)."""
        return [row.texts() for row in self.rows]
