"""A client session ends when the client logs out and when the terminal it was
opened on is revoked (contract v1.1): its token opens nothing afterwards."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import hash_token
from central.models import Terminal, utcnow
from central.repositories import terminals as terminal_repo
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, add_terminal, create_account

NEW_PASSWORD = "Kz7!mountain"


def full_session(api: Api, email: str = "aigerim@mail.ru", phone: str = KZ_PHONE) -> str:
    """A client token of a session with the client's own password."""
    temporary = create_account(api, email, phone)
    first = api.post("/api/v1/sessions", {"login": email, "password": temporary}).json()["token"]
    change = {"current_password": temporary, "new_password": NEW_PASSWORD}
    assert api.post("/api/v1/account/password", change, token=first).status_code == 204
    opened = api.post("/api/v1/sessions", {"login": email, "password": NEW_PASSWORD})
    assert opened.status_code == 200, opened.text
    return str(opened.json()["token"])


def test_a_logged_out_token_opens_nothing(api: Api) -> None:
    token = full_session(api)
    assert api.get("/api/v1/account/contracts", token=token).status_code == 200
    gone = api.http.delete(
        f"{api.url}/api/v1/sessions/current", headers={"Authorization": f"Bearer {token}"}
    )
    assert gone.status_code == 204, gone.text
    assert api.get("/api/v1/account/contracts", token=token).status_code == 401
    again = api.http.delete(
        f"{api.url}/api/v1/sessions/current", headers={"Authorization": f"Bearer {token}"}
    )
    assert again.status_code == 401


def test_revoking_a_terminal_ends_the_sessions_opened_on_it(central: EmbeddedCentral) -> None:
    stolen = Api(central.url, add_terminal(central, "Stolen"))
    other = Api(central.url, add_terminal(central, "Kept"))
    on_stolen = full_session(stolen)
    on_other = full_session(other, "dana@inbox.ru", "+77071234567")
    with Session(central.engine) as db, db.begin():
        found = db.scalar(select(Terminal).where(Terminal.token_hash == hash_token(stolen.token)))
        assert found is not None
        terminal_repo.revoke(db, found.id, now=utcnow())
    assert other.get("/api/v1/account/contracts", token=on_stolen).status_code == 401
    assert other.get("/api/v1/account/contracts", token=on_other).status_code == 200
