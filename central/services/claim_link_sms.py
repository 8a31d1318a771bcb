"""A claim's upload link by SMS, on the client's request at the terminal.

The terminal's QR code is not every client's way: some cannot scan it, some
want to add the photos later at home. On request the central makes a new
one-time link (ending the claim's earlier one: one live link per claim) and
queues an SMS with it to the account's phone, in the claim's language. The
terminal then shows the new link's QR code in place of the dead one.

Why the account's phone and not the claim's contact phone: the link adds files
to the claim, and only the account's phone was proven the client's (by the
registration's code). The contact phone gets the status notices.

The cap (``claim_link_sms_per_claim_per_hour``) counts per claim under the
claim's row lock, so concurrent requests are judged one after another on SQLite
and PostgreSQL alike.

Replay without a stored secret: the request is replayed by its
``Idempotency-Key`` (one SMS however often the terminal repeats it), but the
record must not hold a usable link. So the link's token is not random: it is an
HMAC of the claim and the key under the client's session token, which the
database holds only as a hash. The work stores the answer without the link;
the route derives the same link again for the first answer and for every
replay of it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import IdempotencyConflict, LinkSmsLimited, NotFound
from central.core.security import hash_token
from central.messaging.outbox import enqueue
from central.repositories import accounts, audit, rates
from central.repositories import claims as repo
from central.services.claim_documents import replace_link, room
from vic_rules.phone import mask_phone

LINK_SMS_SCOPE = "claim_link_sms"  # rate events, keyed by the claim's id
SECONDS_PER_MINUTE = 60
_TOKEN_LABEL = b"vic-central claim upload link by SMS"


@dataclass(frozen=True)
class LinkSent:
    """The SMS is queued: when its link expires and where it goes (masked)."""

    expires_at: datetime
    phone_masked: str


def link_token(session_token: str, claim_id: str, idempotency_key: str) -> str:
    """The link's token for this request: 256 bits no one without the client's
    session token can compute, the same for every replay of the request."""
    message = b"\x00".join((_TOKEN_LABEL, claim_id.encode(), idempotency_key.encode()))
    digest = hmac.new(session_token.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def send_upload_link(
    db: Session,
    *,
    account_id: str,
    claim_id: str,
    token: str,
    now: datetime,
    settings: Settings,
    terminal_id: str | None,
) -> LinkSent:
    """Make ``token`` the claim's one live link and queue the SMS with it.

    ``NotFound`` for another account's claim (or none), ``ClaimDecided`` /
    ``TooManyDocuments`` when it takes no more files, ``LinkSmsLimited`` past
    the hourly cap."""
    found = repo.of_account_by_id(db, account_id, claim_id)
    claim = repo.lock(db, found.id, now) if found is not None else None
    account = accounts.get(db, account_id)
    if claim is None or account is None:
        raise NotFound()
    room(db, claim)
    count, oldest = rates.window(db, LINK_SMS_SCOPE, claim.id, now)
    if count >= settings.claim_link_sms_per_claim_per_hour:
        start = oldest if oldest is not None else now
        raise LinkSmsLimited((start - rates.window_start(now)).total_seconds())
    if repo.upload_link(db, hash_token(token)) is not None:
        raise IdempotencyConflict()  # this request's link exists: its key was reused
    rates.record(db, LINK_SMS_SCOPE, claim.id, now)
    phone = account.phone
    link = replace_link(db, claim, token, now, settings)
    params = {
        "number": claim.number,
        "url": link.url,
        "ttl_min": max(1, settings.claim_upload_link_ttl_s // SECONDS_PER_MINUTE),
    }
    enqueue(
        db,
        channel="sms",
        to=phone,
        kind="claim_upload_link_sms",
        locale=claim.locale,
        params=params,
    )
    audit.record(
        db,
        "claim_upload_link_sent_by_sms",
        now,
        account_id=account_id,
        terminal_id=terminal_id,
        detail=f"{claim.number} to {mask_phone(phone)}",
    )
    return LinkSent(expires_at=link.expires_at, phone_masked=mask_phone(phone))
