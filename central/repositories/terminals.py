"""Branch terminals: created by an operator, enrolled once, revocable.

The operator's one-time enrollment code and the terminal's bearer token are
stored only as SHA-256 hashes. Enrolling is one conditional UPDATE, so a code
works once even when two terminals race with it. A revoked terminal keeps its
token hash so its requests are recognised and refused.

Every terminal request starts with ``by_token_hash``, so it is one prebuilt
Core SELECT of the four columns a route needs, not an ORM load (which costs
several times more Python per request for an object nobody changes).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.models import Terminal
from central.repositories import tokens
from central.repositories.tables import table_of

# no 0/O, 1/I/L: read aloud or typed on a touch screen without ambiguity
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_CHARS = 4  # 12 characters, about 59 bits


class TerminalNotFound(LookupError):
    pass


def new_enrollment_code() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_CHARS))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalize_code(code: str) -> str:
    """``abcd efgh-jkmn`` → ``ABCD-EFGH-JKMN``: people type codes loosely."""
    chars = "".join(ch for ch in code.upper() if ch.isalnum())
    parts = [chars[i : i + CODE_GROUP_CHARS] for i in range(0, len(chars), CODE_GROUP_CHARS)]
    return "-".join(parts)


def create(
    db: Session, *, name: str, branch: str, now: datetime, ttl_s: int
) -> tuple[Terminal, str]:
    """A terminal waiting for enrollment and its one-time code (shown once)."""
    code = new_enrollment_code()
    terminal = Terminal(
        name=name,
        branch=branch,
        enrollment_code_hash=hash_token(code),
        enrollment_expires_at=now + timedelta(seconds=ttl_s),
        created_at=now,
    )
    db.add(terminal)
    db.flush()
    return terminal, code


def spend_enrollment_code(
    db: Session, *, code_hash: str, token_hash: str, name: str, now: datetime
) -> tuple[str, str] | None:
    """Spend the code of ``code_hash`` and give its terminal ``token_hash`` and
    ``name``: the terminal's (id, branch), or None if the code is unknown, used,
    expired, or its terminal revoked. One conditional UPDATE, so a code works
    once even when two terminals race with it."""
    result = db.execute(
        update(Terminal)
        .where(
            Terminal.enrollment_code_hash == code_hash,
            Terminal.enrolled_at.is_(None),
            Terminal.revoked_at.is_(None),
            Terminal.enrollment_expires_at > now,
        )
        .values(
            enrollment_code_hash=None,
            token_hash=token_hash,
            token_issued_at=now,
            enrolled_at=now,
            name=name,
        )
        .returning(Terminal.id, Terminal.branch)
        .execution_options(synchronize_session=False)
    )
    row = result.first()
    return (str(row[0]), str(row[1])) if row is not None else None


_terminals = table_of(Terminal).c
_IDENTITY = (
    _terminals.id,
    _terminals.name,
    _terminals.branch,
    _terminals.revoked_at,
    _terminals.previous_token_hash.is_not(None) & _terminals.previous_token_expires_at.is_(None),
)
_BY_TOKEN_HASH = select(*_IDENTITY).where(_terminals.token_hash == bindparam("token_hash"))
_BY_PREVIOUS_HASH = select(*_IDENTITY, _terminals.previous_token_expires_at).where(
    _terminals.previous_token_hash == bindparam("token_hash")
)


@dataclass(frozen=True, slots=True)
class TerminalIdentity:
    """The terminal a request comes from, as read when it arrived.

    ``unconfirmed``: the token was rotated and the new one never used yet.
    ``previous``: the request presented the token a rotation replaced."""

    id: str
    name: str
    branch: str
    revoked_at: datetime | None
    unconfirmed: bool = False
    previous: bool = False


def by_token_hash(
    db: Session, token_hash: str, now: datetime | None = None
) -> TerminalIdentity | None:
    """The terminal of a current token; else (with ``now``) of a previous token
    still within its grace period, or whose replacement was never used."""
    conn = db.connection()
    row = conn.execute(_BY_TOKEN_HASH, {"token_hash": token_hash}).first()
    if row is not None:
        return TerminalIdentity(row[0], row[1], row[2], row[3], bool(row[4]))
    if now is None:
        return None
    old = conn.execute(_BY_PREVIOUS_HASH, {"token_hash": token_hash}).first()
    if old is None or (old[5] is not None and old[5] <= now):
        return None
    return TerminalIdentity(old[0], old[1], old[2], old[3], bool(old[4]), previous=True)


def confirm_rotation(db: Session, terminal_id: str, *, now: datetime, grace: timedelta) -> None:
    """The new token has been used: the previous one works for ``grace`` more."""
    db.execute(
        update(Terminal)
        .where(Terminal.id == terminal_id, Terminal.previous_token_expires_at.is_(None))
        .values(previous_token_expires_at=now + grace)
        .execution_options(synchronize_session=False)
    )


def rotate_token(
    db: Session, identity: TerminalIdentity, *, presented_hash: str, new_hash: str, now: datetime
) -> bool:
    """Give the terminal ``new_hash`` as its token; False if the presented token
    is no longer the one to rotate from (a concurrent rotation won).

    From the current token: it becomes the previous one, valid until the new one
    is used (and ``grace`` after). From the previous token (the new one's answer
    was lost, never used): the lost token is replaced, the previous one kept."""
    query = update(Terminal).where(Terminal.id == identity.id, Terminal.revoked_at.is_(None))
    if identity.previous:
        query = query.where(
            Terminal.previous_token_hash == presented_hash,
            Terminal.previous_token_expires_at.is_(None),
        ).values(token_hash=new_hash, token_issued_at=now)
    else:
        query = query.where(Terminal.token_hash == presented_hash).values(
            token_hash=new_hash,
            token_issued_at=now,
            previous_token_hash=presented_hash,
            previous_token_expires_at=None,
        )
    result = db.execute(query.execution_options(synchronize_session=False))
    return bool(getattr(result, "rowcount", 0))


@dataclass(frozen=True, slots=True)
class Heartbeat:
    """What a terminal reports about itself every few minutes."""

    app_version: str
    user_agent: str | None
    outbox_pending: int
    outbox_needs_attention: int
    outbox_oldest_age_s: int | None
    clock_offset_s: int | None = None  # the terminal's clock minus the central's


def record_heartbeat(db: Session, terminal_id: str, beat: Heartbeat, *, now: datetime) -> None:
    db.execute(
        update(Terminal)
        .where(Terminal.id == terminal_id)
        .values(
            last_seen_at=now,
            app_version=beat.app_version,
            user_agent=beat.user_agent,
            outbox_pending=beat.outbox_pending,
            outbox_needs_attention=beat.outbox_needs_attention,
            outbox_oldest_age_s=beat.outbox_oldest_age_s,
            clock_offset_s=beat.clock_offset_s,
        )
        .execution_options(synchronize_session=False)
    )


def token_issued_at(db: Session, terminal_id: str) -> datetime | None:
    """When the terminal's current token was issued (enrollment or rotation)."""
    row = db.execute(
        select(Terminal.token_issued_at, Terminal.enrolled_at, Terminal.created_at).where(
            Terminal.id == terminal_id
        )
    ).first()
    if row is None:
        return None
    return row[0] or row[1] or row[2]


def list_all(db: Session) -> Sequence[Terminal]:
    return db.scalars(select(Terminal).order_by(Terminal.created_at, Terminal.id)).all()


def status_of(terminal: Terminal, now: datetime) -> str:
    """``revoked``, ``enrolled``, ``expired`` (code unused too long) or ``awaiting_enrollment``."""
    if terminal.revoked_at is not None:
        return "revoked"
    if terminal.enrolled_at is not None:
        return "enrolled"
    expires = terminal.enrollment_expires_at
    if expires is None or expires <= now:
        return "expired"
    return "awaiting_enrollment"


def revoke(db: Session, terminal_id: str, *, now: datetime) -> Terminal:
    """Refuse the terminal's token from now on, and end every client session
    opened on it (contract v1.1: a stolen kiosk's open sessions die with it);
    ``TerminalNotFound`` if no such id."""
    terminal = db.get(Terminal, terminal_id)
    if terminal is None:
        raise TerminalNotFound(terminal_id)
    if terminal.revoked_at is None:
        terminal.revoked_at = now
        terminal.enrollment_code_hash = None
        db.flush()
    tokens.revoke_terminal_sessions(db, terminal_id, now)
    return terminal


def awaiting_in_branch(db: Session, branch: str) -> Terminal | None:
    """A terminal of ``branch`` not yet enrolled nor revoked (its code may have expired)."""
    query = select(Terminal).where(
        Terminal.branch == branch, Terminal.enrolled_at.is_(None), Terminal.revoked_at.is_(None)
    )
    return db.scalars(query.order_by(Terminal.created_at)).first()


def reissue_code(db: Session, terminal: Terminal, *, now: datetime, ttl_s: int) -> str:
    """A new one-time code for a terminal awaiting enrollment; the old one stops working."""
    code = new_enrollment_code()
    terminal.enrollment_code_hash = hash_token(code)
    terminal.enrollment_expires_at = now + timedelta(seconds=ttl_s)
    db.flush()
    return code
