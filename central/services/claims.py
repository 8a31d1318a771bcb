"""Online claims: submission, the client's view, and the insurer's state machine.

A claim is filed by a logged-in client on one of their own contracts; the
insurer moves it through ``TRANSITIONS`` with the CLI. Every change (and every
read) writes an audit event; every status change queues an SMS (to the claim's
contact phone) and an email (to the account) in the claim's language, in the
transaction of the change. Documents and upload links: ``claim_documents``.

Errors are typed (``central.core.errors``): another client's claim is
``NotFound`` and another client's contract ``unknown_contract``, exactly as an
unknown one, so nothing tells that they exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    ClaimAmountRequired,
    ClaimNoteRequired,
    ClaimTransitionRefused,
    NotFound,
    ValidationFailed,
)
from central.core.i18n import CLAIM_KINDS, Locale
from central.crud import accounts, audit
from central.messaging.outbox import enqueue
from central.models import Claim, ClaimDocument, ClaimEvent
from central.repositories import claims as repo
from vic_rules.codes import FieldCode
from vic_rules.phone import PhoneProblem, normalize_phone

NUMBER_PREFIX = "УБ"
# numbers and "today" follow Kazakhstan's time (UTC+5 all year since 2024)
KZ_TIME = timezone(timedelta(hours=5))
DESCRIPTION_MIN_CHARS = 10
DESCRIPTION_MAX_CHARS = 4000
PLACE_MAX_CHARS = 200
NOTE_MAX_CHARS = 2000
SMS_NOTE_MAX_CHARS = 100
MAX_AMOUNT_KZT = Decimal("1000000000000")  # Numeric(14, 2)

SUBMITTED, IN_REVIEW, DOCUMENTS_REQUESTED = "submitted", "in_review", "documents_requested"
APPROVED, PAID, REJECTED = "approved", "paid", "rejected"
STATUSES = (SUBMITTED, IN_REVIEW, DOCUMENTS_REQUESTED, APPROVED, PAID, REJECTED)
DECIDED = frozenset({APPROVED, PAID, REJECTED})
TRANSITIONS: dict[str, frozenset[str]] = {
    SUBMITTED: frozenset({IN_REVIEW, REJECTED}),
    IN_REVIEW: frozenset({DOCUMENTS_REQUESTED, APPROVED, REJECTED}),
    DOCUMENTS_REQUESTED: frozenset({IN_REVIEW, REJECTED}),
    APPROVED: frozenset({PAID}),
    PAID: frozenset(),
    REJECTED: frozenset(),
}
NOTE_REQUIRED = frozenset({DOCUMENTS_REQUESTED, REJECTED})
_FREE_TEXT_CONTROLS = frozenset("\n\r\t")
# a field code of ours (README): control characters where the contract forbids them
INVALID_CHARACTERS = "invalid_characters"


@dataclass(frozen=True)
class ClaimDraft:
    """A client's claim as submitted (types already checked by the route)."""

    contract_number: str
    kind: str
    event_date: date
    description: str
    place: str | None = None
    contact_phone: str | None = None


@dataclass(frozen=True)
class DocumentView:
    id: str
    name: str
    content_type: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class HistoryView:
    status: str
    at: datetime
    note: str | None
    amount: str | None


@dataclass(frozen=True)
class ClaimView:
    """A claim as the client and the insurer see it."""

    id: str
    number: str
    contract_number: str
    kind: str
    event_date: date
    place: str | None
    description: str
    contact_phone: str
    status: str
    created_at: datetime
    documents: list[DocumentView]
    history: list[HistoryView]


def today_in_kz(now: datetime) -> date:
    return now.astimezone(KZ_TIME).date()


def kinds(locale: Locale) -> list[tuple[str, str]]:
    """``(code, title)`` of every kind of claim, titles in ``locale``."""
    return [(code, titles[locale]) for code, titles in CLAIM_KINDS.items()]


def has_controls(text: str, allowed: frozenset[str] = frozenset()) -> bool:
    return any((ord(ch) < 32 or 127 <= ord(ch) < 160) and ch not in allowed for ch in text)


def _check_draft(draft: ClaimDraft, now: datetime) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    if draft.kind not in CLAIM_KINDS:
        fields["kind"] = [FieldCode.UNKNOWN_KIND]
    if draft.event_date > today_in_kz(now):
        fields["event_date"] = [FieldCode.IN_FUTURE]
    described = draft.description.strip()
    if has_controls(draft.description, _FREE_TEXT_CONTROLS):
        fields["description"] = [INVALID_CHARACTERS]
    elif len(described) < DESCRIPTION_MIN_CHARS:
        fields["description"] = [FieldCode.TOO_SHORT]
    elif len(described) > DESCRIPTION_MAX_CHARS:
        fields["description"] = [FieldCode.TOO_LONG]
    if draft.place is not None and has_controls(draft.place):
        fields["place"] = [INVALID_CHARACTERS]
    return fields


def _contact_phone(raw: str | None, fallback: str, settings: Settings) -> str:
    if raw is None or not raw.strip():
        return fallback
    return normalize_phone(raw, settings.allowed_regions, settings.default_region)


def submit(
    db: Session,
    *,
    account_id: str,
    draft: ClaimDraft,
    locale: Locale,
    now: datetime,
    settings: Settings,
    terminal_id: str | None,
) -> ClaimView:
    """File ``draft`` for the account: a numbered claim in ``submitted``, its
    first history entry, an acknowledging SMS and email. ``ValidationFailed``
    lists every field's problem at once."""
    account = accounts.get(db, account_id)
    if account is None:
        raise NotFound()
    fields = _check_draft(draft, now)
    try:
        phone = _contact_phone(draft.contact_phone, account.phone, settings)
    except PhoneProblem as exc:
        fields["contact_phone"] = [exc.code]
    contract = (
        None
        if has_controls(draft.contract_number)  # NUL would not even reach PostgreSQL
        else repo.contract_of(db, account_id, draft.contract_number)
    )
    if has_controls(draft.contract_number):
        fields["contract_number"] = [INVALID_CHARACTERS]
    elif contract is None:
        fields["contract_number"] = [FieldCode.UNKNOWN_CONTRACT]
    elif not contract.starts_on <= draft.event_date <= contract.ends_on:
        fields["contract_number"] = [FieldCode.NOT_ACTIVE_ON_EVENT_DATE]
    if fields:
        raise ValidationFailed(fields)
    assert contract is not None
    year = now.astimezone(KZ_TIME).year
    number = f"{NUMBER_PREFIX}-{year}-{repo.next_number(db, year):06d}"
    claim = Claim(
        number=number,
        account_id=account_id,
        contract_id=contract.id,
        kind=draft.kind,
        event_date=draft.event_date,
        place=(draft.place or "").strip() or None,
        description=draft.description.strip(),
        contact_phone=phone,
        locale=locale,
        status=SUBMITTED,
        created_at=now,
        updated_at=now,
    )
    repo.add(db, claim)
    repo.add(db, ClaimEvent(claim_id=claim.id, status=SUBMITTED, at=now))
    params = {"number": number, "contract_number": contract.number}
    enqueue(db, channel="sms", to=phone, kind="claim_submitted_sms", locale=locale, params=params)
    enqueue(
        db,
        channel="email",
        to=account.email,
        kind="claim_submitted_email",
        locale=locale,
        params=params,
    )
    audit.record(
        db, "claim_submitted", now, account_id=account_id, terminal_id=terminal_id, detail=number
    )
    return views(db, [claim])[0]


def client_claims(
    db: Session, account_id: str, now: datetime, terminal_id: str | None
) -> list[ClaimView]:
    """The account's claims, newest first (the read is audited)."""
    found = views(db, repo.of_account(db, account_id))
    audit.record(
        db,
        "claims_listed",
        now,
        account_id=account_id,
        terminal_id=terminal_id,
        detail=f"{len(found)} claims",
    )
    return found


def client_claim(
    db: Session, account_id: str, claim_id: str, now: datetime, terminal_id: str | None
) -> ClaimView:
    """One of the account's claims; another's (or none) is ``NotFound``."""
    claim = repo.of_account_by_id(db, account_id, claim_id)
    if claim is None:
        raise NotFound()
    audit.record(
        db,
        "claim_viewed",
        now,
        account_id=account_id,
        terminal_id=terminal_id,
        detail=claim.number,
    )
    return views(db, [claim])[0]


def views(db: Session, claims: Iterable[Claim]) -> list[ClaimView]:
    """Claims with their documents, history and contract numbers (three queries)."""
    rows = list(claims)
    ids = [c.id for c in rows]
    documents = repo.documents_of(db, ids)
    events = repo.events_of(db, ids)
    contracts = repo.contract_numbers(db, (c.contract_id for c in rows))
    return [
        ClaimView(
            id=c.id,
            number=c.number,
            contract_number=contracts.get(c.contract_id, ""),
            kind=c.kind,
            event_date=c.event_date,
            place=c.place,
            description=c.description,
            contact_phone=c.contact_phone,
            status=c.status,
            created_at=c.created_at,
            documents=[document_view(d) for d in documents.get(c.id, [])],
            history=[
                HistoryView(
                    status=e.status,
                    at=e.at,
                    note=e.note,
                    amount=f"{e.amount:.2f}" if e.amount is not None else None,
                )
                for e in events.get(c.id, [])
            ],
        )
        for c in rows
    ]


def document_view(doc: ClaimDocument) -> DocumentView:
    return DocumentView(
        id=doc.id,
        name=doc.name,
        content_type=doc.content_type,
        size=doc.size,
        added_at=doc.added_at,
    )


# --- the insurer's side (the CLI) ------------------------------------------------


def by_number(db: Session, number: str) -> Claim:
    claim = repo.by_number(db, number.strip())
    if claim is None:
        raise NotFound()
    return claim


def list_for_insurer(
    db: Session, status: str | None, operator: str, now: datetime
) -> list[ClaimView]:
    found = views(db, repo.listed(db, status))
    audit.record(
        db,
        "claims_listed",
        now,
        operator=operator,
        detail=f"status={status or 'any'}: {len(found)} claims",
    )
    return found


def show_for_insurer(db: Session, number: str, operator: str, now: datetime) -> ClaimView:
    claim = by_number(db, number)
    audit.record(
        db,
        "claim_viewed",
        now,
        account_id=claim.account_id,
        operator=operator,
        detail=claim.number,
    )
    return views(db, [claim])[0]


def set_status(
    db: Session,
    *,
    number: str,
    status: str,
    note: str | None,
    amount: Decimal | None,
    operator: str,
    now: datetime,
) -> ClaimView:
    """Move the claim to ``status`` if ``TRANSITIONS`` allows it, with its note
    (required for ``documents_requested`` and ``rejected``) and amount (required
    for ``approved``; ``paid`` defaults to the approved one); the client gets an
    SMS and an email in the claim's language. Concurrent changes of one claim
    are judged one after another (the row is locked first)."""
    found = by_number(db, number)
    claim = repo.lock(db, found.id, now)
    assert claim is not None
    if status not in TRANSITIONS.get(claim.status, frozenset()):
        raise ClaimTransitionRefused(claim.number, claim.status, status)
    text = (note or "").strip() or None
    if text is not None and (len(text) > NOTE_MAX_CHARS or has_controls(text, _FREE_TEXT_CONTROLS)):
        raise ValidationFailed({"note": ["invalid"]})
    if status in NOTE_REQUIRED and text is None:
        raise ClaimNoteRequired()
    if status == APPROVED and (amount is None or not Decimal(0) < amount < MAX_AMOUNT_KZT):
        raise ClaimAmountRequired()
    if status == PAID:
        amount = amount if amount is not None else claim.approved_amount
    elif status != APPROVED:
        amount = None
    if amount is not None and not Decimal(0) < amount < MAX_AMOUNT_KZT:
        raise ClaimAmountRequired()
    previous = claim.status
    claim.status = status
    if status == APPROVED:
        claim.approved_amount = amount
    repo.add(
        db,
        ClaimEvent(
            claim_id=claim.id, status=status, at=now, note=text, amount=amount, operator=operator
        ),
    )
    _notify(db, claim, text, amount)
    audit.record(
        db,
        "claim_status_changed",
        now,
        account_id=claim.account_id,
        operator=operator,
        detail=f"{claim.number}: {previous} -> {status}",
    )
    return views(db, [claim])[0]


def format_amount(amount: Decimal) -> str:
    """``1 250 000.00 ₸``: thin groups that read the same in ru, kk and en."""
    return f"{amount:,.2f}".replace(",", " ") + " ₸"


def _notify(db: Session, claim: Claim, note: str | None, amount: Decimal | None) -> None:
    account = accounts.get(db, claim.account_id)
    short = note if note is None or len(note) <= SMS_NOTE_MAX_CHARS else note[:99] + "…"
    params: dict[str, object] = {
        "number": claim.number,
        "amount": format_amount(amount) if amount is not None else "",
        "note": note or "",
        "note_block": f"\n\n{note}" if note else "",
    }
    sms = {**params, "note": short or ""}
    enqueue(
        db,
        channel="sms",
        to=claim.contact_phone,
        kind=f"claim_{claim.status}_sms",
        locale=claim.locale,
        params=sms,
    )
    if account is not None:
        enqueue(
            db,
            channel="email",
            to=account.email,
            kind=f"claim_{claim.status}_email",
            locale=claim.locale,
            params=params,
        )
