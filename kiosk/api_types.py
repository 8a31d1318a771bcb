"""What the kiosk sends to and gets from the central (contract v1.1), as values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

Locale = Literal["ru", "kk", "en"]


@dataclass(frozen=True)
class RegistrationRequest:
    """A client's registration as captured at the terminal.

    ``phone`` is E.164, ``email`` normalised; ``captured_at`` is set when the
    request is delivered late from the outbox.
    """

    email: str
    phone: str
    consent: bool
    locale: Locale = "ru"
    operator: str | None = None
    captured_at: datetime | None = None


@dataclass(frozen=True)
class RegistrationStarted:
    """The central's answer to a registration or a resend; the code's times on the
    terminal's clock (``kiosk.answers.clock_offset``)."""

    id: str
    status: str
    phone_masked: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int


@dataclass(frozen=True)
class ClientSession:
    token: str = field(repr=False)
    password_change_required: bool
    expires_at: datetime


@dataclass(frozen=True)
class Contract:
    number: str
    product: str
    status: Literal["active", "expired", "terminated"]
    starts_on: date
    ends_on: date
    premium_amount: Decimal
    currency: str


@dataclass(frozen=True)
class Enrollment:
    terminal_id: str
    token: str
    branch: str


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int
    required: tuple[str, ...]
    specials: str
    letters: str


@dataclass(frozen=True)
class ResetStarted:
    """A password reset by SMS code (v1.1): the same shape whether or not the
    account exists. ``attempts_left`` is None where the central does not say
    (the first answer); a resend says it."""

    id: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int | None = None


# -- online claims (contract v1.1 «Added: online claims») ---------------------------

DECIDED_STATUSES: frozenset[str] = frozenset({"approved", "paid", "rejected"})


@dataclass(frozen=True)
class ClaimKind:
    """A kind of insured event: ``code`` is sent, ``title`` is the central's word
    for it in the request's language."""

    code: str
    title: str


@dataclass(frozen=True)
class ClaimRequest:
    """A claim as filed at the terminal. ``contact_phone`` E.164 or None (the
    account's own); ``place`` None when left empty."""

    contract_number: str
    kind: str
    event_date: date
    description: str
    place: str | None = None
    contact_phone: str | None = None


@dataclass(frozen=True)
class ClaimDocument:
    id: str
    name: str
    content_type: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class ClaimHistoryEntry:
    """One status the claim went through; ``amount`` (KZT) for approved and paid."""

    status: str
    at: datetime
    note: str | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    number: str
    contract_number: str
    kind: str
    event_date: date
    place: str | None
    description: str
    status: str
    created_at: datetime
    documents: tuple[ClaimDocument, ...] = ()
    history: tuple[ClaimHistoryEntry, ...] = ()

    @property
    def decided(self) -> bool:
        """Approved, paid or rejected: no more documents are taken."""
        return self.status in DECIDED_STATUSES


@dataclass(frozen=True)
class UploadLink:
    """A claim's one-time phone upload link: a secret, so left out of ``repr``."""

    url: str = field(repr=False)
    expires_at: datetime


@dataclass(frozen=True)
class LinkSent:
    """A claim's new upload link, sent by SMS to ``phone_masked`` (the account's)."""

    link: UploadLink
    phone_masked: str


@dataclass(frozen=True)
class HeartbeatReport:
    """What a running terminal tells the central every few minutes (issue 13 §5)."""

    app_version: str
    outbox_pending: int
    outbox_needs_attention: int
    oldest_pending_age_s: int | None


@dataclass(frozen=True)
class HeartbeatAnswer:
    """How old the terminal's token is; ``rotate_due`` once it should rotate."""

    token_age_s: int
    rotate_due: bool


@dataclass(frozen=True)
class CorrectionStarted:
    """An email correction of an account pending activation (issue 11 §1): a code
    went by SMS to the account's phone (``phone_masked``)."""

    id: str
    phone_masked: str
    code_expires_at: datetime
    attempts_left: int
