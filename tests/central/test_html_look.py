"""The central's web pages look like the terminal and stay self-contained: every
page, in ru/kk/en, is drawn in the one shell of ``central.web.page`` (viewport,
the shared stylesheet admitted by its hash, a heading, language links that
reopen the same page), with no external asset, over real HTTP on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

import pytest
import requests

import ui.design
from central.core.config import Settings
from central.core.i18n import PAGES
from central.server import EmbeddedCentral
from central.web.page import STYLESHEET
from tests.central.claims_support import claims_settings, make_client, png
from tests.central.conftest import (
    KZ_PHONE,
    TIMEOUT_S,
    Api,
    captured_ago,
    create_account,
    email_secrets,
    press_activate,
)
from vic_rules import brand

LANGS = ("ru", "kk", "en")
PAGE_LIMIT = 12  # upload page requests per address and hour: the last answer is 429
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
MIN_CONTRAST = 4.5
SPENT = ("code confirmed", "upload done")  # successes of a link that is now spent


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path, claim_upload_pages_per_ip_per_hour=PAGE_LIMIT)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2.2 contrast ratio of two ``#rrggbb`` colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_pages_use_the_terminals_brand_colours() -> None:
    """The served stylesheet paints with the colours the terminal's screens use."""
    for name in ("NAVY", "RED", "PAGE", "TEXT"):
        assert getattr(ui.design, name).lower() in STYLESHEET.lower(), name


def test_every_text_colour_of_the_stylesheet_meets_4_5_to_1() -> None:
    """A rule's text is measured against its own background, else against what it
    may sit on: the navy header for header rules, the page and the white card."""
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", STYLESHEET)
    measured = 0
    for selector, body in rules:
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        if colour is None:
            continue
        own = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", body)
        if own:
            under = [own.group(1)]
        elif selector.strip().startswith(("header", ".brand", ".langs")):
            under = [brand.NAVY]
        else:
            under = [brand.PAGE, brand.WHITE]
        for background in under:
            ratio = contrast(colour.group(1), background)
            assert ratio >= MIN_CONTRAST, (selector, colour.group(1), background, ratio)
            measured += 1
    assert measured >= 8  # body, header, links, card, title, note, fields, button, footer


def served_pages(api: Api, central: EmbeddedCentral, lang: str) -> dict[str, requests.Response]:
    """Every kind of page the central serves, opened in ``lang`` (fresh secrets each time)."""
    email = f"look-{lang}@mail.ru"
    phone = {"ru": "+77010000001", "kk": "+77010000002", "en": "+77010000003"}[lang]
    q = {"lang": lang}
    create_account(api, email=email, phone=phone, activate=False)
    link, _ = email_secrets(api, email)
    assert link is not None
    pages = {"activation form": requests.get(link, params=q, timeout=TIMEOUT_S)}
    pages["activated"] = press_activate(link, params=q)
    pages["already active"] = press_activate(link, params=q)
    pages["unknown link"] = requests.get(f"{api.url}/activate/nope", params=q, timeout=TIMEOUT_S)

    late_phone = {"ru": "+77020000001", "kk": "+77020000002", "en": "+77020000003"}[lang]
    late = api.register(email=f"late-{lang}@mail.ru", phone=late_phone, captured_at=captured_ago())
    assert late.status_code == 201, late.text
    sms = re.search(r"(https?://\S+/r/\S+)", api.messages(late_phone)[-1]["body"])
    assert sms is not None
    token = re.search(r"t=([^&\s]+)", sms.group(1))
    assert token is not None
    post_url = f"{api.url}/r/{late.json()['id']}"
    pages["code form"] = requests.get(
        post_url, params={"t": token.group(1), **q}, timeout=TIMEOUT_S
    )
    pages["wrong code"] = requests.post(
        post_url, params=q, data={"t": token.group(1), "code": "abc"}, timeout=TIMEOUT_S
    )
    pages["code confirmed"] = requests.post(
        post_url,
        params=q,
        data={"t": token.group(1), "code": api.last_code(late_phone)},
        timeout=TIMEOUT_S,
    )
    pages["forged code link"] = requests.get(
        f"{api.url}/r/{late.json()['id']}", params={"t": "forged", **q}, timeout=TIMEOUT_S
    )

    client = make_client(central, api, f"+7703000000{LANGS.index(lang)}", f"claim-{lang}@mail.ru")
    claim = client.new_claim()
    made = client.post(f"/api/v1/account/claims/{claim['id']}/upload-link")
    assert made.status_code == 201, made.text
    pages["upload form"] = requests.get(made.json()["url"], params=q, timeout=TIMEOUT_S)
    photo = [("file", ("a.png", png(), "image/png"))]
    pages["upload done"] = requests.post(made.json()["url"], params=q, files=photo, timeout=10)
    pages["unknown upload link"] = requests.get(
        f"{api.url}/claims/upload", params={"t": "x" * 20, **q}, timeout=TIMEOUT_S
    )
    return pages


def test_every_page_in_every_language_is_drawn_in_the_one_shell(
    api: Api, central: EmbeddedCentral
) -> None:
    expected_status = {
        "activation form": 200,
        "activated": 200,
        "already active": 410,
        "unknown link": 404,
        "code form": 200,
        "wrong code": 400,
        "code confirmed": 200,
        "forged code link": 404,
        "upload form": 200,
        "upload done": 200,
        "unknown upload link": 404,
    }
    for lang in LANGS:
        pages = served_pages(api, central, lang)
        assert pages.keys() == expected_status.keys()
        for name, page in pages.items():
            where = (lang, name, page.status_code)
            assert page.status_code == expected_status[name], (where, page.text)
            assert_one_shell(page, lang, where, spent=name in SPENT)


def assert_one_shell(
    page: requests.Response, lang: str, where: object, *, spent: bool = False
) -> None:
    text = page.text
    assert text.startswith("<!doctype html>") and f'<html lang="{lang}">' in text, where
    assert VIEWPORT in text, where
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    assert styles == [STYLESHEET], where
    heading = re.search(r"<h1>([^<]+)</h1>", text)
    assert heading is not None and heading.group(1).strip(), where
    assert re.search(r"<title>[^<]+</title>", text), where
    # nothing is fetched from anywhere: no external URL, no script, no link tag, no url()
    assert not re.search(r"https?://", text), where
    for banned in ("<script", "<link", "<img", "<iframe", "@import", "url("):
        assert banned not in text, (where, banned)
    # the CSP admits exactly this stylesheet, by hash, and nothing external or inline-wide
    policy = dict(
        part.strip().split(" ", 1) for part in page.headers["Content-Security-Policy"].split(";")
    )
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'", where
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'", where
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"], where
    assert "http" not in page.headers["Content-Security-Policy"], where
    # language links: ru, kk, en, to the same page, the shown one marked as current;
    # none on the success of a spent link (reopened, it would say the link is dead)
    links = re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"[^>]*>', text)
    if spent:
        assert links == [], where
        return
    assert [code for _, code in links] == list(LANGS), where
    path = page.url.split("?")[0].split("/", 3)[3]
    for href, code in links:
        assert html.unescape(href).startswith(f"/{path}?") and f"lang={code}" in href, where
    assert f'hreflang="{lang}" lang="{lang}" aria-current="page"' in text, where


def test_a_second_tap_on_the_activation_link_says_where_to_log_in(api: Api) -> None:
    """Each language: a heading saying it is already active, the sentence and the
    next step (a branch kiosk or vic.kz), in the same look, and the language
    links of that page lead to the same answer in another language."""
    create_account(api, activate=False)
    link, _ = email_secrets(api, "aigerim@mail.ru")
    assert link is not None
    assert press_activate(link).status_code == 200
    expected = {
        "ru": ("Кабинет уже активирован", "Войдите в терминале филиала или на vic.kz."),
        "kk": ("Кабинет бұрын белсендірілген", "Филиал терминалында немесе vic.kz"),
        "en": ("Already active", "Log in at a branch kiosk or on vic.kz."),
    }
    for lang, (heading, next_step) in expected.items():
        again = press_activate(link, params={"lang": lang})
        assert again.status_code == 410
        assert f"<h1>{heading}</h1>" in again.text and next_step in again.text
        assert "«" not in again.text if lang == "en" else True
        switch = re.search(r'<a href="([^"]+)" hreflang="en"', again.text)
        assert switch is not None
        reopened = requests.get(api.url + html.unescape(switch.group(1)), timeout=TIMEOUT_S)
        assert reopened.status_code == 410 and "<h1>Already active</h1>" in reopened.text


def test_the_language_links_of_the_code_page_keep_its_link(api: Api) -> None:
    late = api.register(captured_at=captured_ago())
    assert late.status_code == 201
    sms = re.search(r"(https?://\S+/r/\S+)", api.messages(KZ_PHONE)[-1]["body"])
    assert sms is not None
    shown = requests.get(sms.group(1), headers={"Accept-Language": "ru"}, timeout=TIMEOUT_S)
    assert "Введите код из СМС" in shown.text and "SMS" not in shown.text
    switch = re.search(r'<a href="([^"]+)" hreflang="kk"', shown.text)
    assert switch is not None
    in_kazakh = requests.get(api.url + html.unescape(switch.group(1)), timeout=TIMEOUT_S)
    assert in_kazakh.status_code == 200 and "<h1>Тіркеуді аяқтаңыз</h1>" in in_kazakh.text
    assert '<input id="code" class="code" name="code"' in in_kazakh.text


def test_a_rate_limited_upload_page_is_drawn_in_the_same_look(
    api: Api, central: EmbeddedCentral
) -> None:
    client = make_client(central, api, "+77011234567", "aigerim@mail.ru")
    made = client.post(f"/api/v1/account/claims/{client.new_claim()['id']}/upload-link")
    url = made.json()["url"]
    answers = [
        requests.get(url, params={"lang": "en"}, timeout=TIMEOUT_S) for _ in range(PAGE_LIMIT + 1)
    ]
    limited = answers[-1]
    assert limited.status_code == 429, limited.text
    assert "<h1>Too many attempts</h1>" in limited.text
    assert_one_shell(limited, "en", "rate limited")


def test_the_pages_words_follow_the_house_rules() -> None:
    """English says "personal account" without «» or the Russian name; Russian
    says «СМС»; every page text has all three languages."""
    for key, texts in PAGES.items():
        assert set(texts) == set(LANGS), key
        assert "«" not in texts["en"] and "Личн" not in texts["en"], key
        assert "SMS" not in texts["ru"], key
