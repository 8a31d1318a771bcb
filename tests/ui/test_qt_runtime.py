"""The Qt binding itself: a build that leaks references to None aborts the app
after a few hundred registrations (PySide6 6.12.0 on CPython 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 1000


def test_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n % 7))
        label.setVisible(False)
    assert abs(sys.getrefcount(None) - before) < CALLS // 10
