"""A temporary password becomes the account's when its email goes, not before.

The request that makes a temporary password (confirmation, reset, import) only
queues the email; the sender hashes the password onto the account just before
it delivers that email. These tests drive the real sender on real SQLite and
PostgreSQL databases and check what a client would notice: the password from
the email works, an older one does not, nothing works before the email goes,
and a sender that dies half-way still ends with a working password.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import transaction
from central.core.security import HASH_THREADS, password_matches
from central.messaging.dev import DevBackend
from central.messaging.outbox import enqueue
from central.messaging.sender import Sender
from central.models import Account, Message, new_id, utcnow
from central.repositories import accounts
from central.repositories.messages import ClaimedMessage
from central.services.account import send_temporary_password

EMAIL = "aigerim@mail.ru"


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now


class CrashingOnce(DevBackend):
    """A backend whose first delivery dies like a killed process would (no outcome)."""

    def __init__(self) -> None:
        super().__init__()
        self.crashed = False

    def deliver(self, message: ClaimedMessage) -> None:
        if not self.crashed:
            self.crashed = True
            raise RuntimeError("process killed")
        super().deliver(message)


def new_account(factory: sessionmaker[Session], temporary: str) -> str:
    """An account created as a confirmation creates it; returns its id."""
    now = utcnow()
    email_id = new_id()
    with transaction(factory) as db:
        account = accounts.create(
            db, email=EMAIL, email_key=EMAIL, phone="+77011234567", locale="en",
            password_message_id=email_id, now=now, temporary_until=now + timedelta(days=7),
        )  # fmt: skip
        enqueue(
            db, channel="email", to=EMAIL, kind="password_reset_email", locale="en",
            params={"temporary_password": temporary}, password=temporary, message_id=email_id,
        )  # fmt: skip
        return account.id


def reset(factory: sessionmaker[Session], account_id: str, temporary: str) -> str:
    now = utcnow()
    with transaction(factory) as db:
        account = db.get(Account, account_id)
        assert account is not None
        message = send_temporary_password(
            db, account, kind="password_reset_email", params={}, temporary=temporary,
            now=now, valid_until=now + timedelta(days=7),
        )  # fmt: skip
        return message.id


def works(factory: sessionmaker[Session], account_id: str, password: str) -> bool:
    with factory() as db:
        account = db.get(Account, account_id)
        assert account is not None
        return password_matches(password, account.password_hash)


def sender(factory: sessionmaker[Session], backend: DevBackend, clock: Clock) -> Sender:
    return Sender(
        factory, Settings(delivery_backend="dev"), {"email": backend, "sms": backend}, clock=clock
    )


def test_the_emailed_password_works_once_the_email_goes_and_not_before(
    factory: sessionmaker[Session],
) -> None:
    account_id = new_account(factory, "Qw3!rtyUIOP9")
    assert not works(factory, account_id, "Qw3!rtyUIOP9"), "no password before the email"
    backend = DevBackend()
    assert sender(factory, backend, Clock()).run_once() == 1
    assert sum(backend.deliveries.values()) == 1
    assert works(factory, account_id, "Qw3!rtyUIOP9")
    with factory() as db:
        [message] = db.query(Message).all()
        assert message.password is None, "the copy for hashing is gone"


def test_a_reset_before_the_first_email_went_leaves_only_the_newest_password(
    factory: sessionmaker[Session],
) -> None:
    account_id = new_account(factory, "Qw3!rtyUIOP9")
    reset(factory, account_id, "Zx8$cvbnmASD")
    backend = DevBackend()
    assert sender(factory, backend, Clock()).run_once() == 2
    assert sum(backend.deliveries.values()) == 2, "both emails still go"
    assert works(factory, account_id, "Zx8$cvbnmASD")
    assert not works(factory, account_id, "Qw3!rtyUIOP9")


def test_a_reset_takes_the_old_password_away_at_once(factory: sessionmaker[Session]) -> None:
    account_id = new_account(factory, "Qw3!rtyUIOP9")
    sender(factory, DevBackend(), Clock()).run_once()
    reset(factory, account_id, "Zx8$cvbnmASD")
    assert not works(factory, account_id, "Qw3!rtyUIOP9")
    assert not works(factory, account_id, "Zx8$cvbnmASD"), "not before its email"
    sender(factory, DevBackend(), Clock()).run_once()
    assert works(factory, account_id, "Zx8$cvbnmASD")


def test_a_sender_dying_after_hashing_still_delivers_once_with_a_working_password(
    factory: sessionmaker[Session],
) -> None:
    account_id = new_account(factory, "Qw3!rtyUIOP9")
    backend, clock = CrashingOnce(), Clock()
    first = sender(factory, backend, clock)
    first.run_once()
    assert backend.crashed and not backend.deliveries
    assert works(factory, account_id, "Qw3!rtyUIOP9"), "hashed before the delivery"
    clock.now += timedelta(seconds=Settings().sender_lease_s + 1)
    assert sender(factory, backend, clock).run_once() == 1
    assert sum(backend.deliveries.values()) == 1
    assert works(factory, account_id, "Qw3!rtyUIOP9")


def test_a_code_sms_does_not_wait_behind_a_backlog_of_emails_to_hash(
    factory: sessionmaker[Session],
) -> None:
    now = utcnow()
    with transaction(factory) as db:
        for n in range(3 * HASH_THREADS):
            account = accounts.create(
                db, email=f"c{n}@mail.ru", email_key=f"c{n}@mail.ru", phone=f"+7701000{n:04d}",
                locale="en", password_message_id=new_id(), now=now,
                temporary_until=now + timedelta(days=7),
            )  # fmt: skip
            send_temporary_password(
                db, account, kind="password_reset_email", params={},
                temporary=f"Qw3!rtyUIOP{n}", now=now, valid_until=now + timedelta(days=7),
            )  # fmt: skip
        code = enqueue(
            db, channel="sms", to="+77011234567", kind="registration_code", locale="ru",
            params={"code": "123456", "ttl_min": 5, "link": None},
        )  # fmt: skip
        code_id = code.id
    backend = DevBackend()
    clock = Clock()
    clock.now += timedelta(seconds=1)  # the code is due too, though queued last
    assert sender(factory, backend, clock).run_once() == 1 + HASH_THREADS
    assert backend.deliveries[code_id] == 1, "the code went in the first pass"
