"""Terminal enrollment: a branch terminal trades the operator's one-time code
(``python -m central terminals add``) for its bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from central.core.errors import Unauthorized
from central.core.security import hash_token, new_token
from central.repositories import audit, terminals


@dataclass(frozen=True)
class Enrolled:
    """The new terminal's id and token: the token is shown only in this answer
    (only its hash is kept), so a lost answer needs a new code."""

    terminal_id: str
    token: str
    branch: str


def enroll(db: Session, code: str, name: str, now: datetime) -> Enrolled:
    """Spend ``code`` for a terminal named ``name``; ``Unauthorized`` for an
    unknown, used, expired or revoked code."""
    token = new_token()
    spent = terminals.spend_enrollment_code(
        db,
        code_hash=hash_token(terminals.normalize_code(code)),
        token_hash=hash_token(token),
        name=name.strip(),
        now=now,
    )
    if spent is None:
        raise Unauthorized()
    terminal_id, branch = spent
    audit.record(db, "terminal_enrolled", now, terminal_id=terminal_id, detail=f"branch {branch}")
    return Enrolled(terminal_id=terminal_id, token=token, branch=branch)
