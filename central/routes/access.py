"""Access from a terminal: log-in sessions and password resets. Thin adapters
over ``central.services.access``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from central.core.errors import AccountNotActivated, InvalidCredentials, RateLimited, Unauthorized
from central.routes.deps import AnySession, AppSettings, CurrentTerminal, Db, Now, TerminalIdem
from central.routes.responses import IDEMPOTENT, JSON_BODY, TERMINAL, refusals
from central.services import access as service

router = APIRouter(prefix="/api/v1", tags=["access"])


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: StrictStr = Field(max_length=320)
    password: StrictStr = Field(max_length=256)


class SessionOut(BaseModel):
    token: str
    password_change_required: bool
    expires_at: datetime


class ResetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: StrictStr = Field(max_length=320)


class ResetOut(BaseModel):
    status: str


@router.post(
    "/sessions",
    response_model=SessionOut,
    responses=refusals(
        *TERMINAL, *IDEMPOTENT, *JSON_BODY, InvalidCredentials, AccountNotActivated, RateLimited
    ),
)
def open_session(
    body: SessionIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        opened = service.open_session(db, body.login, body.password, terminal.id, settings, now)
        answer = SessionOut(
            token=opened.token,
            password_change_required=opened.password_change_required,
            expires_at=opened.expires_at,
        )
        return 200, answer.model_dump(mode="json")

    # the password stays out of the record; the token too (a repeat opens a new session)
    return idem.run(body, work, secrets=frozenset({"password"}), keep_answer=False)


@router.delete(
    "/sessions/current",
    status_code=204,
    response_class=Response,
    response_model=None,
    responses=refusals(Unauthorized),
)
def close_session(db: Db, session: AnySession, now: Now) -> Response:
    """Log out (contract v1.1): the client token is dead at once."""
    service.log_out(db, session, now)
    return Response(status_code=204)


@router.post(
    "/password-resets",
    status_code=202,
    response_model=ResetOut,
    responses=refusals(*TERMINAL, *IDEMPOTENT, *JSON_BODY),
)
def reset_password(
    body: ResetIn,
    db: Db,
    terminal: CurrentTerminal,
    idem: TerminalIdem,
    settings: AppSettings,
    now: Now,
) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        service.request_reset(db, body.login, terminal.id, settings, now)
        return 202, ResetOut(status="accepted").model_dump(mode="json")

    return idem.run(body, work)
