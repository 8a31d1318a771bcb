"""Policy import: online buyers get active accounts, re-imports change nothing."""

from __future__ import annotations

import time
import uuid
from typing import Any

import requests
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import make_session_factory, transaction
from central.core.security import password_matches
from central.importer import import_text
from central.messaging.dev import DevBackend
from central.messaging.sender import Sender
from central.models import Account, Contract, Message, utcnow
from central.repositories import terminals
from central.server import EmbeddedCentral

HEADER = "phone,email,name,contract number,product,start date,end date,premium,currency\n"
FIRST = HEADER + (
    "+7 701 123 45 67,Aigerim@Mail.ru,Айгерим,VIC-1,КАСКО,2026-01-01,2026-12-31,150000,KZT\n"
    '87071234567,dana@gmail.com,Дана,VIC-2,ОГПО,01.02.2025,31.01.2026,"12 500,50",\n'
    "+77071234567,dana@gmail.com,Дана,VIC-3,Имущество,2026-02-01,2027-01-31,9000,KZT\n"
)


def counts(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with factory() as db:
        return tuple(  # type: ignore[return-value]
            db.scalar(select(func.count()).select_from(m)) for m in (Account, Contract, Message)
        )


def test_import_creates_active_accounts_and_twice_changes_nothing(
    engine: Engine, database_url: str
) -> None:
    factory = make_session_factory(engine)
    settings = Settings(database_url=database_url, delivery_backend="dev")
    report = import_text(factory, settings, FIRST)
    assert (report.accounts_created, report.contracts_added, report.errors) == (2, 3, [])
    assert counts(factory) == (2, 3, 2)
    with factory() as db:
        dana = db.scalars(select(Account).where(Account.phone == "+77071234567")).one()
        assert (dana.status, dana.source, dana.password_is_temporary) == (
            "active", "online_purchase", True)  # fmt: skip
        [email] = db.scalars(select(Message).where(Message.to == "dana@gmail.com")).all()
        assert email.kind == "online_purchase_welcome_email"
        assert "VIC-2" in email.body and "VIC-3" in email.body
        password = email.body.split("Временный пароль: ")[1].split()[0]
        # hashed by the sender when the email goes, not during the import
        assert (dana.password_hash, dana.password_message_id) == (None, email.id)
        assert email.password == password
    assert Sender(factory, settings, {"email": DevBackend(), "sms": DevBackend()}).run_once() == 2
    with factory() as db:
        dana = db.scalars(select(Account).where(Account.phone == "+77071234567")).one()
        assert dana.password_hash is not None and dana.password_hash.startswith("$argon2id$")
        assert password_matches(password, dana.password_hash)
        assert dana.password_message_id is None
        assert db.get(Message, email.id).password is None  # type: ignore[union-attr]
        premium = db.scalars(select(Contract).where(Contract.number == "VIC-2")).one()
        assert (str(premium.premium_amount), premium.currency) == ("12500.50", "KZT")

    again = import_text(factory, settings, FIRST)
    assert (again.accounts_created, again.contracts_added, again.unchanged) == (0, 0, 3)
    assert counts(factory) == (2, 3, 2)


def test_second_contract_is_attached_and_bad_rows_are_reported_by_line(
    engine: Engine, database_url: str
) -> None:
    factory = make_session_factory(engine)
    settings = Settings(database_url=database_url, delivery_backend="dev")
    import_text(factory, settings, FIRST)
    second = HEADER + (
        "+77011234567,aigerim@mail.ru,Айгерим,VIC-4,Туризм,2026-05-01,2026-05-20,5000,\n"
        "+79261234567,ivan@mail.ru,Иван,VIC-5,КАСКО,2026-01-01,2026-12-31,1,\n"
        "+77011234567,other@mail.ru,X,VIC-6,КАСКО,2026-01-01,2026-12-31,1,\n"
        "+77051112233,new@mail.ru,Y,VIC-1,КАСКО,2026-01-01,2026-12-31,1,\n"
        "+77051112233,new@mail.ru,Y,VIC-7,КАСКО,2026-12-31,2026-01-01,1,\n"
        "+77051112233,not-an-email,Y,VIC-8,КАСКО,2026-01-01,2026-12-31,1,\n"
        "+77051112233,new@mail.ru,Y,VIC-9,КАСКО,2026-01-01,2026-12-31,abc,\n"
        "+77051112233,new@mail.ru,Y,VIC-10,КАСКО,2026-01-01,2026-12-31,100,KZT\n"
    )
    report = import_text(factory, settings, second)
    assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7, 8]
    reasons = dict(report.errors)
    assert reasons[3] == "phone rejected (region_not_allowed)"
    assert "another client" in reasons[5] and "before start" in reasons[6]
    assert (report.accounts_created, report.contracts_added) == (1, 2)
    with factory() as db:
        aigerim = db.scalars(select(Account).where(Account.phone == "+77011234567")).one()
        numbers = set(db.scalars(select(Contract.number).where(Contract.account_id == aigerim.id)))
        assert numbers == {"VIC-1", "VIC-4"}
    assert counts(factory) == (3, 5, 3)  # one welcome email more: for the new client only


def wait_for_mail(url: str, to: str) -> list[dict[str, Any]]:
    """The mailbox of ``to`` once something is in it (the sender runs a moment later)."""
    deadline = time.monotonic() + 10
    while True:
        inbox = requests.get(f"{url}/dev/messages", params={"to": to}, timeout=5)
        found: list[dict[str, Any]] = inbox.json()["messages"]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_imported_client_logs_in_with_the_emailed_password(
    central: EmbeddedCentral,
) -> None:
    factory = make_session_factory(central.engine)
    import_text(factory, central.settings, FIRST)
    with transaction(factory) as db:
        _, code = terminals.create(db, name="k", branch="b", now=utcnow(), ttl_s=60)
    url = central.url
    token = requests.post(f"{url}/api/v1/terminals/enroll", json={"code": code, "name": "k"},
                          timeout=5).json()["token"]  # fmt: skip
    [mail] = wait_for_mail(url, "aigerim@mail.ru")
    password = mail["body"].split("Временный пароль: ")[1].split()[0]

    def log_in() -> requests.Response:
        return requests.post(
            f"{url}/api/v1/sessions",
            json={"login": "+77011234567", "password": password},
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
            timeout=5,
        )

    session = log_in()
    assert session.status_code == 200
    assert session.json()["password_change_required"] is True
    assert central.app is not None
    central.app.state.clock.advance(central.settings.temporary_password_ttl_s + 1)
    expired = log_in()
    assert expired.status_code == 401, "the emailed temporary password expires too"
    assert expired.json()["error"]["code"] == "invalid_credentials"


def test_an_import_beside_a_busy_central_waits_for_its_turn(tmp_path: Any) -> None:
    """SQLite: the import reads, then writes, while the central's requests and sender
    commit. A transaction that began by reading is refused at once ("database is
    locked") when another commit lands before its first write; the import must
    instead wait for the write lock like any writer."""
    import threading

    from central.core.db import make_engine

    url = f"sqlite:///{tmp_path / 'busy.db'}"
    settings = Settings(database_url=url, delivery_backend="dev")
    with EmbeddedCentral(settings) as central:
        factory = make_session_factory(central.engine)
        busy = make_engine(url)
        stop = threading.Event()

        def commit_all_the_time() -> None:  # another writer, as requests and the sender are
            n = 0
            while not stop.is_set():
                with busy.begin() as conn:
                    conn.exec_driver_sql(
                        "INSERT INTO rate_events (scope, key, at) VALUES ('busy', ?, ?)",
                        (str(n), utcnow()),
                    )
                n += 1

        writer = threading.Thread(target=commit_all_the_time)
        writer.start()
        try:
            rows = "".join(
                f"+7701{n:07d},buyer{n}@mail.ru,Имя,VIC-B{n},КАСКО,2026-01-01,2026-12-31,1000,KZT\n"
                for n in range(40)
            )
            for _ in range(5):
                report = import_text(factory, central.settings, HEADER + rows)
                assert report.errors == []
        finally:
            stop.set()
            writer.join(10)
            busy.dispose()
        assert counts(factory)[0] == 40
