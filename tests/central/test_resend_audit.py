"""Code resends are in the audit trail (issue 11 leftovers), with the fields of
every other event (time, terminal, operator, account) and never the code."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import Settings
from central.models import Terminal
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account
from tests.central.test_audit_trail import audit
from tests.security.conftest import clock_of

COOL_DOWN_S = Settings().code_resend_cooldown_s


def terminal_id(central: EmbeddedCentral) -> str:
    with Session(central.engine) as db:
        found = db.scalars(select(Terminal.id)).one()
    return str(found)


def test_a_registration_code_resend_is_audited_without_the_code(
    central: EmbeddedCentral, api: Api
) -> None:
    started = api.register(operator="clerk-7")
    assert started.status_code == 201, started.text
    rid = started.json()["id"]
    clock_of(central).advance(COOL_DOWN_S + 1)
    assert api.post(f"/api/v1/registrations/{rid}/resend").status_code == 200
    code = api.last_code(KZ_PHONE)

    events = audit(central, "--terminal", terminal_id(central))
    resent = [e for e in events if e["action"] == "registration_code_resent"]
    assert len(resent) == 1, events
    assert resent[0]["operator"] == "clerk-7"
    assert resent[0]["detail"] == f"registration {rid}"
    assert not any(code in str(value) for e in events for value in e.values())


def test_a_reset_code_resend_is_audited_without_the_code(
    central: EmbeddedCentral, api: Api
) -> None:
    create_account(api, "aigerim@mail.ru", KZ_PHONE)
    started = api.post("/api/v1/password-resets", {"login": KZ_PHONE})
    rid = started.json()["id"]
    clock_of(central).advance(COOL_DOWN_S + 1)
    assert api.post(f"/api/v1/password-resets/{rid}/resend").status_code == 200
    code = api.last_code(KZ_PHONE)

    events = audit(central, "--account", KZ_PHONE)
    resent = [e for e in events if e["action"] == "password_reset_code_resent"]
    assert len(resent) == 1, events
    assert resent[0]["terminal_id"] == terminal_id(central)
    assert resent[0]["detail"] == f"reset {rid}"
    assert not any(code in str(value) for e in events for value in e.values())
