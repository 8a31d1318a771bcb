"""The outbox and the sender on real SQLite and PostgreSQL, and /dev/messages over HTTP."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
import requests
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, transaction
from central.messaging.dev import DevBackend
from central.messaging.outbox import ChannelMismatch, enqueue
from central.messaging.sender import Sender, backoff_s
from central.messaging.texts import TEXTS, UnknownMessageKind
from central.models import Message
from central.server import EmbeddedCentral

PHONE = "+77011234567"
WAIT_S = 10.0


def queue_code(factory: sessionmaker[Session], to: str = PHONE, code: str = "123456") -> str:
    with transaction(factory) as session:
        message = enqueue(
            session,
            channel="sms",
            to=to,
            kind="registration_code",
            locale="ru",
            params={"code": code, "ttl_min": 5, "link": None},
        )
        session.flush()
        return message.id


def statuses(factory: sessionmaker[Session]) -> dict[str, str]:
    with factory() as session:
        return {m.id: m.status for m in session.scalars(select(Message))}


def wait_for(predicate: object, timeout_s: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def test_texts_exist_in_three_languages_and_sms_fit_three_segments() -> None:
    params = {
        "code": "123456",
        "ttl_min": 5,
        "link": "https://lk.vic.kz/r/0b4f1c2e-8a7d-4c55-9d11-3e2f4a5b6c7d",
        "activation_link": "https://lk.vic.kz/activate/x",
        "temporary_password": "Ab1!cdEF2345",
        "login": "a@mail.ru",
        "contract_numbers": ["VIC-1", "VIC-2"],
        # claims: the longest note an SMS carries (claims.SMS_NOTE_MAX_CHARS)
        "number": "УБ-2026-000123",
        "contract_number": "ОГПО-2026-0001234",
        "amount": "1 250 000.00 ₸",
        "note": "н" * 100,
        "note_block": "\n\nн",
        "url": "https://lk.vic.kz/claims/upload?t=" + "x" * 43,  # a claim's upload link
    }
    bodies = set()
    for kind, text in TEXTS.items():
        for locale in ("ru", "kk", "en"):
            with Session() as session:
                message = enqueue(
                    session, channel=text.channel, to="x", kind=kind, locale=locale, params=params
                )
            bodies.add(message.body)
            if text.channel == "sms":
                assert len(message.body) <= 3 * 67, (kind, locale)
                assert message.subject == ""
            else:
                assert message.subject
                assert "Виктория" in message.body or "Victoria" in message.body
                assert "кабинет" in message.body + message.subject
    assert len(bodies) == 3 * len(TEXTS)


def test_code_sms_carries_the_link_only_for_clients_who_left(
    factory: sessionmaker[Session],
) -> None:
    with Session() as session:
        at_branch = enqueue(
            session,
            channel="sms",
            to=PHONE,
            kind="registration_code",
            locale="kk",
            params={"code": "654321", "ttl_min": 5, "link": None},
        )
        left = enqueue(
            session,
            channel="sms",
            to=PHONE,
            kind="registration_code",
            locale="kk",
            params={"code": "654321", "ttl_min": 5, "link": "https://lk.vic.kz/r/1"},
        )
    assert "654321" in at_branch.body and "http" not in at_branch.body
    assert "https://lk.vic.kz/r/1" in left.body


def test_unknown_kind_or_wrong_channel_is_a_programming_error(
    factory: sessionmaker[Session],
) -> None:
    with factory() as session:
        with pytest.raises(KeyError):
            enqueue(session, channel="sms", to=PHONE, kind="nope", locale="ru", params={})
        with pytest.raises(UnknownMessageKind):
            enqueue(session, channel="sms", to=PHONE, kind="nope", locale="ru", params={})
        with pytest.raises(ChannelMismatch):
            enqueue(
                session,
                channel="email",
                to=PHONE,
                kind="registration_code",
                locale="ru",
                params={"code": "1", "ttl_min": 5, "link": None},
            )
        with pytest.raises(KeyError):
            enqueue(
                session,
                channel="sms",
                to=PHONE,
                kind="registration_code",
                locale="ru",
                params={"ttl_min": 5},
            )
        session.commit()
    assert statuses(factory) == {}


def test_rolled_back_change_sends_nothing(factory: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), transaction(factory) as session:
        enqueue(
            session, channel="sms", to=PHONE, kind="account_created_sms", locale="ru", params={}
        )
        raise RuntimeError("the registration failed")
    assert statuses(factory) == {}


def test_two_senders_deliver_every_message_exactly_once(
    database_url: str, factory: sessionmaker[Session]
) -> None:
    ids = [queue_code(factory, to=f"+7701000{i:04d}") for i in range(40)]
    backend = DevBackend()
    settings = Settings(database_url=database_url, delivery_backend="dev", sender_batch=3)
    engines = [make_engine(database_url) for _ in range(2)]
    senders = [Sender(make_session_factory(e), settings, {"sms": backend}) for e in engines]
    start = threading.Barrier(2)

    def drain(sender: Sender) -> None:
        start.wait()
        while sender.run_once():
            pass

    threads = [threading.Thread(target=drain, args=(s,)) for s in senders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for e in engines:
        e.dispose()
    assert dict(backend.deliveries) == {i: 1 for i in ids}
    assert set(statuses(factory).values()) == {"sent"}


def test_message_committed_by_a_killed_process_is_sent_by_the_next_central(
    database_url: str, engine: Engine, factory: sessionmaker[Session]
) -> None:
    script = (
        "import os, sys\n"
        "from central.core.db import make_engine, make_session_factory, transaction\n"
        "from central.messaging.outbox import enqueue\n"
        "f = make_session_factory(make_engine(sys.argv[1]))\n"
        "with transaction(f) as s:\n"
        "    enqueue(s, channel='sms', to='+77017654321', kind='registration_code',\n"
        "            locale='en', params={'code': '777888', 'ttl_min': 5, 'link': None})\n"
        "os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, database_url], timeout=60)
    assert proc.returncode == -9
    assert list(statuses(factory).values()) == ["pending"]

    settings = Settings(database_url=database_url, delivery_backend="dev")
    with EmbeddedCentral(settings) as central:
        wait_for(lambda: list(statuses(factory).values()) == ["sent"])
        listed = requests.get(
            f"{central.url}/dev/messages", params={"to": "+77017654321"}, timeout=5
        ).json()
    assert [m["body"] for m in listed["messages"]] == [
        "Victoria: your «Личный кабинет» code is 777888. Valid 5 min. Do not share it."
    ]


def test_claim_abandoned_by_a_crashed_sender_is_retried_after_its_lease(
    database_url: str, factory: sessionmaker[Session]
) -> None:
    message_id = queue_code(factory)
    settings = Settings(database_url=database_url, delivery_backend="dev", sender_lease_s=0.5)
    crashed = DevBackend()

    class DiesMidSend(DevBackend):
        def deliver(self, message: object) -> None:
            raise SystemExit  # not a delivery outcome: the process "dies" here

    with pytest.raises(SystemExit):
        Sender(factory, settings, {"sms": DiesMidSend()}).run_once()
    survivor = Sender(factory, settings, {"sms": crashed})
    assert survivor.run_once() == 0  # still leased to the dead sender
    time.sleep(0.6)
    assert survivor.run_once() == 1
    assert crashed.deliveries[message_id] == 1
    assert statuses(factory) == {message_id: "sent"}


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(7)
    for attempts, ceiling in [(1, 2.0), (2, 4.0), (3, 8.0), (12, 300.0)]:
        delays = [backoff_s(attempts, 2.0, 300.0, rng) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert max(delays) - min(delays) > ceiling / 10  # jitter spreads the retries


def test_dev_messages_lists_oldest_first_by_phone_or_email_and_all_recent(
    central: EmbeddedCentral,
) -> None:
    factory = make_session_factory(central.engine)
    queue_code(factory, code="111111")
    with transaction(factory) as session:
        enqueue(
            session,
            channel="email",
            to="Aigerim@Mail.ru",
            kind="password_reset_email",
            locale="ru",
            params={"temporary_password": "Xy1!abcdEFGH"},
        )
    queue_code(factory, code="222222")
    queue_code(factory, to="+77051112233", code="333333")

    def get(**params: str) -> list[dict[str, str]]:
        response = requests.get(f"{central.url}/dev/messages", params=params, timeout=5)
        assert response.status_code == 200
        return list(response.json()["messages"])

    by_phone = get(to=PHONE)
    assert [m["channel"] for m in by_phone] == ["sms", "sms"]
    assert ["111111" in by_phone[0]["body"], "222222" in by_phone[1]["body"]] == [True, True]
    assert set(by_phone[0]) >= {"channel", "to", "subject", "body", "created_at"}
    by_email = get(to="aigerim@mail.ru")
    assert len(by_email) == 1 and by_email[0]["subject"].startswith("Временный пароль")
    assert "Xy1!abcdEFGH" in by_email[0]["body"]
    assert [m["to"] for m in get()] == [PHONE, "Aigerim@Mail.ru", PHONE, "+77051112233"]
    unencoded_plus = requests.get(f"{central.url}/dev/messages?to=+77051112233", timeout=5)
    assert len(unencoded_plus.json()["messages"]) == 1
    wait_for(lambda: set(statuses(factory).values()) == {"sent"})


def test_dev_router_is_absent_with_live_delivery(sqlite_url: str) -> None:
    settings = Settings(
        database_url=sqlite_url, delivery_backend="live", sms_http_url="http://127.0.0.1:9/"
    )
    with EmbeddedCentral(settings) as central:
        assert requests.get(f"{central.url}/dev/messages", timeout=5).status_code == 404


def test_production_settings_refuse_dev_delivery() -> None:
    with pytest.raises(ValueError, match="dev delivery backend is refused"):
        Settings(production=True, delivery_backend="dev")


def test_rescheduled_message_waits_for_its_backoff(
    factory: sessionmaker[Session], database_url: str
) -> None:
    from central.messaging.delivery import TemporaryDeliveryError

    class Busy(DevBackend):
        def deliver(self, message: object) -> None:
            raise TemporaryDeliveryError("gateway busy")

    message_id = queue_code(factory)
    settings = Settings(
        database_url=database_url, delivery_backend="dev", sender_backoff_base_s=60.0
    )
    sender = Sender(factory, settings, {"sms": Busy()})
    assert sender.run_once() == 1
    assert sender.run_once() == 0
    with factory() as session:
        row = session.get(Message, message_id)
        assert row is not None
        assert (row.status, row.attempts, row.last_error) == ("pending", 1, "gateway busy")
        assert row.next_attempt_at - row.created_at >= timedelta(seconds=30)


def test_a_task_that_keeps_failing_ends_failed_and_is_then_purged(
    factory: sessionmaker[Session], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pending account's "send the activation email again" task whose work
    raises every time is not retried forever: after ``sender_max_attempts`` it
    is ``failed`` like any message, and the failed-message rule scrubs it."""
    from central.models import utcnow
    from central.repositories import messages as repo
    from central.services import password_reset, purge

    def broken(*args: object) -> None:
        raise RuntimeError("the account's row is damaged")

    monkeypatch.setattr(password_reset, "send_activation_again", broken)
    with transaction(factory) as session:
        message = enqueue(session, channel="sms", to="", kind="password_reset_code",
                          locale="ru", params={"code": "123456", "ttl_min": 5})  # fmt: skip
        repo.make_task(message, repo.ACTIVATION_AGAIN, "reset-id")
        session.flush()
        task_id = message.id
    now = [utcnow()]
    settings = Settings(database_url=database_url, delivery_backend="dev", sender_max_attempts=3)
    sender = Sender(factory, settings, clock=lambda: now[0])
    for _ in range(settings.sender_max_attempts + 2):
        now[0] += timedelta(hours=1)  # past any back-off and any lease
        sender.run_once()
    with factory() as session:
        row = session.get(Message, task_id)
        assert row is not None
        assert (row.status, row.attempts, row.last_error) == ("failed", 3, "RuntimeError")
        assert [m.id for m in repo.failed(session)] == [task_id]

    purge.run(factory, settings, now[0] + timedelta(seconds=settings.failed_message_retention_s))
    with factory() as session:
        row = session.get(Message, task_id)
        assert row is not None and row.body == repo.SCRUBBED_BODY
