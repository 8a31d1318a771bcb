"""Terminal enrollment and revocation over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import requests
from sqlalchemy.orm import Session, sessionmaker

from central.core.db import make_session_factory, transaction
from central.core.security import hash_token
from central.models import utcnow
from central.repositories import terminals as repo
from central.server import EmbeddedCentral

DAY_S = 24 * 3600


def add_terminal(factory: sessionmaker[Session], *, age_s: float = 0) -> str:
    with transaction(factory) as db:
        created = utcnow() - timedelta(seconds=age_s)
        _, code = repo.create(db, name="Окно 1", branch="Астана", now=created, ttl_s=DAY_S)
    return code


def enroll(central: EmbeddedCentral, code: str, name: str = "kiosk-1") -> requests.Response:
    return requests.post(f"{central.url}/api/v1/terminals/enroll",
                         json={"code": code, "name": name}, timeout=5)  # fmt: skip


def register(central: EmbeddedCentral, token: str) -> requests.Response:
    return requests.post(
        f"{central.url}/api/v1/registrations",
        json={"email": "dana@mail.ru", "phone": "+77011234567", "consent": True, "locale": "ru"},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
        timeout=5,
    )


def test_code_enrolls_once_and_gives_a_working_token(central: EmbeddedCentral) -> None:
    factory = make_session_factory(central.engine)
    code = add_terminal(factory)
    first = enroll(central, code.lower().replace("-", " "))
    assert first.status_code == 201
    body = first.json()
    assert body["branch"] == "Астана" and len(body["token"]) >= 40
    assert register(central, body["token"]).status_code == 201

    again = enroll(central, code, name="intruder")
    assert again.status_code == 401
    assert set(again.json()["error"]) >= {"code", "message"}
    with factory() as db:
        [terminal] = repo.list_all(db)
        assert (terminal.name, repo.status_of(terminal, utcnow())) == ("kiosk-1", "enrolled")
        assert terminal.token_hash != body["token"] and code not in str(terminal.__dict__)


def test_unknown_or_expired_code_is_refused(central: EmbeddedCentral) -> None:
    factory = make_session_factory(central.engine)
    expired = add_terminal(factory, age_s=DAY_S + 1)
    assert enroll(central, expired).status_code == 401
    assert enroll(central, "AAAA-BBBB-CCCC").status_code == 401
    url = f"{central.url}/api/v1/terminals/enroll"
    response = requests.post(url, json={"code": ""}, timeout=5)
    assert response.status_code == 422


def test_revoked_terminal_is_refused_at_once(central: EmbeddedCentral) -> None:
    factory = make_session_factory(central.engine)
    token = enroll(central, add_terminal(factory)).json()["token"]
    assert register(central, token).status_code == 201
    with transaction(factory) as db:
        [terminal] = repo.list_all(db)
        repo.revoke(db, terminal.id, now=utcnow())
    refused = register(central, token)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "unauthorized"
    with factory() as db:
        found = repo.by_token_hash(db, hash_token(token))
        assert found is not None and found.revoked_at is not None


def test_revoking_before_enrollment_burns_the_code(central: EmbeddedCentral) -> None:
    factory = make_session_factory(central.engine)
    code = add_terminal(factory)
    with transaction(factory) as db:
        [terminal] = repo.list_all(db)
        repo.revoke(db, terminal.id, now=utcnow())
    assert enroll(central, code).status_code == 401


def test_a_terminal_can_check_its_enrollment_until_revoked(central: EmbeddedCentral) -> None:
    factory = make_session_factory(central.engine)
    token = enroll(central, add_terminal(factory), name="Окно 2").json()["token"]
    me = f"{central.url}/api/v1/terminals/me"
    answer = requests.get(me, headers={"Authorization": f"Bearer {token}"}, timeout=5)
    assert answer.status_code == 200
    assert (answer.json()["name"], answer.json()["branch"]) == ("Окно 2", "Астана")
    assert requests.get(me, timeout=5).status_code == 401
    with transaction(factory) as db:
        [terminal] = repo.list_all(db)
        repo.revoke(db, terminal.id, now=utcnow())
    assert (
        requests.get(me, headers={"Authorization": f"Bearer {token}"}, timeout=5).status_code == 401
    )
