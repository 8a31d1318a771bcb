"""Activation of an account by the link of its email (contract v1.1): opening
the link only looks (``check``: a mail scanner that opens it spends nothing);
the page's button activates (``activate``), once per link, and activating
spends every link of the account. A link of an account already active says so,
and where to log in, instead of a bare "already used"."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.models import Account, ActivationToken
from central.repositories import accounts, audit, tokens

MAX_TOKEN_CHARS = 200


class Activation(StrEnum):
    """What a link did or would do: the page says it (each is a page, not an error)."""

    READY = "activate_prompt"  # valid and unused: the page shows the button
    ACTIVATED = "activated"
    INVALID = "link_invalid"
    USED = "link_used"
    ALREADY_ACTIVE = "already_active"
    EXPIRED = "link_expired"


def _link(
    db: Session, token: str, now: datetime, *, lock: bool
) -> tuple[Activation, ActivationToken | None, Account | None]:
    """The link's state; ``lock``: its row locked until the transaction ends
    (PostgreSQL), for the POST that activates. A GET only looks: a row lock
    there would make a page view wait on (and block) an activation."""
    read = tokens.activation_for_update if lock else tokens.activation
    found = read(db, hash_token(token[:MAX_TOKEN_CHARS]))
    account = accounts.get(db, found.account_id) if found is not None else None
    if found is None or account is None:
        return Activation.INVALID, None, None
    if found.used_at is not None:
        used = Activation.ALREADY_ACTIVE if account.status == "active" else Activation.USED
        return used, found, account
    if found.expires_at <= now:
        return Activation.EXPIRED, found, account
    return Activation.READY, found, account


def check(db: Session, token: str, now: datetime) -> Activation:
    """What the link's button would do; changes nothing."""
    return _link(db, token, now, lock=False)[0]


def activate(db: Session, token: str, now: datetime) -> Activation:
    """Activate the account of a valid, unused, unexpired link."""
    state, found, account = _link(db, token, now, lock=True)
    if state is not Activation.READY:
        return state
    assert found is not None and account is not None
    tokens.spend_activations(db, account.id, now)  # this link and every older one
    found.used_at = now
    if account.status != "active":
        account.status = "active"
        account.activated_at = now
    audit.record(db, "account_activated", now, account_id=account.id)
    db.flush()
    return Activation.ACTIVATED
