"""Demo seeding: idempotent, and its enrollment code enrolls a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests
from sqlalchemy import func, select

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory
from central.demo import DEMO_BRANCH, demo_database_url, prepare_demo
from central.models import Account, Contract, Message, Terminal
from central.server import EmbeddedCentral


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as db:
            return {
                m.__tablename__: int(db.scalar(select(func.count()).select_from(m)) or 0)
                for m in (Account, Contract, Message, Terminal)
            }
    finally:
        engine.dispose()


def test_prepare_demo_twice_seeds_once_and_gives_a_fresh_working_code(tmp_path: Path) -> None:
    url = demo_database_url(tmp_path / "demo")
    first = prepare_demo(url)
    seeded = counts(url)
    assert seeded == {"accounts": 3, "contracts": 5, "messages": 3, "terminals": 1}
    second = prepare_demo(url)
    assert counts(url) == seeded
    assert second.seeded.accounts_created == 0 and second.enrollment_code != first.enrollment_code
    assert "aigerim.demo@mail.ru" in second.client_logins

    with EmbeddedCentral(Settings(database_url=url, delivery_backend="dev")) as central:
        enroll = f"{central.url}/api/v1/terminals/enroll"
        stale = requests.post(enroll, json={"code": first.enrollment_code, "name": "d"}, timeout=5)
        assert stale.status_code == 401
        fresh = requests.post(enroll, json={"code": second.enrollment_code, "name": "d"}, timeout=5)
        assert fresh.status_code == 201 and fresh.json()["branch"] == DEMO_BRANCH
    third = prepare_demo(url)  # the enrolled terminal keeps working; a new one awaits
    assert counts(url)["terminals"] == 2 and third.terminal_id != second.terminal_id


def test_demo_command_is_idempotent(tmp_path: Path) -> None:
    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "central", "demo", "--data-dir", str(tmp_path), "--no-serve"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    outputs = [run(), run()]
    assert [o.returncode for o in outputs] == [0, 0]
    assert all("One-time enrollment code for the demo terminal: " in o.stdout for o in outputs)
    assert counts(demo_database_url(tmp_path))["accounts"] == 3
