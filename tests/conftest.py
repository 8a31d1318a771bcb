"""Shared fixtures: real databases and a real central over HTTP.

``database_url`` is parametrised over SQLite (a temporary file) and PostgreSQL
(a schema of its own per test, dropped afterwards). PostgreSQL cases are
skipped, with the reason shown, when ``VIC_TEST_POSTGRES_URL`` is unset.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from central.core.config import Settings
from central.server import EmbeddedCentral

POSTGRES_URL = os.environ.get("VIC_TEST_POSTGRES_URL", "")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--soak", action="store_true", help="run long soak tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--soak"):
        return
    skip = pytest.mark.skip(reason="soak test: run with --soak")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    if not POSTGRES_URL:
        pytest.skip("VIC_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def central_settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, delivery_backend="dev")


@pytest.fixture
def central(central_settings: Settings) -> Iterator[EmbeddedCentral]:
    """A real central over HTTP on a free loopback port, on both databases."""
    with EmbeddedCentral(central_settings) as running:
        yield running


@pytest.fixture
def sqlite_central(sqlite_url: str) -> Iterator[EmbeddedCentral]:
    """A real central on SQLite only, for tests whose subject is not the database."""
    with EmbeddedCentral(Settings(database_url=sqlite_url, delivery_backend="dev")) as running:
        yield running
