"""The consent text and its version move together (issue 11): the central records
``vic_rules.consent.CONSENT_TEXT_VERSION`` with each registration as the text the
client agreed to, so the registration screen's text may not change without a
new version, and both sides use the one constant."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from central.services import registration as central_registration
from vic_rules.consent import CONSENT_TEXT_VERSION

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

# the SHA-256 of the English source of each version's text; a new text, a new row
CONSENT_TEXTS_SHA256 = {
    "2026-12b": "0e632666718b87581bb19a80deda857805ed5107c0e87e3e62d2bd03df70b0d0",
}


class Sources(QTranslator):
    """Every text as its English source: what the version names."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source


def test_the_consent_text_has_the_version_the_central_records(window: Any) -> None:
    sources = Sources()
    QCoreApplication.installTranslator(sources)
    try:
        window.show_screen("registration")
        text = window.current_screen().consent_text.text()
    finally:
        QCoreApplication.removeTranslator(sources)
    assert "«Close «Личный кабинет»»" in text, "withdrawal names the button"
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert CONSENT_TEXTS_SHA256.get(CONSENT_TEXT_VERSION) == digest, (
        f"the consent text changed: give it a new CONSENT_TEXT_VERSION and add {digest}"
    )
    # the version the central records with a registration: the name its module holds
    assert vars(central_registration)["CONSENT_TEXT_VERSION"] == CONSENT_TEXT_VERSION
