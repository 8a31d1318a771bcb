"""Reading the audit trail: the answers to a breach question ("whose data did
terminal X touch between T1 and T2") and to "what happened to this person's
account". The events hold no secret and contacts only masked, so what this
prints may be handed to an investigator as it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import NotFound
from central.repositories import accounts
from central.repositories import audit as repo
from central.services.access import find_account, login_key


@dataclass(frozen=True, slots=True)
class EventView:
    at: str  # ISO 8601, UTC
    action: str
    account_id: str | None
    terminal_id: str | None
    operator: str | None
    detail: str | None


def account_id_of(db: Session, settings: Settings, login: str) -> str:
    """The account a login (phone or email) or an account id names: a closed
    account has no login left, only its id (in its closure's confirmation)."""
    found = accounts.get(db, login)
    if found is None:
        found = find_account(db, login_key(login, settings))
    if found is None:
        raise NotFound()
    return found.id


def events(
    db: Session,
    *,
    account_id: str | None,
    terminal_id: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
) -> list[EventView]:
    rows = repo.find(
        db, account_id=account_id, terminal_id=terminal_id, since=since, until=until, limit=limit
    )
    return [
        EventView(e.at.isoformat(), e.action, e.account_id, e.terminal_id, e.operator, e.detail)
        for e in rows
    ]
