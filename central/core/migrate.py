"""Schema management: the schema is made by Alembic migrations only, on SQLite
and PostgreSQL alike, so production and tests run the same DDL.

Several ``serve`` processes (or hosts) may start at once against one PostgreSQL:
each takes a transaction-scoped advisory lock before it upgrades, so one runs
the migrations and the others, once it has committed, find the schema at head
and do nothing. SQLite needs no such lock: its write lock already serialises
the migrating transactions."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

# Any fixed 64-bit number names the lock; this one spells "vic-migr".
MIGRATION_LOCK_ID = 0x7669632D6D696772


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database behind ``engine`` to the newest revision."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        hold_migration_lock(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def hold_migration_lock(conn: Connection) -> None:
    """Wait for, then hold until the transaction ends, the lock that lets one
    process at a time migrate this PostgreSQL database (no-op elsewhere)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
