"""Security suite fixtures: the real central over HTTP (helpers of tests/central)."""

from __future__ import annotations

import pytest

from central.core.clock import Clock
from central.server import EmbeddedCentral
from tests.central.conftest import Api, add_terminal


@pytest.fixture
def api(central: EmbeddedCentral) -> Api:
    """A terminal of a central on SQLite and on PostgreSQL."""
    return Api(central.url, add_terminal(central))


@pytest.fixture
def sqlite_api(sqlite_central: EmbeddedCentral) -> Api:
    return Api(sqlite_central.url, add_terminal(sqlite_central))


def clock_of(central: EmbeddedCentral) -> Clock:
    assert central.app is not None
    found: Clock = central.app.state.clock
    return found
