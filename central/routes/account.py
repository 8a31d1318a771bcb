"""The client's own account, with a client session token: password change and
the list of contracts."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from central.core.errors import (
    InvalidCredentials,
    NotFound,
    RateLimited,
    Unauthorized,
    WeakPassword,
)
from central.core.security import hash_password, password_matches
from central.crud import accounts, audit, contracts, rates, tokens
from central.messaging.outbox import enqueue
from central.models import Contract
from central.routes.deps import AnySession, AppSettings, ClientIdem, CurrentClient, Db, Now
from central.routes.responses import CLIENT, IDEMPOTENT, JSON_BODY, refusals
from vic_rules.password import MAX_INPUT_CHARS, violations

router = APIRouter(prefix="/api/v1/account", tags=["account"])
PASSWORD_CHANGE_SCOPE = "password_change"


class PasswordChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: StrictStr = Field(max_length=256)
    new_password: StrictStr = Field(max_length=MAX_INPUT_CHARS)


class Premium(BaseModel):
    amount: str
    currency: str


class ContractOut(BaseModel):
    number: str
    product: str
    status: Literal["active", "expired", "terminated"]
    starts_on: date
    ends_on: date
    premium: Premium


class ContractsOut(BaseModel):
    contracts: list[ContractOut]


def contract_status(contract: Contract, today: date) -> str:
    if contract.terminated:
        return "terminated"
    return "expired" if contract.ends_on < today else "active"


@router.post(
    "/password",
    status_code=204,
    response_class=Response,
    response_model=None,
    responses=refusals(
        Unauthorized, *IDEMPOTENT, *JSON_BODY, InvalidCredentials, WeakPassword, RateLimited
    ),
)
def change_password(
    body: PasswordChangeIn,
    db: Db,
    session: AnySession,
    idem: ClientIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    """Every try counts against ``password_changes_per_account_per_hour``, so a
    session token in the wrong hands cannot guess the current password."""

    def work() -> tuple[int, None]:
        limit = settings.password_changes_per_account_per_hour
        rates.enforce(db, PASSWORD_CHANGE_SCOPE, session.account_id, limit, now)
        rates.record(db, PASSWORD_CHANGE_SCOPE, session.account_id, now)
        account = accounts.get(db, session.account_id)
        if account is None:
            raise NotFound()
        if not password_matches(body.current_password, account.password_hash):
            raise InvalidCredentials()
        found = violations(body.new_password, body.current_password)
        if found:
            raise WeakPassword(found)
        accounts.set_password(db, account, hash_password(body.new_password), now=now)
        tokens.revoke_sessions(db, account.id, now, keep=session.token_hash)
        session.password_change_only = False
        enqueue(
            db,
            channel="email",
            to=account.email,
            kind="password_changed_email",
            locale=account.locale,
            params={},
        )
        audit.record(
            db, "password_changed", now, account_id=account.id, terminal_id=session.terminal_id
        )
        db.flush()
        return 204, None

    return idem.run(body, work)


@router.get("/contracts", response_model=ContractsOut, responses=refusals(*CLIENT))
def list_contracts(db: Db, session: CurrentClient, now: Now) -> Any:
    today = now.date()
    items = [
        {
            "number": c.number,
            "product": c.product,
            "status": contract_status(c, today),
            "starts_on": c.starts_on.isoformat(),
            "ends_on": c.ends_on.isoformat(),
            "premium": {"amount": f"{c.premium_amount:.2f}", "currency": c.currency},
        }
        for c in contracts.for_account(db, session.account_id)
    ]
    items.sort(key=lambda item: item["status"] != "active")
    return {"contracts": items}
