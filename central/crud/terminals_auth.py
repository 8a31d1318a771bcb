"""Terminal look-up by bearer token, for request authentication.

Every terminal request starts here, so it is one prebuilt Core SELECT of the
four columns a route needs, not an ORM load (which costs several times more
Python per request for an object nobody changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from central.crud.tables import table_of
from central.models import Terminal

_terminals = table_of(Terminal).c
_BY_TOKEN_HASH = select(
    _terminals.id, _terminals.name, _terminals.branch, _terminals.revoked_at
).where(_terminals.token_hash == bindparam("token_hash"))


@dataclass(frozen=True, slots=True)
class TerminalIdentity:
    """The terminal a request comes from, as read when it arrived."""

    id: str
    name: str
    branch: str
    revoked_at: datetime | None


def by_token_hash(db: Session, token_hash: str) -> TerminalIdentity | None:
    row = db.connection().execute(_BY_TOKEN_HASH, {"token_hash": token_hash}).first()
    return TerminalIdentity(*row) if row is not None else None
