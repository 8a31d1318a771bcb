"""What the purge deletes, table by table: one rule per kind of data.

Each rule is a WHERE clause over one table plus what is done to the rows it
selects (deleted, or emptied of personal data when the row itself is still
counted). ``count`` and ``apply`` use the same clause, so a dry run reports
exactly what a real run would touch at the same instant. Every statement is a
single set-based DELETE or UPDATE, without loading rows: an hourly pass over
a year of audit events must not pull them into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from central.models import (
    AuditEvent,
    ClientSession,
    CodeIssue,
    IdempotencyRecord,
    Message,
    PasswordReset,
    RateEvent,
    Registration,
    Terminal,
)
from central.repositories.messages import SCRUBBED_BODY, VOID
from central.repositories.rates import WINDOW_S

# PostgreSQL advisory lock key of the purge (any constant; "vicpurge" in ASCII)
PURGE_LOCK_KEY = 0x7669637075726765
# what an unconfirmed registration keeps of its email and phone once purged: the
# row stays as an anonymous count (terminal, day, outcome) for statistics
ERASED = ""


@dataclass(frozen=True, slots=True)
class Limits:
    """The ages past which each kind of data goes, in seconds."""

    unconfirmed_registration_s: int
    password_reset_s: int
    idempotency_s: int
    failed_message_s: int
    message_s: int
    audit_s: int


@dataclass(frozen=True, slots=True)
class Rule:
    """One table's purge: ``where`` selects the rows, ``values`` (None: delete)
    is what an UPDATE writes into them instead."""

    name: str
    model: type[Any]
    where: ColumnElement[bool]
    values: dict[str, Any] | None = None


def rules(now: datetime, limits: Limits) -> list[Rule]:
    """The rules at ``now``. Code issues go before registrations (they point at
    them) and carry the phone, so they follow the rate window like rate events.
    A password reset goes 24 h (by default) after its code expired or it was
    used, whichever came first: it names the account and its phone."""

    def ago(seconds: int) -> datetime:
        return now - timedelta(seconds=seconds)

    return [
        Rule("rate_events", RateEvent, RateEvent.at <= ago(WINDOW_S)),
        Rule("code_issues", CodeIssue, CodeIssue.issued_at <= ago(WINDOW_S)),
        Rule(
            "registrations",
            Registration,
            and_(
                Registration.status != "confirmed",
                Registration.code_expires_at <= ago(limits.unconfirmed_registration_s),
                Registration.phone != ERASED,
            ),
            {
                "email": ERASED,
                "email_key": ERASED,
                "phone": ERASED,
                "client_ip": None,
                "code_hash": None,
                "link_token_hash": None,
            },
        ),
        Rule(
            "password_resets",
            PasswordReset,
            and_(
                or_(
                    PasswordReset.code_expires_at <= ago(limits.password_reset_s),
                    and_(
                        PasswordReset.status == "done",
                        PasswordReset.done_at <= ago(limits.password_reset_s),
                    ),
                ),
                or_(
                    PasswordReset.phone.is_not(None),
                    PasswordReset.account_id.is_not(None),
                    PasswordReset.code_hash.is_not(None),
                ),
            ),
            # the row stays as an anonymous count (terminal, day, status), like a
            # registration's; the audit trail keeps who asked, masked, for its years
            {"phone": None, "account_id": None, "code_hash": None},
        ),
        Rule(
            "idempotency_records",
            IdempotencyRecord,
            IdempotencyRecord.created_at < ago(limits.idempotency_s),
        ),
        Rule(
            "client_sessions",
            ClientSession,
            or_(ClientSession.expires_at <= now, ClientSession.revoked_at.is_not(None)),
        ),
        Rule(
            "terminals (enrollment codes)",
            Terminal,
            and_(
                Terminal.enrollment_code_hash.is_not(None),
                or_(Terminal.enrolled_at.is_not(None), Terminal.enrollment_expires_at <= now),
            ),
            {"enrollment_code_hash": None},
        ),
        Rule(
            "messages (failed, text)",
            Message,
            and_(
                Message.status == "failed",
                Message.created_at <= ago(limits.failed_message_s),
                or_(Message.body != SCRUBBED_BODY, Message.password.is_not(None)),
            ),
            {"body": SCRUBBED_BODY, "password": None},
        ),
        # a reset's stand-in rows (``messages.VOID``): never sent, nothing to keep
        Rule("messages (void)", Message, Message.status == VOID),
        Rule(
            "messages (sent or failed)",
            Message,
            and_(
                Message.status.in_(("sent", "failed")),
                Message.created_at <= ago(limits.message_s),
            ),
        ),
        Rule("audit_events", AuditEvent, AuditEvent.at < ago(limits.audit_s)),
    ]


def count(db: Session, rule: Rule) -> int:
    """How many rows ``rule`` would touch now."""
    return int(db.scalar(select(func.count()).select_from(rule.model).where(rule.where)) or 0)


def apply(db: Session, rule: Rule) -> int:
    """Delete (or empty) ``rule``'s rows; how many."""
    if rule.values is None:
        statement: Any = delete(rule.model).where(rule.where)
    else:
        statement = update(rule.model).where(rule.where).values(rule.values)
    result = db.execute(statement.execution_options(synchronize_session=False))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def take_lock(db: Session, *, wait: bool) -> bool:
    """Make this transaction the only purge running; False when another holds
    it and ``wait`` is not set.

    PostgreSQL: a transaction-scoped advisory lock, tried without waiting by the
    senders (the holder does the same work) and awaited by the operator's
    command. SQLite: the database's write lock, taken at once by a no-op write
    (``BEGIN IMMEDIATE`` is not available inside SQLAlchemy's transaction); a
    second purge waits for the first to commit, then finds nothing left."""
    if db.get_bind().dialect.name == "postgresql":
        if wait:
            db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PURGE_LOCK_KEY})
            return True
        taken = db.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PURGE_LOCK_KEY})
        return bool(taken)
    db.execute(text("UPDATE terminals SET id = id WHERE 0"))
    return True
