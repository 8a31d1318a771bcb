"""The package's own data files: style sheets, translations, icons.

They sit beside the modules in a checkout and in an installed wheel, and the
terminal's bundle collects them to the same relative places
(``deploy/bundle/vic-kiosk.spec``), so they are read as plain paths.
``importlib.resources`` would read them the same way in all three, but importing
it (and the zip support it brings) is time on the way to the first paint
(docs/performance.md §1), for a zipped install none of the three is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

UI_DIR: Final = Path(__file__).resolve().parent
STYLES_DIR: Final = UI_DIR / "styles"
QM_DIR: Final = UI_DIR / "i18n"  # the compiled translations (``make translations``)
ICONS_DIR: Final = UI_DIR / "icons"
