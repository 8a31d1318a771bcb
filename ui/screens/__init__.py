"""The screens of the main window, one class per screen.

Each module listed in ``SCREEN_MODULES`` defines the ``Screen`` subclass whose
``name`` is the module's name; ``screen_class(name)`` imports it on demand, so
the main window builds the welcome screen before its first paint and every
other screen on first use. A module that does not exist yet is skipped, so
screens can land one at a time.
"""

from __future__ import annotations

import importlib
import inspect

from ui.screens.base import AppContext, Navigator, Screen, TerminalNotOpen

SCREEN_MODULES: tuple[str, ...] = (
    "welcome",
    "registration",
    "check_details",
    "code_entry",
    "already_registered",
    "saved_offline",
    "login",
    "password_change",
    "contracts",
    "password_reset",
    "reset_code",
    "reset_done",
    "claim_form",
    "claim_view",
    "claim_list",
    "account_closure",
    "account_closed",
    "email_correction",
    "email_correction_code",
    "email_correction_done",
)

__all__ = [
    "SCREEN_MODULES",
    "AppContext",
    "Navigator",
    "Screen",
    "TerminalNotOpen",
    "screen_class",
    "screen_classes",
]


def screen_class(name: str) -> type[Screen] | None:
    """The screen called ``name`` (its module imported now), or None if it does not exist."""
    full = f"{__name__}.{name}"
    try:
        module = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name == full:
            return None
        raise
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if issubclass(cls, Screen) and cls.__module__ == full and cls.name == name:
            return cls
    return None


def screen_classes() -> list[type[Screen]]:
    """Every screen, in ``SCREEN_MODULES`` order (imports them all)."""
    return [cls for cls in map(screen_class, SCREEN_MODULES) if cls is not None]
