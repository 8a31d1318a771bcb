"""Retention: what the purge deletes and when, on SQLite and PostgreSQL, with
the central's clock moved forward rather than slept; the command line's
report; one purge at a time."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.models import (
    AuditEvent,
    ClientSession,
    CodeIssue,
    IdempotencyRecord,
    Message,
    PasswordReset,
    RateEvent,
    Registration,
    utcnow,
)
from central.repositories import retention
from central.server import EmbeddedCentral
from central.services import purge
from tests.central.conftest import KZ_PHONE, Api, create_account
from tests.central.test_cli import cli

DAY_S = 24 * 3600
HOUR_S = 3600


def purge_now(central: EmbeddedCentral, clock: Clock) -> purge.PurgeReport:
    assert central.app is not None
    # waits for the sender's own hourly purge if it is running at that moment
    return purge.run(central.app.state.session_factory, central.settings, clock.now(), wait=True)


def registration_contacts(central: EmbeddedCentral) -> list[tuple[str, str, str]]:
    with Session(central.engine) as db:
        rows = db.execute(select(Registration.phone, Registration.email, Registration.status))
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_an_unconfirmed_registration_loses_phone_and_email_a_day_after_its_code_expired(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    assert api.register(email="typo@mail.ru", phone=KZ_PHONE).status_code == 201
    code_ttl_s = central.settings.code_ttl_s

    clock.advance(code_ttl_s + DAY_S - 60)
    purge_now(central, clock)
    assert registration_contacts(central) == [(KZ_PHONE, "typo@mail.ru", "code_sent")]

    clock.advance(120)
    purge_now(central, clock)  # (or the sender's own: the clock made it due as well)
    # the row stays as an anonymous count for statistics; nothing names the person
    assert registration_contacts(central) == [("", "", "code_sent")]
    with Session(central.engine) as db:
        assert db.scalar(select(CodeIssue.id)) is None
        assert db.scalar(select(RateEvent.id)) is None
        purged = db.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
    assert any("registrations=1" in (e.detail or "") for e in purged)


def test_a_confirmed_registration_and_its_account_stay(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email="kept@mail.ru", phone=KZ_PHONE)
    clock.advance(30 * DAY_S)
    purge_now(central, clock)
    assert registration_contacts(central) == [(KZ_PHONE, "kept@mail.ru", "confirmed")]


def test_expired_sessions_and_old_idempotency_records_go(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    password = create_account(api, email="s@mail.ru", phone=KZ_PHONE)
    login = api.post("/api/v1/sessions", {"login": KZ_PHONE, "password": password})
    assert login.status_code in (200, 201), login.text

    def rows() -> tuple[int, int]:
        with Session(central.engine) as db:
            sessions = len(db.scalars(select(ClientSession.token_hash)).all())
            records = len(db.scalars(select(IdempotencyRecord.key)).all())
        return sessions, records

    sessions, records = rows()
    assert sessions == 1 and records >= 2
    clock.advance(central.settings.client_session_ttl_s + 1)
    purge_now(central, clock)
    assert rows() == (0, records)  # the session expired; the records are 8 days' keep
    clock.advance(8 * DAY_S)
    purge_now(central, clock)
    assert rows() == (0, 0)


def reset_contacts(central: EmbeddedCentral) -> list[tuple[str | None, bool, bool, str]]:
    """Each reset's phone, whether it names an account and holds a code hash, status."""
    with Session(central.engine) as db:
        rows = db.execute(
            select(
                PasswordReset.phone,
                PasswordReset.account_id,
                PasswordReset.code_hash,
                PasswordReset.status,
            ).order_by(PasswordReset.created_at)
        )
        return [(p, a is not None, h is not None, s) for p, a, h, s in rows]


def test_a_password_reset_loses_phone_and_account_a_day_after_its_code_expired(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email="r@mail.ru", phone=KZ_PHONE)
    assert api.post("/api/v1/password-resets", {"login": KZ_PHONE}).status_code == 202
    code_ttl_s = central.settings.code_ttl_s

    clock.advance(code_ttl_s + DAY_S - 60)
    purge_now(central, clock)
    assert reset_contacts(central) == [(KZ_PHONE, True, True, "code_sent")]

    clock.advance(120)
    purge_now(central, clock)  # (or the sender's own: the clock made it due as well)
    # the row stays as an anonymous count; nothing names the person any more
    assert reset_contacts(central) == [(None, False, False, "code_sent")]
    with Session(central.engine) as db:
        purged = db.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
    assert any("password_resets=1" in (e.detail or "") for e in purged)


def test_a_used_password_reset_loses_phone_and_account_a_day_after_its_use(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email="u@mail.ru", phone=KZ_PHONE)
    started = api.post("/api/v1/password-resets", {"login": KZ_PHONE})
    rid = started.json()["id"]
    confirm = f"/api/v1/password-resets/{rid}/confirm"
    used = api.post(confirm, {"code": api.last_code(KZ_PHONE), "new_password": "Tulpar_2024!"})
    assert used.status_code == 204, used.text

    clock.advance(DAY_S - 60)
    purge_now(central, clock)
    assert reset_contacts(central) == [(KZ_PHONE, True, False, "done")]
    clock.advance(120)  # a day after its use; its code's own expiry is later
    purge_now(central, clock)
    assert reset_contacts(central) == [(None, False, False, "done")]


def test_audit_events_are_kept_three_years_then_deleted(
    central: EmbeddedCentral, clock: Clock
) -> None:
    now = clock.now()
    with Session(central.engine) as db, db.begin():
        db.add(AuditEvent(at=now - timedelta(days=3 * 365 + 1), action="login_ok"))
        db.add(AuditEvent(at=now - timedelta(days=3 * 365 - 1), action="login_failed"))
    purge_now(central, clock)
    with Session(central.engine) as db:
        actions = set(db.scalars(select(AuditEvent.action)))
    assert actions == {"login_failed", "purge"}  # the purge that deleted it is recorded


def test_sent_messages_and_their_recipients_go_after_30_days(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    """A delivered SMS names the client's phone: kept to answer "did it arrive?",
    then deleted, not kept for ever."""
    create_account(api, email="m@mail.ru", phone=KZ_PHONE)  # its code, notices, email

    def recipients() -> list[str]:
        with Session(central.engine) as db:
            return list(db.scalars(select(Message.to).where(Message.status == "sent")))

    deadline = time.monotonic() + 10
    while len(recipients()) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    sent = recipients()
    assert KZ_PHONE in sent and "m@mail.ru" in sent
    clock.advance(central.settings.message_retention_s - HOUR_S)
    purge_now(central, clock)
    assert sorted(recipients()) == sorted(sent), "kept within the retention"
    clock.advance(2 * HOUR_S)
    report = purge_now(central, clock)
    assert recipients() == [] and report.counts["messages (sent or failed)"] == len(sent)


def test_the_sender_purges_by_itself_within_the_hour(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    """No command, no call: moving the clock past the day is enough."""
    assert api.register(email="typo@mail.ru", phone=KZ_PHONE).status_code == 201
    clock.advance(central.settings.code_ttl_s + DAY_S + HOUR_S + 1)
    deadline = time.monotonic() + 10
    while registration_contacts(central)[0][0] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert registration_contacts(central) == [("", "", "code_sent")]


@pytest.mark.postgres
def test_a_second_purge_while_one_runs_does_nothing(postgres_url: str) -> None:
    from central.core.config import Settings
    from central.core.db import make_engine, make_session_factory
    from central.core.migrate import upgrade

    engine = make_engine(postgres_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    settings = Settings(database_url=postgres_url)
    try:
        with factory() as first, first.begin():
            assert retention.take_lock(first, wait=False)
            assert purge.run(factory, settings, utcnow()).skipped
        assert not purge.run(factory, settings, utcnow()).skipped
    finally:
        engine.dispose()


def test_purge_from_the_command_line_counts_by_table_and_a_dry_run_keeps_everything(
    database_url: str,
) -> None:
    assert cli("migrate", "--db", database_url).returncode == 0
    from central.core.db import make_engine

    engine = make_engine(database_url)
    now = utcnow()
    with Session(engine) as db, db.begin():
        db.add(RateEvent(scope="ip", key="10.0.0.1", at=now - timedelta(hours=2)))
        db.add(RateEvent(scope="ip", key="10.0.0.1", at=now - timedelta(minutes=5)))
        db.add(AuditEvent(at=now - timedelta(days=4 * 365), action="login_ok"))
        expired = now - timedelta(days=2)
        db.add(PasswordReset(phone=KZ_PHONE, locale="ru", code_sent_at=expired,
                             code_expires_at=expired, attempts_left=5))  # fmt: skip
    dry = cli("purge", "--dry-run", "--db", database_url)
    assert dry.returncode == 0, dry.stderr
    assert "rate_events: would delete 1" in dry.stdout
    assert "password_resets: would delete 1" in dry.stdout
    assert "audit_events: would delete 1" in dry.stdout
    assert "3 rows would be deleted in all." in dry.stdout
    done = cli("purge", "--db", database_url)
    assert "rate_events: deleted 1" in done.stdout
    assert "password_resets: deleted 1" in done.stdout
    assert "3 rows deleted in all." in done.stdout
    with Session(engine) as db:
        assert len(db.scalars(select(RateEvent.id)).all()) == 1
        assert db.scalars(select(PasswordReset.phone)).all() == [None]
    engine.dispose()
