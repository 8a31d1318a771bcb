"""Correcting the email of an account pending activation (issue 11 §1).

A typo in the email at registration leaves the client without the activation
email, and the phone is then held by an account they cannot use. At the branch
the clerk (clerk mode) types the phone and the right email and ticks that the
client showed an identity document; the central texts a code to the account's
phone, and with that code the account moves to the new address, which gets the
activation email (the old one gets nothing more). At a kiosk the client does
the same without the ID step: the SMS code is the proof, and the central
decides whether that account may be corrected there (it has never been logged
into), refusing otherwise.

``start`` and ``confirm`` block (worker thread), return a ``CorrectionOutcome``
and change nothing; ``apply`` on the GUI thread takes it unless a ``wipe`` came
first. The central has no resend for this code: «send again» starts a new
correction with the same details (one more code of the phone's hourly cap),
after ``RESEND_AFTER_S``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from kiosk.errors import CentralError, InvalidCode, TooManyAttempts, ValidationFailed
from kiosk.flows._guard import GuardedFlow
from kiosk.flows.registration import check_email, check_phone
from vic_rules.email import normalize_email
from vic_rules.phone import normalize_phone

if TYPE_CHECKING:
    from kiosk.client import CentralClient

RESEND_AFTER_S = 60  # a second code for the same details no sooner than this
ID_REQUIRED = "id_required"


class CorrectionStep(StrEnum):
    """Where the client is; each value is the name of the screen that shows it."""

    EMAIL_CORRECTION = "email_correction"
    EMAIL_CORRECTION_CODE = "email_correction_code"
    EMAIL_CORRECTION_DONE = "email_correction_done"


@dataclass(frozen=True)
class CorrectionProblems:
    """What is wrong with the typed details, as codes the UI translates."""

    phone: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    id_checked: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.phone or self.email or self.id_checked)

    @classmethod
    def from_fields(cls, fields: dict[str, list[str]]) -> CorrectionProblems:
        """The central's ``validation_failed`` fields, as the form's problems."""
        return cls(
            phone=tuple(fields.get("phone", ())),
            email=tuple(fields.get("email", ())),
            id_checked=(ID_REQUIRED,) if fields.get("id_checked") else (),
        )


@dataclass(frozen=True)
class CorrectionCode:
    """The code sent by SMS, as the central described it; both times on the
    terminal's clock (``kiosk.answers.clock_offset``)."""

    phone_masked: str
    attempts_left: int
    code_expires_at: datetime
    resend_available_at: datetime

    def expires_in_s(self, now: datetime) -> float:
        return max(0.0, (self.code_expires_at - now).total_seconds())

    def resend_in_s(self, now: datetime) -> float:
        return max(0.0, (self.resend_available_at - now).total_seconds())


@dataclass(frozen=True)
class CorrectionOutcome:
    """What one blocking call found, to be applied on the GUI thread; ``sent``
    False means nothing was sent (a call in flight, the wrong step, details
    with problems)."""

    step: CorrectionStep
    generation: int
    sent: bool = True
    error: CentralError | None = None
    problems: CorrectionProblems | None = None
    correction_id: str | None = None
    code: CorrectionCode | None = None
    email_masked: str | None = None
    details: tuple[str, str] | None = field(default=None, repr=False)  # personal data


@dataclass(frozen=True)
class _Snap:
    generation: int
    correction_id: str | None
    code: CorrectionCode | None


class EmailCorrectionFlow(GuardedFlow[CorrectionStep, CorrectionOutcome, _Snap]):
    """One email correction; only the GUI thread changes it.

    ``id_required`` (clerk mode): the clerk must confirm the client's ID, and
    the central is told so with the clerk's id, which ``operator`` reads when
    called (the shift's clerk may change). A kiosk asks for no ID and sends no
    operator.
    """

    def __init__(
        self,
        client: CentralClient,
        *,
        id_required: bool = False,
        operator: Callable[[], str | None] = lambda: None,
        locale: str = "ru",
        regions: Iterable[str] = ("KZ",),
    ) -> None:
        self.id_required = id_required
        self._operator = operator
        self.regions = tuple(regions)
        super().__init__(client, CorrectionOutcome, locale)

    def _reset(self) -> None:
        self.step = CorrectionStep.EMAIL_CORRECTION
        self.last_error = None
        self.problems = CorrectionProblems()
        self.code: CorrectionCode | None = None
        self.email_masked = ""
        # what another screen already knows («У вас уже есть…»): the form starts from it
        self.typed_phone = ""
        self.typed_email = ""
        self._details: tuple[str, str] | None = None  # (phone E.164, email) of the code
        self._correction_id: str | None = None

    def _snapshot(self) -> _Snap | None:
        return _Snap(self._generation, self._correction_id, self.code)

    def _take(self, outcome: CorrectionOutcome) -> CorrectionStep:
        if outcome.correction_id is not None:
            self._correction_id = outcome.correction_id
        if outcome.details is not None:
            self._details = outcome.details
        if outcome.code is not None:
            self.code = outcome.code
        if outcome.email_masked is not None:
            self.email_masked = outcome.email_masked
        return outcome.step

    # -- GUI thread ------------------------------------------------------------------

    def check(self, phone: str, email: str, id_checked: bool) -> CorrectionProblems:
        """The typed details' problems, offline (pure; any thread)."""
        email_problems, _suggestion = check_email(email)
        return CorrectionProblems(
            phone=check_phone(phone, self.regions),
            email=email_problems,
            id_checked=(ID_REQUIRED,) if self.id_required and not id_checked else (),
        )

    def apply(self, outcome: CorrectionOutcome) -> CorrectionStep | None:
        """As every flow's ``apply``; the typed details' ``problems`` are taken even
        from an outcome that sent nothing (they are why nothing was sent)."""
        with self._state:
            if self.fresh(outcome.generation) and outcome.problems is not None:
                self.problems = outcome.problems
            return super().apply(outcome)

    def back_to_details(self) -> CorrectionStep:
        """From the code back to the form (another phone or email): EMAIL_CORRECTION."""
        with self._state:
            if self.step is CorrectionStep.EMAIL_CORRECTION_CODE:
                self.step = CorrectionStep.EMAIL_CORRECTION
                self.last_error = None
            return self.step

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def _unsent(self, problems: CorrectionProblems | None = None) -> CorrectionOutcome:
        with self._state:
            return CorrectionOutcome(
                step=self.step, generation=self._generation, sent=False, problems=problems
            )

    def start(self, phone: str, email: str, id_checked: bool) -> CorrectionOutcome:
        """Ask the central to text a code to the pending account of ``phone``:
        EMAIL_CORRECTION_CODE; details with problems send nothing (``problems``);
        a refusal stays at EMAIL_CORRECTION with the error (``NotFound``: no
        account pending activation)."""
        problems = self.check(phone, email, id_checked)
        if not problems.ok:
            return self._unsent(problems)
        details = (normalize_phone(phone, regions=self.regions), normalize_email(email))
        return self._send(details, id_checked)

    def resend(self) -> CorrectionOutcome:
        """A new code for the same details (a new correction): EMAIL_CORRECTION_CODE,
        with the error if refused; nothing before ``resend_available_at``."""
        with self._state:
            details, code, ready = (
                self._details,
                self.code,
                self.step is CorrectionStep.EMAIL_CORRECTION_CODE,
            )
        if not ready or details is None or (code and code.resend_in_s(datetime.now(UTC)) > 0):
            return self._unsent()
        return self._send(details, True, stay=CorrectionStep.EMAIL_CORRECTION_CODE)

    def _send(
        self,
        details: tuple[str, str],
        id_checked: bool,
        stay: CorrectionStep = CorrectionStep.EMAIL_CORRECTION,
    ) -> CorrectionOutcome:
        with self._turn(
            CorrectionStep.EMAIL_CORRECTION, CorrectionStep.EMAIL_CORRECTION_CODE
        ) as snap:
            if snap is None:
                return self._unsent()
            done = partial(CorrectionOutcome, generation=snap.generation)
            operator = (self._operator() or None) if self.id_required else None
            try:
                started = self._client.start_email_correction(
                    details[0], details[1], operator=operator,
                    id_checked=id_checked and self.id_required,
                    idempotency_key=str(uuid.uuid4()),
                )  # fmt: skip
            except ValidationFailed as exc:
                problems = CorrectionProblems.from_fields(exc.fields)
                return done(step=stay, error=exc, problems=problems)
            except CentralError as exc:
                return done(step=stay, error=exc)
            now = datetime.now(UTC)
            code = CorrectionCode(
                phone_masked=started.phone_masked,
                attempts_left=started.attempts_left,
                code_expires_at=started.code_expires_at,
                resend_available_at=now + timedelta(seconds=RESEND_AFTER_S),
            )
            return done(
                step=CorrectionStep.EMAIL_CORRECTION_CODE,
                correction_id=started.id,
                code=code,
                details=details,
                problems=CorrectionProblems(),
            )

    def confirm(self, code: str) -> CorrectionOutcome:
        """Move the account to the new email with the SMS ``code``:
        EMAIL_CORRECTION_DONE; else EMAIL_CORRECTION_CODE with the error
        (``InvalidCode`` with the attempts left)."""
        with self._turn(CorrectionStep.EMAIL_CORRECTION_CODE) as snap:
            if snap is None or snap.correction_id is None:
                return self._unsent()
            correction_id, state = snap.correction_id, snap.code
            done = partial(CorrectionOutcome, generation=snap.generation)
            try:
                masked = self._client.confirm_email_correction(correction_id, code.strip())
            except InvalidCode as exc:
                left = _with_attempts(state, exc.attempts_left)
                return done(step=CorrectionStep.EMAIL_CORRECTION_CODE, error=exc, code=left)
            except TooManyAttempts as exc:
                return done(
                    step=CorrectionStep.EMAIL_CORRECTION_CODE,
                    error=exc,
                    code=_with_attempts(state, 0),
                )
            except CentralError as exc:
                return done(step=CorrectionStep.EMAIL_CORRECTION_CODE, error=exc)
            return done(step=CorrectionStep.EMAIL_CORRECTION_DONE, email_masked=masked)


def _with_attempts(state: CorrectionCode | None, left: int) -> CorrectionCode | None:
    return replace(state, attempts_left=left) if state is not None else None
