"""Request dependencies: the database session (which owns the commit), the
caller's identity, locale, clock, and idempotent replay of terminal POSTs.

The session dependency runs with ``scope="function"``: FastAPI 0.163 then
closes it after the handler returns and before the response is sent, so a
client never sees a success for a change that failed to commit. Repositories
only flush; this module commits (``get_db``, and ``Idempotency.run`` for the
work it runs, in the handler's own thread).

Dependencies that do no I/O are ``async def``: FastAPI runs every plain ``def``
dependency in its threadpool, and each such hand-off (thread wake-up, result
back to the event loop) cost more than the work itself, ten of them per
terminal request. Only the database work goes to the threadpool.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central.core.config import Settings
from central.core.errors import (
    CentralError,
    IdempotencyConflict,
    PasswordChangeRequired,
    Unauthorized,
)
from central.core.i18n import Locale, negotiate
from central.core.security import hash_token
from central.core.text import parsed_ip
from central.crud import idempotency as idem_crud
from central.crud import sessions as session_crud
from central.crud import terminals_auth
from central.crud.terminals_auth import TerminalIdentity
from central.models import ClientSession, IdempotencyRecord
from central.routes.handlers import error_body

_bearer = HTTPBearer(auto_error=False)


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


def _end(session: Session, commit: bool) -> None:
    """Commit or roll back, then give the connection back: the blocking end of
    a request's session, in one threadpool call."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


async def get_db(request: Request) -> AsyncIterator[Session]:
    """A session committed when the handler returns, rolled back when it raises
    (except for errors whose ``commits`` is set: a burnt attempt must stay burnt).

    Making the session does no I/O (it connects on first use), so it is made on
    the event loop; only its end goes to the threadpool (a ``def`` generator
    would be entered and left there: two hand-offs), and not even that when the
    handler's own thread has committed already (``Idempotency.run`` does)."""
    session: Session = request.app.state.session_factory()
    try:
        yield session
    except CentralError as err:
        await _close(session, err.commits)
        raise
    except BaseException:
        await _close(session, False)
        raise
    await _close(session, True)


async def _close(session: Session, commit: bool) -> None:
    if session.in_transaction():
        await run_in_threadpool(_end, session, commit)
    else:
        session.close()  # nothing begun or already committed: no I/O left


async def client_ip(request: Request) -> str | None:
    """The client's address as a normalised IP, or ``None``: uvicorn copies it
    from ``X-Forwarded-For`` unchecked (from a trusted proxy), so any text
    could arrive here and must not be stored or counted as an address."""
    return parsed_ip(request.client.host) if request.client else None


Db = Annotated[Session, Depends(get_db, scope="function")]
Now = Annotated[datetime, Depends(get_now)]
Lang = Annotated[Locale, Depends(get_locale)]
AppSettings = Annotated[Settings, Depends(get_settings)]
ClientIp = Annotated[str | None, Depends(client_ip)]
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def current_terminal(db: Db, credentials: Bearer) -> TerminalIdentity:
    """The enrolled, unrevoked terminal whose token is presented, else 401."""
    if credentials is None:
        raise Unauthorized()
    terminal = terminals_auth.by_token_hash(db, hash_token(credentials.credentials))
    if terminal is None or terminal.revoked_at is not None:
        raise Unauthorized()
    return terminal


CurrentTerminal = Annotated[TerminalIdentity, Depends(current_terminal)]


def current_session(db: Db, credentials: Bearer, now: Now) -> ClientSession:
    """A live client session (any kind), else 401."""
    if credentials is None:
        raise Unauthorized()
    found = session_crud.by_token_hash(db, hash_token(credentials.credentials))
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
        db: Session,
        scope: str | None,
        key: str | None,
        request: Request,
        locale: Locale,
        now: datetime,
        ttl_s: int,
    ) -> None:
        self.db, self.scope, self.key, self.locale, self.now = db, scope, key, locale, now
        self.ttl_s = ttl_s
        self.path = f"{request.method} {request.url.path}"

    def run(
        self,
        payload: BaseModel | None,
        work: Callable[[], Outcome],
        expected: Outcome | None = None,
    ) -> Response:
        """``work()``'s answer, or the first answer to this key replayed.

        ``expected``: what ``work`` answers when it succeeds, when the caller
        knows it before the work (a new registration's id, code times and masked
        phone are chosen up front); the claim then stores it with the key (one
        INSERT) and only a different outcome is written after the work."""
        if self.scope is None or self.key is None:
            return self._committed(*work(), {})
        claimed = self._claim(self._digest(payload), expected)
        if isinstance(claimed, Response):
            return claimed
        try:
            status, body = work()
        except CentralError as err:
            if err.commits:
                answer = {"body": error_body(err, self.locale), "headers": err.headers}
                idem_crud.store(self.db, claimed, err.status, answer)
            raise
        if (status, body) != expected:
            idem_crud.store(self.db, claimed, status, {"body": body, "headers": {}})
        return self._committed(status, body, {})

    def _committed(
        self, status: int, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> Response:
        """The answer once the work is committed, here in the handler's thread:
        ``get_db`` then has nothing left to do in the threadpool (one hand-off
        less per request). A failed commit raises, so no success is answered."""
        self.db.commit()
        return _response(status, body, headers)

    def _digest(self, payload: BaseModel | None) -> str:
        data = (
            payload.model_dump(mode="json", exclude=set(DELIVERY_FIELDS))
            if payload is not None
            else None
        )
        text = json.dumps([self.path, data], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def _claim(self, digest: str, expected: Outcome | None) -> idem_crud.Claim | Response:
        """The key, claimed for this request; or the first answer to replay. A
        new key (the usual case) is claimed by its INSERT alone; only a refused
        INSERT looks the record up."""
        assert self.scope is not None and self.key is not None
        answer = (
            (expected[0], {"body": expected[1], "headers": {}})
            if expected is not None
            else idem_crud.NO_ANSWER
        )
        claimed = idem_crud.claim(self.db, self.scope, self.key, digest, self.now, answer=answer)
        for _ in range(3):
            if claimed is not None:
                return claimed
            found = idem_crud.get(self.db, self.scope, self.key)
            if found is not None and not idem_crud.is_stale(found, self.now, self.ttl_s):
                return _replay(found, digest)
            claimed = idem_crud.claim(
                self.db, self.scope, self.key, digest, self.now, found, answer
            )
        raise IdempotencyConflict()


def _replay(record: IdempotencyRecord, digest: str) -> Response:
    if record.request_hash != digest:
        raise IdempotencyConflict()
    stored = record.response_body
    return _response(record.status_code, stored.get("body"), stored.get("headers") or {})


def _response(status: int, body: dict[str, Any] | None, headers: dict[str, str]) -> Response:
    if body is None:
        return Response(status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


async def terminal_idempotency(
    db: Db,
    terminal: CurrentTerminal,
    key: IdemKey,
    request: Request,
    locale: Lang,
    now: Now,
    settings: AppSettings,
) -> Idempotency:
    return Idempotency(db, terminal.id, key, request, locale, now, settings.idempotency_ttl_s)


async def client_idempotency(
    db: Db,
    session: AnySession,
    key: IdemKey,
    request: Request,
    locale: Lang,
    now: Now,
    settings: AppSettings,
) -> Idempotency:
    """Client POSTs come through a terminal: keys are scoped to it, like its own."""
    return Idempotency(
        db, session.terminal_id, key, request, locale, now, settings.idempotency_ttl_s
    )


TerminalIdem = Annotated[Idempotency, Depends(terminal_idempotency)]
ClientIdem = Annotated[Idempotency, Depends(client_idempotency)]
