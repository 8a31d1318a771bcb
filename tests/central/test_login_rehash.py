"""A password hashed at argon2-cffi's old defaults is rehashed at OWASP's cost
by the owner's next successful log-in, over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Account
from central.server import EmbeddedCentral
from tests.central.conftest import Api, create_account


def stored_hash(central: EmbeddedCentral, email: str) -> str:
    with Session(central.engine) as db:
        found = db.scalar(select(Account.password_hash).where(Account.email == email))
    assert found is not None
    return found


def test_an_old_hash_is_replaced_at_the_next_successful_login(
    central: EmbeddedCentral, api: Api
) -> None:
    email = "old.hash@mail.ru"
    password = create_account(api, email=email)
    with Session(central.engine) as db, db.begin():
        account = db.scalars(select(Account).where(Account.email == email)).one()
        account.password_hash = PasswordHasher().hash(password)  # 64 MiB, t=3, p=4
    wrong = api.post("/api/v1/sessions", {"login": email, "password": password + "x"})
    assert wrong.status_code == 401
    assert extract_parameters(stored_hash(central, email)).memory_cost == 65536

    opened = api.post("/api/v1/sessions", {"login": email, "password": password})
    assert opened.status_code == 200, opened.text
    rehashed = extract_parameters(stored_hash(central, email))
    assert (rehashed.memory_cost, rehashed.time_cost, rehashed.parallelism) == (19456, 2, 1)
    again = api.post("/api/v1/sessions", {"login": email, "password": password})
    assert again.status_code == 200  # the new hash holds the same password
