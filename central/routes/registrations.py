"""Registration of a «Личный кабинет» from a terminal: start, confirm, resend,
status. Thin adapters: parse, call ``central.services.registration``, answer
its typed view; refusals are its error types."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from central.core.clock import UtcDatetime
from central.core.errors import AccountExists, AlreadyConfirmed, NotFound, RateLimited
from central.core.text import SafeLine
from central.routes.deps import (
    AppSettings,
    CurrentTerminal,
    Db,
    Now,
    TerminalPost,
)
from central.routes.responses import CODE, IDEMPOTENT, TERMINAL, TERMINAL_POST, refusals
from central.services import registration as service

router = APIRouter(prefix="/api/v1/registrations", tags=["registration"])


class RegistrationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: SafeLine = Field(max_length=1000)
    phone: SafeLine = Field(max_length=100)
    consent: StrictBool = False
    locale: Literal["ru", "kk", "en"] | None = None
    operator: SafeLine | None = Field(default=None, max_length=64)
    captured_at: UtcDatetime | None = None


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: SafeLine = Field(max_length=32)


class RegistrationOut(BaseModel):
    id: str
    status: Literal["code_sent", "confirmed", "expired"]
    phone_masked: str
    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int

    @classmethod
    def of(cls, view: service.RegistrationView) -> RegistrationOut:
        return cls(**vars(view))


def _out(view: service.RegistrationView) -> dict[str, Any]:
    """The answer as JSON (idempotency records keep it so, for replays)."""
    return RegistrationOut.of(view).model_dump(mode="json")


class ConfirmedOut(BaseModel):
    id: str
    status: Literal["confirmed"]


@router.post(
    "",
    status_code=201,
    response_model=RegistrationOut,
    responses=refusals(*TERMINAL_POST, AccountExists, RateLimited),
)
def start_registration(body: RegistrationIn, call: TerminalPost) -> Any:
    settings, now = call.settings, call.now

    def handle() -> Any:
        contacts = service.check_contacts(
            body.email, body.phone, body.consent, settings, captured_at=body.captured_at, now=now
        )
        request = service.NewRequest(
            contacts=contacts,
            locale=body.locale or call.locale,
            operator=body.operator,
            captured_at=body.captured_at,
            terminal_id=call.terminal.id,
            client_ip=call.client_ip,
        )
        # decided before any statement, so the idempotency claim stores the answer
        planned = service.plan(request, settings, now)
        answer = _out(planned.view)

        def work() -> tuple[int, dict[str, Any]]:
            return 201, _out(service.start(call.db, planned, settings))

        return call.idem.run(body, work, expected=(201, answer))

    return call.run_to_end(handle)  # authenticated and committed in this thread


@router.post(
    "/{registration_id}/confirm",
    response_model=ConfirmedOut,
    responses=refusals(*TERMINAL_POST, *CODE, AccountExists, AlreadyConfirmed),
)
def confirm(registration_id: str, body: ConfirmIn, call: TerminalPost) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        reg = service.own(call.db, registration_id, call.terminal.id, lock=True)
        service.confirm(call.db, reg, body.code, call.settings, call.now)
        return 200, ConfirmedOut(id=reg.id, status="confirmed").model_dump(mode="json")

    # the code stays out of the record: a code's hash is guessed at once
    return call.run_to_end(lambda: call.idem.run(body, work, secrets=frozenset({"code"})))


@router.post(
    "/{registration_id}/resend",
    response_model=RegistrationOut,
    responses=refusals(
        *TERMINAL, *IDEMPOTENT, NotFound, AccountExists, AlreadyConfirmed, RateLimited
    ),
)
def resend(registration_id: str, call: TerminalPost) -> Any:
    def work() -> tuple[int, dict[str, Any]]:
        reg = service.own(call.db, registration_id, call.terminal.id, lock=True)
        return 200, _out(service.resend(call.db, reg, call.settings, call.now))

    return call.run_to_end(lambda: call.idem.run(None, work))


@router.get(
    "/{registration_id}", response_model=RegistrationOut, responses=refusals(*TERMINAL, NotFound)
)
def status(
    registration_id: str, db: Db, terminal: CurrentTerminal, settings: AppSettings, now: Now
) -> RegistrationOut:
    reg = service.own(db, registration_id, terminal.id, lock=False)
    return RegistrationOut.of(service.view(reg, settings, now))
