"""The QR code widget paints exactly segno's symbol: each module, sampled at its
centre in the widget's own rendering, is dark where the symbol is dark."""

from __future__ import annotations

import segno
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ui.widgets.qr_code import QUIET_ZONE_MODULES, QrCode

URL = "https://central.vic.kz/claims/upload?t=Yx2-hT0ZkQ9mXb7vJ1cPqL4sN8wR3eUaFgHiK5oD6lM"
SIZE_PX = 300
DARK_BELOW = 128  # of 255: a sampled pixel this dark is a dark module


def test_the_painted_code_is_segnos_symbol_with_its_quiet_zone(qtbot: QtBot) -> None:
    widget = QrCode(size_px=SIZE_PX)
    qtbot.addWidget(widget)
    widget.resize(SIZE_PX, SIZE_PX)
    widget.set_text(URL)
    expected = [
        [bool(v) for v in row]
        for row in segno.make(URL, error="m").matrix_iter(border=QUIET_ZONE_MODULES)
    ]
    assert widget.modules() == len(expected)
    image = widget.grab().toImage()
    module_px = SIZE_PX // len(expected)
    offset = (SIZE_PX - module_px * len(expected)) // 2
    painted = [
        [
            QColor(image.pixel(offset + x * module_px + module_px // 2,
                               offset + y * module_px + module_px // 2)).lightness() < DARK_BELOW
            for x in range(len(expected))
        ]
        for y in range(len(expected))
    ]  # fmt: skip
    assert painted == expected
    assert not any(painted[0]) and not any(row[0] for row in painted)  # the quiet zone


def test_an_empty_code_paints_nothing_and_holds_nothing(qtbot: QtBot) -> None:
    widget = QrCode()
    qtbot.addWidget(widget)
    widget.set_text(URL)
    widget.set_text("")
    assert widget.text() == "" and widget.modules() == 0
