"""Request dependencies: the database session (which owns the commit), the
caller's identity, locale, clock, and idempotent replay of terminal POSTs.

The unit of work (``central.core.uow``) runs with ``scope="function"``:
FastAPI 0.163 then ends it after the handler returns and before the response is
sent, so a client never sees a success for a change that failed to commit
(unless the handler already ended it in its own thread, ``UnitOfWork.run_to_end``).
It is the only owner of the transaction: repositories and services only flush.

Dependencies that do no I/O are ``async def``: FastAPI runs every plain ``def``
dependency in its threadpool, and each such hand-off (thread wake-up, result
back to the event loop) cost more than the work itself. Only the database work
goes to the threadpool. A terminal's POST (``TerminalPost``) goes there once: its
token is looked up, its work done and its transaction ended in the handler's
thread (``TerminalCall.run_to_end``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import Depends, Header, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central.core.config import Settings
from central.core.errors import (
    CentralError,
    IdempotencyConflict,
    IdempotencyKeyRequired,
    PasswordChangeRequired,
    Unauthorized,
)
from central.core.i18n import Locale, negotiate
from central.core.security import hash_token
from central.core.text import parsed_ip
from central.core.uow import UnitOfWork
from central.models import ClientSession, IdempotencyRecord
from central.repositories import idempotency as idem_repo
from central.repositories import tokens
from central.repositories.terminals import TerminalIdentity
from central.routes.handlers import error_body
from central.services import fleet

_bearer = HTTPBearer(auto_error=False)
T = TypeVar("T")


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_now(request: Request) -> datetime:
    """One "now" per request, from the app's clock."""
    now: datetime = request.app.state.clock.now()
    return now


async def get_locale(
    settings: Annotated[Settings, Depends(get_settings)],
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Locale:
    return negotiate(accept_language, settings.default_locale)


async def get_uow(request: Request) -> AsyncIterator[UnitOfWork]:
    """The request's unit of work, ended once when the handler is done: committed
    on success (or a refusal that commits), else rolled back.

    Making the session does no I/O (it connects on first use), so it is made on
    the event loop; only its end goes to the threadpool (a ``def`` generator
    would be entered and left there: two hand-offs), and not even that when no
    transaction was begun."""
    uow = UnitOfWork(request.app.state.session_factory())
    try:
        yield uow
    except BaseException as err:
        await _end(uow, uow.commits(err))
        raise
    await _end(uow, uow.commits(None))


async def _end(uow: UnitOfWork, commit: bool) -> None:
    if uow.has_work:
        await run_in_threadpool(uow.end, commit)
    else:
        uow.session.close()  # nothing begun: no I/O left


Uow = Annotated[UnitOfWork, Depends(get_uow, scope="function")]


async def get_db(uow: Uow) -> Session:
    """The unit of work's session, for repositories (which only flush)."""
    return uow.session


async def client_ip(request: Request) -> str | None:
    """The client's address as a normalised IP, or ``None``: uvicorn copies it
    from ``X-Forwarded-For`` unchecked (from a trusted proxy), so any text
    could arrive here and must not be stored or counted as an address."""
    return _client_ip(request)


def _client_ip(request: Request) -> str | None:
    return parsed_ip(request.client.host) if request.client else None


Db = Annotated[Session, Depends(get_db)]
Now = Annotated[datetime, Depends(get_now)]
Lang = Annotated[Locale, Depends(get_locale)]
AppSettings = Annotated[Settings, Depends(get_settings)]
ClientIp = Annotated[str | None, Depends(client_ip)]
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def current_terminal(db: Db, credentials: Bearer, now: Now) -> TerminalIdentity:
    """The enrolled, unrevoked terminal whose token is presented (a rotated-out
    one within its grace period too: ``central.services.fleet``), else 401."""
    if credentials is None:
        raise Unauthorized()
    return fleet.authenticate(db, credentials.credentials, now)


CurrentTerminal = Annotated[TerminalIdentity, Depends(current_terminal)]


def current_session(db: Db, credentials: Bearer, now: Now) -> ClientSession:
    """A live client session (any kind), else 401."""
    if credentials is None:
        raise Unauthorized()
    found = tokens.session_by_token_hash(db, hash_token(credentials.credentials))
    if found is None or found.revoked_at is not None or found.expires_at <= now:
        raise Unauthorized()
    return found


async def current_client(
    session: Annotated[ClientSession, Depends(current_session)],
) -> ClientSession:
    """A live session opened with a real password: temporary ones may only change it."""
    if session.password_change_only:
        raise PasswordChangeRequired()
    return session


AnySession = Annotated[ClientSession, Depends(current_session)]
CurrentClient = Annotated[ClientSession, Depends(current_client)]


async def idempotency_key(
    key: Annotated[UUID | None, Header(alias="Idempotency-Key")] = None,
) -> str | None:
    return str(key) if key is not None else None


IdemKey = Annotated[str | None, Depends(idempotency_key)]
Outcome = tuple[int, dict[str, Any] | None]


# Fields that say when a request was taken, not what it asks: a terminal that lost
# the answer to a live attempt re-sends it from its outbox with ``captured_at`` set,
# and that must replay the first answer, not conflict with it.
DELIVERY_FIELDS = frozenset({"captured_at"})


class Idempotency:
    """Runs a POST's work at most once per (scope, key).

    The key is claimed by inserting its record before any other write of the
    transaction; a concurrent duplicate blocks on that unique key, fails once
    the first commits, and then replays the first answer. Errors that commit
    (a burnt attempt) are recorded and replayed too; others leave no trace.
    """

    def __init__(
        self,
        uow: UnitOfWork,
        scope: str | None,
        key: str | None,
        request: Request,
        locale: Locale,
        now: datetime,
        ttl_s: int,
    ) -> None:
        self.uow, self.db = uow, uow.session
        self.scope, self.key, self.locale, self.now = scope, key, locale, now
        self.ttl_s = ttl_s
        self.path = f"{request.method} {request.url.path}"

    def run(
        self,
        payload: BaseModel | None,
        work: Callable[[], Outcome],
        expected: Outcome | None = None,
        *,
        secrets: frozenset[str] = frozenset(),
        keep_answer: bool = True,
    ) -> Response:
        """``work()``'s answer, or the first answer to this key replayed.

        ``expected``: what ``work`` answers when it succeeds, when the caller
        knows it before the work (a new registration's id, code times and masked
        phone are chosen up front); the claim then stores it with the key (one
        INSERT) and only a different outcome is written after the work.

        ``secrets``: the payload's fields left out of the stored fingerprint (a
        password, a code: an unkeyed hash of one is checked at one SHA-256 per
        guess). ``keep_answer=False`` when the answer holds a secret (a session
        token): the record keeps the key and fingerprint only, and a repeat runs
        the work again (a login's repeat answers a new session).

        Raises ``IdempotencyKeyRequired`` without a key: every terminal POST is
        serialised on its key and none runs twice."""
        if self.key is None:
            raise IdempotencyKeyRequired()
        if self.scope is None:  # a client session opened by no terminal: nothing to scope
            return _response(*work(), {})
        claimed = self._claim(self._digest(payload, secrets), expected if keep_answer else None)
        if isinstance(claimed, Response):
            return claimed
        try:
            status, body = work()
        except CentralError as err:
            if err.commits and keep_answer and isinstance(claimed, idem_repo.Claim):
                answer = {"body": error_body(err, self.locale), "headers": err.headers}
                idem_repo.store(self.db, claimed, err.status, answer)
            raise
        if keep_answer and isinstance(claimed, idem_repo.Claim) and (status, body) != expected:
            idem_repo.store(self.db, claimed, status, {"body": body, "headers": {}})
        return _response(status, body, {})

    def _digest(self, payload: BaseModel | None, secrets: frozenset[str]) -> str:
        data = (
            payload.model_dump(mode="json", exclude=set(DELIVERY_FIELDS | secrets))
            if payload is not None
            else None
        )
        text = json.dumps([self.path, data], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def _claim(self, digest: str, expected: Outcome | None) -> idem_repo.Claim | Rerun | Response:
        """The key, claimed for this request; or the first answer to replay; or
        ``RERUN`` when the first answer was not kept. A new key (the usual case)
        is claimed by its INSERT alone; only a refused INSERT looks the record up."""
        assert self.scope is not None and self.key is not None
        answer = (
            (expected[0], {"body": expected[1], "headers": {}})
            if expected is not None
            else idem_repo.NO_ANSWER
        )
        claimed = idem_repo.claim(self.db, self.scope, self.key, digest, self.now, answer=answer)
        for _ in range(3):
            if claimed is not None:
                return claimed
            self.uow.start_over()  # the refused INSERT was the request's first write
            found = idem_repo.get(self.db, self.scope, self.key)
            if found is not None and not idem_repo.is_stale(found, self.now, self.ttl_s):
                return _replay(found, digest)
            claimed = idem_repo.claim(
                self.db, self.scope, self.key, digest, self.now, found, answer
            )
        raise IdempotencyConflict()


class Rerun:
    """A repeat of a request whose answer was not kept: run its work again."""


RERUN = Rerun()


def _replay(record: IdempotencyRecord, digest: str) -> Response | Rerun:
    if record.request_hash != digest:
        raise IdempotencyConflict()
    if record.status_code == idem_repo.NO_ANSWER[0]:
        return RERUN
    stored = record.response_body
    return _response(record.status_code, stored.get("body"), stored.get("headers") or {})


def _response(status: int, body: dict[str, Any] | None, headers: dict[str, str]) -> Response:
    if body is None:
        return Response(status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


async def client_idempotency(
    uow: Uow,
    session: AnySession,
    key: IdemKey,
    request: Request,
    locale: Lang,
    now: Now,
    settings: AppSettings,
) -> Idempotency:
    """Client POSTs come through a terminal: keys are scoped to it, like its own."""
    return Idempotency(
        uow, session.terminal_id, key, request, locale, now, settings.idempotency_ttl_s
    )


ClientIdem = Annotated[Idempotency, Depends(client_idempotency)]


class TerminalCall:
    """What an idempotent terminal POST works with, as one parameter: the unit
    of work and its session, the settings, now, the locale, the client's address,
    and (looked up on first use, in the handler's thread) the calling terminal and
    its idempotent replay.

    Built on the event loop from the request alone (one dependency instead of
    ten); the terminal's token is looked up by ``terminal``, in the same thread
    and transaction as the work: one hand-off to the threadpool per request. A
    request without a token is refused before (``Unauthorized``)."""

    def __init__(
        self, uow: UnitOfWork, request: Request, token: str, key: str | None, locale: Locale
    ) -> None:
        state = request.app.state
        self.uow, self.db = uow, uow.session
        self.settings: Settings = state.settings
        self.now: datetime = state.clock.now()
        self.locale, self.client_ip = locale, _client_ip(request)
        self._request, self._token, self._key = request, token, key
        self._terminal: TerminalIdentity | None = None
        self._idem: Idempotency | None = None

    @property
    def terminal(self) -> TerminalIdentity:
        """The calling terminal, authenticated (``central.services.fleet``) on
        first use, else ``Unauthorized``. Only in the handler's thread."""
        if self._terminal is None:
            self._terminal = fleet.authenticate(self.db, self._token, self.now)
        return self._terminal

    @property
    def idem(self) -> Idempotency:
        if self._idem is None:
            self._idem = Idempotency(
                self.uow, self.terminal.id, self._key, self._request, self.locale, self.now,
                self.settings.idempotency_ttl_s,
            )  # fmt: skip
        return self._idem

    def run_to_end(self, work: Callable[[], T]) -> T:
        """``work()`` after the terminal is authenticated, then the unit of work
        ended, all in the handler's thread (``UnitOfWork.run_to_end``)."""

        def authenticated() -> T:
            _ = self.terminal  # refused here, before the work, when the token is no terminal's
            return work()

        return self.uow.run_to_end(authenticated)


async def terminal_call(
    request: Request,
    uow: Uow,
    credentials: Bearer,
    key: Annotated[UUID | None, Header(alias="Idempotency-Key")] = None,
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> TerminalCall:
    if credentials is None:
        raise Unauthorized()
    settings: Settings = request.app.state.settings
    locale = negotiate(accept_language, settings.default_locale)
    return TerminalCall(
        uow, request, credentials.credentials, str(key) if key is not None else None, locale
    )


TerminalPost = Annotated[TerminalCall, Depends(terminal_call)]


async def refuse_unknown_terminal(request: Request) -> CentralError | None:
    """``Unauthorized`` for a request to a ``TerminalPost`` route refused for its
    input when its token is no terminal's: the token is looked up in the
    handler's thread, which a request with invalid input never reaches, and a
    caller without a valid token is told that, not how its input is judged.
    Only such refused requests pay this look-up (a hand-off to the threadpool)."""
    if not _takes_terminal_call(request.scope.get("route")):
        return None
    credentials = await _bearer(request)
    if credentials is None:
        return Unauthorized()
    token, state = credentials.credentials, request.app.state

    def look_up() -> bool:
        with state.session_factory() as db:  # read only: never committed
            try:
                fleet.authenticate(db, token, state.clock.now())
            except Unauthorized:
                return False
        return True

    return None if await run_in_threadpool(look_up) else Unauthorized()


_TAKES_TERMINAL_CALL: dict[Callable[..., Any], bool] = {}  # by endpoint


def _takes_terminal_call(route: object) -> bool:
    def takes(dependant: Dependant) -> bool:
        return dependant.call is terminal_call or any(takes(d) for d in dependant.dependencies)

    if not isinstance(route, APIRoute):
        return False
    found = _TAKES_TERMINAL_CALL.get(route.endpoint)
    if found is None:
        found = _TAKES_TERMINAL_CALL[route.endpoint] = takes(route.dependant)
    return found
