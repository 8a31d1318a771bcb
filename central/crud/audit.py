"""The audit trail: who did what to whose data, when. Details never hold
secrets, and contacts only masked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from central.models import AuditEvent


def record(
    db: Session,
    action: str,
    now: datetime,
    *,
    account_id: str | None = None,
    terminal_id: str | None = None,
    operator: str | None = None,
    detail: str | None = None,
) -> None:
    db.add(
        AuditEvent(
            at=now,
            action=action,
            account_id=account_id,
            terminal_id=terminal_id,
            operator=operator,
            detail=detail[:500] if detail else None,
        )
    )
