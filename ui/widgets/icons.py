"""The terminal's one icon set: a few Lucide icons (ISC licence), tinted to the palette.

The SVGs sit in ``ui/icons/`` beside their licence, package data like the style
sheets (a checkout, a wheel and the bundle read them at ``ui.files.ICONS_DIR``).
Lucide draws with ``stroke="currentColor"``; an icon is rendered by QtSvg with that
colour replaced by one of the design system's colours (``ui.design``), at the
screen's device pixel ratio, and kept: the same icon in the same colour and size is
drawn once. An icon is never the only carrier of a meaning: a text always says it too.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QSizePolicy, QWidget

from ui.design import MUTED, NAVY, TEXT
from ui.files import ICONS_DIR

# the names the screens use, each one file of ui/icons/ (Lucide's own names)
ICONS: Final = frozenset(
    {
        "arrow-big-up",
        "arrow-left",
        "banknote",
        "calendar-x",
        "chevron-right",
        "circle",
        "circle-alert",
        "circle-check",
        "circle-x",
        "clipboard-list",
        "corner-down-left",
        "delete",
        "file-text",
        "file-warning",
        "hourglass",
        "inbox",
        "log-out",
        "refresh-cw",
        "send",
        "shield-check",
        "smartphone",
        "triangle-alert",
    }
)


class UnknownIcon(KeyError):
    """A screen asked for an icon that is not in ``ui/icons/``: a bug in the caller."""


def svg_text(name: str) -> str:
    """The Lucide SVG of ``name`` as shipped."""
    if name not in ICONS:
        raise UnknownIcon(name)
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _pixmap(name: str, colour: str, size_px: int, ratio: float) -> QPixmap:
    data = svg_text(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    side = max(1, round(size_px * ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent; not ``Qt``: the status line's dot
    # is drawn before the first paint, and ``Qt``'s namespace costs start-up (perf §1)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon_pixmap(name: str, colour: str = NAVY, size_px: int = 24) -> QPixmap:
    """``name`` drawn ``size_px`` logical pixels square in ``colour`` (``#rrggbb``)."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    return _pixmap(name, colour, size_px, ratio)


def icon(name: str, colour: str = NAVY, size_px: int = 24) -> QIcon:
    """``name`` as a button's icon (the button's text says the same)."""
    return QIcon(icon_pixmap(name, colour, size_px))


def set_button_icon(button: QAbstractButton, name: str, colour: str, size_px: int) -> None:
    """Give ``button`` the icon ``name`` at ``size_px`` (beside its text)."""
    button.setIcon(icon(name, colour, size_px))
    button.setIconSize(QSize(size_px, size_px))


@cache
def _png_data_url(name: str, colour: str, size_px: int) -> str:
    pixmap = _pixmap(name, colour, size_px, 2.0)  # drawn twice as fine: sharp on any screen
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.toImage().save(buffer, "PNG")  # type: ignore[call-overload]  # a str at run time
    return "data:image/png;base64," + bytes(buffer.data().toBase64().data()).decode("ascii")


def icon_lines_html(lines: list[tuple[str, str, str]], size_px: int) -> str:
    """Rich text for a label: one line per ``(icon, colour, text)``, the icon inline
    before the text (``""`` for no icon). For a sentence that lists things with a
    mark each (refused password rules), where a font's «✗» would be a glyph;
    the label's accessible name is the plain text, without the marks."""
    import html  # only here: the module is imported before the first paint

    shown = []
    for name, colour, text in lines:
        mark = ""
        if name:
            url = _png_data_url(name, colour, size_px)
            mark = f'<img src="{url}" width="{size_px}" height="{size_px}" '
            mark += 'style="vertical-align: middle">&nbsp;'
        shown.append(mark + html.escape(text, quote=False))
    return "<br>".join(shown)


KEY_ICON_ON: Final = "#ffffff"  # on a pressed (checked) key, navy: Shift while it is on


def key_icon(button: QPushButton, name: str, size_px: int) -> None:
    """A keyboard key shows ``name`` instead of a glyph: the text colour normally,
    white while the key is on (Shift), muted while disabled (its accessible name,
    set by the keyboard, says what it does)."""
    both = QIcon()
    both.addPixmap(icon_pixmap(name, TEXT, size_px), QIcon.Mode.Normal, QIcon.State.Off)
    both.addPixmap(icon_pixmap(name, KEY_ICON_ON, size_px), QIcon.Mode.Normal, QIcon.State.On)
    both.addPixmap(icon_pixmap(name, MUTED, size_px), QIcon.Mode.Disabled, QIcon.State.Off)
    button.setText("")
    button.setIcon(both)
    button.setIconSize(QSize(size_px, size_px))


class IconLabel(QLabel):
    """A fixed-size label showing one icon; ``show_icon`` changes it (state icons)."""

    def __init__(
        self, name: str, colour: str = NAVY, size_px: int = 24, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("icon")
        self.setFixedSize(size_px, size_px)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("")  # decorative: the text beside it says the same
        self.name = ""
        self.size_px = size_px
        self.show_icon(name, colour)

    def show_icon(self, name: str, colour: str = NAVY) -> None:
        self.name, self.colour = name, colour
        self.setPixmap(icon_pixmap(name, colour, self.size_px))
