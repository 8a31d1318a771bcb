"""Database engine and sessions.

One engine per application; SQLite gets WAL and a busy timeout so the request
handlers and the message sender can share the file, and ``secure_delete`` so
text a row no longer holds is gone from the file too. A SQLite file this module
creates is the owner's alone (0600, in a 0700 folder it creates): it holds
personal data, and SQLite gives its -wal and -shm files the same mode. The
request dependency in
``central.routes.deps`` owns the commit: repositories only flush.
"""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def create_private_sqlite_file(url: str) -> None:
    """Create the SQLite file of ``url`` (and its missing folders) readable by
    the owner only, before SQLite would create it with the umask's mode; an
    existing file, or an in-memory database, is left alone."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    if path.exists():
        return
    path.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(fd)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the pragmas this service relies on.

    SQL parameters are hidden from error messages: they hold phones and emails,
    and an error text may end up in a log.
    """
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        create_private_sqlite_file(url)
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 15})
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            # replaced or deleted text is zeroed, not left in free space: a delivered
            # message's code or temporary password must not survive its scrub
            cur.execute("PRAGMA secure_delete=ON")
            cur.close()

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "checkout", _refuse_closed)
    return engine


def _refuse_closed(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
    """A pooled connection the server has closed (or is closing) is replaced
    before use: an idle connection's socket has nothing to read unless the
    server ended it (a restart, a failover, ``pg_terminate_backend``), so one
    ``poll`` tells what a ``SELECT 1`` round trip (``pool_pre_ping``) would, at
    no cost to the server. Raising ``DisconnectionError`` makes the pool discard
    it and check out another."""
    try:
        fd = dbapi_conn.fileno()
    except Exception as exc:  # closed on our side: no socket left
        raise DisconnectionError("this pooled connection is closed") from exc
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLERR | select.POLLHUP)
    if poller.poll(0):
        raise DisconnectionError("the server closed this pooled connection")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def take_write_lock(session: Session) -> None:
    """On SQLite, begin ``session``'s transaction by taking the database's write
    lock (``BEGIN IMMEDIATE``, waiting up to the busy timeout); call it before the
    transaction's first statement. A transaction that reads and then writes must
    not begin deferred: if another connection commits in between, SQLite refuses
    the upgrade to a writer at once with "database is locked" (the busy timeout
    does not apply to it). Elsewhere nothing: PostgreSQL has no such upgrade."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any exception."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def write_transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """``transaction`` for work that reads and then writes beside a running
    central (the commands, the import, the purge): on SQLite it holds the write
    lock from its start (``take_write_lock``)."""
    with transaction(factory) as session:
        take_write_lock(session)
        yield session
