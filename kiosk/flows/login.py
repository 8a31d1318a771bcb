"""Log-in at the terminal: credentials, the forced password change, contracts, log-out.

The login may be typed as a phone in any form (normalised to E.164 when it
parses as a Kazakh mobile) or as an email. The password used to log in is kept
in memory only until it has been changed or the flow is wiped, because the
central needs it as ``current_password``.

``log_in``, ``change_password`` and ``contracts`` block (worker thread), return
a ``LoginOutcome`` and change nothing; the GUI thread passes it to ``apply``,
which drops it when a ``wipe`` came first. ``wipe`` hands back the session it
forgot so the caller can end it at the central (``end_session``, off the GUI
thread, best effort).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from kiosk.api_types import ClientSession, Contract
from kiosk.errors import CentralError, Unauthorized
from kiosk.flows._guard import GuardedFlow
from vic_rules.login import normalize_login
from vic_rules.password import violations

if TYPE_CHECKING:
    from kiosk.client import CentralClient

log = logging.getLogger(__name__)

MISMATCH = "mismatch"


class LoginStep(StrEnum):
    """Where the client is; each value is the name of the screen that shows it."""

    LOGIN = "login"
    PASSWORD_CHANGE = "password_change"
    PASSWORD_CHANGED = "password_changed"
    CONTRACTS = "contracts"


@dataclass(frozen=True)
class LoginOutcome:
    """What one blocking call found, to be applied on the GUI thread.

    ``sent`` False: nothing was sent (another call in flight, or the flow not at
    the step the call needs). ``ended`` says the central ended the session
    (``apply`` then forgets it). Secrets are left out of ``repr``.
    """

    step: LoginStep
    generation: int
    sent: bool = True
    error: CentralError | None = None
    session: ClientSession | None = field(default=None, repr=False)
    login: str | None = field(default=None, repr=False)
    current_password: str | None = field(default=None, repr=False)
    contracts: tuple[Contract, ...] = ()
    ended: bool = False


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    session: ClientSession | None = field(repr=False)
    login: str | None = field(repr=False)
    password: str | None = field(repr=False)


class LoginFlow(GuardedFlow[LoginStep, LoginOutcome, _Snapshot]):
    """One client's session at the terminal; only the GUI thread changes it."""

    def __init__(self, client: CentralClient, *, locale: str = "ru") -> None:
        super().__init__(client, LoginOutcome, locale)

    def _reset(self) -> None:
        self.step = LoginStep.LOGIN
        self.last_error: CentralError | None = None
        # GUI: a login another screen already knows («У вас уже есть…» → «Войти»),
        # so the client does not type it twice; the login screen takes it once
        self.typed_login = ""
        self._forget()

    def _forget(self) -> None:
        self._login: str | None = None
        self._password: str | None = None
        self._session: ClientSession | None = None

    @property
    def session(self) -> ClientSession | None:
        """The open session, for the flows that act for the logged-in client (claims)."""
        return self._session

    @property
    def phone(self) -> str | None:
        """The account's phone (E.164) when the client logged in with it, else None."""
        login = self._login
        return login if login is not None and login.startswith("+") else None

    @property
    def logged_in(self) -> bool:
        """A session is open (full, or only for the forced password change)."""
        return self._session is not None

    # -- GUI thread ------------------------------------------------------------------

    def check_new_password(self, new: str, repeat: str) -> list[str]:
        """Every unmet rule (the contract's codes) plus ``mismatch``; [] when fine."""
        problems = violations(new, current=self._password)
        if new != repeat:
            problems.append(MISMATCH)
        return problems

    def _take(self, outcome: LoginOutcome) -> LoginStep:
        if outcome.ended:
            self._forget()
        if outcome.session is not None:
            self._session = outcome.session
        if outcome.login is not None:
            self._login = outcome.login
        if outcome.current_password is not None:
            self._password = outcome.current_password
        if outcome.step in (LoginStep.CONTRACTS, LoginStep.PASSWORD_CHANGED):
            self._password = None
        return outcome.step

    def to_contracts(self) -> LoginStep:
        """From the "password changed" notice on to the contracts: CONTRACTS."""
        with self._state:
            if self.step is LoginStep.PASSWORD_CHANGED:
                self.step = LoginStep.CONTRACTS
            return self.step

    def wipe(self) -> ClientSession | None:  # type: ignore[override]
        """Forget the session, the login and any password; back to LOGIN.

        Returns the session it forgot, for ``end_session`` (never on this thread).
        """
        with self._state:
            session = self._session
            super().wipe()
        return session

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self._generation, self._session, self._login, self._password)

    def log_in(self, login: str, password: str) -> LoginOutcome:
        """PASSWORD_CHANGE for a temporary password, CONTRACTS otherwise; a
        refusal stays at LOGIN with the error."""
        normalized = normalize_login(login)
        with self._turn(LoginStep.LOGIN) as snap:
            if snap is None:
                return self._unsent()
            done = partial(LoginOutcome, generation=snap.generation)
            try:
                session = self._client.log_in(normalized, password)
            except CentralError as exc:
                return done(step=LoginStep.LOGIN, error=exc)
            if session.password_change_required:
                return done(
                    step=LoginStep.PASSWORD_CHANGE,
                    session=session,
                    login=normalized,
                    current_password=password,
                )
            return done(step=LoginStep.CONTRACTS, session=session, login=normalized)

    def change_password(self, new: str, repeat: str) -> LoginOutcome:
        """Set the new password, then open a full session with it: PASSWORD_CHANGED.

        A repeat that differs is refused here without a request; the rules are
        the central's (the error is then ``WeakPassword`` with its list). An
        ended session goes back to LOGIN.
        """
        if new != repeat:
            return self._unsent()
        with self._turn(LoginStep.PASSWORD_CHANGE) as snap:
            if snap is None or snap.session is None or snap.login is None:
                return self._unsent()
            if snap.password is None:
                return self._unsent()
            session, login = snap.session, snap.login
            done = partial(LoginOutcome, generation=snap.generation)
            try:
                self._client.change_password(session.token, snap.password, new)
            except Unauthorized as exc:
                return done(step=LoginStep.LOGIN, error=exc, ended=True)
            except CentralError as exc:
                return done(step=LoginStep.PASSWORD_CHANGE, error=exc)
            try:
                fresh = self._client.log_in(login, new)
            except CentralError as exc:
                return done(step=LoginStep.LOGIN, error=exc, ended=True)
            self.end_session(session)  # the one for the change only: no longer of use
            return done(step=LoginStep.PASSWORD_CHANGED, session=fresh)

    def contracts(self) -> LoginOutcome:
        """The client's contracts, active first, in ``outcome.contracts``; an
        ended session goes back to LOGIN."""
        with self._turn(LoginStep.CONTRACTS) as snap:
            if snap is None or snap.session is None:
                return self._unsent()
            done = partial(LoginOutcome, generation=snap.generation)
            try:
                found = self._client.contracts(snap.session.token)
            except Unauthorized as exc:
                return done(step=LoginStep.LOGIN, error=exc, ended=True)
            except CentralError as exc:
                return done(step=LoginStep.CONTRACTS, error=exc)
            return done(step=LoginStep.CONTRACTS, contracts=tuple(found))

    def end_session(self, session: ClientSession) -> bool:
        """Log ``session`` out at the central (blocking, best effort): True when
        the central ended it, False when it could not be told (unreachable, an
        older central without the call); never raises a ``CentralError``."""
        try:
            self._client.end_session(session.token)
        except CentralError as exc:
            log.info("client session not ended at the central: %s", exc.code)
            return False
        return True
