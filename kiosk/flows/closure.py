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

    CONFIRM = "account_closure"
    CLOSED = "account_closed"
    SESSION_ENDED = "login"  # the central ended the session: log in again


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


class ClosureFlow(GuardedFlow):
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
        super().__init__()
        self._client = client
        self._session = session
        self.locale = locale
        self._reset()

    def _reset(self) -> None:
        self.step = ClosureStep.CONFIRM
        self.last_error: CentralError | None = None

    @property
    def locale(self) -> str:
        return self._locale

    @locale.setter
    def locale(self, value: str) -> None:
        self._locale = value
        self._client.locale = value

    # -- GUI thread ------------------------------------------------------------------

    def begin(self) -> ClosureStep:
        """The client asked to close the account: CONFIRM, nothing sent yet."""
        with self._state:
            self._drop_in_flight()
            self._reset()
            return self.step

    def apply(self, outcome: ClosureOutcome) -> ClosureStep | None:
        """Make ``outcome`` the flow's state; the new step, or None when a wipe
        came after its call began and it was dropped."""
        with self._state:
            if not self.fresh(outcome.generation):
                return None
            if not outcome.sent:
                return self.step
            self.last_error = outcome.error
            self.step = outcome.step
            return self.step

    def wipe(self) -> None:
        """Forget the closure; back to CONFIRM."""
        with self._state:
            self._drop_in_flight()
            self._reset()

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def _unsent(self) -> ClosureOutcome:
        with self._state:
            return ClosureOutcome(step=self.step, generation=self._generation, sent=False)

    def close(self, password: str) -> ClosureOutcome:
        """Close the account with its ``password``: CLOSED (the session is over);
        a wrong password (``InvalidCredentials``), the hourly cap (``RateLimited``)
        or no connection (``Unreachable``) stay at CONFIRM with the error; a
        session the central ended goes to SESSION_ENDED."""
        with self._one_call() as go:
            with self._state:
                generation, session = self._generation, self._session()
                ready = go and self.step is ClosureStep.CONFIRM and bool(password)
            if not ready or session is None:
                return self._unsent()
            try:
                # a new Idempotency-Key each time: the central keeps a wrong password's
                # refusal for its key (without the password), so a retry under the same
                # key with the right one would only be refused again
                self._client.close_account(session.token, password)
            except Unauthorized as exc:
                return ClosureOutcome(
                    step=ClosureStep.SESSION_ENDED, generation=generation, error=exc, ended=True
                )
            except CentralError as exc:
                return ClosureOutcome(step=ClosureStep.CONFIRM, generation=generation, error=exc)
            return ClosureOutcome(step=ClosureStep.CLOSED, generation=generation, ended=True)
