"""Registration at the terminal: details, check, code, done (or saved offline).

The UI shows ``step`` and explains ``last_error``; it calls ``send``,
``confirm_code`` and ``resend_code`` from a worker thread. A second call while
one is in flight returns the current step at once without a second request, and
the Idempotency-Key is made once per confirmed set of details, so a double tap
or a retry after a lost answer never registers twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, cast

from kiosk.api_types import Locale, RegistrationRequest, RegistrationStarted
from kiosk.errors import (
    AccountExists,
    AlreadyConfirmed,
    CentralError,
    InvalidCode,
    TooManyAttempts,
    Unreachable,
    ValidationFailed,
)
from kiosk.flows._guard import GuardedFlow
from vic_rules.email import EmailProblem, normalize_email, suggest_email
from vic_rules.phone import PhoneProblem, display_phone, normalize_phone

if TYPE_CHECKING:
    from kiosk.client import CentralClient
    from kiosk.outbox import Outbox, OutboxError

log = logging.getLogger(__name__)

REQUIRED = "required"
CONSENT_REQUIRED = "consent_required"


class Step(StrEnum):
    DETAILS = "details"
    CHECK_DETAILS = "check_details"
    CODE_ENTRY = "code_entry"
    DONE = "done"
    ALREADY_REGISTERED = "already_registered"
    SAVED_OFFLINE = "saved_offline"


@dataclass(frozen=True)
class DetailsProblems:
    """What is wrong with the typed details, as codes the UI translates."""

    email: tuple[str, ...] = ()
    phone: tuple[str, ...] = ()
    consent: tuple[str, ...] = ()
    email_suggestion: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.email or self.phone or self.consent)

    @classmethod
    def from_fields(cls, fields: dict[str, list[str]]) -> DetailsProblems:
        """The central's ``validation_failed`` fields, as the form's problems."""
        return cls(
            email=tuple(fields.get("email", ())),
            phone=tuple(fields.get("phone", ())),
            consent=tuple(fields.get("consent", ())),
        )


@dataclass(frozen=True)
class CodeState:
    """The code sent by SMS, as the central described it (central's clock)."""

    phone_masked: str
    attempts_left: int
    code_expires_at: datetime
    resend_available_at: datetime

    def expires_in_s(self, now: datetime) -> float:
        return max(0.0, (self.code_expires_at - now).total_seconds())

    def resend_in_s(self, now: datetime) -> float:
        return max(0.0, (self.resend_available_at - now).total_seconds())

    @classmethod
    def from_started(cls, started: RegistrationStarted, phone_masked: str = "") -> CodeState:
        return cls(
            phone_masked=started.phone_masked or phone_masked,
            attempts_left=started.attempts_left,
            code_expires_at=started.code_expires_at,
            resend_available_at=started.resend_available_at,
        )


class RegistrationFlow(GuardedFlow):
    """One client's registration, from typed details to a confirmed account.

    ``email``/``phone`` are the normalised values after ``submit_details``;
    ``details_problems`` holds the central's field problems after a refused
    ``send`` (the step is then DETAILS again). ``wipe`` forgets everything.
    """

    def __init__(
        self,
        client: CentralClient,
        outbox: Outbox | None,
        *,
        locale: str = "ru",
        operator: str | None = None,
        regions: Iterable[str] = ("KZ",),
    ) -> None:
        self._client = client
        self._outbox = outbox
        self.operator = operator
        self._regions = tuple(regions)
        super().__init__()
        self.locale = locale
        self._reset()

    def _reset(self) -> None:
        self.step = Step.DETAILS
        self.email: str | None = None
        self.phone: str | None = None
        self.phone_display = ""
        self.consent = False
        self.code_state: CodeState | None = None
        self.last_error: CentralError | None = None
        self.details_problems: DetailsProblems | None = None
        self.outbox_entry_id: str | None = None
        self.offline_refusal: OutboxError | None = None
        self._key: str | None = None
        self._request: RegistrationRequest | None = None
        self._registration_id: str | None = None

    @property
    def locale(self) -> str:
        return self._locale

    @locale.setter
    def locale(self, value: str) -> None:
        self._locale = value
        self._client.locale = value

    # -- pure steps -----------------------------------------------------------

    def submit_details(self, email: str, phone: str, consent: bool) -> DetailsProblems:
        """Check the typed details offline; when they are fine, move to CHECK_DETAILS."""
        email_problems: tuple[str, ...] = ()
        phone_problems: tuple[str, ...] = ()
        suggestion: str | None = None
        norm_email = norm_phone = ""
        if not email.strip():
            email_problems = (REQUIRED,)
        else:
            try:
                norm_email = normalize_email(email)
            except EmailProblem as problem:
                email_problems = (problem.code,)
            suggestion = suggest_email(email)
        if not phone.strip():
            phone_problems = (REQUIRED,)
        else:
            try:
                norm_phone = normalize_phone(phone, regions=self._regions)
            except PhoneProblem as problem:
                phone_problems = (problem.code,)
        problems = DetailsProblems(
            email=email_problems,
            phone=phone_problems,
            consent=() if consent else (CONSENT_REQUIRED,),
            email_suggestion=suggestion,
        )
        self.details_problems = problems
        if not problems.ok or self.step not in (Step.DETAILS, Step.CHECK_DETAILS):
            return problems
        if (norm_email, norm_phone) != (self.email, self.phone) or self._key is None:
            self._key = str(uuid.uuid4())
            self._request = None
        self.email, self.phone, self.consent = norm_email, norm_phone, consent
        self.phone_display = display_phone(norm_phone)
        self.last_error = None
        self.step = Step.CHECK_DETAILS
        return problems

    def change_details(self) -> None:
        """Back from the check screen to the form; the typed values stay."""
        if self.step is Step.CHECK_DETAILS:
            self.step = Step.DETAILS

    def wipe(self) -> None:
        """Forget every entered value (idle timeout, next client); back to DETAILS.

        An answer still in flight is dropped when it arrives.
        """
        self._drop_in_flight()
        self._reset()

    # -- blocking steps -------------------------------------------------------

    def send(self) -> Step:
        """Register the checked details: CODE_ENTRY, ALREADY_REGISTERED or SAVED_OFFLINE.

        With the central unreachable the registration goes to the outbox; when
        there is no outbox or it is full the step stays CHECK_DETAILS.
        """
        with self._one_call(lambda: self.step is Step.CHECK_DETAILS) as call:
            if not call.go:
                return self.step
            self.offline_refusal = None
            request = self._frozen_request()
            key = cast(str, self._key)
            outcome = call.run(lambda: self._client.register(request, idempotency_key=key))
            if isinstance(outcome, RegistrationStarted):
                self._registration_id = outcome.id
                self.code_state = CodeState.from_started(outcome)
                self.step = Step.CODE_ENTRY
            elif isinstance(outcome, AccountExists):
                self.step = Step.ALREADY_REGISTERED
            elif isinstance(outcome, ValidationFailed):
                self.details_problems = DetailsProblems.from_fields(outcome.fields)
                self.step = Step.DETAILS
            elif isinstance(outcome, Unreachable):
                self._save_offline(request)
        return self.step

    def confirm_code(self, code: str) -> Step:
        """DONE when the code is right; otherwise CODE_ENTRY with ``last_error``."""
        with self._one_call(lambda: self.step is Step.CODE_ENTRY) as call:
            if not call.go:
                return self.step
            rid = cast(str, self._registration_id)
            outcome = call.run(lambda: self._client.confirm(rid, code.strip()))
            if not isinstance(outcome, CentralError) or isinstance(outcome, AlreadyConfirmed):
                self.last_error = None
                self.step = Step.DONE
            elif isinstance(outcome, InvalidCode) and self.code_state is not None:
                self.code_state = replace(self.code_state, attempts_left=outcome.attempts_left)
            elif isinstance(outcome, TooManyAttempts) and self.code_state is not None:
                self.code_state = replace(self.code_state, attempts_left=0)
        return self.step

    def resend_code(self) -> Step:
        """A new code by SMS; during the cool-down ``last_error`` is ``RateLimited``."""
        with self._one_call(lambda: self.step is Step.CODE_ENTRY) as call:
            if not call.go:
                return self.step
            rid = cast(str, self._registration_id)
            outcome = call.run(lambda: self._client.resend(rid))
            if isinstance(outcome, RegistrationStarted):
                masked = self.code_state.phone_masked if self.code_state else ""
                self.code_state = CodeState.from_started(outcome, masked)
        return self.step

    # -- helpers --------------------------------------------------------------

    def _frozen_request(self) -> RegistrationRequest:
        """The body sent with this key: fixed at the first send so repeats match it."""
        if self._request is None:
            self._request = RegistrationRequest(
                email=cast(str, self.email),
                phone=cast(str, self.phone),
                consent=self.consent,
                locale=cast(Locale, self.locale if self.locale in ("ru", "kk", "en") else "ru"),
                operator=self.operator,
            )
        return self._request

    def _save_offline(self, request: RegistrationRequest) -> None:
        if self._outbox is None:
            return
        # here, not at the top: the outbox brings SQLAlchemy, which the screens
        # importing this module should not wait for at start-up
        from kiosk.outbox import OutboxError

        try:
            entry = self._outbox.capture(
                replace(request, captured_at=datetime.now(UTC)), entry_id=self._key
            )
        except OutboxError as refusal:
            log.error("registration not saved offline: %s", type(refusal).__name__)
            self.offline_refusal = refusal
            return
        self.outbox_entry_id = str(entry)
        self.step = Step.SAVED_OFFLINE
