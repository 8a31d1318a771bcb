"""Sentences people read (issue 14, findings 9, 10, 11): every one translated, the
Russian and Kazakh wording the walk-through asked for, and no sentence that stays
in the language of the moment it was made."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.outbox import Outbox
from tests.ui.test_registration_screens import click
from tests.ui.ui_helpers import find_button, find_field, visible_text
from ui import i18n
from ui.clerk_panel import OutboxPanel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


COLUMNS = {"ru": 2, "kk": 3, "en": 4}  # of resources/i18n/added-<branch>.tsv


def translations(lang: str) -> dict[tuple[str, str], str]:
    """The .ts file's translations, with a branch's pending TSV rows on top (they are
    what the .ts files hold once the branches are merged)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS_DIR / f"vic_{lang}.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    for tsv in sorted(TS_DIR.glob("added-*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            row = line.replace("\\n", "\n").split("\t")
            if len(row) == 5 and not row[0].startswith("#"):
                found[(row[0], row[1])] = row[COLUMNS[lang]]
    return found


def test_russian_says_sms_as_smc_and_english_has_no_russian_quotes() -> None:
    ru, en = translations("ru"), translations("en")
    assert [k for k, t in ru.items() if "SMS" in t] == []
    assert [k for k, t in en.items() if "«" in t or "Личный" in t] == []  # Claim* too
    assert [k for k, t in ru.items() if "пока нельзя" in t] == []


def test_a_password_mismatch_says_the_passwords_do_not_match(window: Any, qtbot: QtBot) -> None:
    window.show_screen("password_change")
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Новый пароль"), "Steppe_2024x")
    qtbot.keyClicks(find_field(screen, "Повторите новый пароль"), "Steppe_2024y")
    assert "Пароли не совпадают" in visible_text(screen)
    assert "Оба ввода" not in visible_text(screen)
    find_field(screen, "Повторите новый пароль").backspace()
    qtbot.keyClicks(find_field(screen, "Повторите новый пароль"), "x")
    assert "Пароли совпадают" in visible_text(screen)


def test_kazakh_asks_did_you_mean_as_people_say_it(window: Any, qtbot: QtBot) -> None:
    i18n.set_language("kk")
    qtbot.waitUntil(lambda: labelled(window, "Тіркелу"))
    click(qtbot, window, "Тіркелу")
    screen = window.current_screen()
    qtbot.keyClicks(find_field(screen, "Email"), "aigerim@gmial.com")
    screen._check_email()
    find_button(screen, "aigerim@gmail.com деп жазғыңыз келді ме?")


def test_the_empty_outbox_sentence_follows_the_language(qtbot: QtBot, ui_outbox: Outbox) -> None:
    panel = OutboxPanel(ui_outbox)
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.message.text() == "Все регистрации отправлены.")
    i18n.set_language("en")
    qtbot.waitUntil(lambda: panel.message.text() == "Every registration has been sent.")


def labelled(window: Any, label: str) -> bool:
    try:
        find_button(window, label)
    except AssertionError:
        return False
    return True
