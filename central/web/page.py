"""The one shell every HTML page of the central is drawn in.

The pages a client opens on a phone (the activation link, the late-code page,
a claim's upload page) look like the terminal they met at the branch: the
brand's navy header, a white card, big red buttons (``vic_rules.brand``, the
same tokens as ``ui/design.py``). Mobile-first, and self-contained: no script,
no external asset (the mark is inline SVG), so the strict CSP of
``central.core.guards`` holds; the one inline stylesheet is admitted by its
SHA-256 hash, never by ``'unsafe-inline'``.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Mapping
from typing import Final, Literal
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse

from central.core.guards import HTML_SECURITY_HEADERS
from central.core.i18n import LOCALES, Locale, as_locale, page_text
from vic_rules.brand import MUTED, NAVY, NEWS, PAGE, PROBLEM, RED, TEXT, WHITE

Tone = Literal["", "done", "problem"]

# The terminal's type scale, in px, and its 8 px grid; 48 px is the touch minimum.
BODY_PX: Final = 18
TITLE_PX: Final = 26
TITLE_WIDE_PX: Final = 32
TOUCH_MIN_PX: Final = 48
BUTTON_HEIGHT_PX: Final = 56
CARD_WIDTH_PX: Final = 640
WIDE_SCREEN_PX: Final = 720  # above it: desktop spacing and the larger title

_CSS: Final = f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%}}
body{{margin:0;background:{PAGE};color:{TEXT};font-size:{BODY_PX}px;line-height:1.5;
 font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}}
.wrap{{max-width:{CARD_WIDTH_PX}px;margin:0 auto;padding:0 16px}}
header{{background:{NAVY};color:{WHITE}}}
header .wrap{{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;
 gap:8px;min-height:64px;padding-top:8px;padding-bottom:8px}}
.brand{{display:flex;align-items:center;gap:8px;color:{WHITE};font-weight:700;font-size:18px}}
.langs{{display:flex;gap:4px}}
.langs a{{display:inline-flex;align-items:center;justify-content:center;
 min-width:{TOUCH_MIN_PX}px;min-height:{TOUCH_MIN_PX}px;padding:0 4px;border-radius:8px;
 color:{WHITE};font-weight:600;text-decoration:none}}
.langs a[aria-current]{{background:{WHITE};color:{NAVY}}}
a:focus-visible,button:focus-visible,input:focus-visible{{outline:3px solid {RED};
 outline-offset:2px}}
main.wrap{{padding-top:24px;padding-bottom:16px}}
.card{{background:{WHITE};color:{TEXT};border-radius:16px;padding:24px;
 box-shadow:0 2px 8px rgba(18,53,91,.12)}}
.icon{{display:block;margin:0 0 16px}}
h1{{margin:0 0 16px;color:{NAVY};font-size:{TITLE_PX}px;line-height:1.25}}
p{{margin:0 0 16px}}
.note{{color:{PROBLEM};font-weight:600}}
label{{display:block;margin:0 0 8px;color:{TEXT};font-weight:600}}
input{{display:block;width:100%;min-height:{BUTTON_HEIGHT_PX}px;margin:8px 0 0;
 padding:8px 16px;border:2px solid {MUTED};border-radius:8px;background:{WHITE};
 color:{TEXT};font:inherit}}
input.code{{font-size:28px;letter-spacing:.3em;text-align:center;max-width:320px}}
input[type=file]{{font-size:16px;padding:12px 8px}}
button{{display:block;width:100%;min-height:{BUTTON_HEIGHT_PX}px;margin:24px 0 0;
 padding:12px 24px;border:0;border-radius:12px;background:{RED};color:{WHITE};
 font:inherit;font-size:20px;font-weight:600;cursor:pointer}}
footer.wrap{{color:{MUTED};font-size:15px;padding-bottom:32px}}
@media (min-width:{WIDE_SCREEN_PX}px){{main.wrap{{padding-top:48px}}.card{{padding:40px}}
 h1{{font-size:{TITLE_WIDE_PX}px}}button{{width:auto;min-width:280px}}}}
"""
# served as one line: the CSP hash is of exactly these bytes
STYLESHEET: Final = "".join(line.strip() for line in _CSS.splitlines())

STYLE_HASH: Final = base64.b64encode(hashlib.sha256(STYLESHEET.encode()).digest()).decode()
# The central's strict policy, plus exactly this stylesheet: nothing else may style,
# load or run. The middleware keeps a route's own policy, so every page sends this one.
CONTENT_SECURITY_POLICY: Final = (
    f"{HTML_SECURITY_HEADERS['Content-Security-Policy']}; style-src 'sha256-{STYLE_HASH}'"
)

# The mark: a red shield with a white "V" (inline, so no request and no img-src).
_MARK: Final = (
    '<svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">'
    f'<path d="M16 2 L28 6 V15 C28 23 22 28 16 30 C10 28 4 23 4 15 V6 Z" fill="{RED}"/>'
    f'<path d="M10 10 L16 22 L22 10" fill="none" stroke="{WHITE}" stroke-width="3" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)
# The card's sign of how things went: a check on green, an exclamation on red.
_ICONS: Final[dict[str, str]] = {
    "done": (
        '<svg class="icon" width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" '
        f'focusable="false"><circle cx="24" cy="24" r="24" fill="{NEWS}"/>'
        f'<path d="M14 25 L21 32 L34 17" fill="none" stroke="{WHITE}" stroke-width="4" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    ),
    "problem": (
        '<svg class="icon" width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" '
        f'focusable="false"><circle cx="24" cy="24" r="24" fill="{PROBLEM}"/>'
        f'<path d="M24 12 V28" stroke="{WHITE}" stroke-width="5" stroke-linecap="round"/>'
        f'<circle cx="24" cy="36" r="3" fill="{WHITE}"/></svg>'
    ),
}
_LANGUAGE_NAMES: Final[dict[str, str]] = {"ru": "Рус", "kk": "Қаз", "en": "Eng"}


def choose_lang(query: str | None, header: Locale) -> Locale:
    """``?lang=`` when it is one of ru/kk/en, else the Accept-Language choice."""
    return as_locale(query) if query in LOCALES else header


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def paragraph(text: str, css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    return f"<p{attr}>{escape(text)}</p>"


def _language_links(lang: Locale, here: str, keep: Mapping[str, str]) -> str:
    """ru/kk/en links to the same page (its query ``keep`` kept)."""
    links = []
    for code in LOCALES:
        href = escape(f"{here}?{urlencode({**keep, 'lang': code})}")
        current = ' aria-current="page"' if code == lang else ""
        links.append(
            f'<a href="{href}" hreflang="{code}" lang="{code}"{current}>{_LANGUAGE_NAMES[code]}</a>'
        )
    return (
        f'<nav class="langs" aria-label="{escape(page_text("languages", lang))}">'
        + "".join(links)
        + "</nav>"
    )


def render(
    lang: Locale,
    heading: str,
    body_html: str,
    *,
    here: str | None,
    keep: Mapping[str, str] | None = None,
    tone: Tone = "",
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A whole page: ``heading`` (plain text) over ``body_html`` (already escaped)
    in a card; ``here`` (the page's path) and ``keep`` (its query) make the
    language links, which reopen this very page. An outcome that reopening
    would not show again (a spent link's success) passes ``here=None``: no links
    rather than links to a page saying the link does not work."""
    links = _language_links(lang, here, keep or {}) if here is not None else ""
    title = f"{heading} — {page_text('title', lang)}"
    doc = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light">'
        f"<title>{escape(title)}</title><style>{STYLESHEET}</style></head><body>"
        f'<header><div class="wrap"><span class="brand">{_MARK}'
        f"<span>{escape(page_text('brand', lang))}</span></span>"
        f"{links}</div></header>"
        f'<main class="wrap"><section class="card">{_ICONS.get(tone, "")}'
        f"<h1>{escape(heading)}</h1>"
        f"{body_html}</section></main>"
        f'<footer class="wrap"><p>{escape(page_text("help", lang))}</p></footer>'
        "</body></html>"
    )
    merged = {
        **HTML_SECURITY_HEADERS,
        **(headers or {}),
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    }
    return HTMLResponse(doc, status_code=status, headers=merged)
