"""The clerk's email correction of an account pending activation (issue 11
§1): thin adapters over ``central.services.email_correction``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from central.core.errors import AccountExists, AlreadyConfirmed, NotFound, RateLimited
from central.core.text import SafeLine
from central.routes.deps import TerminalPost
from central.routes.responses import CODE, TERMINAL_POST, refusals
from central.services import email_correction as service

router = APIRouter(prefix="/api/v1/pending-accounts/email-corrections", tags=["accounts"])


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: SafeLine = Field(max_length=100)
    email: SafeLine = Field(max_length=1000)
    operator: SafeLine | None = Field(default=None, max_length=64)  # clerk mode
    id_checked: StrictBool = False  # the clerk saw the client's ID


class CorrectionOut(BaseModel):
    id: str
    phone_masked: str
    code_expires_at: datetime
    attempts_left: int


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: SafeLine = Field(max_length=32)


class CorrectedOut(BaseModel):
    status: Literal["corrected"]
    email_masked: str


@router.post(
    "",
    status_code=201,
    response_model=CorrectionOut,
    responses=refusals(*TERMINAL_POST, NotFound, AccountExists, RateLimited),
)
def start_correction(body: CorrectionIn, call: TerminalPost) -> Any:
    """Send the pending account of ``phone`` an SMS code to move it to ``email``;
    in clerk mode (``operator``) only once the client's ID is checked."""

    def work() -> tuple[int, dict[str, Any]]:
        view = service.start(
            call.db, phone=body.phone, email=body.email, operator=body.operator,
            id_checked=body.id_checked, terminal_id=call.terminal.id, settings=call.settings,
            now=call.now,
        )  # fmt: skip
        out = CorrectionOut(
            id=view.id, phone_masked=view.phone_masked,
            code_expires_at=view.code_expires_at, attempts_left=view.attempts_left,
        )  # fmt: skip
        return 201, out.model_dump(mode="json")

    return call.run_to_end(lambda: call.idem.run(body, work))


@router.post(
    "/{correction_id}/confirm",
    response_model=CorrectedOut,
    responses=refusals(*TERMINAL_POST, *CODE, AccountExists, AlreadyConfirmed),
)
def confirm_correction(correction_id: str, body: CodeIn, call: TerminalPost) -> Any:
    """With the right code the account moves to the corrected email, which
    gets the activation email; the old address gets nothing more."""

    def work() -> tuple[int, dict[str, Any]]:
        masked = service.confirm(
            call.db, correction_id, call.terminal.id, body.code, call.settings, call.now
        )
        return 200, CorrectedOut(status="corrected", email_masked=masked).model_dump(mode="json")

    return call.run_to_end(lambda: call.idem.run(body, work, secrets=frozenset({"code"})))
