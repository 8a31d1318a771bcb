"""A typo at registration is repairable (issue 11 §1): once the activation link
has expired unused, the pending account no longer blocks its phone; a new
registration proves the phone by SMS code and replaces it. An account that was
activated is never replaced. The central's clock is moved, never slept."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.models import Account, AuditEvent
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account, password_emails

TYPO = "aigerim@mial.ru"
RIGHT = "aigerim@mail.ru"


def test_a_stale_pending_account_gives_its_phone_to_a_new_registration(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email=TYPO, phone=KZ_PHONE, activate=False)
    early = api.register(email=RIGHT, phone=KZ_PHONE)
    assert early.status_code == 409  # the link still works for 72 h: nothing replaced
    assert early.json()["error"]["code"] == "account_exists"

    clock.advance(central.settings.activation_ttl_s + 1)
    started = api.register(email=RIGHT, phone=KZ_PHONE)
    assert started.status_code == 201, started.text
    confirmed = api.post(
        f"/api/v1/registrations/{started.json()['id']}/confirm", {"code": api.last_code(KZ_PHONE)}
    )
    assert confirmed.status_code == 200, confirmed.text

    api.wait_messages(RIGHT, 1)
    assert password_emails(api, TYPO) == 1  # the old address got nothing more
    with Session(central.engine) as db:
        rows = {a.status: a for a in db.scalars(select(Account))}
        replaced = db.scalars(
            select(AuditEvent).where(AuditEvent.action == "stale_account_replaced")
        ).one()
    assert set(rows) == {"replaced", "pending_activation"}
    assert (rows["pending_activation"].phone, rows["pending_activation"].email) == (KZ_PHONE, RIGHT)
    assert rows["replaced"].email == "" and rows["replaced"].phone != KZ_PHONE
    assert replaced.account_id == rows["replaced"].id
    assert replaced.detail and started.json()["id"] in replaced.detail


def test_an_activated_account_keeps_its_phone_however_long(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email=RIGHT, phone=KZ_PHONE, activate=True)
    clock.advance(central.settings.activation_ttl_s * 10)
    again = api.register(email="other@mail.ru", phone=KZ_PHONE)
    assert again.status_code == 409
