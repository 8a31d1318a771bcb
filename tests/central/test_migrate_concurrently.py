"""Several central processes starting at once on one PostgreSQL database: one
migrates, the others wait and then find the schema at head (no process fails on
"relation already exists", the schema is whole, the version recorded once)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

PROCESSES = 3
START_TIMEOUT_S = 60

# Each child imports everything first, says it is ready, then waits for the
# common start signal, so the three upgrades overlap instead of following one
# another by the accident of start-up times.
CHILD = """
import sys, time
from pathlib import Path
from central.core.db import make_engine
from central.core.migrate import upgrade
url, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
engine = make_engine(url)
ready.touch()
while not go.exists():
    time.sleep(0.001)
upgrade(engine)
engine.dispose()
"""


@pytest.mark.postgres
def test_three_processes_migrate_one_database_at_once(postgres_url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    readies = [tmp_path / f"ready-{n}" for n in range(PROCESSES)]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, postgres_url, str(ready), str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for ready in readies
    ]
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not all(r.exists() for r in readies):
            assert time.monotonic() < deadline, "the migrating processes did not start"
            assert all(c.poll() is None for c in children), "a process died before the start"
            time.sleep(0.01)
        go.touch()
        results = [
            (c.wait(timeout=START_TIMEOUT_S), c.stderr.read() if c.stderr else "") for c in children
        ]
    finally:
        for c in children:
            if c.poll() is None:
                c.kill()
    failures = [err for code, err in results if code != 0]
    assert not failures, failures[0][-2000:]
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert len(versions) == 1
    assert {"accounts", "registrations", "terminals"} <= tables
