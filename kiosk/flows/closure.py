"""Closing the «Личный кабинет» at the terminal (issue 11 §3).

A logged-in client asks to close the account from the contracts screen; the
closure screen says what happens and asks for the password again, because a
session left open at a kiosk must not be enough to close someone's account.
The central then ends every session, stops the login, erases the phone and
email from the account (the contracts stay with the insurer) and confirms by
SMS and email. Withdrawing the consent to personal data processing is the same
action.

``close`` blocks (worker thread), returns a ``ClosureOutcome`` and changes
nothing; ``apply`` on the GUI thread takes it unless a ``wipe`` came first. The
password is never kept by the flow: it goes from the screen to the request.
A closure is never put in the outbox: it needs the session and the password
now, so an unreachable central leaves the account open and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.api_types import ClientSession
from kiosk.errors import CentralError, Unauthorized
from kiosk.flows._guard import GuardedFlow

if TYPE_CHECKING:
    from kiosk.client import CentralClient


class ClosureStep(StrEnum):
    """Where the client is; each value is the name of the screen that shows it."""

    ACCOUNT_CLOSURE = "account_closure"
    ACCOUNT_CLOSED = "account_closed"
    LOGIN = "login"  # the central ended the session: log in again


@dataclass(frozen=True)
class ClosureOutcome:
    """What one blocking call found, to be applied on the GUI thread.

    ``sent`` False: nothing was sent (a call in flight, no session, an empty
    password). ``ended``: the session is over (closed, or ended by the central),
    so the terminal forgets it without telling the central.
    """

    step: ClosureStep
    generation: int
    sent: bool = True
    error: CentralError | None = None
    ended: bool = False


@dataclass(frozen=True)
class _Snap:
    generation: int
    session: ClientSession | None


class ClosureFlow(GuardedFlow[ClosureStep, ClosureOutcome, _Snap]):
    """One client's closure of their account; only the GUI thread changes it.

    ``session`` reads the login flow's open session when called: the closure
    acts for whoever is logged in at that moment, never for a kept copy.
    """

    def __init__(
        self,
        client: CentralClient,
        session: Callable[[], ClientSession | None],
        *,
        locale: str = "ru",
    ) -> None:
        self._session = session
        super().__init__(client, ClosureOutcome, locale)

    def _reset(self) -> None:
        self.step = ClosureStep.ACCOUNT_CLOSURE
        self.last_error = None

    def _snapshot(self) -> _Snap | None:
        return _Snap(self._generation, self._session())

    def _take(self, outcome: ClosureOutcome) -> ClosureStep:
        return outcome.step

    # -- GUI thread ------------------------------------------------------------------

    def begin(self) -> ClosureStep:
        """The client asked to close the account: CONFIRM, nothing sent yet (a call
        still in flight from before is dropped)."""
        self.wipe()
        return self.step

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def close(self, password: str) -> ClosureOutcome:
        """Close the account with its ``password``: CLOSED (the session is over);
        a wrong password (``InvalidCredentials``), the hourly cap (``RateLimited``)
        or no connection (``Unreachable``) stay at CONFIRM with the error; a
        session the central ended goes to LOGIN."""
        with self._turn(ClosureStep.ACCOUNT_CLOSURE) as snap:
            if snap is None or snap.session is None or not password:
                return self._unsent()
            generation = snap.generation
            try:
                # a new Idempotency-Key each time: the central keeps a wrong password's
                # refusal for its key (without the password), so a retry under the same
                # key with the right one would only be refused again
                self._client.close_account(snap.session.token, password)
            except Unauthorized as exc:
                return ClosureOutcome(
                    step=ClosureStep.LOGIN, generation=generation, error=exc, ended=True
                )
            except CentralError as exc:
                return ClosureOutcome(
                    step=ClosureStep.ACCOUNT_CLOSURE, generation=generation, error=exc
                )
            return ClosureOutcome(
                step=ClosureStep.ACCOUNT_CLOSED, generation=generation, ended=True
            )
