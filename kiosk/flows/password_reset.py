"""A forgotten password, reset at the terminal with a code sent by SMS (contract v1.1).

The client types the login (phone or email); the central answers the same
whether or not such an account exists and texts a 6-digit code to an active
account's phone (a pending account gets its activation email again). The client
then types the code and a new password; the old password keeps working until
then, so asking for a reset never locks the owner out.

``start``, ``confirm`` and ``resend`` block (worker thread), return a
``ResetOutcome`` and change nothing; ``apply`` on the GUI thread takes it
unless a ``wipe`` came first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from kiosk.api_types import ResetStarted
from kiosk.errors import CentralError
from kiosk.flows._guard import GuardedFlow, code_after
from kiosk.flows.login import MISMATCH
from vic_rules.login import normalize_login
from vic_rules.password import violations
from vic_rules.phone import PhoneProblem, display_phone

if TYPE_CHECKING:
    from kiosk.client import CentralClient

CODE_LENGTH = 6


class ResetStep(StrEnum):
    """Where the client is; each value is the name of the screen that shows it."""

    PASSWORD_RESET = "password_reset"
    RESET_CODE = "reset_code"
    RESET_DONE = "reset_done"


@dataclass(frozen=True)
class ResetCode:
    """The reset code as the central described it; its times on the terminal's
    clock (``kiosk.answers.clock_offset``).

    ``attempts_left`` is None until the central says (after a wrong code or a resend).
    """

    code_expires_at: datetime
    resend_available_at: datetime
    attempts_left: int | None = None

    def expires_in_s(self, now: datetime) -> float:
        return max(0.0, (self.code_expires_at - now).total_seconds())

    def resend_in_s(self, now: datetime) -> float:
        return max(0.0, (self.resend_available_at - now).total_seconds())

    @classmethod
    def from_started(cls, started: ResetStarted) -> ResetCode:
        return cls(started.code_expires_at, started.resend_available_at, started.attempts_left)


@dataclass(frozen=True)
class ResetOutcome:
    """What one blocking call found, to be applied on the GUI thread; ``sent``
    False means nothing was sent (a call in flight, or the wrong step)."""

    step: ResetStep
    generation: int
    sent: bool = True
    error: CentralError | None = None
    reset_id: str | None = None
    code: ResetCode | None = None
    login: str | None = field(default=None, repr=False)  # personal data: not for logs


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    reset_id: str | None
    code: ResetCode | None


class PasswordResetFlow(GuardedFlow[ResetStep, ResetOutcome, _Snapshot]):
    """One client's password reset; only the GUI thread changes it."""

    def __init__(self, client: CentralClient, *, locale: str = "ru") -> None:
        super().__init__(client, ResetOutcome, locale)

    def _reset(self) -> None:
        self.step = ResetStep.PASSWORD_RESET
        self.last_error: CentralError | None = None
        self.typed_login = ""  # what the client typed on the login screen, to start from
        self.login: str | None = None
        self.code: ResetCode | None = None
        self._reset_id: str | None = None

    @property
    def login_display(self) -> str:
        """The login as people read it: ``+7 701 123 45 67`` for a phone, else as sent."""
        login = self.login or ""
        if login.startswith("+"):
            try:
                return display_phone(login)
            except PhoneProblem:
                return login
        return login

    # -- GUI thread ------------------------------------------------------------------

    @staticmethod
    def check_new_password(new: str, repeat: str) -> list[str]:
        """Every unmet rule (the contract's codes) plus ``mismatch``; [] when fine."""
        problems = violations(new)
        if new != repeat:
            problems.append(MISMATCH)
        return problems

    def _take(self, outcome: ResetOutcome) -> ResetStep:
        if outcome.reset_id is not None:
            self._reset_id = outcome.reset_id
        if outcome.code is not None:
            self.code = outcome.code
        if outcome.login is not None:
            self.login = outcome.login
        return outcome.step

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self._generation, self._reset_id, self.code)

    def start(self, login: str) -> ResetOutcome:
        """Ask for a reset code for ``login`` (from PASSWORD_RESET, or again from
        RESET_CODE): RESET_CODE."""
        normalized = normalize_login(login)
        with self._turn(ResetStep.PASSWORD_RESET, ResetStep.RESET_CODE) as snap:
            if snap is None or not normalized:
                return self._unsent()
            try:
                started = self._client.request_password_reset(normalized)
            except CentralError as exc:
                return ResetOutcome(
                    step=ResetStep.PASSWORD_RESET, generation=snap.generation, error=exc
                )
            return ResetOutcome(
                step=ResetStep.RESET_CODE,
                generation=snap.generation,
                reset_id=started.id,
                code=ResetCode.from_started(started),
                login=normalized,
            )

    def confirm(self, code: str, new: str, repeat: str) -> ResetOutcome:
        """Set ``new`` with the SMS ``code``: RESET_DONE; otherwise RESET_CODE with the error
        (``WeakPassword`` lists the unmet rules and leaves the code unspent). A
        repeat that differs is refused here without a request."""
        if new != repeat:
            return self._unsent()
        with self._turn(ResetStep.RESET_CODE) as snap:
            if snap is None or snap.reset_id is None:
                return self._unsent()
            done = partial(ResetOutcome, generation=snap.generation)
            try:
                self._client.confirm_password_reset(snap.reset_id, code.strip(), new)
            except CentralError as exc:
                return done(step=ResetStep.RESET_CODE, error=exc, code=code_after(snap.code, exc))
            return done(step=ResetStep.RESET_DONE)

    def resend(self) -> ResetOutcome:
        """A new code by SMS; during the cool-down the error is ``RateLimited``."""
        with self._turn(ResetStep.RESET_CODE) as snap:
            if snap is None or snap.reset_id is None:
                return self._unsent()
            done = partial(ResetOutcome, generation=snap.generation)
            try:
                started = self._client.resend_password_reset(snap.reset_id)
            except CentralError as exc:
                return done(step=ResetStep.RESET_CODE, error=exc)
            return done(step=ResetStep.RESET_CODE, code=ResetCode.from_started(started))
