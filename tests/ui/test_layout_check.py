"""The layout check (issue 14, «one design that holds still»): every screen, both
modes, three screen sizes, ru/kk/en and a stretched pseudo-locale.

It fails when a label's or button's text does not fit its widget, a primary
button is outside the visible area or moves when the keyboard shows or hides, a
kiosk touch target is under 48×48, or a text colour of the style sheets has less
than 4.5:1 contrast with what it is drawn on. Each screen is laid out once per
size and language (no paint, no sleep), so the whole check takes seconds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.client import CentralClient
from kiosk.flows.login import LoginFlow
from kiosk.flows.registration import RegistrationFlow
from kiosk.outbox import Outbox
from ui import i18n
from ui.app import style_sheet
from ui.clerk_panel import ClerkPanel
from ui.design import MIN_CONTRAST, PAGE, TOUCH_MIN_PX, contrast_ratio, text_colours
from ui.idle import StillTherePrompt
from ui.kiosk_mode import AdminMenu, AdminPinDialog, OutboxOverlay
from ui.main_window import Dependencies, MainWindow
from ui.screens import SCREEN_MODULES
from ui.screens.success import SuccessDialog
from ui.widgets import password_checklist, status_line
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.overlay import Overlay

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SIZES = ((1366, 768), (1280, 1024), (1920, 1080))
LOCALES = ("ru", "kk", "en", "pseudo")
FIT_SLACK_PX = 1  # rounding of fractional font metrics
CLOSED_PORT_URL = "http://127.0.0.1:9"  # nothing is sent while screens are laid out


class Stretched(QTranslator):
    """A pseudo-locale ~40 % longer than English: every vowel doubled. Kazakh and
    German-like lengths show up before a translator writes them."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        parts = re.split(r"(\{\w+\}|%\d)", source)  # placeholders stay as they are
        return "".join(
            p if i % 2 else re.sub(r"([aeiouAEIOU])", r"\1\1", p) for i, p in enumerate(parts)
        )


def settle() -> None:
    for _ in range(3):  # a layout request, a language change, the layouts they post
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path) -> Iterator[dict[str, MainWindow]]:
    client = CentralClient(
        CLOSED_PORT_URL, terminal_token="t", connect_timeout_s=0.2, read_timeout_s=0.2
    )
    made: dict[str, MainWindow] = {}
    with Outbox(tmp_path / "outbox.db", os.urandom(32)) as outbox:
        for mode in ("kiosk", "clerk"):
            kiosk = mode == "kiosk"
            window = MainWindow(
                Dependencies(
                    registration=RegistrationFlow(client, outbox),
                    login=LoginFlow(client),
                    client=client,
                    outbox=outbox,
                    kiosk_mode=kiosk,
                )
            )
            if not kiosk:
                window.add_side_panel(ClerkPanel(outbox, "op-7"))
            qtbot.addWidget(window)
            window.show()
            made[mode] = window
        yield made
    client.close()


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` not clipped by any ancestor, in window coordinates."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def text_problems(root: QWidget, window: QWidget) -> list[str]:
    found: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not shown(label, window) or not text or "<" in text or not label.pixmap().isNull():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + FIT_SLACK_PX:
                found.append(f"label {text[:40]!r}: {need} px tall in {label.height()}")
        else:
            widest = max(label.fontMetrics().horizontalAdvance(x) for x in text.split("\n"))
            room = label.contentsRect().width() - 2 * label.margin()
            if widest > room + FIT_SLACK_PX:
                found.append(f"label {text[:40]!r}: {widest} px wide in {room}")
    for button in root.findChildren(QAbstractButton):
        if not shown(button, window) or not button.text():
            continue
        hint = button.sizeHint()
        if hint.width() > button.width() + FIT_SLACK_PX:
            found.append(
                f"button {button.text()[:40]!r}: {hint.width()} px wide in {button.width()}"
            )
    return found


def size_problems(window: QWidget, width: int, height: int) -> list[str]:
    """A window that needs more than the screen: Qt grows it past the edge instead."""
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > width or need.height() > height:
        return [f"the window needs {need.width()}×{need.height()}"]
    return []


def primaries(screen: QWidget, window: QWidget) -> dict[str, QPoint]:
    return {
        b.text(): b.mapTo(window, QPoint(0, 0))
        for b in screen.findChildren(QAbstractButton, "primary")
        if shown(b, window)
    }


def placement_problems(screen: QWidget, window: QWidget) -> list[str]:
    found: list[str] = []
    for button in screen.findChildren(QAbstractButton, "primary"):
        if not shown(button, window):
            continue
        whole = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if visible_rect(button, window) != whole:
            found.append(f"primary {button.text()!r} outside the visible area at {whole}")
    dock = getattr(screen, "keyboard", None)
    if isinstance(dock, KeyboardDock):
        before = primaries(screen, window)
        field = next((f for f in screen.findChildren(QLineEdit) if shown(f, window)), None)
        if field is not None:
            window.activateWindow()  # focus (and so the keyboard) follows only in the active one
            settle()
            field.setFocus()
            settle()
            if dock.shown_kind() is None:
                found.append("the keyboard does not show for a focused field")
            if primaries(screen, window) != before:
                found.append("a primary button moves when the keyboard shows")
            found += [f"keyboard: {p}" for p in text_problems(dock, window)]
            field.clearFocus()
            settle()
            if primaries(screen, window) != before:
                found.append("a primary button moves when the keyboard hides")
    return found


def touch_problems(root: QWidget, window: QWidget) -> list[str]:
    """Buttons, fields and spin boxes under 48×48 (a spin box's inner line edit is
    part of the spin box, the target a finger meets)."""
    fields = [
        f for f in root.findChildren(QLineEdit) if not isinstance(f.parent(), QAbstractSpinBox)
    ]
    targets = [
        *root.findChildren(QAbstractButton),
        *fields,
        *root.findChildren(QAbstractSpinBox),
    ]
    return [
        f"{type(t).__name__} {getattr(t, 'text', lambda: '')()[:30]!r}: {t.width()}×{t.height()}"
        for t in targets
        if shown(t, window)
        and t.isEnabled()
        and (t.width() < TOUCH_MIN_PX or t.height() < TOUCH_MIN_PX)
        and not (isinstance(t, QCheckBox) and t.height() >= TOUCH_MIN_PX)
    ]


def use_locale(locale: str, stretched: QTranslator) -> None:
    QCoreApplication.removeTranslator(stretched)
    i18n.set_language("en" if locale == "pseudo" else locale)
    if locale == "pseudo":
        QCoreApplication.installTranslator(stretched)
    settle()


def test_every_screen_fits_holds_still_and_is_touchable(windows: dict[str, MainWindow]) -> None:
    stretched = Stretched()
    problems: list[str] = []
    try:
        for mode, window in windows.items():
            kiosk = mode == "kiosk"
            for width, height in SIZES:
                window.setStyleSheet(style_sheet(kiosk, (width, height)))
                window.resize(width, height)
                for locale in LOCALES:
                    use_locale(locale, stretched)
                    for name in SCREEN_MODULES:
                        window.show_screen(name)
                        settle()
                        screen = window.current_screen()
                        assert screen is not None
                        where = f"{mode} {width}×{height} {locale} {name}:"
                        found = [
                            *size_problems(window, width, height),
                            *text_problems(window, window),
                            *placement_problems(screen, window),
                            *(touch_problems(window, window) if kiosk else []),
                        ]
                        problems += [f"{where} {p}" for p in found]
                        window.go_home()
    finally:
        QCoreApplication.removeTranslator(stretched)
        i18n.set_language("ru")
    assert problems == [], "\n" + "\n".join(dict.fromkeys(problems))


def kiosk_overlays(window: MainWindow, outbox: Outbox | None) -> dict[str, Overlay]:
    """Every kiosk dialog: each an overlay inside the window (issue 14, finding 20)."""
    return {
        "success": SuccessDialog(window),
        "idle": StillTherePrompt(window),
        "admin_pin": AdminPinDialog(lambda _pin: False, window),
        "admin_menu": AdminMenu(window),
        "outbox": OutboxOverlay(outbox, window),
    }


def test_every_kiosk_overlay_fits_and_is_touchable(windows: dict[str, MainWindow]) -> None:
    window = windows["kiosk"]
    overlays = kiosk_overlays(window, window.deps.outbox if window.deps else None)
    stretched = Stretched()
    problems: list[str] = []
    try:
        for width, height in SIZES:
            window.setStyleSheet(style_sheet(True, (width, height)))
            window.resize(width, height)
            window.show_screen("login")
            for locale in LOCALES:
                use_locale(locale, stretched)
                for name, overlay in overlays.items():
                    overlay.open()
                    settle()
                    where = f"kiosk {width}×{height} {locale} overlay {name}:"
                    card = QRect(overlay.card.mapTo(window, QPoint(0, 0)), overlay.card.size())
                    found = [
                        *text_problems(overlay, window),
                        *touch_problems(overlay, window),
                        *([] if window.rect().contains(card) else [f"card {card} off the window"]),
                        *([] if overlay.geometry() == window.rect() else ["does not cover"]),
                    ]
                    problems += [f"{where} {p}" for p in found]
                    overlay.dismiss()
    finally:
        QCoreApplication.removeTranslator(stretched)
        i18n.set_language("ru")
        window.go_home()
    assert problems == [], "\n" + "\n".join(dict.fromkeys(problems))


def test_every_text_colour_has_contrast() -> None:
    pairs = text_colours(style_sheet(kiosk_mode=True))
    assert len(pairs) > 20, "the style sheet's colours were read"
    inline = [
        ("checklist", c, PAGE)
        for c in (
            password_checklist.MET_COLOUR,
            password_checklist.UNMET_COLOUR,
            password_checklist.PENDING_COLOUR,
        )
    ] + [
        ("status line", c, "#e8edf3")
        for c in (status_line.ONLINE_COLOUR, status_line.OFFLINE_COLOUR)
    ]
    low = [
        f"{selector}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"
        for selector, fg, bg in [*pairs, *inline]
        if contrast_ratio(fg, bg) < MIN_CONTRAST
    ]
    assert low == []


def test_the_contrast_check_catches_pale_text() -> None:
    assert contrast_ratio("#9aa6b4", PAGE) < MIN_CONTRAST
    assert contrast_ratio("#ffffff", "#12355b") > 12
    sheet = "#x { color: #9aa6b4; }\n#y { background: #12355b; color: #c9d6e6; }"
    assert [s for s, fg, bg in text_colours(sheet) if contrast_ratio(fg, bg) < 4.5] == ["#x"]


def test_the_text_check_catches_a_cut_label(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("Зарегистрироваться в личном кабинете", host)
    label.resize(40, 20)
    host.show()
    assert text_problems(host, host) != []
