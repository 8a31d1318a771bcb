"""Terminal enrollment: a branch terminal trades the operator's one-time code
for its bearer token (``python -m central terminals add`` makes the code)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, Field

from central.core.errors import Unauthorized
from central.core.text import SafeLine
from central.crud import terminals as repo
from central.routes.deps import CurrentTerminal, Db, Now
from central.routes.responses import JSON_BODY, TERMINAL, refusals

router = APIRouter(prefix="/api/v1/terminals", tags=["terminals"])


class EnrollRequest(BaseModel):
    code: Annotated[SafeLine, Field(min_length=1, max_length=64)]
    name: Annotated[SafeLine, Field(min_length=1, max_length=120)]


class EnrollResponse(BaseModel):
    terminal_id: str
    token: str
    branch: str


class TerminalOut(BaseModel):
    terminal_id: str
    name: str
    branch: str


@router.post(
    "/enroll",
    status_code=201,
    response_model=EnrollResponse,
    responses=refusals(*JSON_BODY, Unauthorized),
)
def enroll(payload: EnrollRequest, db: Db, now: Now) -> EnrollResponse:
    """``401 unauthorized`` for an unknown, used, expired or revoked code. The
    token is shown only in this answer: a lost answer needs a new code."""
    enrolled = repo.enroll(db, code=payload.code, name=payload.name.strip(), now=now)
    if enrolled is None:
        raise Unauthorized()
    return EnrollResponse(
        terminal_id=enrolled.terminal_id, token=enrolled.token, branch=enrolled.branch
    )


@router.get("/me", response_model=TerminalOut, responses=refusals(*TERMINAL))
def who_am_i(terminal: CurrentTerminal) -> TerminalOut:
    """The terminal this token belongs to (``401`` once revoked): lets a terminal
    check its enrollment without side effects. An addition to contract v1."""
    return TerminalOut(terminal_id=terminal.id, name=terminal.name, branch=terminal.branch)
