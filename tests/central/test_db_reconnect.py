"""A central whose pooled PostgreSQL connections the server has ended (a
restart, a failover, an administrator's ``pg_terminate_backend``) answers the
next requests as usual: each such connection is replaced before use, not found
dead by a request that then fails (``central.core.db``)."""

from __future__ import annotations

import time
import uuid

import pytest
from sqlalchemy import create_engine, text

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import Api, add_terminal

pytestmark = pytest.mark.postgres
GONE_WITHIN_S = 10.0


def _end_backends(admin_url: str, application_name: str) -> int:
    """End the server processes of the connections named ``application_name``
    open now; returns how many there were, once they are gone (the central may
    open new ones meanwhile)."""
    # autocommit: a transaction would see one snapshot of pg_stat_activity throughout
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    by_name = "SELECT pid FROM pg_stat_activity WHERE application_name = :name"
    try:
        with admin.connect() as conn:
            pids = set(conn.execute(text(by_name), {"name": application_name}).scalars())
            for pid in pids:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            deadline = time.monotonic() + GONE_WITHIN_S
            while time.monotonic() < deadline:
                alive = set(conn.execute(text(by_name), {"name": application_name}).scalars())
                if not pids & alive:
                    return len(pids)
                time.sleep(0.05)
            raise AssertionError("the server did not end the connections")
    finally:
        admin.dispose()


def test_requests_after_the_server_ended_the_pooled_connections_are_answered(
    postgres_url: str,
) -> None:
    name = f"central_{uuid.uuid4().hex[:8]}"
    url = f"{postgres_url}&application_name={name}"
    with EmbeddedCentral(Settings(database_url=url, delivery_backend="dev")) as central:
        api = Api(central.url, add_terminal(central))
        for _ in range(3):
            assert api.get("/api/v1/terminals/me").status_code == 200
        assert _end_backends(postgres_url, name) >= 1
        answers = [api.get("/api/v1/terminals/me").status_code for _ in range(5)]
        assert answers == [200] * 5
