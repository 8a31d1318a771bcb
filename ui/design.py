"""The terminal's design tokens and the checks that keep the screens to them.

``docs/design-system.md`` explains the choices; this module holds the numbers
the style sheets, the screens and the layout check (``tests/ui/test_layout_check.py``)
share: the brand colours, the 8 px spacing grid, the touch minimum, and the type
scale that grows with a kiosk's screen. It imports no screen, so both the app and
the tests may use it.
"""

from __future__ import annotations

import re
from typing import Final

from vic_rules import brand

# the brand's colours come from the one place the central's web pages read too
NAVY: Final = brand.NAVY  # headers, titles, primary buttons
RED: Final = brand.RED  # the demo mark, accents (never body text on navy)
PAGE: Final = brand.PAGE  # the page under every screen
TEXT: Final = brand.TEXT
MUTED: Final = brand.MUTED  # hints, past contracts' icons; 5.1:1 on the page, 5.4:1 on a card
GOOD: Final = brand.NEWS  # good news: an active contract, a paid claim
PROBLEM: Final = brand.PROBLEM  # a problem: a rejected claim, a field's problem
ATTENTION: Final = "#8a4b00"  # asks for something: documents requested; 6.8:1 on a card
ON_RED: Final = "#ffffff"  # text and icons on the red primary button (5.9:1)
CARD: Final = "#ffffff"  # a card's face (contracts, claims, empty states)

GRID_PX: Final = 8  # every margin and gap is a multiple of it
TOUCH_MIN_PX: Final = 48  # WCAG 2.2 target size, enhanced; every kiosk target
MIN_CONTRAST: Final = 4.5  # WCAG 2.2 AA for body text

# The registration procedure's screens (the form, the check, the code) share one width,
# centred: the kiosk's and the clerk's (whose window also holds the side panel).
PROCEDURE_WIDTH_KIOSK_PX: Final = 900
PROCEDURE_WIDTH_PX: Final = 720
DIGITS_COLUMN_PX: Final = 480  # the digit keypad's width, and the code field's above it

# In-window dialogs (``ui.widgets.overlay``): a navy layer over the whole window and a
# white card. DIM_ALPHA lets the screen show through as context; DIM_STRONG_ALPHA leaves
# nothing under it readable (the idle prompt: the client's data must not stay on show).
DIM_ALPHA: Final = 0.6  # opacity of the layer, 0..1
DIM_STRONG_ALPHA: Final = 0.985
OVERLAY_CARD_WIDTH_PX: Final = 640  # a card's width when the window has the room
OVERLAY_WIDE_CARD_WIDTH_PX: Final = 960  # lists (the outbox)
OVERLAY_EDGE_PX: Final = 3 * GRID_PX  # the least layer left visible around a card
OVERLAY_PADDING_PX: Final = 4 * GRID_PX  # inside a card

# The kiosk's type scale is designed at 1280×1024 (the smallest kiosk screen); on a
# larger screen every font size grows with the smaller of the two ratios, so the text
# gets bigger at 1920×1080 without the form outgrowing the height above the keyboard.
TYPE_BASE_PX: Final = (1280, 1024)
TYPE_SCALE_MAX: Final = 1.35

# Cards (contracts, claims): one column as wide as the reading width allows, the same
# width for every card of a screen; icons from ui/icons (Lucide), sized with the text.
CARD_MAX_WIDTH_PX: Final = 1040
CARD_ICON_PX: Final = 28
CARD_ICON_KIOSK_PX: Final = 40
STATE_ICON_PX: Final = 18
STATE_ICON_KIOSK_PX: Final = 24

# selectors drawn over the navy header (their own background is unset or transparent)
ON_NAVY: Final = ("#brand", "#tagline", "#languageButton", "#header")

_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")
_BLOCK = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")
_BACKGROUND = re.compile(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})")


def type_scale(width_px: int, height_px: int) -> float:
    """How much a kiosk's type grows on a ``width_px`` × ``height_px`` screen (≥ 1)."""
    base_w, base_h = TYPE_BASE_PX
    return max(1.0, min(width_px / base_w, height_px / base_h, TYPE_SCALE_MAX))


def scale_font_sizes(qss: str, factor: float) -> str:
    """``qss`` with every ``font-size: Npx`` multiplied by ``factor`` (rounded)."""
    if factor == 1.0:
        return qss
    return _FONT_SIZE.sub(lambda m: f"font-size: {round(int(m.group(1)) * factor)}px", qss)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colours(qss: str, page: str = PAGE) -> list[tuple[str, str, str]]:
    """Every ``(selector, text colour, background)`` a style sheet draws text with.

    A state (``#primary:disabled``) takes what it does not set from its base
    (``#primary``); a selector with no background of its own is drawn over the
    header (``ON_NAVY``) or the page.
    """
    colours: dict[str, str] = {}
    backgrounds: dict[str, str] = {}
    blocks: list[str] = []
    for selectors, body in _BLOCK.findall(qss):
        colour, background = _COLOUR.search(body), _BACKGROUND.search(body)
        for raw in selectors.split(","):
            name = " ".join(raw.split())
            if not name or name.startswith("/*"):
                continue
            blocks.append(name)
            if colour is not None:
                colours[name] = colour.group(1)
            if background is not None:
                backgrounds[name] = background.group(1)
    found: list[tuple[str, str, str]] = []
    for name in dict.fromkeys(blocks):
        base = name.split(":")[0]
        fg = colours.get(name) or colours.get(base)
        if fg is None or (name not in colours and name not in backgrounds):
            continue
        under = backgrounds.get(name) or backgrounds.get(base)
        if under is None:
            under = NAVY if any(part in name for part in ON_NAVY) else page
        found.append((name, fg, under))
    return found
