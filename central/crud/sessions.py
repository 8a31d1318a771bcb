"""Client session look-up by token hash, for request authentication."""

from __future__ import annotations

from sqlalchemy.orm import Session

from central.models import ClientSession


def by_token_hash(db: Session, token_hash: str) -> ClientSession | None:
    return db.get(ClientSession, token_hash)
