"""Log-in at the terminal: credentials, the forced password change, contracts.

The login may be typed as a phone in any form (normalised to E.164 when it
parses as a Kazakh mobile) or as an email. The password used to log in is kept
in memory only until it has been changed or the flow is wiped, because the
central needs it as ``current_password``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.api_types import ClientSession, Contract
from kiosk.errors import CentralError, Unauthorized
from kiosk.flows._guard import GuardedFlow
from vic_rules.login import normalize_login
from vic_rules.password import violations

if TYPE_CHECKING:
    from kiosk.client import CentralClient

MISMATCH = "mismatch"


class LoginStep(StrEnum):
    CREDENTIALS = "credentials"
    CHANGE_PASSWORD = "change_password"
    LOGGED_IN = "logged_in"


class LoginFlow(GuardedFlow):
    """One client's session at the terminal; ``wipe`` logs out locally.

    ``contracts()`` answers [] with ``last_error`` set when the central
    refused or did not answer; an expired session goes back to CREDENTIALS.
    """

    def __init__(self, client: CentralClient, *, locale: str = "ru") -> None:
        super().__init__()
        self._client = client
        self.locale = locale
        self._reset()

    def _reset(self) -> None:
        self.step = LoginStep.CREDENTIALS
        self.last_error = None
        self._login: str | None = None
        self._password: str | None = None
        self._session: ClientSession | None = None

    @property
    def locale(self) -> str:
        return self._locale

    @locale.setter
    def locale(self, value: str) -> None:
        self._locale = value
        self._client.locale = value

    def log_in(self, login: str, password: str) -> LoginStep:
        """CHANGE_PASSWORD for a temporary password, LOGGED_IN otherwise;
        on a refusal the step stays CREDENTIALS with ``last_error``."""
        normalized = normalize_login(login)
        with self._one_call(lambda: self.step is LoginStep.CREDENTIALS) as call:
            if not call.go:
                return self.step
            outcome = call.run(lambda: self._client.log_in(normalized, password))
            if isinstance(outcome, ClientSession):
                self._session = outcome
                self._login = normalized
                if outcome.password_change_required:
                    self._password = password
                    self.step = LoginStep.CHANGE_PASSWORD
                else:
                    self.step = LoginStep.LOGGED_IN
        return self.step

    def check_new_password(self, new: str, repeat: str) -> list[str]:
        """Every unmet rule (the contract's codes) plus ``mismatch``; [] when fine."""
        problems = violations(new, current=self._password)
        if new != repeat:
            problems.append(MISMATCH)
        return problems

    def change_password(self, new: str, repeat: str) -> LoginStep:
        """Set the new password, then open a full session with it: LOGGED_IN.

        A repeat that differs is refused here without a request; the rules are
        the central's (``last_error`` is then ``WeakPassword`` with its list).
        """
        if new != repeat:
            return self.step
        with self._one_call(lambda: self.step is LoginStep.CHANGE_PASSWORD) as call:
            if not call.go:
                return self.step
            session, login, current = self._session, self._login, self._password
            if session is None or login is None or current is None:
                return self.step
            outcome = call.run(lambda: self._client.change_password(session.token, current, new))
            if isinstance(outcome, CentralError):
                if isinstance(outcome, Unauthorized):
                    self._reset()
                    self.last_error = outcome
                return self.step
            self._password = None
            fresh = call.run(lambda: self._client.log_in(login, new))
            if isinstance(fresh, ClientSession):
                self._session = fresh
                self.step = LoginStep.LOGGED_IN
            else:
                self._session = None
                self.step = LoginStep.CREDENTIALS
        return self.step

    def contracts(self) -> list[Contract]:
        """The client's contracts, active first; [] with ``last_error`` on a refusal."""
        with self._one_call(lambda: self.step is LoginStep.LOGGED_IN) as call:
            if not call.go or self._session is None:
                return []
            token = self._session.token
            outcome = call.run(lambda: self._client.contracts(token))
            if isinstance(outcome, list):
                return outcome
            if isinstance(outcome, Unauthorized):
                error = outcome
                self._reset()
                self.last_error = error
        return []

    def request_password_reset(self, login: str) -> None:
        """Ask for a new temporary password by email (no hint whether the account exists)."""
        normalized = normalize_login(login)
        with self._one_call(lambda: True) as call:
            if call.go:
                call.run(lambda: self._client.request_password_reset(normalized))

    def wipe(self) -> None:
        """Forget the session, the login and any password; back to CREDENTIALS."""
        self._drop_in_flight()
        self._reset()
