"""Activation of an account by the link of its email: the link's page shows
a button, only its POST activates; once per link, and activating spends every
link of the account ("already used" after)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.repositories import accounts, audit, tokens

MAX_TOKEN_CHARS = 200


class Activation(StrEnum):
    """What a link did: the page says it (no error type: each is a page)."""

    ACTIVATED = "activated"
    INVALID = "link_invalid"
    USED = "link_used"
    EXPIRED = "link_expired"
    ALREADY_ACTIVE = "already_active"


def check(db: Session, token: str, now: datetime) -> Activation | None:
    """Why the link cannot activate, or None for a live one. Changes nothing:
    the link's page (GET) only shows a button, so a mail scanner that opens
    links spends none (contract v1.1). A used link of an active account says
    where to log in."""
    found = tokens.activation_for_update(db, hash_token(token[:MAX_TOKEN_CHARS]))
    if found is None or accounts.get(db, found.account_id) is None:
        return Activation.INVALID
    if found.used_at is not None:
        account = accounts.get(db, found.account_id)
        active = account is not None and account.status == "active"
        return Activation.ALREADY_ACTIVE if active else Activation.USED
    if found.expires_at <= now:
        return Activation.EXPIRED
    return None


def activate(db: Session, token: str, now: datetime) -> Activation:
    """Activate the account of a valid, unused, unexpired link (the button's POST)."""
    refused = check(db, token, now)
    if refused is not None:
        return refused
    found = tokens.activation_for_update(db, hash_token(token[:MAX_TOKEN_CHARS]))
    assert found is not None  # check found it
    account = accounts.get(db, found.account_id)
    assert account is not None
    tokens.spend_activations(db, account.id, now)  # this link and every older one
    found.used_at = now
    if account.status != "active":
        account.status = "active"
        account.activated_at = now
    audit.record(db, "account_activated", now, account_id=account.id)
    db.flush()
    return Activation.ACTIVATED
