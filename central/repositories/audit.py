"""The audit trail: who did what to whose data, when. Details never hold
secrets, and contacts only masked.

An event is inserted at once (prebuilt Core INSERT, in the caller's
transaction): every registration writes one, and the ORM's unit of work cost
several times the row itself. The table has no foreign keys, so the order of
writes within a transaction does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from central.models import AuditEvent
from central.repositories.tables import table_of

_INSERT = insert(table_of(AuditEvent))


@dataclass(frozen=True, slots=True)
class AuditRow:
    """An event's columns, for writers that insert it with other rows."""

    at: datetime
    action: str
    account_id: str | None
    terminal_id: str | None
    operator: str | None
    detail: str | None

    def columns(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def row(
    action: str,
    now: datetime,
    *,
    account_id: str | None = None,
    terminal_id: str | None = None,
    operator: str | None = None,
    detail: str | None = None,
) -> AuditRow:
    return AuditRow(
        at=now,
        action=action,
        account_id=account_id,
        terminal_id=terminal_id,
        operator=operator,
        detail=detail[:500] if detail else None,
    )


def insert_row(db: Session, event: AuditRow) -> None:
    db.connection().execute(_INSERT, event.columns())


def record(db: Session, action: str, now: datetime, **who: str | None) -> None:
    """Insert the event now; ``who`` are ``row``'s keyword fields."""
    insert_row(db, row(action, now, **who))


def find(
    db: Session,
    *,
    account_id: str | None = None,
    terminal_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int,
) -> list[AuditEvent]:
    """Events oldest first, each filter optional; ``until`` is exclusive. With an
    account or a terminal the query is one range of its ``(…, at)`` index."""
    query = select(AuditEvent)
    if account_id is not None:
        query = query.where(AuditEvent.account_id == account_id)
    if terminal_id is not None:
        query = query.where(AuditEvent.terminal_id == terminal_id)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    return list(db.scalars(query.order_by(AuditEvent.at, AuditEvent.id).limit(limit)))
