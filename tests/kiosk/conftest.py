"""Kiosk fixtures: a terminal known to a real central, clients talking to it,
a real outbox, and ports that refuse or never answer."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from central.core.config import Settings
from central.server import EmbeddedCentral, free_port
from kiosk.client import CentralClient
from kiosk.outbox import Outbox
from tests.kiosk.kit import add_terminal, make_client


@pytest.fixture
def terminal_token(central: EmbeddedCentral) -> str:
    return add_terminal(central)


@pytest.fixture
def client(central: EmbeddedCentral, terminal_token: str) -> Iterator[CentralClient]:
    """A client of the real central (SQLite and PostgreSQL), English answers."""
    c = make_client(central, terminal_token)
    yield c
    c.close()


@pytest.fixture
def sqlite_client(sqlite_central: EmbeddedCentral) -> Iterator[CentralClient]:
    c = make_client(sqlite_central, add_terminal(sqlite_central))
    yield c
    c.close()


@pytest.fixture
def central_factory(sqlite_url: str) -> Iterator[Callable[..., EmbeddedCentral]]:
    """Start a SQLite central with some settings changed (tiny code lifetime...)."""
    started: list[EmbeddedCentral] = []

    def start(**changes: Any) -> EmbeddedCentral:
        settings = Settings(database_url=sqlite_url, delivery_backend="dev", **changes)
        running = EmbeddedCentral(settings).start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.close()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.db", os.urandom(32)) as box:
        yield box


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A port that accepts connections and never answers (a hung central)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture
def closed_url() -> str:
    """A loopback port nobody listens on: connection refused."""
    return f"http://127.0.0.1:{free_port()}"
