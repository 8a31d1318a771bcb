"""A scripted stand-in for ``CentralClient``, for the flows' fast unit tests.

It answers from a script (a value, or an error to raise), records every call
with its arguments, and can hold a call until the test lets it go, so a test
can wipe or tap again while a call is in flight. The end-to-end tests beside
these use the real central.
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.api_types import (
    Claim,
    ClaimDocument,
    ClaimKind,
    ClaimRequest,
    ClientSession,
    Contract,
    LinkSent,
    RegistrationRequest,
    RegistrationStarted,
    ResetStarted,
    UploadLink,
)

HOLD_S = 10.0
T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def started(rid: str = "r1", attempts_left: int = 5, at: datetime = T0) -> RegistrationStarted:
    return RegistrationStarted(
        id=rid,
        status="code_sent",
        phone_masked="+7 701 *** ** 67",
        code_expires_at=at + timedelta(seconds=300),
        resend_available_at=at + timedelta(seconds=60),
        attempts_left=attempts_left,
    )


def reset_started(rid: str = "p1", attempts_left: int | None = None) -> ResetStarted:
    return ResetStarted(
        id=rid,
        code_expires_at=T0 + timedelta(seconds=300),
        resend_available_at=T0 + timedelta(seconds=60),
        attempts_left=attempts_left,
    )


def session(token: str = "tok", change: bool = False) -> ClientSession:
    return ClientSession(token, change, T0 + timedelta(seconds=1800))


class FakeCentral:
    """``answers[method]`` is a queue of values or exceptions; ``calls`` the log."""

    def __init__(self) -> None:
        self.locale = "ru"
        self.answers: dict[str, deque[Any]] = defaultdict(deque)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.entered = threading.Event()  # a held call has begun
        self._release: threading.Event | None = None

    def script(self, method: str, *answers: Any) -> FakeCentral:
        self.answers[method].extend(answers)
        return self

    def hold(self) -> threading.Event:
        """Hold the next calls until the returned event is set."""
        self._release = threading.Event()
        return self._release

    def called(self, method: str) -> list[tuple[Any, ...]]:
        return [args for name, args in self.calls if name == method]

    def _answer(self, method: str, *args: Any) -> Any:
        self.calls.append((method, args))
        if self._release is not None:
            self.entered.set()
            assert self._release.wait(HOLD_S), "the test never released the call"
        answer = self.answers[method].popleft() if self.answers[method] else None
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        return self._answer("register", req, idempotency_key)  # type: ignore[no-any-return]

    def confirm(self, registration_id: str, code: str) -> None:
        self._answer("confirm", registration_id, code)

    def resend(self, registration_id: str) -> RegistrationStarted:
        return self._answer("resend", registration_id)  # type: ignore[no-any-return]

    def log_in(self, login: str, password: str) -> ClientSession:
        return self._answer("log_in", login, password)  # type: ignore[no-any-return]

    def change_password(self, client_token: str, current: str, new: str) -> None:
        self._answer("change_password", client_token, current, new)

    def contracts(self, client_token: str) -> list[Contract]:
        return self._answer("contracts", client_token) or []

    def end_session(self, client_token: str) -> None:
        self._answer("end_session", client_token)

    def request_password_reset(self, login: str) -> ResetStarted:
        return self._answer("request_password_reset", login)  # type: ignore[no-any-return]

    def confirm_password_reset(self, reset_id: str, code: str, new_password: str) -> None:
        self._answer("confirm_password_reset", reset_id, code, new_password)

    def resend_password_reset(self, reset_id: str) -> ResetStarted:
        return self._answer("resend_password_reset", reset_id)  # type: ignore[no-any-return]

    # -- online claims ----------------------------------------------------------------

    def claim_kinds(self) -> list[ClaimKind]:
        return self._answer("claim_kinds") or []

    def submit_claim(self, client_token: str, req: ClaimRequest, *, idempotency_key: str) -> Claim:
        return self._answer("submit_claim", client_token, req, idempotency_key)  # type: ignore[no-any-return]

    def claims(self, client_token: str) -> list[Claim]:
        return self._answer("claims", client_token) or []

    def claim(self, client_token: str, claim_id: str) -> Claim:
        return self._answer("claim", client_token, claim_id)  # type: ignore[no-any-return]

    def claim_upload_link(self, client_token: str, claim_id: str) -> UploadLink:
        return self._answer("claim_upload_link", client_token, claim_id)  # type: ignore[no-any-return]

    def send_claim_upload_link(
        self, client_token: str, claim_id: str, *, idempotency_key: str
    ) -> LinkSent:
        return self._answer("send_claim_upload_link", client_token, claim_id, idempotency_key)  # type: ignore[no-any-return]

    def add_claim_document(
        self, client_token: str, claim_id: str, path: Any, **kwargs: Any
    ) -> ClaimDocument:
        return self._answer("add_claim_document", client_token, claim_id, path)  # type: ignore[no-any-return]
