"""The sender commits each message's outcome right after its delivery: a crash in
the middle of a batch re-sends at most the message in hand, not the ones
delivered before it (the guarantee in central.messaging.sender)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import transaction
from central.messaging.delivery import TemporaryDeliveryError
from central.messaging.outbox import enqueue
from central.messaging.sender import Sender
from central.models import Message
from central.repositories.messages import ClaimedMessage

BATCH = 5


def queue(factory: sessionmaker[Session], count: int) -> None:
    with transaction(factory) as session:
        for n in range(count):
            enqueue(
                session,
                channel="sms",
                to=f"+7701000000{n}",
                kind="registration_code",
                locale="ru",
                params={"code": "123456", "ttl_min": 5, "link": None},
            )


def statuses(factory: sessionmaker[Session]) -> dict[str, tuple[str, int]]:
    """As another connection sees them: committed outcomes only."""
    with factory() as session:
        return {m.id: (m.status, m.attempts) for m in session.scalars(select(Message))}


class Watching:
    """A backend that, at each delivery, reads what the database holds of the
    messages it delivered before, and fails one message of the batch."""

    name = "watching"

    def __init__(self, factory: sessionmaker[Session], fail_at: int) -> None:
        self.factory, self.fail_at = factory, fail_at
        self.delivered: list[str] = []
        self.seen_before: list[dict[str, tuple[str, int]]] = []

    def deliver(self, message: ClaimedMessage) -> None:
        self.seen_before.append(statuses(self.factory))
        if len(self.seen_before) == self.fail_at:
            raise TemporaryDeliveryError("gateway busy")
        self.delivered.append(message.id)


def test_each_outcome_is_committed_before_the_next_delivery(
    factory: sessionmaker[Session],
) -> None:
    queue(factory, BATCH)
    settings = Settings(delivery_backend="dev", sender_batch=BATCH)
    backend = Watching(factory, fail_at=3)
    assert Sender(factory, settings, {"sms": backend}).run_once() == BATCH
    for n, seen in enumerate(backend.seen_before):
        done = [s for s in seen.values() if s[0] == "sent"]
        retried = [s for s in seen.values() if s[0] == "pending" and s[1] == 1]
        # before delivery n: the n-1 messages delivered so far are committed as
        # sent (or, past the failed one, rescheduled), the rest claimed but pending
        assert len(done) == (n if n < 3 else n - 1), (n, seen)
        assert len(retried) == BATCH - len(done), (n, seen)
    final = statuses(factory)
    assert sorted(s for s, _ in final.values()) == ["pending"] + ["sent"] * (BATCH - 1)
    assert {final[m][0] for m in backend.delivered} == {"sent"}
