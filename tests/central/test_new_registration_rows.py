"""A new registration writes all its rows, and only once, whichever way the
database takes them (PostgreSQL: one statement of data-modifying CTEs; SQLite:
one INSERT per table); a refused one writes none. Over real HTTP, on both."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import (
    AuditEvent,
    CodeIssue,
    IdempotencyRecord,
    Message,
    RateEvent,
    Registration,
)
from central.repositories import registrations as repo
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account


def counts(central: EmbeddedCentral) -> dict[str, int]:
    with Session(central.engine) as db:
        return {
            model.__tablename__: int(db.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Registration, CodeIssue, RateEvent, Message, AuditEvent)
        }


def test_every_row_of_a_registration_once(api: Api, central: EmbeddedCentral) -> None:
    key = str(uuid.uuid4())
    body = {"email": "aigerim@mail.ru", "phone": KZ_PHONE, "consent": True, "operator": "clerk-3"}
    first = api.post("/api/v1/registrations", body, key=key)
    assert first.status_code == 201
    replay = api.post("/api/v1/registrations", body, key=key)
    assert replay.status_code == 201 and replay.json() == first.json()
    rid = first.json()["id"]
    assert counts(central) == {
        "registrations": 1,
        "code_issues": 1,
        "rate_events": 2,  # the terminal's and the IP's
        "messages": 1,
        "audit_events": 1,
    }
    with Session(central.engine) as db:
        reg = db.get(Registration, rid)
        assert reg is not None and reg.operator == "clerk-3"
        issue = db.scalars(select(CodeIssue)).one()
        assert (issue.phone, issue.registration_id, issue.issued_at) == (
            KZ_PHONE,
            rid,
            reg.code_sent_at,
        )
        scopes = {e.scope: e.key for e in db.scalars(select(RateEvent))}
        assert scopes == {repo.TERMINAL_SCOPE: reg.terminal_id, repo.IP_SCOPE: "127.0.0.1"}
        sms = db.scalars(select(Message)).one()
        assert (sms.channel, sms.to, sms.kind) == ("sms", KZ_PHONE, "registration_code")
        # the running sender may have sent it already: written once either way
        assert sms.status in ("pending", "sent")
        event = db.scalars(select(AuditEvent)).one()
        assert (event.action, event.terminal_id, event.operator, event.detail) == (
            "registration_started",
            reg.terminal_id,
            "clerk-3",
            f"registration {rid}",
        )
        record = db.scalars(select(IdempotencyRecord)).one()
        assert record.status_code == 201 and record.response_body["body"] == first.json()


def test_a_refused_registration_writes_nothing(api: Api, central: EmbeddedCentral) -> None:
    create_account(api, "aigerim@mail.ru", KZ_PHONE, activate=False)
    before = counts(central)
    refused = api.register(email="other@gmail.com", phone=KZ_PHONE)
    assert refused.status_code == 409
    assert counts(central) == before
