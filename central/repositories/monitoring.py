"""What the monitoring asks of the database at each scrape (``central.core.metrics``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from central.models import Message, Terminal
from central.repositories.messages import INTERNAL_KINDS


@dataclass(frozen=True)
class Backlog:
    pending: dict[str, int]  # by channel
    failed: dict[str, int]  # by channel
    oldest_due_at: datetime | None  # the oldest pending message already due
    terminals_seen: int  # unrevoked terminals whose heartbeat came within ``seen_window``


def backlog(conn: Connection, *, now: datetime, seen_window: timedelta) -> Backlog:
    by_status = conn.execute(
        select(Message.channel, Message.status, func.count())
        .where(Message.status.in_(("pending", "failed")), Message.kind.not_in(INTERNAL_KINDS))
        .group_by(Message.channel, Message.status)
    ).all()
    oldest_due = conn.execute(
        select(func.min(Message.next_attempt_at)).where(
            Message.status == "pending", Message.next_attempt_at <= now
        )
    ).scalar()
    seen = conn.execute(
        select(func.count()).where(
            Terminal.last_seen_at >= now - seen_window, Terminal.revoked_at.is_(None)
        )
    ).scalar()
    pending = {ch: n for ch, status, n in by_status if status == "pending"}
    failed = {ch: n for ch, status, n in by_status if status == "failed"}
    return Backlog(pending, failed, oldest_due, int(seen or 0))
