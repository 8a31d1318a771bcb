"""Activation tokens and client sessions: both stored only as SHA-256 hashes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from central.models import ActivationToken, ClientSession
from central.repositories.tables import table_of


def add_activation(
    db: Session, account_id: str, token_hash: str, now: datetime, expires_at: datetime
) -> None:
    db.add(
        ActivationToken(
            token_hash=token_hash, account_id=account_id, created_at=now, expires_at=expires_at
        )
    )
    db.flush()


def activation(db: Session, token_hash: str) -> ActivationToken | None:
    """The activation token, read without a lock (the link's page only looks)."""
    query = select(ActivationToken).where(ActivationToken.token_hash == token_hash)
    return db.scalars(query).first()


def activation_for_update(db: Session, token_hash: str) -> ActivationToken | None:
    query = select(ActivationToken).where(ActivationToken.token_hash == token_hash)
    return db.scalars(query.with_for_update()).first()


def spend_activations(db: Session, account_id: str, now: datetime) -> None:
    """Mark every unused activation token of the account used: once it is active,
    an older link must not answer as if it still did something."""
    db.execute(
        update(ActivationToken)
        .where(ActivationToken.account_id == account_id, ActivationToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )


_INSERT_SESSION = insert(table_of(ClientSession))


def add_session(
    db: Session,
    *,
    token_hash: str,
    account_id: str,
    terminal_id: str | None,
    now: datetime,
    expires_at: datetime,
    password_change_only: bool,
) -> None:
    """A new client session, inserted at once (prebuilt Core INSERT): every
    log-in writes one, and the ORM's unit of work cost more than the row."""
    db.connection().execute(
        _INSERT_SESSION,
        {
            "token_hash": token_hash,
            "account_id": account_id,
            "terminal_id": terminal_id,
            "created_at": now,
            "expires_at": expires_at,
            "password_change_only": password_change_only,
            "revoked_at": None,
        },
    )


def revoke_session(db: Session, token_hash: str, now: datetime) -> None:
    """End one client session (a logout)."""
    db.execute(
        update(ClientSession)
        .where(ClientSession.token_hash == token_hash, ClientSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_terminal_sessions(db: Session, terminal_id: str, now: datetime) -> None:
    """End every live client session opened on the terminal."""
    db.execute(
        update(ClientSession)
        .where(ClientSession.terminal_id == terminal_id, ClientSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_sessions(db: Session, account_id: str, now: datetime, keep: str | None = None) -> None:
    """End every live session of the account (but ``keep``, the caller's own)."""
    query = update(ClientSession).where(
        ClientSession.account_id == account_id, ClientSession.revoked_at.is_(None)
    )
    if keep is not None:
        query = query.where(ClientSession.token_hash != keep)
    db.execute(query.values(revoked_at=now))


def session_by_token_hash(db: Session, token_hash: str) -> ClientSession | None:
    """A client session by its token's hash, for request authentication."""
    return db.get(ClientSession, token_hash)
