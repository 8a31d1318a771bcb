"""``messages failed`` and ``messages retry`` on SQLite and PostgreSQL, with
messages the real sender gave up on against a real (local) SMS gateway."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from central.cli import main as central_cli
from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, transaction
from central.core.migrate import upgrade
from central.messaging.http_sms import HttpSmsBackend
from central.messaging.outbox import enqueue
from central.messaging.sender import Sender
from central.models import Message
from tests.central.test_sms import Gateway, mobizon

PHONE = "+77011234567"
CODE = "482913"
SENDER_PASSES = 20


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    g = Gateway()
    yield g
    g.close()


@pytest.fixture
def factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(database_url)
    upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


def queue_code(factory: sessionmaker[Session]) -> str:
    with transaction(factory) as session:
        message = enqueue(session, channel="sms", to=PHONE, kind="registration_code", locale="ru",
                          params={"code": CODE, "ttl_min": 5, "link": None})  # fmt: skip
        session.flush()
        return message.id


def send_until_settled(factory: sessionmaker[Session], settings: Settings, message_id: str) -> str:
    sender = Sender(factory, settings, {"sms": HttpSmsBackend(settings)})
    status = "pending"
    for _ in range(SENDER_PASSES):
        sender.run_once()
        with factory() as session:
            found = session.get(Message, message_id)
            assert found is not None
            status = found.status
        if status != "pending":
            break
        threading.Event().wait(0.01)
    return status


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = central_cli(list(argv))
    found = capsys.readouterr()
    return code, found.out, found.err


def test_failed_messages_are_listed_masked_and_a_kept_one_is_sent_again(
    gateway: Gateway,
    factory: sessionmaker[Session],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a test central (dev delivery keeps the texts) whose gateway refuses the key
    settings = mobizon(gateway, database_url, delivery_backend="dev")
    gateway.script = [(401, {"message": f"bad key for {PHONE}"}), (200, {"code": 0})]
    message_id = queue_code(factory)
    assert send_until_settled(factory, settings, message_id) == "failed"

    code, out, _ = run(capsys, "messages", "failed", "--json", "--db", database_url)
    assert code == 0
    [listed] = json.loads(out)
    assert (listed["id"], listed["kind"], listed["can_retry"]) == (
        message_id,
        "registration_code",
        True,
    )
    assert listed["to"] != PHONE and listed["to"].endswith("67")
    assert CODE not in out and PHONE not in out and "77011234567" not in out

    code, out, _ = run(capsys, "messages", "retry", message_id, "--db", database_url)
    assert code == 0 and "will be sent again" in out and PHONE not in out
    assert send_until_settled(factory, settings, message_id) == "sent"
    assert CODE in gateway.requests[-1]["form"]["text"][0]
    assert run(capsys, "messages", "failed", "--db", database_url)[1] == "No failed messages.\n"

    code, _, err = run(capsys, "messages", "retry", message_id, "--db", database_url)
    assert (code, err) == (1, f"Error: Message {message_id} has not failed (it is sent).\n")
    code, _, err = run(capsys, "messages", "retry", "no-such-id", "--db", database_url)
    assert (code, err) == (1, "Error: No message has the id no-such-id.\n")


def test_a_live_failure_whose_text_was_removed_is_not_sent_again(
    gateway: Gateway,
    factory: sessionmaker[Session],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings: Any = mobizon(gateway, database_url)  # live: the text goes once it gives up
    gateway.script = [(200, {"code": 1, "message": "Bad recipient"})]
    message_id = queue_code(factory)
    assert send_until_settled(factory, settings, message_id) == "failed"

    code, out, _ = run(capsys, "messages", "failed", "--db", database_url)
    assert code == 0 and "Bad recipient" in out and "cannot be retried" in out
    assert CODE not in out and PHONE not in out
    code, _, err = run(capsys, "messages", "retry", message_id, "--db", database_url)
    assert code == 1 and "its text was removed" in err
    with factory() as session:
        found = session.get(Message, message_id)
        assert found is not None and found.status == "failed"


def test_a_live_failed_notice_keeps_its_text_and_is_sent_again(
    gateway: Gateway,
    factory: sessionmaker[Session],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A notice holds no secret: a live central keeps it when the gateway refuses
    it, so the operator can send it once the gateway is fixed (before, its text
    was removed like a code's and `messages retry` could never send it)."""
    settings: Any = mobizon(gateway, database_url)  # live delivery
    gateway.script = [(200, {"code": 1, "message": "Bad sender name"}), (200, {"code": 0})]
    with transaction(factory) as session:
        notice = enqueue(session, channel="sms", to=PHONE, kind="claim_in_review_sms",
                         locale="ru", params={"number": "УБ-2026-000007"})  # fmt: skip
        session.flush()
        notice_id = notice.id
    assert send_until_settled(factory, settings, notice_id) == "failed"

    code, out, _ = run(capsys, "messages", "failed", "--json", "--db", database_url)
    [listed] = json.loads(out)
    assert (listed["id"], listed["can_retry"]) == (notice_id, True)
    code, out, _ = run(capsys, "messages", "retry", notice_id, "--db", database_url)
    assert code == 0 and "will be sent again" in out
    assert send_until_settled(factory, settings, notice_id) == "sent"
    assert "УБ-2026-000007" in gateway.requests[-1]["form"]["text"][0]


def test_only_notices_count_as_holding_no_secret() -> None:
    from central.messaging.texts import TEXTS, holds_secret

    secret = {k for k in TEXTS if holds_secret(k)}
    assert {
        "registration_code", "password_reset_code", "account_created_email",
        "activation_email", "password_reset_email", "online_purchase_welcome_email",
    } <= secret  # fmt: skip
    assert not holds_secret("claim_approved_email") and not holds_secret("account_closed_sms")
    assert holds_secret("a_kind_nobody_wrote"), "unknown: treated as secret"


@pytest.mark.parametrize("answer", [{"code": 0}, {"code": 1, "message": "Bad recipient"}])
def test_a_claims_upload_link_by_sms_is_scrubbed_once_sent_or_given_up(
    gateway: Gateway, factory: sessionmaker[Session], database_url: str, answer: dict[str, Any]
) -> None:
    """The upload link opens a client's claim to any file: like a code, it must
    not outlive the SMS that carries it, whether delivered or given up on."""
    settings: Any = mobizon(gateway, database_url)  # live delivery
    gateway.script = [(200, answer)]
    link = "https://lk.vic.kz/claims/upload?t=" + "L" * 43
    with transaction(factory) as session:
        message = enqueue(session, channel="sms", to=PHONE, kind="claim_upload_link_sms",
                          locale="ru", params={"number": "УБ-2026-000007", "url": link,
                                               "ttl_min": 15})  # fmt: skip
        session.flush()
        message_id = message.id
    settled = send_until_settled(factory, settings, message_id)
    assert settled == ("sent" if answer["code"] == 0 else "failed")
    assert link in gateway.requests[-1]["form"]["text"][0]
    with factory() as session:
        found = session.get(Message, message_id)
        assert found is not None and link not in found.body
