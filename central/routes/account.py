"""The client's own account, with a client session token: password change,
the list of contracts, closure. Thin adapters over ``central.services.account``."""

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
from central.routes.deps import AnySession, AppSettings, ClientIdem, CurrentClient, Db, Now
from central.routes.responses import CLIENT, IDEMPOTENT, JSON_BODY, refusals
from central.services import account as service
from central.services import closure
from vic_rules.password import MAX_INPUT_CHARS

router = APIRouter(prefix="/api/v1/account", tags=["account"])


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
    def work() -> tuple[int, None]:
        service.change_password(
            db, session, body.current_password, body.new_password, settings, now
        )
        return 204, None

    return idem.run(body, work, secrets=frozenset({"current_password", "new_password"}))


@router.get("/contracts", response_model=ContractsOut, responses=refusals(*CLIENT))
def list_contracts(db: Db, session: CurrentClient, now: Now) -> ContractsOut:
    return ContractsOut(
        contracts=[
            ContractOut(
                number=c.number,
                product=c.product,
                status=c.status,
                starts_on=c.starts_on,
                ends_on=c.ends_on,
                premium=Premium(amount=f"{c.premium_amount:.2f}", currency=c.currency),
            )
            for c in service.contracts_of(db, session.account_id, now, session.terminal_id)
        ]
    )


class ClosureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: StrictStr = Field(max_length=256)


class ClosureOut(BaseModel):
    status: Literal["closed"]


@router.post(
    "/closure",
    response_model=ClosureOut,
    responses=refusals(*CLIENT, *IDEMPOTENT, *JSON_BODY, InvalidCredentials, NotFound, RateLimited),
)
def close_account(
    body: ClosureIn,
    db: Db,
    session: CurrentClient,
    idem: ClientIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    """Close the «Личный кабинет» (issue 11 §3): the password again, then the
    sessions end, login stops, phone and email are erased; the contracts stay
    with the insurer. An SMS and an email confirm it."""

    def work() -> tuple[int, dict[str, str]]:
        closure.close_by_client(db, session, body.password, settings, now)
        return 200, {"status": "closed"}

    return idem.run(body, work, secrets=frozenset({"password"}))
