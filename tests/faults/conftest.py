"""Fixtures of the fault suite: a central as its own process behind a lossy proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.core.migrate import upgrade
from central.core.security import hash_token, new_token
from central.models import Terminal, utcnow
from central.server import free_port
from tests.faults.netfaults import CentralProcess


def enroll_in_db(database_url: str, name: str = "Almaty-1 clerk") -> str:
    """A terminal row with a fresh token, as ``central terminals add`` + enroll leave it."""
    engine = make_engine(database_url)
    upgrade(engine)
    token = new_token()
    with Session(engine) as db, db.begin():
        db.add(
            Terminal(name=name, branch="Almaty", token_hash=hash_token(token), enrolled_at=utcnow())
        )
    engine.dispose()
    return token


@pytest.fixture
def central_process(tmp_path: Path) -> Iterator[CentralProcess]:
    """Not started: each test starts it with the settings it needs."""
    proc = CentralProcess(tmp_path / "central.db", free_port(), tmp_path / "central.log")
    try:
        yield proc
    finally:
        proc.kill()
