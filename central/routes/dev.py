"""Development delivery: read what the central "sent" (dev backend only).

Mounted only when ``delivery_backend == "dev"``, which production settings
refuse. The kiosk's demo panel polls it to show codes and emails live; tests
read confirmation codes from it. A message is listed as soon as the
transaction that queued it commits, whether or not the sender has run yet,
except an email carrying a temporary password: it is listed once the sender
has made that the account's password (its first step before delivery).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from central.core.errors import ValidationFailed
from central.repositories import messages as repo
from central.routes.deps import Db
from central.routes.responses import refusals

router = APIRouter(prefix="/dev", tags=["development"])
RECENT_LIMIT = 200


class DevMessage(BaseModel):
    channel: str
    to: str
    subject: str
    body: str
    created_at: datetime
    kind: str
    status: str


class DevMessages(BaseModel):
    messages: list[DevMessage]


def _recipient(raw: str) -> str:
    text = raw.strip()
    # an unencoded "+" in a query string arrives as a space
    if text and "@" not in text and text[0].isdigit() and raw.startswith(" "):
        return "+" + text
    return text


@router.get("/messages", response_model=DevMessages, responses=refusals(ValidationFailed))
def dev_messages(
    db: Db,
    to: Annotated[str | None, Query(max_length=320)] = None,
) -> DevMessages:
    """Messages to ``to`` (E.164 phone or email), or the most recent ones; oldest first."""
    rows = repo.list_messages(db, to=_recipient(to) if to else None, limit=RECENT_LIMIT)
    return DevMessages(
        messages=[
            DevMessage(
                channel=m.channel,
                to=m.to,
                subject=m.subject,
                body=m.body,
                created_at=m.created_at,
                kind=m.kind,
                status=m.status,
            )
            for m in rows
        ]
    )
