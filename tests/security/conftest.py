"""Security suite fixtures: the real central over HTTP (helpers of tests/central)."""

from __future__ import annotations

from typing import Any

from central.core.clock import Clock
from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import api, sqlite_api  # noqa: F401  (the same fixtures here)


def capped_settings(database_url: str, per_terminal: int, per_ip: int) -> Settings:
    """A dev central whose hourly registration caps are ``per_terminal`` and ``per_ip``."""
    return Settings(
        database_url=database_url,
        delivery_backend="dev",
        registrations_per_terminal_per_hour=per_terminal,
        registrations_per_ip_per_hour=per_ip,
    )


def clock_of(central: EmbeddedCentral) -> Clock:
    assert central.app is not None
    found: Clock = central.app.state.clock
    return found


def _shim_many_more() -> None:
    """hypothesis-jsonschema 0.23 (under schemathesis 3.39) calls ``many.more()``,
    which hypothesis 6.170 replaced by ``with many(...) as m: for _ in m``.
    Until the pins agree, drive the new protocol from the old call."""
    from hypothesis.internal.conjecture import utils as cu

    if hasattr(cu.many, "more"):
        return

    def more(self: Any) -> bool:
        if not hasattr(self, "_shim_iter"):
            self.__enter__()
            self._shim_iter = iter(self)
        try:
            next(self._shim_iter)
        except StopIteration:
            self.__exit__(None)
            return False
        return True

    cu.many.more = more  # type: ignore[attr-defined]


_shim_many_more()
