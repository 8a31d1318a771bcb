"""The UI language: one QTranslator at a time, swapped at run time.

``set_language(lang)`` installs ``vic_<lang>.qm`` from this package's ``i18n``
folder (built from ``resources/i18n/vic_<lang>.ts`` by ``make translations``,
and when a wheel is built; found through ``ui.files``, so it works from a
checkout, a wheel or a bundle alike); Qt then sends
``QEvent.LanguageChange`` to every widget, and each ``Screen`` re-labels
itself in ``retranslate()``. Source strings are English, so "en" works even
without a .qm file. ``language_changed`` lets non-widget listeners (the flows'
``locale``) follow.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    SignalInstance,
)

from ui.files import QM_DIR  # the compiled translations shipped with the package

log = logging.getLogger(__name__)

Language = Literal["ru", "kk", "en"]
LANGUAGES: tuple[Language, ...] = ("ru", "kk", "en")
DEFAULT_LANGUAGE: Language = "ru"
LANGUAGE_NAMES: dict[str, str] = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
QT_LOCALES: dict[Language, QLocale.Language] = {
    "ru": QLocale.Language.Russian,
    "kk": QLocale.Language.Kazakh,
    "en": QLocale.Language.English,
}


class TranslationMissing(RuntimeError):
    """A .qm file is absent or unreadable; ``make translations`` builds them."""


class _Languages(QObject):
    language_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.current: Language = "en"
        self.translator: QTranslator | None = None


_state: _Languages | None = None


def _languages() -> _Languages:
    global _state
    if _state is None:
        _state = _Languages()
    return _state


def qm_file(lang: str, directory: Path = QM_DIR) -> Path:
    return directory / f"vic_{lang}.qm"


def set_language(lang: str, directory: Path = QM_DIR) -> None:
    """Switch every open widget to ``lang`` ("ru", "kk" or "en").

    Raises ``ValueError`` for another code and ``TranslationMissing`` when the
    .qm file cannot be loaded; the previous language then stays in force.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    state = _languages()
    translator: QTranslator | None = QTranslator(app)
    resource = qm_file(lang, directory)
    assert translator is not None
    loaded = resource.is_file() and translator.load(str(resource))
    if not loaded:
        if lang != "en":
            raise TranslationMissing(f"cannot load {resource}: run `make translations`")
        translator = None  # the English source strings are the text
    if state.translator is not None:
        QCoreApplication.removeTranslator(state.translator)
        state.translator.deleteLater()
    state.translator = translator
    state.current = cast(Language, lang)
    QLocale.setDefault(QLocale(QT_LOCALES[state.current], QLocale.Country.AnyCountry))
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    else:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    state.language_changed.emit(lang)


def current_language() -> Language:
    return _languages().current


def language_changed() -> SignalInstance:
    """The signal emitted with the new code after every ``set_language``."""
    return _languages().language_changed
