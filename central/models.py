"""The central's tables.

Phones are stored in E.164, emails in email-validator's normalised form with
the domain lower-cased; ``email_key`` (fully lower-cased) is what uniqueness
and look-ups use. Secrets (codes, passwords, tokens) are stored only as hashes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite forgets zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Terminal(Base):
    __tablename__ = "terminals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    branch: Mapped[str] = mapped_column(String(120))
    enrollment_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrollment_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # token rotation: when the current token was issued; the token it replaced
    # stays valid until ``previous_token_expires_at`` (None: the new one has not
    # been used yet, so its answer may have been lost and the old one must work)
    token_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    previous_token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the latest heartbeat (``POST /api/v1/terminals/heartbeat``)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    app_version: Mapped[str | None] = mapped_column(String(40))
    user_agent: Mapped[str | None] = mapped_column(String(200))
    outbox_pending: Mapped[int | None] = mapped_column(Integer)
    outbox_needs_attention: Mapped[int | None] = mapped_column(Integer)
    outbox_oldest_age_s: Mapped[int | None] = mapped_column(Integer)
    # how far the terminal's clock read ahead of the central's (s; negative: behind)
    clock_offset_s: Mapped[int | None] = mapped_column(Integer)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320), unique=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    locale: Mapped[str] = mapped_column(String(2), default="ru")
    status: Mapped[str] = mapped_column(String(32))  # pending_activation | active
    source: Mapped[str] = mapped_column(String(16))  # registration | online_purchase
    # None while a temporary password waits for its email: the sender hashes it
    # onto the account just before it delivers that email (password_message_id)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    password_message_id: Mapped[str | None] = mapped_column(String(36))
    password_is_temporary: Mapped[bool] = mapped_column(Boolean, default=True)
    # when a temporary password stops opening sessions; None for a chosen password
    temporary_password_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Registration(Base):
    __tablename__ = "registrations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320), index=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    locale: Mapped[str] = mapped_column(String(2))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    consent_text_version: Mapped[str] = mapped_column(String(32))
    operator: Mapped[str | None] = mapped_column(String(64))
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminals.id"))
    client_ip: Mapped[str | None] = mapped_column(String(64))
    captured_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="code_sent")
    code_hash: Mapped[str | None] = mapped_column(String(200))
    code_expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    code_sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts_left: Mapped[int] = mapped_column(Integer)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    # hash of the token in the SMS link of a late (outbox) registration's code page
    link_token_hash: Mapped[str | None] = mapped_column(String(64))


class PasswordReset(Base):
    """A password reset by SMS code (contract v1.1). ``account_id`` is None for a
    login nobody has: such a reset has a code nobody knows, so it behaves like
    one whose every code is wrong."""

    __tablename__ = "password_resets"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"))
    phone: Mapped[str | None] = mapped_column(String(20))
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminals.id"))
    locale: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(16), default="code_sent")  # code_sent | done
    code_hash: Mapped[str | None] = mapped_column(String(200))
    code_sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    code_expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts_left: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class EmailCorrection(Base):
    """A correction of a pending account's email (issue 11 §1): the clerk (or
    the client at a kiosk) gives the right address, the account's phone proves
    itself by SMS code, then the account moves to ``new_email``."""

    __tablename__ = "email_corrections"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    new_email: Mapped[str] = mapped_column(String(320))
    new_email_key: Mapped[str] = mapped_column(String(320))
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminals.id"))
    operator: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="code_sent")  # code_sent | done
    code_hash: Mapped[str | None] = mapped_column(String(200))
    code_expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts_left: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CodeIssue(Base):
    """One confirmation code sent: the per-phone hourly cap counts these."""

    __tablename__ = "code_issues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    phone: Mapped[str] = mapped_column(String(20))
    registration_id: Mapped[str] = mapped_column(ForeignKey("registrations.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_code_issues_phone_at", "phone", "issued_at"),)


class RateEvent(Base):
    """A counted action for sliding-window limits (scope: terminal, ip, login...)."""

    __tablename__ = "rate_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_rate_events_scope_key_at", "scope", "key", "at"),)


class ActivationToken(Base):
    __tablename__ = "activation_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ClientSession(Base):
    __tablename__ = "client_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    password_change_only: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Contract(Base):
    __tablename__ = "contracts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    product: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    terminated: Mapped[bool] = mapped_column(Boolean, default=False)
    premium_amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(String(3), default="KZT")


class Message(Base):
    """An SMS or email to send: written in the transaction of the change that
    causes it, delivered later by the sender with retries."""

    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    channel: Mapped[str] = mapped_column(String(8))  # sms | email
    to: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    # a temporary password the sender makes its account's password before
    # delivering this email; erased once hashed (the body keeps it until sent)
    password: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_messages_status_next", "status", "next_attempt_at"),)


class IdempotencyRecord(Base):
    """The first answer to a terminal's POST, replayed for the same key."""

    __tablename__ = "idempotency_records"

    terminal_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AuditEvent(Base):
    """Who did what to whose data, when: answers a breach report's questions."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[str | None] = mapped_column(String(36))
    terminal_id: Mapped[str | None] = mapped_column(String(36))
    operator: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(500))

    # one index per question of ``python -m central audit`` ("what happened to this
    # account", "whose data did this terminal touch", "what happened between T1
    # and T2"), each ending in ``at`` so a time range is one index range; the last
    # one also serves the purge of events past their retention
    __table_args__ = (
        Index("ix_audit_events_account_at", "account_id", "at"),
        Index("ix_audit_events_terminal_at", "terminal_id", "at"),
        Index("ix_audit_events_at", "at"),
    )


class Claim(Base):
    """A client's claim on one of their contracts («онлайн урегулирование»).

    ``number`` is «УБ-<year>-<six digits>», the sequence of its year without
    gaps (``ClaimNumberCounter``); ``locale`` is the language of every message
    about it. Its documents' files live outside the database, named by id."""

    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    contract_id: Mapped[str] = mapped_column(ForeignKey("contracts.id"))
    kind: Mapped[str] = mapped_column(String(32))
    event_date: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    contact_phone: Mapped[str] = mapped_column(String(20))
    locale: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(24), index=True)
    approved_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ClaimNumberCounter(Base):
    """The last claim number given in a year: incremented in the transaction
    that creates the claim, so a rolled-back claim leaves no gap."""

    __tablename__ = "claim_number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class ClaimEvent(Base):
    """One step of a claim's history: its status from ``at`` on, and why."""

    __tablename__ = "claim_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    operator: Mapped[str | None] = mapped_column(String(64))


class ClaimDocument(Base):
    """A file attached to a claim. The file is ``<documents folder>/<id>``;
    ``name`` is only shown (the client's name with the extension its content
    has), never used as a path."""

    __tablename__ = "claim_documents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1, 2, ... in the claim, as added
    name: Mapped[str] = mapped_column(String(120))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    via: Mapped[str] = mapped_column(String(8))  # api | link


class ClaimUploadLink(Base):
    """A one-time link (its token only as a hash) to the phone page that adds
    photos to one claim."""

    __tablename__ = "claim_upload_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
