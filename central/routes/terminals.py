"""Terminal enrollment: a branch terminal trades the operator's one-time code
for its bearer token (``python -m central terminals add`` makes the code).
Then, while it runs, its heartbeat and its daily token rotation (issue 13 §5,
``central.services.fleet``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response
from pydantic import AwareDatetime, BaseModel, Field

from central.core.errors import Unauthorized
from central.core.text import SafeLine
from central.repositories.terminals import Heartbeat
from central.routes.deps import Bearer, CurrentTerminal, Db, Now
from central.routes.responses import JSON_BODY, TERMINAL, refusals
from central.services import enrollment, fleet

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
    enrolled = enrollment.enroll(db, payload.code, payload.name, now)
    return EnrollResponse(
        terminal_id=enrolled.terminal_id, token=enrolled.token, branch=enrolled.branch
    )


@router.get("/me", response_model=TerminalOut, responses=refusals(*TERMINAL))
def who_am_i(terminal: CurrentTerminal) -> TerminalOut:
    """The terminal this token belongs to (``401`` once revoked): lets a terminal
    check its enrollment without side effects. An addition to contract v1."""
    return TerminalOut(terminal_id=terminal.id, name=terminal.name, branch=terminal.branch)


INTEGER_COLUMN_MAX = 2**31 - 1  # PostgreSQL's INTEGER: beyond it the UPDATE failed (500)


class HeartbeatRequest(BaseModel):
    app_version: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z.+-]+$")]
    outbox_pending: Annotated[int, Field(ge=0, le=10**9)]
    outbox_needs_attention: Annotated[int, Field(ge=0, le=10**9)]
    oldest_pending_age_s: Annotated[int | None, Field(ge=0, le=INTEGER_COLUMN_MAX)] = None
    # what the terminal's clock read when it sent this (an addition: older ones omit it)
    terminal_time: AwareDatetime | None = None


class HeartbeatResponse(BaseModel):
    token_age_s: int
    rotate_due: bool


class TokenResponse(BaseModel):
    token: str


USER_AGENT_MAX_CHARS = 200


@router.post(
    "/heartbeat",
    response_model=HeartbeatResponse,
    responses=refusals(*JSON_BODY, *TERMINAL),
)
def heartbeat(
    payload: HeartbeatRequest,
    terminal: CurrentTerminal,
    db: Db,
    now: Now,
    user_agent: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> HeartbeatResponse:
    """Sent every 5 minutes by a running terminal: its version, outbox backlog and
    what its clock reads (``vic-central terminals list`` shows them, and flags the
    silent and those whose clock is off). The answer
    says how old the terminal's token is and whether it is due for rotation.
    No Idempotency-Key needed: a repeat only records the same state again."""
    agent = "".join(ch for ch in (user_agent or "") if ch.isprintable())[:USER_AGENT_MAX_CHARS]
    beat = Heartbeat(
        app_version=payload.app_version,
        user_agent=agent or None,
        outbox_pending=payload.outbox_pending,
        outbox_needs_attention=payload.outbox_needs_attention,
        outbox_oldest_age_s=payload.oldest_pending_age_s,
        clock_offset_s=fleet.clock_offset_s(payload.terminal_time, now),
    )
    answer = fleet.heartbeat(db, terminal, beat, now)
    return HeartbeatResponse(token_age_s=answer.token_age_s, rotate_due=answer.rotate_due)


@router.post("/token", response_model=TokenResponse, responses=refusals(*TERMINAL))
def rotate_token(
    terminal: CurrentTerminal, credentials: Bearer, db: Db, now: Now, response: Response
) -> TokenResponse:
    """A new token for this terminal, shown only in this answer. The presented one
    keeps working until the new one is first used, and 10 minutes after: a lost
    answer is recovered by rotating again with the old token (which replaces the
    lost one). ``401`` for a revoked terminal, or an old token whose replacement
    has already been used."""
    assert credentials is not None  # CurrentTerminal refused a request without one
    response.headers["Cache-Control"] = "no-store"
    return TokenResponse(token=fleet.rotate(db, terminal, credentials.credentials, now))
