"""Terminal look-up by bearer token, for request authentication."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Terminal


def by_token_hash(db: Session, token_hash: str) -> Terminal | None:
    return db.scalars(select(Terminal).where(Terminal.token_hash == token_hash)).first()
