"""Registration at the terminal: details, check, code, done (or saved offline).

``send``, ``confirm_code`` and ``resend_code`` block (run them on a worker
thread); each returns a ``RegistrationOutcome`` and changes nothing. The GUI
thread passes it to ``apply``, which makes it the flow's state unless a
``wipe`` came first. A second call while one is in flight sends nothing (its
outcome has ``sent`` False), and the Idempotency-Key is made once per confirmed
set of details, so a double tap or a retry after a lost answer never
registers twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from kiosk.api_types import Locale, RegistrationRequest, RegistrationStarted
from kiosk.errors import (
    AccountExists,
    AlreadyConfirmed,
    CentralError,
    Unreachable,
    ValidationFailed,
)
from kiosk.flows._guard import GuardedFlow, code_after
from vic_rules.email import EmailProblem, normalize_email, suggest_email
from vic_rules.phone import PhoneProblem, display_phone, normalize_phone

if TYPE_CHECKING:
    from kiosk.client import CentralClient
    from kiosk.outbox import Outbox, OutboxError

log = logging.getLogger(__name__)

REQUIRED = "required"
CONSENT_REQUIRED = "consent_required"


class Step(StrEnum):
    """Where the client is; each value is the name of the screen that shows it
    (DONE is the success popup over the code screen)."""

    REGISTRATION = "registration"
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
    """The code sent by SMS, as the central described it; its times on the
    terminal's clock (``kiosk.answers.clock_offset``)."""

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


def check_email(raw: str) -> tuple[tuple[str, ...], str | None]:
    """The problem codes of a typed email and a likely correction (pure, any thread)."""
    if not raw.strip():
        return (REQUIRED,), None
    suggestion = suggest_email(raw)
    try:
        normalize_email(raw)
    except EmailProblem as problem:
        return (problem.code,), suggestion
    return (), suggestion


def check_phone(raw: str, regions: Iterable[str] = ("KZ",)) -> tuple[str, ...]:
    """The problem codes of a typed mobile phone (pure, any thread)."""
    if not raw.strip():
        return (REQUIRED,)
    try:
        normalize_phone(raw, regions=tuple(regions))
    except PhoneProblem as problem:
        return (problem.code,)
    return ()


@dataclass(frozen=True)
class RegistrationOutcome:
    """What one blocking call found, to be applied on the GUI thread.

    ``sent`` is False when nothing was sent (another call in flight, or the flow
    not at the step the call needs); ``apply`` then changes nothing. ``email``
    and ``phone`` are the normalised details the call was about, so listeners
    (the clerk panel) need not read the flow.
    """

    step: Step
    generation: int
    sent: bool = True
    error: CentralError | None = None
    code_state: CodeState | None = None
    details_problems: DetailsProblems | None = None
    offline_refusal: OutboxError | None = None
    registration_id: str | None = None
    outbox_entry_id: str | None = None
    request: RegistrationRequest | None = field(default=None, repr=False)
    email: str = field(default="", repr=False)
    phone: str = field(default="", repr=False)


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    email: str
    phone: str
    key: str
    request: RegistrationRequest | None
    registration_id: str | None
    code_state: CodeState | None


class RegistrationFlow(GuardedFlow[Step, RegistrationOutcome, _Snapshot]):
    """One client's registration, from typed details to a confirmed account.

    Only the GUI thread changes it (``submit_details``, ``change_details``,
    ``apply``, ``wipe``). ``email``/``phone`` are the normalised values after
    ``submit_details``; ``details_problems`` holds the central's field problems
    after a refused ``send`` (the step is then REGISTRATION again).
    """

    def __init__(
        self,
        client: CentralClient,
        outbox: Outbox | None,
        *,
        locale: str = "ru",
        operator: str | None = None,
        regions: Iterable[str] = ("KZ",),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """``clock`` (aware UTC) stamps a registration kept offline; tests inject one."""
        self._clock = clock
        self._outbox = outbox
        self.operator = operator
        self.regions = tuple(regions)
        super().__init__(client, RegistrationOutcome, locale)

    def _reset(self) -> None:
        self.step = Step.REGISTRATION
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

    # -- GUI-thread steps -------------------------------------------------------

    def submit_details(self, email: str, phone: str, consent: bool) -> DetailsProblems:
        """Check the typed details offline; when they are fine, move to CHECK_DETAILS."""
        email_problems, suggestion = check_email(email)
        phone_problems = check_phone(phone, self.regions)
        problems = DetailsProblems(
            email=email_problems,
            phone=phone_problems,
            consent=() if consent else (CONSENT_REQUIRED,),
            email_suggestion=suggestion,
        )
        with self._state:
            self.details_problems = problems
            if not problems.ok or self.step not in (Step.REGISTRATION, Step.CHECK_DETAILS):
                return problems
            norm_email = normalize_email(email)
            norm_phone = normalize_phone(phone, regions=self.regions)
            if (norm_email, norm_phone) != (self.email, self.phone) or self._key is None:
                self._key = str(uuid.uuid4())
                self._request = None
            self.email, self.phone, self.consent = norm_email, norm_phone, consent
            self.phone_display = display_phone(norm_phone)
            self.last_error = None
            self.step = Step.CHECK_DETAILS
        return problems

    @property
    def ignored_suggestion(self) -> str | None:
        """The «Вы имели в виду …» the client went past on the form, while the check
        screen shows the details: a mistyped domain is easy to confirm there."""
        with self._state:
            problems = self.details_problems
            if self.step is not Step.CHECK_DETAILS or problems is None:
                return None
            suggestion = problems.email_suggestion
            return suggestion if suggestion and suggestion != self.email else None

    def use_suggested_email(self) -> bool:
        """GUI: the one-tap fix on the check screen. The email becomes the suggestion
        (a new Idempotency-Key: it is another registration); False when there is none."""
        suggestion = self.ignored_suggestion
        if suggestion is None:
            return False
        try:
            fixed = normalize_email(suggestion)
        except EmailProblem:
            return False
        with self._state:
            if self.step is not Step.CHECK_DETAILS or self.busy:
                return False
            self.email = fixed
            self._key = str(uuid.uuid4())
            self._request = None
            if self.details_problems is not None:
                self.details_problems = replace(self.details_problems, email_suggestion=None)
        return True

    def change_details(self) -> None:
        """Back from the check screen to the form; the typed values stay."""
        with self._state:
            if self.step is Step.CHECK_DETAILS:
                self.step = Step.REGISTRATION

    def _take(self, outcome: RegistrationOutcome) -> Step:
        self.offline_refusal = outcome.offline_refusal
        if outcome.request is not None:
            self._request = outcome.request
        if outcome.registration_id is not None:
            self._registration_id = outcome.registration_id
        if outcome.code_state is not None:
            self.code_state = outcome.code_state
        if outcome.details_problems is not None:
            self.details_problems = outcome.details_problems
        if outcome.outbox_entry_id is not None:
            self.outbox_entry_id = outcome.outbox_entry_id
        return outcome.step

    # -- blocking calls (worker thread; they change nothing) ---------------------

    def _snapshot(self) -> _Snapshot | None:
        if self.email is None or self.phone is None or self._key is None:
            return None
        return _Snapshot(
            generation=self._generation,
            email=self.email,
            phone=self.phone,
            key=self._key,
            request=self._request or self._new_request(),
            registration_id=self._registration_id,
            code_state=self.code_state,
        )

    def send(self) -> RegistrationOutcome:
        """Register the checked details: CODE_ENTRY, ALREADY_REGISTERED or SAVED_OFFLINE.

        With the central unreachable the registration goes to the outbox; when
        there is no outbox or it is full the step stays CHECK_DETAILS with
        ``offline_refusal``.
        """
        with self._turn(Step.CHECK_DETAILS) as snap:
            if snap is None or snap.request is None:
                return self._unsent()
            request = snap.request
            done = partial(
                RegistrationOutcome,
                generation=snap.generation,
                request=request,
                email=snap.email,
                phone=snap.phone,
            )
            try:
                started = self._client.register(request, idempotency_key=snap.key)
            except AccountExists as exc:
                return done(step=Step.ALREADY_REGISTERED, error=exc)
            except ValidationFailed as exc:
                problems = DetailsProblems.from_fields(exc.fields)
                return done(step=Step.REGISTRATION, error=exc, details_problems=problems)
            except Unreachable as exc:
                if not self.fresh(snap.generation):  # wiped meanwhile: keep nothing of them
                    return done(step=Step.CHECK_DETAILS, error=exc)
                return self._save_offline(request, snap.key, done, exc)
            except CentralError as exc:
                return done(step=Step.CHECK_DETAILS, error=exc)
            return done(
                step=Step.CODE_ENTRY,
                registration_id=started.id,
                code_state=CodeState.from_started(started),
            )

    def confirm_code(self, code: str) -> RegistrationOutcome:
        """DONE when the code is right; otherwise CODE_ENTRY with the error and
        the attempts left."""
        with self._turn(Step.CODE_ENTRY) as snap:
            if snap is None or snap.registration_id is None:
                return self._unsent()
            done = partial(
                RegistrationOutcome, generation=snap.generation, email=snap.email, phone=snap.phone
            )
            try:
                self._client.confirm(snap.registration_id, code.strip())
            except AlreadyConfirmed:
                return done(step=Step.DONE)
            except CentralError as exc:
                left = code_after(snap.code_state, exc)
                return done(step=Step.CODE_ENTRY, error=exc, code_state=left)
            return done(step=Step.DONE)

    def resend_code(self) -> RegistrationOutcome:
        """A new code by SMS; during the cool-down the error is ``RateLimited``."""
        with self._turn(Step.CODE_ENTRY) as snap:
            if snap is None or snap.registration_id is None:
                return self._unsent()
            done = partial(
                RegistrationOutcome, generation=snap.generation, email=snap.email, phone=snap.phone
            )
            try:
                started = self._client.resend(snap.registration_id)
            except CentralError as exc:
                return done(step=Step.CODE_ENTRY, error=exc)
            masked = snap.code_state.phone_masked if snap.code_state else ""
            return done(step=Step.CODE_ENTRY, code_state=CodeState.from_started(started, masked))

    # -- helpers --------------------------------------------------------------

    def _new_request(self) -> RegistrationRequest | None:
        """The body for this key, made at the first send and kept (``apply``) so
        repeats match it. Called under ``_state``."""
        if self.email is None or self.phone is None:
            return None
        locale: Locale = "ru"
        if self.locale in ("kk", "en"):
            locale = "kk" if self.locale == "kk" else "en"
        return RegistrationRequest(
            email=self.email,
            phone=self.phone,
            consent=self.consent,
            locale=locale,
            operator=self.operator,
        )

    def _save_offline(
        self,
        request: RegistrationRequest,
        key: str,
        done: Callable[..., RegistrationOutcome],
        unreachable: Unreachable,
    ) -> RegistrationOutcome:
        if self._outbox is None:
            return done(step=Step.CHECK_DETAILS, error=unreachable)
        # here, not at the top: the outbox brings SQLAlchemy, which the screens
        # importing this module should not wait for at start-up
        from kiosk.outbox import OutboxError

        try:
            entry = self._outbox.capture(replace(request, captured_at=self._clock()), entry_id=key)
        except OutboxError as refusal:
            log.error("registration not saved offline: %s", type(refusal).__name__)
            return done(step=Step.CHECK_DETAILS, error=unreachable, offline_refusal=refusal)
        return done(step=Step.SAVED_OFFLINE, error=unreachable, outbox_entry_id=str(entry))
