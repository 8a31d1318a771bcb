"""The sender records its deliveries as sent together, but never holds one back
longer than ``SENT_RECORDED_WITHIN_S``: a crash in the middle of a pass re-sends
at most the deliveries of that last stretch, not every one before it (the
guarantee in central.messaging.sender); a failed delivery's retry is committed
at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import transaction
from central.messaging.delivery import TemporaryDeliveryError
from central.messaging.outbox import enqueue
from central.messaging.sender import SENT_RECORDED_WITHIN_S, Sender
from central.models import Message
from central.repositories.messages import ClaimedMessage

BATCH = 5
FAIL_AT = 3  # the third delivery of the pass fails (a retry later)


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


class Ticks:
    """A monotonic clock the gateway moves: each delivery takes ``step_s``."""

    def __init__(self, step_s: float) -> None:
        self.now_s, self.step_s = 1000.0, step_s

    def __call__(self) -> float:
        return self.now_s


class Watching:
    """A gateway that, at each delivery, reads what the database holds of the
    messages it delivered before, takes ``ticks.step_s`` and fails one message."""

    name = "watching"

    def __init__(self, factory: sessionmaker[Session], ticks: Ticks) -> None:
        self.factory, self.ticks = factory, ticks
        self.delivered: list[str] = []
        self.seen_before: list[dict[str, tuple[str, int]]] = []

    def deliver(self, message: ClaimedMessage) -> None:
        self.seen_before.append(statuses(self.factory))
        self.ticks.now_s += self.ticks.step_s
        if len(self.seen_before) == FAIL_AT:
            raise TemporaryDeliveryError("gateway busy")
        self.delivered.append(message.id)


def run_pass(factory: sessionmaker[Session], step_s: float) -> Watching:
    queue(factory, BATCH)
    settings = Settings(delivery_backend="dev", sender_batch=BATCH)
    ticks = Ticks(step_s)
    gateway = Watching(factory, ticks)
    assert Sender(factory, settings, {"sms": gateway}, ticks=ticks).run_once() == BATCH
    final = statuses(factory)
    assert sorted(s for s, _ in final.values()) == ["pending"] + ["sent"] * (BATCH - 1)
    assert {final[m][0] for m in gateway.delivered} == {"sent"}
    return gateway


def test_a_slow_gateway_has_each_delivery_recorded_before_the_next(
    factory: sessionmaker[Session],
) -> None:
    gateway = run_pass(factory, step_s=SENT_RECORDED_WITHIN_S)
    for n, seen in enumerate(gateway.seen_before):
        done = [s for s in seen.values() if s[0] == "sent"]
        retried = [s for s in seen.values() if s[0] == "pending" and s[1] == 1]
        # before delivery n: the n-1 messages delivered so far are committed as
        # sent (or, past the failed one, rescheduled), the rest claimed but pending
        assert len(done) == (n if n < FAIL_AT else n - 1), (n, seen)
        assert len(retried) == BATCH - len(done), (n, seen)


def test_a_fast_gateway_has_the_pass_recorded_at_its_end(
    factory: sessionmaker[Session],
) -> None:
    gateway = run_pass(factory, step_s=SENT_RECORDED_WITHIN_S / (2 * BATCH))
    for seen in gateway.seen_before:
        # nothing recorded as sent during the pass; the failed one's retry at once
        assert not [s for s in seen.values() if s[0] == "sent"], seen
    assert [len(seen) for seen in gateway.seen_before] == [BATCH] * BATCH
