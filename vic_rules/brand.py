"""The brand's colours, for every side that draws: the terminal's style sheets
(``ui/design.py`` reads them from here) and the central's web pages
(``central/web/page.py``). Kept here because ``vic_rules`` is the one package
both sides may import; ``tests/central/test_html_look.py`` checks the pages paint with them.

Contrast (WCAG 2.2): white on navy 12.5:1, white on red 5.9:1, text on the page
14.1:1, muted on the page 5.1:1, problem on white 6.1:1, news on white 7.3:1.
"""

from __future__ import annotations

from typing import Final

NAVY: Final = "#12355b"  # headers, titles, links
RED: Final = "#c8102e"  # the primary button, the mark; never text on navy
PAGE: Final = "#f5f7fa"  # under everything
TEXT: Final = "#1d2733"  # body text
MUTED: Final = "#5f6b7a"  # hints, small print
PROBLEM: Final = "#b3261e"  # something went wrong
NEWS: Final = "#1b5e20"  # good news
WHITE: Final = "#ffffff"  # cards, text on navy and red
