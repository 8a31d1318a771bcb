"""Translations: complete in ru/kk/en, the seed's Russian labels exact, switching works."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from ui import i18n

FILL_TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "fill_ts.py"
SEED_LABELS = {
    ("RegistrationScreen", "Email"): "Email",
    ("RegistrationScreen", "Phone"): "Телефон",
    ("RegistrationScreen", "Register"): "Зарегистрировать",
    ("RegistrationScreen", "Back"): "Назад",
    ("CodeEntryScreen", "Confirmation code"): "Код подтверждения",
    ("CodeEntryScreen", "Confirm code"): "Подтвердить код",
    ("WelcomeScreen", "Registration"): "Регистрация",
    ("Header", "victory over chance"): "победа над случайностью",
}


def _fill_ts() -> object:
    spec = importlib.util.spec_from_file_location("fill_ts", FILL_TS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated_in_all_three_languages() -> None:
    left = _fill_ts().unfinished()  # type: ignore[attr-defined]
    assert left == [], "unfinished translations:\n" + "\n".join(left)


def test_russian_labels_are_the_seeds_words() -> None:
    i18n.set_language("ru")
    got = {key: QCoreApplication.translate(*key) for key in SEED_LABELS}
    assert got == SEED_LABELS


def test_switching_language_changes_the_text_and_back(qtbot: QtBot) -> None:
    i18n.set_language("kk")
    assert QCoreApplication.translate("RegistrationScreen", "Register") == "Тіркелу"
    assert i18n.current_language() == "kk"
    i18n.set_language("en")
    assert QCoreApplication.translate("RegistrationScreen", "Register") == "Register"
    i18n.set_language("ru")
    assert QCoreApplication.translate("RegistrationScreen", "Register") == "Зарегистрировать"


def test_unknown_language_is_refused_and_the_current_one_stays() -> None:
    i18n.set_language("ru")
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.set_language("de")
    assert i18n.current_language() == "ru"
    assert QCoreApplication.translate("RegistrationScreen", "Back") == "Назад"


def test_missing_qm_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(i18n.TranslationMissing, match="make translations"):
        i18n.set_language("kk", directory=tmp_path)
    assert i18n.current_language() == "ru"
