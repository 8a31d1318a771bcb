"""Online claims at the terminal (contract v1.1): file one, add documents, follow it.

A logged-in client picks an active contract and files a claim; the claim's page
then offers the phone (a one-time upload link, shown as a QR code) and, in clerk
mode, the branch's scanner folder for documents, and follows the claim while it
is open. Claims need the client's session, so they never go to the outbox: an
unreachable central leaves the form as typed, with the same Idempotency-Key for
the same details, so a retry once the connection is back files one claim.

The blocking calls (``load_kinds``, ``send``, ``load_claims``, ``refresh_claim``,
``new_upload_link``, ``send_link_by_sms``, ``upload``) run on a worker thread,
read the flow once and return a frozen ``ClaimsOutcome``; ``apply`` on the GUI thread makes it the
flow's state unless a ``wipe`` came first. An outcome with ``stay`` (a poll, a
new link) changes what the flow knows, never the screen shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.api_types import (
    Claim,
    ClaimDocument,
    ClaimKind,
    ClaimRequest,
    ClientSession,
    Contract,
    UploadLink,
)
from kiosk.errors import CentralError, TooLarge, Unauthorized, ValidationFailed
from kiosk.flows._guard import GuardedFlow
from kiosk.flows.claim_draft import (
    DESCRIPTION_MAX_CHARS,
    DESCRIPTION_MIN_CHARS,
    PLACE_MAX_CHARS,
    UNKNOWN_CONTRACT,
    ClaimDraft,
    DraftProblems,
    check_draft,
    problems_from_central,
    today_in_kz,
)
from vic_rules.phone import normalize_phone

__all__ = [
    "DESCRIPTION_MAX_CHARS",
    "DESCRIPTION_MIN_CHARS",
    "MAX_DOCUMENT_BYTES",
    "PLACE_MAX_CHARS",
    "ClaimDraft",
    "ClaimStep",
    "ClaimsFlow",
    "ClaimsOutcome",
    "DraftProblems",
    "UploadResult",
    "check_draft",
]

if TYPE_CHECKING:
    from kiosk.client import CentralClient

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # a larger file is refused here, before sending
UploadProgress = Callable[[str, int, int], None]  # (file name, bytes sent, bytes in all)


class ClaimStep(StrEnum):
    """Where the client is; each value is the name of the screen that shows it."""

    CLAIM_FORM = "claim_form"
    CLAIM_VIEW = "claim_view"
    CLAIM_LIST = "claim_list"
    LOGIN = "login"  # the central ended the session: log in again


@dataclass(frozen=True)
class UploadResult:
    """One chosen file: its ``document`` at the central, or the ``error`` (a
    ``CentralError``, or ``OSError`` when the file could not be read)."""

    name: str
    document: ClaimDocument | None = None
    error: Exception | None = None


@dataclass(frozen=True)
class ClaimsOutcome:
    """What one blocking call found, to be applied on the GUI thread.

    ``sent`` False: nothing was sent (a call in flight, or the wrong state).
    ``stay``: keep the current step (a poll, a new link). ``ended``: the central
    ended the client's session.
    """

    step: ClaimStep
    generation: int
    sent: bool = True
    stay: bool = False
    error: CentralError | None = None
    problems: DraftProblems | None = None
    kinds: tuple[ClaimKind, ...] | None = None
    claim: Claim | None = None
    claims: tuple[Claim, ...] | None = None
    link: UploadLink | None = field(default=None, repr=False)
    uploads: tuple[UploadResult, ...] = ()
    sms_to: str | None = None  # the link went by SMS to this (masked) phone
    ended: bool = False


@dataclass(frozen=True)
class _Snapshot:
    generation: int
    step: ClaimStep
    session: ClientSession | None = field(repr=False)
    claim: Claim | None
    request: ClaimRequest | None
    key: str | None


class ClaimsFlow(GuardedFlow[ClaimStep, ClaimsOutcome, _Snapshot]):
    """One client's claims at the terminal; only the GUI thread changes it.

    ``session`` gives the client's current session (the login flow's), read
    once per call; ``phone`` the account's phone when the terminal knows it
    (the client logged in with it), to prefill the contact phone.
    """

    def __init__(
        self,
        client: CentralClient,
        session: Callable[[], ClientSession | None],
        *,
        phone: Callable[[], str | None] = lambda: None,
        locale: str = "ru",
        regions: Sequence[str] = ("KZ",),
        today: Callable[[], date] = today_in_kz,
    ) -> None:
        self._session = session
        self._phone = phone
        self.regions = tuple(regions)
        self.today = today
        self.form_serial = 0  # bumped by each new form: the screen clears its fields then
        super().__init__(client, ClaimsOutcome, locale)

    def _reset(self) -> None:
        self.step = ClaimStep.CLAIM_LIST
        self.last_error: CentralError | None = None
        self.problems: DraftProblems | None = None
        self.contract: Contract | None = None
        self.kinds: tuple[ClaimKind, ...] = ()
        self.claim: Claim | None = None
        self.just_filed = False  # the claim on show was filed a moment ago
        self.claims: tuple[Claim, ...] = ()
        self.link: UploadLink | None = None
        self.uploads: tuple[UploadResult, ...] = ()
        self._request: ClaimRequest | None = None
        self._key: str | None = None
        self._sms_key: tuple[str, str] | None = None  # (claim id, Idempotency-Key)

    @property
    def account_phone(self) -> str | None:
        """The account's phone (E.164) when the terminal knows it, else None."""
        return self._phone()

    def kind_title(self, code: str) -> str:
        return next((k.title for k in self.kinds if k.code == code), code)

    # -- GUI thread ------------------------------------------------------------------

    def start(self, contract: Contract) -> ClaimStep:
        """A new, empty claim form for ``contract`` (an active one): FORM."""
        with self._state:
            self.contract = contract
            self.problems, self.last_error = None, None
            self._request, self._key = None, None
            self.form_serial += 1
            self.step = ClaimStep.CLAIM_FORM
            return self.step

    def check(self, draft: ClaimDraft) -> DraftProblems:
        """Pure (the form's live checks) against the chosen contract."""
        if self.contract is None:
            return DraftProblems(contract=(UNKNOWN_CONTRACT,))
        return check_draft(draft, self.contract, today=self.today(), regions=self.regions)

    def prepare(self, draft: ClaimDraft) -> DraftProblems:
        """Check ``draft``; when fine, fix the body ``send`` sends and its key: the
        same details keep their key (a retry files nothing twice), changed ones
        get a new one (the central would refuse a key reused for another body)."""
        problems = self.check(draft)
        with self._state:
            self.problems = problems
            if not problems.ok or self.contract is None or draft.event_date is None:
                return problems
            phone = draft.contact_phone.strip()
            request = ClaimRequest(
                contract_number=self.contract.number,
                kind=draft.kind,
                event_date=draft.event_date,
                description=draft.description.strip(),
                place=draft.place.strip() or None,
                contact_phone=(
                    normalize_phone(phone, self.regions, self.regions[0]) if phone else None
                ),
            )
            if request != self._request:
                self._request, self._key = request, str(uuid.uuid4())
            return problems

    def open_claim(self, claim: Claim) -> ClaimStep:
        """Show ``claim``'s page: CLAIM."""
        with self._state:
            self.claim, self.just_filed = claim, False
            self.link, self.uploads, self.last_error = None, (), None
            self.step = ClaimStep.CLAIM_VIEW
            return self.step

    def to_list(self) -> ClaimStep:
        with self._state:
            self.step = ClaimStep.CLAIM_LIST
            return self.step

    def _take(self, outcome: ClaimsOutcome) -> ClaimStep:
        if outcome.kinds is not None:
            self.kinds = outcome.kinds
        if outcome.claims is not None:
            self.claims = outcome.claims
        if outcome.problems is not None:
            self.problems = outcome.problems
        if outcome.link is not None:
            self.link = outcome.link
        if outcome.sms_to is not None:
            self._sms_key = None  # sent: the next request is another SMS
        if outcome.uploads:
            self.uploads = outcome.uploads
        claim = outcome.claim
        if claim is not None and (not outcome.stay or self._showing(claim)):
            if not outcome.stay:
                self.just_filed = self.step is ClaimStep.CLAIM_FORM
                if self.claim is None or self.claim.id != claim.id:
                    self.link, self.uploads = None, ()
            self.claim = claim
        if (
            outcome.step is ClaimStep.CLAIM_VIEW
            and not outcome.stay
            and self.step is ClaimStep.CLAIM_FORM
        ):
            self._request, self._key = None, None  # filed: the form is done
        if outcome.ended:
            self._reset()
            return ClaimStep.LOGIN
        return self.step if outcome.stay else outcome.step

    def _showing(self, claim: Claim) -> bool:
        return self.claim is not None and self.claim.id == claim.id

    # -- blocking calls (worker thread; they change nothing) ---------------------------

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(
            self._generation, self.step, self._session(), self.claim, self._request, self._key
        )

    def _read(self) -> _Snapshot:
        """The snapshot without a turn, for reads that may run beside a call."""
        with self._state:
            return self._snapshot()

    def _ended(self, generation: int, exc: CentralError) -> ClaimsOutcome:
        return ClaimsOutcome(step=ClaimStep.LOGIN, generation=generation, error=exc, ended=True)

    def load_kinds(self) -> ClaimsOutcome:
        """The kinds of event in the current language (the form's list); stays."""
        snap = self._read()
        try:
            kinds = tuple(self._client.claim_kinds())
        except CentralError as exc:
            return ClaimsOutcome(snap.step, snap.generation, stay=True, error=exc)
        return ClaimsOutcome(snap.step, snap.generation, stay=True, kinds=kinds)

    def send(self) -> ClaimsOutcome:
        """File the prepared claim: CLAIM with it; FORM with the problems or the
        error otherwise (``Unreachable``: claims need the connection)."""
        with self._turn(ClaimStep.CLAIM_FORM) as snap:
            if snap is None or snap.request is None or snap.key is None:
                return self._unsent()
            session, request, key = snap.session, snap.request, snap.key
            if session is None:
                return self._unsent()
            generation = snap.generation
            form = ClaimStep.CLAIM_FORM
            try:
                claim = self._client.submit_claim(session.token, request, idempotency_key=key)
            except Unauthorized as exc:
                return self._ended(generation, exc)
            except ValidationFailed as exc:
                problems = problems_from_central(exc)
                return ClaimsOutcome(form, generation, error=exc, problems=problems)
            except CentralError as exc:
                return ClaimsOutcome(form, generation, error=exc)
            return ClaimsOutcome(ClaimStep.CLAIM_VIEW, generation, claim=claim)

    def load_claims(self) -> ClaimsOutcome:
        """Every claim, newest first (and the kinds' titles): CLAIMS."""
        with self._turn() as snap:
            if snap is None or snap.session is None:
                return self._unsent()
            generation, session = snap.generation, snap.session
            try:
                claims = tuple(self._client.claims(session.token))
                kinds = tuple(self._client.claim_kinds())
            except Unauthorized as exc:
                return self._ended(generation, exc)
            except CentralError as exc:
                return ClaimsOutcome(ClaimStep.CLAIM_LIST, generation, error=exc)
            return ClaimsOutcome(ClaimStep.CLAIM_LIST, generation, claims=claims, kinds=kinds)

    def refresh_claim(self) -> ClaimsOutcome:
        """The claim on show as the central has it now (the page's poll); stays.

        A read that may run beside an upload, so it takes no part in the
        double-tap guard; the screen runs one poll at a time.
        """
        snap = self._read()
        generation, step, session, claim = snap.generation, snap.step, snap.session, snap.claim
        if claim is None or session is None:
            return self._unsent()
        try:
            found = self._client.claim(session.token, claim.id)
        except Unauthorized as exc:
            return self._ended(generation, exc)
        except CentralError as exc:
            return ClaimsOutcome(step, generation, stay=True, error=exc)
        return ClaimsOutcome(step, generation, stay=True, claim=found)

    def new_upload_link(self) -> ClaimsOutcome:
        """A one-time link for the phone to the claim on show; stays. Also a read
        in spirit (the page asks again when one is spent): outside the guard."""
        snap = self._read()
        generation, step, session, claim = snap.generation, snap.step, snap.session, snap.claim
        if claim is None or session is None or claim.decided:
            return self._unsent()
        try:
            link = self._client.claim_upload_link(session.token, claim.id)
        except Unauthorized as exc:
            return self._ended(generation, exc)
        except CentralError as exc:
            return ClaimsOutcome(step, generation, stay=True, error=exc)
        return ClaimsOutcome(step, generation, stay=True, link=link)

    def prepare_sms(self) -> None:
        """Fix the Idempotency-Key of the next ``send_link_by_sms`` (GUI thread).
        A request whose answer was lost keeps its key until one is answered, so
        asking again sends one SMS and gets that SMS's link back."""
        with self._state:
            claim = self.claim
            if claim is not None and (self._sms_key is None or self._sms_key[0] != claim.id):
                self._sms_key = (claim.id, str(uuid.uuid4()))

    def send_link_by_sms(self) -> ClaimsOutcome:
        """A new upload link sent by SMS to the account's phone; stays, with the
        new ``link`` (the old one no longer works) and ``sms_to``, or the error
        (``LinkSmsLimited`` with the wait, ``Unreachable``...)."""
        with self._turn(ClaimStep.CLAIM_VIEW) as snap:
            with self._state:
                sms_key = self._sms_key  # fixed by prepare_sms for the claim on show
            if snap is None or snap.session is None or snap.claim is None:
                return self._unsent()
            if sms_key is None or sms_key[0] != snap.claim.id:
                return self._unsent()
            key = sms_key[1]
            generation, session, claim = snap.generation, snap.session, snap.claim
            step = ClaimStep.CLAIM_VIEW
            try:
                sent = self._client.send_claim_upload_link(
                    session.token, claim.id, idempotency_key=key
                )
            except Unauthorized as exc:
                return self._ended(generation, exc)
            except CentralError as exc:
                return ClaimsOutcome(step, generation, stay=True, error=exc)
            return ClaimsOutcome(
                step, generation, stay=True, link=sent.link, sms_to=sent.phone_masked
            )

    def upload(
        self, paths: Sequence[Path], progress: UploadProgress | None = None
    ) -> ClaimsOutcome:
        """Add each file to the claim on show, one after the other; each file's
        result in ``uploads`` (refusals are per file), then the claim as it is now.
        A file above 10 MiB is refused here without sending it."""
        with self._turn(ClaimStep.CLAIM_VIEW) as snap:
            if snap is None or snap.session is None or snap.claim is None:
                return self._unsent()
            generation, session, claim = snap.generation, snap.session, snap.claim
            results: list[UploadResult] = []
            for path in paths:
                results.append(self._upload_one(session, claim, path, progress))
                if isinstance(results[-1].error, Unauthorized):
                    return self._ended(generation, results[-1].error)
            try:
                now = self._client.claim(session.token, claim.id)
            except CentralError:
                now = None  # the results say what happened; the next poll catches up
            return ClaimsOutcome(
                ClaimStep.CLAIM_VIEW, generation, stay=True, claim=now, uploads=tuple(results)
            )

    def _upload_one(
        self,
        session: ClientSession,
        claim: Claim,
        path: Path,
        progress: UploadProgress | None,
    ) -> UploadResult:
        name = path.name
        try:
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                return UploadResult(name, error=TooLarge())
            report = (lambda sent, total: progress(name, sent, total)) if progress else None
            document = self._client.add_claim_document(
                session.token,
                claim.id,
                path,
                idempotency_key=str(uuid.uuid4()),
                progress=report,
            )
        except (CentralError, OSError) as exc:
            return UploadResult(name, error=exc)
        return UploadResult(name, document=document)
