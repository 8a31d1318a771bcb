"""The screens of the main window, one class per screen.

Each module listed in ``SCREEN_MODULES`` defines ``Screen`` subclasses with a
``name``; ``screen_classes()`` collects them in this order. A module that does
not exist yet is skipped, so screens can land one at a time.
"""

from __future__ import annotations

import importlib
import inspect

from ui.screens.base import AppContext, Navigator, Screen

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
)

__all__ = ["SCREEN_MODULES", "AppContext", "Navigator", "Screen", "screen_classes"]


def screen_classes() -> list[type[Screen]]:
    found: list[type[Screen]] = []
    for short in SCREEN_MODULES:
        full = f"{__name__}.{short}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as exc:
            if exc.name == full:
                continue
            raise
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == full and cls.name:
                found.append(cls)
    return found
