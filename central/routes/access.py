"""Access from a terminal: log-in sessions and password resets. Thin adapters
over ``central.services.access``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from central.core.errors import (
    AccountNotActivated,
    InvalidCredentials,
    NotFound,
    RateLimited,
    Unauthorized,
    WeakPassword,
)
from central.core.text import SafeLine
from central.routes.deps import AnySession, Db, Now, TerminalPost
from central.routes.responses import CODE, IDEMPOTENT, TERMINAL, TERMINAL_POST, refusals
from central.services import access as service
from central.services import password_reset as resets
from vic_rules.password import MAX_INPUT_CHARS

router = APIRouter(prefix="/api/v1", tags=["access"])


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: SafeLine = Field(max_length=320)
    password: StrictStr = Field(max_length=256)


class SessionOut(BaseModel):
    token: str
    password_change_required: bool
    expires_at: datetime


class ResetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: SafeLine = Field(max_length=320)


class ResetOut(BaseModel):
    """The same shape whether or not an account has the login."""

    id: str
    code_expires_at: datetime
    resend_available_at: datetime


class ResetResentOut(ResetOut):
    attempts_left: int


class ResetConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: StrictStr = Field(max_length=32)
    new_password: StrictStr = Field(max_length=MAX_INPUT_CHARS)


@router.post(
    "/sessions",
    response_model=SessionOut,
    responses=refusals(*TERMINAL_POST, InvalidCredentials, AccountNotActivated, RateLimited),
)
def open_session(body: SessionIn, call: TerminalPost) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        opened = service.open_session(
            call.db, body.login, body.password, call.terminal.id, call.settings, call.now
        )
        answer = SessionOut(
            token=opened.token,
            password_change_required=opened.password_change_required,
            expires_at=opened.expires_at,
        )
        return 200, answer.model_dump(mode="json")

    # the password stays out of the record; the token too (a repeat opens a new session)
    return call.run_to_end(
        lambda: call.idem.run(body, work, secrets=frozenset({"password"}), keep_answer=False)
    )


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
    responses=refusals(*TERMINAL_POST),
)
def reset_password(body: ResetIn, call: TerminalPost) -> Any:
    """Always ``202``: an SMS code for an active account, the activation email
    again for a pending one, nothing for a login nobody has (contract v1.1)."""

    def work() -> tuple[int, dict[str, Any]]:
        started = resets.request(
            call.db, body.login, call.terminal.id, call.locale, call.settings, call.now
        )
        answer = ResetOut(
            id=started.id,
            code_expires_at=started.code_expires_at,
            resend_available_at=started.resend_available_at,
        )
        return 202, answer.model_dump(mode="json")

    return call.run_to_end(lambda: call.idem.run(body, work))


@router.post(
    "/password-resets/{reset_id}/confirm",
    status_code=204,
    response_class=Response,
    response_model=None,
    responses=refusals(*TERMINAL_POST, WeakPassword, *CODE),
)
def confirm_reset(reset_id: str, body: ResetConfirmIn, call: TerminalPost) -> Any:
    """The new password with the SMS code: every session of the account ends."""

    def work() -> tuple[int, None]:
        reset = resets.own(call.db, reset_id, call.terminal.id)
        resets.confirm(call.db, reset, body.code, body.new_password, call.settings, call.now)
        return 204, None

    return call.run_to_end(
        lambda: call.idem.run(body, work, secrets=frozenset({"code", "new_password"}))
    )


@router.post(
    "/password-resets/{reset_id}/resend",
    response_model=ResetResentOut,
    responses=refusals(*TERMINAL, *IDEMPOTENT, NotFound, RateLimited),
)
def resend_reset(reset_id: str, call: TerminalPost) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        reset = resets.own(call.db, reset_id, call.terminal.id)
        again = resets.resend(call.db, reset, call.settings, call.now)
        answer = ResetResentOut(
            id=again.id,
            code_expires_at=again.code_expires_at,
            resend_available_at=again.resend_available_at,
            attempts_left=again.attempts_left,
        )
        return 200, answer.model_dump(mode="json")

    return call.run_to_end(lambda: call.idem.run(None, work))
